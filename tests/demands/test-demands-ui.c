/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-demand-editor.h"
#include "amparo-demand-merge-dialog.h"
#include "amparo-demand-row.h"
#include "amparo-demand-update-dialog.h"
#include "amparo-demands-page.h"
#include "amparo-date-entry.h"
#include "amparo-language.h"
#include "amparo-sample-data.h"
#include "amparo-store.h"
#include "amparo-trash-dialog.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* The Demands page over a real store with the sample data, in a real
 * window under Xvfb: what the list and a demand's page show in English
 * and Spanish, "Add update", a merge, and a language switch in the middle
 * of an edit. Asserts what a person would see. */

typedef struct
{
  char              *dir;
  AmparoStore       *store;
  AmparoWindowState *state;
  GtkWindow         *window;
  AmparoDemandsPage *page;
} Fixture;

static GtkWidget *
find_row_showing (GtkWidget  *widget,
                  const char *text)
{
  if (AMPARO_IS_DEMAND_ROW (widget) && amparo_test_find_text (widget, text, FALSE) >= 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_showing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row_with_title (GtkWidget  *widget,
                     const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_with_title (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AmparoDemandEditor *
find_editor (GtkWidget *widget)
{
  return AMPARO_DEMAND_EDITOR (amparo_test_find_widget (widget, AMPARO_TYPE_DEMAND_EDITOR));
}

static void
click_undo (Fixture *f)
{
  GtkWidget *undo = amparo_test_find_button (GTK_WIDGET (f->window), "Undo");

  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  amparo_test_wait (250);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static void
build_page (Fixture *f)
{
  f->page = g_object_new (AMPARO_TYPE_DEMANDS_PAGE, "store", f->store, "state", f->state, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  f->window = amparo_test_present_page (GTK_WIDGET (f->page));
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
}

/* What a language switch does: the page saves its state, is thrown away,
 * and a new one is built from the templates in the other language. */
static void
rebuild_page (Fixture    *f,
              const char *language)
{
  amparo_section_page_save_state (AMPARO_SECTION_PAGE (f->page));
  gtk_window_destroy (f->window);
  amparo_test_wait (250);
  amparo_language_set (language);
  build_page (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = amparo_test_make_dir ();
  f->store = amparo_test_open_store (f->dir, "amparo.db");
  amparo_sample_data_load (f->store, &error);
  g_assert_no_error (error);
  f->state = amparo_window_state_new ();
  amparo_language_set ("en");
  build_page (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  amparo_test_wait (250);
  /* The page and its editor leave nothing behind. */
  g_assert_null (f->page);
  g_clear_object (&f->state);
  g_clear_object (&f->store);
  amparo_test_remove_dir (f->dir);
  g_free (f->dir);
  amparo_language_set ("en");
}

static AmparoDemand *
sample_demand (Fixture    *f,
               const char *words)
{
  g_autoptr(GListModel) demands = amparo_store_list (f->store, AMPARO_TYPE_DEMAND, AMPARO_LIST_LIVE);

  for (guint i = 0; i < g_list_model_get_n_items (demands); i++)
    {
      g_autoptr(AmparoDemand) demand = g_list_model_get_item (demands, i);

      if (strstr (amparo_demand_get_text_en (demand), words) != NULL)
        return g_steal_pointer (&demand);
    }
  g_assert_not_reached ();
}

static void
open_demand (Fixture      *f,
             AmparoDemand *demand)
{
  g_assert_true (amparo_demands_page_open_demand (f->page, demand));
  amparo_test_wait (250);
}

static void
assert_sample_demands_shown (Fixture    *f,
                             const char *language)
{
  g_autoptr(GListModel) demands = amparo_store_list (f->store, AMPARO_TYPE_DEMAND, AMPARO_LIST_LIVE);
  guint n = g_list_model_get_n_items (demands);

  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoDemand) demand = g_list_model_get_item (demands, i);
      const char *text = g_str_equal (language, "es") ? amparo_demand_get_text_es (demand)
                                                      : amparo_demand_get_text_en (demand);

      g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), text, FALSE), >=, 0);
    }
}

static void
test_list_english_and_spanish (Fixture       *f,
                               gconstpointer  data)
{
  assert_sample_demands_shown (f, "en");
  /* First stated with the February 2021 statement, in one release. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "1 statement · Feb 3, 2021", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "All Statuses", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Spanish missing", FALSE), <, 0);

  rebuild_page (f, "es");
  assert_sample_demands_shown (f, "es");
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Todas las situaciones", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "3 feb 2021", TRUE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Cumplida en parte", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "All Statuses", FALSE), <, 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GListModel *shown = amparo_demands_page_get_list (f->page);
  g_autoptr(AmparoDemand) title_42 = sample_demand (f, "Title 42");

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  amparo_window_state_set_search_text (f->state, "titulo 42");
  /* The page follows the header's search through the base class. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  amparo_window_state_set_search_text (f->state, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  g_assert_nonnull (title_42);
}

static GtkDropDown *
find_drop_down (GtkWidget *widget,
                guint      skip)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_ptr_array_add (pending, widget);
  while (pending->len > 0)
    {
      GtkWidget *next = g_ptr_array_steal_index (pending, 0);

      if (GTK_IS_DROP_DOWN (next))
        g_ptr_array_add (found, next);
      for (GtkWidget *child = gtk_widget_get_first_child (next);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (pending, child);
    }
  g_assert_cmpuint (found->len, >, skip);
  return g_ptr_array_index (found, skip);
}

static void
test_status_and_target_filters (Fixture       *f,
                                gconstpointer  data)
{
  GListModel *shown = amparo_demands_page_get_list (f->page);
  GtkDropDown *status = find_drop_down (GTK_WIDGET (f->page), 0);
  GtkDropDown *target = find_drop_down (GTK_WIDGET (f->page), 1);

  /* Position 0 is "all", then the values in order. */
  gtk_drop_down_set_selected (status, 1 + AMPARO_DEMAND_STATUS_PARTIALLY_MET);
  amparo_test_wait (250);
  amparo_test_until (((g_list_model_get_n_items (shown)) == (1)) && ((amparo_test_find_text (GTK_WIDGET (f->window), "Partially met", FALSE)) >= (0)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Partially met", FALSE), >=, 0);

  gtk_drop_down_set_selected (status, 0);
  gtk_drop_down_set_selected (target, 1 + AMPARO_DEMAND_TARGET_DHS);
  amparo_test_wait (250);
  amparo_test_until ((g_list_model_get_n_items (shown)) == (2));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  gtk_drop_down_set_selected (target, 1 + AMPARO_DEMAND_TARGET_CONGRESS);
  amparo_test_wait (250);
  amparo_test_until (((g_list_model_get_n_items (shown)) == (0)) && ((amparo_test_find_text (GTK_WIDGET (f->window), "No Matching Demands", FALSE)) >= (0)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "No Matching Demands", FALSE), >=, 0);
}

static void
test_release_opens_in_press (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AmparoDemand) title_42 = sample_demand (f, "Title 42");
  GtkWidget *row;
  GObject *open;

  amparo_window_state_set_section (f->state, "demands");
  open_demand (f, title_42);
  amparo_test_until (((row = find_row_with_title (GTK_WIDGET (f->window), "ImmDef Calls Upon the Biden Administration")) != NULL));
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  amparo_test_wait (250);

  g_assert_cmpstr (amparo_window_state_get_section (f->state), ==, "press");
  open = amparo_window_state_get_object (f->state, "press:open");
  g_assert_true (AMPARO_IS_RELEASE (open));
  g_assert_cmpstr (amparo_release_get_release_date (AMPARO_RELEASE (open)), ==, "2021-02-03");
}

static void
test_page_lists_releases (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  g_autoptr(AmparoDemand) detention = sample_demand (f, "immigration detention");
  AmparoDemand *stated[] = { detention, flights };
  int newest, oldest;

  amparo_release_set_title_en (release, "Deportation flights resume to Haiti");
  amparo_release_set_title_es (release, "Se reanudan los vuelos de deportación a Haití");
  amparo_release_set_release_date (release, "2024-01-10");
  amparo_store_save (f->store, AMPARO_RECORD (release), &error);
  g_assert_no_error (error);
  amparo_store_set_release_demands (f->store, release, stated, G_N_ELEMENTS (stated), &error);
  g_assert_no_error (error);

  open_demand (f, flights);
  newest = amparo_test_find_text (GTK_WIDGET (f->window), "Deportation flights resume to Haiti", FALSE);
  oldest = amparo_test_find_text (GTK_WIDGET (f->window), "ImmDef Calls Upon the Biden Administration", TRUE);
  g_assert_cmpint (newest, >=, 0);
  g_assert_cmpint (oldest, >, newest);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "No. 2 · Jan 10, 2024", TRUE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "No. 4 · Feb 3, 2021", TRUE), >=, 0);
  /* The list counts both statements. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "2 statements · Feb 3, 2021 – Jan 10, 2024", FALSE), >=, 0);
}

/* The list's statement counts follow the data: a release that states a
 * demand changes its row at once, with nothing opened or reselected. */
static void
test_counts_follow_links (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  AmparoDemand *stated[] = { flights };
  const char *after = "2 statements · Feb 3, 2021 – Jan 10, 2024";

  amparo_test_wait (250);
  amparo_test_until ((amparo_test_find_text (GTK_WIDGET (f->window), after, FALSE)) < (0));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), after, FALSE), <, 0);
  amparo_release_set_title_en (release, "Deportation flights resume to Haiti");
  amparo_release_set_release_date (release, "2024-01-10");
  amparo_store_save (f->store, AMPARO_RECORD (release), &error);
  g_assert_no_error (error);
  amparo_store_set_release_demands (f->store, release, stated, G_N_ELEMENTS (stated), &error);
  g_assert_no_error (error);
  amparo_test_wait (250);
  amparo_test_until ((amparo_test_find_text (GTK_WIDGET (f->window), after, FALSE)) >= (0));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), after, FALSE), >=, 0);

  /* …and back when the release goes to the Trash. */
  g_assert_true (amparo_store_delete (f->store, AMPARO_RECORD (release), &error));
  amparo_test_wait (250);
  amparo_test_until ((amparo_test_find_text (GTK_WIDGET (f->window), after, FALSE)) < (0));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), after, FALSE), <, 0);
}

