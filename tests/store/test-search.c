/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "amparo-query-model.h"
#include "amparo-search.h"
#include "amparo-store.h"
#include "amparo-test-store.h"

/* Search-as-you-type over persons, on a real store in a temp dir: what
 * staff type into the search box and whom they expect to see. */

typedef AmparoTestStoreFixture Fixture;

static AmparoPerson *
add_person (Fixture    *fixture,
            const char *given,
            const char *family,
            const char *a_number)
{
  g_autoptr(GError) error = NULL;
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_a_number (person, a_number);
  amparo_store_save (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);

  return person;
}

static AmparoLocation *
add_location (Fixture      *fixture,
              AmparoPerson *person,
              const char   *facility,
              const char   *city)
{
  g_autoptr(GError) error = NULL;
  AmparoLocation *location = amparo_location_new ();

  amparo_location_set_person_id (location, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_location_set_kind (location, AMPARO_LOCATION_KIND_ORR_SHELTER);
  amparo_location_set_facility (location, facility);
  amparo_location_set_city (location, city);
  amparo_location_set_since (location, "2018-06-01");
  amparo_store_save (fixture->store, AMPARO_RECORD (location), &error);
  g_assert_no_error (error);

  return location;
}

static GArray *
search (Fixture    *fixture,
        const char *text,
        guint      *n_matches)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = amparo_search_persons (fixture->store, text, 100, n_matches, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static gboolean
finds (Fixture      *fixture,
       const char   *text,
       AmparoPerson *person)
{
  g_autoptr(GArray) ids = search (fixture, text, NULL);
  gint64 id = amparo_record_get_id (AMPARO_RECORD (person));

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_search_diacritics_both_ways (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AmparoPerson) accented = add_person (fixture, "José", "Núñez López", NULL);
  g_autoptr(AmparoPerson) plain = add_person (fixture, "Jose", "Nunez", NULL);
  g_autoptr(AmparoPerson) other = add_person (fixture, "Ana", "Pérez", NULL);

  g_assert_true (finds (fixture, "jose nunez", accented));
  g_assert_true (finds (fixture, "jose nunez", plain));
  g_assert_true (finds (fixture, "José Núñez", plain));
  g_assert_true (finds (fixture, "Nuñez", accented));
  g_assert_true (finds (fixture, "perez", other));
  g_assert_false (finds (fixture, "jose nunez", other));
}

static void
test_search_case (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture, "María Fernanda", "de la Cruz", NULL);

  g_assert_true (finds (fixture, "MARÍA", person));
  g_assert_true (finds (fixture, "maria fernanda DE LA CRUZ", person));
  g_assert_true (finds (fixture, "mArIa", person));
}

static void
test_search_prefix_as_you_type (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AmparoPerson) maria = add_person (fixture, "María", "Gómez", NULL);
  g_autoptr(AmparoPerson) maricela = add_person (fixture, "Maricela", "Ortiz", NULL);
  g_autoptr(AmparoPerson) mario = add_person (fixture, "Mario", "Tzul", NULL);
  g_autoptr(AmparoPerson) ana = add_person (fixture, "Ana", "Martínez", NULL);
  g_autoptr(AmparoPerson) rosa = add_person (fixture, "Rosa", "Díaz", NULL);
  g_autoptr(GArray) ids = NULL;
  guint n_matches = 0;

  /* Each keystroke narrows the list */
  ids = search (fixture, "m", &n_matches);
  g_assert_cmpuint (n_matches, ==, 4);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (fixture, "mar", &n_matches);
  g_assert_cmpuint (n_matches, ==, 4);   /* María, Maricela, Mario, Martínez */
  g_assert_true (finds (fixture, "mari", maria));
  g_assert_true (finds (fixture, "mari", maricela));
  g_assert_true (finds (fixture, "mari", mario));
  g_assert_false (finds (fixture, "mari", ana));
  g_assert_true (finds (fixture, "maric", maricela));
  g_assert_false (finds (fixture, "maric", maria));
  g_assert_false (finds (fixture, "m", rosa));
}

