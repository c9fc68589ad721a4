/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "amparo-application.h"
#include "amparo-bar-chart.h"
#include "amparo-conflict-dialog.h"
#include "amparo-language.h"
#include "amparo-main-view.h"
#include "amparo-reports-page.h"
#include "amparo-store-private.h"
#include "amparo-store-trace.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"
#include "reports-test-data.h"

/* The real application on a store with known figures
 * (reports-test-data.c): the Reports section shows them, follows the
 * period, and a click on a bar shows the clients behind it; a child's
 * intake stops at the conflict check until someone decides, and the
 * decision is journaled. Asserts what a person would see. */

typedef void (*Scenario) (AmparoWindow *window);

static char *work_dir;
static char *db_path;

static void
fill_store (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(AmparoStore) store = NULL;
  ReportsTestData data = { 0 };

  work_dir = amparo_test_make_dir ();
  store = amparo_test_open_store (work_dir, "ui.amparo");
  reports_test_data_fill (store, today, &data);
  db_path = g_strdup (amparo_store_get_path (store));
  reports_test_data_clear (&data);
}

static gboolean
button_labelled_prefix (GtkWidget     *widget,
                        gconstpointer  prefix)
{
  return g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)) ?: "", prefix);
}

/* The figures are counted off the main thread: wait for them, however
 * long a loaded machine takes (the bound only stops a hung count). */
static void
wait_counted (AmparoReportsPage *page)
{
  gint64 give_up = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;

  amparo_test_wait (50);
  while (amparo_reports_page_is_counting (page))
    {
      if (g_get_monotonic_time () > give_up)
        g_error ("The figures were never counted");
      amparo_test_wait (20);
    }
  amparo_test_wait (50);
}

static AmparoReportsPage *
show_reports (AmparoWindow *window)
{
  AmparoReportsPage *page;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section", g_variant_new_string ("reports"));
  amparo_test_wait (300);
  page = AMPARO_REPORTS_PAGE (amparo_main_view_get_page (amparo_window_get_main_view (window), "reports"));
  wait_counted (page);
  return page;
}

static int
bar_index (AmparoBarChart *chart,
           const char     *key)
{
  for (guint i = 0; i < amparo_bar_chart_get_n_bars (chart); i++)
    if (g_strcmp0 (amparo_bar_chart_get_key (chart, i), key) == 0)
      return (int) i;
  return -1;
}

/* A click where the bar is drawn, through the chart's own gesture. */
static void
click_bar (AmparoBarChart *chart,
           int             index)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  int n = (int) amparo_bar_chart_get_n_bars (chart);
  double y = (index + 0.5) * height / n;

  g_assert_cmpint (amparo_bar_chart_get_bar_at (chart, y), ==, index);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, 40.0, y);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
