/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoAdverseParty:
 *
 * A person or organization whose interests oppose a client's: a parent
 * accused of abuse in a SIJS case, a trafficker in a T-visa case, a
 * sponsor under investigation. The conflict check at intake looks for
 * them (src/clients/amparo-conflict-dialog.c).
 *
 * Table `adverse_parties`; columns (properties):
 * - `person-id`: the client whose interests they oppose
 * - `proceeding-id`: the client's case, or 0
 * - `party-id`: the adverse party when they are a person in the store, or 0
 * - `party-name`: their name as written (a person or an organization)
 * - `organization`: an organization rather than a person
 * - `role`
 * - `notes`
 */
#define AMPARO_TYPE_ADVERSE_PARTY (amparo_adverse_party_get_type ())
G_DECLARE_FINAL_TYPE (AmparoAdverseParty, amparo_adverse_party, AMPARO, ADVERSE_PARTY, AmparoRecord)

AmparoAdverseParty *amparo_adverse_party_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoAdverseParty, amparo_adverse_party, person_id, "person-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoAdverseParty, amparo_adverse_party, proceeding_id, "proceeding-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoAdverseParty, amparo_adverse_party, party_id, "party-id")
AMPARO_RECORD_STRING_ACCESSORS (AmparoAdverseParty, amparo_adverse_party, party_name, "party-name")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoAdverseParty, amparo_adverse_party, organization, "organization")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoAdverseParty, amparo_adverse_party, role, "role", AmparoAdverseRole)
AMPARO_RECORD_STRING_ACCESSORS (AmparoAdverseParty, amparo_adverse_party, notes, "notes")

G_END_DECLS
