/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <glib-unix.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/*
 * Live lists: what another desk (another connection) saves is announced
 * here through #AmparoStore::record-changed within about a second, so
 * lists and pages refresh themselves as they do for local saves.
 *
 * Every change writes a journal row, so the journal says what changed:
 * the store remembers the last row it has seen and, when told that
 * someone else committed, reads the rows after it. Being told is
 * PostgreSQL's LISTEN/NOTIFY (a trigger notifies on each journal row);
 * on SQLite, `PRAGMA data_version` polled twice a second (it changes
 * only when another connection commits). Rows this connection wrote are
 * skipped: their records were announced at commit.
 */

#define POLL_INTERVAL_MS 500

struct _AmparoStoreLive
{
  gint64 last_seen;
  gint64 data_version;
  guint source;
  GHashTable *own_rows;  /* journal ids written here */
};

void
amparo_store_live_free (AmparoStoreLive *live)
{
  if (live == NULL)
    return;
  g_clear_handle_id (&live->source, g_source_remove);
  g_hash_table_unref (live->own_rows);
  g_free (live);
}

void
amparo_store_live_note_own_row (AmparoStore *self,
                                gint64       journal_id)
{
  if (self->live != NULL)
    g_hash_table_add (self->live->own_rows, g_memdup2 (&journal_id, sizeof journal_id));
}

static gint64
query_int64 (AmparoStore *self,
             const char  *sql)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (self, sql, NULL);

  if (stmt == NULL || amparo_db_step (stmt, NULL) != AMPARO_DB_ROW)
    return -1;
  return amparo_db_column_int64 (stmt, 0);
}

static GType
kind_of_table (const char *table)
{
  guint n_kinds;
  const GType *kinds = amparo_record_get_kinds (&n_kinds);

  for (guint i = 0; table != NULL && i < n_kinds; i++)
    if (g_strcmp0 (amparo_record_type_get_table_name (kinds[i]), table) == 0)
      return kinds[i];
  return G_TYPE_INVALID;
}

/* Announces the records changed by journal rows after the last seen. */
static void
catch_up (AmparoStore *self)
{
  AmparoStoreLive *live = self->live;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  /* Never in the middle of this connection's own transaction. */
  if (self->tx_depth > 0)
    return;
  stmt = amparo_store_prepare_stmt (self,
                                    "SELECT id, table_name, record_id, action FROM journal"
                                    " WHERE id > ? ORDER BY id", NULL);
  if (stmt == NULL)
    return;
  amparo_db_bind_int64 (stmt, 1, live->last_seen);
  while (amparo_db_step (stmt, NULL) == AMPARO_DB_ROW)
    {
      gint64 id = amparo_db_column_int64 (stmt, 0);
      const char *action = amparo_db_column_text (stmt, 3);
      GType kind = kind_of_table (amparo_db_column_text (stmt, 1));
      AmparoRecord *record;

      live->last_seen = MAX (live->last_seen, id);
      if (g_hash_table_remove (live->own_rows, &id) || kind == G_TYPE_INVALID ||
          g_strcmp0 (action, "view") == 0 || g_strcmp0 (action, "export") == 0 ||
          g_strcmp0 (action, "publish") == 0)
        continue;
      record = amparo_store_get_by_id (self, kind, amparo_db_column_int64 (stmt, 2), NULL);
      if (record != NULL)
        g_ptr_array_add (changed, record);
    }
  /* Another connection's import arrives here too (#14). */
  amparo_store_announce_batch (self, changed);
}

static gboolean
poll_data_version (gpointer data)
{
  AmparoStore *self = data;
  gint64 version = query_int64 (self, "PRAGMA data_version");

  /* During this connection's own transaction, look again next time. */
  if (version >= 0 && version != self->live->data_version && self->tx_depth == 0)
    {
      self->live->data_version = version;
      catch_up (self);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_server_readable (int           fd,
                    GIOCondition  condition,
                    gpointer      data)
{
  AmparoStore *self = data;
  g_autoptr(GPtrArray) payloads = amparo_db_pg_take_notifications (self->conn);

  if (payloads->len > 0)
    catch_up (self);
  /* A lost connection: stop watching rather than spin on a dead socket. */
  if (condition & (G_IO_HUP | G_IO_ERR))
    {
      self->live->source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
listen_to_server (AmparoStore *self)
{
  if (amparo_db_exec (self->conn, "LISTEN amparo_journal", NULL))
    self->live->source = g_unix_fd_add (amparo_db_pg_socket (self->conn),
                                        G_IO_IN | G_IO_HUP | G_IO_ERR, on_server_readable, self);
}

/* A new connection (the server was away): the old socket's watch is
 * dropped, the new one listens, and what was saved meanwhile is read. */
void
amparo_store_live_resume (AmparoStore *self)
{
  if (self->live == NULL || amparo_db_get_engine (self->conn) != AMPARO_DB_ENGINE_PG)
    return;
  g_clear_handle_id (&self->live->source, g_source_remove);
  listen_to_server (self);
  catch_up (self);
}

/**
 * amparo_store_watch_others:
 *
 * From now on, records saved by other connections (other windows,
 * programs or desks) are announced through #AmparoStore::record-changed
 * within about a second, while the main loop runs. The store's lists
 * start this themselves.
 */
void
amparo_store_watch_others (AmparoStore *self)
{
  g_return_if_fail (AMPARO_IS_STORE (self));

  if (self->live != NULL)
    return;
  self->live = g_new0 (AmparoStoreLive, 1);
  self->live->own_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->live->last_seen = MAX (query_int64 (self, "SELECT coalesce (max(id), 0) FROM journal"), 0);

  if (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG)
    {
      listen_to_server (self);
    }
  else
    {
      self->live->data_version = query_int64 (self, "PRAGMA data_version");
      self->live->source = g_timeout_add (POLL_INTERVAL_MS, poll_data_version, self);
    }
}
