/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-record-private.h"
#include "amparo-store-private.h"
#include "store-test-util.h"

/* What staff type into a client record comes back the same after saving
 * and reopening the database. */
static void
test_person_round_trip (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(AmparoPerson) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;

  g_object_set (person,
                "given-names", "María José", "family-names", "López Hernández",
                "aliases", "Majo\nMaría López", "birth-date", "2014-03-02",
                "birth-date-estimated", TRUE, "sex", AMPARO_SEX_FEMALE,
                "country-of-birth", "Guatemala", "languages", "K'iche', Spanish",
                "interpreter-needed", TRUE, "a-number", "A-123-456-789",
                "unaccompanied-minor", TRUE, "mpp-history", TRUE,
                "client-status", AMPARO_CLIENT_STATUS_ACTIVE, "program", "Children",
                "assigned-staff", "M. Herrera", "intake-date", "2024-01-05",
                "notes", "Línea 1\n“comillas” y \\ barra", NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (person)), >, 0);
  g_assert_nonnull (amparo_record_get_uid (AMPARO_RECORD (person)));
  g_assert_nonnull (amparo_record_get_created_at (AMPARO_RECORD (person)));
  uid = g_strdup (amparo_record_get_uid (AMPARO_RECORD (person)));

  g_clear_object (&fixture->store);
  fixture->store = amparo_store_open (fixture->path, &error);
  g_assert_no_error (error);

  loaded = amparo_store_get_by_uid (fixture->store, AMPARO_TYPE_PERSON, uid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_person_get_given_names (loaded), ==, "María José");
  g_assert_cmpstr (amparo_person_get_family_names (loaded), ==, "López Hernández");
  g_assert_cmpstr (amparo_person_get_aliases (loaded), ==, "Majo\nMaría López");
  g_assert_cmpstr (amparo_person_get_a_number (loaded), ==, "123456789");
  g_assert_true (amparo_person_get_birth_date_estimated (loaded));
  g_assert_cmpint (amparo_person_get_sex (loaded), ==, AMPARO_SEX_FEMALE);
  g_assert_cmpint (amparo_person_get_client_status (loaded), ==, AMPARO_CLIENT_STATUS_ACTIVE);
  g_assert_true (amparo_person_get_mpp_history (loaded));
  g_assert_cmpstr (amparo_person_get_notes (loaded), ==, "Línea 1\n“comillas” y \\ barra");
}

/* Every record kind can be saved and read back through the generic path:
 * a column missing from the schema would fail here. */
