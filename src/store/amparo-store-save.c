/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-store-import.h"
#include "amparo-query-model.h"
#include "amparo-record-private.h"

/* Saving and journaling: transactions, insert/update, Trash, the journal. */

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (json, "\\%c", c);
      else if (c == '\n')
        g_string_append (json, "\\n");
      else if (c == '\t')
        g_string_append (json, "\\t");
      else if (c == '\r')
        g_string_append (json, "\\r");
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, c);
    }
  g_string_append_c (json, '"');
}

static void
append_json_value (GString      *json,
                   GParamSpec   *pspec,
                   const GValue *value)
{
  GType type = pspec->value_type;

  if (value == NULL)
    g_string_append (json, "null");
  else if (type == G_TYPE_STRING)
    {
      if (g_value_get_string (value) != NULL)
        append_json_string (json, g_value_get_string (value));
      else
        g_string_append (json, "null");
    }
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (json, g_value_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_INT)
    g_string_append_printf (json, "%d", g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    {
      if (property_is_reference (pspec) && g_value_get_int64 (value) == 0)
        g_string_append (json, "null");
      else
        g_string_append_printf (json, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      append_json_string (json, enum_value ? enum_value->value_nick : "");
    }
}

static gboolean
is_bookkeeping_column (GParamSpec *pspec)
{
  return pspec->owner_type == AMPARO_TYPE_RECORD;
}

/* Adds `"column": {"old": …, "new": …}` when the values differ. */
static gboolean
append_change (GString      *json,
               GParamSpec   *pspec,
               const GValue *old_value,
               const GValue *new_value)
{
  g_auto(GValue) old_default = G_VALUE_INIT;
  g_auto(GValue) new_default = G_VALUE_INIT;
  g_autofree char *column = NULL;

  if (old_value == NULL)
    {
      g_value_init (&old_default, pspec->value_type);
      g_param_value_set_default (pspec, &old_default);
    }
  if (new_value == NULL)
    {
      g_value_init (&new_default, pspec->value_type);
      g_param_value_set_default (pspec, &new_default);
    }
  if (g_param_values_cmp (pspec, old_value ? old_value : &old_default,
                          new_value ? new_value : &new_default) == 0)
    return FALSE;

  column = amparo_property_to_column (pspec->name);
  if (json->len > 1)
    g_string_append_c (json, ',');
  append_json_string (json, column);
  g_string_append (json, ":{\"old\":");
  append_json_value (json, pspec, old_value);
  g_string_append (json, ",\"new\":");
  append_json_value (json, pspec, new_value);
  g_string_append_c (json, '}');
  return TRUE;
}

static gboolean
write_journal (AmparoStore         *self,
               AmparoJournalAction  action,
               AmparoRecord        *record,
               const char          *changes,
               const char          *details,
               GError             **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_JOURNAL_ACTION);
  g_autofree char *uid = g_uuid_string_random ();
  g_autofree char *now = amparo_store_now ();

  /* On a shared server a trigger puts the database account in `actor`,
   * whatever is sent here (see resources/sql/pg/0001-initial.sql). */
  stmt = amparo_store_prepare_stmt (self,
                               "INSERT INTO journal (uid, created_at, updated_at, actor, host,"
                               " action, table_name, record_uid, record_id, changes, details)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;

  amparo_db_bind_text (stmt, 1, uid);
  amparo_db_bind_text (stmt, 2, now);
  amparo_db_bind_text (stmt, 3, now);
  amparo_db_bind_text (stmt, 4, self->actor);
  amparo_db_bind_text (stmt, 5, self->host);
  amparo_db_bind_text (stmt, 6, g_enum_get_value (enum_class, action)->value_nick);
  amparo_db_bind_text (stmt, 7, amparo_record_get_table_name (record));
  amparo_db_bind_text (stmt, 8, amparo_record_get_uid (record));
  amparo_db_bind_int64 (stmt, 9, amparo_record_get_id (record));
  amparo_db_bind_text (stmt, 10, changes);
  amparo_db_bind_text (stmt, 11, details);

  if (amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    return FALSE;
  /* Announced at commit; the live watch must not announce it again. */
  amparo_store_live_note_own_row (self, amparo_db_column_int64 (stmt, 0));
  return amparo_db_step_done (stmt, error);
}

static void
set_property_value (AmparoRecord *record,
                    const char   *property,
                    const char   *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  amparo_record_take_value (record,
                            g_object_class_find_property (G_OBJECT_GET_CLASS (record), property),
                            &value);
}

/* Revisions raised in the open transaction, to be put back if it rolls
 * back: else the record would name a revision the store never kept. */
typedef struct
{
  AmparoRecord *record;
  gint64 old_revision;
  guint depth;
} RevisionUndo;

static void
revision_undo_free (gpointer data)
{
  RevisionUndo *undo = data;

  g_object_unref (undo->record);
  g_free (undo);
}

static void
set_revision (AmparoStore  *self,
              AmparoRecord *record,
              gint64        revision)
{
  RevisionUndo *undo = g_new0 (RevisionUndo, 1);

  if (self->tx_revisions == NULL)
    self->tx_revisions = g_ptr_array_new_with_free_func (revision_undo_free);
  undo->record = g_object_ref (record);
  undo->old_revision = amparo_record_get_revision (record);
  undo->depth = self->tx_depth;
  g_ptr_array_add (self->tx_revisions, undo);
  amparo_record_set_int64 (record, "revision", revision);
}

static void
undo_revisions (AmparoStore *self,
                guint        depth)
{
  for (guint i = self->tx_revisions ? self->tx_revisions->len : 0; i > 0; i--)
    {
      RevisionUndo *undo = self->tx_revisions->pdata[i - 1];

      if (undo->depth < depth)
        continue;
      amparo_record_set_int64 (undo->record, "revision", undo->old_revision);
      g_ptr_array_remove_index (self->tx_revisions, i - 1);
    }
}

/* Who last changed the record, and when, from its journal. */
static void
read_last_change (AmparoStore  *self,
                  AmparoRecord *record,
                  char        **who,
                  char        **when)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;

  *who = NULL;
  *when = NULL;
  stmt = amparo_store_prepare_stmt (self,
                                    "SELECT actor, created_at FROM journal WHERE record_uid = ?"
                                    " AND action IN ('insert', 'update', 'delete', 'restore')"
                                    " ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return;
  amparo_db_bind_text (stmt, 1, amparo_record_get_uid (record));
  if (amparo_db_step (stmt, NULL) == AMPARO_DB_ROW)
    {
      *who = g_strdup (amparo_db_column_text (stmt, 0));
      *when = g_strdup (amparo_db_column_text (stmt, 1));
    }
}

/* Refuses a save over a version saved by someone else since @record was
 * loaded, giving the caller that version to compare field by field. */
static gboolean
set_conflict_error (AmparoStore   *self,
                    AmparoRecord  *record,
                    GError       **error)
{
  g_autoptr(AmparoRecord) theirs = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  theirs = amparo_store_get_by_id (self, G_OBJECT_TYPE (record), amparo_record_get_id (record), &local);
  if (theirs == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  read_last_change (self, record, &who, &when);
  {
    g_autoptr(GDateTime) utc = when ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
    g_autoptr(GDateTime) local_time = utc ? g_date_time_to_local (utc) : NULL;
    g_autofree char *shown = local_time ? g_date_time_format (local_time, "%Y-%m-%d %H:%M") : NULL;

    local = g_error_new (AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CONFLICT,
                         _("%s changed this record (%s) after you opened it. Nothing was saved: choose, field by field, what to keep."),
                         who ? who : _("Someone else"), shown ? shown : (when ? when : "?"));
  }
  amparo_store_error_set_conflict (local, theirs, who, when);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/**
 * amparo_store_take_revision:
 * @record: the record whose save was refused as a conflict
 * @theirs: the stored version from amparo_store_error_get_conflict()
 *
 * After the user chose, field by field, between their values and the
 * stored ones (and set them on @record): the next save of @record
 * overwrites @theirs instead of being refused.
 */
void
amparo_store_take_revision (AmparoRecord *record,
                            AmparoRecord *theirs)
{
  g_return_if_fail (AMPARO_IS_RECORD (record));
  g_return_if_fail (AMPARO_IS_RECORD (theirs));

  amparo_record_set_int64 (record, "revision", amparo_record_get_revision (theirs));
}

static gboolean
insert_record (AmparoStore   *self,
               AmparoRecord  *record,
               GError       **error)
{
  GType type = G_OBJECT_TYPE (record);
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (type);
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(GString) changes = g_string_new ("{");
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *now = amparo_store_now ();
  /* The checksum written by the INSERT itself (#14). */
  gboolean with_checksum = amparo_store_checksum_applies (self, type);
  gboolean checksum_ok = FALSE;
  gint64 id;

  if (amparo_record_get_uid (record) == NULL)
    {
      g_autofree char *uid = g_uuid_string_random ();
      set_property_value (record, "uid", uid);
    }
  set_property_value (record, "created-at", now);
  set_property_value (record, "updated-at", now);
  set_revision (self, record, 1);

  if (with_checksum)
    g_string_assign (sql, amparo_store_checksum_insert_sql (type));
  else
    {
      g_string_append_printf (sql, "%s (", table_of (type));
      for (guint i = 1; i < pspecs->len; i++)
        {
          g_autofree char *column = amparo_property_to_column (((GParamSpec *) pspecs->pdata[i])->name);
          g_string_append_printf (sql, "%s%s", i > 1 ? ", " : "", column);
        }
      g_string_append (sql, ") VALUES (");
      for (guint i = 1; i < pspecs->len; i++)
        g_string_append (sql, i > 1 ? ", ?" : "?");
      /* Both engines return the new id the same way. */
      g_string_append (sql, ") RETURNING id");
    }

  if (!(stmt = amparo_store_prepare_stmt (self, sql->str, error)))
    return FALSE;

  for (guint i = 1; i < pspecs->len; i++)
    {
      GParamSpec *pspec = pspecs->pdata[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);
      amparo_store_bind_value (stmt, i, pspec, &value);
      if (!is_bookkeeping_column (pspec))
        append_change (changes, pspec, NULL, amparo_record_peek_value (record, pspec));
    }
  g_string_append_c (changes, '}');

  if (amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    return FALSE;
  id = amparo_db_column_int64 (stmt, 0);
  checksum_ok = with_checksum && amparo_db_column_int64 (stmt, 1) != 0;
  if (!amparo_db_step_done (stmt, error))
    return FALSE;

  amparo_record_set_int64 (record, "id", id);
  g_ptr_array_add (self->tx_inserted, g_object_ref (record));
  g_array_append_val (self->tx_inserted_depth, self->tx_depth);
  /* Written again from the stored row when SQLite converted a value. */
  if (with_checksum && !checksum_ok && !amparo_store_update_checksum (self, record, error))
    return FALSE;

  return write_journal (self, AMPARO_JOURNAL_ACTION_INSERT, record, changes->str, NULL, error);
}

static gboolean
update_record (AmparoStore   *self,
               AmparoRecord  *record,
               gboolean      *changed_any,
               GError       **error)
{
  GType type = G_OBJECT_TYPE (record);
  g_autoptr(AmparoRecord) stored = NULL;
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (type);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) changes = g_string_new ("{");
  g_autoptr(GString) sql = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *now = NULL;

  stored = amparo_store_get_by_id (self, type, amparo_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = pspecs->pdata[i];

      if (is_bookkeeping_column (pspec))
        continue;
      if (append_change (changes, pspec, amparo_record_peek_value (stored, pspec),
                         amparo_record_peek_value (record, pspec)))
        g_ptr_array_add (changed, pspec);
    }
  g_string_append_c (changes, '}');

  /* Nothing changed: no write, no journal row, no signal. (Its values
   * are the stored ones, so it is that revision too.) */
  *changed_any = changed->len > 0;
  if (changed->len == 0)
    {
      amparo_record_set_int64 (record, "revision", amparo_record_get_revision (stored));
      return TRUE;
    }
  if (amparo_record_get_revision (stored) != amparo_record_get_revision (record))
    return set_conflict_error (self, record, error);

  now = amparo_store_now ();
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?, revision = revision + 1", table_of (type));
  for (guint i = 0; i < changed->len; i++)
    {
      g_autofree char *column = amparo_property_to_column (((GParamSpec *) changed->pdata[i])->name);
      g_string_append_printf (sql, ", %s = ?", column);
    }
  /* The revision again: another desk may have saved since we read. */
  g_string_append (sql, " WHERE id = ? AND revision = ? RETURNING revision");

  if (!(stmt = amparo_store_prepare_stmt (self, sql->str, error)))
    return FALSE;
  amparo_db_bind_text (stmt, 1, now);
  for (guint i = 0; i < changed->len; i++)
    {
      GParamSpec *pspec = changed->pdata[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);
      amparo_store_bind_value (stmt, i + 2, pspec, &value);
    }
  amparo_db_bind_int64 (stmt, changed->len + 2, amparo_record_get_id (record));
  amparo_db_bind_int64 (stmt, changed->len + 3, amparo_record_get_revision (record));

  switch (amparo_db_step (stmt, error))
    {
    case AMPARO_DB_ERROR:
      return FALSE;
    case AMPARO_DB_DONE:
      return set_conflict_error (self, record, error);
    case AMPARO_DB_ROW:
      set_revision (self, record, amparo_db_column_int64 (stmt, 0));
      break;
    }
  if (!amparo_db_step_done (stmt, error) || !amparo_store_update_checksum (self, record, error))
    return FALSE;

  set_property_value (record, "updated-at", now);
  return write_journal (self, AMPARO_JOURNAL_ACTION_UPDATE, record, changes->str, NULL, error);
}

/* Records inserted at @depth or deeper are gone with the rollback: make
 * them unsaved again, so saving them once more inserts them. */
static void
forget_inserted (AmparoStore *self,
                 guint        depth)
{
  for (guint i = self->tx_inserted->len; i > 0; i--)
    if (g_array_index (self->tx_inserted_depth, guint, i - 1) >= depth)
      {
        amparo_record_set_int64 (self->tx_inserted->pdata[i - 1], "id", 0);
        g_ptr_array_remove_index (self->tx_inserted, i - 1);
        g_array_remove_index (self->tx_inserted_depth, i - 1);
      }
}

void
amparo_store_queue_changed (AmparoStore  *self,
                            AmparoRecord *record)
{
  /* A hash set beside the list: an import of 100,000 persons in one
   * transaction scanned the list once per person. */
  if (g_hash_table_add (self->tx_changed_set, record))
    g_ptr_array_add (self->tx_changed, g_object_ref (record));
}

gboolean
amparo_store_set_deleted (AmparoStore          *self,
                          AmparoRecord         *record,
                          gboolean              deleted,
                          GError              **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *now = amparo_store_now ();
  const char *old = amparo_record_get_deleted_at (record);

  sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?, updated_at = ?, revision = revision + 1"
                         " WHERE id = ? RETURNING revision",
                         amparo_record_get_table_name (record));
  if (!(stmt = amparo_store_prepare_stmt (self, sql, error)))
    return FALSE;
  amparo_db_bind_text (stmt, 1, deleted ? now : NULL);
  amparo_db_bind_text (stmt, 2, now);
  amparo_db_bind_int64 (stmt, 3, amparo_record_get_id (record));
  if (amparo_db_step (stmt, error) == AMPARO_DB_ROW)
    {
      gint64 revision = amparo_db_column_int64 (stmt, 0);

      /* Only if nobody else saved in between: a stale copy stays stale, and
       * its next save is still refused. */
      if (revision == amparo_record_get_revision (record) + 1)
        set_revision (self, record, revision);
    }
  if (!amparo_db_step_done (stmt, error) || !amparo_store_update_checksum (self, record, error))
    return FALSE;

  g_string_append (changes, "{\"deleted_at\":{\"old\":");
  if (old != NULL)
    append_json_string (changes, old);
  else
    g_string_append (changes, "null");
  g_string_append (changes, ",\"new\":");
  if (deleted)
    append_json_string (changes, now);
  else
    g_string_append (changes, "null");
  g_string_append (changes, "}}");

  if (!write_journal (self, deleted ? AMPARO_JOURNAL_ACTION_DELETE : AMPARO_JOURNAL_ACTION_RESTORE,
                      record, changes->str, NULL, error))
    return FALSE;

  set_property_value (record, "deleted-at", deleted ? now : NULL);
  set_property_value (record, "updated-at", now);
  amparo_store_queue_changed (self, record);
  return TRUE;
}

gboolean
amparo_store_save_in_transaction (AmparoStore   *self,
                                  AmparoRecord  *record,
                                  GError       **error)
{
  gboolean inserting = amparo_record_get_id (record) == 0;
  gboolean changed = TRUE;

  /* roles (#17): what the staff member's role may write. */
  if (!amparo_store_access_before_save (self, record, error))
    return FALSE;
  if (!amparo_store_normalize_and_validate (self, record, error))
    return FALSE;
  if (!(inserting ? insert_record (self, record, error)
                  : update_record (self, record, &changed, error)))
    return FALSE;
  if (!changed)
    return TRUE;
  if (!amparo_store_run_rules_after_save (self, record, error))
    return FALSE;
  if (AMPARO_IS_STAFF (record))
    amparo_store_access_forget_role (self);
  amparo_store_queue_changed (self, record);
  return TRUE;
}

/* Every changed record's record-changed, then one records-changed per
 * kind with its count, in the order the kinds were first changed (#14).
 * While they go out, amparo_store_get_batch_size() tells a listener how
 * large the batch is, so it can wait for the kind's single notice. */
void
amparo_store_announce_batch (AmparoStore *self,
                             GPtrArray   *changed)
{
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  /* A listener may save and commit: its notices nest inside these. */
  GArray *outer_kinds = self->batch_kinds;
  GArray *outer_counts = self->batch_counts;

  for (guint i = 0; i < changed->len; i++)
    {
      GType kind = G_OBJECT_TYPE (changed->pdata[i]);
      guint k = 0;

      /* A commit touches a handful of kinds: a scan is enough. */
      while (k < kinds->len && g_array_index (kinds, GType, k) != kind)
        k++;
      if (k == kinds->len)
        {
          guint zero = 0;

          g_array_append_val (kinds, kind);
          g_array_append_val (counts, zero);
        }
      g_array_index (counts, guint, k)++;
    }
  self->batch_kinds = kinds;
  self->batch_counts = counts;
  for (guint i = 0; i < changed->len; i++)
    amparo_store_emit_record_changed (self, changed->pdata[i]);
  for (guint k = 0; k < kinds->len; k++)
    amparo_store_emit_records_changed (self, g_array_index (kinds, GType, k),
                                       g_array_index (counts, guint, k));
  self->batch_kinds = outer_kinds;
  self->batch_counts = outer_counts;
}

/**
 * amparo_store_get_batch_size:
 * @kind: an #AmparoRecord subtype
 *
 * Called from a #AmparoStore::record-changed handler: how many records
 * of @kind the commit being announced changed. A list that reads itself
 * again on #AmparoStore::records-changed can ignore the record-changed
 * of a large batch (an import), which follows before it.
 *
 * Returns: the count, or 0 outside a commit's notices
 */
guint
amparo_store_get_batch_size (AmparoStore *self,
                             GType        kind)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), 0);

  for (guint k = 0; self->batch_kinds != NULL && k < self->batch_kinds->len; k++)
    if (g_array_index (self->batch_kinds, GType, k) == kind)
      return g_array_index (self->batch_counts, guint, k);
  return 0;
}

/**
 * amparo_store_begin:
 *
 * Opens a transaction; calls nest (inner ones are savepoints). Every
 * begin must be matched by amparo_store_commit() or
 * amparo_store_rollback(). Saves inside it become visible, and are
 * announced through #AmparoStore::record-changed, at the outermost commit.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_begin (AmparoStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  if (!(self->tx_depth == 0 ? amparo_db_begin (self->conn, error)
                            : amparo_db_savepoint (self->conn, self->tx_depth, error)))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

/**
 * amparo_store_commit:
 *
 * Commits the innermost transaction. If the outermost commit fails (a
 * full disk), everything since amparo_store_begin() is rolled back.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_commit (AmparoStore  *self,
                     GError      **error)
{
  g_autoptr(GPtrArray) changed = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth > 1)
    {
      if (!amparo_db_release (self->conn, self->tx_depth - 1, error))
        return FALSE;
      self->tx_depth--;
      /* Their fate is now the enclosing level's. Levels only grow toward
       * the end of both lists (a deeper level is released or rolled back
       * before a shallower one saves again), so only their tails can be
       * deeper: a save inside a long transaction stays cheap. */
      for (guint i = self->tx_inserted_depth->len; i > 0; i--)
        {
          guint *depth = &g_array_index (self->tx_inserted_depth, guint, i - 1);

          if (*depth <= self->tx_depth)
            break;
          *depth = self->tx_depth;
        }
      for (guint i = self->tx_revisions ? self->tx_revisions->len : 0; i > 0; i--)
        {
          RevisionUndo *undo = self->tx_revisions->pdata[i - 1];

          if (undo->depth <= self->tx_depth)
            break;
          undo->depth = self->tx_depth;
        }
      return TRUE;
    }

  if (!amparo_db_commit (self->conn, error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  self->tx_depth = 0;
  g_ptr_array_set_size (self->tx_inserted, 0);
  g_array_set_size (self->tx_inserted_depth, 0);
  if (self->tx_revisions)
    g_ptr_array_set_size (self->tx_revisions, 0);

  changed = g_steal_pointer (&self->tx_changed);
  self->tx_changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->tx_changed_set);
  amparo_store_announce_batch (self, changed);
  return TRUE;
}

