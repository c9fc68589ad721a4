/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amparo-bench-data.h"
#include "amparo-name-matcher.h"
#include "amparo-phonetic.h"
#include "amparo-query-model.h"
#include "amparo-search.h"
#include "amparo-store.h"
#include "amparo-store-private.h"

/* Builds stores of N synthetic persons and prints how long what a user
 * waits for takes: opening, the first page of the person list, each
 * keystroke of a search, a family-tracing match. Figures only; a slow
 * machine never fails it. It does fail when the data is wrong (the
 * planted persons are not found), so the small run in `make check`
 * proves the generator and the measured code work.
 *
 * Sizes: arguments (`bench-store 2000`), else AMPARO_BENCH_SIZES
 * ("100000,1000000"), else 100,000 and 1,000,000. */

#define REPEATS 25
#define PAGE 50

static const char * const typed[] = {
  "m", "ma", "mar", "mari", "maria", "jose nunez", NULL /* A-number prefix */,
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The machine may be shared: CPU seconds say what the code costs. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_times (const char *what,
             double     *times,
             guint       n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  g_print ("  %-28s median %8.2f ms   p95 %8.2f ms   max %8.2f ms\n",
           what, times[n / 2], times[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1], times[n - 1]);
}

static gboolean
check (gboolean    ok,
       const char *what)
{
  if (!ok)
    g_printerr ("FAILED: %s\n", what);
  return ok;
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (guint64) buf.st_size : 0;
}

static AmparoStore *
generate_store (const char        *path,
                guint              n,
                AmparoBenchCounts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds ();
  double generated, keyed, generated_cpu, keyed_cpu;

  store = amparo_store_open (path, &error);
  if (store == NULL || !amparo_bench_generate_persons (store, n, 2018, counts, &error))
    {
      g_printerr ("FAILED: generating %u persons: %s\n", n, error->message);
      return NULL;
    }
  generated = ms_since (start);
  generated_cpu = cpu_seconds () - cpu_start;
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  if (!amparo_name_matcher_update_keys (store, &error))
    {
      g_printerr ("FAILED: name keys: %s\n", error->message);
      return NULL;
    }
  keyed = ms_since (start);
  keyed_cpu = cpu_seconds () - cpu_start;

  g_print ("  generated %" G_GUINT64_FORMAT " persons, %" G_GUINT64_FORMAT " locations, %"
           G_GUINT64_FORMAT " family links in %.1f s (CPU %.1f s, %.0f persons/s)\n"
           "  tracing name keys for all of them: %.1f s (CPU %.1f s)\n",
           counts->persons, counts->locations, counts->relationships,
           generated / 1000.0, generated_cpu, counts->persons / (generated / 1000.0),
           keyed / 1000.0, keyed_cpu);
  return g_steal_pointer (&store);
}

static gboolean
bench_list (AmparoStore *store,
            guint        n)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GListModel) persons = amparo_store_list_persons (store, AMPARO_LIST_LIVE,
                                                             AMPARO_PERSON_SORT_FAMILY_NAMES);
  guint n_items = g_list_model_get_n_items (persons);
  double opened = ms_since (start);

  for (guint i = 0; i < MIN (n_items, PAGE); i++)
    g_object_unref (g_list_model_get_item (persons, i));
  g_print ("  person list: %u items, opened in %.2f ms, first %u rows after %.2f ms\n",
           n_items, opened, PAGE, ms_since (start));

  return check (n_items == n, "the person list has every person");
}

static gboolean
bench_search (AmparoStore       *store,
              AmparoBenchCounts *counts)
{
  g_autofree char *a_prefix = g_strdup_printf ("A-%.3s-%.2s", counts->a_number, counts->a_number + 3);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean ok = TRUE;

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      const char *text = typed[q] != NULL ? typed[q] : a_prefix;
      double times[REPEATS];
      guint n_matches = 0;

      for (guint r = 0; r < REPEATS; r++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();
          double cpu_start = thread_cpu_ms ();
          g_autoptr(GArray) ids = amparo_search_persons (store, text, PAGE, &n_matches, &error);
          double cpu = thread_cpu_ms () - cpu_start;

          times[r] = ms_since (start);
          g_array_append_val (all, times[r]);
          g_array_append_val (all_cpu, cpu);
          ok &= check (ids != NULL && ids->len > 0, text);
        }
      {
        g_autofree char *label = g_strdup_printf ("search \"%s\" (%u%s)", text, n_matches,
                                                  n_matches >= AMPARO_SEARCH_MAX_COUNT ? "+" : "");
        print_times (label, times, REPEATS);
      }
    }
  print_times ("search, all keystrokes", (double *) all->data, all->len);
  print_times ("  the same in CPU time", (double *) all_cpu->data, all_cpu->len);

  return ok;
}