static void
test_every_kind_saves (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = store_test_add_person (fixture->store, "Ana", "Pérez", "2010-01-01");
  gint64 person_id = amparo_record_get_id (AMPARO_RECORD (person));
  g_autoptr(GError) error = NULL;
  guint n_kinds;
  const GType *kinds = amparo_record_get_kinds (&n_kinds);

  g_assert_cmpuint (n_kinds, ==, 16);
  /* Reading a row selects every column: a missing one fails here. */
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(AmparoRecord) none = amparo_store_get_by_id (fixture->store, kinds[i], G_MAXINT64, &local);

      g_assert_null (none);
      g_assert_error (local, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND);
    }

  {
    g_autoptr(AmparoLocation) location = amparo_location_new ();
    g_autoptr(AmparoLocation) loaded = NULL;

    g_object_set (location, "person-id", person_id, "kind", AMPARO_LOCATION_KIND_ORR_SHELTER,
                  "facility", "Casa Ejemplo", "city", "Los Angeles", "country", "United States",
                  "since", "2024-01-01", "source", "ORR", NULL);
    g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (location), &error));
    g_assert_no_error (error);
    loaded = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_LOCATION,
                                     amparo_record_get_id (AMPARO_RECORD (location)), &error);
    g_assert_no_error (error);
    g_assert_cmpint (amparo_location_get_kind (loaded), ==, AMPARO_LOCATION_KIND_ORR_SHELTER);
    g_assert_cmpstr (amparo_location_get_facility (loaded), ==, "Casa Ejemplo");
    g_assert_cmpint (amparo_location_get_person_id (loaded), ==, person_id);
  }

  {
    g_autoptr(AmparoRelease) release = amparo_release_new ();
    g_autoptr(AmparoRelease) loaded = NULL;

    g_object_set (release, "title-en", "Statement", "title-es", "Declaración",
                  "embargo-until", "2024-05-13T09:00:00-07:00",
                  "embargo-timezone", "America/Los_Angeles",
                  "status", AMPARO_RELEASE_STATUS_IN_REVIEW, NULL);
    g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
    g_assert_no_error (error);
    loaded = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_RELEASE,
                                     amparo_record_get_id (AMPARO_RECORD (release)), &error);
    g_assert_cmpstr (amparo_release_get_title_es (loaded), ==, "Declaración");
    g_assert_cmpint (amparo_release_get_status (loaded), ==, AMPARO_RELEASE_STATUS_IN_REVIEW);
    g_assert_cmpint (amparo_release_get_litigation_id (loaded), ==, 0);
  }

  {
    g_autoptr(AmparoOrganization) organization = amparo_store_get_organization (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (organization)), ==, 0);
    amparo_organization_set_name (organization, "ImmDef");
    g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (organization), &error));
    g_clear_object (&organization);
    organization = amparo_store_get_organization (fixture->store, &error);
    g_assert_cmpstr (amparo_organization_get_name (organization), ==, "ImmDef");
  }
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Editors bind to properties: a notify fires only on a real change. */
static void
test_notify_only_on_change (void)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  guint count = 0;

  g_signal_connect (person, "notify::given-names", G_CALLBACK (on_notify_cb), &count);
  amparo_person_set_given_names (person, "Ana");
  amparo_person_set_given_names (person, "Ana");
  g_assert_cmpuint (count, ==, 1);
  amparo_person_set_given_names (person, "");
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (amparo_person_get_given_names (person));
  amparo_person_set_given_names (person, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
on_record_changed_cb (AmparoStore  *store,
                      AmparoRecord *record,
                      guint        *count)
{
  (*count)++;
}

/* Saving an unchanged record writes nothing and announces nothing. */
static void
test_unchanged_save_is_silent (StoreFixture  *fixture,
                               gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = store_test_add_person (fixture->store, "Ana", "Pérez", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = g_strdup (amparo_record_get_updated_at (AMPARO_RECORD (person)));
  guint changes = 0;

  g_signal_connect (fixture->store, "record-changed", G_CALLBACK (on_record_changed_cb), &changes);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (amparo_record_get_updated_at (AMPARO_RECORD (person)), ==, updated);

  amparo_person_set_languages (person, "Mam");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
}

/* Deleting a client moves them to the Trash; their family links,
 * whereabouts and proceedings are all there again after restoring. */
static void
test_soft_delete_keeps_links (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(AmparoPerson) child = store_test_add_person (fixture->store, "Wilmer", "Tzul", "2014-01-01");
  g_autoptr(AmparoPerson) mother = store_test_add_person (fixture->store, "Rosa", "Tzul", "1990-01-01");
  g_autoptr(AmparoRelationship) link = amparo_relationship_new ();
  g_autoptr(AmparoLocation) location = amparo_location_new ();
  g_autoptr(AmparoProceeding) proceeding = amparo_proceeding_new ();
  g_autoptr(GListModel) live = NULL;
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(GListModel) relatives = NULL;
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(GListModel) proceedings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoRelative) relative = NULL;

  g_object_set (link, "person-id", amparo_record_get_id (AMPARO_RECORD (child)),
                "relative-id", amparo_record_get_id (AMPARO_RECORD (mother)),
                "kind", AMPARO_RELATIONSHIP_KIND_PARENT, NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (link), &error));
  g_object_set (location, "person-id", amparo_record_get_id (AMPARO_RECORD (child)),
                "kind", AMPARO_LOCATION_KIND_ORR_SHELTER, NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (location), &error));
  g_object_set (proceeding, "person-id", amparo_record_get_id (AMPARO_RECORD (child)), NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (proceeding), &error));
  g_assert_no_error (error);

  live = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
  trash = amparo_store_list_persons (fixture->store, AMPARO_LIST_TRASH, AMPARO_PERSON_SORT_FAMILY_NAMES);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);

  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (child), &error));
  g_assert_no_error (error);
  g_assert_true (amparo_record_is_deleted (AMPARO_RECORD (child)));
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);

  /* The mother still sees her son while he is in the Trash. */
  relatives = amparo_store_list_relatives (fixture->store, mother);
  g_assert_cmpuint (g_list_model_get_n_items (relatives), ==, 1);
  relative = g_list_model_get_item (relatives, 0);
  g_assert_cmpint (amparo_relative_get_kind (relative), ==, AMPARO_RELATIONSHIP_KIND_CHILD);
  g_assert_cmpstr (amparo_person_get_given_names (amparo_relative_get_person (relative)), ==, "Wilmer");

  g_assert_true (amparo_store_restore (fixture->store, AMPARO_RECORD (child), &error));
  g_assert_no_error (error);
  g_assert_false (amparo_record_is_deleted (AMPARO_RECORD (child)));
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);

  g_clear_object (&relatives);
  g_clear_object (&relative);
  relatives = amparo_store_list_relatives (fixture->store, child);
  g_assert_cmpuint (g_list_model_get_n_items (relatives), ==, 1);
  relative = g_list_model_get_item (relatives, 0);
  g_assert_cmpint (amparo_relative_get_kind (relative), ==, AMPARO_RELATIONSHIP_KIND_PARENT);
  locations = amparo_store_list_locations (fixture->store, child);
  g_assert_cmpuint (g_list_model_get_n_items (locations), ==, 1);
  proceedings = amparo_store_list_proceedings (fixture->store, child);
  g_assert_cmpuint (g_list_model_get_n_items (proceedings), ==, 1);
}

