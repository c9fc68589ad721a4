/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "amparo-bench-data.h"
#include "amparo-name-matcher.h"
#include "amparo-search.h"
#include "amparo-test-store.h"

/*
 * postgres (#10): the same store operations on SQLite and on a shared
 * PostgreSQL server, side by side. The persons are generated into a
 * SQLite file and moved to the server with amparo_store_copy() (timed
 * too). Prints figures; never fails on timing. On the server only when
 * run under tests/pg/with-pg-server.sh:
 *   tests/pg/with-pg-server.sh build/tests/bench/bench-store-engines 100000
 */

typedef struct
{
  double open_ms;
  double first_page_ms;
  double search_ms;
  double keys_ms;
  double trace_ms;
  double save_ms;
} Figures;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Family tracing (#10): the name keys are computed once, on first use,
 * then each "Find possible relatives" style search is timed. */
static void
measure_tracing (AmparoStore *store,
                 Figures     *figures)
{
  static const char *const sought[][2] = {
    { "José", "Núñez" }, { "Yoselin", "López García" }, { "Maria", "Hernandez" }, { NULL, "Gómez" },
  };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (amparo_name_matcher_update_keys (store, &error));
  g_assert_no_error (error);
  figures->keys_ms = ms_since (start);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (sought); i++)
    {
      g_autoptr(GListModel) found = amparo_name_matcher_find (store, sought[i][0], sought[i][1],
                                                              AMPARO_NAME_MATCHER_AGE_UNKNOWN, NULL, 20, &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
    }
  figures->trace_ms = ms_since (start) / G_N_ELEMENTS (sought);
}

static void
measure (const char *location,
         gboolean    search,
         Figures    *figures)
{
  static const char *const keystrokes[] = { "j", "jo", "jos", "jose", "jose n", "jose nu", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(AmparoPerson) person = NULL;
  gint64 start = g_get_monotonic_time ();
  const int n_saves = 20;

  store = amparo_store_open (location, &error);
  g_assert_no_error (error);
  figures->open_ms = ms_since (start);

  start = g_get_monotonic_time ();
  list = amparo_store_list_persons (store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
  for (guint i = 0; i < 50 && i < g_list_model_get_n_items (list); i++)
    g_object_unref (g_list_model_get_item (list, i));
  figures->first_page_ms = ms_since (start);

  figures->search_ms = -1;
  if (search)
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; keystrokes[i] != NULL; i++)
        {
          guint n_matches = 0;
          g_autoptr(GArray) ids = amparo_search_persons (store, keystrokes[i], 50, &n_matches, NULL);
        }
      figures->search_ms = ms_since (start) / g_strv_length ((char **) keystrokes);
    }

  measure_tracing (store, figures);

  person = g_list_model_get_item (list, 0);
  start = g_get_monotonic_time ();
  for (int i = 0; i < n_saves; i++)
    {
      g_autofree char *notes = g_strdup_printf ("bench %d", i);

      amparo_person_set_notes (person, notes);
      g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
    }
  figures->save_ms = ms_since (start) / n_saves;
}

static char *
cell (double ms)
{
  return ms < 0 ? g_strdup ("n/a") : g_strdup_printf ("%.1f ms", ms);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *file = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  Figures lite = { 0 }, server = { 0 };
  gboolean on_server = amparo_test_engine_is_pg ();
  double copy_ms = -1;
  static const char *const rows[] = { "open", "first page (50)", "search per keystroke",
                                      "tracing: name keys", "tracing per search", "save" };

  {
    g_autoptr(AmparoStore) store = amparo_store_open (file, &error);
    AmparoBenchCounts counts;

    g_assert_no_error (error);
    g_assert_true (amparo_bench_generate_persons (store, n, 42, &counts, &error));
    g_assert_no_error (error);
  }
  measure (file, TRUE, &lite);

  if (on_server)
    {
      g_autofree char *location = amparo_test_store_location (dir, "server");
      gint64 start = g_get_monotonic_time ();

      g_assert_true (amparo_store_copy (file, location, &error));
      g_assert_no_error (error);
      copy_ms = ms_since (start);
      measure (location, TRUE, &server);
    }

  g_print ("%u persons               SQLite        PostgreSQL\n", n);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double a[] = { lite.open_ms, lite.first_page_ms, lite.search_ms, lite.keys_ms, lite.trace_ms, lite.save_ms };
      double b[] = { server.open_ms, server.first_page_ms, server.search_ms, server.keys_ms, server.trace_ms, server.save_ms };
      g_autofree char *left = cell (a[i]);
      g_autofree char *right = on_server ? cell (b[i]) : g_strdup ("(no server)");

      g_print ("%-24s %-13s %s\n", rows[i], left, right);
    }
  if (copy_ms >= 0)
    g_print ("%-24s %-13s %.1f ms\n", "--copy-store to server", "", copy_ms);
  amparo_test_remove_dir (dir);
  return 0;
}