static gboolean
bench_filtered_list (AmparoStore *store)
{
  static const char * const texts[] = { "mar", "jose nunez" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *match = amparo_search_build_match (texts[i]);
      const char *params[] = { match, NULL };
      const char *order[] = { "family_names COLLATE NOCASE", "given_names COLLATE NOCASE", "id", NULL };
      gint64 start = g_get_monotonic_time ();
      g_autoptr(AmparoQueryModel) model = amparo_query_model_new (store, AMPARO_TYPE_PERSON,
                                                                  "deleted_at IS NULL AND "
                                                                  AMPARO_SEARCH_PERSONS_FILTER_SQL,
                                                                  params, order);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

      for (guint j = 0; j < MIN (n_items, PAGE); j++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), j));
      g_print ("  filtered person list \"%s\": %u items, first page after %.2f ms\n",
               texts[i], n_items, ms_since (start));
      if (!check (n_items > 0, "the filtered list finds persons"))
        return FALSE;
    }

  return TRUE;
}

static gboolean
bench_tracing (AmparoStore *store)
{
  double times[REPEATS], cpu[REPEATS];
  gboolean found = FALSE;

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      g_autoptr(GListModel) matches = amparo_name_matcher_find (store, "Yoselin", "Lopez", 7,
                                                                "Guatemala", 20, &error);

      cpu[r] = thread_cpu_ms () - cpu_start;
      times[r] = ms_since (start);
      if (matches == NULL)
        return check (FALSE, error->message);
      /* Big stores hold many girls called Yoselin or Joselyn López of
       * that age; the best must be one of them. */
      if (g_list_model_get_n_items (matches) > 0)
        {
          g_autoptr(AmparoNameMatch) best = g_list_model_get_item (matches, 0);
          g_autofree char *key = amparo_phonetic_key (amparo_name_match_get_given_names (best));

          found = g_str_has_prefix (key, "joselin") && amparo_name_match_get_score (best) > 0.9;
        }
    }
  print_times ("tracing \"Yoselin Lopez, 7\"", times, REPEATS);
  print_times ("  the same in CPU time", cpu, REPEATS);

  return check (found, "tracing proposes a Yoselin/Joselyn López first");
}

static gboolean
run_size (const char *dir,
          guint       n)
{
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AmparoBenchCounts counts;
  gboolean ok = TRUE;
  gint64 start;

  g_print ("%u persons\n", n);
  g_clear_object (&store);
  store = generate_store (path, n, &counts);
  if (store == NULL)
    return FALSE;
  g_clear_object (&store);
  g_print ("  database %.1f MB (+ %.1f MB write-ahead log)\n",
           file_size (path) / 1e6, file_size (wal) / 1e6);

  /* The first open of a day starts a backup in a thread; made here
   * first, it neither slows the figures below nor goes unreported. */
  start = g_get_monotonic_time ();
  if (!amparo_store_run_daily_backup (path, NULL, &error))
    return check (FALSE, error->message);
  g_print ("  daily backup (made in the background on the first open of a day): %.1f s\n",
           ms_since (start) / 1000.0);

  start = g_get_monotonic_time ();
  store = amparo_store_open (path, &error);
  if (store == NULL)
    return check (FALSE, error->message);
  g_print ("  open: %.2f ms\n", ms_since (start));

  ok &= bench_list (store, counts.persons);
  ok &= bench_search (store, &counts);
  ok &= bench_filtered_list (store);
  ok &= bench_tracing (store);

  g_clear_object (&store);
  return ok;
}

static GArray *
parse_sizes (int    argc,
             char **argv)
{
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *env = g_getenv ("AMPARO_BENCH_SIZES");
  g_auto(GStrv) words = NULL;

  if (argc > 1)
    words = g_strdupv (argv + 1);
  else
    words = g_strsplit_set (env != NULL ? env : "100000,1000000", ", ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint64 n = g_ascii_strtoull (words[i], NULL, 10);

      if (n >= 2 && n <= 50000000)
        {
          guint size = (guint) n;

          g_array_append_val (sizes, size);
        }
    }

  return sizes;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GArray) sizes = parse_sizes (argc, argv);
  gboolean ok = TRUE;

  for (guint i = 0; i < sizes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *keep = g_getenv ("AMPARO_BENCH_KEEP_DIR");
      g_autofree char *dir = keep != NULL ? g_strdup (keep)
                                          : g_dir_make_tmp ("amparo-bench-XXXXXX", &error);

      if (dir == NULL)
        {
          g_printerr ("FAILED: %s\n", error->message);
          return EXIT_FAILURE;
        }
      ok &= run_size (dir, g_array_index (sizes, guint, i));
      /* AMPARO_BENCH_KEEP_DIR keeps the database for a closer look */
      if (keep == NULL)
        remove_dir (dir);
    }

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