/* Ms. L: benefits end 6 and 12 months after they start, and the end
 * dates are on the client's events (and so on the Agenda). */
static void
test_membership_benefits (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(AmparoPerson) mother = store_test_add_person (fixture->store, "Dalia", "Fuentes", "1985-01-01");
  g_autoptr(AmparoLitigation) ms_l = amparo_litigation_new ();
  g_autoptr(AmparoMembership) membership = amparo_membership_new ();
  g_autoptr(GListModel) benefits = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = store_test_days_from_today (-170);
  g_autofree char *housing_end = NULL;
  GDate date;
  gboolean found_housing = FALSE;

  g_object_set (ms_l, "name", "Ms. L v. ICE", "class-from", "2017-01-20", "class-until", "2021-01-20",
                "benefit-terms", "housing=6\nmedical=12\nmental-health=12", NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (ms_l), &error));
  g_object_set (membership, "person-id", amparo_record_get_id (AMPARO_RECORD (mother)),
                "litigation-id", amparo_record_get_id (AMPARO_RECORD (ms_l)),
                "separation-date", "2018-05-20", "benefits-start", start, NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (membership), &error));
  g_assert_no_error (error);
  g_assert_true (amparo_membership_get_eligible (membership));

  g_assert_true (amparo_parse_date (start, &date));
  g_date_add_months (&date, 6);
  housing_end = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                 g_date_get_month (&date), g_date_get_day (&date));

  benefits = amparo_store_list_benefits (fixture->store, membership);
  g_assert_cmpuint (g_list_model_get_n_items (benefits), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AmparoBenefit) benefit = g_list_model_get_item (benefits, i);

      if (amparo_benefit_get_kind (benefit) == AMPARO_BENEFIT_KIND_HOUSING)
        {
          g_assert_cmpstr (amparo_benefit_get_ends_on (benefit), ==, housing_end);
          found_housing = TRUE;
        }
      else
        g_assert_cmpint (amparo_benefit_get_months (benefit), ==, 12);
    }
  g_assert_true (found_housing);

  events = amparo_store_list_events (fixture->store, mother);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);
  {
    g_autoptr(AmparoEvent) first = g_list_model_get_item (events, 0);
    g_assert_cmpint (amparo_event_get_kind (first), ==, AMPARO_EVENT_KIND_BENEFIT_END);
    g_assert_cmpstr (amparo_event_get_starts_at (first), ==, housing_end);
  }

  /* Housing ends about two weeks from now: it is on the Agenda. */
  agenda = amparo_store_list_upcoming_events (fixture->store, NULL, 30);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);

  /* Moving the start moves the end dates; nothing is duplicated. */
  g_clear_pointer (&start, g_free);
  start = store_test_days_from_today (-100);
  amparo_membership_set_benefits_start (membership, start);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (membership), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (benefits), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 0);

  /* Separated after the class period: not eligible. */
  amparo_membership_set_separation_date (membership, "2022-03-01");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (membership), &error));
  g_assert_false (amparo_membership_get_eligible (membership));
}

