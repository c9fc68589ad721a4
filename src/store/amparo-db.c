/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <string.h>

#include "amparo-db.h"

/* Dispatch to the engine's driver, and what both engines share. */

/* Enough for every statement a save, a list or an import runs; SQL built
 * from a changing set of columns may pass the bound, and then the idle
 * ones are dropped and prepared again as needed. */
#define STMT_CACHE_SIZE 96

static void
stmt_destroy (AmparoDbStmt *stmt)
{
  g_free (stmt->cache_key);
  stmt->db->klass->stmt_free (stmt);
}

void
amparo_db_close (AmparoDb *db)
{
  if (db == NULL)
    return;
  /* Before the handle closes: SQLite keeps a handle with live statements
   * open (a zombie) until they are finalized. */
  g_clear_pointer (&db->stmt_cache, g_hash_table_unref);
  db->klass->close (db);
}

/**
 * amparo_db_drop_cached_statements:
 *
 * Finalizes the idle statements kept for reuse (before the caller closes
 * the engine's handle itself).
 */
void
amparo_db_drop_cached_statements (AmparoDb *db)
{
  if (db != NULL && db->stmt_cache != NULL)
    g_hash_table_remove_all (db->stmt_cache);
}

AmparoDbEngine
amparo_db_get_engine (AmparoDb *db)
{
  return db->engine;
}

const char *
amparo_db_get_label (AmparoDb *db)
{
  return db->label;
}

/* A statement of the same SQL that is idle in the cache (reset, its
 * parameters cleared) is taken out of it; else a new one is prepared. It
 * goes back at amparo_db_stmt_free(). */
AmparoDbStmt *
amparo_db_prepare (AmparoDb    *db,
                   const char  *sql,
                   GError     **error)
{
  AmparoDbStmt *stmt = NULL;

  if (db->stmt_cache == NULL)
    db->stmt_cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) stmt_destroy);
  if (g_hash_table_steal_extended (db->stmt_cache, sql, NULL, (gpointer *) &stmt))
    return stmt;
  stmt = db->klass->prepare (db, sql, error);
  db->n_prepared++;
  if (stmt != NULL)
    stmt->cache_key = g_strdup (sql);
  return stmt;
}

gboolean
amparo_db_exec (AmparoDb    *db,
                const char  *sql,
                GError     **error)
{
  return db->klass->exec (db, sql, error);
}

gint64
amparo_db_last_insert_id (AmparoDb *db)
{
  return db->klass->last_insert_id (db);
}

gint64
amparo_db_changes (AmparoDb *db)
{
  return db->changes;
}

gboolean
amparo_db_begin (AmparoDb  *db,
                 GError   **error)
{
  return amparo_db_exec (db, db->klass->begin_sql (db), error);
}

gboolean
amparo_db_commit (AmparoDb  *db,
                  GError   **error)
{
  return amparo_db_exec (db, "COMMIT", error);
}

gboolean
amparo_db_rollback (AmparoDb  *db,
                    GError   **error)
{
  return amparo_db_exec (db, "ROLLBACK", error);
}

gboolean
amparo_db_savepoint (AmparoDb  *db,
                     guint      level,
                     GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("SAVEPOINT level%u", level);

  return amparo_db_exec (db, sql, error);
}

gboolean
amparo_db_release (AmparoDb  *db,
                   guint      level,
                   GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("RELEASE SAVEPOINT level%u", level);

  return amparo_db_exec (db, sql, error);
}

gboolean
amparo_db_rollback_to (AmparoDb  *db,
                       guint      level,
                       GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("ROLLBACK TO SAVEPOINT level%u; RELEASE SAVEPOINT level%u",
                                          level, level);

  return amparo_db_exec (db, sql, error);
}

/* Back to the cache, reset (so it holds no read transaction) and with no
 * values left bound; a second idle copy of the same SQL is finalized. */