/* The update's date says what is wrong with it, right under the field,
 * instead of only turning red. */
static void
test_update_date_message (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  AmparoDemandUpdateDialog *dialog;
  AmparoDemandUpdate *update;

  open_demand (f, flights);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "demands.add-update", NULL));
  amparo_test_wait (250);
  amparo_test_until (((dialog = find_toplevel (AMPARO_TYPE_DEMAND_UPDATE_DIALOG)) != NULL));
  g_assert_nonnull (dialog);
  update = amparo_demand_update_dialog_get_update (dialog);
  amparo_demand_update_set_update_date (update, "2021-02-30");
  amparo_test_wait (100);
  amparo_test_until (((amparo_test_find_text (GTK_WIDGET (dialog), "that month has 28 days", TRUE)) >= (0)) && (!(adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"))));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "that month has 28 days", TRUE), >=, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  amparo_demand_update_set_update_date (update, "2021-02-28");
  amparo_test_wait (100);
  amparo_test_until (((amparo_test_find_text (GTK_WIDGET (dialog), "that month has 28 days", TRUE)) < (0)) && (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add")));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "that month has 28 days", TRUE), <, 0);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  amparo_test_wait (100);
}

/* The update's date is typed as Spanish speakers write it: 05/12/2026 is
 * 5 December, like every other date field (a shared AmparoDateEntry,
 * with its calendar), #9. */
static void
test_update_date_in_language_form (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  AmparoDemandUpdateDialog *dialog;
  AmparoDemandUpdate *update;
  GtkWidget *row;

  rebuild_page (f, "es");
  open_demand (f, flights);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "demands.add-update", NULL));
  amparo_test_wait (250);
  amparo_test_until (((dialog = find_toplevel (AMPARO_TYPE_DEMAND_UPDATE_DIALOG)) != NULL));
  g_assert_nonnull (dialog);
  update = amparo_demand_update_dialog_get_update (dialog);
  row = amparo_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "05/12/2026");
  amparo_test_until ((g_strcmp0 (amparo_demand_update_get_update_date (update), "2026-12-05") == 0)
                     && adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_cmpstr (amparo_demand_update_get_update_date (update), ==, "2026-12-05");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_true (AMPARO_IS_DATE_ENTRY (row));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  amparo_test_wait (100);
}

static void
test_add_update_marks_met (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  g_autoptr(AmparoDemand) stored = NULL;
  AmparoDemandUpdateDialog *dialog;
  AmparoDemandUpdate *update;
  GtkWidget *row;

  open_demand (f, flights);
  amparo_test_until (((row = find_row_showing (GTK_WIDGET (f->window), amparo_demand_get_text_en (flights))) != NULL) && ((amparo_test_find_text (row, "Open", FALSE)) >= (0)));
  g_assert_nonnull (row);
  g_assert_cmpint (amparo_test_find_text (row, "Open", FALSE), >=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "demands.add-update", NULL));
  amparo_test_wait (250);
  amparo_test_until (((dialog = find_toplevel (AMPARO_TYPE_DEMAND_UPDATE_DIALOG)) != NULL));
  g_assert_nonnull (dialog);
  update = amparo_demand_update_dialog_get_update (dialog);
  amparo_demand_update_set_update_date (update, "2024-03-01");
  amparo_demand_update_set_status (update, AMPARO_DEMAND_STATUS_MET);
  amparo_demand_update_set_note_en (update, "ICE suspended removal flights.");
  amparo_demand_update_set_note_es (update, "ICE suspendió los vuelos de deportación.");
  amparo_demand_update_set_source_url (update, "https://example.org/flights");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  amparo_test_wait (250);

  stored = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                   amparo_record_get_id (AMPARO_RECORD (flights)), NULL);
  g_assert_cmpint (amparo_demand_get_status (stored), ==, AMPARO_DEMAND_STATUS_MET);
  amparo_test_until (((row = find_row_showing (GTK_WIDGET (f->window), amparo_demand_get_text_en (flights))) != NULL) && ((amparo_test_find_text (row, "Met", FALSE)) >= (0)));
  g_assert_nonnull (row);
  g_assert_cmpint (amparo_test_find_text (row, "Met", FALSE), >=, 0);
  /* The timeline shows the note in both languages, dated in words. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "ICE suspended removal flights.", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "ICE suspendió los vuelos de deportación.", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "March 1, 2024", FALSE), >=, 0);
}

static AmparoDemand *
add_duplicate (Fixture  *f,
               gint64   *release_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoDemand) duplicate = amparo_demand_new ();
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autoptr(AmparoDemandUpdate) update = amparo_demand_update_new ();
  AmparoDemand *stated[1];

  amparo_demand_set_text_en (duplicate, "End immigration detention now.");
  amparo_demand_set_text_es (duplicate, "Terminar ya con la detención de inmigrantes.");
  amparo_store_save (f->store, AMPARO_RECORD (duplicate), &error);
  g_assert_no_error (error);

  amparo_release_set_title_en (release, "A year later, detention continues");
  amparo_release_set_release_date (release, "2022-02-03");
  amparo_store_save (f->store, AMPARO_RECORD (release), &error);
  g_assert_no_error (error);
  stated[0] = duplicate;
  amparo_store_set_release_demands (f->store, release, stated, 1, &error);
  g_assert_no_error (error);
  *release_id = amparo_record_get_id (AMPARO_RECORD (release));

  amparo_demand_update_set_demand_id (update, amparo_record_get_id (AMPARO_RECORD (duplicate)));
  amparo_demand_update_set_update_date (update, "2022-06-01");
  amparo_demand_update_set_status (update, AMPARO_DEMAND_STATUS_REJECTED);
  amparo_demand_update_set_note_en (update, "DHS expanded detention.");
  amparo_store_save (f->store, AMPARO_RECORD (update), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&duplicate);
}

static gboolean
lists_release (GListModel *releases,
               gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (releases); i++)
    {
      g_autoptr(AmparoRecord) release = g_list_model_get_item (releases, i);

      if (amparo_record_get_id (release) == id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
journal_mentions (Fixture    *f,
                  const char *words)
{
  g_autoptr(GListModel) journal = amparo_store_list_journal (f->store);

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);
      const char *details = amparo_journal_entry_get_details (entry);

      if (details != NULL && strstr (details, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_merge_keeps_everything (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoDemand) detention = sample_demand (f, "Commit to ending immigration detention");
  gint64 release_id = 0;
  g_autoptr(AmparoDemand) duplicate = add_duplicate (f, &release_id);
  g_autoptr(AmparoDemand) survivor = NULL;
  g_autoptr(AmparoDemand) other = NULL;
  g_autoptr(GListModel) releases = NULL;
  g_autoptr(GListModel) updates = NULL;
  AmparoDemandMergeDialog *dialog;

  amparo_test_wait (250);
  open_demand (f, detention);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "demands.merge", NULL));
  amparo_test_wait (250);
  amparo_test_until (((dialog = find_toplevel (AMPARO_TYPE_DEMAND_MERGE_DIALOG)) != NULL));
  g_assert_nonnull (dialog);
  g_assert_true (amparo_demand_merge_dialog_select (dialog, duplicate));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  amparo_test_wait (250);

  survivor = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                     amparo_record_get_id (AMPARO_RECORD (detention)), &error);
  g_assert_no_error (error);
  other = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                  amparo_record_get_id (AMPARO_RECORD (duplicate)), &error);
  g_assert_no_error (error);

  /* Both wordings are kept. */
  g_assert_cmpstr (amparo_demand_get_text_en (survivor), ==, amparo_demand_get_text_en (detention));
  g_assert_nonnull (strstr (amparo_demand_get_notes (survivor), "End immigration detention now."));
  g_assert_nonnull (strstr (amparo_demand_get_notes (survivor), "Terminar ya con la detención de inmigrantes."));
  g_assert_true (amparo_record_is_deleted (AMPARO_RECORD (other)));
  g_assert_cmpstr (amparo_demand_get_text_en (other), ==, "End immigration detention now.");

  /* Every release link and update moved to the survivor. */
  releases = amparo_store_list_demand_releases (f->store, survivor);
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 2);
  g_assert_true (lists_release (releases, release_id));
  updates = amparo_store_list_demand_updates (f->store, survivor);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 1);

  g_assert_true (journal_mentions (f, "merged demand"));

  /* The page shows it: the merged wording in the notes, both releases. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "A year later, detention continues", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "DHS expanded detention.", FALSE), >=, 0);
  g_assert_null (find_row_showing (GTK_WIDGET (f->window), "End immigration detention now."));

  /* Undo puts the other demand back with its release and update. */
  click_undo (f);
  g_clear_object (&other);
  g_clear_object (&releases);
  g_clear_object (&updates);
  other = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                  amparo_record_get_id (AMPARO_RECORD (duplicate)), &error);
  g_assert_no_error (error);
  g_assert_false (amparo_record_is_deleted (AMPARO_RECORD (other)));
  releases = amparo_store_list_demand_releases (f->store, other);
  g_assert_true (lists_release (releases, release_id));
  updates = amparo_store_list_demand_updates (f->store, other);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 1);
  g_assert_nonnull (find_row_showing (GTK_WIDGET (f->window), "End immigration detention now."));
}

