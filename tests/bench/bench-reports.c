/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "amparo-bench-data.h"
#include "amparo-reports-page.h"
#include "amparo-store-private.h"
#include "amparo-store-reports.h"
#include "amparo-test-store.h"

/* How long the Reports section takes to open on a large store: each
 * figure's aggregate query, then the whole dashboard (the real page,
 * counted and drawn) when there is a display. Persons come from the
 * shared generator (amparo-bench-data.c); this file adds what the
 * figures count — programs, funding, statuses, proceedings with outcomes,
 * hearings in the coming weeks, contacts, class memberships, demands —
 * in a few set-based statements. Figures only; a slow machine never
 * fails it. It does fail when a figure is wrong (the totals below are
 * checked against plain counts), so the small run proves the code.
 *
 * Sizes: arguments (`bench-reports 2000`), else AMPARO_BENCH_SIZES, else
 * 1,000,000. AMPARO_BENCH_KEEP=1 keeps the store; AMPARO_BENCH_STORE=
 * <its folder> times it again (the size argument is then only a label). */

#define REPEATS 5

static const char * const enrich_sql =
  "BEGIN;"
  "UPDATE persons SET"
  "  program = CASE id % 4 WHEN 0 THEN 'Children''s Representation' WHEN 1 THEN 'Family Reunification'"
  "                        WHEN 2 THEN 'Detention Defense' ELSE 'Ms. L settlement' END,"
  "  funding_source = CASE id % 3 WHEN 0 THEN 'ORR' WHEN 1 THEN 'City grant' ELSE 'Private donors' END,"
  "  client_status = CASE id % 10 WHEN 0 THEN 'closed' WHEN 1 THEN 'not-client' WHEN 2 THEN 'prospective' ELSE client_status END;"
  /* One proceeding in five, half of them decided or closed this month. */
  "INSERT INTO proceedings (uid, created_at, updated_at, person_id, kind, status, outcome)"
  "  SELECT 'bench-pr-' || id, :now, :now, id, 'removal',"
  "         CASE id % 10 WHEN 0 THEN 'closed' WHEN 5 THEN 'decided' ELSE 'open' END,"
  "         CASE id % 30 WHEN 0 THEN 'Granted' WHEN 5 THEN 'Denied' WHEN 10 THEN 'Terminated' WHEN 15 THEN 'In absentia' END"
  "    FROM persons WHERE id % 5 = 0;"
  /* A hearing for one person in twenty, spread over the next ten weeks. */
  "INSERT INTO events (uid, created_at, updated_at, person_id, kind, title, starts_at, done, source)"
  "  SELECT 'bench-ev-' || id, :now, :now, id, 'hearing', 'Master calendar hearing',"
  "         date (:today, '+' || (id % 70) || ' days') || 'T09:00', 0, 'manual'"
  "    FROM persons WHERE id % 20 = 1;"
  /* A contact for one in four, verified at some time in the last two years. */
  "INSERT INTO contacts (uid, created_at, updated_at, person_id, kind, value, last_verified)"
  "  SELECT 'bench-co-' || id, :now, :now, id, 'phone', '+1 213 555 0100',"
  "         CASE WHEN id % 8 = 0 THEN NULL ELSE date (:today, '-' || (id % 700) || ' days') END"
  "    FROM persons WHERE id % 4 = 3;"
  "INSERT INTO litigation (uid, created_at, updated_at, name, status) VALUES ('bench-lit', :now, :now, 'Ms. L v. ICE', 'settled');"
  "INSERT INTO memberships (uid, created_at, updated_at, person_id, litigation_id, claim_status)"
  "  SELECT 'bench-me-' || id, :now, :now, id, (SELECT id FROM litigation WHERE uid = 'bench-lit'),"
  "         CASE id % 4 WHEN 0 THEN 'not-filed' WHEN 1 THEN 'pending' WHEN 2 THEN 'approved' ELSE 'denied' END"
  "    FROM persons WHERE id % 50 = 7;"
  "INSERT INTO benefits (uid, created_at, updated_at, membership_id, kind, months, ends_on)"
  "  SELECT 'bench-be-' || id, :now, :now, id, 'housing', 12, date (:today, '+' || (id % 120) || ' days')"
  "    FROM memberships;"
  "INSERT INTO demands (uid, created_at, updated_at, text_en, target, status)"
  "  SELECT 'bench-de-' || id, :now, :now, 'Reunite every family', 'dhs',"
  "         CASE id % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'met' ELSE 'partially-met' END"
  "    FROM persons WHERE id <= 60;"
  "COMMIT;"
  "ANALYZE;";

