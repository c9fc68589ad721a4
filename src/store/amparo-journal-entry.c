/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-journal-entry.h"
#include "amparo-record-private.h"

struct _AmparoJournalEntry
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoJournalEntry, amparo_journal_entry, AMPARO_TYPE_RECORD)

static void
amparo_journal_entry_class_init (AmparoJournalEntryClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "journal";
  record_class->default_order = "id DESC";

  amparo_record_class_add_string (record_class, "actor");
  amparo_record_class_add_string (record_class, "host");
  amparo_record_class_add_enum (record_class, "action", AMPARO_TYPE_JOURNAL_ACTION, AMPARO_JOURNAL_ACTION_INSERT);
  amparo_record_class_add_string (record_class, "table-name");
  amparo_record_class_add_string (record_class, "record-uid");
  amparo_record_class_add_int64 (record_class, "record-id");
  amparo_record_class_add_string (record_class, "changes");
  amparo_record_class_add_string (record_class, "details");
}

static void
amparo_journal_entry_init (AmparoJournalEntry *self)
{
}

/**
 * amparo_journal_entry_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoJournalEntry *
amparo_journal_entry_new (void)
{
  return g_object_new (AMPARO_TYPE_JOURNAL_ENTRY, NULL);
}
