/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-store-reports.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amparo-store-internal.h"
#include "amparo-store-private.h"

/* The Reports section's figures and the funder report. Each figure is
 * one GROUP BY query over the live records, so the dashboard costs the
 * same few index scans at any size (tests/bench/bench-reports.c). The
 * scope's period is [from, until); forward-looking figures count from
 * today. The same conditions, as a WHERE over persons, give the Clients
 * list the records behind a bar (amparo_store_report_persons_where). */

/* CAST: PostgreSQL types a parameter by its first use, and `IS NULL`
 * alone says nothing. */
#define LIVE_PERSON "p.deleted_at IS NULL AND (CAST (:program AS TEXT) IS NULL OR p.program = :program)"
/* A live person's record, without reading it: the Trash is a small
 * partial index, read once; a program filter reads its persons once. */
#define LIVE_ID(col) \
  col " NOT IN (SELECT id FROM persons WHERE deleted_at IS NOT NULL)" \
  " AND (CAST (:program AS TEXT) IS NULL OR " col " IN (SELECT id FROM persons WHERE program = :program AND deleted_at IS NULL))"
/* The same for tables with few rows per figure (hearings in eight weeks,
 * class members): one primary-key look-up a row is cheaper than listing
 * a program's quarter of a million persons first. */
#define LIVE_ID_FEW(col) \
  col " NOT IN (SELECT id FROM persons WHERE deleted_at IS NOT NULL)" \
  " AND (CAST (:program AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM persons WHERE id = " col \
  " AND program = :program AND deleted_at IS NULL))"
#define PROGRAM_KEY "coalesce (nullif (trim (p.program), ''), '')"
#define OUTCOME_KEY "lower (trim (coalesce (pr.outcome, '')))"
/* updated_at is a timestamp, :from and :until days: as strings,
 * "2026-12-02T…" >= "2026-12-02" and < "2026-12-03", so the range is the
 * days', and it reads the index (0013) instead of every closed row. */
#define CLOSED_PROCEEDING \
  "pr.deleted_at IS NULL AND pr.status IN ('decided', 'closed')" \
  " AND pr.updated_at >= :from AND pr.updated_at < :until"
/* postgres (#10): no date arithmetic in SQL, which each engine spells
 * its own way (julianday, date (…, '-90 days') against date - 90): the
 * days the figures compare with are counted in C (scope_params) and bound
 * as text; dates are ISO strings on both, so they compare as strings. */
#define IS_DATE(col) "(" col " LIKE '____-__-__%')"
#define STALE_BUCKET \
  "CASE WHEN c.last_verified IS NULL OR NOT " IS_DATE ("c.last_verified") " THEN 'never'" \
  " WHEN c.last_verified < :stale365 THEN 'year'" \
  " WHEN c.last_verified < :stale180 THEN 'half-year'" \
  " WHEN c.last_verified < :stale90 THEN 'quarter' END"
/* Cheap string comparison first: fresh contacts never reach the join. */
#define MAYBE_STALE "(c.last_verified IS NULL OR NOT (c.last_verified >= :stale90))"
/* "2026-12-09T10:00" >= "2026-12-09": a hearing on the 7th day is week 1. */
#define HEARING_WEEK \
  "CASE WHEN e.starts_at < :week1 THEN 0 WHEN e.starts_at < :week2 THEN 1 WHEN e.starts_at < :week3 THEN 2" \
  " WHEN e.starts_at < :week4 THEN 3 WHEN e.starts_at < :week5 THEN 4 WHEN e.starts_at < :week6 THEN 5" \
  " WHEN e.starts_at < :week7 THEN 6 ELSE 7 END"
/* Age on the period's last day: under 6 is born after the day that is
 * that day's month-day six years earlier (scope_params). */
#define AGE_GROUP \
  "CASE WHEN NOT " IS_DATE ("p.birth_date") " OR p.birth_date IS NULL THEN 'unknown'" \
  " WHEN p.birth_date > :age6 THEN '0-5' WHEN p.birth_date > :age13 THEN '6-12'" \
  " WHEN p.birth_date > :age18 THEN '13-17' ELSE '18+' END"
#define STILL_APART "(r.reunification_status <> 'reunified' AND " IS_DATE ("r.separation_date") ")"
/* The same figure for one program: its separations are a quarter or
 * less, so they are listed once (one look-up list of the program's
 * persons, not two) and the few still apart sorted for the median. */
#define SEPARATED_ONE_PROGRAM \
  "WITH rows AS MATERIALIZED (SELECT r.reunification_status AS st, r.separation_date AS day," \
  "   " STILL_APART " AS apart FROM relationships r" \
  "  WHERE r.separated = 1 AND r.deleted_at IS NULL AND " LIVE_ID ("r.person_id") \
  "  AND (r.separation_date IS NULL OR r.separation_date < :until))," \
  " s AS MATERIALIZED (SELECT st, count(*) AS n, count (CASE WHEN apart THEN 1 END) AS apart," \
  "  min (CASE WHEN apart THEN day END) AS first FROM rows GROUP BY st)," \
  " total AS MATERIALIZED (SELECT CAST (sum (apart) AS INTEGER) AS n, min (first) AS first FROM s)," \
  " middle AS MATERIALIZED (SELECT min (m.day) AS low, max (m.day) AS high" \
  "  FROM (SELECT day FROM rows WHERE apart ORDER BY day" \
  "   LIMIT 2 - (SELECT n FROM total) % 2 OFFSET ((SELECT n FROM total) - 1) / 2) m)" \
  " SELECT s.st, s.n, middle.low, middle.high, total.first FROM s, total, middle"
