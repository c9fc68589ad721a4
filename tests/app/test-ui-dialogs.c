/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "amparo-application.h"
#include "amparo-backup-dialog.h"
#include "amparo-import-dialog.h"
#include "amparo-language.h"
#include "amparo-organization-preferences.h"
#include "amparo-preferences-window.h"
#include "amparo-publish-dialog.h"
#include "amparo-website-preferences.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

/* The app-level dialogs: import from the website's feed (here a feed saved
 * as a file), backup with progress, and a store that cannot be opened. */

static const char feed_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rss version=\"2.0\"><channel><title>News</title><link>https://example.org/</link>\n"
  "<item><title>Statement on the Executive Orders</title>\n"
  "<link>https://example.org/2021/02/statement</link><guid>post-1</guid>\n"
  "<pubDate>Tue, 02 Feb 2021 17:00:00 +0000</pubDate>\n"
  "<description><![CDATA[<p>We demand:</p><ol><li>End MPP now.</li><li>Rescind Title 42.</li></ol>"
  "<p>Español abajo</p><p>Exigimos:</p><ol><li>Terminar MPP ya.</li><li>Rescindir el Título 42.</li></ol>]]></description>\n"
  "</item>\n"
  "<item><link>https://example.org/untitled</link><guid>post-2</guid>\n"
  "<pubDate>Wed, 03 Feb 2021 17:00:00 +0000</pubDate><description>No title here</description></item>\n"
  "</channel></rss>\n";

static void
wait_until_stage_done (AmparoImportDialog *dialog)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;

  while (g_get_monotonic_time () < until)
    {
      const char *stage = amparo_import_dialog_get_stage (dialog);

      if (g_str_equal (stage, "report") || g_str_equal (stage, "error"))
        return;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_not_reached ();
}

static void
test_import_dialog (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);
  g_autofree char *feed = g_build_filename (dir, "feed.xml", NULL);
  g_autofree char *not_feed = g_build_filename (dir, "page.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (db, &error);
  AmparoImportDialog *dialog;

  g_assert_no_error (error);
  g_file_set_contents (feed, feed_xml, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (not_feed, "<html><body>Not a feed</body></html>", -1, &error);
  g_assert_no_error (error);

  dialog = amparo_import_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (amparo_import_dialog_get_stage (dialog), ==, "address");

  /* Import with an empty address says what to enter, and stays (#13). */
  amparo_import_dialog_set_address (dialog, "   ");
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Enter the address of the website’s feed", TRUE), <, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  amparo_test_wait (50);
  amparo_test_until ((g_strcmp0 (amparo_import_dialog_get_stage (dialog), "address") == 0) && ((amparo_test_find_text (GTK_WIDGET (dialog), "Enter the address of the website’s feed", TRUE)) >= (0)));
  g_assert_cmpstr (amparo_import_dialog_get_stage (dialog), ==, "address");
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Enter the address of the website’s feed", TRUE), >=, 0);
  amparo_import_dialog_set_address (dialog, feed);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Enter the address of the website’s feed", TRUE), <, 0);
  amparo_import_dialog_start (dialog);
  wait_until_stage_done (dialog);
  g_assert_cmpstr (amparo_import_dialog_get_stage (dialog), ==, "report");
  /* One release imported, the untitled post skipped with its reason. */
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A page that is not a feed is reported and changes nothing. */
  dialog = amparo_import_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  amparo_import_dialog_set_address (dialog, not_feed);
  amparo_import_dialog_start (dialog);
  wait_until_stage_done (dialog);
  g_assert_cmpstr (amparo_import_dialog_get_stage (dialog), ==, "error");
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_backup_dialog (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (db, &error);
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autofree char *report = NULL;
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;
  GStatBuf buf;

  g_assert_no_error (error);
  amparo_person_set_given_names (person, "Rosa");
  amparo_person_set_family_names (person, "Pérez Ajú");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);

  amparo_backup_dialog_run (NULL, store, copy);
  /* The dialog closes itself when the copy is complete. */
  while (g_get_monotonic_time () < until
         && g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (g_stat (copy, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_true (amparo_store_check_file (copy, &report, &error));
  g_assert_no_error (error);
}

/* Testing the connection with no site set says what to do first, instead
 * of failing somewhere on the network. */
static void
test_preferences_website (void)
{
  AmparoPreferencesWindow *prefs = amparo_preferences_window_new (NULL, "/tmp/amparo.db");
  GtkWidget *website = amparo_test_find_widget (GTK_WIDGET (prefs), AMPARO_TYPE_WEBSITE_PREFERENCES);

  g_assert_nonnull (website);
  g_assert_cmpstr (amparo_website_preferences_get_status (AMPARO_WEBSITE_PREFERENCES (website)),
                   ==, "Not tested yet.");
  gtk_widget_activate_action (website, "website.test", NULL);
  g_assert_cmpstr (amparo_website_preferences_get_status (AMPARO_WEBSITE_PREFERENCES (website)),
                   ==, "Enter the website address and user name first.");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* In Spanish, wide and at 600 px, every Preferences row reads whole
 * (#13): a long choice goes under its title instead of being cut. */
static void
test_preferences_whole_in_spanish (void)
{
  const int widths[] = { 900, 600 };

  amparo_language_set ("es");
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      AmparoPreferencesWindow *prefs = amparo_preferences_window_new (NULL, "/tmp/amparo.db");
      GtkWidget *pages[] = {
        amparo_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE),
        amparo_test_find_widget (GTK_WIDGET (prefs), AMPARO_TYPE_WEBSITE_PREFERENCES),
        amparo_test_find_widget (GTK_WIDGET (prefs), AMPARO_TYPE_ORGANIZATION_PREFERENCES),
      };

      gtk_window_set_default_size (GTK_WINDOW (prefs), widths[w], 760);
      gtk_window_present (GTK_WINDOW (prefs));
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autoptr(GPtrArray) cut = NULL;

          g_assert_nonnull (pages[i]);
          adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                                   ADW_PREFERENCES_PAGE (pages[i]));
          amparo_test_wait (300);
          cut = amparo_test_cut_texts (GTK_WIDGET (prefs));
          for (guint c = 0; c < cut->len; c++)
            g_test_message ("cut at %d px: “%s”", widths[w], (char *) g_ptr_array_index (cut, c));
          g_assert_cmpuint (cut->len, ==, 0);
        }
      gtk_window_destroy (GTK_WINDOW (prefs));
    }
  amparo_language_set ("en");
}

static const char *
dialog_heading (GtkWindow *window)
{
  return adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window));
}

