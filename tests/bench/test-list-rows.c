/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "amparo-bench-data.h"
#include "amparo-client-row.h"
#include "amparo-clients-page.h"
#include "amparo-event.h"
#include "amparo-location.h"
#include "amparo-person-list-model.h"
#include "amparo-relationship.h"
#include "amparo-search.h"
#include "amparo-store-private.h"
#include "amparo-store-trace.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window-state.h"

/* The client list at work, in a real window over a real store: what a
 * rebuild costs in statements at two store sizes, that a search counts
 * right and sorts as a Spanish speaker expects, and that a row follows
 * what is added on the client page (places, hearings, family). */

typedef struct
{
  char *dir;
  AmparoStore *store;
  AmparoWindowState *state;
  GtkWindow *window;
} Fixture;

static void
open_page (Fixture *fixture)
{
  GtkWidget *page;

  fixture->state = amparo_window_state_new ();
  page = g_object_new (AMPARO_TYPE_CLIENTS_PAGE, "store", fixture->store, "state", fixture->state, NULL);
  fixture->window = amparo_test_present_page (page);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->state);
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
generate (Fixture *fixture,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  AmparoBenchCounts counts;

  g_assert_true (amparo_bench_generate_persons (fixture->store, n, 11, &counts, &error));
  g_assert_no_error (error);
}

static AmparoPerson *
add_person (AmparoStore *store,
            const char  *given,
            const char  *family)
{
  AmparoPerson *person = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  return person;
}

static void
save (AmparoStore *store,
      gpointer     record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_save (store, AMPARO_RECORD (record), &error));
  g_assert_no_error (error);
}

static gboolean
shows (Fixture    *fixture,
       const char *text)
{
  return amparo_test_find_text (GTK_WIDGET (fixture->window), text, TRUE) >= 0;
}

static void
search (Fixture    *fixture,
        const char *text)
{
  amparo_window_state_set_search_text (fixture->state, text);
  amparo_test_wait (300);
}

/* Statements a search and a clearing of it cost, with a screen of rows. */
static guint
statements_of_rebuilds (Fixture *fixture)
{
  g_autoptr(GPtrArray) taken = NULL;

  g_ptr_array_unref (amparo_store_trace_take ());
  search (fixture, "mar");
  search (fixture, "");
  taken = amparo_store_trace_take ();
  for (guint i = 0; i < taken->len; i++)
    g_test_message ("rebuild: %.160s", (char *) taken->pdata[i]);
  return taken->len;
}

static void
test_rebuild_statements (Fixture       *fixture,
                         gconstpointer  data)
{
  guint small, large;

  amparo_store_trace_enable ();
  g_clear_object (&fixture->store);
  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
  generate (fixture, 600);
  open_page (fixture);
  small = statements_of_rebuilds (fixture);

  generate (fixture, 6000);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->state);
  open_page (fixture);
  large = statements_of_rebuilds (fixture);

  g_test_message ("statements for two rebuilds: %u at 600 persons, %u at 6,600", small, large);
  /* A count (or the search's hit list) and a page or two each, rows
   * included: never a statement per row. */
  g_assert_cmpuint (large, <=, 12);
  g_assert_cmpuint (large, <=, small + 2);
}

static guint
shown_count (Fixture *fixture)
{
  g_autoptr(GPtrArray) texts = amparo_test_visible_texts (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = texts->pdata[i];
      char *end = NULL;
      guint64 n = g_ascii_strtoull (text, &end, 10);

      if (end != text && (g_str_equal (end, " people") || g_str_equal (end, " person")))
        return (guint) n;
    }
  g_assert_not_reached ();
}

static gint64
count_in_sql (Fixture    *fixture,
              const char *text)
{
  g_autofree char *match = amparo_search_build_match (text);
  const char *params[] = { match, NULL };

  return amparo_store_count_where (fixture->store, AMPARO_TYPE_PERSON,
                                   "deleted_at IS NULL AND " AMPARO_SEARCH_PERSONS_FILTER_SQL,
                                   params, NULL);
}

