/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-reports"

#include "config.h"

#include "amparo-reports-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-bar-chart.h"
#include "amparo-conflict-dialog.h"
#include "amparo-date-format.h"
#include "amparo-funder-report.h"
#include "amparo-language.h"
#include "amparo-main-view.h"
#include "amparo-report-filter.h"
#include "amparo-store-reports.h"

/* The Reports section: the caseload at a glance. One card a figure, each
 * a bar chart counted by one aggregate query (amparo-store-reports.c);
 * the period and program apply to all. A bar opens the records behind it
 * in the Clients list (AmparoReportFilter in the window state). The
 * period and program survive a language switch in the window state.
 *
 * Nothing is read before the section is first shown, so the app's first
 * frame never waits for it; then the figures (and the programs for the
 * filter) are counted on a worker thread, on a store connection of the
 * worker's own (SQLite in WAL mode lets it read while the window
 * writes), and fill in when counted, a spinner meanwhile. A change of
 * period while counting counts again once the count under way is in. */

#define STATE_SCOPE "reports:scope"

struct _AmparoReportsPage
{
  AmparoSectionPage  parent_instance;

  AmparoStore       *store;
  AmparoReportScope *scope;
  GStrv              programs;
  guint              refresh_source;
  gboolean           filling;
  double             last_refresh_ms;
  gboolean           shown;         /* mapped once: the figures may be read */
  gboolean           counting;
  gboolean           count_again;   /* the scope changed while counting */
  char              *kept_program;  /* to select once the programs are in */
  AmparoStore       *worker_store;  /* the worker's connection, between counts */
  GCancellable      *cancellable;

  GtkDropDown       *period_dropdown;
  GtkDropDown       *program_dropdown;
  GtkEditable       *from_entry;
  GtkEditable       *until_entry;
  GtkLabel          *period_label;
  GtkSpinner        *spinner;
  GtkFlowBox        *dashboard;

  AmparoBarChart    *charts[AMPARO_REPORT_N_FIGURES];
  GtkLabel          *captions[AMPARO_REPORT_N_FIGURES];
  GtkSizeGroup      *card_widths;
};

G_DEFINE_FINAL_TYPE (AmparoReportsPage, amparo_reports_page, AMPARO_TYPE_SECTION_PAGE)

enum {
  PROP_0,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
period_label (AmparoReportPeriod period)
{
  switch (period)
    {
    case AMPARO_REPORT_PERIOD_THIS_MONTH: return _("This month");
    case AMPARO_REPORT_PERIOD_LAST_QUARTER: return _("Last quarter");
    case AMPARO_REPORT_PERIOD_THIS_YEAR: return _("This year");
    case AMPARO_REPORT_PERIOD_RANGE:
    default:
      return _("Date range");
    }
}

static char *
format_day (const char *iso)
{
  return amparo_date_format_iso (iso, amparo_language_get (), AMPARO_DATE_MEDIUM);
}

/* The program chosen, NULL for all. */
static const char *
chosen_program (AmparoReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->program_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->programs == NULL ||
      selected > g_strv_length (self->programs))
    return NULL;
  return self->programs[selected - 1];
}

static void
read_scope (AmparoReportsPage *self)
{
  AmparoReportPeriod period = gtk_drop_down_get_selected (self->period_dropdown);
  gboolean range = period == AMPARO_REPORT_PERIOD_RANGE;

  if (period > AMPARO_REPORT_PERIOD_RANGE)
    period = AMPARO_REPORT_PERIOD_THIS_MONTH;
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), range);
  gtk_widget_set_visible (GTK_WIDGET (self->until_entry), range);
  g_clear_pointer (&self->scope, amparo_report_scope_free);
  self->scope = amparo_report_scope_new (period, g_getenv ("AMPARO_REPORTS_TODAY"),
                                         gtk_editable_get_text (self->from_entry),
                                         gtk_editable_get_text (self->until_entry),
                                         self->kept_program != NULL ? self->kept_program : chosen_program (self));
}

