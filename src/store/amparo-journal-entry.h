/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoJournalEntry:
 *
 * One row of the audit and revision log. created-at is when it happened;
 * changes is a JSON object `{"column": {"old": …, "new": …}}`. Written
 * only by the store.
 *
 * Table `journal`; columns (properties):
 * - `actor`
 * - `host`
 * - `action`
 * - `table-name`
 * - `record-uid`
 * - `record-id`
 * - `changes`
 * - `details`
 */
#define AMPARO_TYPE_JOURNAL_ENTRY (amparo_journal_entry_get_type ())
G_DECLARE_FINAL_TYPE (AmparoJournalEntry, amparo_journal_entry, AMPARO, JOURNAL_ENTRY, AmparoRecord)

AmparoJournalEntry *amparo_journal_entry_new (void);

AMPARO_RECORD_STRING_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, actor, "actor")
AMPARO_RECORD_STRING_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, host, "host")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, action, "action", AmparoJournalAction)
AMPARO_RECORD_STRING_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, table_name, "table-name")
AMPARO_RECORD_STRING_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, record_uid, "record-uid")
AMPARO_RECORD_INT64_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, record_id, "record-id")
AMPARO_RECORD_STRING_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, changes, "changes")
AMPARO_RECORD_STRING_ACCESSORS (AmparoJournalEntry, amparo_journal_entry, details, "details")

G_END_DECLS
