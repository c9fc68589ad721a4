/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "amparo-csv.h"
#include "amparo-search.h"
#include "amparo-store.h"
#include "amparo-test-store.h"

/* A large import in one batch (#14): the search index of its new persons
 * is built once, at the end (migration 0022). Every imported person must
 * still be found by search and journaled as created, and after the batch
 * (committed or cancelled) a person saved alone is indexed again. */

#define N_ROWS 5000

typedef AmparoTestStoreFixture Fixture;

/* Family names "Qx00000" … of one length: no one's word is a prefix of
 * another's, so each search finds exactly one person. */
static char *
make_csv (guint n)
{
  GString *csv = g_string_new ("Given names,Family names,A-Number,Date of birth\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Niña,Qx%05u,A%09u,2012-03-04\r\n", i, 100000000 + i);
  return g_string_free (csv, FALSE);
}

static guint
count_found (AmparoStore *store,
             const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  guint n_matches = 0;

  hits = amparo_search_persons (store, text, 10, &n_matches, &error);
  g_assert_no_error (error);
  return n_matches;
}

static void
save_one (AmparoStore *store,
          const char  *family_names)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (person, "Solita");
  amparo_person_set_family_names (person, family_names);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
}

static void
test_every_person_found_and_journaled (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *csv = make_csv (N_ROWS);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoCsvImport) import = amparo_csv_import_new (fixture->store, csv, strlen (csv), &error);
  g_autoptr(GListModel) journal = NULL;
  g_autoptr(GHashTable) created = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  g_assert_cmpuint (amparo_csv_import_count (import, AMPARO_CSV_ROW_CREATE), ==, N_ROWS);
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *word = g_strdup_printf ("Qx%05u", i);

      if (count_found (fixture->store, word) != 1)
        g_error ("search for the imported “%s” finds %u persons", word, count_found (fixture->store, word));
    }

  /* Each created person keeps a journal row of their own. */
  journal = amparo_store_list_journal (fixture->store);
  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);

      if (amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_INSERT &&
          g_strcmp0 (amparo_journal_entry_get_table_name (entry), "persons") == 0)
        g_hash_table_add (created, (gpointer) g_intern_string (amparo_journal_entry_get_record_uid (entry)));
    }
  for (guint i = 0; i < amparo_csv_import_get_n_rows (import); i++)
    {
      AmparoPerson *person = amparo_csv_import_get_person (import, i);

      g_assert_true (g_hash_table_contains (created, g_intern_string (amparo_record_get_uid (AMPARO_RECORD (person)))));
    }
  g_assert_cmpuint (g_hash_table_size (created), ==, N_ROWS);

  /* The insert trigger is on again once the batch committed. */
  save_one (fixture->store, "Zumbado");
  g_assert_cmpuint (count_found (fixture->store, "Zumbado"), ==, 1);
}

static void
test_cancelled_import_leaves_index_on (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *csv = make_csv (600);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoCsvImport) import = amparo_csv_import_new (fixture->store, csv, strlen (csv), &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (amparo_csv_import_apply_full (import, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 0);
  g_assert_cmpuint (count_found (fixture->store, "Qx00001"), ==, 0);

  save_one (fixture->store, "Zumbado");
  g_assert_cmpuint (count_found (fixture->store, "Zumbado"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, amparo_test_store_fixture_set_up, func, amparo_test_store_fixture_tear_down)
  ADD ("/csv-import-batch/every-person-found-and-journaled", test_every_person_found_and_journaled);
  ADD ("/csv-import-batch/cancelled-import-leaves-index-on", test_cancelled_import_leaves_index_on);
#undef ADD

  return g_test_run ();
}
