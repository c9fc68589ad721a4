/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-application.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-backup-dialog.h"
#include "amparo-cli.h"
#include "amparo-credentials.h"
#include "amparo-csv-import-dialog.h"
#include "amparo-import-dialog.h"
#include "amparo-language.h"
#include "amparo-preferences-window.h"
#include "amparo-publish-dialog.h"
#include "amparo-reverify-dialog.h"
#include "amparo-sample-data.h"
#include "amparo-store.h"
#include "amparo-store-preferences.h"
#include "amparo-window.h"
#include "amparo-width-first-layout.h"

struct _AmparoApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  AmparoStore    *store;
  char           *database_path;
  char           *language_override;
  /* --database or AMPARO_DATABASE: the Case Store setting is not asked. */
  gboolean        store_given;
};

G_DEFINE_FINAL_TYPE (AmparoApplication, amparo_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the case store in FILE instead of the default one"), N_("FILE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the interface in LANGUAGE: “en” (English) or “es” (Spanish)"), N_("LANGUAGE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the case store, while it may be in use, to FILE and exit"), N_("FILE") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the case store for damage, print “ok” or the problems, and exit"), NULL },
  { "load-sample-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add the fictitious sample clients, releases and demands, and exit"), NULL },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every client to FILE as a spreadsheet (CSV) and exit"), N_("FILE") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import persons from the spreadsheet FILE (CSV), print what was created, matched or rejected, and exit"), N_("FILE") },
  { "import-feed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Import press releases from the RSS or Atom feed at URL (or a file), print a report, and exit"), N_("URL") },
  /* store (#11): a mistyped --database is not created silently */
  { "create", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start a new, empty case store if the --database FILE does not exist yet"), NULL },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the case store with a checked copy of the backup FILE (the old one is kept aside), and exit"), N_("FILE") },

  /* postgres (#10): --copy-store FROM TO */
  { "copy-store", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Copy the whole case store FROM (a file or a postgresql:// address) into the empty store TO, and exit"), N_("FROM TO") },
  /* backup (#10): the shared server's daily backup, on the server host */
  { "daily-backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Make today’s backup of the shared server in the folder DIR unless it is there, keep the last 7 (or --keep), and exit"), N_("DIR") },
  { "keep", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --daily-backup: how many daily backups to keep"), N_("N") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static const char *
initial_language (AmparoApplication *self)
{
  g_autofree char *stored = g_settings_get_string (self->settings, "language");

  if (self->language_override != NULL)
    return self->language_override;
  if (amparo_language_is_supported (stored))
    return g_intern_string (stored);
  return amparo_language_from_desktop ();
}

static void
present_language_dependent_windows (AmparoApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autoptr(GList) copy = g_list_copy (windows);

  for (GList *l = copy; l != NULL; l = l->next)
    {
      if (AMPARO_IS_WINDOW (l->data))
        amparo_window_rebuild (AMPARO_WINDOW (l->data));
      else if (AMPARO_IS_PREFERENCES_WINDOW (l->data))
        {
          /* Built again so it speaks the new language too. */
          GtkWindow *parent = gtk_window_get_transient_for (l->data);

          gtk_window_destroy (l->data);
          gtk_window_present (GTK_WINDOW (amparo_preferences_window_new (parent, self->database_path)));
        }
    }
}

static void
language_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  AmparoApplication *self = user_data;
  const char *code = g_variant_get_string (value, NULL);

  if (!amparo_language_is_supported (code))
    return;

  g_simple_action_set_state (action, value);
  g_settings_set_string (self->settings, "language", code);
  if (g_strcmp0 (code, amparo_language_get ()) == 0)
    return;

  amparo_language_set (code);
  present_language_dependent_windows (self);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (amparo_preferences_window_new (parent, self->database_path)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Amparo developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", "Amparo",
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Amparo developers"),
                         "developers", developers,
                         "comments", _("Client records, press releases and demands for immigrant legal defense, in English and Spanish."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
backup_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    amparo_backup_dialog_choose_and_run (parent, self->store);
}

static void
import_feed_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (amparo_import_dialog_new (parent, self->store)));
}

/* app.publish-release('uid'): the Press section's "Publish to Website"
 * button names the release by uid, so it need not know the dialog. */
static void
publish_release_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(AmparoRelease) release = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  release = amparo_store_get_by_uid (self->store, AMPARO_TYPE_RELEASE,
                                     g_variant_get_string (parameter, NULL), &error);
  if (release == NULL)
    {
      g_warning ("Cannot publish: %s", error->message);
      return;
    }
  amparo_publish_dialog_present (parent, self->store, release);
}

