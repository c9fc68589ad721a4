/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-test-store.h"
#include "reports-test-data.h"

/* A small store where every figure's answer is known (see the expected
 * values in test-store-reports.c), dated relative to @today so the same
 * data serves the UI test, which runs on the real today. */

char *
reports_test_days_from (const char *today,
                        int         days)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autofree char *midday = g_strconcat (today, "T12:00:00Z", NULL);

  day = g_date_time_new_from_iso8601 (midday, NULL);
  g_assert_nonnull (day);
  moved = g_date_time_add_days (day, days);
  return g_date_time_format (moved, "%Y-%m-%d");
}

static char *
years_before (const char *today,
              int         years,
              int         days)
{
  g_autofree char *midday = g_strconcat (today, "T12:00:00Z", NULL);
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (midday, NULL);
  g_autoptr(GDateTime) moved = g_date_time_add_full (day, -years, 0, -days, 0, 0, 0);

  return g_date_time_format (moved, "%Y-%m-%d");
}

static void
save (AmparoStore *store,
      gpointer     record)
{
  g_autoptr(GError) error = NULL;

  amparo_store_save (store, AMPARO_RECORD (record), &error);
  g_assert_no_error (error);
}

static gint64
id_of (gpointer record)
{
  return amparo_record_get_id (AMPARO_RECORD (record));
}

static AmparoPerson *
person (AmparoStore *store,
        const char  *given,
        const char  *family,
        const char  *sex,
        const char  *birth,
        const char  *status,
        const char  *program,
        const char  *funding,
        const char  *intake,
        const char  *country,
        gboolean     unaccompanied)
{
  AmparoPerson *person = amparo_person_new ();
  g_autoptr(GEnumClass) sexes = g_type_class_ref (AMPARO_TYPE_SEX);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (AMPARO_TYPE_CLIENT_STATUS);

  g_object_set (person, "given-names", given, "family-names", family, "birth-date", birth,
                "sex", g_enum_get_value_by_nick (sexes, sex)->value,
                "client-status", g_enum_get_value_by_nick (statuses, status)->value,
                "program", program, "funding-source", funding, "intake-date", intake,
                "country-of-birth", country, "languages", "Español",
                "unaccompanied-minor", unaccompanied, NULL);
  save (store, person);
  return person;
}

static void
relationship (AmparoStore               *store,
              AmparoPerson              *child,
              AmparoPerson              *parent,
              const char                *separated_on,
              AmparoReunificationStatus  status,
              const char                *reunified_on)
{
  g_autoptr(AmparoRelationship) r = amparo_relationship_new ();

  g_object_set (r, "person-id", id_of (child), "relative-id", id_of (parent),
                "kind", AMPARO_RELATIONSHIP_KIND_PARENT, "separated", separated_on != NULL,
                "separation-date", separated_on, "reunification-status", status,
                "reunification-date", reunified_on, NULL);
  save (store, r);
}

static AmparoProceeding *
proceeding (AmparoStore            *store,
            AmparoPerson           *client,
            AmparoProceedingKind    kind,
            AmparoProceedingStatus  status,
            const char             *outcome)
{
  AmparoProceeding *p = amparo_proceeding_new ();

  g_object_set (p, "person-id", id_of (client), "kind", kind, "status", status, "outcome", outcome, NULL);
  /* The store asks when an outcome came (#9). */
  if (outcome != NULL)
    amparo_proceeding_set_outcome_date (p, "2025-06-30");
  save (store, p);
  return p;
}

static void
hearing (AmparoStore  *store,
         AmparoPerson *client,
         const char   *today,
         int           days,
         gboolean      done)
{
  g_autoptr(AmparoEvent) e = amparo_event_new ();
  g_autofree char *day = reports_test_days_from (today, days);
  g_autofree char *at = g_strconcat (day, "T09:00", NULL);

  g_object_set (e, "person-id", id_of (client), "kind", AMPARO_EVENT_KIND_HEARING,
                "title", "Master calendar hearing", "starts-at", at, "done", done, NULL);
  save (store, e);
}

