/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoMembership:
 *
 * A person's class membership in a litigation case. The store keeps
 * eligible up to date from the litigation's class dates, and creates the
 * benefits and their end-date events from benefits-start.
 *
 * Table `memberships`; columns (properties):
 * - `person-id`
 * - `litigation-id`
 * - `claim-status`
 * - `separation-date`
 * - `eligible`
 * - `benefits-start`
 * - `notes`
 */
#define AMPARO_TYPE_MEMBERSHIP (amparo_membership_get_type ())
G_DECLARE_FINAL_TYPE (AmparoMembership, amparo_membership, AMPARO, MEMBERSHIP, AmparoRecord)

AmparoMembership *amparo_membership_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoMembership, amparo_membership, person_id, "person-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoMembership, amparo_membership, litigation_id, "litigation-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoMembership, amparo_membership, claim_status, "claim-status", AmparoClaimStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoMembership, amparo_membership, separation_date, "separation-date")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoMembership, amparo_membership, eligible, "eligible")
AMPARO_RECORD_STRING_ACCESSORS (AmparoMembership, amparo_membership, benefits_start, "benefits-start")
AMPARO_RECORD_STRING_ACCESSORS (AmparoMembership, amparo_membership, notes, "notes")

G_END_DECLS
