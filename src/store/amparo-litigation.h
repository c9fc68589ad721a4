/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoLitigation:
 *
 * An impact case such as Ms. L v. ICE. class-from/class-until bound the
 * separation dates that make a class member; benefit-terms lists the
 * benefits a membership gives, one `kind=months` per line (`housing=6`).
 *
 * Table `litigation`; columns (properties):
 * - `name`
 * - `court`
 * - `docket`
 * - `filed-on`
 * - `status`
 * - `summary-en`
 * - `summary-es`
 * - `url`
 * - `class-from`
 * - `class-until`
 * - `benefit-terms`
 */
#define AMPARO_TYPE_LITIGATION (amparo_litigation_get_type ())
G_DECLARE_FINAL_TYPE (AmparoLitigation, amparo_litigation, AMPARO, LITIGATION, AmparoRecord)

AmparoLitigation *amparo_litigation_new (void);

AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, name, "name")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, court, "court")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, docket, "docket")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, filed_on, "filed-on")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoLitigation, amparo_litigation, status, "status", AmparoLitigationStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, summary_en, "summary-en")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, summary_es, "summary-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, url, "url")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, class_from, "class-from")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, class_until, "class-until")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLitigation, amparo_litigation, benefit_terms, "benefit-terms")

G_END_DECLS
