/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-case-restriction.h"
#include "amparo-record-private.h"

struct _AmparoCaseRestriction
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoCaseRestriction, amparo_case_restriction, AMPARO_TYPE_RECORD)

static void
amparo_case_restriction_class_init (AmparoCaseRestrictionClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "case_restrictions";
  record_class->default_order = "account, id";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_string (record_class, "account");
}

static void
amparo_case_restriction_init (AmparoCaseRestriction *self)
{
}

/**
 * amparo_case_restriction_new:
 *
 * Returns: (transfer full): a new, unsaved restriction
 */
AmparoCaseRestriction *
amparo_case_restriction_new (void)
{
  return g_object_new (AMPARO_TYPE_CASE_RESTRICTION, NULL);
}
