/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-person.h"
#include "amparo-record-private.h"

struct _AmparoPerson
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoPerson, amparo_person, AMPARO_TYPE_RECORD)

static void
amparo_person_class_init (AmparoPersonClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "persons";
  record_class->default_order = "family_names COLLATE NOCASE, given_names COLLATE NOCASE, id";

  amparo_record_class_add_string (record_class, "given-names");
  amparo_record_class_add_string (record_class, "family-names");
  amparo_record_class_add_string (record_class, "aliases");
  amparo_record_class_add_string (record_class, "birth-date");
  amparo_record_class_add_boolean (record_class, "birth-date-estimated");
  amparo_record_class_add_enum (record_class, "sex", AMPARO_TYPE_SEX, AMPARO_SEX_UNKNOWN);
  amparo_record_class_add_string (record_class, "country-of-birth");
  amparo_record_class_add_string (record_class, "languages");
  amparo_record_class_add_boolean (record_class, "interpreter-needed");
  amparo_record_class_add_string (record_class, "a-number");
  amparo_record_class_add_boolean (record_class, "unaccompanied-minor");
  amparo_record_class_add_boolean (record_class, "mpp-history");
  amparo_record_class_add_enum (record_class, "client-status", AMPARO_TYPE_CLIENT_STATUS, AMPARO_CLIENT_STATUS_PROSPECTIVE);
  amparo_record_class_add_string (record_class, "program");
  amparo_record_class_add_string (record_class, "assigned-staff");
  amparo_record_class_add_string (record_class, "intake-date");
  amparo_record_class_add_string (record_class, "notes");

  /* Reports (#16, migration 0006): who pays for the case, for funder
   * reports. Kept apart so the areas' additions do not collide. */
  amparo_record_class_add_string (record_class, "funding-source");

  /* caserecord (#9): consent to family tracing */
  amparo_record_class_add_string (record_class, "tracing-consent-by");
  amparo_record_class_add_string (record_class, "tracing-consent-on");
  amparo_record_class_add_string (record_class, "tracing-consent-scope");
}

static void
amparo_person_init (AmparoPerson *self)
{
}

/**
 * amparo_person_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoPerson *
amparo_person_new (void)
{
  return g_object_new (AMPARO_TYPE_PERSON, NULL);
}