#define PERSONS_PASS \
  "SELECT p.client_status, coalesce (p.program, ''), count(*) FROM persons p" \
  " WHERE p.client_status IN ('prospective', 'active', 'closed')" \
  " AND (p.intake_date IS NULL OR p.intake_date < :until) AND " LIVE_PERSON \
  " GROUP BY p.client_status, p.program"
#define SERVED \
  "p.client_status IN ('active', 'closed') AND (p.intake_date IS NULL OR p.intake_date < :until)"

static const char * const figure_sql[AMPARO_REPORT_N_FIGURES] = {
  /* Grouped by the column as stored, in index order (no sort of a
   * million rows); spellings with stray spaces are merged in C. */
  /* Both from one pass over the persons index, grouped in its order
   * (status, then program as stored: no sort of a million rows);
   * spellings with stray spaces are merged in C (split_persons_pass). */
  [AMPARO_REPORT_OPEN_BY_PROGRAM] = PERSONS_PASS,
  [AMPARO_REPORT_CASES_BY_STATUS] = PERSONS_PASS,
  /* One statement: counts by status, in the order of the index, and
   * the median and longest time apart of those not reunified. The
   * median is the middle separation date in date order, read from the
   * partial index relationships_apart (0013) with OFFSET: no sort. */
  [AMPARO_REPORT_SEPARATED_FAMILIES] =
    "WITH s AS MATERIALIZED (SELECT r.reunification_status AS st, count(*) AS n,"
    "   count (CASE WHEN " STILL_APART " THEN 1 END) AS apart,"
    "   min (CASE WHEN " STILL_APART " THEN r.separation_date END) AS first"
    "  FROM relationships r"
    "  WHERE r.separated = 1 AND r.deleted_at IS NULL AND " LIVE_ID ("r.person_id")
    "  AND (r.separation_date IS NULL OR r.separation_date < :until) GROUP BY r.reunification_status),"
    " total AS MATERIALIZED (SELECT CAST (sum (apart) AS INTEGER) AS n, min (first) AS first FROM s),"
    " middle AS MATERIALIZED (SELECT min (m.separation_date) AS low, max (m.separation_date) AS high"
    "  FROM (SELECT r.separation_date FROM relationships r"
    "   WHERE r.separated = 1 AND r.deleted_at IS NULL AND r.reunification_status <> 'reunified'"
    "   AND " IS_DATE ("r.separation_date") " AND r.separation_date < :until AND " LIVE_ID ("r.person_id")
    /* The middle one, or the middle two of an even number. */
    "   ORDER BY r.separation_date LIMIT 2 - (SELECT n FROM total) % 2 OFFSET ((SELECT n FROM total) - 1) / 2) m)"
    " SELECT s.st, s.n, middle.low, middle.high, total.first FROM s, total, middle",
  [AMPARO_REPORT_HEARINGS_BY_WEEK] =
    "SELECT " HEARING_WEEK ", count(*) FROM events e"
    " WHERE e.kind = 'hearing' AND e.done = 0 AND e.deleted_at IS NULL AND " LIVE_ID_FEW ("e.person_id")
    " AND e.starts_at >= :today AND e.starts_at < :week8 GROUP BY 1",
  [AMPARO_REPORT_CLOSED_OUTCOMES] =
    "SELECT " OUTCOME_KEY ", count(*), min (trim (pr.outcome)) FROM proceedings pr"
    " WHERE " CLOSED_PROCEEDING " AND " LIVE_ID ("pr.person_id") " GROUP BY 1 ORDER BY 2 DESC, 1",
  /* No 1 KB person row is read. The stale contacts are listed from the
   * partial index contacts_by_last_verified (staleness tested on the
   * index first, so only stale contacts' small rows are read for
   * deleted_at, which SQLite 3.40 does not see the index implies); then
   * the active live persons of the covering index persons_for_reports
   * are matched against them (CROSS JOIN keeps that order). At 1M
   * persons: 870 ms CPU before, ~260 ms; probing the contacts index once
   * per active person instead costs twice that. */
  [AMPARO_REPORT_STALE_CONTACTS] =
    "WITH s AS MATERIALIZED (SELECT c.person_id AS person_id, " STALE_BUCKET " AS bucket"
    "  FROM contacts c INDEXED BY contacts_by_last_verified"
    "  WHERE " MAYBE_STALE " AND c.deleted_at IS NULL)"
    " SELECT s.bucket, count(*) FROM persons p INDEXED BY persons_for_reports"
    " CROSS JOIN s ON s.person_id = p.id"
    " WHERE p.client_status = 'active' AND " LIVE_PERSON " GROUP BY 1",
  [AMPARO_REPORT_CLASS_MEMBERS] =
    "SELECT m.claim_status, count(*) FROM memberships m"
    " WHERE m.deleted_at IS NULL AND " LIVE_ID_FEW ("m.person_id") " GROUP BY 1",
  [AMPARO_REPORT_BENEFITS_ENDING] =
    "SELECT b.kind, count(*) FROM benefits b JOIN memberships m ON m.id = b.membership_id"
    " WHERE b.deleted_at IS NULL AND m.deleted_at IS NULL AND " LIVE_ID_FEW ("m.person_id")
    " AND b.ends_on >= :today AND b.ends_on < :benefits_end GROUP BY 1",
  [AMPARO_REPORT_DEMANDS_BY_STATUS] =
    "SELECT d.status, count(*) FROM demands d"
    " WHERE d.deleted_at IS NULL AND (d.first_stated IS NULL OR d.first_stated < :until) GROUP BY 1",
};