void
amparo_db_stmt_free (AmparoDbStmt *stmt)
{
  AmparoDb *db;

  if (stmt == NULL)
    return;
  db = stmt->db;
  if (stmt->cache_key == NULL || db->stmt_cache == NULL ||
      g_hash_table_contains (db->stmt_cache, stmt->cache_key))
    {
      stmt_destroy (stmt);
      return;
    }
  db->klass->reset (stmt);
  db->klass->clear_bindings (stmt);
  if (g_hash_table_size (db->stmt_cache) >= STMT_CACHE_SIZE)
    g_hash_table_remove_all (db->stmt_cache);
  g_hash_table_insert (db->stmt_cache, stmt->cache_key, stmt);
}

void
amparo_db_bind_text (AmparoDbStmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    stmt->db->klass->bind_null (stmt, index);
  else
    stmt->db->klass->bind_text (stmt, index, text);
}

void
amparo_db_bind_int64 (AmparoDbStmt *stmt,
                      int           index,
                      gint64        value)
{
  stmt->db->klass->bind_int64 (stmt, index, value);
}

void
amparo_db_bind_null (AmparoDbStmt *stmt,
                     int           index)
{
  stmt->db->klass->bind_null (stmt, index);
}

AmparoDbStep
amparo_db_step (AmparoDbStmt  *stmt,
                GError       **error)
{
  return stmt->db->klass->step (stmt, error);
}

void
amparo_db_reset (AmparoDbStmt *stmt)
{
  stmt->db->klass->reset (stmt);
}

gboolean
amparo_db_column_is_null (AmparoDbStmt *stmt,
                          int           column)
{
  return stmt->db->klass->column_is_null (stmt, column);
}

const char *
amparo_db_column_text (AmparoDbStmt *stmt,
                       int           column)
{
  return stmt->db->klass->column_text (stmt, column);
}

gint64
amparo_db_column_int64 (AmparoDbStmt *stmt,
                        int           column)
{
  return stmt->db->klass->column_int64 (stmt, column);
}

int
amparo_db_n_columns (AmparoDbStmt *stmt)
{
  return stmt->db->klass->n_columns (stmt);
}

gboolean
amparo_db_step_done (AmparoDbStmt  *stmt,
                     GError       **error)
{
  while (TRUE)
    {
      AmparoDbStep rc = amparo_db_step (stmt, error);

      if (rc == AMPARO_DB_ERROR)
        return FALSE;
      if (rc == AMPARO_DB_DONE)
        return TRUE;
    }
}

/* documents (#18): bytes through the seam. A driver without its own blob
 * calls (PostgreSQL's, which sends every parameter as text) gets them as
 * bytea's hex text form, "\x0a1b…", both ways. */
void
amparo_db_bind_blob (AmparoDbStmt *stmt,
                     int           index,
                     GBytes       *bytes)
{
  const guint8 *data;
  gsize size;
  char *hex;
  static const char digits[] = "0123456789abcdef";

  if (bytes == NULL)
    {
      stmt->db->klass->bind_null (stmt, index);
      return;
    }
  if (stmt->db->klass->bind_blob != NULL)
    {
      stmt->db->klass->bind_blob (stmt, index, bytes);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  hex = g_malloc (2 * size + 3);
  hex[0] = '\\';
  hex[1] = 'x';
  for (gsize i = 0; i < size; i++)
    {
      hex[2 + 2 * i] = digits[data[i] >> 4];
      hex[3 + 2 * i] = digits[data[i] & 0xf];
    }
  hex[2 + 2 * size] = '\0';
  stmt->db->klass->bind_text (stmt, index, hex);
  g_free (hex);
}

GBytes *
amparo_db_column_blob (AmparoDbStmt *stmt,
                       int           column)
{
  const char *hex;
  gsize len;
  guint8 *data;

  if (stmt->db->klass->column_is_null (stmt, column))
    return NULL;
  if (stmt->db->klass->column_blob != NULL)
    return stmt->db->klass->column_blob (stmt, column);
  hex = stmt->db->klass->column_text (stmt, column);
  if (hex == NULL || !g_str_has_prefix (hex, "\\x"))
    return NULL;
  hex += 2;
  len = strlen (hex) / 2;
  data = g_malloc (MAX (len, 1));
  for (gsize i = 0; i < len; i++)
    data[i] = (g_ascii_xdigit_value (hex[2 * i]) << 4) | g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_bytes_new_take (data, len);
}
