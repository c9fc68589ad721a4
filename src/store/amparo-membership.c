/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-membership.h"
#include "amparo-record-private.h"

struct _AmparoMembership
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoMembership, amparo_membership, AMPARO_TYPE_RECORD)

static void
amparo_membership_class_init (AmparoMembershipClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "memberships";
  record_class->default_order = "id";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_int64 (record_class, "litigation-id");
  amparo_record_class_add_enum (record_class, "claim-status", AMPARO_TYPE_CLAIM_STATUS, AMPARO_CLAIM_STATUS_NOT_FILED);
  amparo_record_class_add_string (record_class, "separation-date");
  amparo_record_class_add_boolean (record_class, "eligible");
  amparo_record_class_add_string (record_class, "benefits-start");
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_membership_init (AmparoMembership *self)
{
}

/**
 * amparo_membership_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoMembership *
amparo_membership_new (void)
{
  return g_object_new (AMPARO_TYPE_MEMBERSHIP, NULL);
}
