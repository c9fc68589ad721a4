/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoConflictDecision:
 *
 * What was decided about a possible conflict of interest found at
 * intake or on demand, by whom and when.
 *
 * Table `conflict_decisions`; columns (properties):
 * - `person-id`: the person checked, or 0 when the intake was declined
 * - `subject-name`: the name that was checked
 * - `findings`: what the check found, one sentence a line
 * - `decision`
 * - `decided-by`
 * - `decided-at`: ISO 8601 date and time (UTC)
 * - `notes`: why, and for a waiver how consent was given
 */
#define AMPARO_TYPE_CONFLICT_DECISION (amparo_conflict_decision_get_type ())
G_DECLARE_FINAL_TYPE (AmparoConflictDecision, amparo_conflict_decision, AMPARO, CONFLICT_DECISION, AmparoRecord)

AmparoConflictDecision *amparo_conflict_decision_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoConflictDecision, amparo_conflict_decision, person_id, "person-id")
AMPARO_RECORD_STRING_ACCESSORS (AmparoConflictDecision, amparo_conflict_decision, subject_name, "subject-name")
AMPARO_RECORD_STRING_ACCESSORS (AmparoConflictDecision, amparo_conflict_decision, findings, "findings")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoConflictDecision, amparo_conflict_decision, decision, "decision", AmparoConflictDecisionKind)
AMPARO_RECORD_STRING_ACCESSORS (AmparoConflictDecision, amparo_conflict_decision, decided_by, "decided-by")
AMPARO_RECORD_STRING_ACCESSORS (AmparoConflictDecision, amparo_conflict_decision, decided_at, "decided-at")
AMPARO_RECORD_STRING_ACCESSORS (AmparoConflictDecision, amparo_conflict_decision, notes, "notes")

G_END_DECLS
