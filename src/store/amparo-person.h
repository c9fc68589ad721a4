/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoPerson:
 *
 * A person the organization knows: a client, or a relative of one.
 *
 * Table `persons`; columns (properties):
 * - `given-names`
 * - `family-names`
 * - `aliases`
 * - `birth-date`
 * - `birth-date-estimated`
 * - `sex`
 * - `country-of-birth`
 * - `languages`
 * - `interpreter-needed`
 * - `a-number`
 * - `unaccompanied-minor`
 * - `mpp-history`
 * - `client-status`
 * - `program`
 * - `assigned-staff`
 * - `intake-date`
 * - `notes`
 * - `funding-source` (reports, migration 0006)

 * - `tracing-consent-by`, `tracing-consent-on`, `tracing-consent-scope`:
 *   who consented to family tracing for this person, when, and for what
 */
#define AMPARO_TYPE_PERSON (amparo_person_get_type ())
G_DECLARE_FINAL_TYPE (AmparoPerson, amparo_person, AMPARO, PERSON, AmparoRecord)

AmparoPerson *amparo_person_new (void);

AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, given_names, "given-names")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, family_names, "family-names")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, aliases, "aliases")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, birth_date, "birth-date")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoPerson, amparo_person, birth_date_estimated, "birth-date-estimated")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoPerson, amparo_person, sex, "sex", AmparoSex)
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, country_of_birth, "country-of-birth")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, languages, "languages")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoPerson, amparo_person, interpreter_needed, "interpreter-needed")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, a_number, "a-number")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoPerson, amparo_person, unaccompanied_minor, "unaccompanied-minor")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoPerson, amparo_person, mpp_history, "mpp-history")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoPerson, amparo_person, client_status, "client-status", AmparoClientStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, program, "program")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, assigned_staff, "assigned-staff")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, intake_date, "intake-date")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, notes, "notes")
/* Reports (#16) */
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, funding_source, "funding-source")

AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, tracing_consent_by, "tracing-consent-by")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, tracing_consent_on, "tracing-consent-on")
AMPARO_RECORD_STRING_ACCESSORS (AmparoPerson, amparo_person, tracing_consent_scope, "tracing-consent-scope")

G_END_DECLS