/* The live persons, counted row by row. */
static gint64
live_in_sql (Fixture *fixture)
{
  return amparo_store_count_where (fixture->store, AMPARO_TYPE_PERSON, "deleted_at IS NULL AND 1 = 1", NULL, NULL);
}

static void
test_filtered_count (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoPerson) trashed = NULL;
  g_autoptr(GError) error = NULL;

  generate (fixture, 3000);
  trashed = add_person (fixture->store, "Marisol", "Trash");
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (trashed), &error));
  open_page (fixture);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const words[] = { "m", "mar", "jose nunez", "zzzz" };

      search (fixture, words[i]);
      g_test_message ("\"%s\": %u shown", words[i], shown_count (fixture));
      g_assert_cmpint (shown_count (fixture), ==, count_in_sql (fixture, words[i]));
    }
  /* A person added while searching counts at once. */
  search (fixture, "mar");
  {
    guint before = shown_count (fixture);
    g_autoptr(AmparoPerson) added = add_person (fixture->store, "Maricruz", "Added");

    amparo_test_wait (200);
    g_assert_cmpuint (shown_count (fixture), ==, before + 1);
  }
}

/* A search reads its hits, not the length of the whole table: SQLite's
 * count(*) walks every page of it (35 ms at a million persons), and the
 * search only asks whether its hits are rare, which the largest id
 * bounds. */
static void
test_search_counts_no_table (Fixture       *fixture,
                             gconstpointer  data)
{
  amparo_store_trace_enable ();
  g_clear_object (&fixture->store);
  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
  generate (fixture, 3000);
  open_page (fixture);

  for (guint i = 0; i < 2; i++)
    {
      static const char * const words[] = { "mar", "jose nunez" };
      g_autoptr(GPtrArray) taken = NULL;

      g_ptr_array_unref (amparo_store_trace_take ());
      search (fixture, words[i]);
      taken = amparo_store_trace_take ();
      g_assert_cmpuint (taken->len, >, 0);
      for (guint j = 0; j < taken->len; j++)
        {
          g_test_message ("\"%s\": %.160s", words[i], (char *) taken->pdata[j]);
          g_assert_null (strstr (taken->pdata[j], "count(*) FROM persons)"));
        }
      g_assert_cmpint (shown_count (fixture), ==, count_in_sql (fixture, words[i]));
    }
}

/* The whole list's length is not a count of the table either: SQLite's
 * count(*) walks a whole index, at every start and after every save;
 * the triggers of migration 0027 keep the number. It stays the table's
 * through an intake and a move to the Trash. */
static void
test_length_counts_no_table (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) taken = NULL;
  g_autoptr(AmparoPerson) trashed = NULL;
  g_autoptr(GError) error = NULL;

  amparo_store_trace_enable ();
  g_clear_object (&fixture->store);
  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
  generate (fixture, 3000);
  g_ptr_array_unref (amparo_store_trace_take ());
  open_page (fixture);
  taken = amparo_store_trace_take ();
  g_assert_cmpuint (taken->len, >, 0);
  for (guint j = 0; j < taken->len; j++)
    g_assert_null (strstr (taken->pdata[j], "count(*) FROM persons)"));
  g_assert_cmpint (shown_count (fixture), ==, live_in_sql (fixture));

  g_object_unref (add_person (fixture->store, "Yesenia", "Coj"));
  trashed = add_person (fixture->store, "Marisol", "Trash");
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (trashed), &error));
  g_assert_no_error (error);
  g_assert_true (amparo_test_until (shown_count (fixture) == live_in_sql (fixture)));
  g_assert_cmpint (shown_count (fixture), ==, 3001);
}

/* Reads the list model in order: its family names. */
static GPtrArray *
list_names (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (amparo_test_client_list_model (GTK_WIDGET (fixture->window)));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AmparoPerson) person = g_list_model_get_item (model, i);

      g_ptr_array_add (names, g_strdup (amparo_person_get_family_names (person)));
    }
  return names;
}