/* Publishing explains why not before it ever reaches the network. */
static void
test_publish_refusals (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (db, &error);
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *dialog;

  g_assert_no_error (error);
  amparo_release_set_title_en (release, "Court <b>approves</b> settlement");
  amparo_release_set_body_en (release, "The court approved it.");
  amparo_release_set_title_es (release, "La corte aprueba el acuerdo");
  amparo_release_set_body_es (release, "La corte lo aprobó.");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (release), &error));
  g_assert_no_error (error);

  dialog = amparo_publish_dialog_present (NULL, store, release);
  g_assert_cmpstr (dialog_heading (dialog), ==, "Cannot Publish Yet");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not approved"));
  gtk_window_destroy (dialog);

  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_APPROVED);
  g_settings_set_string (settings, "website-url", "");
  dialog = amparo_publish_dialog_present (NULL, store, release);
  g_assert_cmpstr (dialog_heading (dialog), ==, "No Website Set Up");
  gtk_window_destroy (dialog);

  g_settings_set_string (settings, "website-url", "https://news.example.org/");
  g_settings_set_string (settings, "website-user", "comms");
  dialog = amparo_publish_dialog_present (NULL, store, release);
  g_assert_cmpstr (dialog_heading (dialog), ==, "Publish to Website?");
  /* The title is shown as typed, markup and all, with the site. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "“Court <b>approves</b> settlement” will be published on https://news.example.org"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpint (amparo_release_get_post_id (release), ==, 0);
}

static void
on_activate_check_error_cb (GApplication *app,
                            gpointer      user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      g_assert_false (AMPARO_IS_WINDOW (window));
      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window));

          found = TRUE;
          g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                           ==, "Cannot Open the Case Store");
          g_assert_nonnull (strstr (body, "not an Amparo database"));
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), "close");
          gtk_window_destroy (window);
        }
    }
  g_assert_true (found);
}

static void
test_store_error_leaves_file (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "letter.db", NULL);
  g_autofree char *arg = g_strdup_printf ("--database=%s", path);
  const char *contents = "Dear client, this is a letter, not a database.\n";
  g_autofree char *after = NULL;
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  char *argv[] = { "amparo", "--language=en", arg, NULL };

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_check_error_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  amparo_language_init ();

  g_test_add_func ("/ui/dialogs/import", test_import_dialog);
  g_test_add_func ("/ui/dialogs/backup", test_backup_dialog);
  g_test_add_func ("/ui/dialogs/store-error", test_store_error_leaves_file);
  g_test_add_func ("/ui/dialogs/preferences-website", test_preferences_website);
  g_test_add_func ("/ui/dialogs/publish-refusals", test_publish_refusals);
  g_test_add_func ("/ui/dialogs/preferences-whole-in-spanish", test_preferences_whole_in_spanish);

  return g_test_run ();
}
