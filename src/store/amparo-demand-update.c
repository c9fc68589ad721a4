/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-demand-update.h"
#include "amparo-record-private.h"

struct _AmparoDemandUpdate
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoDemandUpdate, amparo_demand_update, AMPARO_TYPE_RECORD)

static void
amparo_demand_update_class_init (AmparoDemandUpdateClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "demand_updates";
  record_class->default_order = "update_date DESC, id DESC";

  amparo_record_class_add_int64 (record_class, "demand-id");
  amparo_record_class_add_string (record_class, "update-date");
  amparo_record_class_add_enum (record_class, "status", AMPARO_TYPE_DEMAND_STATUS, AMPARO_DEMAND_STATUS_OPEN);
  amparo_record_class_add_string (record_class, "note-en");
  amparo_record_class_add_string (record_class, "note-es");
  amparo_record_class_add_string (record_class, "source-url");
}

static void
amparo_demand_update_init (AmparoDemandUpdate *self)
{
}

/**
 * amparo_demand_update_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoDemandUpdate *
amparo_demand_update_new (void)
{
  return g_object_new (AMPARO_TYPE_DEMAND_UPDATE, NULL);
}