dashboard_scenario (AmparoWindow *window)
{
  AmparoWindowState *state = amparo_window_get_state (window);
  AmparoReportsPage *page = show_reports (window);
  AmparoBarChart *programs = amparo_reports_page_get_chart (page, AMPARO_REPORT_OPEN_BY_PROGRAM);
  AmparoBarChart *statuses = amparo_reports_page_get_chart (page, AMPARO_REPORT_CASES_BY_STATUS);
  GtkDropDown *period = GTK_DROP_DOWN (amparo_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  g_autofree char *text = NULL;
  GtkWidget *filter_button;
  int fr;

  g_assert_cmpstr (amparo_window_state_get_section (state), ==, "reports");
  g_assert_true (amparo_test_find_text (GTK_WIDGET (window), "Open cases by program", FALSE) >= 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (programs)));
  g_test_message ("dashboard counted in %.1f ms", amparo_reports_page_get_last_refresh_ms (page));

  /* This month: Kevin (CRP) and Marta (FR); the text equivalent says so. */
  g_assert_cmpuint (amparo_bar_chart_get_n_bars (programs), ==, 2);
  text = amparo_bar_chart_dup_text (programs);
  g_assert_nonnull (strstr (text, REPORTS_TEST_FR ": 1"));
  g_assert_nonnull (strstr (text, REPORTS_TEST_CRP ": 1"));
  g_clear_pointer (&text, g_free);
  text = amparo_bar_chart_dup_text (statuses);
  g_assert_nonnull (strstr (text, "Active client: 2"));
  g_clear_pointer (&text, g_free);

  /* Last quarter: Marta came after it. */
  gtk_drop_down_set_selected (period, AMPARO_REPORT_PERIOD_LAST_QUARTER);
  wait_counted (page);
  g_assert_cmpuint (amparo_bar_chart_get_n_bars (programs), ==, 1);
  g_assert_cmpstr (amparo_bar_chart_get_key (programs, 0), ==, REPORTS_TEST_CRP);
  gtk_drop_down_set_selected (period, AMPARO_REPORT_PERIOD_THIS_MONTH);
  wait_counted (page);
  g_assert_cmpuint (amparo_bar_chart_get_n_bars (programs), ==, 2);

  /* A click on the Family Reunification bar: the Clients list with Marta only. */
  fr = bar_index (programs, REPORTS_TEST_FR);
  g_assert_cmpint (fr, >=, 0);
  click_bar (programs, fr);
  amparo_test_wait (400);
  amparo_test_until ((g_strcmp0 (amparo_window_state_get_section (state), "clients") == 0) && (amparo_test_find_text (GTK_WIDGET (window), "1 person", FALSE) >= 0) && (amparo_test_find_text (GTK_WIDGET (window), "Marta", TRUE) >= 0) && (amparo_test_find_text (GTK_WIDGET (window), "Kevin", TRUE) < 0));
  g_assert_cmpstr (amparo_window_state_get_section (state), ==, "clients");
  g_assert_true (amparo_test_find_text (GTK_WIDGET (window), "1 person", FALSE) >= 0);
  g_assert_true (amparo_test_find_text (GTK_WIDGET (window), "Marta", TRUE) >= 0);
  g_assert_true (amparo_test_find_text (GTK_WIDGET (window), "Kevin", TRUE) < 0);
  filter_button = amparo_test_find_mapped (GTK_WIDGET (window), GTK_TYPE_BUTTON, button_labelled_prefix, "Open cases by program");
  g_assert_nonnull (filter_button);

  /* Its button shows every client again. */
  g_signal_emit_by_name (filter_button, "clicked");
  amparo_test_wait (300);
  amparo_test_until ((amparo_test_find_text (GTK_WIDGET (window), "6 people", FALSE) >= 0) && ((amparo_window_state_get_object (state, "clients:filter")) == NULL));
  g_assert_true (amparo_test_find_text (GTK_WIDGET (window), "6 people", FALSE) >= 0);
  g_assert_null (amparo_window_state_get_object (state, "clients:filter"));
}

static AmparoConflictDialog *
find_conflict_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (AMPARO_IS_CONFLICT_DIALOG (window))
        return AMPARO_CONFLICT_DIALOG (window);
    }
  return NULL;
}