static void
test_new_save_delete_undo (Fixture       *f,
                           gconstpointer  data)
{
  const char *english = "Restore the asylum interview backlog office in Los Angeles.";
  AmparoDemandEditor *editor;
  AmparoDemand *draft;
  g_autoptr(AmparoDemand) stored = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.new", NULL));
  amparo_test_wait (250);
  editor = find_editor (GTK_WIDGET (f->page));
  gtk_text_buffer_set_text (amparo_demand_editor_get_buffer (editor, "en"), english, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.save", NULL));
  amparo_test_wait (250);

  draft = amparo_demands_page_get_draft (f->page);
  id = amparo_record_get_id (AMPARO_RECORD (draft));
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (find_row_showing (GTK_WIDGET (f->window), english));
  /* Saved without Spanish wording: the Spanish list marks it. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Demand saved", FALSE), >=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.delete", NULL));
  amparo_test_wait (250);
  amparo_test_until ((find_row_showing (GTK_WIDGET (f->window), english)) == NULL);
  g_assert_null (find_row_showing (GTK_WIDGET (f->window), english));
  stored = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND, id, NULL);
  g_assert_true (amparo_record_is_deleted (AMPARO_RECORD (stored)));

  click_undo (f);
  g_assert_nonnull (find_row_showing (GTK_WIDGET (f->window), english));

  rebuild_page (f, "es");
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Falta el español", FALSE), >=, 0);
}

static void
test_language_switch_keeps_edit (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  g_autoptr(AmparoDemand) title_42 = sample_demand (f, "Title 42");
  g_autoptr(AmparoDemand) stored = NULL;
  GtkTextBuffer *buffer;
  AmparoDemandEditor *editor;
  const char *typed = "Halt every ICE deportation flight, starting today.";

  open_demand (f, flights);
  amparo_test_until (((editor = find_editor (GTK_WIDGET (f->page))) != NULL));
  g_assert_nonnull (editor);
  buffer = amparo_demand_editor_get_buffer (editor, "en");
  gtk_text_buffer_set_text (buffer, typed, -1);
  amparo_test_wait (250);
  amparo_test_until ((amparo_test_find_text (GTK_WIDGET (f->window), "Unsaved changes", FALSE)) >= (0));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Unsaved changes", FALSE), >=, 0);

  /* Looking at another demand and coming back keeps the edit… */
  open_demand (f, title_42);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Unsaved changes", FALSE), <, 0);
  /* The list marks the demand whose edit waits unsaved. */
  g_assert_cmpint (amparo_test_find_text (find_row_showing (GTK_WIDGET (f->window),
                                                            amparo_demand_get_text_en (flights)),
                                          "Unsaved", FALSE), >=, 0);
  open_demand (f, flights);
  g_assert_cmpstr (amparo_demand_get_text_en (amparo_demands_page_get_draft (f->page)), ==, typed);

  /* …and so does a switch to Spanish in the middle of it. */
  rebuild_page (f, "es");
  g_assert_cmpstr (amparo_demand_get_text_en (amparo_demands_page_get_draft (f->page)), ==, typed);
  {
    g_autofree char *shown = NULL;
    GtkTextIter start, end;

    editor = find_editor (GTK_WIDGET (f->page));
    buffer = amparo_demand_editor_get_buffer (editor, "en");
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, typed);
  }
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Cambios sin guardar", FALSE), >=, 0);

  /* Nothing was written until Ctrl+S (section.save). */
  stored = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                   amparo_record_get_id (AMPARO_RECORD (flights)), NULL);
  g_assert_cmpstr (amparo_demand_get_text_en (stored), !=, typed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.save", NULL));
  amparo_test_wait (250);
  g_clear_object (&stored);
  stored = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                   amparo_record_get_id (AMPARO_RECORD (flights)), NULL);
  g_assert_cmpstr (amparo_demand_get_text_en (stored), ==, typed);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Cambios sin guardar", FALSE), <, 0);
}

