/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-store-private.h"
#include "amparo-test-store.h"
#include "reports-test-data.h"

/* Every figure of the Reports section against a store whose answers are
 * known (reports-test-data.c), and the persons behind each bar are the
 * ones it counts. */

#define TODAY "2026-05-20"

typedef ReportsFixture Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  reports_fixture_set_up (fixture, TODAY);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  reports_fixture_tear_down (fixture, user_data);
}

static AmparoReportFigure *
figure (Fixture                *fixture,
        AmparoReportFigureKind  kind,
        AmparoReportPeriod      period,
        const char             *program)
{
  g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (period, TODAY, NULL, NULL, program);
  g_autoptr(GError) error = NULL;
  AmparoReportFigure *result = amparo_store_report_figure (fixture->store, kind, scope, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The Clients list's count for a bar equals the bar. */
static void
assert_persons_behind (Fixture            *fixture,
                       AmparoReportFigure *result,
                       AmparoReportPeriod  period,
                       const char         *program)
{
  g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (period, TODAY, NULL, NULL, program);

  for (guint i = 0; i < result->bars->len; i++)
    {
      AmparoReportBar *bar = g_ptr_array_index (result->bars, i);
      g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *where = amparo_store_report_persons_where (result->kind, bar->key, scope, params);
      g_autofree char *full = NULL;
      g_autoptr(GError) error = NULL;
      gint64 n;

      g_assert_nonnull (where);
      full = g_strconcat ("deleted_at IS NULL AND ", where, NULL);
      g_ptr_array_add (params, NULL);
      n = amparo_store_count_where (fixture->store, AMPARO_TYPE_PERSON, full,
                                    (const char * const *) params->pdata, &error);
      g_assert_no_error (error);
      /* Several hearings or contacts of one person are one person. */
      if (result->kind == AMPARO_REPORT_HEARINGS_BY_WEEK || result->kind == AMPARO_REPORT_STALE_CONTACTS)
        g_assert_cmpint (n, <=, bar->value);
      else
        g_assert_cmpint (n, ==, bar->value);
      g_assert_true (n > 0 || bar->value == 0);
    }
}

static void
test_scope_periods (void)
{
  g_autoptr(AmparoReportScope) month = amparo_report_scope_new (AMPARO_REPORT_PERIOD_THIS_MONTH, TODAY, NULL, NULL, "");
  g_autoptr(AmparoReportScope) quarter = amparo_report_scope_new (AMPARO_REPORT_PERIOD_LAST_QUARTER, TODAY, NULL, NULL, NULL);
  g_autoptr(AmparoReportScope) january = amparo_report_scope_new (AMPARO_REPORT_PERIOD_LAST_QUARTER, "2026-01-05", NULL, NULL, NULL);
  g_autoptr(AmparoReportScope) range = amparo_report_scope_new (AMPARO_REPORT_PERIOD_RANGE, TODAY, "2026-03-31", "2026-03-01", NULL);
  g_autoptr(AmparoReportScope) bad = amparo_report_scope_new (AMPARO_REPORT_PERIOD_RANGE, TODAY, "soon", NULL, NULL);

  g_assert_cmpstr (month->from, ==, "2026-05-01");
  g_assert_cmpstr (month->until, ==, "2026-05-21");
  g_assert_null (month->program);
  g_assert_cmpstr (quarter->from, ==, "2026-01-01");
  g_assert_cmpstr (quarter->until, ==, "2026-04-01");
  g_assert_cmpstr (january->from, ==, "2025-10-01");
  g_assert_cmpstr (january->until, ==, "2026-01-01");
  /* Reversed, and the last day included. */
  g_assert_cmpstr (range->from, ==, "2026-03-01");
  g_assert_cmpstr (range->until, ==, "2026-04-01");
  /* Not dates: this month, never a crash. */
  g_assert_cmpstr (bad->from, ==, "2026-05-01");
}

static void
test_open_by_program (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(AmparoReportFigure) month = figure (fixture, AMPARO_REPORT_OPEN_BY_PROGRAM, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_autoptr(AmparoReportFigure) quarter = figure (fixture, AMPARO_REPORT_OPEN_BY_PROGRAM, AMPARO_REPORT_PERIOD_LAST_QUARTER, NULL);
  g_autoptr(AmparoReportFigure) fr = figure (fixture, AMPARO_REPORT_OPEN_BY_PROGRAM, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);

  /* Kevin and Marta are active; the trashed client does not count. */
  g_assert_cmpint (month->total, ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (month, REPORTS_TEST_CRP), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (month, REPORTS_TEST_FR), ==, 1);
  /* Marta's intake is after the last quarter. */
  g_assert_cmpint (quarter->total, ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (quarter, REPORTS_TEST_CRP), ==, 1);
  g_assert_cmpint (fr->total, ==, 1);
  g_assert_cmpuint (fr->bars->len, ==, 1);
  assert_persons_behind (fixture, month, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  assert_persons_behind (fixture, quarter, AMPARO_REPORT_PERIOD_LAST_QUARTER, NULL);
  assert_persons_behind (fixture, fr, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);
}

/* A program typed with a stray space is the same program. */
static void
test_program_spelling (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(AmparoPerson) again = amparo_person_new ();
  g_autoptr(AmparoReportFigure) month = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (again, "given-names", "Rosa", "family-names", "Tum", "client-status", AMPARO_CLIENT_STATUS_ACTIVE,
                "program", REPORTS_TEST_FR " ", "intake-date", TODAY, NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (again), &error));
  month = figure (fixture, AMPARO_REPORT_OPEN_BY_PROGRAM, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_assert_cmpuint (month->bars->len, ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (month, REPORTS_TEST_FR), ==, 2);
  /* Largest first. */
  g_assert_cmpstr (((AmparoReportBar *) g_ptr_array_index (month->bars, 0))->key, ==, REPORTS_TEST_FR);
  assert_persons_behind (fixture, month, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
}

static void
test_cases_by_status (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(AmparoReportFigure) month = figure (fixture, AMPARO_REPORT_CASES_BY_STATUS, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_autoptr(AmparoReportFigure) fr = figure (fixture, AMPARO_REPORT_CASES_BY_STATUS, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);

  g_assert_cmpuint (month->bars->len, ==, 3);
  g_assert_cmpint (amparo_report_figure_get_value (month, "prospective"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (month, "active"), ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (month, "closed"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (fr, "active"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (fr, "closed"), ==, 0);
  assert_persons_behind (fixture, month, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  assert_persons_behind (fixture, fr, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);
}

static void
test_separated_families (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(AmparoReportFigure) month = figure (fixture, AMPARO_REPORT_SEPARATED_FAMILIES, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_autoptr(AmparoReportFigure) fr = figure (fixture, AMPARO_REPORT_SEPARATED_FAMILIES, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);

  g_assert_cmpint (amparo_report_figure_get_value (month, "separated"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (month, "located"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (month, "reunified"), ==, 1);
  g_assert_cmpint (month->total, ==, 3);
  g_assert_cmpint (month->median_days, ==, 200);
  g_assert_cmpint (month->longest_days, ==, 300);
  /* Only the reunified family is in the FR program: nobody still apart. */
  g_assert_cmpint (fr->total, ==, 1);
  g_assert_cmpint (fr->median_days, ==, -1);
  assert_persons_behind (fixture, month, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
}

/* An odd number still apart: the median is the middle one, read in date
 * order from the index (0013); a bad date is left out as before. */
static void
test_separated_median_odd (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *day_150 = reports_test_days_from (TODAY, -150);
  g_autoptr(AmparoRelationship) r = amparo_relationship_new ();
  g_autoptr(AmparoReportFigure) month = NULL;
  g_autoptr(AmparoReportFigure) crp = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (r, "person-id", amparo_record_get_id (AMPARO_RECORD (fixture->data.carlos)),
                "relative-id", amparo_record_get_id (AMPARO_RECORD (fixture->data.marta)),
                "kind", AMPARO_RELATIONSHIP_KIND_SIBLING, "separated", TRUE, "separation-date", day_150,
                "reunification-status", AMPARO_REUNIFICATION_PLANNED, NULL);
  amparo_store_save (fixture->store, AMPARO_RECORD (r), &error);
  g_assert_no_error (error);

  month = figure (fixture, AMPARO_REPORT_SEPARATED_FAMILIES, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_assert_cmpint (amparo_report_figure_get_value (month, "planned"), ==, 1);
  g_assert_cmpint (month->total, ==, 4);
  g_assert_cmpint (month->median_days, ==, 150);
  g_assert_cmpint (month->longest_days, ==, 300);

  /* One program (its own statement): Kevin 100 days, Carlos 150. */
  crp = figure (fixture, AMPARO_REPORT_SEPARATED_FAMILIES, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_CRP);
  g_assert_cmpint (crp->total, ==, 2);
  g_assert_cmpint (crp->median_days, ==, 125);
  g_assert_cmpint (crp->longest_days, ==, 150);
}

/* The whole dashboard at once (one pass for the persons' figures) gives
 * what each figure gives alone, with and without a program. */
static void
test_dashboard_matches_figures (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const char *programs[] = { NULL, REPORTS_TEST_FR, REPORTS_TEST_CRP };

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_THIS_YEAR, TODAY, NULL, NULL,
                                                                    programs[p]);
      AmparoReportFigure *all[AMPARO_REPORT_N_FIGURES];
      g_autoptr(GError) error = NULL;

      g_assert_true (amparo_store_report_dashboard (fixture->store, scope, all, &error));
      g_assert_no_error (error);
      for (guint kind = 0; kind < AMPARO_REPORT_N_FIGURES; kind++)
        {
          g_autoptr(AmparoReportFigure) one = amparo_store_report_figure (fixture->store, kind, scope, &error);

          g_assert_no_error (error);
          g_assert_cmpint (all[kind]->kind, ==, kind);
          g_assert_cmpint (all[kind]->total, ==, one->total);
          g_assert_cmpuint (all[kind]->bars->len, ==, one->bars->len);
          for (guint i = 0; i < one->bars->len; i++)
            {
              AmparoReportBar *a = g_ptr_array_index (all[kind]->bars, i);
              AmparoReportBar *b = g_ptr_array_index (one->bars, i);

              g_assert_cmpstr (a->key, ==, b->key);
              g_assert_cmpint (a->value, ==, b->value);
            }
          amparo_report_figure_free (all[kind]);
        }
    }
}

static void
test_hearings_by_week (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(AmparoReportFigure) weeks = figure (fixture, AMPARO_REPORT_HEARINGS_BY_WEEK, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_autoptr(AmparoReportFigure) fr = figure (fixture, AMPARO_REPORT_HEARINGS_BY_WEEK, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);
  AmparoReportBar *first;

  g_assert_cmpuint (weeks->bars->len, ==, 8);
  first = g_ptr_array_index (weeks->bars, 0);
  g_assert_cmpstr (first->key, ==, TODAY);
  g_assert_cmpint (first->value, ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (weeks, "2026-05-27"), ==, 2);
  g_assert_cmpint (weeks->total, ==, 3);
  g_assert_cmpint (fr->total, ==, 1);
  assert_persons_behind (fixture, weeks, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
}

static void
test_closed_outcomes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *yesterday = reports_test_days_from (today, -1);
  g_autofree char *tomorrow = reports_test_days_from (today, 1);
  g_autoptr(AmparoReportScope) around = amparo_report_scope_new (AMPARO_REPORT_PERIOD_RANGE, TODAY, yesterday, tomorrow, NULL);
  g_autoptr(AmparoReportFigure) recent = NULL;
  g_autoptr(AmparoReportFigure) quarter = figure (fixture, AMPARO_REPORT_CLOSED_OUTCOMES, AMPARO_REPORT_PERIOD_LAST_QUARTER, NULL);
  g_autoptr(GError) error = NULL;

  /* Outcomes count when they were recorded: the test saved them now.
   * "Granted" and "granted " are one outcome, shown as first written. */
  recent = amparo_store_report_figure (fixture->store, AMPARO_REPORT_CLOSED_OUTCOMES, around, &error);
  g_assert_no_error (error);
  g_assert_cmpint (recent->total, ==, 4);
  g_assert_cmpint (amparo_report_figure_get_value (recent, "granted"), ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (recent, "in absentia"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (recent, "terminated"), ==, 1);
  g_assert_cmpstr (((AmparoReportBar *) g_ptr_array_index (recent->bars, 0))->label, ==, "Granted");
  g_assert_cmpint (quarter->total, ==, 0);

  for (guint i = 0; i < recent->bars->len; i++)
    {
      AmparoReportBar *bar = g_ptr_array_index (recent->bars, i);
      g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *where = amparo_store_report_persons_where (recent->kind, bar->key, around, params);
      g_autofree char *full = g_strconcat ("deleted_at IS NULL AND ", where, NULL);

      g_ptr_array_add (params, NULL);
      /* Carlos has two closed proceedings: persons, not proceedings. */
      g_assert_cmpint (amparo_store_count_where (fixture->store, AMPARO_TYPE_PERSON, full,
                                                 (const char * const *) params->pdata, NULL),
                       ==, g_str_equal (bar->key, "granted") ? 2 : 1);
    }
}

static void
test_stale_contacts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AmparoReportFigure) stale = figure (fixture, AMPARO_REPORT_STALE_CONTACTS, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);

  g_assert_cmpuint (stale->bars->len, ==, 4);
  g_assert_cmpint (amparo_report_figure_get_value (stale, "never"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (stale, "half-year"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (stale, "quarter"), ==, 0);
  g_assert_cmpint (amparo_report_figure_get_value (stale, "year"), ==, 0);
  g_assert_cmpint (stale->total, ==, 2);
  assert_persons_behind (fixture, stale, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
}

/* The figure reads the indexes, not the rows: a contact in the Trash, a
 * trashed client's contact and another program's do not count. */
static void
test_stale_contacts_live_only (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(AmparoContact) trashed = amparo_contact_new ();
  g_autoptr(AmparoPerson) gone = amparo_person_new ();
  g_autoptr(AmparoContact) gone_contact = amparo_contact_new ();
  g_autoptr(AmparoReportFigure) all = NULL;
  g_autoptr(AmparoReportFigure) fr = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (trashed, "person-id", amparo_record_get_id (AMPARO_RECORD (fixture->data.marta)),
                "value", "+1 213 555 0199", "last-verified", "2020-01-01", NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (trashed), &error));
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (trashed), &error));
  g_object_set (gone, "given-names", "Gone", "family-names", "Client", "client-status", AMPARO_CLIENT_STATUS_ACTIVE, NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (gone), &error));
  g_object_set (gone_contact, "person-id", amparo_record_get_id (AMPARO_RECORD (gone)),
                "value", "+1 213 555 0198", NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (gone_contact), &error));
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (gone), &error));
  g_assert_no_error (error);

  all = figure (fixture, AMPARO_REPORT_STALE_CONTACTS, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  fr = figure (fixture, AMPARO_REPORT_STALE_CONTACTS, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);
  g_assert_cmpint (amparo_report_figure_get_value (all, "never"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (all, "year"), ==, 0);
  g_assert_cmpint (all->total, ==, 2);
  /* Only Marta is in Family Reunification. */
  g_assert_cmpint (amparo_report_figure_get_value (fr, "half-year"), ==, 1);
  g_assert_cmpint (fr->total, ==, 1);
  assert_persons_behind (fixture, all, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  assert_persons_behind (fixture, fr, AMPARO_REPORT_PERIOD_THIS_MONTH, REPORTS_TEST_FR);
}

static void
test_class_members_and_benefits (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(AmparoReportFigure) members = figure (fixture, AMPARO_REPORT_CLASS_MEMBERS, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_autoptr(AmparoReportFigure) benefits = figure (fixture, AMPARO_REPORT_BENEFITS_ENDING, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);

  g_assert_cmpint (amparo_report_figure_get_value (members, "approved"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (members, "pending"), ==, 1);
  g_assert_cmpint (members->total, ==, 2);
  /* Housing ends in 30 days; medical in three years. */
  g_assert_cmpint (amparo_report_figure_get_value (benefits, "housing"), ==, 1);
  g_assert_cmpint (benefits->total, ==, 1);
  assert_persons_behind (fixture, members, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  assert_persons_behind (fixture, benefits, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
}

static void
test_demands_by_status (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(AmparoReportFigure) demands = figure (fixture, AMPARO_REPORT_DEMANDS_BY_STATUS, AMPARO_REPORT_PERIOD_THIS_MONTH, NULL);
  g_autoptr(AmparoReportFigure) before = figure (fixture, AMPARO_REPORT_DEMANDS_BY_STATUS, AMPARO_REPORT_PERIOD_LAST_QUARTER, NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_THIS_MONTH, TODAY, NULL, NULL, NULL);

  g_assert_cmpuint (demands->bars->len, ==, 5);
  g_assert_cmpint (amparo_report_figure_get_value (demands, "open"), ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (demands, "met"), ==, 1);
  /* Stated ten days ago: not yet in the last quarter. */
  g_assert_cmpint (before->total, ==, 0);
  g_assert_null (amparo_store_report_persons_where (AMPARO_REPORT_DEMANDS_BY_STATUS, "open", scope, params));
}

static void
test_programs (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) programs = amparo_store_report_list_programs (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (programs), ==, 2);
  g_assert_cmpstr (programs[0], ==, REPORTS_TEST_CRP);
  g_assert_cmpstr (programs[1], ==, REPORTS_TEST_FR);
}

static void
test_funder_report (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_THIS_MONTH, TODAY, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoFunderReport) report = amparo_store_funder_report (fixture->store, scope, &error);

  g_assert_no_error (error);
  /* Served: Kevin, Marta (active) and Carlos (closed). */
  g_assert_cmpint (report->tables[AMPARO_FUNDER_BY_PROGRAM]->total, ==, 3);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_BY_PROGRAM], REPORTS_TEST_CRP), ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_BY_FUNDING_SOURCE], "ORR"), ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_BY_FUNDING_SOURCE], "City grant"), ==, 1);
  /* Marta and Luis came this month. */
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_NEW_INTAKES], REPORTS_TEST_FR), ==, 2);
  g_assert_cmpint (report->tables[AMPARO_FUNDER_NEW_INTAKES]->total, ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_AGE_GROUP], "13-17"), ==, 2);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_AGE_GROUP], "18+"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_AGE_GROUP], "unknown"), ==, 0);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_COUNTRY], "Guatemala"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_COUNTRY], "El Salvador"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_LANGUAGE], "Español"), ==, 3);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_UNACCOMPANIED], "yes"), ==, 1);
  g_assert_cmpint (amparo_report_figure_get_value (report->tables[AMPARO_FUNDER_UNACCOMPANIED], "no"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/reports/scope/periods", test_scope_periods);
  ADD ("/reports/figure/open-by-program", test_open_by_program);
  ADD ("/reports/figure/program-spelling", test_program_spelling);
  ADD ("/reports/figure/cases-by-status", test_cases_by_status);
  ADD ("/reports/figure/separated-families", test_separated_families);
  ADD ("/reports/figure/separated-median-odd", test_separated_median_odd);
  ADD ("/reports/figure/hearings-by-week", test_hearings_by_week);
  ADD ("/reports/dashboard", test_dashboard_matches_figures);
  ADD ("/reports/figure/closed-outcomes", test_closed_outcomes);
  ADD ("/reports/figure/stale-contacts", test_stale_contacts);
  ADD ("/reports/figure/stale-contacts-live-only", test_stale_contacts_live_only);
  ADD ("/reports/figure/class-members-and-benefits", test_class_members_and_benefits);
  ADD ("/reports/figure/demands-by-status", test_demands_by_status);
  ADD ("/reports/programs", test_programs);
  ADD ("/reports/funder", test_funder_report);

#undef ADD
  return g_test_run ();
}
