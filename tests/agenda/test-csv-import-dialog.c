/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "amparo-csv-import-dialog.h"
#include "amparo-language.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* The import window over a real store under Xvfb: the file is read and
 * saved in a worker thread (the window answers all along, and Cancel
 * saves nothing), names that differ wait for a person to confirm them,
 * and the encoding the file was read in is shown and can be changed. */

typedef struct
{
  char        *dir;
  AmparoStore *store;
  GtkWidget   *dialog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  amparo_language_set ("en");
  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "test.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static const char *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = amparo_test_find_widget (fixture->dialog, GTK_TYPE_STACK);

  /* On a busy machine the dialog can be asked before its stack is shown
   * (the finder sees only visible widgets): no page yet, not a crash. */
  return stack != NULL ? gtk_stack_get_visible_child_name (GTK_STACK (stack)) : NULL;
}

/* Runs the main loop until the dialog shows its preview or is gone. The
 * limit only keeps a broken build from hanging. */
static void
wait_for_preview (Fixture *fixture)
{
  gint64 limit = g_get_monotonic_time () + 300 * G_TIME_SPAN_SECOND;

  while (fixture->dialog != NULL && g_strcmp0 (visible_page (fixture), "preview") != 0 &&
         g_get_monotonic_time () < limit)
    g_main_context_iteration (NULL, TRUE);
  amparo_test_wait (50);
}

static void
open_dialog (Fixture    *fixture,
             const char *text,
             gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  fixture->dialog = GTK_WIDGET (amparo_csv_import_dialog_new_for_data (NULL, fixture->store, bytes, "clients.csv"));
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static char *
many_rows (guint n)
{
  GString *out = g_string_new ("Given names,Family names,A-Number\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "Niña %u,Núñez,A%09u\r\n", i, 100000000 + i);
  return g_string_free (out, FALSE);
}

static gboolean
shows (Fixture    *fixture,
       const char *text)
{
  return amparo_test_find_text (fixture->dialog, text, TRUE) >= 0;
}

/* Reading and importing run in a worker: the window shows progress
 * first, Cancel during the import saves nothing, and after the import
 * the window's own lists see every new person. */
static void
test_worker_and_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  guint n = 3000;
  g_autofree char *text = many_rows (n);
  g_autoptr(GListModel) persons = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE,
                                                             AMPARO_PERSON_SORT_FAMILY_NAMES);

  g_assert_cmpuint (g_list_model_get_n_items (persons), ==, 0);
  open_dialog (fixture, text, strlen (text));
  /* The window is up before the file has been read. */
  g_assert_cmpstr (visible_page (fixture), ==, "progress");
  wait_for_preview (fixture);
  g_assert_nonnull (fixture->dialog);
  g_assert_true (shows (fixture, "3000 new clients, 0 matched, 0 rejected"));
  g_assert_true (shows (fixture, "valid UTF-8"));

  g_assert_true (gtk_widget_activate_action (fixture->dialog, "import.apply", NULL));
  g_assert_cmpstr (visible_page (fixture), ==, "progress");
  g_assert_true (gtk_widget_activate_action (fixture->dialog, "import.cancel", NULL));
  wait_for_preview (fixture);
  g_assert_nonnull (fixture->dialog);
  g_assert_true (shows (fixture, "Import cancelled; nothing was changed."));
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 0);

  g_assert_true (gtk_widget_activate_action (fixture->dialog, "import.apply", NULL));
  wait_for_preview (fixture);
  g_assert_null (fixture->dialog);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (persons), ==, n);
}

/* Contacts in the file: the preview counts them per row, and the import
 * saves them with the new person. */