static void
test_close_asks_to_save (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  g_autoptr(AmparoDemand) title_42 = sample_demand (f, "Title 42");
  g_autoptr(AmparoDemand) stored = NULL;
  const char *typed = "Stop every deportation flight to Haiti and Cameroon.";
  AdwMessageDialog *question;

  open_demand (f, flights);
  gtk_text_buffer_set_text (amparo_demand_editor_get_buffer (find_editor (GTK_WIDGET (f->page)), "en"),
                            typed, -1);
  /* Left behind unsaved while looking at another demand. */
  open_demand (f, title_42);

  gtk_window_close (f->window);
  amparo_test_wait (250);
  amparo_test_until ((f->window) != NULL);
  g_assert_nonnull (f->window);
  amparo_test_until (((question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL) && (g_strcmp0 (adw_message_dialog_get_heading (question), "Save Changes to Demands?") == 0));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Save Changes to Demands?");
  adw_message_dialog_response (question, "save");
  /* Saving then closing takes its time on a loaded machine: wait for the
   * window to go (up to 20 s) instead of a fixed pause. */
  for (guint i = 0; i < 200 && f->window != NULL; i++)
    amparo_test_wait (100);

  g_assert_null (f->window);
  stored = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                   amparo_record_get_id (AMPARO_RECORD (flights)), NULL);
  g_assert_cmpstr (amparo_demand_get_text_en (stored), ==, typed);
}

