/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-event.h"
#include "amparo-record-private.h"

struct _AmparoEvent
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoEvent, amparo_event, AMPARO_TYPE_RECORD)

static void
amparo_event_class_init (AmparoEventClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "events";
  record_class->default_order = "starts_at, id";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_int64 (record_class, "proceeding-id");
  amparo_record_class_add_int64 (record_class, "benefit-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_EVENT_KIND, AMPARO_EVENT_KIND_HEARING);
  amparo_record_class_add_string (record_class, "title");
  amparo_record_class_add_string (record_class, "starts-at");
  amparo_record_class_add_string (record_class, "place");
  amparo_record_class_add_boolean (record_class, "done");
  amparo_record_class_add_enum (record_class, "source", AMPARO_TYPE_EVENT_SOURCE, AMPARO_EVENT_SOURCE_MANUAL);
  amparo_record_class_add_string (record_class, "notes");
  /* caserecord (#9): what became of it, where it moved from, and the
   * IANA time zone its time is in (the court's). */
  amparo_record_class_add_enum (record_class, "status", AMPARO_TYPE_EVENT_STATUS, AMPARO_EVENT_STATUS_SCHEDULED);
  amparo_record_class_add_string (record_class, "outcome");
  amparo_record_class_add_string (record_class, "moved-from");
  amparo_record_class_add_enum (record_class, "moved-by", AMPARO_TYPE_EVENT_SOURCE, AMPARO_EVENT_SOURCE_MANUAL);
  amparo_record_class_add_string (record_class, "time-zone");
}

static void
amparo_event_init (AmparoEvent *self)
{
}

/**
 * amparo_event_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoEvent *
amparo_event_new (void)
{
  return g_object_new (AMPARO_TYPE_EVENT, NULL);
}
