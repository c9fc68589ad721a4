/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoContact:
 *
 * A way to reach a person or their relatives, with the date it was last
 * verified.
 *
 * Table `contacts`; columns (properties):
 * - `person-id`
 * - `kind`
 * - `value`
 * - `belongs-to`
 * - `country`
 * - `last-verified`
 * - `notes`
 */
#define AMPARO_TYPE_CONTACT (amparo_contact_get_type ())
G_DECLARE_FINAL_TYPE (AmparoContact, amparo_contact, AMPARO, CONTACT, AmparoRecord)

AmparoContact *amparo_contact_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoContact, amparo_contact, person_id, "person-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoContact, amparo_contact, kind, "kind", AmparoContactKind)
AMPARO_RECORD_STRING_ACCESSORS (AmparoContact, amparo_contact, value, "value")
AMPARO_RECORD_STRING_ACCESSORS (AmparoContact, amparo_contact, belongs_to, "belongs-to")
AMPARO_RECORD_STRING_ACCESSORS (AmparoContact, amparo_contact, country, "country")
AMPARO_RECORD_STRING_ACCESSORS (AmparoContact, amparo_contact, last_verified, "last-verified")
AMPARO_RECORD_STRING_ACCESSORS (AmparoContact, amparo_contact, notes, "notes")

G_END_DECLS