static const char * const funder_sql[AMPARO_FUNDER_N_TABLES] = {
  [AMPARO_FUNDER_BY_PROGRAM] =
    "SELECT " PROGRAM_KEY ", count(*) FROM persons p WHERE " SERVED " AND " LIVE_PERSON
    " GROUP BY 1 ORDER BY 2 DESC, 1",
  [AMPARO_FUNDER_BY_FUNDING_SOURCE] =
    "SELECT coalesce (nullif (trim (p.funding_source), ''), ''), count(*) FROM persons p WHERE " SERVED
    " AND " LIVE_PERSON " GROUP BY 1 ORDER BY 2 DESC, 1",
  [AMPARO_FUNDER_NEW_INTAKES] =
    "SELECT " PROGRAM_KEY ", count(*) FROM persons p"
    " WHERE p.client_status IN ('prospective', 'active', 'closed')"
    " AND p.intake_date >= :from AND p.intake_date < :until AND " LIVE_PERSON " GROUP BY 1 ORDER BY 2 DESC, 1",
  [AMPARO_FUNDER_CLOSED_BY_OUTCOME] =
    "SELECT " OUTCOME_KEY ", count(*), min (trim (pr.outcome)) FROM proceedings pr JOIN persons p ON p.id = pr.person_id"
    " WHERE " CLOSED_PROCEEDING " AND " LIVE_PERSON " GROUP BY 1 ORDER BY 2 DESC, 1",
  [AMPARO_FUNDER_AGE_GROUP] =
    "SELECT " AGE_GROUP ", count(*) FROM persons p WHERE " SERVED " AND " LIVE_PERSON " GROUP BY 1",
  [AMPARO_FUNDER_COUNTRY] =
    "SELECT coalesce (nullif (trim (p.country_of_birth), ''), ''), count(*) FROM persons p WHERE " SERVED
    " AND " LIVE_PERSON " GROUP BY 1 ORDER BY 2 DESC, 1",
  /* The first language listed is the one the person speaks best. */
  [AMPARO_FUNDER_LANGUAGE] =
    "SELECT trim (substr (coalesce (p.languages, ''), 1, instr (coalesce (p.languages, '') || ',', ',') - 1)),"
    " count(*) FROM persons p WHERE " SERVED " AND " LIVE_PERSON " GROUP BY 1 ORDER BY 2 DESC, 1",
  [AMPARO_FUNDER_UNACCOMPANIED] =
    "SELECT CASE WHEN p.unaccompanied_minor <> 0 THEN 'yes' ELSE 'no' END, count(*) FROM persons p WHERE " SERVED
    " AND " LIVE_PERSON " GROUP BY 1",
};

/* Scope */

static char *
iso_of (GDate *date)
{
  char text[16];

  g_snprintf (text, sizeof text, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return g_strdup (text);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * amparo_report_scope_new:
 * @today: (nullable): the day to count from, %NULL for today
 * @range_from: (nullable): first day, for %AMPARO_REPORT_PERIOD_RANGE
 * @range_until: (nullable): last day (included), for %AMPARO_REPORT_PERIOD_RANGE
 * @program: (nullable): only this program, %NULL or "" for all
 *
 * Returns: (transfer full): the scope of a report
 */
AmparoReportScope *
amparo_report_scope_new (AmparoReportPeriod  period,
                         const char         *today,
                         const char         *range_from,
                         const char         *range_until,
                         const char         *program)
{
  AmparoReportScope *scope = g_new0 (AmparoReportScope, 1);
  GDate day, from, until;

  scope->today = today != NULL ? g_strdup (today) : today_iso ();
  if (!amparo_parse_date (scope->today, &day))
    {
      g_free (scope->today);
      scope->today = today_iso ();
      amparo_parse_date (scope->today, &day);
    }
  from = until = day;
  g_date_add_days (&until, 1);

  switch (period)
    {
    case AMPARO_REPORT_PERIOD_THIS_MONTH:
      g_date_set_day (&from, 1);
      break;
    case AMPARO_REPORT_PERIOD_LAST_QUARTER:
      {
        int first_month = ((g_date_get_month (&day) - 1) / 3) * 3 + 1;

        g_date_set_dmy (&until, 1, first_month, g_date_get_year (&day));
        from = until;
        g_date_subtract_months (&from, 3);
      }
      break;
    case AMPARO_REPORT_PERIOD_THIS_YEAR:
      g_date_set_dmy (&from, 1, 1, g_date_get_year (&day));
      break;
    case AMPARO_REPORT_PERIOD_RANGE:
      if (amparo_parse_date (range_from, &from) && amparo_parse_date (range_until, &until))
        {
          /* The last day is included; a reversed range is read the right way round. */
          if (g_date_compare (&from, &until) > 0)
            {
              GDate swap = from;
              from = until;
              until = swap;
            }
          g_date_add_days (&until, 1);
        }
      else
        g_date_set_day (&from, 1);
      break;
    }

  scope->from = iso_of (&from);
  scope->until = iso_of (&until);
  scope->program = program != NULL && *program != '\0' ? g_strdup (program) : NULL;
  return scope;
}

AmparoReportScope *
amparo_report_scope_copy (const AmparoReportScope *scope)
{
  AmparoReportScope *copy = g_new0 (AmparoReportScope, 1);

  copy->from = g_strdup (scope->from);
  copy->until = g_strdup (scope->until);
  copy->today = g_strdup (scope->today);
  copy->program = g_strdup (scope->program);
  return copy;
}

void
amparo_report_scope_free (AmparoReportScope *scope)
{
  if (scope == NULL)
    return;
  g_free (scope->from);
  g_free (scope->until);
  g_free (scope->today);
  g_free (scope->program);
  g_free (scope);
}

/* Figures */

static void
bar_free (gpointer data)
{
  AmparoReportBar *bar = data;

  g_free (bar->key);
  g_free (bar->label);
  g_free (bar);
}

static AmparoReportBar *
add_bar (AmparoReportFigure *figure,
         const char         *key,
         const char         *label,
         gint64              value)
{
  AmparoReportBar *bar = g_new0 (AmparoReportBar, 1);

  bar->key = g_strdup (key);
  bar->label = g_strdup (label);
  bar->value = value;
  g_ptr_array_add (figure->bars, bar);
  return bar;
}

static AmparoReportFigure *
figure_new (AmparoReportFigureKind kind)
{
  AmparoReportFigure *figure = g_new0 (AmparoReportFigure, 1);

  figure->kind = kind;
  figure->bars = g_ptr_array_new_with_free_func (bar_free);
  figure->median_days = -1;
  figure->longest_days = -1;
  return figure;
}

void
amparo_report_figure_free (AmparoReportFigure *figure)
{
  if (figure == NULL)
    return;
  g_ptr_array_unref (figure->bars);
  g_free (figure);
}

/**
 * amparo_report_figure_get_value:
 *
 * Returns: the value of the bar with @key, 0 if there is none
 */
gint64
amparo_report_figure_get_value (AmparoReportFigure *figure,
                                const char         *key)
{
  for (guint i = 0; i < figure->bars->len; i++)
    {
      AmparoReportBar *bar = g_ptr_array_index (figure->bars, i);

      if (g_strcmp0 (bar->key, key) == 0)
        return bar->value;
    }
  return 0;
}

const char *
amparo_report_figure_get_title (AmparoReportFigureKind kind)
{
  static const char * const titles[AMPARO_REPORT_N_FIGURES] = {
    [AMPARO_REPORT_OPEN_BY_PROGRAM] = N_("Open cases by program"),
    [AMPARO_REPORT_CASES_BY_STATUS] = N_("Cases by status"),
    [AMPARO_REPORT_SEPARATED_FAMILIES] = N_("Separated families by reunification status"),
    [AMPARO_REPORT_HEARINGS_BY_WEEK] = N_("Hearings in the next 8 weeks"),
    [AMPARO_REPORT_CLOSED_OUTCOMES] = N_("Outcomes of closed proceedings"),
    [AMPARO_REPORT_STALE_CONTACTS] = N_("Contacts not verified in 90 days"),
    [AMPARO_REPORT_CLASS_MEMBERS] = N_("Class members by claim status"),
    [AMPARO_REPORT_BENEFITS_ENDING] = N_("Benefits ending in the next 60 days"),
    [AMPARO_REPORT_DEMANDS_BY_STATUS] = N_("Demands by status"),
  };

  g_return_val_if_fail ((guint) kind < AMPARO_REPORT_N_FIGURES, "");
  return _(titles[kind]);
}

static char *
iso_plus_days (const char *iso,
               int         days)
{
  GDate day;

  if (!amparo_parse_date (iso, &day))
    return g_strdup (iso);
  if (days >= 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);
  return iso_of (&day);
}

/* The same month-day @years earlier, as a string (a 29 February stays:
 * it is only compared with). */
static char *
iso_minus_years (const char *iso,
                 int         years)
{
  GDate day;

  if (!amparo_parse_date (iso, &day))
    return g_strdup (iso);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day) - years,
                          g_date_get_month (&day), g_date_get_day (&day));
}

