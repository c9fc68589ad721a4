/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "amparo-client-notice.h"
#include "amparo-store.h"
#include "amparo-test-store.h"

/* The case record's rules on a real store in a temp file: a moved
 * hearing keeps its old date, a past hearing without an outcome says so,
 * evidence decides how a family link is verified, contacts go stale,
 * and only an eligible class member gets benefit end dates. */

typedef struct
{
  char         *dir;
  AmparoStore  *store;
  AmparoPerson *person;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
  fixture->person = amparo_person_new ();
  amparo_person_set_given_names (fixture->person, "Ana");
  amparo_person_set_family_names (fixture->person, "López");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (fixture->person), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->person);
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static AmparoEvent *
add_hearing (Fixture    *fixture,
             const char *starts_at)
{
  g_autoptr(GError) error = NULL;
  AmparoEvent *event = amparo_event_new ();

  amparo_event_set_person_id (event, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  amparo_event_set_kind (event, AMPARO_EVENT_KIND_HEARING);
  amparo_event_set_starts_at (event, starts_at);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
  g_assert_no_error (error);
  return event;
}

static void
test_reschedule (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AmparoEvent) event = add_hearing (fixture, "2030-12-05T09:00");
  g_autoptr(GError) error = NULL;

  /* Every event knows its time zone, so the calendar export is right. */
  g_assert_nonnull (amparo_event_get_time_zone (event));

  g_assert_false (amparo_store_reschedule_event (fixture->store, event, "2030-12-05T09:00",
                                                 AMPARO_EVENT_SOURCE_COURT_NOTICE, &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "starts-at");
  g_clear_error (&error);

  g_assert_true (amparo_store_reschedule_event (fixture->store, event, "2031-01-14T13:00",
                                                AMPARO_EVENT_SOURCE_COURT_NOTICE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_event_get_starts_at (event), ==, "2031-01-14T13:00");
  g_assert_cmpstr (amparo_event_get_moved_from (event), ==, "2030-12-05T09:00");
  g_assert_cmpint (amparo_event_get_moved_by (event), ==, AMPARO_EVENT_SOURCE_COURT_NOTICE);

  /* Not missed before it happens. */
  amparo_event_set_status (event, AMPARO_EVENT_STATUS_MISSED);
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "status");
  g_clear_error (&error);

  amparo_event_set_time_zone (event, "Mars/Olympus_Mons");
  amparo_event_set_status (event, AMPARO_EVENT_STATUS_SCHEDULED);
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "time-zone");
}

static void
test_needs_outcome_and_missed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AmparoEvent) event = add_hearing (fixture, "2024-03-01T09:00");
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_event_needs_outcome (event, NULL));
  g_assert_cmpint (amparo_store_count_missed_hearings (fixture->store, fixture->person), ==, 0);

  amparo_event_set_status (event, AMPARO_EVENT_STATUS_MISSED);
  amparo_event_set_outcome (event, "In absentia order; motion to reopen");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
  g_assert_no_error (error);
  g_assert_false (amparo_event_needs_outcome (event, NULL));
  /* Missed is not done: it stays on the Agenda, flagged. */
  g_assert_false (amparo_event_get_done (event));
  g_assert_cmpint (amparo_store_count_missed_hearings (fixture->store, fixture->person), ==, 1);
}

static void
test_close_proceeding (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoProceeding) proceeding = amparo_proceeding_new ();
  g_autoptr(GError) error = NULL;

  amparo_proceeding_set_person_id (proceeding, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  amparo_proceeding_set_kind (proceeding, AMPARO_PROCEEDING_KIND_DEFENSIVE_ASYLUM);
  amparo_proceeding_set_opened_on (proceeding, "2025-01-10");
  amparo_proceeding_set_status (proceeding, AMPARO_PROCEEDING_STATUS_CLOSED);
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (proceeding), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "outcome");
  g_clear_error (&error);

  amparo_proceeding_set_outcome (proceeding, "Asylum granted");
  amparo_proceeding_set_outcome_date (proceeding, "2024-12-01");
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (proceeding), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "outcome-date");
  g_clear_error (&error);

  amparo_proceeding_set_outcome_date (proceeding, "2025-06-01");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (proceeding), &error));
  g_assert_no_error (error);
}

static AmparoRelationship *
add_relationship (Fixture *fixture)
{
  g_autoptr(AmparoPerson) parent = amparo_person_new ();
  g_autoptr(GError) error = NULL;
  AmparoRelationship *link = amparo_relationship_new ();

  amparo_person_set_given_names (parent, "María");
  amparo_person_set_family_names (parent, "López");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (parent), &error));
  amparo_relationship_set_person_id (link, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  amparo_relationship_set_relative_id (link, amparo_record_get_id (AMPARO_RECORD (parent)));
  amparo_relationship_set_kind (link, AMPARO_RELATIONSHIP_KIND_PARENT);
  amparo_relationship_set_separated (link, TRUE);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (link), &error));
  g_assert_no_error (error);
  return link;
}