static void
type_into_row (AmparoWindow *window,
               const char   *title,
               const char   *text)
{
  GtkWidget *row = amparo_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, amparo_test_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gint64
count (AmparoStore *store,
       GType        type,
       const char  *where)
{
  const char *params[] = { NULL };

  return amparo_store_count_where (store, type, where, params, NULL);
}

/* Yoselin is taken in as a client: the store knows her mother, who is
 * the adverse party in her brother's SIJS case. */
static void
conflict_scenario (AmparoWindow *window)
{
  AmparoWindowState *state = amparo_window_get_state (window);
  g_autoptr(AmparoStore) store = amparo_store_open (db_path, NULL);
  AmparoConflictDialog *dialog;
  g_autofree char *findings = NULL;
  g_autoptr(AmparoConflictDecision) decision = NULL;
  gint64 persons = count (store, AMPARO_TYPE_PERSON, "deleted_at IS NULL");

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section", g_variant_new_string ("clients"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  amparo_test_wait (300);
  type_into_row (window, "Given names", "Yoselin");
  type_into_row (window, "Family names", "López Ixcot");
  amparo_test_wait (100);
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  amparo_test_wait (400);

  /* Not saved: a decision is required first. */
  amparo_test_until (((dialog = find_conflict_dialog ()) != NULL) && ((count (store, AMPARO_TYPE_PERSON, "deleted_at IS NULL")) == (persons)));
  g_assert_nonnull (dialog);
  g_assert_cmpint (count (store, AMPARO_TYPE_PERSON, "deleted_at IS NULL"), ==, persons);
  findings = amparo_conflict_dialog_dup_findings_text (dialog);
  g_test_message ("%s", findings);
  g_assert_nonnull (strstr (findings, "The mother, Rosa López, is an adverse party (Parent accused of abuse or neglect)"
                                      " in the Special Immigrant Juvenile Status case of the client Kevin López Ixcot."));
  g_assert_true (amparo_test_find_text (GTK_WIDGET (dialog), "Record Decision", TRUE) >= 0);
  /* A waiver needs who consented and how. */
  g_assert_false (amparo_conflict_dialog_decide (dialog, AMPARO_CONFLICT_DECISION_WAIVED, ""));
  g_assert_true (amparo_test_find_text (GTK_WIDGET (dialog), "Say who consented to the waiver and how.", FALSE) >= 0);
  g_assert_true (amparo_conflict_dialog_decide (dialog, AMPARO_CONFLICT_DECISION_WAIVED,
                                                "Kevin and Yoselin's guardian consented in writing"));
  amparo_test_wait (400);

  /* Saved once decided; the decision names her, who decided and when. */
  g_assert_null (find_conflict_dialog ());
  g_assert_cmpint (count (store, AMPARO_TYPE_PERSON, "deleted_at IS NULL"), ==, persons + 1);
  g_assert_cmpint (count (store, AMPARO_TYPE_CONFLICT_DECISION,
                          "decision = 'waived' AND person_id = (SELECT max (id) FROM persons)"), ==, 1);
  g_assert_cmpint (count (store, AMPARO_TYPE_JOURNAL_ENTRY,
                          "table_name = 'conflict_decisions' AND action = 'insert' AND actor IS NOT NULL"), ==, 1);
  g_assert_cmpstr (amparo_window_state_get_section (state), ==, "clients");
  (void) decision;
}

/* A figure's statement or the program filter's. */
static gboolean
is_report_statement (const char *sql)
{
  return strstr (sql, "WITH s AS MATERIALIZED") != NULL || strstr (sql, "SELECT DISTINCT program FROM persons") != NULL
         || strstr (sql, "FROM memberships m WHERE") != NULL || strstr (sql, "FROM demands d") != NULL;
}

static void
assert_no_report_statement (GPtrArray  *statements,
                            const char *when)
{
  for (guint i = 0; statements != NULL && i < statements->len; i++)
    if (is_report_statement (g_ptr_array_index (statements, i)))
      g_error ("%s, the main thread ran: %s", when, (char *) g_ptr_array_index (statements, i));
}

/* Until Reports is shown nothing of it is read, so the app's first frame
 * never waits for it; once shown, it counts on another thread and the
 * figures fill in. Only the main thread's statements are traced. */
static void
lazy_scenario (AmparoWindow *window)
{
  g_autoptr(GPtrArray) before = amparo_store_trace_take ();
  g_autoptr(GPtrArray) after = NULL;
  AmparoReportsPage *page;
  g_autofree char *text = NULL;

  assert_no_report_statement (before, "Before Reports was shown");
  page = show_reports (window);
  after = amparo_store_trace_take ();
  assert_no_report_statement (after, "Counting the figures");
  g_assert_cmpuint (amparo_bar_chart_get_n_bars (amparo_reports_page_get_chart (page, AMPARO_REPORT_OPEN_BY_PROGRAM)), ==, 2);
  text = amparo_bar_chart_dup_text (amparo_reports_page_get_chart (page, AMPARO_REPORT_CASES_BY_STATUS));
  g_assert_nonnull (strstr (text, "Active client: 2"));
  /* The program filter was filled by the count too. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (
    amparo_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN)))), >=, 3);
}

static void
on_activate_cb (GApplication *app,
                Scenario      scenario)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (AMPARO_IS_WINDOW (window));
  amparo_test_wait (300);
  scenario (AMPARO_WINDOW (window));
  gtk_window_destroy (window);
}

static void
run_app (Scenario scenario)
{
  amparo_test_run_app (db_path, "en", G_CALLBACK (on_activate_cb), (gpointer) scenario);
}

static void
test_dashboard (void)
{
  fill_store ();
  run_app (dashboard_scenario);
  amparo_test_remove_dir (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&db_path, g_free);
}

static void
test_lazy_and_off_main_thread (void)
{
  fill_store ();
  amparo_store_trace_enable ();
  run_app (lazy_scenario);
  amparo_test_remove_dir (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&db_path, g_free);
}

static void
test_conflict_at_intake (void)
{
  fill_store ();
  run_app (conflict_scenario);
  amparo_test_remove_dir (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&db_path, g_free);
}

int
main (int   argc,
      char *argv[])
{
  amparo_language_init ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/reports/ui/dashboard", test_dashboard);
  g_test_add_func ("/reports/ui/conflict-at-intake", test_conflict_at_intake);
  g_test_add_func ("/reports/ui/lazy-and-off-main-thread", test_lazy_and_off_main_thread);
  return g_test_run ();
}
