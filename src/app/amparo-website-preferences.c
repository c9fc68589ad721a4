/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-website-preferences.h"

#include <glib/gi18n.h>

#include "amparo-credentials.h"
#include "amparo-wordpress.h"

/* Preferences → Website: the site and user are settings; the application
 * password goes straight to the Secret Service and is never shown again,
 * only whether one is saved. */

struct _AmparoWebsitePreferences
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;
  GCancellable       *cancellable;

  AdwEntryRow        *url_row;
  AdwEntryRow        *user_row;
  AdwPasswordEntryRow *password_row;
  AdwComboRow        *mode_row;
  AdwActionRow       *status_row;
  GtkSpinner         *spinner;
};

G_DEFINE_FINAL_TYPE (AmparoWebsitePreferences, amparo_website_preferences, ADW_TYPE_PREFERENCES_PAGE)

static void
set_status (AmparoWebsitePreferences *self,
            const char               *text,
            gboolean                  busy)
{
  adw_action_row_set_subtitle (self->status_row, text);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "website.test", !busy);
}

static gboolean
mode_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_uint (value, g_strcmp0 (g_variant_get_string (variant, NULL), "two-posts") == 0);
  return TRUE;
}

static GVariant *
selected_to_mode (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "two-posts" : "combined");
}

static void
on_password_stored_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmparoWebsitePreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (amparo_credentials_store_finish (result, &error))
    set_status (self, _("Password saved in the keyring."), FALSE);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, error->message, FALSE);
}

static void
on_password_apply_cb (AmparoWebsitePreferences *self,
                      AdwPasswordEntryRow      *row)
{
  g_autofree char *url = g_settings_get_string (self->settings, "website-url");
  g_autofree char *user = g_settings_get_string (self->settings, "website-user");
  const char *password = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*url == '\0' || *user == '\0')
    {
      set_status (self, _("Enter the website address and user name first."), FALSE);
      return;
    }

  amparo_credentials_store_async (url, user, password, self->cancellable,
                                  on_password_stored_cb, g_object_ref (self));
  /* Do not leave the secret in a widget any longer than needed. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_connection_tested_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(AmparoWebsitePreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  name = amparo_wordpress_test_connection_finish (AMPARO_WORDPRESS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (name == NULL)
    {
      set_status (self, error->message, FALSE);
      return;
    }
  text = g_strdup_printf (_("Connected as %s."), name);
  set_status (self, text, FALSE);
}

static void
on_password_found_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AmparoWebsitePreferences) self = user_data;
  g_autoptr(AmparoWordpress) site = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = amparo_credentials_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (password == NULL)
    {
      set_status (self, error ? error->message
                              : _("No application password is saved for this user yet."), FALSE);
      return;
    }

  site = amparo_wordpress_new_from_settings (self->settings);
  amparo_wordpress_set_password (site, password);
  amparo_wordpress_test_connection_async (site, self->cancellable,
                                          on_connection_tested_cb, g_object_ref (self));
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmparoWebsitePreferences *self = AMPARO_WEBSITE_PREFERENCES (widget);
  g_autofree char *url = g_settings_get_string (self->settings, "website-url");
  g_autofree char *user = g_settings_get_string (self->settings, "website-user");

  if (*url == '\0' || *user == '\0')
    {
      set_status (self, _("Enter the website address and user name first."), FALSE);
      return;
    }
  set_status (self, _("Connecting…"), TRUE);
  amparo_credentials_lookup_async (url, user, self->cancellable,
                                   on_password_found_cb, g_object_ref (self));
}

static void
amparo_website_preferences_dispose (GObject *object)
{
  AmparoWebsitePreferences *self = (AmparoWebsitePreferences *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_WEBSITE_PREFERENCES);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amparo_website_preferences_parent_class)->dispose (object);
}

static void
amparo_website_preferences_class_init (AmparoWebsitePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_website_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-website-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoWebsitePreferences, url_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWebsitePreferences, user_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWebsitePreferences, password_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWebsitePreferences, mode_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWebsitePreferences, status_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWebsitePreferences, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply_cb);

  gtk_widget_class_install_action (widget_class, "website.test", NULL, test_action);
}

static void
amparo_website_preferences_init (AmparoWebsitePreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "website-url", self->url_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "website-user", self->user_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "website-post-mode", self->mode_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, mode_to_selected, selected_to_mode,
                                NULL, NULL);
  set_status (self, _("Not tested yet."), FALSE);
}

/**
 * amparo_website_preferences_get_status:
 *
 * Returns: (transfer none): what the last test or save said
 */
const char *
amparo_website_preferences_get_status (AmparoWebsitePreferences *self)
{
  g_return_val_if_fail (AMPARO_IS_WEBSITE_PREFERENCES (self), NULL);

  return adw_action_row_get_subtitle (self->status_row);
}