static void
test_evidence_and_reunification (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AmparoRelationship) link = NULL;
  g_autoptr(AmparoEvidence) document = amparo_evidence_new ();
  g_autoptr(AmparoEvidence) dna = amparo_evidence_new ();
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;

  if (amparo_test_skip_on_pg ("family links are not saved on the shared server yet"))
    return;
  link = add_relationship (fixture);

  /* Ticking "Separated" is not "Not separated" any more (#13). */
  g_assert_cmpint (amparo_relationship_get_reunification_status (link), ==, AMPARO_REUNIFICATION_SEPARATED);

  amparo_evidence_set_relationship_id (document, amparo_record_get_id (AMPARO_RECORD (link)));
  amparo_evidence_set_kind (document, AMPARO_EVIDENCE_KIND_DOCUMENT);
  amparo_evidence_set_description (document, "Birth certificate");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (document), &error));
  g_assert_no_error (error);
  g_assert_true (amparo_store_reload (fixture->store, AMPARO_RECORD (link), &error));
  g_assert_cmpint (amparo_relationship_get_verification (link), ==, AMPARO_VERIFICATION_DOCUMENTED);

  amparo_evidence_set_relationship_id (dna, amparo_record_get_id (AMPARO_RECORD (link)));
  amparo_evidence_set_kind (dna, AMPARO_EVIDENCE_KIND_DNA);
  amparo_evidence_set_verified_on (dna, "2099-01-01");
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (dna), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "verified-on");
  g_clear_error (&error);
  amparo_evidence_set_verified_on (dna, "2026-01-01");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (dna), &error));
  g_assert_true (amparo_store_reload (fixture->store, AMPARO_RECORD (link), &error));
  g_assert_cmpint (amparo_relationship_get_verification (link), ==, AMPARO_VERIFICATION_DNA);

  amparo_relationship_set_reunification_status (link, AMPARO_REUNIFICATION_LOCATED);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (link), &error));
  g_assert_nonnull (amparo_relationship_get_status_date (link));
  amparo_relationship_set_reunification_status (link, AMPARO_REUNIFICATION_IN_CONTACT);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (link), &error));
  g_assert_no_error (error);
  history = amparo_store_list_field_history (fixture->store, AMPARO_RECORD (link), "reunification-status");
  g_assert_cmpuint (g_list_model_get_n_items (history), >=, 3);
}

static void
test_stale_contacts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoContact) contact = amparo_contact_new ();
  g_autoptr(GListModel) stale = NULL;
  g_autoptr(GError) error = NULL;

  amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  amparo_contact_set_kind (contact, AMPARO_CONTACT_KIND_WHATSAPP);
  amparo_contact_set_value (contact, "+502 5555 1234");
  amparo_contact_set_last_verified (contact, "2020-01-01");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (contact), &error));
  g_assert_no_error (error);

  g_assert_cmpint (amparo_store_get_contact_stale_days (), ==, 90);
  g_assert_true (amparo_contact_is_stale_after (contact, 90));
  g_assert_cmpint (amparo_store_count_stale_contacts (fixture->store, fixture->person, 90), ==, 1);
  stale = amparo_store_list_stale_contacts (fixture->store, 90);
  g_assert_cmpuint (g_list_model_get_n_items (stale), ==, 1);
  /* The list Contacts to Re-verify shows, on SQLite and the shared server. */
  {
    g_autoptr(AmparoContact) listed = g_list_model_get_item (stale, 0);

    g_assert_true (AMPARO_IS_CONTACT (listed));
    g_assert_cmpstr (amparo_contact_get_value (listed), ==, "+502 5555 1234");
  }

  g_assert_true (amparo_store_mark_contact_reached (fixture->store, contact, &error));
  g_assert_false (amparo_contact_is_stale_after (contact, 90));
  g_assert_cmpint (amparo_store_count_stale_contacts (fixture->store, fixture->person, 90), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (stale), ==, 0);
}

/* Languages typed before the picker become ISO 639-3 codes when a store
 * is opened (migration 0014): each name that is plainly one language,
 * in English or Spanish, is mapped; the rest is kept as typed, in its
 * place. Set a store back to before 0014 and open it again. (A later
 * migration that makes something must be undone here too.) */
