/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-store-private.h"
#include "amparo-test-store.h"
#include "reports-test-data.h"

/* The conflict check at intake, over the store of reports-test-data.c:
 * Kevin is a client; his mother Rosa is the adverse party in his SIJS
 * case; Yoselin, Rosa's daughter, is recorded but not a client. */

typedef ReportsFixture Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  reports_fixture_set_up (fixture, today);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  reports_fixture_tear_down (fixture, user_data);
}

static AmparoPerson *
new_intake (const char *given,
            const char *family)
{
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_client_status (person, AMPARO_CLIENT_STATUS_ACTIVE);
  return person;
}

static AmparoConflictFinding *
find_kind (GPtrArray          *findings,
           AmparoConflictKind  kind)
{
  for (guint i = 0; i < findings->len; i++)
    {
      AmparoConflictFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind)
        return finding;
    }
  return NULL;
}

/* A child's intake, her mother named: the mother is the adverse party
 * in her son's SIJS case. Spelled as the intake worker heard it. */
static void
test_named_mother_is_adverse (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AmparoPerson) child = new_intake ("Ana", "Ixcot");
  AmparoConflictName mother = { "Rosa", "Lopes", AMPARO_RELATIONSHIP_KIND_PARENT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = amparo_store_find_conflicts (fixture->store, child, &mother, 1, &error);
  AmparoConflictFinding *adverse;

  g_assert_no_error (error);
  adverse = find_kind (findings, AMPARO_CONFLICT_IS_ADVERSE_PARTY);
  g_assert_nonnull (adverse);
  g_assert_cmpint (adverse->found_id, ==, amparo_record_get_id (AMPARO_RECORD (fixture->data.rosa)));
  g_assert_cmpint (adverse->client_id, ==, amparo_record_get_id (AMPARO_RECORD (fixture->data.kevin)));
  g_assert_cmpstr (adverse->relation, ==, "the mother");
  g_assert_cmpstr (adverse->reason, ==,
                   "The mother, Rosa López, is an adverse party (Parent accused of abuse or neglect)"
                   " in the Special Immigrant Juvenile Status case of the client Kevin López Ixcot.");
  /* She is also recorded as the client's mother. */
  g_assert_nonnull (find_kind (findings, AMPARO_CONFLICT_IS_RELATIVE_OF_CLIENT));
}

/* Yoselin taken in again (a new record): the store already knows her and
 * her mother, so the mother is checked without being named. */
static void
test_known_family_is_checked (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AmparoPerson) child = new_intake ("Yoselin", "Lopez Ixcot");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = amparo_store_find_conflicts (fixture->store, child, NULL, 0, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = amparo_conflict_findings_to_text (findings);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "The mother, Rosa López, is recorded as the mother of the client Kevin López Ixcot."));
  g_assert_nonnull (strstr (text, "The mother, Rosa López, is an adverse party"));
}

static void
test_no_conflict (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AmparoPerson) stranger = new_intake ("Wilmer", "Tzul Batz");
  AmparoConflictName father = { "Domingo", "Tzul", AMPARO_RELATIONSHIP_KIND_PARENT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = amparo_store_find_conflicts (fixture->store, stranger, &father, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* An organization recorded by name only is found by its name. */
static void
test_organization_by_name (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(AmparoAdverseParty) sponsor = amparo_adverse_party_new ();
  g_autoptr(AmparoPerson) child = new_intake ("Nery", "Coj");
  AmparoConflictName named = { "", "Agencia Transportes del Norte", AMPARO_RELATIONSHIP_KIND_SPONSOR };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (sponsor, "person-id", amparo_record_get_id (AMPARO_RECORD (fixture->data.marta)),
                "party-name", "Agencia de Transportes del Norte, S.A.", "organization", TRUE,
                "role", AMPARO_ADVERSE_ROLE_TRAFFICKER, NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (sponsor), &error));
  findings = amparo_store_find_conflicts (fixture->store, child, &named, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_kind (findings, AMPARO_CONFLICT_IS_ADVERSE_PARTY));
}

/* The decision is saved with who and when, and the journal has it. */
/* On the server the actor is the database account (the test server's is
 * "postgres"), set by the server; on one desk it is the OS user. */
static const char *
expected_actor (void)
{
  return amparo_test_engine_is_pg () ? "postgres" : g_get_user_name ();
}

static void
test_decision_journaled (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(AmparoPerson) child = new_intake ("Ana", "Ixcot");
  AmparoConflictName mother = { "Rosa", "López", AMPARO_RELATIONSHIP_KIND_PARENT };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = amparo_store_find_conflicts (fixture->store, child, &mother, 1, &error);
  g_autoptr(AmparoConflictDecision) decision = NULL;
  g_autoptr(AmparoConflictDecision) stored = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(AmparoJournalEntry) entry = NULL;

  decision = amparo_store_record_conflict_decision (fixture->store, child, findings,
                                                    AMPARO_CONFLICT_DECISION_WAIVED,
                                                    "Both clients consented in writing", &error);
  g_assert_no_error (error);
  stored = amparo_store_get_by_uid (fixture->store, AMPARO_TYPE_CONFLICT_DECISION,
                                    amparo_record_get_uid (AMPARO_RECORD (decision)), &error);
  g_assert_nonnull (stored);
  g_assert_cmpint (amparo_conflict_decision_get_decision (stored), ==, AMPARO_CONFLICT_DECISION_WAIVED);
  g_assert_cmpstr (amparo_conflict_decision_get_decided_by (stored), ==,
                   expected_actor ());
  g_assert_nonnull (amparo_conflict_decision_get_decided_at (stored));
  g_assert_cmpstr (amparo_conflict_decision_get_subject_name (stored), ==, "Ana Ixcot");
  g_assert_nonnull (strstr (amparo_conflict_decision_get_findings (stored), "adverse party"));

  history = amparo_store_list_history (fixture->store, AMPARO_RECORD (stored));
  g_assert_cmpuint (g_list_model_get_n_items (history), >=, 1);
  entry = g_list_model_get_item (history, 0);
  g_assert_cmpint (amparo_journal_entry_get_action (entry), ==, AMPARO_JOURNAL_ACTION_INSERT);
  g_assert_cmpstr (amparo_journal_entry_get_actor (entry), ==, expected_actor ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/conflicts/named-mother-is-adverse", test_named_mother_is_adverse);
  ADD ("/conflicts/known-family-is-checked", test_known_family_is_checked);
  ADD ("/conflicts/none", test_no_conflict);
  ADD ("/conflicts/organization-by-name", test_organization_by_name);
  ADD ("/conflicts/decision-journaled", test_decision_journaled);

#undef ADD
  return g_test_run ();
}
