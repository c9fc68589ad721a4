/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoLocation:
 *
 * Where a person is or was, from when until when, and who said so.
 *
 * Table `locations`; columns (properties):
 * - `person-id`
 * - `kind`
 * - `facility`
 * - `city`
 * - `country`
 * - `since`
 * - `until`
 * - `source`
 * - `notes`
 */
#define AMPARO_TYPE_LOCATION (amparo_location_get_type ())
G_DECLARE_FINAL_TYPE (AmparoLocation, amparo_location, AMPARO, LOCATION, AmparoRecord)

AmparoLocation *amparo_location_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoLocation, amparo_location, person_id, "person-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoLocation, amparo_location, kind, "kind", AmparoLocationKind)
AMPARO_RECORD_STRING_ACCESSORS (AmparoLocation, amparo_location, facility, "facility")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLocation, amparo_location, city, "city")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLocation, amparo_location, country, "country")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLocation, amparo_location, since, "since")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLocation, amparo_location, until, "until")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLocation, amparo_location, source, "source")
AMPARO_RECORD_STRING_ACCESSORS (AmparoLocation, amparo_location, notes, "notes")

G_END_DECLS