/* The machine may be shared: CPU time says what the code costs. */
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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
enrich (AmparoStore *store,
        const char  *today)
{
  g_autofree char *now = g_strconcat (today, "T12:00:00.000Z", NULL);
  g_autoptr(GString) sql = g_string_new (enrich_sql);
  g_autofree char *quoted_now = g_strdup_printf ("'%s'", now);
  g_autofree char *quoted_today = g_strdup_printf ("'%s'", today);
  g_autoptr(GError) error = NULL;

  g_string_replace (sql, ":now", quoted_now, 0);
  g_string_replace (sql, ":today", quoted_today, 0);
  if (!amparo_store_exec (store, sql->str, &error))
    g_error ("Could not add the figures' records: %s", error->message);
}

static gint64
count (AmparoStore *store,
       const char  *where)
{
  const char *params[] = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 n = amparo_store_count_where (store, AMPARO_TYPE_PERSON, where, params, &error);

  g_assert_no_error (error);
  return n;
}

/* The figures agree with plain counts, so a fast wrong answer fails. */
static void
check_figures (AmparoStore       *store,
               AmparoReportScope *scope)
{
  g_autoptr(AmparoReportFigure) open = amparo_store_report_figure (store, AMPARO_REPORT_OPEN_BY_PROGRAM, scope, NULL);
  g_autoptr(AmparoReportFigure) statuses = amparo_store_report_figure (store, AMPARO_REPORT_CASES_BY_STATUS, scope, NULL);
  g_autofree char *active = g_strdup_printf ("deleted_at IS NULL AND client_status = 'active'"
                                             " AND (intake_date IS NULL OR intake_date < '%s')%s%s%s",
                                             scope->until, scope->program != NULL ? " AND program = '" : "",
                                             scope->program != NULL ? scope->program : "",
                                             scope->program != NULL ? "'" : "");

  g_assert_nonnull (open);
  g_assert_cmpint (open->total, ==, count (store, active));
  g_assert_cmpint (amparo_report_figure_get_value (statuses, "active"), ==, open->total);
}

/* What the Reports page runs: every figure at once, the persons'
 * figures in one pass. */
static void
time_dashboard (AmparoStore       *store,
                AmparoReportScope *scope)
{
  double times[REPEATS], cpu[REPEATS];

  for (guint r = 0; r < REPEATS; r++)
    {
      AmparoReportFigure *figures[AMPARO_REPORT_N_FIGURES];
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      g_autoptr(GError) error = NULL;

      g_assert_true (amparo_store_report_dashboard (store, scope, figures, &error));
      times[r] = ms_since (start);
      cpu[r] = thread_cpu_ms () - cpu_start;
      for (guint i = 0; i < AMPARO_REPORT_N_FIGURES; i++)
        amparo_report_figure_free (figures[i]);
    }
  qsort (times, REPEATS, sizeof (double), compare_doubles);
  qsort (cpu, REPEATS, sizeof (double), compare_doubles);
  g_print ("  %-46s median %8.2f ms   cpu %8.2f ms   max %8.2f ms\n", "whole dashboard (one call)",
           times[REPEATS / 2], cpu[REPEATS / 2], times[REPEATS - 1]);
}

static void
time_queries (AmparoStore       *store,
              AmparoReportScope *scope)
{
  double all = 0, all_cpu = 0;

  for (guint kind = 0; kind < AMPARO_REPORT_N_FIGURES; kind++)
    {
      double times[REPEATS], cpu[REPEATS];
      gint64 total = 0;

      for (guint r = 0; r < REPEATS; r++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = thread_cpu_ms ();
          g_autoptr(GError) error = NULL;
          g_autoptr(AmparoReportFigure) figure = amparo_store_report_figure (store, kind, scope, &error);

          g_assert_no_error (error);
          times[r] = ms_since (start);
          cpu[r] = thread_cpu_ms () - cpu_start;
          total = figure->total;
        }
      qsort (times, REPEATS, sizeof (double), compare_doubles);
      qsort (cpu, REPEATS, sizeof (double), compare_doubles);
      g_print ("  %-46s median %8.2f ms   cpu %8.2f ms   max %8.2f ms   (%" G_GINT64_FORMAT ")\n",
               amparo_report_figure_get_title (kind), times[REPEATS / 2], cpu[REPEATS / 2], times[REPEATS - 1], total);
      all += times[REPEATS / 2];
      all_cpu += cpu[REPEATS / 2];
    }
  g_print ("  %-46s        %8.2f ms   cpu %8.2f ms\n", "all figures (sum of medians)", all, all_cpu);
  time_dashboard (store, scope);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gint64        *first_frame)
{
  if (*first_frame == 0)
    *first_frame = g_get_monotonic_time ();
}

