/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-location.h"
#include "amparo-record-private.h"

struct _AmparoLocation
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoLocation, amparo_location, AMPARO_TYPE_RECORD)

static void
amparo_location_class_init (AmparoLocationClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "locations";
  record_class->default_order = "since DESC, id DESC";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_LOCATION_KIND, AMPARO_LOCATION_KIND_UNKNOWN);
  amparo_record_class_add_string (record_class, "facility");
  amparo_record_class_add_string (record_class, "city");
  amparo_record_class_add_string (record_class, "country");
  amparo_record_class_add_string (record_class, "since");
  amparo_record_class_add_string (record_class, "until");
  amparo_record_class_add_string (record_class, "source");
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_location_init (AmparoLocation *self)
{
}

/**
 * amparo_location_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoLocation *
amparo_location_new (void)
{
  return g_object_new (AMPARO_TYPE_LOCATION, NULL);
}
