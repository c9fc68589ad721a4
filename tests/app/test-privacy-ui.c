/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "amparo-application.h"
#include "amparo-language.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

/* privacy (#17): the window turned toward the client at the front desk,
 * and the idle lock, on the real application window. */

static char *work_dir;
static char *client_uid;

/* A client with a family link, other names and a staff note, and two
 * other clients: nothing but the client's own record may show. */
static char *
seed_store (void)
{
  g_autofree char *path = g_build_filename (work_dir, "privacy.db", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoPerson) client = amparo_person_new ();
  g_autoptr(AmparoPerson) brother = amparo_person_new ();
  g_autoptr(AmparoPerson) other = amparo_person_new ();
  g_autoptr(AmparoRelationship) link = amparo_relationship_new ();
  g_autoptr(AmparoEvent) hearing = amparo_event_new ();
  g_autoptr(GError) error = NULL;

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  amparo_person_set_given_names (client, "Rosa Imelda");
  amparo_person_set_family_names (client, "Quispe");
  amparo_person_set_birth_date (client, "2011-03-04");
  amparo_person_set_aliases (client, "La Güera");
  amparo_person_set_languages (client, "spa");
  amparo_person_set_notes (client, "Internal: sponsor not yet verified");
  amparo_person_set_given_names (brother, "Brayan");
  amparo_person_set_family_names (brother, "Quispe Pop");
  amparo_person_set_given_names (other, "Yesenia");
  amparo_person_set_family_names (other, "Coj Tum");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (client), &error));
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (brother), &error));
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (other), &error));
  amparo_relationship_set_person_id (link, amparo_record_get_id (AMPARO_RECORD (client)));
  amparo_relationship_set_relative_id (link, amparo_record_get_id (AMPARO_RECORD (brother)));
  amparo_relationship_set_kind (link, AMPARO_RELATIONSHIP_KIND_SIBLING);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (link), &error));
  amparo_event_set_person_id (hearing, amparo_record_get_id (AMPARO_RECORD (client)));
  amparo_event_set_kind (hearing, AMPARO_EVENT_KIND_HEARING);
  amparo_event_set_starts_at (hearing, "2031-05-06T09:30");
  amparo_event_set_place (hearing, "Sala 4");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (hearing), &error));
  g_assert_no_error (error);
  g_free (client_uid);
  client_uid = g_strdup (amparo_record_get_uid (AMPARO_RECORD (client)));
  return g_steal_pointer (&path);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  amparo_test_wait (100);
}

static AmparoStore *
window_store (AmparoWindow *window)
{
  AmparoStore *store = NULL;

  g_object_get (window, "store", &store, NULL);
  g_object_unref (store);
  return store;
}

/* The client page is open once the Clients page has put it in the state. */
static void
wait_for_open_client (AmparoWindow *window)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      amparo_main_view_save_state (amparo_window_get_main_view (window));
      if (amparo_window_state_get_object (amparo_window_get_state (window), "clients:original") != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      iterate ();
    }
  iterate ();
}