static void
wait_counted (AmparoReportsPage *page)
{
  amparo_reports_page_refresh (page);
  while (amparo_reports_page_is_counting (page))
    g_main_context_iteration (NULL, TRUE);
}

/* The real Reports page in a window: its first frame (nothing is counted
 * on the main thread, so it does not wait for the figures), then every
 * figure counted on the page's worker and drawn. The main thread's CPU
 * time is what the window spent. */
static void
time_page (AmparoStore *store)
{
  g_autoptr(AmparoWindowState) state = amparo_window_state_new ();
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (AMPARO_TYPE_REPORTS_PAGE, "store", store, "state", state, NULL);
  gint64 first_frame = 0;
  double built, counted;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  built = ms_since (start);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), &first_frame);
  while (first_frame == 0 || amparo_reports_page_is_counting (AMPARO_REPORTS_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  counted = ms_since (start);
  g_print ("  %-46s        %8.2f ms\n", "Reports page built and shown", built);
  g_print ("  %-46s        %8.2f ms\n", "  its first frame", (first_frame - start) / 1000.0);
  g_print ("  %-46s        %8.2f ms   main-thread cpu %8.2f ms   (counting %.2f ms)\n",
           "  every figure counted and drawn", counted, thread_cpu_ms () - cpu_start,
           amparo_reports_page_get_last_refresh_ms (AMPARO_REPORTS_PAGE (page)));
  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_ms ();
  wait_counted (AMPARO_REPORTS_PAGE (page));
  g_print ("  %-46s        %8.2f ms   main-thread cpu %8.2f ms\n", "Reports page recounted (period changed)",
           ms_since (start), thread_cpu_ms () - cpu_start);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run (guint    n_persons,
     gboolean display)
{
  /* AMPARO_BENCH_STORE=<folder kept before> times that store again,
   * without the minutes of generating a million persons. */
  const char *kept = g_getenv ("AMPARO_BENCH_STORE");
  g_autofree char *dir = kept != NULL ? g_strdup (kept) : amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "bench-reports.amparo");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(AmparoReportScope) scope = NULL;
  AmparoBenchCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_print ("# %u persons%s\n", n_persons, kept != NULL ? " (the kept store)" : "");
  if (kept == NULL && !amparo_bench_generate_persons (store, n_persons, 20180614, &counts, &error))
    g_error ("%s", error->message);
  if (kept == NULL)
    enrich (store, today);
  g_print ("  %-46s        %8.0f ms\n", "generated", ms_since (start));

  scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_THIS_MONTH, today, NULL, NULL, NULL);
  check_figures (store, scope);
  time_queries (store, scope);
  g_clear_pointer (&scope, amparo_report_scope_free);
  scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_LAST_QUARTER, today, NULL, NULL, "Family Reunification");
  g_print ("  (last quarter, one program)\n");
  check_figures (store, scope);
  time_queries (store, scope);
  if (display)
    time_page (store);

  g_clear_object (&store);
  /* AMPARO_BENCH_KEEP=1 leaves the store behind, to look at the
   * queries' plans (EXPLAIN QUERY PLAN) without generating it again. */
  if (g_getenv ("AMPARO_BENCH_KEEP") != NULL || kept != NULL)
    g_print ("  store kept in %s\n", dir);
  else
    amparo_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *env = g_getenv ("AMPARO_BENCH_SIZES");
  g_auto(GStrv) sizes = argc > 1 ? g_strdupv (argv + 1) : g_strsplit (env != NULL ? env : "1000000", ",", -1);
  gboolean display = gtk_init_check ();

  if (display)
    adw_init ();
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint64 n;

      if (g_ascii_string_to_unsigned (g_strstrip (sizes[i]), 10, 10, 10000000, &n, NULL))
        run ((guint) n, display);
    }
  return 0;
}
