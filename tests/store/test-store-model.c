/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-query-model.h"
#include "store-test-util.h"

#define N_PERSONS 3000

static void
add_many (AmparoStore *store,
          guint        n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_begin (store, &error));
  /* Inserted in reverse so list order is the sort's doing, not the ids'. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(AmparoPerson) person = amparo_person_new ();
      g_autofree char *family = g_strdup_printf ("Apellido %05u", i - 1);

      g_object_set (person, "given-names", "Nombre", "family-names", family, NULL);
      g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
    }
  g_assert_true (amparo_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
assert_family (GListModel *model,
               guint       position,
               guint       expected)
{
  g_autoptr(AmparoPerson) person = g_list_model_get_item (model, position);
  g_autofree char *family = g_strdup_printf ("Apellido %05u", expected);

  g_assert_nonnull (person);
  g_assert_cmpstr (amparo_person_get_family_names (person), ==, family);
}

/* The client list opens knowing its length without reading the rows; a
 * jump to the far end reads one page, and memory stays bounded however
 * far one scrolls. */
static void
test_lazy_paging (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  AmparoQueryModel *query;

  add_many (fixture->store, N_PERSONS);
  model = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
  query = AMPARO_QUERY_MODEL (model);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PERSONS);
  g_assert_true (g_list_model_get_item_type (model) == AMPARO_TYPE_PERSON);
  g_assert_cmpuint (amparo_query_model_get_n_cached (query), ==, 0);
  g_assert_cmpuint (amparo_query_model_get_n_reads (query), ==, 0);

  assert_family (model, 2873, 2873);
  g_assert_cmpuint (amparo_query_model_get_n_reads (query), ==, 1);
  g_assert_cmpuint (amparo_query_model_get_n_cached (query), <=, 200);
  g_assert_null (g_list_model_get_item (model, N_PERSONS));

  /* Scrolling through everything, in order, with bounded memory. */
  for (guint i = 0; i < N_PERSONS; i++)
    {
      assert_family (model, i, i);
      g_assert_cmpuint (amparo_query_model_get_n_cached (query), <=, 8 * 200);
    }
  g_assert_cmpuint (amparo_query_model_get_n_reads (query), <=, N_PERSONS / 200 + 2);

  /* Sorted newest change first works the same way. */
  g_clear_object (&model);
  model = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_UPDATED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PERSONS);
  assert_family (model, N_PERSONS - 1, N_PERSONS - 1);
  assert_family (model, 0, 0);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed_range_cb (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
}

/* Saving, deleting and restoring show up in open lists at once. */
static void
test_refresh_on_change (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(AmparoPerson) person = NULL;
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autoptr(GError) error = NULL;
  Change last_change = { 0 };
  guint count = 0;

  add_many (fixture->store, 10);
  model = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
  /* A list announces changes once it has been looked at (counted). */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &count);

  person = store_test_add_person (fixture->store, "Aa", "Aaa", NULL);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  {
    g_autoptr(AmparoPerson) first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (amparo_person_get_family_names (first), ==, "Aaa");
  }

  /* Another kind changing leaves the list alone. */
  amparo_release_set_title_en (release, "News");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
  g_assert_cmpuint (count, ==, 1);

  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);

  /* Editing a client announces only that row, and the list keeps the
   * very object a selection or an editor holds, with the new values. */
  {
    g_autoptr(AmparoPerson) shown = g_list_model_get_item (model, 5);
    g_autoptr(AmparoPerson) edited = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_PERSON,
                                                             amparo_record_get_id (AMPARO_RECORD (shown)), &error);
    g_autoptr(AmparoPerson) after = NULL;

    g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_range_cb), &last_change);
    amparo_person_set_notes (edited, "Audiencia reprogramada");
    g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (edited), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count, ==, 3);
    g_assert_cmpuint (last_change.position, ==, 5);
    g_assert_cmpuint (last_change.removed, ==, 1);
    g_assert_cmpuint (last_change.added, ==, 1);
    after = g_list_model_get_item (model, 5);
    g_assert_true (after == shown);
    g_assert_cmpstr (amparo_person_get_notes (shown), ==, "Audiencia reprogramada");
  }

  /* A rename that moves the client to the end of the list reorders it. */
  {
    g_autoptr(AmparoPerson) moving = g_list_model_get_item (model, 0);
    g_autoptr(AmparoPerson) last = NULL;
    guint n = g_list_model_get_n_items (model);

    amparo_person_set_family_names (moving, "Zúñiga Zamora");
    g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (moving), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
    last = g_list_model_get_item (model, n - 1);
    g_assert_cmpstr (amparo_person_get_family_names (last), ==, "Zúñiga Zamora");
    assert_family (model, 0, 1);
  }
}

