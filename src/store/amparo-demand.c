/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-demand.h"
#include "amparo-record-private.h"

struct _AmparoDemand
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoDemand, amparo_demand, AMPARO_TYPE_RECORD)

static void
amparo_demand_class_init (AmparoDemandClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "demands";
  record_class->default_order = "id";

  amparo_record_class_add_string (record_class, "title-en");
  amparo_record_class_add_string (record_class, "title-es");
  amparo_record_class_add_string (record_class, "text-en");
  amparo_record_class_add_string (record_class, "text-es");
  amparo_record_class_add_enum (record_class, "target", AMPARO_TYPE_DEMAND_TARGET, AMPARO_DEMAND_TARGET_PRESIDENT);
  amparo_record_class_add_string (record_class, "target-detail");
  amparo_record_class_add_enum (record_class, "status", AMPARO_TYPE_DEMAND_STATUS, AMPARO_DEMAND_STATUS_OPEN);
  amparo_record_class_add_string (record_class, "first-stated");
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_demand_init (AmparoDemand *self)
{
}

/**
 * amparo_demand_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoDemand *
amparo_demand_new (void)
{
  return g_object_new (AMPARO_TYPE_DEMAND, NULL);
}
