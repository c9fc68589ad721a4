/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoProceeding:
 *
 * An immigration matter of a person: removal, asylum, SIJS…
 *
 * Table `proceedings`; columns (properties):
 * - `person-id`
 * - `kind`
 * - `court`
 * - `case-number`
 * - `judge`
 * - `status`
 * - `outcome`
 * - `opened-on`
 * - `notes`
 * - `outcome-date`: when the outcome came
 */
#define AMPARO_TYPE_PROCEEDING (amparo_proceeding_get_type ())
G_DECLARE_FINAL_TYPE (AmparoProceeding, amparo_proceeding, AMPARO, PROCEEDING, AmparoRecord)

AmparoProceeding *amparo_proceeding_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoProceeding, amparo_proceeding, person_id, "person-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoProceeding, amparo_proceeding, kind, "kind", AmparoProceedingKind)
AMPARO_RECORD_STRING_ACCESSORS (AmparoProceeding, amparo_proceeding, court, "court")
AMPARO_RECORD_STRING_ACCESSORS (AmparoProceeding, amparo_proceeding, case_number, "case-number")
AMPARO_RECORD_STRING_ACCESSORS (AmparoProceeding, amparo_proceeding, judge, "judge")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoProceeding, amparo_proceeding, status, "status", AmparoProceedingStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoProceeding, amparo_proceeding, outcome, "outcome")
AMPARO_RECORD_STRING_ACCESSORS (AmparoProceeding, amparo_proceeding, opened_on, "opened-on")
AMPARO_RECORD_STRING_ACCESSORS (AmparoProceeding, amparo_proceeding, notes, "notes")
AMPARO_RECORD_STRING_ACCESSORS (AmparoProceeding, amparo_proceeding, outcome_date, "outcome-date")

G_END_DECLS