/**
 * amparo_store_rollback:
 *
 * Undoes the innermost transaction. Records inserted in it become
 * unsaved again (id 0), so saving them later inserts them.
 */
void
amparo_store_rollback (AmparoStore *self)
{
  g_return_if_fail (AMPARO_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth > 1)
    {
      amparo_db_rollback_to (self->conn, self->tx_depth - 1, NULL);
      forget_inserted (self, self->tx_depth);
      undo_revisions (self, self->tx_depth);
      self->tx_depth--;
      return;
    }

  /* Fails harmlessly when SQLite already rolled back (e.g. disk full). */
  amparo_db_rollback (self->conn, NULL);
  forget_inserted (self, 1);
  undo_revisions (self, 1);
  self->tx_depth = 0;
  g_ptr_array_set_size (self->tx_changed, 0);
  g_hash_table_remove_all (self->tx_changed_set);
}

/**
 * amparo_store_validate:
 * @record: a record, saved or not
 *
 * Checks the record as amparo_store_save() would, without saving. It
 * may normalize values (an A-number typed `A-12-345-678` becomes
 * `012345678`).
 *
 * Returns: %TRUE if it can be saved; else %FALSE with @error set to
 *   %AMPARO_STORE_ERROR_INVALID or %AMPARO_STORE_ERROR_DUPLICATE and
 *   amparo_store_error_get_field() naming the property at fault
 */
