/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-conflict-decision.h"
#include "amparo-record-private.h"

struct _AmparoConflictDecision
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoConflictDecision, amparo_conflict_decision, AMPARO_TYPE_RECORD)

static void
amparo_conflict_decision_class_init (AmparoConflictDecisionClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "conflict_decisions";
  record_class->default_order = "decided_at DESC, id DESC";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_string (record_class, "subject-name");
  amparo_record_class_add_string (record_class, "findings");
  amparo_record_class_add_enum (record_class, "decision", AMPARO_TYPE_CONFLICT_DECISION_KIND, AMPARO_CONFLICT_DECISION_CLEARED);
  amparo_record_class_add_string (record_class, "decided-by");
  amparo_record_class_add_string (record_class, "decided-at");
  amparo_record_class_add_string (record_class, "notes");
}

static void
amparo_conflict_decision_init (AmparoConflictDecision *self)
{
}

/**
 * amparo_conflict_decision_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoConflictDecision *
amparo_conflict_decision_new (void)
{
  return g_object_new (AMPARO_TYPE_CONFLICT_DECISION, NULL);
}