static void
update_period_label (AmparoReportsPage *self)
{
  g_autofree char *last_day = NULL;
  g_autofree char *from = format_day (self->scope->from);
  g_autofree char *until = NULL;
  g_autofree char *text = NULL;
  GDate day;

  /* until is the day after the period. */
  g_date_clear (&day, 1);
  g_date_set_parse (&day, self->scope->until);
  if (g_date_valid (&day))
    {
      char buf[16];

      g_date_subtract_days (&day, 1);
      g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
      last_day = g_strdup (buf);
    }
  until = format_day (last_day != NULL ? last_day : self->scope->until);
  /* Translators: "May 1, 2026 to May 20, 2026 · Family Reunification" */
  text = g_strdup_printf (_("%s to %s · %s"), from, until,
                          self->scope->program != NULL ? self->scope->program : _("All programs"));
  gtk_label_set_text (self->period_label, text);
}

/* "%s" is the count, formatted; the plural follows the count. */

static char *
caption_for (AmparoReportFigure *figure)
{
  g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, figure->total);
  gulong n = (gulong) MIN (figure->total, G_MAXLONG);

  switch (figure->kind)
    {
    case AMPARO_REPORT_SEPARATED_FAMILIES:
      if (figure->median_days >= 0)
        {
          g_autofree char *counted = g_strdup_printf (ngettext ("%s separation.", "%s separations.", n), total);
          g_autofree char *median = g_strdup_printf ("%" G_GINT64_FORMAT, figure->median_days);
          g_autofree char *longest = g_strdup_printf ("%" G_GINT64_FORMAT, figure->longest_days);

          /* Translators: days apart of those not reunified */
          return g_strdup_printf (_("%s Still apart: median %s days, longest %s days."),
                                  counted, median, longest);
        }
      return g_strdup_printf (ngettext ("%s separation. Nobody is still apart.", "%s separations. Nobody is still apart.", n), total);
    case AMPARO_REPORT_HEARINGS_BY_WEEK:
      return g_strdup_printf (ngettext ("%s hearing, counted from today.", "%s hearings, counted from today.", n), total);
    case AMPARO_REPORT_STALE_CONTACTS:
      return g_strdup_printf (ngettext ("%s contact of an active client to call again.", "%s contacts of active clients to call again.", n), total);
    case AMPARO_REPORT_BENEFITS_ENDING:
      return g_strdup_printf (ngettext ("%s benefit ends, counted from today.", "%s benefits end, counted from today.", n), total);
    case AMPARO_REPORT_CLASS_MEMBERS:
      return g_strdup_printf (ngettext ("%s class member.", "%s class members.", n), total);
    case AMPARO_REPORT_DEMANDS_BY_STATUS:
      return g_strdup_printf (ngettext ("%s demand stated by the end of the period.", "%s demands stated by the end of the period.", n), total);
    case AMPARO_REPORT_CLOSED_OUTCOMES:
      return g_strdup_printf (ngettext ("%s proceeding decided or closed in the period.", "%s proceedings decided or closed in the period.", n), total);
    case AMPARO_REPORT_OPEN_BY_PROGRAM:
    case AMPARO_REPORT_CASES_BY_STATUS:
    case AMPARO_REPORT_N_FIGURES:
    default:
      return g_strdup_printf (ngettext ("%s client at the end of the period.", "%s clients at the end of the period.", n), total);
    }
}

/* "Week of Dec 2": short enough for a narrow card. The weeks are
 * the next eight from today, so the year goes without saying. */
static char *
week_label (const char *iso)
{
  GDate day;
  g_autofree char *month = NULL;
  g_autofree char *number = NULL;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, iso);
  if (!g_date_valid (&day))
    return g_strdup (iso);
  month = amparo_date_month_name (g_date_get_month (&day), amparo_language_get ());
  /* "Dec", "dic": the first three letters abbreviate in both languages. */
  month[3] = '\0';
  number = g_strdup_printf ("%u", g_date_get_day (&day));
  /* Translators: a bar of the hearings chart, "Week of Dec 2": %1$s is
   * the month abbreviated, %2$s the day of the month */
  return g_strdup_printf (_("Week of %1$s %2$s"), month, number);
}

static void
fill_chart (AmparoReportsPage  *self,
            AmparoReportFigure *figure)
{
  AmparoBarChart *chart = self->charts[figure->kind];
  g_autofree char *caption = caption_for (figure);
  guint n = figure->bars->len;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *values = g_new0 (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      AmparoReportBar *bar = g_ptr_array_index (figure->bars, i);

      g_ptr_array_add (keys, bar->key);
      values[i] = bar->value;
      if (figure->kind == AMPARO_REPORT_HEARINGS_BY_WEEK)
        g_ptr_array_add (labels, week_label (bar->key));
      else
        g_ptr_array_add (labels, g_strdup (bar->label));
    }
  amparo_bar_chart_set_bars (chart, n, (const char * const *) keys->pdata,
                             (const char * const *) labels->pdata, values);
  gtk_label_set_text (self->captions[figure->kind], caption);
}

