/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-search.h"

#include <string.h>
#include <sys/wait.h>

#include "amparo-sample-data.h"
#include "amparo-test-store.h"

/* Moving in: `amparo --copy-store` SQLite → PostgreSQL → SQLite keeps
 * every client (same --export-csv output) and the whole journal. */

static char *
run_amparo (const char *const *args,
            int               *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int raw = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("AMPARO_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &raw, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (raw) ? WEXITSTATUS (raw) : -1;
  return out;
}

static char *
export_csv (const char *store,
            const char *dir,
            const char *name)
{
  g_autofree char *database = g_strdup_printf ("--database=%s", store);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *csv = g_strdup_printf ("--export-csv=%s", path);
  const char *args[] = { database, csv, NULL };
  g_autofree char *out = NULL;
  char *contents = NULL;
  int status;

  out = run_amparo (args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static gint64
journal_rows (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (location, &error);

  g_assert_no_error (error);
  return amparo_store_count (store, AMPARO_TYPE_JOURNAL_ENTRY, AMPARO_LIST_LIVE);
}

static int
copy (const char *from,
      const char *to)
{
  const char *args[] = { "--copy-store", from, to, NULL };
  g_autofree char *out = NULL;
  int status;

  out = run_amparo (args, &status);
  return status;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *back = g_build_filename (dir, "back.db", NULL);
  g_autofree char *server = NULL;
  g_autofree char *csv_first = NULL;
  g_autofree char *csv_server = NULL;
  g_autofree char *csv_back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journal_first;

  if (!amparo_test_engine_is_pg ())
    {
      g_test_skip ("needs the PostgreSQL test server (suite store-pg)");
      return;
    }
  {
    g_autoptr(AmparoStore) store = amparo_store_open (first, &error);
    g_assert_no_error (error);
    g_assert_true (amparo_sample_data_load (store, &error));
    g_assert_no_error (error);
  }
  server = amparo_test_store_location (dir, "server");
  journal_first = journal_rows (first);
  g_assert_cmpint (journal_first, >, 0);

  g_assert_cmpint (copy (first, server), ==, 0);
  g_assert_cmpint (journal_rows (server), ==, journal_first);
  /* The moved store passes --check, and its persons are found by
   * search at once (the index is filled at the copy's end). */
  {
    g_autoptr(AmparoStore) moved = amparo_store_open (server, &error);
    g_autoptr(GArray) ids = NULL;
    g_autofree char *report = NULL;
    guint n_matches = 0;

    g_assert_no_error (error);
    g_assert_true (amparo_store_check (moved, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (report, ==, "ok");
    ids = amparo_search_persons (moved, "jose", 10, &n_matches, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_matches, >, 0);
  }
  g_assert_cmpint (copy (server, back), ==, 0);
  g_assert_cmpint (journal_rows (back), ==, journal_first);

  /* A store with records is never copied into. */
  g_assert_cmpint (copy (first, server), ==, 1);
  g_assert_cmpint (journal_rows (server), ==, journal_first);

  csv_first = export_csv (first, dir, "first.csv");
  csv_server = export_csv (server, dir, "server.csv");
  csv_back = export_csv (back, dir, "back.csv");
  g_assert_cmpuint (strlen (csv_first), >, 100);
  g_assert_cmpstr (csv_server, ==, csv_first);
  g_assert_cmpstr (csv_back, ==, csv_first);
  /* Each export journaled once, on each side alike. */
  g_assert_cmpint (journal_rows (back), ==, journal_rows (server));

  amparo_test_remove_dir (dir);
}

static void
test_missing_source (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *target = g_build_filename (dir, "target.db", NULL);

  g_assert_cmpint (copy (missing, target), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/copy-store/round-trip", test_round_trip);
  g_test_add_func ("/copy-store/missing-source", test_missing_source);
  return g_test_run ();
}