/* The values of every :name a figure's SQL may use, the days counted
 * here so that no SQL does date arithmetic (see IS_DATE). */
static GPtrArray *
scope_params (const AmparoReportScope *scope)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last_day = iso_plus_days (scope->until, -1);
  static const int stale[] = { 90, 180, 365 };
  static const int ages[] = { 6, 13, 18 };

#define PAIR(name, value) G_STMT_START { \
    g_ptr_array_add (pairs, g_strdup (name)); g_ptr_array_add (pairs, (value)); } G_STMT_END
  PAIR (":from", g_strdup (scope->from));
  PAIR (":until", g_strdup (scope->until));
  PAIR (":today", g_strdup (scope->today));
  PAIR (":program", g_strdup (scope->program));
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    PAIR (g_strdup_printf (":stale%d", stale[i]), iso_plus_days (scope->today, -stale[i]));
  for (int week = 1; week <= 8; week++)
    PAIR (g_strdup_printf (":week%d", week), iso_plus_days (scope->today, 7 * week));
  PAIR (":benefits_end", iso_plus_days (scope->today, 60));
  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    PAIR (g_strdup_printf (":age%d", ages[i]), iso_minus_years (last_day, ages[i]));
#undef PAIR
  return pairs;
}

/* Each :name of @sql becomes a `?N` (the driver seam's placeholders),
 * numbered in order of first use: PostgreSQL wants no unused number.
 * @values receives the value of each number. The dialect's own words,
 * only where the engines differ: SQLite's planner hints and instr(). */