static void fill_programs (AmparoReportsPage *self,
                           GStrv              programs);
static void start_count (AmparoReportsPage *self);

/* What one count takes to the worker thread and brings back. */
typedef struct
{
  AmparoStore *store;        /* the worker's own connection */
  char *path;
  AmparoReportScope *scope;
  GStrv programs;
  AmparoReportFigure *figures[AMPARO_REPORT_N_FIGURES];
  gint64 start;
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  g_clear_object (&count->store);
  g_free (count->path);
  amparo_report_scope_free (count->scope);
  g_strfreev (count->programs);
  for (guint i = 0; i < AMPARO_REPORT_N_FIGURES; i++)
    amparo_report_figure_free (count->figures[i]);
  g_free (count);
}

/* On the worker thread: nothing here touches a widget or the window's
 * store. */
static void
count_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Count *count = task_data;
  GError *error = NULL;

  if (count->store == NULL && !(count->store = amparo_store_open (count->path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!(count->programs = amparo_store_report_list_programs (count->store, &error)) ||
      !amparo_store_report_dashboard (count->store, count->scope, count->figures, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_counting (AmparoReportsPage *self,
              gboolean           counting)
{
  self->counting = counting;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), counting);
  gtk_spinner_set_spinning (self->spinner, counting);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

static void
show_count_error (AmparoReportsPage *self,
                  const GError      *error)
{
  for (guint kind = 0; kind < AMPARO_REPORT_N_FIGURES; kind++)
    {
      gtk_label_set_text (self->captions[kind], error->message);
      amparo_bar_chart_clear (self->charts[kind]);
    }
}

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmparoReportsPage) self = user_data;
  Count *count = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The connection stays open for the next count. */
  if (self->worker_store == NULL)
    self->worker_store = g_steal_pointer (&count->store);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_count_error (self, error);
  else
    {
      fill_programs (self, g_steal_pointer (&count->programs));
      for (guint kind = 0; kind < AMPARO_REPORT_N_FIGURES; kind++)
        fill_chart (self, count->figures[kind]);
    }
  self->last_refresh_ms = (g_get_monotonic_time () - count->start) / 1000.0;
  set_counting (self, FALSE);
  if (self->count_again)
    {
      self->count_again = FALSE;
      read_scope (self);
      start_count (self);
    }
}

static void
start_count (AmparoReportsPage *self)
{
  g_autoptr(GTask) task = NULL;
  Count *count;

  if (self->store == NULL || self->scope == NULL || !self->shown)
    return;
  if (self->counting)
    {
      self->count_again = TRUE;
      return;
    }
  update_period_label (self);
  count = g_new0 (Count, 1);
  count->store = g_steal_pointer (&self->worker_store);
  count->path = g_strdup (amparo_store_get_path (self->store));
  count->scope = amparo_report_scope_copy (self->scope);
  count->start = g_get_monotonic_time ();
  task = g_task_new (NULL, self->cancellable, on_counted_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_count);
  g_task_set_task_data (task, count, count_free);
  set_counting (self, TRUE);
  g_task_run_in_thread (task, count_in_thread);
}

/**
 * amparo_reports_page_refresh:
 *
 * Counts every figure again, off the main thread, and redraws the
 * charts when counted (#AmparoReportsPage:counting turns %FALSE). Does
 * nothing before the section has been shown.
 */
void
amparo_reports_page_refresh (AmparoReportsPage *self)
{
  g_return_if_fail (AMPARO_IS_REPORTS_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  start_count (self);
}

/**
 * amparo_reports_page_is_counting:
 *
 * Returns: whether figures are being counted (they fill in when done)
 */
gboolean
amparo_reports_page_is_counting (AmparoReportsPage *self)
{
  g_return_val_if_fail (AMPARO_IS_REPORTS_PAGE (self), FALSE);

  return self->counting;
}

static void
on_scope_changed_cb (AmparoReportsPage *self)
{
  if (self->filling)
    return;
  read_scope (self);
  amparo_reports_page_refresh (self);
}

/* A half-typed date keeps the last good range; a whole one applies. */
static void
on_range_changed_cb (AmparoReportsPage *self)
{
  GDate from, until;

  g_date_clear (&from, 1);
  g_date_clear (&until, 1);
  g_date_set_parse (&from, gtk_editable_get_text (self->from_entry));
  g_date_set_parse (&until, gtk_editable_get_text (self->until_entry));
  if (strlen (gtk_editable_get_text (self->from_entry)) == 10 &&
      strlen (gtk_editable_get_text (self->until_entry)) == 10 &&
      g_date_valid (&from) && g_date_valid (&until))
    on_scope_changed_cb (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  AmparoReportsPage *self = user_data;

  self->refresh_source = 0;
  /* The count lists the programs again: a client may have brought one. */
  read_scope (self);
  amparo_reports_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many saves in a row (an import) recount once. */
static void
on_record_changed_cb (AmparoReportsPage *self)
{
  if (self->refresh_source == 0 && self->shown)
    self->refresh_source = g_timeout_add (300, refresh_cb, self);
}

static guint program_position (AmparoReportsPage *self,
                               const char        *program);

/* The programs the worker found; the one chosen stays chosen, and one
 * kept from before a language switch is chosen once it is listed. */
static void
fill_programs (AmparoReportsPage *self,
               GStrv              programs)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *keep = g_strdup (self->kept_program != NULL ? self->kept_program : chosen_program (self));
  guint selected;

  g_strfreev (self->programs);
  self->programs = programs;
  g_clear_pointer (&self->kept_program, g_free);
  gtk_string_list_append (list, _("All programs"));
  for (guint i = 0; self->programs != NULL && self->programs[i] != NULL; i++)
    gtk_string_list_append (list, self->programs[i]);
  selected = program_position (self, keep);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->program_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->program_dropdown, selected);
  self->filling = FALSE;
  /* The kept program was counted already (the scope named it). */
}

static guint
program_position (AmparoReportsPage *self,
                  const char        *program)
{
  for (guint i = 0; program != NULL && self->programs != NULL && self->programs[i] != NULL; i++)
    if (g_str_equal (self->programs[i], program))
      return i + 1;
  return 0;
}

/* The scope kept in the window state: a GObject-free copy as data. */
static void
restore_scope (AmparoReportsPage *self)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));
  GObject *kept = state != NULL ? amparo_window_state_get_object (state, STATE_SCOPE) : NULL;

  if (kept == NULL)
    return;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown,
                              GPOINTER_TO_UINT (g_object_get_data (kept, "period")));
  gtk_editable_set_text (self->from_entry, g_object_get_data (kept, "from") ?: "");
  gtk_editable_set_text (self->until_entry, g_object_get_data (kept, "until") ?: "");
  /* The programs are not listed yet: the scope names the kept one, and
   * the drop-down selects it once the count has listed them. */
  g_free (self->kept_program);
  self->kept_program = g_strdup (g_object_get_data (kept, "program"));
  self->filling = FALSE;
}

