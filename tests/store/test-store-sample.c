/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-sample-data.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "store-test-util.h"

static AmparoPerson *
find_person (AmparoStore *store,
             const char  *given,
             const char  *family)
{
  g_autoptr(GListModel) persons = amparo_store_list_persons (store, AMPARO_LIST_LIVE,
                                                             AMPARO_PERSON_SORT_FAMILY_NAMES);

  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr(AmparoPerson) person = g_list_model_get_item (persons, i);

      if (g_strcmp0 (amparo_person_get_given_names (person), given) == 0 &&
          g_strcmp0 (amparo_person_get_family_names (person), family) == 0)
        return g_steal_pointer (&person);
    }
  return NULL;
}

/* The first-run sample shows every part of the app with content: the
 * seed texts' cases, statements and demands in both languages, and
 * fictitious families with hearings coming up. */
static void
test_sample_content (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) releases = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(AmparoPerson) jose = NULL;
  g_autoptr(AmparoPerson) joselyn = NULL;
  g_autoptr(AmparoPerson) wilmer = NULL;
  g_autoptr(AmparoPerson) dalia = NULL;
  g_autoptr(AmparoOrganization) organization = NULL;
  g_autofree char *report = NULL;
  gint64 n_persons;
  gboolean loaded = amparo_sample_data_load (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_true (loaded);

  n_persons = amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);
  g_assert_cmpint (n_persons, >=, 10);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_LITIGATION, AMPARO_LIST_LIVE), ==, 2);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_DEMAND, AMPARO_LIST_LIVE), ==, 5);

  organization = amparo_store_get_organization (fixture->store, &error);
  g_assert_nonnull (amparo_organization_get_about_en (organization));
  g_assert_nonnull (amparo_organization_get_about_es (organization));

  /* Newest release first: the Ms. L settlement, then the 2021 statement
   * with its five demands in order, in English and Spanish. */
  releases = amparo_store_list (fixture->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 2);
  {
    g_autoptr(AmparoRelease) settlement = g_list_model_get_item (releases, 0);
    g_autoptr(AmparoRelease) statement = g_list_model_get_item (releases, 1);
    g_autoptr(GListModel) demands = amparo_store_list_release_demands (fixture->store, statement);
    g_autoptr(AmparoDemand) first = NULL;
    g_autoptr(AmparoDemand) last = NULL;

    g_assert_cmpstr (amparo_release_get_release_date (settlement), ==, "2023-12-14");
    g_assert_cmpint (amparo_release_get_litigation_id (settlement), >, 0);
    g_assert_nonnull (amparo_release_get_body_es (settlement));
    g_assert_cmpstr (amparo_release_get_release_date (statement), ==, "2021-02-03");
    g_assert_nonnull (strstr (amparo_release_get_media_contact (statement), "Renee Garcia"));
    g_assert_cmpuint (g_list_model_get_n_items (demands), ==, 5);
    first = g_list_model_get_item (demands, 0);
    last = g_list_model_get_item (demands, 4);
    g_assert_nonnull (strstr (amparo_demand_get_text_en (first), "Title 42"));
    g_assert_nonnull (strstr (amparo_demand_get_text_es (first), "Título 42"));
    g_assert_nonnull (strstr (amparo_demand_get_text_en (last), "Black migrants"));
  }

  jose = find_person (fixture->store, "José", "Núñez Castillo");
  g_assert_nonnull (jose);
  joselyn = find_person (fixture->store, "Joselyn", "López");
  g_assert_nonnull (joselyn);
  /* Countries and languages are ISO codes, as the pickers store them (#9). */
  g_assert_cmpstr (amparo_person_get_country_of_birth (joselyn), ==, "GT");
  g_assert_cmpstr (amparo_person_get_languages (joselyn), ==, "kjb,spa");

  /* The separated son is in an ORR shelter; his mother was deported. */
  wilmer = find_person (fixture->store, "Wilmer Estuardo", "Tzul Ixcoy");
  g_assert_nonnull (wilmer);
  {
    g_autoptr(AmparoLocation) here = amparo_store_get_current_location (fixture->store, wilmer);
    g_autoptr(GListModel) relatives = amparo_store_list_relatives (fixture->store, wilmer);
    g_autoptr(AmparoRelative) mother = g_list_model_get_item (relatives, 0);
    g_autoptr(AmparoLocation) there = NULL;

    g_assert_cmpint (amparo_location_get_kind (here), ==, AMPARO_LOCATION_KIND_ORR_SHELTER);
    g_assert_cmpint (amparo_relative_get_kind (mother), ==, AMPARO_RELATIONSHIP_KIND_PARENT);
    there = amparo_store_get_current_location (fixture->store, amparo_relative_get_person (mother));
    g_assert_cmpint (amparo_location_get_kind (there), ==, AMPARO_LOCATION_KIND_DEPORTED);
    g_assert_cmpstr (amparo_location_get_country (there), ==, "GT");
  }

  /* The Ms. L class member has her three benefits. */
  dalia = find_person (fixture->store, "Dalia Marisol", "Fuentes Orellana");
  {
    g_autoptr(GListModel) memberships = amparo_store_list_memberships (fixture->store, dalia);
    g_autoptr(AmparoMembership) membership = g_list_model_get_item (memberships, 0);
    g_autoptr(GListModel) benefits = amparo_store_list_benefits (fixture->store, membership);

    g_assert_true (amparo_membership_get_eligible (membership));
    g_assert_cmpuint (g_list_model_get_n_items (benefits), ==, 3);
  }

  agenda = amparo_store_list_upcoming_events (fixture->store, NULL, 30);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), >=, 6);

  {
    gboolean sound = amparo_store_check (fixture->store, &report, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (report, ==, "ok");
    g_assert_true (sound);
  }

  /* Every change was journaled as readable JSON (quotes, accents and line
   * breaks in the texts included). */
  {
    /* On the server a text that is not JSON fails the cast. */
    g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (fixture->store,
        amparo_store_is_shared (fixture->store)
          ? "SELECT count(*), count(changes::jsonb) FROM journal WHERE changes IS NOT NULL"
          : "SELECT count(*), sum(json_valid(changes)) FROM journal WHERE changes IS NOT NULL", NULL);

    g_assert_nonnull (stmt);
    g_assert_cmpint (amparo_db_step (stmt, NULL), ==, AMPARO_DB_ROW);
    g_assert_cmpint (amparo_db_column_int64 (stmt, 0), >, 50);
    g_assert_cmpint (amparo_db_column_int64 (stmt, 0), ==, amparo_db_column_int64 (stmt, 1));
  }

  /* Loading again adds nothing. */
  g_assert_true (amparo_sample_data_load (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, n_persons);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/sample/content", test_sample_content);

  return g_test_run ();
}
