/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-staff.h"
#include "amparo-record-private.h"

struct _AmparoStaff
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoStaff, amparo_staff, AMPARO_TYPE_RECORD)

static void
amparo_staff_class_init (AmparoStaffClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "staff";
  record_class->default_order = "account, id";

  amparo_record_class_add_string (record_class, "account");
  amparo_record_class_add_string (record_class, "display-name");
  amparo_record_class_add_enum (record_class, "role", AMPARO_TYPE_STAFF_ROLE, AMPARO_STAFF_ROLE_FRONT_DESK);
  amparo_record_class_add_string (record_class, "programs");
}

static void
amparo_staff_init (AmparoStaff *self)
{
}

/**
 * amparo_staff_new:
 *
 * Returns: (transfer full): a new, unsaved staff member
 */
AmparoStaff *
amparo_staff_new (void)
{
  return g_object_new (AMPARO_TYPE_STAFF, NULL);
}