/* The Agenda lists what is coming, in date order, without done items,
 * past items, or clients in the Trash. */
static void
test_agenda (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(AmparoPerson) jose = store_test_add_person (fixture->store, "José", "Núñez", "1995-01-01");
  g_autoptr(AmparoPerson) gone = store_test_add_person (fixture->store, "Ana", "Borrada", "1995-01-01");
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GError) error = NULL;
  struct { AmparoPerson *person; int days; gboolean done; const char *title; } events[] = {
    { jose, 9, FALSE, "Bond hearing" },
    { jose, 2, FALSE, "Filing deadline" },
    { jose, 4, TRUE, "Done already" },
    { jose, -3, FALSE, "In the past" },
    { jose, 60, FALSE, "Too far" },
    { gone, 3, FALSE, "Client in Trash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(AmparoEvent) event = amparo_event_new ();
      g_autofree char *when = store_test_days_from_today (events[i].days);
      g_autofree char *at = g_strconcat (when, "T09:00", NULL);

      g_object_set (event, "person-id", amparo_record_get_id (AMPARO_RECORD (events[i].person)),
                    "starts-at", at, "done", events[i].done, "title", events[i].title, NULL);
      g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
      g_assert_no_error (error);
    }
  agenda = amparo_store_list_upcoming_events (fixture->store, NULL, 30);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 3);

  /* Moving a client to the Trash takes their hearings off the open Agenda. */
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (gone), &error));
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 2);
  {
    g_autoptr(AmparoEvent) first = g_list_model_get_item (agenda, 0);
    g_autoptr(AmparoEvent) second = g_list_model_get_item (agenda, 1);
    g_assert_cmpstr (amparo_event_get_title (first), ==, "Filing deadline");
    g_assert_cmpstr (amparo_event_get_title (second), ==, "Bond hearing");
  }
}

/* Locations come newest first; the current one is the open-ended one. */
static void
test_locations_newest_first (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(AmparoPerson) boy = store_test_add_person (fixture->store, "Brayan", "Mejía", "2012-01-01");
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(AmparoLocation) current = NULL;
  g_autoptr(GError) error = NULL;
  struct { AmparoLocationKind kind; const char *since; const char *until; } places[] = {
    { AMPARO_LOCATION_KIND_SHELTER_MEXICO, "2023-01-01", "2023-09-01" },
    { AMPARO_LOCATION_KIND_SPONSOR_HOME, "2023-10-15", NULL },
    { AMPARO_LOCATION_KIND_ORR_SHELTER, "2023-09-02", "2023-10-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(AmparoLocation) location = amparo_location_new ();

      g_object_set (location, "person-id", amparo_record_get_id (AMPARO_RECORD (boy)),
                    "kind", places[i].kind, "since", places[i].since, "until", places[i].until, NULL);
      g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (location), &error));
      g_assert_no_error (error);
    }

  locations = amparo_store_list_locations (fixture->store, boy);
  g_assert_cmpuint (g_list_model_get_n_items (locations), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      static const AmparoLocationKind order[] = {
        AMPARO_LOCATION_KIND_SPONSOR_HOME, AMPARO_LOCATION_KIND_ORR_SHELTER,
        AMPARO_LOCATION_KIND_SHELTER_MEXICO,
      };
      g_autoptr(AmparoLocation) location = g_list_model_get_item (locations, i);
      g_assert_cmpint (amparo_location_get_kind (location), ==, order[i]);
    }
  current = amparo_store_get_current_location (fixture->store, boy);
  g_assert_cmpint (amparo_location_get_kind (current), ==, AMPARO_LOCATION_KIND_SPONSOR_HOME);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/model/lazy-paging", test_lazy_paging);
  STORE_TEST ("/store/model/refresh-on-change", test_refresh_on_change);
  STORE_TEST ("/store/model/agenda", test_agenda);
  STORE_TEST ("/store/model/locations-newest-first", test_locations_newest_first);

  return g_test_run ();
}
