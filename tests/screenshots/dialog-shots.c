/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-import-dialog.h"
#include "amparo-language.h"
#include "amparo-organization-preferences.h"
#include "amparo-preferences-window.h"
#include "amparo-website-preferences.h"
#include "amparo-publish-dialog.h"
#include "amparo-sample-data.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* Screenshots of the website dialogs, which are not reachable from the
 * command line: the import while it downloads, its report, and the
 * publish question. Each window is rendered by GTK itself to a PNG.
 *   dialog-shots OUTDIR LANGUAGE FEEDFILE */

static gboolean
on_incoming_cb (GSocketService    *service,
                GSocketConnection *connection,
                GObject           *source,
                gpointer           user_data)
{
  /* Keep the connection open and never answer. */
  g_object_ref (connection);
  return TRUE;
}

/* A server that accepts and never answers keeps the import downloading. */
static char *
silent_server_address (void)
{
  g_autoptr(GError) error = NULL;
  GSocketService *service = g_socket_service_new ();
  guint16 port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);

  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming_cb), NULL);
  g_socket_service_start (service);
  return g_strdup_printf ("http://127.0.0.1:%u/feed/", port);
}

static void
wait_for_stage (AmparoImportDialog *dialog,
                const char         *stage)
{
  for (guint i = 0; i < 400 && !g_str_equal (amparo_import_dialog_get_stage (dialog), stage); i++)
    amparo_test_wait (50);
  amparo_test_wait (1500);
}

static void
shoot_import (AmparoStore *store,
              const char  *dir,
              const char  *language,
              const char  *feed)
{
  g_autofree char *address = silent_server_address ();
  g_autofree char *progress = g_strdup_printf ("import-progress-%s.png", language);
  g_autofree char *report = g_strdup_printf ("import-report-%s.png", language);
  AmparoImportDialog *dialog;

  dialog = amparo_import_dialog_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 620);
  gtk_window_present (GTK_WINDOW (dialog));
  /* A picture should not catch a cross-fade half way. */
  gtk_stack_set_transition_type (GTK_STACK (amparo_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK)),
                                 GTK_STACK_TRANSITION_TYPE_NONE);
  amparo_import_dialog_set_address (dialog, address);
  amparo_test_wait (800);
  amparo_import_dialog_start (dialog);
  wait_for_stage (dialog, "progress");
  amparo_test_save_window (GTK_WINDOW (dialog), dir, progress);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = amparo_import_dialog_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 620);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_stack_set_transition_type (GTK_STACK (amparo_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK)),
                                 GTK_STACK_TRANSITION_TYPE_NONE);
  amparo_import_dialog_set_address (dialog, feed);
  amparo_import_dialog_start (dialog);
  wait_for_stage (dialog, "report");
  amparo_test_save_window (GTK_WINDOW (dialog), dir, report);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
shoot_publish (AmparoStore *store,
               const char  *dir,
               const char  *language)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autofree char *name = g_strdup_printf ("publish-%s.png", language);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_settings_set_string (settings, "website-url", "https://www.example.org");
  g_settings_set_string (settings, "website-user", "comunicaciones");
  amparo_release_set_title_en (release, "Court Approves Settlement in Ms. L v. ICE");
  amparo_release_set_body_en (release, "The court approved the settlement.");
  amparo_release_set_title_es (release, "La corte aprueba el acuerdo en Ms. L v. ICE");
  amparo_release_set_body_es (release, "La corte aprobó el acuerdo.");
  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_APPROVED);
  amparo_store_save (store, AMPARO_RECORD (release), &error);
  g_assert_no_error (error);

  dialog = amparo_publish_dialog_present (NULL, store, release);
  amparo_test_wait (600);
  amparo_test_save_window (dialog, dir, name);
  gtk_window_destroy (dialog);
}

/* newuser (#13): each Preferences page, wide and at 600 px, so rows cut
 * in Spanish show. */
static void
shoot_preferences (const char *dir,
                   const char *language)
{
  const GType pages[] = { ADW_TYPE_PREFERENCES_PAGE, AMPARO_TYPE_WEBSITE_PREFERENCES,
                          AMPARO_TYPE_ORGANIZATION_PREFERENCES };
  const char *names[] = { "general", "website", "organization" };
  const int widths[] = { 900, 600 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        AmparoPreferencesWindow *window = amparo_preferences_window_new (NULL, "/home/staff/.local/share/amparo/amparo.db");
        GtkWidget *page = amparo_test_find_widget (GTK_WIDGET (window), pages[i]);
        g_autofree char *name = g_strdup_printf ("preferences-%s-%s-%s.png", names[i], language,
                                                 w == 0 ? "wide" : "600");

        gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 760);
        gtk_window_present (GTK_WINDOW (window));
        if (page != NULL)
          adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                                   ADW_PREFERENCES_PAGE (page));
        amparo_test_wait (600);
        amparo_test_save_window (GTK_WINDOW (window), dir, name);
        gtk_window_destroy (GTK_WINDOW (window));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;

  amparo_language_init ();
  if (argc != 4 || !gtk_init_check ())
    {
      g_printerr ("usage: dialog-shots OUTDIR LANGUAGE FEEDFILE (with a display)\n");
      return 2;
    }
  adw_init ();
  amparo_language_set (argv[2]);

  work = amparo_test_make_dir ();
  store = amparo_test_open_store (work, "amparo.db");
  if (!amparo_sample_data_load (store, &error))
    g_error ("%s", error->message);

  shoot_import (store, argv[1], argv[2], argv[3]);
  shoot_publish (store, argv[1], argv[2]);
  shoot_preferences (argv[1], argv[2]);
  amparo_test_remove_dir (work);
  return 0;
}
