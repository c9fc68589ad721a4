/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"
#include "amparo-adverse-party.h"
#include "amparo-conflict-decision.h"

G_BEGIN_DECLS

/*
 * Reports (#16): the dashboard's figures, the funder report and the
 * conflict check at intake, each figure one aggregate query over the
 * store (src/store/amparo-store-reports.c).
 */

/**
 * AmparoReportPeriod:
 * @AMPARO_REPORT_PERIOD_THIS_MONTH: from the first of this month to today
 * @AMPARO_REPORT_PERIOD_LAST_QUARTER: the last complete calendar quarter
 * @AMPARO_REPORT_PERIOD_THIS_YEAR: from January 1 to today
 * @AMPARO_REPORT_PERIOD_RANGE: the dates given
 */
typedef enum {
  AMPARO_REPORT_PERIOD_THIS_MONTH,
  AMPARO_REPORT_PERIOD_LAST_QUARTER,
  AMPARO_REPORT_PERIOD_THIS_YEAR,
  AMPARO_REPORT_PERIOD_RANGE,
} AmparoReportPeriod;

/**
 * AmparoReportFigureKind:
 * The figures of the dashboard, in the order shown.
 */
typedef enum {
  AMPARO_REPORT_OPEN_BY_PROGRAM,
  AMPARO_REPORT_CASES_BY_STATUS,
  AMPARO_REPORT_SEPARATED_FAMILIES,
  AMPARO_REPORT_HEARINGS_BY_WEEK,
  AMPARO_REPORT_CLOSED_OUTCOMES,
  AMPARO_REPORT_STALE_CONTACTS,
  AMPARO_REPORT_CLASS_MEMBERS,
  AMPARO_REPORT_BENEFITS_ENDING,
  AMPARO_REPORT_DEMANDS_BY_STATUS,
  AMPARO_REPORT_N_FIGURES,
} AmparoReportFigureKind;

/* What the figures count over. Dates are ISO (YYYY-MM-DD); the period is
 * [from, until). today anchors the forward-looking figures (hearings in
 * the next 8 weeks, benefits ending in the next 60 days, stale contacts). */
typedef struct
{
  char *from;
  char *until;
  char *today;
  char *program;  /* NULL: every program */
} AmparoReportScope;

AmparoReportScope *amparo_report_scope_new      (AmparoReportPeriod  period,
                                                 const char         *today,
                                                 const char         *range_from,
                                                 const char         *range_until,
                                                 const char         *program);
AmparoReportScope *amparo_report_scope_copy     (const AmparoReportScope *scope);
void               amparo_report_scope_free     (AmparoReportScope  *scope);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoReportScope, amparo_report_scope_free)

/* One bar of a figure: key is what it stands for (an enum nick, a
 * program, a week's first day), label what is shown. */
typedef struct
{
  char  *key;
  char  *label;
  gint64 value;
} AmparoReportBar;

typedef struct
{
  AmparoReportFigureKind kind;
  GPtrArray *bars;        /* of AmparoReportBar */
  gint64 total;
  /* Separated families: days apart of those still apart (-1: none). */
  gint64 median_days;
  gint64 longest_days;
} AmparoReportFigure;

void                amparo_report_figure_free   (AmparoReportFigure *figure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoReportFigure, amparo_report_figure_free)
const char         *amparo_report_figure_get_title (AmparoReportFigureKind kind);
gint64              amparo_report_figure_get_value (AmparoReportFigure *figure,
                                                    const char         *key);

AmparoReportFigure *amparo_store_report_figure  (AmparoStore             *self,
                                                 AmparoReportFigureKind   kind,
                                                 const AmparoReportScope *scope,
                                                 GError                 **error);
gboolean            amparo_store_report_dashboard (AmparoStore             *self,
                                                   const AmparoReportScope *scope,
                                                   AmparoReportFigure     **figures,
                                                   GError                 **error);
char               *amparo_store_report_persons_where (AmparoReportFigureKind   kind,
                                                       const char              *key,
                                                       const AmparoReportScope *scope,
                                                       GPtrArray               *params);
GStrv               amparo_store_report_list_programs (AmparoStore *self,
                                                       GError     **error);

/* The funder report: tables of (label, count) by program and funding
 * source, new intakes, closed cases by outcome and demographics. */
typedef enum {
  AMPARO_FUNDER_BY_PROGRAM,
  AMPARO_FUNDER_BY_FUNDING_SOURCE,
  AMPARO_FUNDER_NEW_INTAKES,
  AMPARO_FUNDER_CLOSED_BY_OUTCOME,
  AMPARO_FUNDER_AGE_GROUP,
  AMPARO_FUNDER_COUNTRY,
  AMPARO_FUNDER_LANGUAGE,
  AMPARO_FUNDER_UNACCOMPANIED,
  AMPARO_FUNDER_N_TABLES,
} AmparoFunderTable;

typedef struct
{
  AmparoReportScope *scope;
  AmparoReportFigure *tables[AMPARO_FUNDER_N_TABLES];
} AmparoFunderReport;

AmparoFunderReport *amparo_store_funder_report  (AmparoStore             *self,
                                                 const AmparoReportScope *scope,
                                                 GError                 **error);
void                amparo_funder_report_free   (AmparoFunderReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoFunderReport, amparo_funder_report_free)
/* The untranslated key and the title of a table in @language ("en"/"es"). */
const char         *amparo_funder_table_get_key (AmparoFunderTable table);
const char         *amparo_funder_table_get_title (AmparoFunderTable table);

/* Conflict check: why a name found in the store may be a conflict. */
typedef enum {
  AMPARO_CONFLICT_IS_CLIENT,
  AMPARO_CONFLICT_IS_RELATIVE_OF_CLIENT,
  AMPARO_CONFLICT_IS_ADVERSE_PARTY,
} AmparoConflictKind;

typedef struct
{
  AmparoConflictKind kind;
  char  *searched;     /* the name looked for: the person, or a relative */
  char  *relation;     /* how the searched name relates to the person
                          ("the mother"), NULL for the person themself */
  gint64 found_id;     /* the person found, 0 for an organization */
  char  *found_name;
  gint64 client_id;    /* the client concerned */
  char  *client_name;
  char  *reason;       /* one translated sentence */
  double score;
} AmparoConflictFinding;

typedef struct
{
  char *given_names;
  char *family_names;
  AmparoRelationshipKind kind;  /* what they are to the person checked */
} AmparoConflictName;

GPtrArray          *amparo_store_find_conflicts (AmparoStore        *self,
                                                 AmparoPerson       *person,
                                                 const AmparoConflictName *relatives,
                                                 guint               n_relatives,
                                                 GError            **error);
void                amparo_conflict_finding_free (AmparoConflictFinding *finding);
char               *amparo_conflict_findings_to_text (GPtrArray *findings);
AmparoConflictDecision *amparo_store_record_conflict_decision (AmparoStore      *self,
                                                 AmparoPerson               *person,
                                                 GPtrArray                  *findings,
                                                 AmparoConflictDecisionKind  decision,
                                                 const char                 *notes,
                                                 GError                    **error);
const char         *amparo_store_get_actor      (AmparoStore *self);
GListModel         *amparo_store_list_adverse_parties (AmparoStore  *self,
                                                       AmparoPerson *person);

G_END_DECLS
