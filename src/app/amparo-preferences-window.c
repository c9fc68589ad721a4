/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-preferences-window.h"

#include "amparo-a11y.h"
#include "amparo-language.h"
#include "amparo-organization-preferences.h"
#include "amparo-store-preferences.h"
#include "amparo-staff-preferences.h"  /* roles (#17) */
#include "amparo-website-preferences.h"

struct _AmparoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkSpinButton        *idle_lock_spin;  /* privacy (#17) */

  AmparoStorePreferences *store_page;
  GtkSwitch            *follow_desktop_switch;
};

G_DEFINE_FINAL_TYPE (AmparoPreferencesWindow, amparo_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_follow_desktop_cb (AmparoPreferencesWindow *self,
                      GParamSpec              *pspec,
                      GtkSwitch               *toggle)
{
  gboolean follow = gtk_switch_get_active (toggle);
  g_autofree char *stored = g_settings_get_string (self->settings, "language");

  if (follow == (*stored == '\0'))
    return;

  /* Following the desktop only decides the language at start-up; the
   * language now shown stays until the user switches it. */
  g_settings_set_string (self->settings, "language",
                         follow ? "" : amparo_language_get ());
}

static void
amparo_preferences_window_dispose (GObject *object)
{
  AmparoPreferencesWindow *self = (AmparoPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amparo_preferences_window_parent_class)->dispose (object);
}

static void
amparo_preferences_window_class_init (AmparoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_preferences_window_dispose;

  g_type_ensure (AMPARO_TYPE_STORE_PREFERENCES);
  g_type_ensure (AMPARO_TYPE_WEBSITE_PREFERENCES);
  g_type_ensure (AMPARO_TYPE_ORGANIZATION_PREFERENCES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoPreferencesWindow, store_page);
  gtk_widget_class_bind_template_child (widget_class, AmparoPreferencesWindow, follow_desktop_switch);
  gtk_widget_class_bind_template_child (widget_class, AmparoPreferencesWindow, idle_lock_spin);  /* privacy (#17) */
}

/* privacy (#17): the idle lock's setting is in seconds, the row in minutes. */
static gboolean
idle_seconds_to_minutes (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 60);
  return TRUE;
}

static GVariant *
idle_minutes_to_seconds (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_uint32 ((guint32) g_value_get_double (value) * 60);
}

static void
amparo_preferences_window_init (AmparoPreferencesWindow *self)
{
  g_autofree char *stored = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  amparo_a11y_name_builtin_controls (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  stored = g_settings_get_string (self->settings, "language");
  gtk_switch_set_active (self->follow_desktop_switch, *stored == '\0');
  g_signal_connect_object (self->follow_desktop_switch, "notify::active",
                           G_CALLBACK (on_follow_desktop_cb), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind_with_mapping (self->settings, "idle-lock-seconds", self->idle_lock_spin, "value",  /* privacy (#17) */
                                G_SETTINGS_BIND_DEFAULT, idle_seconds_to_minutes, idle_minutes_to_seconds, NULL, NULL);
}

/**
 * amparo_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @database_path: (nullable): the case store's file, shown to the user
 *
 * Returns: (transfer none): a new preferences window
 */
AmparoPreferencesWindow *
amparo_preferences_window_new (GtkWindow  *parent,
                               const char *database_path)
{
  AmparoPreferencesWindow *self;

  self = g_object_new (AMPARO_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  amparo_store_preferences_set_path (self->store_page, database_path);
  /* roles (#17): Preferences → Staff, for the window's case store */
  {
    g_autoptr(AmparoStore) store = NULL;

    if (parent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (parent), "store"))
      g_object_get (parent, "store", &store, NULL);
    amparo_store_preferences_set_store (self->store_page, store);  /* backup (#10) */
    if (store != NULL)
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (amparo_staff_preferences_new (store)));
  }
  return self;
}
