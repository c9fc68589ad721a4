/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-store-preferences.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-application.h"
#include "amparo-credentials.h"
#include "amparo-store.h"
#include "amparo-store-server-backup.h"

/* Preferences → Case Store: this computer's file, or the organization's
 * shared PostgreSQL server (#10). The server's address and the staff
 * member's account are settings; the password goes to the keyring, and
 * only after the server accepted it. Nothing is saved, and the window
 * keeps its store, until a connection has worked: a typo never leaves a
 * desk without its records. */

static const char * const tls_modes[] = { "verify-full", "require", "disable" };

struct _AmparoStorePreferences
{
  AdwPreferencesPage   parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;

  GtkCheckButton      *local_check;
  GtkCheckButton      *server_check;
  AdwActionRow        *local_row;
  AdwPreferencesGroup *server_group;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *database_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  AdwComboRow         *tls_row;
  AdwActionRow        *status_row;
  GtkSpinner          *spinner;
  /* backup (#10): when the server was last backed up, for administrators */
  AdwPreferencesGroup *backup_group;
  AdwActionRow        *backup_row;
  GtkImage            *backup_warning_icon;
};

G_DEFINE_FINAL_TYPE (AmparoStorePreferences, amparo_store_preferences, ADW_TYPE_PREFERENCES_PAGE)

/* What a connection attempt carries to its thread and back. */
typedef struct
{
  char *uri;
  char *password;
  char *user;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_free (attempt->uri);
  if (attempt->password != NULL)
    memset (attempt->password, 0, strlen (attempt->password));
  g_free (attempt->password);
  g_free (attempt->user);
  g_free (attempt);
}

static void
set_status (AmparoStorePreferences *self,
            const char             *text,
            gboolean                busy)
{
  adw_action_row_set_subtitle (self->status_row, text);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "store.connect",
                                 !busy && gtk_check_button_get_active (self->server_check));
}

/**
 * amparo_store_server_uri_from_settings:
 *
 * Returns: (transfer full) (nullable): the `postgresql://` address of the
 *   shared server in @settings (never with a password), or %NULL when
 *   host or account are missing
 */
char *
amparo_store_server_uri_from_settings (GSettings *settings)
{
  g_autofree char *host = g_settings_get_string (settings, "server-host");
  g_autofree char *database = g_settings_get_string (settings, "server-database");
  g_autofree char *user = g_settings_get_string (settings, "server-user");
  g_autofree char *tls = g_settings_get_string (settings, "server-tls");
  g_autofree char *user_part = NULL;
  g_autofree char *database_part = NULL;

  g_strstrip (host);
  g_strstrip (user);
  if (*host == '\0' || *user == '\0' || strpbrk (host, "/@?# ") != NULL)
    return NULL;
  user_part = g_uri_escape_string (user, NULL, FALSE);
  database_part = g_uri_escape_string (g_strstrip (database), NULL, FALSE);
  return g_strdup_printf ("postgresql://%s@%s%s%s:%d/%s?sslmode=%s", user_part,
                          strchr (host, ':') ? "[" : "", host, strchr (host, ':') ? "]" : "",
                          g_settings_get_int (settings, "server-port"),
                          database_part, tls);
}

static gboolean
port_to_text (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_value_take_string (value, g_strdup_printf ("%d", g_variant_get_int32 (variant)));
  return TRUE;
}

static GVariant *
text_to_port (const GValue       *value,
              const GVariantType *type,
              gpointer            user_data)
{
  guint64 port;

  /* Half-typed numbers stay in the row; the setting waits for a real one. */
  if (!g_ascii_string_to_unsigned (g_value_get_string (value), 10, 1, 65535, &port, NULL))
    return NULL;
  return g_variant_new_int32 ((gint32) port);
}

static gboolean
tls_to_selected (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (tls_modes); i++)
    if (g_strcmp0 (g_variant_get_string (variant, NULL), tls_modes[i]) == 0)
      g_value_set_uint (value, i);
  return TRUE;
}

static GVariant *
selected_to_tls (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (tls_modes[i < G_N_ELEMENTS (tls_modes) ? i : 0]);
}

