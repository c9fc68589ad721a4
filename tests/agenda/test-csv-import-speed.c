/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "amparo-bench-data.h"
#include "amparo-csv.h"
#include "amparo-db-sqlite.h"
#include "amparo-store.h"
#include "amparo-store-trace.h"
#include "amparo-test-store.h"

/* The mechanisms behind a fast import (#14), not its speed: the checksum
 * now written by the INSERT itself must be the one `--check` computes
 * from the stored row, and the benchmark's generator must make exactly
 * as many persons as asked (100,000 once made 100,001). */

typedef struct
{
  char        *dir;
  AmparoStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "test.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Persons and contacts imported in one batch carry the checksum of their
 * stored row; a field changed behind Amparo's back is still found. */
static void
test_checksums_in_insert (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *csv =
    "Given names,Family names,A-Number,Date of birth,Interpreter needed,Languages,Country of birth,Contact 1 kind,Contact 1\r\n"
    "Niña,Núñez,A012345678,2012-03-04,yes,Español,Honduras,phone,(213) 555-0100\r\n"
    "José,Pérez,,2010-01-02,no,K'iche',GT,email,jose@example.org\r\n"
    "Ana,López,A-098-765-432,,,,,,\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3 *db = amparo_store_get_db (fixture->store);

  if (amparo_test_skip_on_pg ("checksums are an SQLite file's"))
    return;
  import = amparo_csv_import_new (fixture->store, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amparo_csv_import_count_accepted (import), ==, 3);
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM persons WHERE checksum IS NULL"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM contacts WHERE checksum IS NULL"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM persons"), ==, 3);
  g_assert_cmpint (count_rows (db, "SELECT count (*) FROM contacts"), ==, 2);
  amparo_store_verify_checksums (db, problems);
  g_assert_cmpstr (problems->str, ==, "");

  g_assert_cmpint (sqlite3_exec (db, "UPDATE persons SET given_names = 'Nina' WHERE given_names = 'Niña'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  amparo_store_verify_checksums (db, problems);
  g_assert_nonnull (strstr (problems->str, "of table persons does not match its checksum"));
}

typedef struct
{
  guint per_record;
  guint batches;
  guint persons;   /* n_records of the persons' records-changed */
  guint contacts;
  guint batch_size; /* the largest amparo_store_get_batch_size() seen */
} Notices;

static void
on_record_changed_cb (AmparoStore  *store,
                      AmparoRecord *record,
                      Notices      *notices)
{
  notices->per_record++;
  notices->batch_size = MAX (notices->batch_size,
                             amparo_store_get_batch_size (store, G_OBJECT_TYPE (record)));
}

static void
on_records_changed_cb (AmparoStore *store,
                       GType        kind,
                       guint        n_records,
                       Notices     *notices)
{
  notices->batches++;
  if (kind == AMPARO_TYPE_PERSON)
    notices->persons += n_records;
  else if (kind == AMPARO_TYPE_CONTACT)
    notices->contacts += n_records;
}

/* N rows, every third with a phone number. */
static char *
make_csv (guint n)
{
  GString *csv = g_string_new ("Given names,Family names,Contact 1 kind,Contact 1\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Nombre%u,Apellido%u,%s,%s\r\n", i, i,
                            i % 3 == 0 ? "phone" : "", i % 3 == 0 ? "(213) 555-0100" : "");
  return g_string_free (csv, FALSE);
}

/* An import of N rows is one records-changed per kind, with the counts,
 * whatever N is, and the clients list shows every imported person. */
/* The statements since the last call that count the clients list. */
static guint
list_counts_run (void)
{
  g_autoptr(GPtrArray) taken = amparo_store_trace_take ();
  guint n = 0;

  for (guint i = 0; i < taken->len; i++)
    if ((strstr (taken->pdata[i], "count(") != NULL || strstr (taken->pdata[i], "count (") != NULL) &&
        strstr (taken->pdata[i], "FROM persons") != NULL)
      n++;
  return n;
}

static void
test_one_batch_notice (Fixture       *fixture,
                       gconstpointer  data)
{
  const guint n = 300;
  g_autofree char *csv = make_csv (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GListModel) clients = NULL;
  Notices notices = { 0, };

  clients = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 0);
  g_signal_connect (fixture->store, "record-changed", G_CALLBACK (on_record_changed_cb), &notices);
  g_signal_connect (fixture->store, "records-changed", G_CALLBACK (on_records_changed_cb), &notices);

  import = amparo_csv_import_new (fixture->store, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amparo_csv_import_count_accepted (import), ==, n);
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (notices.batches, ==, 2);
  g_assert_cmpuint (notices.persons, ==, n);
  g_assert_cmpuint (notices.contacts, ==, n / 3);
  /* The per-record signal stays for the lists that still use it. */
  g_assert_cmpuint (notices.per_record, ==, n + n / 3);
  /* Each of them could tell it was part of a batch of n persons. */
  g_assert_cmpuint (notices.batch_size, ==, n);
  g_assert_cmpuint (amparo_store_get_batch_size (fixture->store, AMPARO_TYPE_PERSON), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, n);
  g_signal_handlers_disconnect_by_data (fixture->store, &notices);
}

/* A list open during an import reads itself once per batch, not once
 * per imported client (it counted itself 300 times before). */
static void
test_list_reads_once (Fixture       *fixture,
                      gconstpointer  data)
{
  const guint n = 300;
  g_autofree char *csv = make_csv (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GListModel) clients = NULL;
  guint counts;

  if (amparo_test_skip_on_pg ("the statement trace is SQLite's"))
    return;
  /* The trace follows stores opened after it starts. */
  amparo_store_trace_enable ();
  store = amparo_test_open_store (fixture->dir, "traced.db");
  clients = amparo_store_list_persons (store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 0);
  import = amparo_csv_import_new (store, csv, strlen (csv), &error);
  g_assert_no_error (error);
  list_counts_run ();
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);
  counts = list_counts_run ();
  g_test_message ("the list counted itself %u times during the import", counts);
  g_assert_cmpuint (counts, >, 0);
  g_assert_cmpuint (counts, <=, 4);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, n);
}

