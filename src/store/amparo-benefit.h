/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoBenefit:
 *
 * A benefit a membership gives, with its computed end date.
 *
 * Table `benefits`; columns (properties):
 * - `membership-id`
 * - `kind`
 * - `months`
 * - `starts-on`
 * - `ends-on`
 * - `notes`
 */
#define AMPARO_TYPE_BENEFIT (amparo_benefit_get_type ())
G_DECLARE_FINAL_TYPE (AmparoBenefit, amparo_benefit, AMPARO, BENEFIT, AmparoRecord)

AmparoBenefit *amparo_benefit_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoBenefit, amparo_benefit, membership_id, "membership-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoBenefit, amparo_benefit, kind, "kind", AmparoBenefitKind)
AMPARO_RECORD_INT_ACCESSORS (AmparoBenefit, amparo_benefit, months, "months")
AMPARO_RECORD_STRING_ACCESSORS (AmparoBenefit, amparo_benefit, starts_on, "starts-on")
AMPARO_RECORD_STRING_ACCESSORS (AmparoBenefit, amparo_benefit, ends_on, "ends-on")
AMPARO_RECORD_STRING_ACCESSORS (AmparoBenefit, amparo_benefit, notes, "notes")

G_END_DECLS
