/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-benefit.h"
#include "amparo-record-private.h"

struct _AmparoBenefit
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoBenefit, amparo_benefit, AMPARO_TYPE_RECORD)

static void
amparo_benefit_class_init (AmparoBenefitClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "benefits";
  record_class->default_order = "kind, id";

  amparo_record_class_add_int64 (record_class, "membership-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_BENEFIT_KIND, AMPARO_BENEFIT_KIND_HOUSING);
  amparo_record_class_add_int (record_class, "months", 0, 1200, 0);
  amparo_record_class_add_string (record_class, "starts-on");
  amparo_record_class_add_string (record_class, "ends-on");
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_benefit_init (AmparoBenefit *self)
{
}

/**
 * amparo_benefit_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoBenefit *
amparo_benefit_new (void)
{
  return g_object_new (AMPARO_TYPE_BENEFIT, NULL);
}
