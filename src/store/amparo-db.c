/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-db.h"

/* Dispatch to the engine's driver, and what both engines share. */

void
amparo_db_close (AmparoDb *db)
{
  if (db != NULL)
    db->klass->close (db);
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

AmparoDbStmt *
amparo_db_prepare (AmparoDb    *db,
                   const char  *sql,
                   GError     **error)
{
  return db->klass->prepare (db, sql, error);
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

void
amparo_db_stmt_free (AmparoDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->klass->stmt_free (stmt);
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