/* Says which field is missing, marks it, and returns whether all are there. */
static gboolean
check_fields (AmparoStorePreferences *self)
{
  struct { AdwEntryRow *row; const char *message; } fields[] = {
    { self->host_row, N_("Enter the server’s address.") },
    { self->port_row, N_("Enter the port, a number from 1 to 65535 (usually 5432).") },
    { self->database_row, N_("Enter the database’s name.") },
    { self->user_row, N_("Enter your account on the server.") },
  };
  const char *problem = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (fields[i].row))));
      gboolean bad = *text == '\0' ||
                     (fields[i].row == self->port_row &&
                      !g_ascii_string_to_unsigned (text, 10, 1, 65535, NULL, NULL));

      if (bad)
        gtk_widget_add_css_class (GTK_WIDGET (fields[i].row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (fields[i].row), "error");
      if (bad && problem == NULL)
        problem = fields[i].message;
    }
  if (problem != NULL)
    set_status (self, _(problem), FALSE);
  return problem == NULL;
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  GError *error = NULL;
  AmparoStore *store = amparo_store_open_server (attempt->uri, attempt->password, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
on_password_kept_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AmparoStorePreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!amparo_credentials_store_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, error->message, FALSE);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AmparoStorePreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autofree char *text = NULL;
  GApplication *app = g_application_get_default ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (store == NULL)
    {
      set_status (self, error->message, FALSE);
      return;
    }

  /* The server took the account: now it is kept. */
  if (attempt->password != NULL)
    amparo_credentials_store_async (attempt->uri, attempt->user, attempt->password, self->cancellable,
                                    on_password_kept_cb, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_settings_set_string (self->settings, "store-location", "server");
  /* Translators: %s is the shared server, "postgresql://ana@cases.example.org:5432/amparo" */
  text = g_strdup_printf (_("Connected to %s. This desk now works on the shared store."),
                          amparo_store_get_path (store));
  set_status (self, text, FALSE);
  if (AMPARO_IS_APPLICATION (app))
    amparo_application_use_store (AMPARO_APPLICATION (app), store);
}

static void
start_open (AmparoStorePreferences *self,
            char                   *password)
{
  Attempt *attempt = g_new0 (Attempt, 1);
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_opened_cb, g_object_ref (self));

  attempt->uri = amparo_store_server_uri_from_settings (self->settings);
  attempt->password = password;
  attempt->user = g_settings_get_string (self->settings, "server-user");
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, open_in_thread);
}

static void
on_password_found_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AmparoStorePreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = amparo_credentials_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* None kept (or no keyring): the server may still let the account in
   * without one (a trusted local socket); it says so if not. */
  start_open (self, password);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmparoStorePreferences *self = AMPARO_STORE_PREFERENCES (widget);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *uri = NULL;
  g_autofree char *user = NULL;

  if (!check_fields (self))
    return;
  uri = amparo_store_server_uri_from_settings (self->settings);
  if (uri == NULL)
    {
      set_status (self, _("The server’s address cannot contain spaces or the signs / @ ? #."), FALSE);
      return;
    }
  set_status (self, _("Connecting…"), TRUE);
  if (*typed != '\0')
    {
      start_open (self, g_strdup (typed));
      return;
    }
  user = g_settings_get_string (self->settings, "server-user");
  amparo_credentials_lookup_async (uri, user, self->cancellable, on_password_found_cb, g_object_ref (self));
}

static void
on_password_activated_cb (AmparoStorePreferences *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "store.connect", NULL);
}

static void
on_server_toggled_cb (AmparoStorePreferences *self)
{
  gboolean server = gtk_check_button_get_active (self->server_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), server);
  set_status (self, adw_action_row_get_subtitle (self->status_row), FALSE);
}

static void
on_local_toggled_cb (AmparoStorePreferences *self)
{
  g_autofree char *location = g_settings_get_string (self->settings, "store-location");
  GApplication *app = g_application_get_default ();
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!gtk_check_button_get_active (self->local_check) || g_strcmp0 (location, "this-computer") == 0)
    return;
  /* Back from the server to this computer's own file, at once. */
  path = amparo_store_default_path ();
  store = amparo_store_open (path, &error);
  if (store == NULL)
    {
      set_status (self, error->message, FALSE);
      return;
    }
  g_settings_set_string (self->settings, "store-location", "this-computer");
  set_status (self, _("This desk works on this computer’s own store again."), FALSE);
  if (AMPARO_IS_APPLICATION (app))
    amparo_application_use_store (AMPARO_APPLICATION (app), store);
}

