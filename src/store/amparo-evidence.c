/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-evidence.h"
#include "amparo-record-private.h"

struct _AmparoEvidence
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoEvidence, amparo_evidence, AMPARO_TYPE_RECORD)

static void
amparo_evidence_class_init (AmparoEvidenceClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "relationship_evidence";
  record_class->default_order = "verified_on, id";

  amparo_record_class_add_int64 (record_class, "relationship-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_EVIDENCE_KIND, AMPARO_EVIDENCE_KIND_DOCUMENT);
  amparo_record_class_add_string (record_class, "description");
  amparo_record_class_add_string (record_class, "verified-by");
  amparo_record_class_add_string (record_class, "verified-on");
}

static void
amparo_evidence_init (AmparoEvidence *self)
{
}

/**
 * amparo_evidence_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoEvidence *
amparo_evidence_new (void)
{
  return g_object_new (AMPARO_TYPE_EVIDENCE, NULL);
}
