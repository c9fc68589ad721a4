/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "amparo-idle-lock.h"
#include "amparo-journal-window.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* privacy (#17): the journal window lists a view another desk made (a
 * second connection to the same store: a file, or the PostgreSQL server
 * under with-pg-server.sh), filters it, and exports what it shows. */

static AmparoPerson *
add_person (AmparoStore *store,
            const char  *given,
            const char  *family)
{
  g_autoptr(GError) error = NULL;
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  return person;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  amparo_test_wait (50);
}

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *placeholder)
{
  if (GTK_IS_ENTRY (root) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (root)), placeholder) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child, placeholder);

      if (found != NULL)
        return found;
    }
  return NULL;
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

static void
test_view_from_other_desk (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *location = amparo_test_store_location (dir, "journal-ui.db");
  g_autofree char *csv = g_build_filename (dir, "journal.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AmparoStore) here = NULL;
  g_autoptr(AmparoStore) there = NULL;
  g_autoptr(AmparoPerson) person = NULL;
  g_autoptr(AmparoPerson) seen = NULL;
  g_autoptr(GError) error = NULL;
  AmparoJournalWindow *window;
  GtkWidget *actor;
  struct stat st;

  here = amparo_store_open (location, &error);
  g_assert_no_error (error);
  person = add_person (here, "Yesenia", "Coj Tum");
  add_person (here, "Brayan", "Pop");

  window = amparo_journal_window_new (here);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_false (shows_text (GTK_WIDGET (window), "Viewed"));

  /* Another desk opens Yesenia's record. */
  there = amparo_store_open (location, &error);
  g_assert_no_error (error);
  seen = amparo_store_get_by_uid (there, AMPARO_TYPE_PERSON, amparo_record_get_uid (AMPARO_RECORD (person)), &error);
  g_assert_true (amparo_store_log_view (there, AMPARO_RECORD (seen), &error));
  g_assert_no_error (error);

  amparo_journal_window_reload (window);
  iterate ();
  g_assert_true (shows_text (GTK_WIDGET (window), "Viewed · Client record · Yesenia Coj Tum"));
  g_assert_true (shows_text (GTK_WIDGET (window), g_get_host_name ()));
  g_assert_cmpuint (amparo_journal_window_get_n_shown (window), ==, 3);

  /* Only views: the two creations go. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (amparo_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN)), 1);
  iterate ();
  g_assert_cmpuint (amparo_journal_window_get_n_shown (window), ==, 1);
  g_assert_false (shows_text (GTK_WIDGET (window), "Brayan"));

  /* The CSV holds what is shown, 0600, and its export is journaled. */
  g_assert_true (amparo_journal_window_export_to (window, csv, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Yesenia Coj Tum"));
  g_assert_null (strstr (contents, "Brayan"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (amparo_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN)), 6);
  iterate ();
  g_assert_true (shows_text (GTK_WIDGET (window), "Exported · Organization"));

  /* A staff member nobody is: the empty state, not an empty list. */
  actor = find_entry (GTK_WIDGET (window), "Staff member");
  g_assert_nonnull (actor);
  gtk_editable_set_text (GTK_EDITABLE (actor), "nobody-at-this-desk");
  iterate ();
  g_assert_cmpuint (amparo_journal_window_get_n_shown (window), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (window), "No Journal Entries"));

  /* A date that is not one says so, and keeps the list as it was. */
  gtk_editable_set_text (GTK_EDITABLE (actor), "");
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (window), "From (date)")), "soon");
  iterate ();
  g_assert_true (shows_text (GTK_WIDGET (window), "Write the dates as on a form"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&there);
  g_clear_object (&here);
  amparo_test_remove_dir (dir);
}

static void
run_psql (const char *port,
          const char *sql)
{
  g_autofree char *command = g_strdup_printf ("psql -q -h 127.0.0.1 -p %s -U postgres -d postgres "
                                              "-v ON_ERROR_STOP=1 -c \"%s\"", port, sql);
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "error")
    && *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

static void
on_unlocked_cb (AmparoIdleLock *lock,
                gboolean       *unlocked)
{
  *unlocked = TRUE;
}

/* On the shared server the idle lock asks the server: a wrong password
 * keeps the window locked and says so; the account's password unlocks. */
static void
test_lock_asks_the_server (void)
{
  g_autofree char *port = g_strdup (strrchr (g_getenv ("AMPARO_TEST_PG_URI"), ':') + 1);
  g_autofree char *uri = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AmparoIdleLock *lock;
  GtkWidget *window;
  GtkWidget *password;
  GtkWidget *unlock;
  gboolean unlocked = FALSE;
  gint64 until;

  *strchr (port, '/') = '\0';
  run_psql (port, "CREATE ROLE lock_desk LOGIN PASSWORD 'right horse' IN ROLE password_login");
  run_psql (port, "CREATE DATABASE lock_cases OWNER lock_desk");
  uri = g_strdup_printf ("postgresql://lock_desk@127.0.0.1:%s/lock_cases", port);
  store = amparo_store_open_server (uri, "right horse", &error);
  g_assert_no_error (error);

  g_assert_false (amparo_store_check_password (store, "wrong horse", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  lock = amparo_idle_lock_new (store);
  g_assert_true (amparo_idle_lock_needs_password (lock));
  g_signal_connect (lock, "unlocked", G_CALLBACK (on_unlocked_cb), &unlocked);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (lock));
  gtk_window_present (GTK_WINDOW (window));
  amparo_idle_lock_prepare (lock, 15);
  iterate ();

  password = amparo_test_find_widget (GTK_WIDGET (lock), ADW_TYPE_PASSWORD_ENTRY_ROW);
  unlock = amparo_test_find_button (GTK_WIDGET (lock), "Unlock");
  gtk_editable_set_text (GTK_EDITABLE (password), "wrong horse");
  gtk_widget_activate (unlock);
  /* The server's refusal shows under the password; the lock stays. */
  until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (amparo_test_find_mapped (window, GTK_TYPE_LABEL, is_error_label, NULL) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      iterate ();
    }
  g_assert_false (unlocked);

  gtk_editable_set_text (GTK_EDITABLE (password), "right horse");
  gtk_widget_activate (unlock);
  until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (!unlocked)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      iterate ();
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  g_test_add_func ("/journal/ui/view-from-other-desk", test_view_from_other_desk);
  if (amparo_test_engine_is_pg ())
    g_test_add_func ("/privacy/lock/asks-the-server", test_lock_asks_the_server);
  return g_test_run ();
}
