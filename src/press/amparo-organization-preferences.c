/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-press"

#include "config.h"

#include "amparo-organization-preferences.h"

#include <glib/gi18n.h>

#include "amparo-bind.h"

/* The Organization page of the Preferences: name, address, website, the
 * About-us boilerplate in English and Spanish, and the default media
 * contact, saved to the store's one organization record.
 *
 * The widgets are bound to that record; edits are saved shortly after
 * typing stops and when the page goes away, like other preferences. The
 * store comes from the "store" property, or else from the "store" of the
 * window the Preferences belong to, so the Preferences window needs no
 * store of its own. */

#define SAVE_DELAY_MS 500

struct _AmparoOrganizationPreferences
{
  AdwPreferencesPage  parent_instance;

  AmparoStore        *store;
  AmparoOrganization *organization;
  guint               save_source;

  GtkWidget          *name_row;
  GtkWidget          *address_row;
  GtkWidget          *website_row;
  GtkTextView        *about_en_view;
  GtkTextView        *about_es_view;
  GtkWidget          *contact_name_row;
  GtkWidget          *contact_phone_row;
  GtkWidget          *contact_email_row;
};

G_DEFINE_FINAL_TYPE (AmparoOrganizationPreferences, amparo_organization_preferences, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_text (AmparoOrganizationPreferences *self,
           const char                    *property,
           gpointer                       widget)
{
  amparo_bind_text (self->organization, property, widget, "text");
}

/**
 * amparo_organization_preferences_save:
 *
 * Saves what was typed now rather than after the short delay.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_organization_preferences_save (AmparoOrganizationPreferences *self,
                                      GError                       **error)
{
  g_return_val_if_fail (AMPARO_IS_ORGANIZATION_PREFERENCES (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->store == NULL || self->organization == NULL)
    return TRUE;
  return amparo_store_save (self->store, AMPARO_RECORD (self->organization), error);
}

static gboolean
save_timeout_cb (gpointer data)
{
  AmparoOrganizationPreferences *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!amparo_organization_preferences_save (self, &error))
    g_warning ("Could not save the organization: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
on_organization_notify_cb (AmparoOrganizationPreferences *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * amparo_organization_preferences_set_store:
 *
 * Shows and edits the organization record of @store.
 */
void
amparo_organization_preferences_set_store (AmparoOrganizationPreferences *self,
                                           AmparoStore                   *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AMPARO_IS_ORGANIZATION_PREFERENCES (self));

  if (self->store == store || store == NULL)
    return;
  g_set_object (&self->store, store);
  self->organization = amparo_store_get_organization (store, &error);
  if (self->organization == NULL)
    {
      g_warning ("Could not read the organization: %s", error->message);
      return;
    }
  bind_text (self, "name", self->name_row);
  bind_text (self, "address", self->address_row);
  bind_text (self, "website-url", self->website_row);
  bind_text (self, "about-en", gtk_text_view_get_buffer (self->about_en_view));
  bind_text (self, "about-es", gtk_text_view_get_buffer (self->about_es_view));
  bind_text (self, "media-contact-name", self->contact_name_row);
  bind_text (self, "media-contact-phone", self->contact_phone_row);
  bind_text (self, "media-contact-email", self->contact_email_row);
  g_signal_connect_object (self->organization, "notify", G_CALLBACK (on_organization_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
amparo_organization_preferences_map (GtkWidget *widget)
{
  AmparoOrganizationPreferences *self = AMPARO_ORGANIZATION_PREFERENCES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  GTK_WIDGET_CLASS (amparo_organization_preferences_parent_class)->map (widget);

  if (self->store == NULL && parent != NULL
      && g_object_class_find_property (G_OBJECT_GET_CLASS (parent), "store") != NULL)
    {
      g_autoptr(AmparoStore) store = NULL;

      g_object_get (parent, "store", &store, NULL);
      amparo_organization_preferences_set_store (self, store);
    }
}

static void
amparo_organization_preferences_dispose (GObject *object)
{
  AmparoOrganizationPreferences *self = AMPARO_ORGANIZATION_PREFERENCES (object);
  g_autoptr(GError) error = NULL;

  if (self->save_source != 0 && !amparo_organization_preferences_save (self, &error))
    g_warning ("Could not save the organization: %s", error->message);
  if (self->organization != NULL)
    g_signal_handlers_disconnect_by_data (self->organization, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_ORGANIZATION_PREFERENCES);
  g_clear_object (&self->organization);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_organization_preferences_parent_class)->dispose (object);
}

static void
amparo_organization_preferences_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  AmparoOrganizationPreferences *self = AMPARO_ORGANIZATION_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_organization_preferences_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  AmparoOrganizationPreferences *self = AMPARO_ORGANIZATION_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amparo_organization_preferences_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_organization_preferences_class_init (AmparoOrganizationPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_organization_preferences_dispose;
  object_class->get_property = amparo_organization_preferences_get_property;
  object_class->set_property = amparo_organization_preferences_set_property;
  widget_class->map = amparo_organization_preferences_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AMPARO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/press/amparo-organization-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, address_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, website_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, about_en_view);
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, about_es_view);
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoOrganizationPreferences, contact_email_row);
}

static void
amparo_organization_preferences_init (AmparoOrganizationPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
