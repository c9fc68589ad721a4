/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoEvent:
 *
 * A dated event of a person: hearing, interview, deadline, check-in, or
 * the end of a benefit. starts-at is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
 * local time.
 *
 * Table `events`; columns (properties):
 * - `person-id`
 * - `proceeding-id`
 * - `benefit-id`
 * - `kind`
 * - `title`
 * - `starts-at`
 * - `place`
 * - `done`
 * - `source`
 * - `notes`
 * - `status` (#AmparoEventStatus: scheduled, held, missed, cancelled)
 * - `outcome`: what came of it, in words
 * - `moved-from`: the `starts-at` it had before its last reschedule
 * - `moved-by` (#AmparoEventSource): who moved it (court notice…)
 * - `time-zone`: IANA name of the zone `starts-at` is in
 *   (`America/Los_Angeles`); the organization's or machine's by default
 */
#define AMPARO_TYPE_EVENT (amparo_event_get_type ())
G_DECLARE_FINAL_TYPE (AmparoEvent, amparo_event, AMPARO, EVENT, AmparoRecord)

AmparoEvent *amparo_event_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoEvent, amparo_event, person_id, "person-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoEvent, amparo_event, proceeding_id, "proceeding-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoEvent, amparo_event, benefit_id, "benefit-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoEvent, amparo_event, kind, "kind", AmparoEventKind)
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvent, amparo_event, title, "title")
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvent, amparo_event, starts_at, "starts-at")
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvent, amparo_event, place, "place")
AMPARO_RECORD_BOOLEAN_ACCESSORS (AmparoEvent, amparo_event, done, "done")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoEvent, amparo_event, source, "source", AmparoEventSource)
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvent, amparo_event, notes, "notes")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoEvent, amparo_event, status, "status", AmparoEventStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvent, amparo_event, outcome, "outcome")
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvent, amparo_event, moved_from, "moved-from")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoEvent, amparo_event, moved_by, "moved-by", AmparoEventSource)
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvent, amparo_event, time_zone, "time-zone")

G_END_DECLS
