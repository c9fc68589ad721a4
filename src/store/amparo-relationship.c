/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-relationship.h"
#include "amparo-record-private.h"

struct _AmparoRelationship
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoRelationship, amparo_relationship, AMPARO_TYPE_RECORD)

static void
amparo_relationship_class_init (AmparoRelationshipClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "relationships";
  record_class->default_order = "id";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_int64 (record_class, "relative-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_RELATIONSHIP_KIND, AMPARO_RELATIONSHIP_KIND_PARENT);
  amparo_record_class_add_enum (record_class, "verification", AMPARO_TYPE_VERIFICATION, AMPARO_VERIFICATION_CLAIMED);
  amparo_record_class_add_boolean (record_class, "separated");
  amparo_record_class_add_string (record_class, "separation-date");
  amparo_record_class_add_string (record_class, "separation-place");
  amparo_record_class_add_string (record_class, "separated-by");
  amparo_record_class_add_enum (record_class, "reunification-status", AMPARO_TYPE_REUNIFICATION_STATUS, AMPARO_REUNIFICATION_NOT_SEPARATED);
  amparo_record_class_add_string (record_class, "reunification-date");
  amparo_record_class_add_string (record_class, "status-date");
  amparo_record_class_add_boolean (record_class, "tracing-consent");
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_relationship_init (AmparoRelationship *self)
{
}

/**
 * amparo_relationship_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoRelationship *
amparo_relationship_new (void)
{
  return g_object_new (AMPARO_TYPE_RELATIONSHIP, NULL);
}
