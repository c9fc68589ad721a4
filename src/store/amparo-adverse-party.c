/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-adverse-party.h"
#include "amparo-record-private.h"

struct _AmparoAdverseParty
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoAdverseParty, amparo_adverse_party, AMPARO_TYPE_RECORD)

static void
amparo_adverse_party_class_init (AmparoAdversePartyClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "adverse_parties";
  record_class->default_order = "id";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_int64 (record_class, "proceeding-id");
  amparo_record_class_add_int64 (record_class, "party-id");
  amparo_record_class_add_string (record_class, "party-name");
  amparo_record_class_add_boolean (record_class, "organization");
  amparo_record_class_add_enum (record_class, "role", AMPARO_TYPE_ADVERSE_ROLE, AMPARO_ADVERSE_ROLE_OTHER);
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_adverse_party_init (AmparoAdverseParty *self)
{
}

/**
 * amparo_adverse_party_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoAdverseParty *
amparo_adverse_party_new (void)
{
  return g_object_new (AMPARO_TYPE_ADVERSE_PARTY, NULL);
}