static void
test_languages_migrated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "amparo.db", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  g_autofree char *sql = g_strdup_printf ("UPDATE persons SET languages = 'K''iche'', Español, Chuj de San Mateo'"
                                          " WHERE id = %s;"
                                          /* What later migrations made (0015 documents,
                                           * 0016 staff, 0022 the import's deferred
                                           * search index, 0026 the search index's
                                           * view, 0027 the persons count), so they
                                           * can run again. */
                                          " DROP TABLE documents; DROP TABLE document_contents;"
                                          " DROP TABLE case_restrictions; DROP TABLE staff;"
                                          " DROP TABLE persons_fts_deferred;"
                                          " DROP VIEW persons_fts_source;"
                                          " DROP TRIGGER persons_counted_after_insert;"
                                          " DROP TRIGGER persons_counted_after_delete;"
                                          " DROP TABLE row_counts;"
                                          " PRAGMA user_version = 13;", id);
  g_autoptr(AmparoPerson) again = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (amparo_test_skip_on_pg ("sets SQLite's user_version back"))
    return;
  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
  again = amparo_store_get_by_uid (fixture->store, AMPARO_TYPE_PERSON,
                                   amparo_record_get_uid (AMPARO_RECORD (fixture->person)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_person_get_languages (again), ==, "quc,spa,Chuj de San Mateo");
  /* The upgrade rewrote the row: its checksum follows, so --check does
   * not call an upgraded store damaged (and refuse to write into it). */
  g_assert_true (amparo_store_check_file (path, NULL, &error));
  g_assert_no_error (error);
}

/* The client notice's language when staff have not chosen: English only
 * for someone whose languages are English without Spanish, by code now
 * as by the names typed before. */
static void
test_notice_language_from_codes (Fixture       *fixture,
                                 gconstpointer  data)
{
  const struct { const char *languages; const char *notice; } cases[] = {
    { "eng", "en" }, { "quc,eng", "en" }, { "eng,spa", "es" }, { "quc", "es" },
    { "English", "en" }, { "Inglés, Español", "es" }, { NULL, "es" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      amparo_person_set_languages (fixture->person, cases[i].languages);
      g_assert_cmpstr (amparo_client_notice_guess_language (fixture->person), ==, cases[i].notice);
    }
}

static gint64
add_membership (Fixture          *fixture,
                AmparoLitigation *case_,
                const char       *separated_on,
                gboolean         *eligible)
{
  g_autoptr(AmparoMembership) membership = amparo_membership_new ();
  g_autoptr(GListModel) benefits = NULL;
  g_autoptr(GError) error = NULL;

  amparo_membership_set_person_id (membership, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  amparo_membership_set_litigation_id (membership, amparo_record_get_id (AMPARO_RECORD (case_)));
  amparo_membership_set_separation_date (membership, separated_on);
  amparo_membership_set_benefits_start (membership, "2024-01-01");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (membership), &error));
  g_assert_no_error (error);
  *eligible = amparo_membership_get_eligible (membership);
  benefits = amparo_store_list_benefits (fixture->store, membership);
  return g_list_model_get_n_items (benefits);
}

static void
test_class_membership (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoLitigation) ms_l = amparo_litigation_new ();
  g_autoptr(AmparoMembership) probe = amparo_membership_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  gboolean eligible;

  amparo_litigation_set_name (ms_l, "Ms. L v. ICE");
  amparo_litigation_set_class_from (ms_l, "2017-01-20");
  amparo_litigation_set_class_until (ms_l, "2021-01-20");
  amparo_litigation_set_benefit_terms (ms_l, "housing=36\nmedical=36");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (ms_l), &error));
  g_assert_no_error (error);

  g_assert_cmpint (add_membership (fixture, ms_l, "2016-05-01", &eligible), ==, 0);
  g_assert_false (eligible);
  g_assert_cmpint (add_membership (fixture, ms_l, "2018-05-01", &eligible), ==, 2);
  g_assert_true (eligible);

  amparo_membership_set_litigation_id (probe, amparo_record_get_id (AMPARO_RECORD (ms_l)));
  amparo_membership_set_separation_date (probe, "2016-05-01");
  why = amparo_store_describe_eligibility (fixture->store, probe);
  g_assert_nonnull (strstr (why, "before the class period"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case/reschedule-keeps-old-date", test_reschedule);
  ADD ("/case/needs-outcome-and-missed", test_needs_outcome_and_missed);
  ADD ("/case/close-proceeding", test_close_proceeding);
  ADD ("/case/evidence-and-reunification", test_evidence_and_reunification);
  ADD ("/case/stale-contacts", test_stale_contacts);
  ADD ("/case/languages-migrated", test_languages_migrated);
  ADD ("/case/notice-language-from-codes", test_notice_language_from_codes);
  ADD ("/case/class-membership", test_class_membership);
#undef ADD
  return g_test_run ();
}