static void
on_sample_data_response_cb (AdwMessageDialog  *dialog,
                            const char        *response,
                            AmparoApplication *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "load") || self->store == NULL)
    return;

  if (!amparo_sample_data_load (self->store, &error))
    {
      GtkWidget *failed = adw_message_dialog_new (parent, _("Sample Data Not Loaded"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }
  if (AMPARO_IS_WINDOW (parent))
    amparo_window_add_toast (AMPARO_WINDOW (parent), adw_toast_new (_("Sample data loaded")));
}

/* The sample set is for training and trying Amparo out; it goes into the
 * real store, so ask first and say that it is fictitious. */
static void
load_sample_data_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Load Sample Data?"),
                                   _("Adds fictitious clients and families, two impact cases, two press releases and five demands, in English and Spanish, to this case store. Use it to train staff or try Amparo out, not in a store with real clients."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "load", _("_Load Sample Data"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sample_data_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_csv_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    amparo_csv_import_dialog_choose (parent, self->store);
}

/* Contacts not reached within the configured age, for everyone. */
static void
reverify_contacts_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AmparoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (amparo_reverify_dialog_new (parent, self->store)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window saves its size and lets pages refuse while they
   * hold unsaved edits. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_entries[] = {
  { "language", NULL, "s", "'en'", language_change_state },
  { "preferences", preferences_action },
  { "about", about_action },
  { "backup", backup_action },
  { "import-feed", import_feed_action },
  { "import-csv", import_csv_action },
  { "reverify-contacts", reverify_contacts_action },
  { "publish-release", publish_release_action, "s" },
  { "load-sample-data", load_sample_data_action },
  { "quit", quit_action },
};

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.delete", { "<Control>Delete", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "app.reverify-contacts", { "<Control><Shift>r", NULL } },
    { "win.show-section::clients", { "<Alt>1", NULL } },
    { "win.show-section::agenda", { "<Alt>2", NULL } },
    { "win.show-section::press", { "<Alt>3", NULL } },
    { "win.show-section::demands", { "<Alt>4", NULL } },
    { "win.show-section::reports", { "<Alt>5", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static int
run_store_command (AmparoApplication *self,
                   GVariantDict      *options)
{
  g_autofree char *backup_to = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_variant_dict_lookup (options, "backup", "^ay", &backup_to);
  status = amparo_cli_run_store_command (self->database_path, backup_to,
                                         g_variant_dict_contains (options, "check"),
                                         g_variant_dict_contains (options, "load-sample-data"),
                                         &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  return status;
}

static int
amparo_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  AmparoApplication *self = AMPARO_APPLICATION (app);
  const char *language = NULL;
  const char *feed = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("amparo %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "language", "&s", &language))
    {
      if (!amparo_language_is_supported (language))
        {
          g_printerr (_("Unknown language “%s”: use “en” or “es”.\n"), language);
          return 2;
        }
      g_free (self->language_override);
      self->language_override = g_strdup (language);
    }

  self->store_given = g_variant_dict_contains (options, "database") || g_getenv ("AMPARO_DATABASE");
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_free (self->database_path);
      self->database_path = g_steal_pointer (&database);
    }

  if (g_variant_dict_contains (options, "copy-store"))
    {
      g_autofree char **stores = NULL;

      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &stores) ||
          g_strv_length (stores) != 2)
        {
          g_printerr (_("Use: amparo --copy-store FROM TO\n"));
          return 2;
        }
      return amparo_cli_copy_store (stores[0], stores[1]);
    }

  if (g_variant_dict_lookup (options, "restore", "^ay", &csv))
    return amparo_cli_restore (self->database_path, csv);
  /* store (#11): everything below opens the store, which would create it */
  if (g_variant_dict_contains (options, "database") &&
      !amparo_cli_store_may_open (self->database_path, g_variant_dict_contains (options, "create")))
    return 1;

  if (g_variant_dict_lookup (options, "export-csv", "^ay", &csv))
    return amparo_cli_export_csv (self->database_path, csv);
  if (g_variant_dict_lookup (options, "import-csv", "^ay", &csv))
    return amparo_cli_import_csv (self->database_path, csv);
  if (g_variant_dict_lookup (options, "import-feed", "&s", &feed))
    return amparo_cli_import_feed (self->database_path, feed);
  if (g_variant_dict_lookup (options, "daily-backup", "^ay", &csv))
    {
      gint keep = G_MININT;

      g_variant_dict_lookup (options, "keep", "i", &keep);
      return amparo_cli_daily_backup (self->database_path, csv, keep);
    }

  if (g_variant_dict_contains (options, "backup")
      || g_variant_dict_contains (options, "check")
      || g_variant_dict_contains (options, "load-sample-data"))
    return run_store_command (self, options);

  /* A second copy on another store must not hand its window to the first
   * one, so only the default store gets a single instance. */
  if (g_variant_dict_contains (options, "database") || g_getenv ("AMPARO_DATABASE"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
amparo_application_startup (GApplication *app)
{
  AmparoApplication *self = AMPARO_APPLICATION (app);
  GAction *language;

  G_APPLICATION_CLASS (amparo_application_parent_class)->startup (app);
  amparo_width_first_layout_install ();

  self->settings = g_settings_new (APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);

  amparo_language_set (initial_language (self));
  language = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  g_simple_action_set_state (G_SIMPLE_ACTION (language),
                             g_variant_new_string (amparo_language_get ()));
  set_accels (GTK_APPLICATION (self));
}

static void
on_store_error_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            GApplication     *app)
{
  AmparoApplication *self = AMPARO_APPLICATION (app);

  if (g_strcmp0 (response, "this-computer") == 0)
    {
      /* The server is down or refused: work on this desk's own file,
       * and say so in Preferences → Case Store for when it is back. */
      g_settings_set_string (self->settings, "store-location", "this-computer");
      g_free (self->database_path);
      self->database_path = amparo_store_default_path ();
      g_application_activate (app);
    }
  g_application_release (app);
}

/* The file is left exactly as it was; the person is told why and what to
 * do, and nothing else opens. */
static void
show_store_error (AmparoApplication *self,
                  const GError      *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Case Store"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  error->message, self->database_path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (amparo_store_path_is_server (self->database_path) && !self->store_given)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "this-computer",
                                     _("Use _This Computer’s Store"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_store_error_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void open_store_and_window (AmparoApplication *self, const char *password);

static void
on_server_password_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmparoApplication) self = user_data;
  g_autofree char *password = amparo_credentials_lookup_finish (result, NULL);

  /* No keyring or none kept: the server says whether it needs one. */
  open_store_and_window (self, password);
  if (password != NULL)
    memset (password, 0, strlen (password));
  g_application_release (G_APPLICATION (self));
}

/* Preferences → Case Store chose the shared server: its password comes
 * from the keyring before the store opens. */
static gboolean
start_configured_server (AmparoApplication *self)
{
  g_autofree char *location = g_settings_get_string (self->settings, "store-location");
  g_autofree char *uri = NULL;
  g_autofree char *user = NULL;

  if (self->store_given || g_strcmp0 (location, "server") != 0 ||
      !(uri = amparo_store_server_uri_from_settings (self->settings)))
    return FALSE;
  g_free (self->database_path);
  self->database_path = g_strdup (uri);
  user = g_settings_get_string (self->settings, "server-user");
  g_application_hold (G_APPLICATION (self));
  amparo_credentials_lookup_async (uri, user, NULL, on_server_password_cb, g_object_ref (self));
  return TRUE;
}

static void
amparo_application_activate (GApplication *app)
{
  AmparoApplication *self = AMPARO_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->store == NULL && start_configured_server (self))
    return;
  open_store_and_window (self, NULL);
}

static void
open_store_and_window (AmparoApplication *self,
                       const char        *password)
{
  GtkWindow *window;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL && amparo_store_path_is_server (self->database_path))
    self->store = amparo_store_open_server (self->database_path, password, &error);
  else if (self->store == NULL)
    self->store = amparo_store_open (self->database_path, &error);
  if (self->store == NULL)
    {
      show_store_error (self, error);
      return;
    }

  window = GTK_WINDOW (amparo_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);
}

/**
 * amparo_application_use_store:
 * @store: a case store just opened (Preferences → Case Store)
 *
 * Makes @store the one this desk works on: a window on it opens and the
 * windows on the old store close, each asking about unsaved changes as
 * when the person closes it.
 */
void
amparo_application_use_store (AmparoApplication *self,
                              AmparoStore       *store)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  GtkWindow *window;

  g_return_if_fail (AMPARO_IS_APPLICATION (self));
  g_return_if_fail (AMPARO_IS_STORE (store));

  g_set_object (&self->store, store);
  g_free (self->database_path);
  self->database_path = g_strdup (amparo_store_get_path (store));
  window = GTK_WINDOW (amparo_window_new (GTK_APPLICATION (self), store));
  gtk_window_present (window);
  for (GList *l = windows; l != NULL; l = l->next)
    if (AMPARO_IS_WINDOW (l->data))
      gtk_window_close (l->data);
    else  /* Preferences stays open, saying what happened, over the new window. */
      gtk_window_set_transient_for (l->data, window);
  g_list_free (windows);
}

static void
amparo_application_finalize (GObject *object)
{
  AmparoApplication *self = (AmparoApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->language_override, g_free);

  G_OBJECT_CLASS (amparo_application_parent_class)->finalize (object);
}

static void
amparo_application_class_init (AmparoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = amparo_application_finalize;
  app_class->handle_local_options = amparo_application_handle_local_options;
  app_class->startup = amparo_application_startup;
  app_class->activate = amparo_application_activate;
}

static void
amparo_application_init (AmparoApplication *self)
{
  self->database_path = amparo_store_default_path ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Client records, press releases and demands for immigrant legal defense."));
}

/**
 * amparo_application_new:
 *
 * Returns: (transfer full): the application
 */
AmparoApplication *
amparo_application_new (void)
{
  return g_object_new (AMPARO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/amparo/Amparo",
                       NULL);
}

/**
 * amparo_application_get_database_path:
 *
 * Returns: (transfer none): the file of the case store in use
 */
const char *
amparo_application_get_database_path (AmparoApplication *self)
{
  g_return_val_if_fail (AMPARO_IS_APPLICATION (self), NULL);

  return self->database_path;
}
