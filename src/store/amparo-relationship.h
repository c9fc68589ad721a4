/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoRelationship:
 *
 * A family link: the relative (relative-id) is the kind of relative of the
 * person (person-id), e.g. kind parent means the relative is the person's
 * parent. Holds separation and reunification.
 *
 * Table `relationships`; columns (properties):
 * - `person-id`
 * - `relative-id`
 * - `kind`
 * - `verification`
 * - `separated`
 * - `separation-date`
 * - `separation-place`
 * - `separated-by`
 * - `reunification-status`
 * - `reunification-date`
 * - `status-date`
 * - `tracing-consent`
 * - `notes`
 */
#define AMPARO_TYPE_RELATIONSHIP (amparo_relationship_get_type ())
G_DECLARE_FINAL_TYPE (AmparoRelationship, amparo_relationship, AMPARO, RELATIONSHIP, AmparoRecord)

AmparoRelationship *amparo_relationship_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoRelationship, amparo_relationship, person_id, "person-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoRelationship, amparo_relationship, relative_id, "relative-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoRelationship, amparo_relationship, kind, "kind", AmparoRelationshipKind)
AMPARO_RECORD_ENUM_ACCESSORS (AmparoRelationship, amparo_relationship, verification, "verification", AmparoVerification)
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoRelationship, amparo_relationship, separated, "separated")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelationship, amparo_relationship, separation_date, "separation-date")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelationship, amparo_relationship, separation_place, "separation-place")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelationship, amparo_relationship, separated_by, "separated-by")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoRelationship, amparo_relationship, reunification_status, "reunification-status", AmparoReunificationStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelationship, amparo_relationship, reunification_date, "reunification-date")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelationship, amparo_relationship, status_date, "status-date")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoRelationship, amparo_relationship, tracing_consent, "tracing-consent")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelationship, amparo_relationship, notes, "notes")

G_END_DECLS