static void
contact (AmparoStore  *store,
         AmparoPerson *client,
         const char   *verified)
{
  g_autoptr(AmparoContact) c = amparo_contact_new ();

  g_object_set (c, "person-id", id_of (client), "value", "+1 213 555 0100", "last-verified", verified, NULL);
  save (store, c);
}

static void
demand (AmparoStore        *store,
        AmparoDemandStatus  status,
        const char          *stated)
{
  g_autoptr(AmparoDemand) d = amparo_demand_new ();

  g_object_set (d, "text-en", "Reunite every family", "status", status, "first-stated", stated, NULL);
  save (store, d);
}

void
reports_test_data_fill (AmparoStore     *store,
                        const char      *today,
                        ReportsTestData *data)
{
  g_autoptr(AmparoReportScope) last_quarter = amparo_report_scope_new (AMPARO_REPORT_PERIOD_LAST_QUARTER, today, NULL, NULL, NULL);
  g_autofree char *kevin_birth = years_before (today, 15, 20);
  g_autofree char *rosa_birth = years_before (today, 40, 0);
  g_autofree char *yoselin_birth = years_before (today, 8, 0);
  g_autofree char *marta_birth = years_before (today, 30, 0);
  g_autofree char *luis_birth = years_before (today, 6, 200);
  g_autofree char *carlos_birth = years_before (today, 17, 100);
  g_autofree char *long_ago = years_before (today, 3, 0);
  g_autofree char *sep_100 = reports_test_days_from (today, -100);
  g_autofree char *sep_300 = reports_test_days_from (today, -300);
  g_autofree char *sep_400 = reports_test_days_from (today, -400);
  g_autofree char *reunited = reports_test_days_from (today, -50);
  g_autofree char *fresh = reports_test_days_from (today, -10);
  g_autofree char *half_year = reports_test_days_from (today, -200);
  g_autofree char *very_old = reports_test_days_from (today, -500);
  g_autofree char *benefit_end = reports_test_days_from (today, 30);
  g_autofree char *benefits_start = NULL;
  g_autoptr(AmparoPerson) trashed = NULL;
  g_autoptr(AmparoProceeding) sijs = NULL;
  g_autoptr(AmparoAdverseParty) adverse = amparo_adverse_party_new ();
  g_autoptr(AmparoLitigation) litigation = amparo_litigation_new ();
  g_autoptr(AmparoMembership) approved = amparo_membership_new ();
  g_autoptr(AmparoMembership) pending = amparo_membership_new ();
  g_autoptr(GError) error = NULL;

  data->kevin = person (store, "Kevin", "López Ixcot", "male", kevin_birth, "active", REPORTS_TEST_CRP,
                        "ORR", last_quarter->from, "Guatemala", TRUE);
  data->rosa = person (store, "Rosa", "López", "female", rosa_birth, "not-client", NULL, NULL, NULL, "Guatemala", FALSE);
  data->yoselin = person (store, "Yoselin", "López Ixcot", "female", yoselin_birth, "not-client", NULL, NULL, NULL,
                          "Guatemala", FALSE);
  data->marta = person (store, "Marta", "Díaz", "female", marta_birth, "active", REPORTS_TEST_FR,
                        "City grant", today, "Honduras", FALSE);
  data->luis = person (store, "Luis", "Díaz", "male", luis_birth, "prospective", REPORTS_TEST_FR,
                       NULL, today, "Honduras", TRUE);
  data->carlos = person (store, "Carlos", "Pérez", "male", carlos_birth, "closed", REPORTS_TEST_CRP,
                         "ORR", long_ago, "El Salvador", FALSE);
  trashed = person (store, "Trashed", "Person", "male", marta_birth, "active", REPORTS_TEST_CRP, "ORR", today,
                    "México", FALSE);
  /* In the Trash with a hearing: neither counts. */
  hearing (store, trashed, today, 1, FALSE);
  g_assert_true (amparo_store_delete (store, AMPARO_RECORD (trashed), &error));

  /* Still apart 100 and 300 days (median 200, longest 300); one reunified. */
  relationship (store, data->kevin, data->rosa, sep_100, AMPARO_REUNIFICATION_SEPARATED, NULL);
  relationship (store, data->yoselin, data->rosa, sep_300, AMPARO_REUNIFICATION_LOCATED, NULL);
  relationship (store, data->luis, data->marta, sep_400, AMPARO_REUNIFICATION_REUNIFIED, reunited);

  /* Week 0: one; week 1: two; done, past and far hearings do not count. */
  hearing (store, data->kevin, today, 1, FALSE);
  hearing (store, data->kevin, today, 8, FALSE);
  hearing (store, data->marta, today, 9, FALSE);
  hearing (store, data->marta, today, 2, TRUE);
  hearing (store, data->marta, today, 60, FALSE);
  hearing (store, data->kevin, today, -5, FALSE);

  sijs = proceeding (store, data->kevin, AMPARO_PROCEEDING_KIND_SIJS, AMPARO_PROCEEDING_STATUS_OPEN, NULL);
  g_object_unref (proceeding (store, data->carlos, AMPARO_PROCEEDING_KIND_REMOVAL, AMPARO_PROCEEDING_STATUS_CLOSED, "Granted"));
  g_object_unref (proceeding (store, data->marta, AMPARO_PROCEEDING_KIND_DEFENSIVE_ASYLUM, AMPARO_PROCEEDING_STATUS_DECIDED, "granted "));
  g_object_unref (proceeding (store, data->luis, AMPARO_PROCEEDING_KIND_REMOVAL, AMPARO_PROCEEDING_STATUS_DECIDED, "In absentia"));
  g_object_unref (proceeding (store, data->carlos, AMPARO_PROCEEDING_KIND_TPS, AMPARO_PROCEEDING_STATUS_CLOSED, "Terminated"));

  /* Kevin: one fresh, one never verified; Marta: 200 days; Carlos is closed. */
  contact (store, data->kevin, fresh);
  contact (store, data->kevin, NULL);
  contact (store, data->marta, half_year);
  contact (store, data->carlos, very_old);

  g_object_set (litigation, "name", "Ms. L v. ICE", "benefit-terms", "housing=12\nmedical=36", NULL);
  save (store, litigation);
  {
    GDate end;
    char start[16];

    g_date_set_parse (&end, benefit_end);
    g_assert_true (g_date_valid (&end));
    g_date_subtract_months (&end, 12);
    g_snprintf (start, sizeof start, "%04d-%02d-%02d", g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end));
    benefits_start = g_strdup (start);
  }
  g_object_set (approved, "person-id", id_of (data->marta), "litigation-id", id_of (litigation),
                "claim-status", AMPARO_CLAIM_STATUS_APPROVED, "benefits-start", benefits_start, NULL);
  save (store, approved);
  g_object_set (pending, "person-id", id_of (data->luis), "litigation-id", id_of (litigation),
                "claim-status", AMPARO_CLAIM_STATUS_PENDING, NULL);
  save (store, pending);

  demand (store, AMPARO_DEMAND_STATUS_OPEN, fresh);
  demand (store, AMPARO_DEMAND_STATUS_OPEN, fresh);
  demand (store, AMPARO_DEMAND_STATUS_MET, fresh);

  /* The mother is the adverse party in her son's SIJS case. */
  g_object_set (adverse, "person-id", id_of (data->kevin), "proceeding-id", id_of (sijs),
                "party-id", id_of (data->rosa), "party-name", "Rosa López",
                "role", AMPARO_ADVERSE_ROLE_ACCUSED_PARENT, NULL);
  save (store, adverse);
}

void
reports_test_data_clear (ReportsTestData *data)
{
  g_clear_object (&data->kevin);
  g_clear_object (&data->rosa);
  g_clear_object (&data->yoselin);
  g_clear_object (&data->marta);
  g_clear_object (&data->luis);
  g_clear_object (&data->carlos);
}

void
reports_fixture_set_up (ReportsFixture *fixture,
                        const char     *today)
{
  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "reports.amparo");
  reports_test_data_fill (fixture->store, today, &fixture->data);
}

void
reports_fixture_tear_down (ReportsFixture *fixture,
                           gconstpointer   user_data)
{
  reports_test_data_clear (&fixture->data);
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}
