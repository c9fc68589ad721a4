/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-release-demand.h"
#include "amparo-record-private.h"

struct _AmparoReleaseDemand
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoReleaseDemand, amparo_release_demand, AMPARO_TYPE_RECORD)

static void
amparo_release_demand_class_init (AmparoReleaseDemandClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "release_demands";
  record_class->default_order = "release_id, number, id";

  amparo_record_class_add_int64 (record_class, "release-id");
  amparo_record_class_add_int64 (record_class, "demand-id");
  amparo_record_class_add_int (record_class, "number", 0, 1000, 0);
}

static void
amparo_release_demand_init (AmparoReleaseDemand *self)
{
}

/**
 * amparo_release_demand_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoReleaseDemand *
amparo_release_demand_new (void)
{
  return g_object_new (AMPARO_TYPE_RELEASE_DEMAND, NULL);
}