static void
test_spanish_order (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const typed[] = { "Zepeda", "Núñez", "álvarez", "Nunez", "Alvarado", "Ñañez", "Nava" };
  /* Accents do not count, but ñ is a letter after n. */
  static const char * const expected[] = { "Alvarado", "álvarez", "Nava", "Nunez", "Núñez", "Ñañez", "Zepeda" };
  g_autoptr(GPtrArray) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_object_unref (add_person (fixture->store, "Ana", typed[i]));
  open_page (fixture);

  names = list_names (fixture);
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, expected[i]);
}

/* The row shows what the client page adds: the place, the hearing, the
 * separated family — through the list's own model, wherever it is. */
static void
test_row_follows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AmparoPerson) rosa = add_person (fixture->store, "Rosa", "Tum");
  g_autoptr(AmparoPerson) mother = add_person (fixture->store, "Juana", "Tum");
  g_autoptr(AmparoLocation) place = amparo_location_new ();
  g_autoptr(AmparoEvent) hearing = amparo_event_new ();
  g_autoptr(AmparoRelationship) link = amparo_relationship_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *starts_at = g_date_time_format (later, "%Y-%m-%dT09:00");

  open_page (fixture);
  g_assert_true (shows (fixture, "Whereabouts unknown"));
  g_assert_true (shows (fixture, "No hearing scheduled"));

  amparo_location_set_person_id (place, amparo_record_get_id (AMPARO_RECORD (rosa)));
  amparo_location_set_kind (place, AMPARO_LOCATION_KIND_ORR_SHELTER);
  amparo_location_set_facility (place, "Casa Libre");
  amparo_location_set_city (place, "Los Angeles");
  save (fixture->store, place);
  amparo_test_wait (200);
  g_assert_true (shows (fixture, "Casa Libre, Los Angeles"));

  amparo_event_set_person_id (hearing, amparo_record_get_id (AMPARO_RECORD (rosa)));
  amparo_event_set_kind (hearing, AMPARO_EVENT_KIND_HEARING);
  amparo_event_set_starts_at (hearing, starts_at);
  save (fixture->store, hearing);
  amparo_test_wait (200);
  g_assert_true (shows (fixture, "Next hearing:"));

  amparo_relationship_set_person_id (link, amparo_record_get_id (AMPARO_RECORD (rosa)));
  amparo_relationship_set_relative_id (link, amparo_record_get_id (AMPARO_RECORD (mother)));
  amparo_relationship_set_kind (link, AMPARO_RELATIONSHIP_KIND_PARENT);
  amparo_relationship_set_separated (link, TRUE);
  save (fixture->store, link);
  amparo_test_wait (200);
  /* Both rows: the badge is the family's. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (fixture->window), "Separated", FALSE), >=, 0);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (AMPARO_IS_CLIENT_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The client rows the list holds now. */
static GPtrArray *
list_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->window), rows);
  return rows;
}

/* list2 (#14): typing swaps the result under one model, so the list view
 * keeps its row widgets (binding them to the new persons) instead of
 * building every row again; and the count is right after each key. */