/* A release's numbered demands come back in their order. */
static void
test_release_demands (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListModel) releases = NULL;
  AmparoDemand *demands[3];

  amparo_release_set_title_en (release, "Statement");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Demand %u", i + 1);

      demands[i] = amparo_demand_new ();
      amparo_demand_set_text_en (demands[i], text);
      g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (demands[i]), &error));
    }
  /* Stated in the order 3, 1, 2. */
  {
    AmparoDemand *order[] = { demands[2], demands[0], demands[1] };
    g_assert_true (amparo_store_set_release_demands (fixture->store, release, order, 3, &error));
    g_assert_no_error (error);
  }
  listed = amparo_store_list_release_demands (fixture->store, release);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 3);
  {
    g_autoptr(AmparoDemand) first = g_list_model_get_item (listed, 0);
    g_autoptr(AmparoDemand) last = g_list_model_get_item (listed, 2);
    g_assert_cmpstr (amparo_demand_get_text_en (first), ==, "Demand 3");
    g_assert_cmpstr (amparo_demand_get_text_en (last), ==, "Demand 2");
  }
  releases = amparo_store_list_demand_releases (fixture->store, demands[0]);
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 1);

  /* Dropping a demand from the release shows in the open lists. */
  {
    AmparoDemand *order[] = { demands[2], demands[1] };
    g_assert_true (amparo_store_set_release_demands (fixture->store, release, order, 2, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (releases), ==, 0);

  for (guint i = 0; i < 3; i++)
    g_object_unref (demands[i]);
}

/* Undoing part of a larger change leaves the records it inserted
 * unsaved, so saving them again works; the rest is kept. */
static void
test_nested_rollback (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmparoPerson) kept = amparo_person_new ();
  g_autoptr(AmparoPerson) undone = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (kept, "given-names", "Rosa", "family-names", "Tzul", NULL);
  g_object_set (undone, "given-names", "Wilmer", "family-names", "Tzul", NULL);

  g_assert_true (amparo_store_begin (fixture->store, &error));
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (kept), &error));
  g_assert_true (amparo_store_begin (fixture->store, &error));
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (undone), &error));
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (undone)), >, 0);
  amparo_store_rollback (fixture->store);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (undone)), ==, 0);
  g_assert_true (amparo_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (kept)), >, 0);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (undone), &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 2);
}

static void
on_changed_count_cb (AmparoStore  *store,
                     AmparoRecord *record,
                     guint        *count)
{
  (*count)++;
}