static gboolean
shows_text (GtkWidget  *root,
            const char *part)
{
  g_autoptr(GPtrArray) texts = amparo_test_visible_texts (root);

  for (guint i = 0; i < texts->len; i++)
    if (strstr (texts->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
ask_to_leave (AmparoPrivacyView *view)
{
  AdwMessageDialog *dialog = amparo_privacy_view_ask_to_leave (view);

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static void
check_privacy_view (AmparoWindow *window)
{
  AmparoMainView *main_view = amparo_window_get_main_view (window);
  AmparoPrivacyView *view;
  g_autoptr(GPtrArray) shown = NULL;
  AmparoJournalQuery query = AMPARO_JOURNAL_QUERY_INIT;

  g_auto(GStrv) on_shortcut = gtk_application_get_actions_for_accel (gtk_window_get_application (GTK_WINDOW (window)),
                                                                     "<Control><Shift>p");

  g_autofree char *viewer = g_strdup_printf ("%s at %s", g_get_user_name (), g_get_host_name ());

  /* The client page says who has seen the record: this desk, just now. */
  g_assert_true (shows_text (GTK_WIDGET (window), "Who Has Seen This Record"));
  g_assert_true (shows_text (GTK_WIDGET (window), viewer));
  /* Ctrl+Shift+P is the privacy view's, and Ctrl+P still prints. */
  g_assert_true (g_strv_contains ((const char * const *) on_shortcut, "win.privacy-view"));
  g_assert_false (g_strv_contains ((const char * const *) on_shortcut, "win.print"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Brayan"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "privacy-view", NULL);
  iterate ();

  view = amparo_window_get_privacy_view (window);
  g_assert_nonnull (view);
  /* The client's own record, in the client's language… */
  g_assert_cmpstr (amparo_privacy_view_get_language (view), ==, "es");
  g_assert_true (shows_text (GTK_WIDGET (window), "Rosa Imelda Quispe"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Su expediente"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Sala 4"));
  /* …and no other name, no other name used, no staff note. */
  g_assert_false (shows_text (GTK_WIDGET (window), "Brayan"));
  g_assert_false (shows_text (GTK_WIDGET (window), "Yesenia"));
  g_assert_false (shows_text (GTK_WIDGET (window), "Güera"));
  g_assert_false (shows_text (GTK_WIDGET (window), "Internal"));
  /* The list is out of the window, not only out of sight. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (main_view)));
  g_assert_null (gtk_widget_get_root (GTK_WIDGET (main_view)));
  /* The staff's language is still the window's. */
  g_assert_cmpstr (amparo_language_get (), ==, "en");
  g_assert_nonnull (amparo_test_find_button (GTK_WIDGET (view), "Staff: Return to Amparo…"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-section"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "privacy-view"));
  /* Showing it to the client is a view of the record, journaled. */
  query.person_uid = client_uid;
  query.action = AMPARO_JOURNAL_ACTION_VIEW;
  shown = amparo_store_query_journal (window_store (window), &query, 0, 10, NULL);
  g_assert_nonnull (shown);
  g_assert_cmpstr (amparo_journal_entry_get_details (shown->pdata[0]), ==, "Shown to the client (privacy view)");
}

/* Leaving takes the number the question shows; a click alone does not. */
static void
check_leaving (AmparoWindow *window)
{
  AmparoPrivacyView *view = amparo_window_get_privacy_view (window);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ask_to_leave (view);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "leave"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "stay");
  adw_message_dialog_response (dialog, "leave");
  iterate ();
  g_assert_true (amparo_window_get_privacy_view (window) == view);

  dialog = ask_to_leave (view);
  entry = amparo_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "12");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "leave"));
  gtk_editable_set_text (GTK_EDITABLE (entry), amparo_privacy_view_get_leave_code (view));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "leave"));
  adw_message_dialog_response (dialog, "leave");
  iterate ();

  g_assert_null (amparo_window_get_privacy_view (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (amparo_window_get_main_view (window))));
  g_assert_true (shows_text (GTK_WIDGET (window), "Brayan"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Clients"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-section"));
}

static void
on_activate_privacy_cb (GApplication *app,
                        gpointer      user_data)
{
  AmparoWindow *window = AMPARO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  wait_for_open_client (window);
  check_privacy_view (window);
  check_leaving (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
given_names_row (AmparoWindow *window)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  GtkWidget *row;

  while ((row = amparo_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW,
                                         amparo_test_row_titled, "Given names")) == NULL
         && g_get_monotonic_time () < until)
    iterate ();
  return row;
}

/* Typing, then nothing for a while: the window locks, shows no client
 * data, and gives back what was typed, focus included. */
static void
on_activate_lock_cb (GApplication *app,
                     gpointer      user_data)
{
  AmparoWindow *window = AMPARO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gint64 until = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  GtkWidget *row;
  GtkWidget *unlock;
  GtkWidget *focus;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  wait_for_open_client (window);
  g_assert_true (shows_text (GTK_WIDGET (window), "Quispe"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  iterate ();
  row = given_names_row (window);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Marisol");
  gtk_editable_set_position (GTK_EDITABLE (row), 3);

  /* Preferences → Lock idle window after: the shortest time there is.
   * No input reaches the window from here on (Xvfb has no user). */
  g_settings_set_uint (settings, "idle-lock-seconds", 1);
  while (!amparo_window_is_locked (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      iterate ();
    }
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (amparo_window_get_main_view (window))));
  g_assert_null (gtk_widget_get_root (GTK_WIDGET (amparo_window_get_main_view (window))));
  g_assert_false (shows_text (GTK_WIDGET (window), "Quispe"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Amparo Is Locked"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));

  /* One desk: a click unlocks. */
  unlock = amparo_test_find_button (GTK_WIDGET (window), "Unlock");
  g_assert_nonnull (unlock);
  /* The click itself (activate would wait for the button's animation),
   * then the lock off again so it cannot come back during the checks. */
  g_signal_emit_by_name (unlock, "clicked");
  g_settings_set_uint (settings, "idle-lock-seconds", 0);
  g_assert_false (amparo_window_is_locked (window));
  iterate ();
  row = given_names_row (window);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Marisol");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, row));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run_app (GCallback on_activate)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autofree char *db = seed_store ();
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);
  char *argv[] = { "amparo", db_arg, "--language=en", NULL };

  g_setenv ("AMPARO_OPEN_CLIENT", client_uid, TRUE);
  g_signal_connect_after (app, "activate", on_activate, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_remove (db);
}

static void
test_privacy_view (void)
{
  run_app (G_CALLBACK (on_activate_privacy_cb));
}

static void
test_idle_lock (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  /* Off until the typing is done, so a slow start cannot lock first. */
  g_settings_set_uint (settings, "idle-lock-seconds", 0);
  run_app (G_CALLBACK (on_activate_lock_cb));
  g_settings_reset (settings, "idle-lock-seconds");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  work_dir = amparo_test_make_dir ();
  g_test_add_func ("/privacy/view/only-the-client", test_privacy_view);
  g_test_add_func ("/privacy/lock/hides-and-keeps-typing", test_idle_lock);
  status = g_test_run ();
  amparo_test_remove_dir (work_dir);
  g_free (client_uid);
  return status;
}