static void
amparo_reports_page_save_state (AmparoSectionPage *page)
{
  AmparoReportsPage *self = AMPARO_REPORTS_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);
  g_autoptr(GObject) kept = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (kept, "period", GUINT_TO_POINTER (gtk_drop_down_get_selected (self->period_dropdown)));
  g_object_set_data_full (kept, "from", g_strdup (gtk_editable_get_text (self->from_entry)), g_free);
  g_object_set_data_full (kept, "until", g_strdup (gtk_editable_get_text (self->until_entry)), g_free);
  g_object_set_data_full (kept, "program",
                          g_strdup (self->kept_program != NULL ? self->kept_program : chosen_program (self)), g_free);
  amparo_window_state_set_object (state, STATE_SCOPE, kept);
}

/* The first time the section is shown: read the kept scope and count. */
static void
on_map_cb (AmparoReportsPage *self)
{
  if (self->shown || self->store == NULL)
    return;
  self->shown = TRUE;
  restore_scope (self);
  read_scope (self);
  start_count (self);
}

static void
amparo_reports_page_setup (AmparoSectionPage *page)
{
  AmparoReportsPage *self = AMPARO_REPORTS_PAGE (page);
  AmparoStore *store = amparo_section_page_get_store (page);

  if (!AMPARO_IS_STORE (store) || store == self->store)
    return;
  g_set_object (&self->store, store);
  /* Another store: another worker connection. */
  g_clear_object (&self->worker_store);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->shown)
    {
      read_scope (self);
      start_count (self);
    }
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map_cb (self);
}