/* store (#11): many records saved at once, as the CSV import does: all
 * or none, each journaled and announced once at commit, and the
 * statements of a save prepared once, not once per record (they were
 * a third of a large import's time). */
static void
test_save_many (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint64 prepared;
  guint changed = 0;
  guint failed = G_MAXUINT;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *given = g_strdup_printf ("Niña %u", i);
      AmparoPerson *person = amparo_person_new ();

      amparo_person_set_given_names (person, given);
      amparo_person_set_family_names (person, "Quispe");
      g_ptr_array_add (persons, person);
    }

  /* One that cannot be saved in the middle: nothing is kept. */
  amparo_person_set_given_names (persons->pdata[150], "");
  amparo_person_set_family_names (persons->pdata[150], "");
  g_assert_false (amparo_store_save_many (fixture->store, persons, NULL, NULL, NULL, &failed, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
  g_assert_cmpuint (failed, ==, 150);
  g_assert_cmpint (amparo_record_get_id (persons->pdata[0]), ==, 0);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 0);
  g_clear_error (&error);
  amparo_person_set_given_names (persons->pdata[150], "Niña 150");
  amparo_person_set_family_names (persons->pdata[150], "Quispe");

  /* Cancelled: nothing either. */
  g_cancellable_cancel (cancelled);
  g_assert_false (amparo_store_save_many (fixture->store, persons, NULL, NULL, cancelled, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 0);
  g_clear_error (&error);

  g_signal_connect (fixture->store, "record-changed", G_CALLBACK (on_changed_count_cb), &changed);
  prepared = amparo_store_get_n_prepared (fixture->store);
  g_assert_true (amparo_store_save_many (fixture->store, persons, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%" G_GUINT64_FORMAT " statements prepared for 300 saves",
                  amparo_store_get_n_prepared (fixture->store) - prepared);
  g_assert_cmpuint (amparo_store_get_n_prepared (fixture->store) - prepared, <, 30);
  g_assert_cmpuint (changed, ==, 300);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 300);
  for (guint i = 0; i < persons->len; i += 75)
    {
      g_autoptr(GListModel) history = amparo_store_list_history (fixture->store, persons->pdata[i]);

      g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
    }
  g_signal_handlers_disconnect_by_data (fixture->store, &changed);
}

/* A phone number not checked for three months is flagged: stale numbers
 * are how separated parents were lost. */
static void
test_stale_contacts (void)
{
  g_autoptr(AmparoContact) contact = amparo_contact_new ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2024);

  g_assert_true (amparo_contact_is_stale (contact, &today));
  amparo_contact_set_last_verified (contact, "2024-05-20");
  g_assert_false (amparo_contact_is_stale (contact, &today));
  amparo_contact_set_last_verified (contact, "2024-01-15");
  g_assert_true (amparo_contact_is_stale (contact, &today));
}

static const char *
expected_actor (void)
{
  return amparo_test_engine_is_pg () ? "postgres" : g_get_user_name ();
}

/* No lost edits: two desks (two connections) change one client record;
 * the second save is refused with the first desk's version, who and
 * when, and nothing the second desk typed is lost. */
