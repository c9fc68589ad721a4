/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoCaseRestriction:
 *
 * roles (#17): one staff account a restricted client record is shown
 * to. A person with at least one live restriction is seen only by the
 * accounts named and by administrators.
 *
 * Table `case_restrictions`; columns (properties):
 * - `person-id`: the client
 * - `account`: the staff account allowed
 */
#define AMPARO_TYPE_CASE_RESTRICTION (amparo_case_restriction_get_type ())
G_DECLARE_FINAL_TYPE (AmparoCaseRestriction, amparo_case_restriction, AMPARO, CASE_RESTRICTION, AmparoRecord)

AmparoCaseRestriction *amparo_case_restriction_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoCaseRestriction, amparo_case_restriction, person_id, "person-id")
AMPARO_RECORD_STRING_ACCESSORS (AmparoCaseRestriction, amparo_case_restriction, account, "account")

G_END_DECLS
