/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-litigation.h"
#include "amparo-record-private.h"

struct _AmparoLitigation
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoLitigation, amparo_litigation, AMPARO_TYPE_RECORD)

static void
amparo_litigation_class_init (AmparoLitigationClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "litigation";
  record_class->default_order = "filed_on DESC, id DESC";

  amparo_record_class_add_string (record_class, "name");
  amparo_record_class_add_string (record_class, "court");
  amparo_record_class_add_string (record_class, "docket");
  amparo_record_class_add_string (record_class, "filed-on");
  amparo_record_class_add_enum (record_class, "status", AMPARO_TYPE_LITIGATION_STATUS, AMPARO_LITIGATION_STATUS_ACTIVE);
  amparo_record_class_add_string (record_class, "summary-en");
  amparo_record_class_add_string (record_class, "summary-es");
  amparo_record_class_add_string (record_class, "url");
  amparo_record_class_add_string (record_class, "class-from");
  amparo_record_class_add_string (record_class, "class-until");
  amparo_record_class_add_string (record_class, "benefit-terms");
}

static void
amparo_litigation_init (AmparoLitigation *self)
{
}

/**
 * amparo_litigation_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoLitigation *
amparo_litigation_new (void)
{
  return g_object_new (AMPARO_TYPE_LITIGATION, NULL);
}