static void
test_conflicting_saves (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmparoPerson) at_front_desk = store_test_add_person (fixture->store, "Kevin", "Fuentes", "2012-01-01");
  g_autoptr(AmparoStore) other = NULL;
  g_autoptr(AmparoPerson) at_attorney = NULL;
  g_autoptr(AmparoPerson) saved = NULL;
  g_autoptr(AmparoRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (at_front_desk)), ==, 1);
  other = amparo_store_open (fixture->path, &error);
  g_assert_no_error (error);
  at_attorney = amparo_store_get_by_uid (other, AMPARO_TYPE_PERSON,
                                         amparo_record_get_uid (AMPARO_RECORD (at_front_desk)), &error);
  g_assert_no_error (error);

  amparo_person_set_family_names (at_front_desk, "Fuentes Orellana");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (at_front_desk), &error));
  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (at_front_desk)), ==, 2);

  amparo_person_set_notes (at_attorney, "Hearing moved to May");
  g_assert_false (amparo_store_save (other, AMPARO_RECORD (at_attorney), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CONFLICT);
  g_assert_true (amparo_store_error_get_conflict (error, &theirs, &who, &when));
  g_assert_cmpstr (amparo_person_get_family_names (AMPARO_PERSON (theirs)), ==, "Fuentes Orellana");
  g_assert_cmpstr (who, ==, expected_actor ());
  g_assert_nonnull (when);
  /* The refused copy keeps its typing. */
  g_assert_cmpstr (amparo_person_get_notes (at_attorney), ==, "Hearing moved to May");
  g_assert_cmpstr (amparo_person_get_family_names (at_attorney), ==, "Fuentes");
  g_clear_error (&error);

  /* The attorney keeps the front desk's name and their own note. */
  amparo_person_set_family_names (at_attorney, amparo_person_get_family_names (AMPARO_PERSON (theirs)));
  amparo_store_take_revision (AMPARO_RECORD (at_attorney), theirs);
  g_assert_true (amparo_store_save (other, AMPARO_RECORD (at_attorney), &error));
  g_assert_no_error (error);

  saved = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_PERSON,
                                  amparo_record_get_id (AMPARO_RECORD (at_front_desk)), &error);
  g_assert_cmpstr (amparo_person_get_family_names (saved), ==, "Fuentes Orellana");
  g_assert_cmpstr (amparo_person_get_notes (saved), ==, "Hearing moved to May");
  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (saved)), ==, 3);

  /* And now the front desk's copy is the stale one. */
  amparo_person_set_program (at_front_desk, "Children");
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (at_front_desk), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CONFLICT);
}

/* The same, with the other desk a separate process (#10): it opens the
 * store on its own, saves, and exits; this one's save over the stale
 * copy is refused with the other's version and keeps its own typing. */
#define CHILD_STORE_ENV "AMPARO_TEST_CHILD_STORE"
#define CHILD_UID_ENV "AMPARO_TEST_CHILD_UID"

static void
other_process_saves (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoRecord) person = NULL;

  /* Only the subprocess /store/records/two-processes starts has a store to open. */
  if (!g_test_subprocess ())
    {
      g_test_skip ("run as the other desk by /store/records/two-processes");
      return;
    }
  store = amparo_store_open (g_getenv (CHILD_STORE_ENV), &error);

  g_assert_no_error (error);
  person = amparo_store_get_by_uid (store, AMPARO_TYPE_PERSON, g_getenv (CHILD_UID_ENV), &error);
  g_assert_no_error (error);
  amparo_person_set_family_names (AMPARO_PERSON (person), "Fuentes Orellana");
  g_assert_true (amparo_store_save (store, person, &error));
  g_assert_no_error (error);
}

static void
test_two_processes (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AmparoPerson) mine = store_test_add_person (fixture->store, "Kevin", "Fuentes", "2012-01-01");
  g_autoptr(AmparoPerson) saved = NULL;
  g_autoptr(AmparoRecord) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;

  g_setenv (CHILD_STORE_ENV, fixture->path, TRUE);
  g_setenv (CHILD_UID_ENV, amparo_record_get_uid (AMPARO_RECORD (mine)), TRUE);
  g_test_trap_subprocess ("/store/records/two-processes/other-desk", 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (CHILD_STORE_ENV);
  g_test_trap_assert_passed ();

  amparo_person_set_notes (mine, "Hearing moved to May");
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (mine), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CONFLICT);
  g_assert_true (amparo_store_error_get_conflict (error, &theirs, &who, NULL));
  g_assert_cmpstr (amparo_person_get_family_names (AMPARO_PERSON (theirs)), ==, "Fuentes Orellana");
  g_assert_cmpstr (who, ==, expected_actor ());
  g_assert_cmpstr (amparo_person_get_notes (mine), ==, "Hearing moved to May");
  g_clear_error (&error);

  amparo_person_set_family_names (mine, "Fuentes Orellana");
  amparo_store_take_revision (AMPARO_RECORD (mine), theirs);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (mine), &error));
  g_assert_no_error (error);
  saved = amparo_store_get_by_uid (fixture->store, AMPARO_TYPE_PERSON,
                                   amparo_record_get_uid (AMPARO_RECORD (mine)), &error);
  g_assert_cmpstr (amparo_person_get_family_names (saved), ==, "Fuentes Orellana");
  g_assert_cmpstr (amparo_person_get_notes (saved), ==, "Hearing moved to May");
  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (saved)), ==, 3);
}