static void
test_close_after_undoing_edit (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  g_autoptr(AmparoDemand) title_42 = sample_demand (f, "Title 42");
  GtkTextBuffer *buffer;

  open_demand (f, flights);
  buffer = amparo_demand_editor_get_buffer (find_editor (GTK_WIDGET (f->page)), "en");
  gtk_text_buffer_set_text (buffer, "Something else entirely.", -1);
  open_demand (f, title_42);
  open_demand (f, flights);
  /* Typed back as it was: nothing left to save, so no question. */
  gtk_text_buffer_set_text (buffer, amparo_demand_get_text_en (flights), -1);
  amparo_test_wait (250);
  amparo_test_until ((amparo_test_find_text (GTK_WIDGET (f->window), "Unsaved changes", FALSE)) < (0));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->window), "Unsaved changes", FALSE), <, 0);

  gtk_window_close (f->window);
  amparo_test_wait (250);
  amparo_test_until ((f->window) == NULL);
  g_assert_null (f->window);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message under the wording, or NULL while none is shown. */
static const char *
error_shown (Fixture *f)
{
  GtkWidget *label = find_named (GTK_WIDGET (f->page), "text-error");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Saving a demand with no wording says so under the wording, keeps saying
 * it (in Spanish) across a language switch, and goes once it is written
 * (#13). */
static void
test_errors_beside_fields (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListModel) live = amparo_store_list (f->store, AMPARO_TYPE_DEMAND, AMPARO_LIST_LIVE);
  guint before = g_list_model_get_n_items (live);
  GtkTextBuffer *buffer;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.new", NULL));
  amparo_test_wait (250);
  gtk_editable_set_text (GTK_EDITABLE (amparo_test_find_widget (GTK_WIDGET (find_editor (GTK_WIDGET (f->page))),
                                                                ADW_TYPE_ENTRY_ROW)),
                         "Short title typed first");
  g_assert_null (error_shown (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.save", NULL));
  amparo_test_wait (250);
  amparo_test_until (((g_list_model_get_n_items (live)) == (before)) && (g_strcmp0 (error_shown (f), "Write the demand in English or in Spanish.") == 0));
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, before);
  g_assert_cmpstr (error_shown (f), ==, "Write the demand in English or in Spanish.");

  rebuild_page (f, "es");
  g_assert_cmpstr (error_shown (f), ==, "Escriba la exigencia en inglés o en español.");
  g_assert_cmpstr (amparo_demand_get_title_en (amparo_demands_page_get_draft (f->page)), ==,
                   "Short title typed first");

  buffer = amparo_demand_editor_get_buffer (find_editor (GTK_WIDGET (f->page)), "es");
  gtk_text_buffer_set_text (buffer, "Restablecer la oficina de entrevistas de asilo.", -1);
  amparo_test_wait (100);
  amparo_test_until (((error_shown (f)) == NULL));
  g_assert_null (error_shown (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.save", NULL));
  amparo_test_wait (250);
  amparo_test_until ((g_list_model_get_n_items (live)) == (before + 1));
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, before + 1);
}

/* Deleted, a demand goes to the Trash with an Undo toast; the app's Trash
 * dialog brings it back into the list as well (#9, #13). */
static void
test_trash_dialog_restores (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AmparoDemand) flights = sample_demand (f, "deportation flights");
  g_autoptr(AmparoDemand) stored = NULL;
  const char *english = amparo_demand_get_text_en (flights);
  AmparoTrashDialog *dialog;

  open_demand (f, flights);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "section.delete", NULL));
  amparo_test_wait (250);
  amparo_test_until (((amparo_test_find_button (GTK_WIDGET (f->window), "Undo")) != NULL) && ((find_row_showing (GTK_WIDGET (f->window), english)) == NULL));
  g_assert_nonnull (amparo_test_find_button (GTK_WIDGET (f->window), "Undo"));
  g_assert_null (find_row_showing (GTK_WIDGET (f->window), english));

  dialog = amparo_trash_dialog_new (f->window, f->store);
  gtk_window_present (GTK_WINDOW (dialog));
  amparo_test_wait (250);
  /* The dialog names it by its short title. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog),
                                          amparo_demand_get_title_en (flights) != NULL
                                          ? amparo_demand_get_title_en (flights) : english,
                                          FALSE), >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "trash.restore", "(ss)",
                                             G_OBJECT_TYPE_NAME (flights),
                                             amparo_record_get_uid (AMPARO_RECORD (flights))));
  amparo_test_wait (250);
  stored = amparo_store_get_by_id (f->store, AMPARO_TYPE_DEMAND,
                                   amparo_record_get_id (AMPARO_RECORD (flights)), NULL);
  g_assert_false (amparo_record_is_deleted (AMPARO_RECORD (stored)));
  g_assert_nonnull (find_row_showing (GTK_WIDGET (f->window), english));
  gtk_window_destroy (GTK_WINDOW (dialog));
  amparo_test_wait (100);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  amparo_language_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demands/list/english-and-spanish", test_list_english_and_spanish);
  ADD ("/demands/list/filters", test_filters);
  ADD ("/demands/list/status-and-target", test_status_and_target_filters);
  ADD ("/demands/page/releases", test_page_lists_releases);
  ADD ("/demands/page/counts-follow-links", test_counts_follow_links);
  ADD ("/demands/page/update-date-message", test_update_date_message);
  ADD ("/demands/page/release-opens-in-press", test_release_opens_in_press);
  ADD ("/demands/update/marks-met", test_add_update_marks_met);
  ADD ("/demands/update/date-in-language-form", test_update_date_in_language_form);
  ADD ("/demands/merge/keeps-everything", test_merge_keeps_everything);
  ADD ("/demands/edit/language-switch", test_language_switch_keeps_edit);
  ADD ("/demands/edit/new-save-delete-undo", test_new_save_delete_undo);
  ADD ("/demands/edit/close-asks-to-save", test_close_asks_to_save);
  ADD ("/demands/edit/close-after-undoing-edit", test_close_after_undoing_edit);
  ADD ("/demands/edit/errors-beside-fields", test_errors_beside_fields);
  ADD ("/demands/edit/trash-dialog-restores", test_trash_dialog_restores);
#undef ADD

  return g_test_run ();
}