static char *
scope_sql (AmparoStore             *self,
           const char              *sql,
           const AmparoReportScope *scope,
           GPtrArray               *values)
{
  g_autoptr(GPtrArray) pairs = scope_params (scope);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean pg = amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG;

  for (const char *p = sql; *p != '\0';)
    {
      const char *name = NULL;
      gsize length = 0;
      guint i;

      if (*p == ':')
        for (i = 0; i < pairs->len; i += 2)
          {
            gsize n = strlen (pairs->pdata[i]);
            if (strncmp (p, pairs->pdata[i], n) == 0 && !g_ascii_isalnum (p[n]) && p[n] != '_' && n > length)
              name = pairs->pdata[i], length = n;
          }
      if (name == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (i = 0; i < pairs->len && !g_str_equal (pairs->pdata[i], name); i += 2)
        ;
      {
        guint number = 0;
        for (guint k = 0; k < values->len; k += 2)
          if (g_str_equal (values->pdata[k], name))
            number = k / 2 + 1;
        if (number == 0)
          {
            g_ptr_array_add (values, g_strdup (name));
            g_ptr_array_add (values, g_strdup (pairs->pdata[i + 1]));
            number = values->len / 2;
          }
        g_string_append_printf (out, "?%u", number);
      }
      p += length;
    }
  if (pg)
    {
      g_autoptr(GRegex) hint = g_regex_new (" INDEXED BY [a-z_]+", 0, 0, NULL);
      g_autofree char *plain = g_regex_replace_literal (hint, out->str, -1, 0, "", 0, NULL);

      g_string_assign (out, plain);
      g_string_replace (out, "instr (", "strpos (", 0);
      /* SQLite's way to keep a join's order; PostgreSQL's JOIN. */
      g_string_replace (out, " CROSS JOIN s ON ", " JOIN s ON ", 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static AmparoDbStmt *
prepare_scoped (AmparoStore             *self,
                const char              *sql,
                const AmparoReportScope *scope,
                GError                 **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = scope_sql (self, sql, scope, values);
  AmparoDbStmt *stmt = amparo_store_prepare_stmt (self, text, error);

  if (stmt == NULL)
    return NULL;
  for (guint k = 0; k < values->len; k += 2)
    {
      if (values->pdata[k + 1] != NULL)
        amparo_db_bind_text (stmt, k / 2 + 1, values->pdata[k + 1]);
      else
        amparo_db_bind_null (stmt, k / 2 + 1);
    }
  return stmt;
}

/* Days from @iso to @today, NO_DAYS when either is no date. */
#define NO_DAYS G_MININT64
static gint64
days_to (const char *iso,
         const char *today)
{
  GDate from, to;

  if (iso == NULL || !amparo_parse_date (iso, &from) || !amparo_parse_date (today, &to))
    return NO_DAYS;
  return g_date_days_between (&from, &to);
}

/* Runs one GROUP BY statement: column 0 the key, 1 the count, 2 (if
 * any) the label as written. For the separated families, columns 2 and
 * 3 are the middle one or two separation dates, 4 the earliest. */
static AmparoReportFigure *
run_grouped (AmparoStore             *self,
             AmparoReportFigureKind   kind,
             const char              *sql,
             const AmparoReportScope *scope,
             GError                 **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(AmparoReportFigure) figure = figure_new (kind);
  AmparoDbStep step;

  if (!(stmt = prepare_scoped (self, sql, scope, error)))
    return NULL;
  while ((step = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      const char *key = amparo_db_column_text (stmt, 0);
      gint64 value = amparo_db_column_int64 (stmt, 1);
      const char *written = NULL;

      if (kind == AMPARO_REPORT_SEPARATED_FAMILIES)
        {
          gint64 low = days_to (amparo_db_column_text (stmt, 2), scope->today);
          gint64 high = days_to (amparo_db_column_text (stmt, 3), scope->today);
          gint64 longest = days_to (amparo_db_column_text (stmt, 4), scope->today);

          /* The average of the middle two, rounded half up. */
          if (low != NO_DAYS && high != NO_DAYS)
            {
              gint64 sum = low + high;
              figure->median_days = sum >= 0 ? (sum + 1) / 2 : -((-sum) / 2);
            }
          if (longest != NO_DAYS)
            figure->longest_days = longest;
        }
      else if (amparo_db_n_columns (stmt) > 2)
        written = amparo_db_column_text (stmt, 2);

      if (key == NULL)
        continue;
      add_bar (figure, key, written, value);
      figure->total += value;
    }
  if (step != AMPARO_DB_DONE)
    return NULL;
  return g_steal_pointer (&figure);
}

/* Enum figures show every value, in the enum's order, zero or not, so
 * the bars stay in place when the period changes. */
static void
order_by_enum (AmparoReportFigure *figure,
               GType               enum_type,
               const char * const *skip)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GPtrArray) found = g_steal_pointer (&figure->bars);

  figure->bars = g_ptr_array_new_with_free_func (bar_free);
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *nick = klass->values[i].value_nick;
      gint64 value = 0;

      if (skip != NULL && g_strv_contains (skip, nick))
        continue;
      for (guint j = 0; j < found->len; j++)
        {
          AmparoReportBar *bar = g_ptr_array_index (found, j);

          if (g_str_equal (bar->key, nick))
            value = bar->value;
        }
      add_bar (figure, nick, amparo_enum_get_label (enum_type, klass->values[i].value), value);
    }
}

typedef struct { const char *key; const char *label; } FixedBar;

static void
order_fixed (AmparoReportFigure *figure,
             const FixedBar     *fixed,
             guint               n_fixed)
{
  g_autoptr(GPtrArray) found = g_steal_pointer (&figure->bars);

  figure->bars = g_ptr_array_new_with_free_func (bar_free);
  for (guint i = 0; i < n_fixed; i++)
    {
      gint64 value = 0;

      for (guint j = 0; j < found->len; j++)
        {
          AmparoReportBar *bar = g_ptr_array_index (found, j);

          if (g_str_equal (bar->key, fixed[i].key))
            value = bar->value;
        }
      add_bar (figure, fixed[i].key, fixed[i].label, value);
    }
}

static void
label_free_text (AmparoReportFigure *figure,
                 const char         *empty_label)
{
  for (guint i = 0; i < figure->bars->len; i++)
    {
      AmparoReportBar *bar = g_ptr_array_index (figure->bars, i);

      if (bar->label == NULL || *bar->label == '\0')
        {
          g_free (bar->label);
          bar->label = g_strdup (*bar->key != '\0' ? bar->key : empty_label);
        }
    }
}

/* Eight bars, one a week from today, keyed by the week's first day. */
static void
order_weeks (AmparoReportFigure      *figure,
             const AmparoReportScope *scope)
{
  g_autoptr(GPtrArray) found = g_steal_pointer (&figure->bars);
  GDate day;

  figure->bars = g_ptr_array_new_with_free_func (bar_free);
  amparo_parse_date (scope->today, &day);
  for (int week = 0; week < 8; week++)
    {
      g_autofree char *number = g_strdup_printf ("%d", week);
      g_autofree char *key = iso_of (&day);
      gint64 value = 0;

      for (guint j = 0; j < found->len; j++)
        {
          AmparoReportBar *bar = g_ptr_array_index (found, j);

          if (g_str_equal (bar->key, number))
            value = bar->value;
        }
      /* The UI formats the date in its language. */
      add_bar (figure, key, key, value);
      g_date_add_days (&day, 7);
    }
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const AmparoReportBar *x = *(AmparoReportBar * const *) a;
  const AmparoReportBar *y = *(AmparoReportBar * const *) b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

/* " Family Reunification" and "Family Reunification" are one program;
 * largest first. */
static void
merge_trimmed_keys (AmparoReportFigure *figure)
{
  g_autoptr(GPtrArray) found = g_steal_pointer (&figure->bars);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  figure->bars = g_ptr_array_new_with_free_func (bar_free);
  for (guint i = 0; i < found->len; i++)
    {
      AmparoReportBar *bar = g_ptr_array_index (found, i);
      g_autofree char *key = g_strstrip (g_strdup (bar->key));
      AmparoReportBar *same = g_hash_table_lookup (by_key, key);

      if (same != NULL)
        same->value += bar->value;
      else
        {
          same = add_bar (figure, key, NULL, bar->value);
          g_hash_table_insert (by_key, same->key, same);
        }
    }
  g_ptr_array_sort (figure->bars, compare_bars);
}

static void
finish_figure (AmparoReportFigure      *figure,
               const AmparoReportScope *scope)
{
  static const char * const not_client[] = { "not-client", NULL };

  switch (figure->kind)
    {
    case AMPARO_REPORT_OPEN_BY_PROGRAM:
      merge_trimmed_keys (figure);
      label_free_text (figure, _("No program"));
      break;
    case AMPARO_REPORT_CASES_BY_STATUS:
      order_by_enum (figure, AMPARO_TYPE_CLIENT_STATUS, not_client);
      break;
    case AMPARO_REPORT_SEPARATED_FAMILIES:
      {
        static const char * const skip[] = { "not-separated", NULL };
        order_by_enum (figure, AMPARO_TYPE_REUNIFICATION_STATUS, skip);
      }
      break;
    case AMPARO_REPORT_HEARINGS_BY_WEEK:
      order_weeks (figure, scope);
      break;
    case AMPARO_REPORT_CLOSED_OUTCOMES:
      label_free_text (figure, _("Outcome not recorded"));
      break;
    case AMPARO_REPORT_STALE_CONTACTS:
      {
        const FixedBar fixed[] = {
          { "never", _("Never verified") },
          { "quarter", _("3 to 6 months ago") },
          { "half-year", _("6 to 12 months ago") },
          { "year", _("Over a year ago") },
        };
        order_fixed (figure, fixed, G_N_ELEMENTS (fixed));
      }
      break;
    case AMPARO_REPORT_CLASS_MEMBERS:
      order_by_enum (figure, AMPARO_TYPE_CLAIM_STATUS, NULL);
      break;
    case AMPARO_REPORT_BENEFITS_ENDING:
      order_by_enum (figure, AMPARO_TYPE_BENEFIT_KIND, NULL);
      break;
    case AMPARO_REPORT_DEMANDS_BY_STATUS:
      order_by_enum (figure, AMPARO_TYPE_DEMAND_STATUS, NULL);
      break;
    case AMPARO_REPORT_N_FIGURES:
    default:
      g_assert_not_reached ();
    }
}

/* Open cases by program and cases by status from one pass: rows of
 * (status, program as stored, count). Either figure may be unwanted. */
static gboolean
count_persons_pass (AmparoStore             *self,
                    const AmparoReportScope *scope,
                    AmparoReportFigure     **open_out,
                    AmparoReportFigure     **status_out,
                    GError                 **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(AmparoReportFigure) open = figure_new (AMPARO_REPORT_OPEN_BY_PROGRAM);
  g_autoptr(AmparoReportFigure) statuses = figure_new (AMPARO_REPORT_CASES_BY_STATUS);
  AmparoReportBar *status_bar = NULL;
  AmparoDbStep step;

  if (!(stmt = prepare_scoped (self, PERSONS_PASS, scope, error)))
    return FALSE;
  while ((step = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      const char *status = amparo_db_column_text (stmt, 0);
      const char *program = amparo_db_column_text (stmt, 1);
      gint64 value = amparo_db_column_int64 (stmt, 2);

      if (status == NULL || program == NULL)
        continue;
      /* Rows come grouped by status: one bar per run of a status. */
      if (status_bar == NULL || !g_str_equal (status_bar->key, status))
        status_bar = add_bar (statuses, status, NULL, 0);
      status_bar->value += value;
      statuses->total += value;
      if (g_str_equal (status, "active"))
        {
          add_bar (open, program, NULL, value);
          open->total += value;
        }
    }
  if (step != AMPARO_DB_DONE)
    return FALSE;
  finish_figure (open, scope);
  finish_figure (statuses, scope);
  if (open_out != NULL)
    *open_out = g_steal_pointer (&open);
  if (status_out != NULL)
    *status_out = g_steal_pointer (&statuses);
  return TRUE;
}

static gboolean
is_persons_pass (AmparoReportFigureKind kind)
{
  return kind == AMPARO_REPORT_OPEN_BY_PROGRAM || kind == AMPARO_REPORT_CASES_BY_STATUS;
}

/**
 * amparo_store_report_figure:
 * @kind: which figure
 * @scope: period, program and today
 *
 * Counts one figure of the dashboard with one aggregate query.
 *
 * Returns: (transfer full) (nullable): the figure, or %NULL with @error set
 */
AmparoReportFigure *
amparo_store_report_figure (AmparoStore             *self,
                            AmparoReportFigureKind   kind,
                            const AmparoReportScope *scope,
                            GError                 **error)
{
  AmparoReportFigure *figure = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) kind < AMPARO_REPORT_N_FIGURES, NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  if (is_persons_pass (kind))
    {
      count_persons_pass (self, scope, kind == AMPARO_REPORT_OPEN_BY_PROGRAM ? &figure : NULL,
                          kind == AMPARO_REPORT_CASES_BY_STATUS ? &figure : NULL, error);
      return figure;
    }
  figure = run_grouped (self, kind,
                        kind == AMPARO_REPORT_SEPARATED_FAMILIES && scope->program != NULL
                        ? SEPARATED_ONE_PROGRAM : figure_sql[kind],
                        scope, error);
  if (figure != NULL)
    finish_figure (figure, scope);
  return figure;
}

/**
 * amparo_store_report_dashboard:
 * @scope: period, program and today
 * @figures: (out caller-allocates) (array fixed-size=9): receives every
 *   figure, in #AmparoReportFigureKind order
 *
 * Counts the whole dashboard: the figures that read persons in one pass,
 * every other one with its own aggregate query. Safe on a worker thread
 * with a store of its own (the Reports page counts off the main thread).
 *
 * Returns: %TRUE, or %FALSE with @error set and @figures all %NULL
 */
gboolean
amparo_store_report_dashboard (AmparoStore             *self,
                               const AmparoReportScope *scope,
                               AmparoReportFigure     **figures,
                               GError                 **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (scope != NULL && figures != NULL, FALSE);

  memset (figures, 0, sizeof (AmparoReportFigure *) * AMPARO_REPORT_N_FIGURES);
  if (!count_persons_pass (self, scope, &figures[AMPARO_REPORT_OPEN_BY_PROGRAM],
                           &figures[AMPARO_REPORT_CASES_BY_STATUS], error))
    return FALSE;
  for (guint kind = 0; kind < AMPARO_REPORT_N_FIGURES; kind++)
    {
      if (is_persons_pass (kind))
        continue;
      if (!(figures[kind] = amparo_store_report_figure (self, kind, scope, error)))
        {
          for (guint i = 0; i < AMPARO_REPORT_N_FIGURES; i++)
            g_clear_pointer (&figures[i], amparo_report_figure_free);
          return FALSE;
        }
    }
  return TRUE;
}

static void
add_param (GPtrArray  *params,
           const char *value)
{
  g_ptr_array_add (params, g_strdup (value));
}

/* The :staleN of STALE_BUCKET and MAYBE_STALE as `?`, in order. */
static void
replace_stale_params (GString                 *where,
                      const AmparoReportScope *scope,
                      GPtrArray               *params)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = where->str; *p != '\0';)
    {
      int days;
      char *end;

      if (g_str_has_prefix (p, ":stale") && (days = (int) strtol (p + 6, &end, 10)) > 0)
        {
          g_string_append_c (out, '?');
          g_ptr_array_add (params, iso_plus_days (scope->today, -days));
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }
  g_string_assign (where, out->str);
}

/**
 * amparo_store_report_persons_where:
 * @key: the bar's key
 * @params: (element-type utf8): receives the values of the condition's
 *   `?` placeholders, in order
 *
 * The persons behind one bar, as a condition over the `persons` table
 * for the Clients list (the same conditions as the figure's query).
 *
 * Returns: (transfer full) (nullable): the condition, or %NULL when the
 *   figure does not count persons (demands)
 */
char *
amparo_store_report_persons_where (AmparoReportFigureKind   kind,
                                   const char              *key,
                                   const AmparoReportScope *scope,
                                   GPtrArray               *params)
{
  g_autoptr(GString) where = g_string_new (NULL);

  g_return_val_if_fail (key != NULL && scope != NULL && params != NULL, NULL);

  switch (kind)
    {
    case AMPARO_REPORT_OPEN_BY_PROGRAM:
      g_string_append (where, "client_status = 'active' AND (intake_date IS NULL OR intake_date < ?)"
                              " AND coalesce (nullif (trim (program), ''), '') = ?");
      add_param (params, scope->until);
      add_param (params, key);
      break;
    case AMPARO_REPORT_CASES_BY_STATUS:
      g_string_append (where, "client_status = ? AND (intake_date IS NULL OR intake_date < ?)");
      add_param (params, key);
      add_param (params, scope->until);
      break;
    case AMPARO_REPORT_SEPARATED_FAMILIES:
      g_string_append (where, "id IN (SELECT person_id FROM relationships WHERE separated = 1"
                              " AND deleted_at IS NULL AND reunification_status = ?"
                              " AND (separation_date IS NULL OR separation_date < ?))");
      add_param (params, key);
      add_param (params, scope->until);
      break;
    case AMPARO_REPORT_HEARINGS_BY_WEEK:
      {
        GDate end;

        if (!amparo_parse_date (key, &end))
          return NULL;
        g_date_add_days (&end, 7);
        g_string_append (where, "id IN (SELECT person_id FROM events WHERE kind = 'hearing' AND done = 0"
                                " AND deleted_at IS NULL AND starts_at >= ? AND starts_at < ?)");
        add_param (params, key);
        g_ptr_array_add (params, iso_of (&end));
      }
      break;
    case AMPARO_REPORT_CLOSED_OUTCOMES:
      g_string_append (where, "id IN (SELECT person_id FROM proceedings pr WHERE " OUTCOME_KEY " = ?"
                              " AND pr.deleted_at IS NULL AND pr.status IN ('decided', 'closed')"
                              " AND substr (pr.updated_at, 1, 10) >= ? AND substr (pr.updated_at, 1, 10) < ?)");
      add_param (params, key);
      add_param (params, scope->from);
      add_param (params, scope->until);
      break;
    case AMPARO_REPORT_STALE_CONTACTS:
      /* As the figure, without its planner hint (SQLite's only: this
       * condition runs on either engine); c.deleted_at IS NULL lets
       * SQLite pick the partial index contacts_by_last_verified itself. */
      g_string_append (where, "client_status = 'active' AND id IN (SELECT c.person_id FROM contacts c"
                              " WHERE " MAYBE_STALE
                              " AND c.deleted_at IS NULL AND (" STALE_BUCKET ") = ?)");
      /* Each :staleN as a plain ?, the bucket's key last. */
      replace_stale_params (where, scope, params);
      add_param (params, key);
      break;
    case AMPARO_REPORT_CLASS_MEMBERS:
      g_string_append (where, "id IN (SELECT person_id FROM memberships WHERE deleted_at IS NULL AND claim_status = ?)");
      add_param (params, key);
      break;
    case AMPARO_REPORT_BENEFITS_ENDING:
      g_string_append (where, "id IN (SELECT m.person_id FROM benefits b JOIN memberships m ON m.id = b.membership_id"
                              " WHERE b.deleted_at IS NULL AND m.deleted_at IS NULL AND b.kind = ?"
                              " AND b.ends_on >= ? AND b.ends_on < ?)");
      add_param (params, key);
      add_param (params, scope->today);
      g_ptr_array_add (params, iso_plus_days (scope->today, 60));
      break;
    case AMPARO_REPORT_DEMANDS_BY_STATUS:
    case AMPARO_REPORT_N_FIGURES:
    default:
      return NULL;
    }

  if (scope->program != NULL)
    {
      g_string_append (where, " AND program = ?");
      add_param (params, scope->program);
    }
  return g_string_free (g_steal_pointer (&where), FALSE);
}

/**
 * amparo_store_report_list_programs:
 *
 * Returns: (transfer full) (nullable): the programs clients are in, sorted
 */
GStrv
amparo_store_report_list_programs (AmparoStore  *self,
                                   GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  AmparoDbStep step;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  stmt = amparo_store_prepare_stmt (self,
                               "SELECT program FROM persons"
                               " WHERE client_status IN ('prospective', 'active', 'closed')"
                               " AND deleted_at IS NULL AND trim (program) <> ''"
                               " GROUP BY program ORDER BY lower (program), program", error);
  if (stmt == NULL)
    return NULL;
  while ((step = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    g_strv_builder_add (builder, amparo_db_column_text (stmt, 0));
  if (step != AMPARO_DB_DONE)
    return NULL;
  return g_strv_builder_end (builder);
}

/* Funder report */

const char *
amparo_funder_table_get_key (AmparoFunderTable table)
{
  static const char * const keys[AMPARO_FUNDER_N_TABLES] = {
    "program", "funding-source", "new-intakes", "closed-by-outcome",
    "age-group", "country", "language", "unaccompanied",
  };

  g_return_val_if_fail ((guint) table < AMPARO_FUNDER_N_TABLES, "");
  return keys[table];
}

const char *
amparo_funder_table_get_title (AmparoFunderTable table)
{
  static const char * const titles[AMPARO_FUNDER_N_TABLES] = {
    N_("Clients served by program"),
    N_("Clients served by funding source"),
    N_("New intakes by program"),
    N_("Closed proceedings by outcome"),
    N_("Age group"),
    N_("Country of birth"),
    N_("First language"),
    N_("Unaccompanied minors"),
  };

  g_return_val_if_fail ((guint) table < AMPARO_FUNDER_N_TABLES, "");
  return _(titles[table]);
}

static void
finish_funder_table (AmparoReportFigure *figure,
                     AmparoFunderTable   table)
{
  if (table == AMPARO_FUNDER_AGE_GROUP)
    {
      const FixedBar fixed[] = {
        { "0-5", _("0 to 5 years") }, { "6-12", _("6 to 12 years") },
        { "13-17", _("13 to 17 years") }, { "18+", _("18 and over") },
        { "unknown", _("Birth date not recorded") },
      };
      order_fixed (figure, fixed, G_N_ELEMENTS (fixed));
    }
  else if (table == AMPARO_FUNDER_UNACCOMPANIED)
    {
      const FixedBar fixed[] = {
        { "yes", _("Unaccompanied") }, { "no", _("Accompanied or adult") },
      };
      order_fixed (figure, fixed, G_N_ELEMENTS (fixed));
    }
  else
    label_free_text (figure, _("Not recorded"));
}

/**
 * amparo_store_funder_report:
 *
 * Counts every table of the funder report, each one aggregate query.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
AmparoFunderReport *
amparo_store_funder_report (AmparoStore             *self,
                            const AmparoReportScope *scope,
                            GError                 **error)
{
  g_autoptr(AmparoFunderReport) report = g_new0 (AmparoFunderReport, 1);

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  report->scope = amparo_report_scope_copy (scope);
  for (guint i = 0; i < AMPARO_FUNDER_N_TABLES; i++)
    {
      report->tables[i] = run_grouped (self, AMPARO_REPORT_N_FIGURES, funder_sql[i], scope, error);
      if (report->tables[i] == NULL)
        return NULL;
      finish_funder_table (report->tables[i], i);
    }
  return g_steal_pointer (&report);
}

void
amparo_funder_report_free (AmparoFunderReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < AMPARO_FUNDER_N_TABLES; i++)
    g_clear_pointer (&report->tables[i], amparo_report_figure_free);
  amparo_report_scope_free (report->scope);
  g_free (report);
}

const char *
amparo_store_get_actor (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  return self->actor;
}