/**
 * amparo_reports_page_open_bar:
 * @kind: the figure
 * @key: the bar's key
 *
 * Shows the records behind a bar: the Clients list filtered to the
 * persons it counts, or the Demands section for demands.
 */
void
amparo_reports_page_open_bar (AmparoReportsPage      *self,
                              AmparoReportFigureKind  kind,
                              const char             *key)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), AMPARO_TYPE_MAIN_VIEW);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL;
  g_autofree char *label = NULL;
  g_autoptr(AmparoReportFilter) filter = NULL;
  AmparoBarChart *chart;
  GtkWidget *clients = NULL;

  g_return_if_fail (AMPARO_IS_REPORTS_PAGE (self));
  g_return_if_fail ((guint) kind < AMPARO_REPORT_N_FIGURES);

  if (state == NULL || self->scope == NULL)
    return;
  where = amparo_store_report_persons_where (kind, key, self->scope, params);
  if (where == NULL)
    {
      amparo_window_state_set_section (state, "demands");
      return;
    }

  chart = self->charts[kind];
  for (guint i = 0; i < amparo_bar_chart_get_n_bars (chart); i++)
    if (g_strcmp0 (amparo_bar_chart_get_key (chart, i), key) == 0)
      {
        g_autofree char *text = amparo_bar_chart_dup_text (chart);
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

        /* "Open cases by program — Family Reunification: 3" */
        if (i < g_strv_length (lines))
          label = g_strdup_printf ("%s — %s", amparo_report_figure_get_title (kind), lines[i]);
      }
  g_ptr_array_add (params, NULL);
  filter = amparo_report_filter_new (label != NULL ? label : amparo_report_figure_get_title (kind),
                                     where, (const char * const *) params->pdata);

  /* The list shows exactly the bar: no search words left over. */
  amparo_window_state_set_search_text (state, "");
  amparo_window_state_set_object (state, AMPARO_REPORT_FILTER_KEY, G_OBJECT (filter));
  amparo_window_state_set_section (state, "clients");
  if (view != NULL)
    clients = amparo_main_view_get_page (AMPARO_MAIN_VIEW (view), "clients");
  if (clients != NULL)
    gtk_widget_activate_action (clients, "clients.apply-report-filter", NULL);
}

static void
on_bar_activated_cb (AmparoBarChart *chart,
                     guint           index,
                     const char     *key,
                     gpointer        user_data)
{
  AmparoReportsPage *self = AMPARO_REPORTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (chart),
                                                                           AMPARO_TYPE_REPORTS_PAGE));

  amparo_reports_page_open_bar (self, GPOINTER_TO_UINT (user_data), key);
}

static GtkWidget *
create_card (AmparoReportsPage      *self,
             AmparoReportFigureKind  kind)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (amparo_report_figure_get_title (kind));
  GtkWidget *chart = amparo_bar_chart_new ();
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_size_request (card, 260, -1);
  gtk_widget_set_hexpand (card, TRUE);
  /* One width for every card, whatever its labels: the grid stays even. */
  gtk_size_group_add_widget (self->card_widths, card);
  gtk_widget_set_valign (card, GTK_ALIGN_START);
  g_object_set (card, "margin-start", 0, NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);

  amparo_bar_chart_set_title (AMPARO_BAR_CHART (chart), amparo_report_figure_get_title (kind));
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  g_signal_connect (chart, "bar-activated", G_CALLBACK (on_bar_activated_cb), GUINT_TO_POINTER (kind));

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 28);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_set_margin_start (caption, 12);
  gtk_widget_set_margin_end (caption, 12);
  gtk_widget_set_margin_bottom (caption, 12);

  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), chart);
  gtk_box_append (GTK_BOX (card), caption);
  self->charts[kind] = AMPARO_BAR_CHART (chart);
  self->captions[kind] = GTK_LABEL (caption);
  return card;
}

