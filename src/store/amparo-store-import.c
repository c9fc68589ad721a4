/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-person.h"
#include "amparo-store-import.h"
#include "amparo-store-internal.h"

/*
 * The search index of a batch of saves, built once at its end (#14,
 * migration 0022). Debian 12's FTS5 writes its pending terms to disk at
 * every statement savepoint, so indexing each new person from the insert
 * trigger wrote one index segment per person. Inside the batch's write
 * transaction a row in persons_fts_deferred turns that trigger off; at
 * the end one INSERT … SELECT indexes every person the batch inserted,
 * and the row is deleted before the commit. Both happen in the same
 * transaction as the persons: a kill leaves neither. Updates and deletes
 * keep their own triggers. SQLite only: PostgreSQL indexes by itself.
 */

struct _AmparoStoreSearchBatch
{
  AmparoStore *store;
  GString     *ids;      /* JSON array of the inserted persons' ids */
  guint        n_ids;
  gboolean     owner;    /* this batch, not an enclosing one, set the row */
};

static gboolean
exec (AmparoStore  *store,
      const char   *sql,
      const char   *text,
      GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    amparo_db_bind_text (stmt, 1, text);
  return amparo_db_step_done (stmt, error);
}

/**
 * amparo_store_search_batch_begin:
 *
 * Call inside the batch's transaction, before its first save.
 *
 * Returns: (transfer full) (nullable): the batch; %NULL with @error unset
 *   when there is nothing to defer (PostgreSQL), or with @error set
 */
AmparoStoreSearchBatch *
amparo_store_search_batch_begin (AmparoStore  *store,
                                 GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  AmparoStoreSearchBatch *batch;
  AmparoDbStep step;

  if (amparo_db_get_engine (store->conn) != AMPARO_DB_ENGINE_SQLITE)
    return NULL;
  /* A batch inside another one finds the row there: it indexes its own
   * persons at its end but leaves the row to the enclosing batch. */
  stmt = amparo_store_prepare_stmt (store, "INSERT INTO persons_fts_deferred (id) VALUES (1)"
                                           " ON CONFLICT DO NOTHING RETURNING id", error);
  if (stmt == NULL || (step = amparo_db_step (stmt, error)) < 0)
    return NULL;
  if (step == AMPARO_DB_ROW && !amparo_db_step_done (stmt, error))
    return NULL;
  batch = g_new0 (AmparoStoreSearchBatch, 1);
  batch->store = g_object_ref (store);
  batch->ids = g_string_new ("[");
  batch->owner = step == AMPARO_DB_ROW;
  return batch;
}

/* After @record was inserted (it had no id before its save): a person
 * is indexed at the end. */
void
amparo_store_search_batch_note_inserted (AmparoStoreSearchBatch *batch,
                                AmparoRecord           *record)
{
  if (batch == NULL || !AMPARO_IS_PERSON (record))
    return;
  g_string_append_printf (batch->ids, "%s%" G_GINT64_FORMAT,
                          batch->n_ids++ > 0 ? "," : "", amparo_record_get_id (record));
}

/**
 * amparo_store_search_batch_finish:
 *
 * Indexes the persons the batch inserted, as the insert trigger of
 * 0002-search.sql would have, and turns the trigger back on. Call before
 * the batch's commit.
 *
 * Returns: %TRUE, or %FALSE with @error set (roll the batch back)
 */
gboolean
amparo_store_search_batch_finish (AmparoStoreSearchBatch  *batch,
                                  GError                 **error)
{
  if (batch == NULL)
    return TRUE;
  g_string_append_c (batch->ids, ']');
  if (batch->owner && !exec (batch->store, "DELETE FROM persons_fts_deferred", NULL, error))
    return FALSE;
  if (batch->n_ids == 0)
    return TRUE;
  return exec (batch->store,
               "INSERT INTO persons_fts (rowid, names, aliases, a_number, places)"
               " SELECT p.id,"
               "        coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),"
               "        p.aliases, p.a_number,"
               "        (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')"
               "           FROM locations l WHERE l.person_id = p.id AND l.deleted_at IS NULL)"
               "   FROM persons p"
               "  WHERE p.id IN (SELECT value FROM json_each (?)) AND p.deleted_at IS NULL",
               batch->ids->str, error);
}

void
amparo_store_search_batch_free (AmparoStoreSearchBatch *batch)
{
  if (batch == NULL)
    return;
  g_string_free (batch->ids, TRUE);
  g_object_unref (batch->store);
  g_free (batch);
}