/* A save rolled back gives the record its revision back, so saving it
 * again is not mistaken for a conflict with itself. */
static void
test_rollback_keeps_revision (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = store_test_add_person (fixture->store, "Ana", "Pérez", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_begin (fixture->store, &error));
  amparo_person_set_notes (person, "first try");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (person)), ==, 2);
  amparo_store_rollback (fixture->store);
  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (person)), ==, 1);

  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (person)), ==, 2);
}

typedef struct
{
  char *uid;
  gboolean seen;
} Awaited;

static void
on_other_desk_saved (AmparoStore  *store,
                     AmparoRecord *record,
                     Awaited      *awaited)
{
  if (g_strcmp0 (amparo_record_get_uid (record), awaited->uid) == 0)
    awaited->seen = TRUE;
}

static gboolean
on_give_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Live: a client saved at the front desk reaches the attorney's list
 * (another connection) by itself, within about a second. */
static void
test_other_desk_seen (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmparoStore) attorney = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(AmparoPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  Awaited awaited = { NULL, FALSE };
  gboolean gave_up = FALSE;
  guint timeout;
  gint64 start;

  attorney = amparo_store_open (fixture->path, &error);
  g_assert_no_error (error);
  list = amparo_store_list_persons (attorney, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_signal_connect (attorney, "record-changed", G_CALLBACK (on_other_desk_saved), &awaited);

  start = g_get_monotonic_time ();
  person = store_test_add_person (fixture->store, "Rosa", "Tzul", NULL);
  awaited.uid = g_strdup (amparo_record_get_uid (AMPARO_RECORD (person)));

  /* Generous, so a busy machine cannot fail it; the time is reported. */
  timeout = g_timeout_add_seconds (20, on_give_up, &gave_up);
  while (!awaited.seen && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (timeout);
  g_test_message ("seen by the other connection after %.2f s",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_true (awaited.seen);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_free (awaited.uid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/records/person-round-trip", test_person_round_trip);
  STORE_TEST ("/store/records/every-kind", test_every_kind_saves);
  g_test_add_func ("/store/records/notify-only-on-change", test_notify_only_on_change);
  STORE_TEST ("/store/records/unchanged-save-is-silent", test_unchanged_save_is_silent);
  STORE_TEST ("/store/records/soft-delete-keeps-links", test_soft_delete_keeps_links);
  g_test_add_func ("/store/records/stale-contacts", test_stale_contacts);
  STORE_TEST ("/store/records/nested-rollback", test_nested_rollback);
  STORE_TEST ("/store/records/save-many", test_save_many);
  STORE_TEST ("/store/records/membership-benefits", test_membership_benefits);
  STORE_TEST ("/store/records/release-demands", test_release_demands);
  STORE_TEST ("/store/records/conflicting-saves", test_conflicting_saves);
  STORE_TEST ("/store/records/two-processes", test_two_processes);
  g_test_add_func ("/store/records/two-processes/other-desk", other_process_saves);
  STORE_TEST ("/store/records/rollback-keeps-revision", test_rollback_keeps_revision);
  STORE_TEST ("/store/records/other-desk-seen", test_other_desk_seen);

  return g_test_run ();
}