static void
test_search_multiword_and (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AmparoPerson) nunez = add_person (fixture, "José", "Núñez", NULL);
  g_autoptr(AmparoPerson) lopez = add_person (fixture, "José", "López", NULL);
  g_autoptr(AmparoPerson) ana = add_person (fixture, "Ana", "López", NULL);

  g_assert_true (finds (fixture, "jose lopez", lopez));
  g_assert_false (finds (fixture, "jose lopez", nunez));
  g_assert_false (finds (fixture, "jose lopez", ana));
  /* Word order does not matter, and every word is a prefix */
  g_assert_true (finds (fixture, "lop jo", lopez));
}

static void
test_search_results_order_and_count (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *families[] = { "Zepeda", "Alvarado", "Mejía", "Barrios" };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n_matches = 0;

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    g_object_unref (add_person (fixture, "Rosa", families[i], NULL));

  ids = amparo_search_persons (fixture->store, "rosa", 3, &n_matches, &error);
  g_assert_no_error (error);
  /* All are counted, only the first page is returned, in list order */
  g_assert_cmpuint (n_matches, ==, 4);
  g_assert_cmpuint (ids->len, ==, 3);
  {
    g_autoptr(AmparoPerson) first = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_PERSON,
                                                            g_array_index (ids, gint64, 0), &error);
    g_autoptr(AmparoPerson) second = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_PERSON,
                                                             g_array_index (ids, gint64, 1), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (amparo_person_get_family_names (first), ==, "Alvarado");
    g_assert_cmpstr (amparo_person_get_family_names (second), ==, "Barrios");
  }
}

static void
test_search_a_number (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture, "Wilmer", "Orellana", "A-201-555-123");
  g_autoptr(AmparoPerson) old_number = add_person (fixture, "Nery", "Funes", "A12345678");
  g_autoptr(AmparoPerson) other = add_person (fixture, "Elmer", "Cerna", "209-111-222");

  g_assert_true (finds (fixture, "201555123", person));
  g_assert_true (finds (fixture, "A201555123", person));
  g_assert_true (finds (fixture, "A-201-555-123", person));
  g_assert_true (finds (fixture, "a 201 555 123", person));
  /* Typing the number narrows it down digit by digit */
  g_assert_true (finds (fixture, "A-201", person));
  g_assert_true (finds (fixture, "2015", person));
  g_assert_false (finds (fixture, "2015", other));
  g_assert_true (finds (fixture, "20", other));
  g_assert_false (finds (fixture, "A-209-5", person));
  /* An eight-digit A-number is typed without the zero it is stored with */
  g_assert_true (finds (fixture, "A12345678", old_number));
  g_assert_true (finds (fixture, "A-123-45", old_number));
  g_assert_true (finds (fixture, "012345678", old_number));
}

static void
test_search_facility_and_city (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AmparoPerson) child = add_person (fixture, "Yoselin", "Ixcot", NULL);
  g_autoptr(AmparoPerson) other = add_person (fixture, "Ana", "Batz", NULL);
  g_autoptr(AmparoLocation) location = add_location (fixture, child, "Casa Padre", "Brownsville");
  g_autoptr(GError) error = NULL;

  g_assert_true (finds (fixture, "casa padre", child));
  g_assert_true (finds (fixture, "brownsville", child));
  g_assert_true (finds (fixture, "yoselin brown", child));
  g_assert_false (finds (fixture, "brownsville", other));

  /* A move is searchable at once, and the old place no longer finds her
   * when that location is trashed */
  g_object_unref (add_location (fixture, child, "BCFS Harlingen", "Harlingen"));
  g_assert_true (finds (fixture, "harlingen", child));
  g_assert_true (finds (fixture, "brownsville", child));
  amparo_store_delete (fixture->store, AMPARO_RECORD (location), &error);
  g_assert_no_error (error);
  g_assert_false (finds (fixture, "brownsville", child));
  g_assert_true (finds (fixture, "harlingen", child));
}