static void
test_rows_reused (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const typed[] = { "m", "ma", "mar", "jose nunez", "", "zzzz", "mar" };
  GListModel *model;
  GObject *inner;

  generate (fixture, 3000);
  open_page (fixture);
  model = G_LIST_MODEL (amparo_test_client_list_model (GTK_WIDGET (fixture->window)));
  inner = G_OBJECT (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) before = list_rows (fixture);
      g_autoptr(GPtrArray) after = NULL;
      GWeakRef *kept = g_new0 (GWeakRef, MAX (before->len, 1));
      guint reused = 0;
      guint expected = typed[i][0] != '\0'
        ? (guint) count_in_sql (fixture, typed[i])
        : (guint) amparo_store_count_where (fixture->store, AMPARO_TYPE_PERSON, "deleted_at IS NULL", NULL, NULL);

      for (guint j = 0; j < before->len; j++)
        g_weak_ref_init (&kept[j], before->pdata[j]);
      search (fixture, typed[i]);

      g_assert_true (G_LIST_MODEL (amparo_test_client_list_model (GTK_WIDGET (fixture->window))) == model);
      g_assert_true (G_OBJECT (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))) == inner);
      g_assert_cmpuint (shown_count (fixture), ==, expected);

      after = list_rows (fixture);
      for (guint j = 0; j < before->len; j++)
        {
          g_autoptr(GObject) row = g_weak_ref_get (&kept[j]);

          if (row != NULL && g_ptr_array_find (after, row, NULL))
            reused++;
          g_weak_ref_clear (&kept[j]);
        }
      g_free (kept);
      g_test_message ("\"%s\": %u shown, %u rows before, %u after, %u of them reused",
                      typed[i], expected, before->len, after->len, reused);
      /* Every row still needed is one of the old widgets, but for one:
       * the view's first row, which it keeps for the focus, goes with
       * the old result (see amparo_person_list_model_begin_swap()). */
      g_assert_cmpuint (reused + 1, >=, MIN (before->len, after->len));
    }
}

/* The row's badge box, or NULL. */
static GtkWidget *
find_flow_box (GtkWidget *widget)
{
  if (GTK_IS_FLOW_BOX (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_flow_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* list2 (#14): a row makes its badges only when it has one. */
static void
test_badges_on_demand (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoPerson) plain = add_person (fixture->store, "Ana", "Llana");
  g_autoptr(AmparoPerson) minor = add_person (fixture->store, "Beto", "Menor");
  g_autoptr(GPtrArray) rows = NULL;
  guint checked = 0;

  amparo_person_set_unaccompanied_minor (minor, TRUE);
  save (fixture->store, minor);
  open_page (fixture);
  rows = list_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *box = find_flow_box (rows->pdata[i]);
      /* The row's first child is the name. */
      GtkWidget *name = gtk_widget_get_first_child (rows->pdata[i]);
      gboolean is_minor = strstr (gtk_label_get_text (GTK_LABEL (name)), "Menor") != NULL;

      g_test_message ("%s: %u badges", gtk_label_get_text (GTK_LABEL (name)), count_children (box));

      g_assert_nonnull (box);
      if (is_minor)
        {
          g_assert_cmpuint (count_children (box), ==, 1);
          g_assert_true (gtk_widget_get_visible (box));
        }
      else
        {
          g_assert_cmpuint (count_children (box), ==, 0);
          g_assert_false (gtk_widget_get_visible (box));
        }
      checked++;
    }
  g_assert_cmpuint (checked, ==, 2);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (fixture->window), "Unaccompanied minor", FALSE), >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;

  g_test_add ("/perf/list/rebuild-statements", Fixture, NULL, fixture_set_up, test_rebuild_statements, fixture_tear_down);
  g_test_add ("/perf/list/filtered-count", Fixture, NULL, fixture_set_up, test_filtered_count, fixture_tear_down);
  g_test_add ("/perf/list/search-counts-no-table", Fixture, NULL, fixture_set_up, test_search_counts_no_table, fixture_tear_down);
  g_test_add ("/perf/list/length-counts-no-table", Fixture, NULL, fixture_set_up, test_length_counts_no_table, fixture_tear_down);
  g_test_add ("/perf/list/spanish-order", Fixture, NULL, fixture_set_up, test_spanish_order, fixture_tear_down);
  g_test_add ("/perf/list/row-follows-sub-records", Fixture, NULL, fixture_set_up, test_row_follows, fixture_tear_down);
  g_test_add ("/perf/list/rows-reused", Fixture, NULL, fixture_set_up, test_rows_reused, fixture_tear_down);
  g_test_add ("/perf/list/badges-on-demand", Fixture, NULL, fixture_set_up, test_badges_on_demand, fixture_tear_down);
  return g_test_run ();
}
