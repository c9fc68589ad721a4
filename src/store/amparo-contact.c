/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-contact.h"
#include "amparo-record-private.h"

struct _AmparoContact
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoContact, amparo_contact, AMPARO_TYPE_RECORD)

static void
amparo_contact_class_init (AmparoContactClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "contacts";
  record_class->default_order = "person_id, kind, id";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_CONTACT_KIND, AMPARO_CONTACT_KIND_PHONE);
  amparo_record_class_add_string (record_class, "value");
  amparo_record_class_add_string (record_class, "belongs-to");
  amparo_record_class_add_string (record_class, "country");
  amparo_record_class_add_string (record_class, "last-verified");
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_contact_init (AmparoContact *self)
{
}

/**
 * amparo_contact_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoContact *
amparo_contact_new (void)
{
  return g_object_new (AMPARO_TYPE_CONTACT, NULL);
}