static void
test_contacts (Fixture       *fixture,
               gconstpointer  data)
{
  const char text[] = "Given names,Family names,A-Number,Contact 1 kind,Contact 1,Contact 1 last verified,"
                      "Contact 2 kind,Contact 2,Contact 2 belongs to\r\n"
                      "Rosa,Tzul,A-212-345-678,phone,+502 5555 0101,2026-10-01,whatsapp,+502 5555 0202,Her mother\r\n"
                      "Eva,Paz,,email,,2026-10-01,,,\r\n";
  g_autoptr(AmparoPerson) rosa = NULL;
  g_autoptr(GListModel) contacts = NULL;

  open_dialog (fixture, text, sizeof text - 1);
  wait_for_preview (fixture);
  g_assert_true (shows (fixture, "A-212-345-678 · 2 contacts"));
  g_assert_true (shows (fixture, "Contact 1 has no phone number, email or address"));
  g_assert_true (shows (fixture, "1 new client, 0 matched, 1 rejected"));
  g_assert_true (gtk_widget_activate_action (fixture->dialog, "import.apply", NULL));
  wait_for_preview (fixture);
  g_assert_null (fixture->dialog);
  rosa = amparo_store_find_person_by_a_number (fixture->store, "212345678", NULL);
  g_assert_nonnull (rosa);
  contacts = amparo_store_list_contacts (fixture->store, rosa);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
}

/* A row with another child's A-Number shows both names and changes
 * nothing until "Use new names" is checked. */
static void
test_confirm_names (Fixture       *fixture,
                    gconstpointer  data)
{
  const char text[] = "Given names,Family names,A-Number\nRosa,Cruz,A-123-456-789\n";
  g_autoptr(AmparoPerson) ana = amparo_person_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *check;

  amparo_person_set_given_names (ana, "Ana");
  amparo_person_set_family_names (ana, "López");
  amparo_person_set_a_number (ana, "123456789");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (ana), &error));

  open_dialog (fixture, text, strlen (text));
  wait_for_preview (fixture);
  g_assert_true (shows (fixture, "In Amparo: Ana López\nIn this file: Rosa Cruz"));
  g_assert_true (shows (fixture, "0 new clients, 0 matched, 1 rejected"));
  g_assert_false (gtk_widget_activate_action (fixture->dialog, "import.apply", NULL) &&
                  fixture->dialog == NULL);

  check = amparo_test_find_widget (fixture->dialog, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (shows (fixture, "0 new clients, 1 matched, 0 rejected"));
  g_assert_true (gtk_widget_activate_action (fixture->dialog, "import.apply", NULL));
  amparo_test_wait (50);
  amparo_test_until (((fixture->dialog) == NULL) && (amparo_store_reload (fixture->store, AMPARO_RECORD (ana), &error)) && (g_strcmp0 (amparo_person_get_given_names (ana), "Rosa") == 0));
  g_assert_null (fixture->dialog);
  g_assert_true (amparo_store_reload (fixture->store, AMPARO_RECORD (ana), &error));
  g_assert_cmpstr (amparo_person_get_given_names (ana), ==, "Rosa");
}

/* The encoding is shown with its evidence and can be changed. */
static void
test_change_encoding (Fixture       *fixture,
                      gconstpointer  data)
{
  const char text[] = "Nombres;Apellidos\r\nJos\xe9;N\xfa\xf1" "ez\r\n";
  AdwComboRow *row;

  open_dialog (fixture, text, sizeof text - 1);
  wait_for_preview (fixture);
  row = ADW_COMBO_ROW (amparo_test_find_widget (fixture->dialog, ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_true (shows (fixture, "Windows-1252"));
  g_assert_true (shows (fixture, "José Núñez"));
  g_assert_true (shows (fixture, "1 new client, 0 matched, 0 rejected"));

  adw_combo_row_set_selected (row, 0);
  wait_for_preview (fixture);
  g_assert_true (shows (fixture, "0 new clients, 0 matched, 1 rejected"));
  g_assert_true (shows (fixture, "not UTF-8 text"));
}

int
main (int   argc,
      char *argv[])
{
  amparo_language_init ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  setlocale (LC_ALL, "C.UTF-8");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv-import/dialog/worker-and-cancel", test_worker_and_cancel);
  ADD ("/csv-import/dialog/contacts", test_contacts);
  ADD ("/csv-import/dialog/confirm-names", test_confirm_names);
  ADD ("/csv-import/dialog/change-encoding", test_change_encoding);
#undef ADD

  return g_test_run ();
}
