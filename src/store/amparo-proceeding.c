/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-proceeding.h"
#include "amparo-record-private.h"

struct _AmparoProceeding
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoProceeding, amparo_proceeding, AMPARO_TYPE_RECORD)

static void
amparo_proceeding_class_init (AmparoProceedingClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "proceedings";
  record_class->default_order = "opened_on DESC, id DESC";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_PROCEEDING_KIND, AMPARO_PROCEEDING_KIND_REMOVAL);
  amparo_record_class_add_string (record_class, "court");
  amparo_record_class_add_string (record_class, "case-number");
  amparo_record_class_add_string (record_class, "judge");
  amparo_record_class_add_enum (record_class, "status", AMPARO_TYPE_PROCEEDING_STATUS, AMPARO_PROCEEDING_STATUS_OPEN);
  amparo_record_class_add_string (record_class, "outcome");
  amparo_record_class_add_string (record_class, "opened-on");
  amparo_record_class_add_string (record_class, "notes");
  amparo_record_class_add_string (record_class, "outcome-date");
}

static void
amparo_proceeding_init (AmparoProceeding *self)
{
}

/**
 * amparo_proceeding_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoProceeding *
amparo_proceeding_new (void)
{
  return g_object_new (AMPARO_TYPE_PROCEEDING, NULL);
}
