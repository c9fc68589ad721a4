/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-store.h"
#include "amparo-test-store.h"

/* postgres (#10): the shared server killed while a desk works, and
 * started again. Run by with-pg-server.sh, which says how to kill and
 * start its server (AMPARO_TEST_PG_KILL, AMPARO_TEST_PG_START). */

static AmparoPerson *
new_person (const char *given,
            const char *family)
{
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  return person;
}

static gint64
count_named (AmparoStore *store,
             const char  *family)
{
  g_autoptr(GListModel) persons = amparo_store_list_persons (store, AMPARO_LIST_LIVE,
                                                             AMPARO_PERSON_SORT_FAMILY_NAMES);
  gint64 n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr(AmparoPerson) person = g_list_model_get_item (persons, i);

      n += g_strcmp0 (amparo_person_get_family_names (person), family) == 0;
    }
  return n;
}

/* The server dies in the middle of a save of two records (a transaction
 * the desk opened): the save fails with the banner's clear message, the
 * record keeps what was typed, and after the restart the store holds
 * neither half; saving the same record again then works. */
static void
test_killed_during_save (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "away");
  g_autoptr(AmparoPerson) first = new_person ("Dalia", "Coc Xol");
  g_autoptr(AmparoPerson) second = new_person ("Wilmer", "Coc Xol");
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_assert_true (amparo_store_is_shared (store));
  g_assert_true (amparo_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (first), &error));
  g_assert_no_error (error);

  amparo_test_pg_run ("AMPARO_TEST_PG_KILL");
  saved = amparo_store_save (store, AMPARO_RECORD (second), &error);
  g_assert_false (saved);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_UNREACHABLE);
  g_assert_nonnull (g_strstr_len (error->message, -1, "your typing is kept"));
  g_clear_error (&error);
  /* The commit fails too, and gives the records back their unsaved
   * state: no half of the save is taken for saved. */
  g_assert_false (amparo_store_commit (store, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (first)), ==, 0);
  /* What was typed is still in the record. */
  g_assert_cmpstr (amparo_person_get_given_names (second), ==, "Wilmer");

  /* While the server is away, reconnecting fails clearly, again. */
  g_assert_false (amparo_store_reconnect (store, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);

  amparo_test_pg_run ("AMPARO_TEST_PG_START");
  g_assert_true (amparo_store_reconnect (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_named (store, "Coc Xol"), ==, 0);

  /* The retry saves what was typed, once. */
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (second), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_named (store, "Coc Xol"), ==, 1);

  g_clear_object (&store);
  amparo_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!amparo_test_engine_is_pg ())
    {
      g_test_skip ("needs tests/pg/with-pg-server.sh");
      return g_test_run ();
    }
  g_test_add_func ("/server-away/killed-during-save", test_killed_during_save);
  return g_test_run ();
}