static void
amparo_store_preferences_dispose (GObject *object)
{
  AmparoStorePreferences *self = (AmparoStorePreferences *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_STORE_PREFERENCES);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amparo_store_preferences_parent_class)->dispose (object);
}

static void
amparo_store_preferences_class_init (AmparoStorePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_store_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-store-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, local_check);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, server_check);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, local_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, server_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, host_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, port_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, database_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, user_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, password_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, tls_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, status_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, backup_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, backup_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoStorePreferences, backup_warning_icon);
  gtk_widget_class_bind_template_callback (widget_class, on_local_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_server_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated_cb);

  gtk_widget_class_install_action (widget_class, "store.connect", NULL, connect_action);
}

static void
amparo_store_preferences_init (AmparoStorePreferences *self)
{
  g_autofree char *location = NULL;
  gboolean server;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "server-host", self->host_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "server-database", self->database_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "server-user", self->user_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "server-port", self->port_row, "text",
                                G_SETTINGS_BIND_DEFAULT, port_to_text, text_to_port, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "server-tls", self->tls_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, tls_to_selected, selected_to_tls, NULL, NULL);

  location = g_settings_get_string (self->settings, "store-location");
  server = g_strcmp0 (location, "server") == 0;
  /* Set before the handlers matter: opening the page switches nothing. */
  g_signal_handlers_block_by_func (self->local_check, on_local_toggled_cb, self);
  gtk_check_button_set_active (server ? self->server_check : self->local_check, TRUE);
  g_signal_handlers_unblock_by_func (self->local_check, on_local_toggled_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), server);
  set_status (self, server ? _("This desk works on the shared store.")
                           : _("Enter the server and your account, then Connect."), FALSE);
}

/**
 * amparo_store_preferences_set_path:
 * @path: the store the window shows: a file, or a server's address
 */
void
amparo_store_preferences_set_path (AmparoStorePreferences *self,
                                   const char             *path)
{
  g_autofree char *own = NULL;

  g_return_if_fail (AMPARO_IS_STORE_PREFERENCES (self));

  /* On the server, this computer's own store is still the default file. */
  if (path == NULL || g_str_has_prefix (path, "postgresql:"))
    path = own = amparo_store_default_path ();
  adw_action_row_set_subtitle (self->local_row, path);
}

/**
 * amparo_store_preferences_get_status:
 *
 * Returns: (transfer none): what the last attempt said
 */
const char *
amparo_store_preferences_get_status (AmparoStorePreferences *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE_PREFERENCES (self), NULL);

  return adw_action_row_get_subtitle (self->status_row);
}

/**
 * amparo_store_preferences_set_store:
 * @store: (nullable): the window's case store
 *
 * backup (#10): on the shared server, an administrator sees when the
 * server was last backed up, or a warning when there is no backup or the
 * newest is older than a day and a half (the same words as `--check`).
 * Other roles may not read the server's backup record and see nothing.
 */
void
amparo_store_preferences_set_store (AmparoStorePreferences *self,
                                    AmparoStore            *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean stale = FALSE;

  g_return_if_fail (AMPARO_IS_STORE_PREFERENCES (self));

  /* One small query on the window's own connection. */
  if (store != NULL)
    text = amparo_store_describe_server_backup (store, &stale, &error);
  if (error != NULL)
    g_debug ("Could not read the server's backups: %s", error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_group), text != NULL);
  adw_action_row_set_subtitle (self->backup_row, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->backup_warning_icon), stale);
  if (stale)
    gtk_widget_add_css_class (GTK_WIDGET (self->backup_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->backup_row), "warning");
}

/**
 * amparo_store_preferences_get_backup_status:
 * @stale: (out) (optional): whether it is a warning
 *
 * Returns: (transfer none) (nullable): what the backup row says, or
 *   %NULL when it is not shown
 */
const char *
amparo_store_preferences_get_backup_status (AmparoStorePreferences *self,
                                            gboolean               *stale)
{
  g_return_val_if_fail (AMPARO_IS_STORE_PREFERENCES (self), NULL);

  if (stale != NULL)
    *stale = gtk_widget_get_visible (GTK_WIDGET (self->backup_warning_icon));
  if (!gtk_widget_get_visible (GTK_WIDGET (self->backup_group)))
    return NULL;
  return adw_action_row_get_subtitle (self->backup_row);
}