gboolean
amparo_store_validate (AmparoStore   *self,
                       AmparoRecord  *record,
                       GError       **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  return amparo_store_normalize_and_validate (self, record, error);
}

/**
 * amparo_store_save:
 * @record: a new record (id 0) or a loaded one
 *
 * Validates, then inserts or updates the record and writes a journal row
 * with the changed fields, in one transaction. Saving a record without
 * changes writes nothing. A new record gets its id, uid and times.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
amparo_store_save (AmparoStore   *self,
                   AmparoRecord  *record,
                   GError       **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!amparo_store_save_in_transaction (self, record, error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

#define SAVE_MANY_STEP 256

/**
 * amparo_store_save_many:
 * @records: (element-type AmparoRecord): new or loaded records
 * @progress: (nullable): called every few hundred records with the
 *   fraction saved, in the calling thread
 * @cancellable: (nullable): stops the save; nothing is kept
 * @failed: (out) (optional): the index in @records of the record that
 *   could not be saved
 *
 * Saves every record as amparo_store_save() would (validated, journaled,
 * announced at commit), all in one transaction: all of them or, on an
 * error or cancel, none. Unlike a loop of amparo_store_save() inside
 * amparo_store_begin(), no savepoint is opened per record: each one made
 * the full-text index write a segment of its own, which made a large
 * import slow and left the index fragmented. Safe in a worker thread
 * with a store of its own.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
amparo_store_save_many (AmparoStore              *self,
                        GPtrArray                *records,
                        AmparoStoreProgressFunc   progress,
                        gpointer                  progress_data,
                        GCancellable             *cancellable,
                        guint                    *failed,
                        GError                  **error)
{
  AmparoStoreSearchBatch *search = NULL;
  GError *local = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!amparo_store_begin (self, error))
    return FALSE;
  /* The new persons' search index is written once, at the end (#14). */
  search = amparo_store_search_batch_begin (self, &local);
  if (local != NULL)
    goto failed;
  for (guint i = 0; i < records->len; i++)
    {
      AmparoRecord *record = records->pdata[i];
      gboolean inserting = amparo_record_get_id (record) == 0;

      if (i % SAVE_MANY_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local))
            goto failed;
          if (progress != NULL)
            progress ((double) i / records->len, progress_data);
        }
      if (!amparo_store_save_in_transaction (self, record, &local))
        {
          if (failed != NULL)
            *failed = i;
          goto failed;
        }
      if (inserting)
        amparo_store_search_batch_note_inserted (search, record);
    }
  if (!amparo_store_search_batch_finish (search, &local))
    goto failed;
  amparo_store_search_batch_free (search);
  if (!amparo_store_commit (self, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

failed:
  amparo_store_search_batch_free (search);
  amparo_store_rollback (self);
  g_propagate_error (error, local);
  return FALSE;
}

/**
 * amparo_store_delete:
 *
 * Moves a record to the Trash (sets `deleted-at`). Nothing that refers to
 * it is touched: a person's relationships, locations and proceedings stay,
 * and come back with amparo_store_restore().
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_delete (AmparoStore   *self,
                     AmparoRecord  *record,
                     GError       **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (amparo_record_get_id (record) == 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                   _("This record was never saved, so there is nothing to delete."));
      return FALSE;
    }
  if (amparo_record_is_deleted (record))
    return TRUE;
  if (!amparo_store_access_check (self, G_OBJECT_TYPE (record), AMPARO_ACCESS_WRITE, error))
    return FALSE;

  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!amparo_store_set_deleted (self, record, TRUE, error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

/**
 * amparo_store_restore:
 *
 * Takes a record out of the Trash. Refused (with
 * %AMPARO_STORE_ERROR_DUPLICATE) when a live record now holds the same
 * A-number or family link.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_restore (AmparoStore   *self,
                      AmparoRecord  *record,
                      GError       **error)
{
  g_autofree char *deleted_at = NULL;
  gboolean valid;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (!amparo_record_is_deleted (record))
    return TRUE;
  if (!amparo_store_access_check (self, G_OBJECT_TYPE (record), AMPARO_ACCESS_WRITE, error))
    return FALSE;

  if (!amparo_store_begin (self, error))
    return FALSE;

  /* Validate it as the live record it would become: its A-number or family
   * link may have been given to someone else meanwhile. */
  deleted_at = g_strdup (amparo_record_get_deleted_at (record));
  set_property_value (record, "deleted-at", NULL);
  valid = amparo_store_normalize_and_validate (self, record, error);
  set_property_value (record, "deleted-at", deleted_at);
  if (!valid || !amparo_store_set_deleted (self, record, FALSE, error))
    {
      amparo_store_rollback (self);
      amparo_store_reload (self, record, NULL);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

/**
 * amparo_store_log_view:
 * @record: the record shown, usually an #AmparoPerson
 *
 * Journals that the current user opened a client record. Call it each
 * time a client record is shown.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_log_view (AmparoStore   *self,
                       AmparoRecord  *record,
                       GError       **error)
{
  return amparo_store_log_action (self, AMPARO_JOURNAL_ACTION_VIEW, record, NULL, error);
}

/**
 * amparo_store_log_action:
 * @action: %AMPARO_JOURNAL_ACTION_EXPORT, _PUBLISH or _VIEW
 * @details: (nullable): what and where, e.g. the export file or post URL
 *
 * Journals an export or publication of a record.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_log_action (AmparoStore          *self,
                         AmparoJournalAction   action,
                         AmparoRecord         *record,
                         const char           *details,
                         GError              **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!write_journal (self, action, record, NULL, details, error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}