/* The window's import runs on a worker's connection: the window's store
 * learns of it from the journal, and announces it as one batch too. */
static void
test_one_batch_notice_other_connection (Fixture       *fixture,
                                        gconstpointer  data)
{
  const guint n = 200;
  g_autofree char *csv = make_csv (n);
  g_autofree char *path = g_build_filename (fixture->dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) worker = NULL;
  g_autoptr(AmparoCsvImport) import = NULL;
  Notices notices = { 0, };

  if (amparo_test_skip_on_pg ("the worker opens the same SQLite file"))
    return;
  amparo_store_watch_others (fixture->store);
  g_signal_connect (fixture->store, "record-changed", G_CALLBACK (on_record_changed_cb), &notices);
  g_signal_connect (fixture->store, "records-changed", G_CALLBACK (on_records_changed_cb), &notices);
  worker = amparo_store_open (path, &error);
  g_assert_no_error (error);
  import = amparo_csv_import_new (worker, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);

  /* The watch polls; wait for it however long the machine takes. One
   * catch-up announces every record, then the batch. */
  while (notices.per_record < n + (n + 2) / 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (notices.per_record, ==, n + (n + 2) / 3);
  g_assert_cmpuint (notices.persons, ==, n);
  g_assert_cmpuint (notices.contacts, ==, (n + 2) / 3);
  g_assert_cmpuint (notices.batches, ==, 2);
  g_assert_cmpuint (notices.batch_size, ==, n);
  g_signal_handlers_disconnect_by_data (fixture->store, &notices);
}

/* Asked for n persons, the generator makes n: its family sizes were
 * drawn twice inside MIN(), so the last family could overrun the budget. */
static void
test_generator_exact (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 before = amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);

  if (amparo_test_skip_on_pg ("the generator writes an SQLite file"))
    return;
  for (guint n = 2; n <= 120; n++)
    {
      g_autoptr(GError) error = NULL;
      AmparoBenchCounts counts;
      gint64 after;

      g_assert_true (amparo_bench_generate_persons (fixture->store, n, n, &counts, &error));
      g_assert_no_error (error);
      after = amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);
      g_assert_cmpuint (counts.persons, ==, n);
      g_assert_cmpint (after - before, ==, n);
      before = after;
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/csv-import/speed/checksums-in-insert", Fixture, NULL,
              fixture_set_up, test_checksums_in_insert, fixture_tear_down);
  g_test_add ("/csv-import/speed/one-batch-notice", Fixture, NULL,
              fixture_set_up, test_one_batch_notice, fixture_tear_down);
  g_test_add ("/csv-import/speed/list-reads-once", Fixture, NULL,
              fixture_set_up, test_list_reads_once, fixture_tear_down);
  g_test_add ("/csv-import/speed/one-batch-notice-other-connection", Fixture, NULL,
              fixture_set_up, test_one_batch_notice_other_connection, fixture_tear_down);
  g_test_add ("/bench/generator/exact-count", Fixture, NULL,
              fixture_set_up, test_generator_exact, fixture_tear_down);
  return g_test_run ();
}