/* The funder report: a file chooser, then the file written 0600 and the
 * export journaled (amparo-funder-report.c). */
static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  AmparoReportsPage *self = AMPARO_REPORTS_PAGE (user_data);
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      AdwToast *toast;

      if (amparo_funder_report_export (self->store, self->scope, format, path, &error))
        toast = adw_toast_new (_("Funder report saved"));
      else
        toast = adw_toast_new (error->message);
      overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (g_object_ref_sink (toast));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
run_export (AmparoReportsPage *self,
            const char        *format)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->store == NULL || self->scope == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Funder Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: a file name; keep it short, without spaces */
  name = g_strdup_printf ("%s-%s.%s", _("funder-report"), self->scope->from, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_export (AMPARO_REPORTS_PAGE (widget), "csv");
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_export (AMPARO_REPORTS_PAGE (widget), "pdf");
}

static void
check_conflicts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmparoReportsPage *self = AMPARO_REPORTS_PAGE (widget);

  if (self->store != NULL)
    amparo_conflict_dialog_present (widget, self->store, NULL);
}

static void
open_bar_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  guint32 kind;
  const char *key;

  g_variant_get (parameter, "(u&s)", &kind, &key);
  if (kind < AMPARO_REPORT_N_FIGURES)
    amparo_reports_page_open_bar (AMPARO_REPORTS_PAGE (widget), kind, key);
}

static void
amparo_reports_page_dispose (GObject *object)
{
  AmparoReportsPage *self = AMPARO_REPORTS_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  /* A count under way finishes on its thread; its result is dropped. */
  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_REPORTS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->scope, amparo_report_scope_free);
  g_clear_pointer (&self->programs, g_strfreev);
  g_clear_pointer (&self->kept_program, g_free);
  g_clear_object (&self->card_widths);
  g_clear_object (&self->worker_store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (amparo_reports_page_parent_class)->dispose (object);
}

static void
amparo_reports_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmparoReportsPage *self = AMPARO_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmparoReportsPage, name)

static void
amparo_reports_page_class_init (AmparoReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmparoSectionPageClass *page_class = AMPARO_SECTION_PAGE_CLASS (klass);

  object_class->dispose = amparo_reports_page_dispose;
  object_class->get_property = amparo_reports_page_get_property;
  page_class->setup = amparo_reports_page_setup;
  page_class->save_state = amparo_reports_page_save_state;

  /**
   * AmparoReportsPage:counting:
   *
   * Whether the figures are being counted; they fill in when it turns
   * %FALSE.
   */
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "section.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "section.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.check-conflicts", NULL, check_conflicts_action);
  gtk_widget_class_install_action (widget_class, "reports.open-bar", "(us)", open_bar_action);

  g_type_ensure (AMPARO_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/reports/amparo-reports-page.ui");
  BIND (period_dropdown);
  BIND (program_dropdown);
  BIND (from_entry);
  BIND (until_entry);
  BIND (period_label);
  BIND (spinner);
  BIND (dashboard);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed_cb);
}

#undef BIND

static void
amparo_reports_page_init (AmparoReportsPage *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  self->card_widths = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->filling = TRUE;
  for (AmparoReportPeriod p = AMPARO_REPORT_PERIOD_THIS_MONTH; p <= AMPARO_REPORT_PERIOD_RANGE; p++)
    gtk_string_list_append (periods, period_label (p));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  self->filling = FALSE;

  for (guint kind = 0; kind < AMPARO_REPORT_N_FIGURES; kind++)
    gtk_flow_box_append (self->dashboard, create_card (self, kind));
}

/**
 * amparo_reports_page_get_chart:
 *
 * Returns: (transfer none): the chart of one figure (tests, screenshots)
 */
AmparoBarChart *
amparo_reports_page_get_chart (AmparoReportsPage      *self,
                               AmparoReportFigureKind  kind)
{
  g_return_val_if_fail (AMPARO_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < AMPARO_REPORT_N_FIGURES, NULL);

  return self->charts[kind];
}

/**
 * amparo_reports_page_get_last_refresh_ms:
 *
 * Returns: how long the last count of every figure took
 */
double
amparo_reports_page_get_last_refresh_ms (AmparoReportsPage *self)
{
  g_return_val_if_fail (AMPARO_IS_REPORTS_PAGE (self), 0);

  return self->last_refresh_ms;
}