static void
test_search_skips_trashed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture, "Génesis", "Portillo", "A-202-000-111");
  g_autoptr(GError) error = NULL;

  g_assert_true (finds (fixture, "genesis", person));
  amparo_store_delete (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  g_assert_false (finds (fixture, "genesis", person));
  g_assert_false (finds (fixture, "202000111", person));

  amparo_store_restore (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  g_assert_true (finds (fixture, "genesis portillo", person));
}

static void
test_search_update_reindexes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture, "Pedro", "Ramos", NULL);
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (person, "Santiago");
  amparo_person_set_aliases (person, "Chago Ramos\nSantos R.");
  amparo_store_save (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);

  g_assert_false (finds (fixture, "pedro", person));
  g_assert_true (finds (fixture, "santiago ramos", person));
  /* Aliases are searched too */
  g_assert_true (finds (fixture, "chago", person));
  g_assert_true (finds (fixture, "santos", person));
}

static void
test_search_hostile_input (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const inputs[] = {
    "", " ", "\"", "\"\"", "*", "**", "NEAR(", "NEAR(a b", "-", "--", "a\"b", "(", ")",
    "AND", "OR", "NOT", "jose OR", "^", ":", "names:jose", "{names}", "'", "a*b", "+",
    "\\", "%", "_", "x\ty", "\xc3", "e\xcc\x81", "🙂", "A-", "A", "José\"; DROP TABLE persons; --",
  };
  g_autoptr(AmparoPerson) person = add_person (fixture, "Olvin", "Cabrera", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GArray) ids = search (fixture, inputs[i], NULL);

      g_assert_nonnull (ids);
    }

  /* Nothing typed finds nobody, and the store still works */
  {
    guint n_matches = 1;
    g_autoptr(GArray) ids = search (fixture, "", &n_matches);

    g_assert_cmpuint (ids->len, ==, 0);
    g_assert_cmpuint (n_matches, ==, 0);
  }
  g_assert_true (finds (fixture, "\"olvin\"", person));
  g_assert_true (finds (fixture, "cabrera*", person));
  g_assert_true (finds (fixture, "-olvin", person));
  g_assert_null (amparo_search_build_match ("\"*()"));
}

static void
test_search_filter_for_lists (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AmparoPerson) jose = add_person (fixture, "José", "Núñez", NULL);
  g_autoptr(AmparoPerson) ana = add_person (fixture, "Ana", "Núñez", NULL);
  g_autofree char *match = amparo_search_build_match ("jose nun");
  const char *params[] = { match, NULL };
  g_autoptr(AmparoQueryModel) model = NULL;
  g_autoptr(AmparoPerson) item = NULL;

  g_assert_cmpstr (match, ==, "\"jose\"* AND \"nun\"*");

  /* The lazy person list filters with the same index */
  model = amparo_query_model_new (fixture->store, AMPARO_TYPE_PERSON,
                                  "deleted_at IS NULL AND " AMPARO_SEARCH_PERSONS_FILTER_SQL,
                                  params, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (item)), ==,
                   amparo_record_get_id (AMPARO_RECORD (jose)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/search/" path, Fixture, NULL, amparo_test_store_fixture_set_up, func, amparo_test_store_fixture_tear_down)

  ADD ("diacritics-both-ways", test_search_diacritics_both_ways);
  ADD ("case", test_search_case);
  ADD ("prefix-as-you-type", test_search_prefix_as_you_type);
  ADD ("multiword-and", test_search_multiword_and);
  ADD ("order-and-count", test_search_results_order_and_count);
  ADD ("a-number", test_search_a_number);
  ADD ("facility-and-city", test_search_facility_and_city);
  ADD ("skips-trashed", test_search_skips_trashed);
  ADD ("update-reindexes", test_search_update_reindexes);
  ADD ("hostile-input", test_search_hostile_input);
  ADD ("filter-for-lists", test_search_filter_for_lists);

#undef ADD

  return g_test_run ();
}
