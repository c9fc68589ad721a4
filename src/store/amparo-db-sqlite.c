/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <sqlite3.h>

#include <glib/gi18n.h>

#include "amparo-db.h"
#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/*
 * The SQLite driver of amparo-db.h, and the SQLite handles still given
 * to the code not yet converted to the driver (amparo_store_prepare()
 * and friends, at the end of this file). The only file that calls
 * sqlite3_* on behalf of the converted store.
 */

typedef struct
{
  AmparoDb parent;
  sqlite3 *handle;  /* borrowed from the store */
} SqliteDb;

typedef struct
{
  AmparoDbStmt parent;
  sqlite3_stmt *stmt;
  gboolean borrowed;
  gboolean done;
} SqliteStmt;

static sqlite3 *
handle_of (AmparoDbStmt *stmt)
{
  return ((SqliteDb *) stmt->db)->handle;
}

static void
sqlite_close (AmparoDb *db)
{
  g_free (db->label);
  g_free (db);
}

static AmparoDbStmt *
sqlite_prepare (AmparoDb    *db,
                const char  *sql,
                GError     **error)
{
  SqliteDb *self = (SqliteDb *) db;
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &handle, NULL);

  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->handle));
      amparo_set_sqlite_error (self->handle, rc, db->label, error);
      return NULL;
    }
  stmt = g_new0 (SqliteStmt, 1);
  stmt->parent.db = db;
  stmt->stmt = handle;
  return &stmt->parent;
}

static gboolean
sqlite_exec (AmparoDb    *db,
             const char  *sql,
             GError     **error)
{
  SqliteDb *self = (SqliteDb *) db;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      amparo_set_sqlite_error (self->handle, rc, db->label, error);
      return FALSE;
    }
  db->changes = sqlite3_changes64 (self->handle);
  return TRUE;
}

static gint64
sqlite_last_insert_id (AmparoDb *db)
{
  return sqlite3_last_insert_rowid (((SqliteDb *) db)->handle);
}

/* IMMEDIATE: take the write lock at once, so a save never fails half-way
 * because another process wrote first. */
static const char *
sqlite_begin_sql (AmparoDb *db)
{
  return "BEGIN IMMEDIATE";
}

static void
sqlite_stmt_free (AmparoDbStmt *stmt)
{
  SqliteStmt *self = (SqliteStmt *) stmt;

  if (!self->borrowed)
    sqlite3_finalize (self->stmt);
  g_free (self);
}

static void
sqlite_bind_text (AmparoDbStmt *stmt,
                  int           index,
                  const char   *text)
{
  sqlite3_bind_text (((SqliteStmt *) stmt)->stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_int64 (AmparoDbStmt *stmt,
                   int           index,
                   gint64        value)
{
  sqlite3_bind_int64 (((SqliteStmt *) stmt)->stmt, index, value);
}

static void
sqlite_bind_null (AmparoDbStmt *stmt,
                  int           index)
{
  sqlite3_bind_null (((SqliteStmt *) stmt)->stmt, index);
}

static AmparoDbStep
sqlite_step (AmparoDbStmt  *stmt,
             GError       **error)
{
  SqliteStmt *self = (SqliteStmt *) stmt;
  int rc;

  /* SQLite would start over after DONE; the driver's contract is that a
   * finished statement stays finished until reset. */
  if (self->done)
    return AMPARO_DB_DONE;
  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return AMPARO_DB_ROW;
  if (rc == SQLITE_DONE)
    {
      self->done = TRUE;
      stmt->db->changes = sqlite3_changes64 (handle_of (stmt));
      return AMPARO_DB_DONE;
    }
  amparo_set_sqlite_error (handle_of (stmt), rc, stmt->db->label, error);
  return AMPARO_DB_ERROR;
}

static void
sqlite_reset (AmparoDbStmt *stmt)
{
  SqliteStmt *self = (SqliteStmt *) stmt;

  sqlite3_reset (self->stmt);
  self->done = FALSE;
}

static void
sqlite_clear_bindings (AmparoDbStmt *stmt)
{
  sqlite3_clear_bindings (((SqliteStmt *) stmt)->stmt);
}

static gboolean
sqlite_column_is_null (AmparoDbStmt *stmt,
                       int           column)
{
  return sqlite3_column_type (((SqliteStmt *) stmt)->stmt, column) == SQLITE_NULL;
}

static const char *
sqlite_column_text (AmparoDbStmt *stmt,
                    int           column)
{
  return (const char *) sqlite3_column_text (((SqliteStmt *) stmt)->stmt, column);
}

static gint64
sqlite_column_int64 (AmparoDbStmt *stmt,
                     int           column)
{
  return sqlite3_column_int64 (((SqliteStmt *) stmt)->stmt, column);
}

static int
sqlite_n_columns (AmparoDbStmt *stmt)
{
  return sqlite3_column_count (((SqliteStmt *) stmt)->stmt);
}

/* documents (#18): a document's bytes. */
static void
sqlite_bind_blob (AmparoDbStmt *stmt,
                  int           index,
                  GBytes       *bytes)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  sqlite3_bind_blob64 (((SqliteStmt *) stmt)->stmt, index, size ? data : "", size, SQLITE_TRANSIENT);
}

static GBytes *
sqlite_column_blob (AmparoDbStmt *stmt,
                    int           column)
{
  sqlite3_stmt *handle = ((SqliteStmt *) stmt)->stmt;
  gconstpointer data = sqlite3_column_blob (handle, column);

  return g_bytes_new (data, sqlite3_column_bytes (handle, column));
}

static const AmparoDbClass sqlite_class = {
  .close = sqlite_close,
  .prepare = sqlite_prepare,
  .exec = sqlite_exec,
  .last_insert_id = sqlite_last_insert_id,
  .begin_sql = sqlite_begin_sql,
  .stmt_free = sqlite_stmt_free,
  .bind_text = sqlite_bind_text,
  .bind_blob = sqlite_bind_blob,      /* documents (#18) */
  .column_blob = sqlite_column_blob,  /* documents (#18) */
  .bind_int64 = sqlite_bind_int64,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .column_is_null = sqlite_column_is_null,
  .column_text = sqlite_column_text,
  .column_int64 = sqlite_column_int64,
  .n_columns = sqlite_n_columns,
};

AmparoDb *
amparo_db_sqlite_wrap (sqlite3    *handle,
                       const char *path)
{
  SqliteDb *self = g_new0 (SqliteDb, 1);

  self->parent.klass = &sqlite_class;
  self->parent.engine = AMPARO_DB_ENGINE_SQLITE;
  self->parent.label = g_strdup (path);
  self->handle = handle;
  return &self->parent;
}

/*
 * SQLite handles for the code not yet converted to the driver (search,
 * the query model, the name matcher, backups, opening). These keep the
 * signatures they had; on a shared server they fail with a clear error.
 */

sqlite3_stmt *
amparo_store_prepare (AmparoStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (self->db == NULL)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("This part of Amparo does not work with a shared server yet."));
      return NULL;
    }
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  self->conn->n_prepared++;
  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      amparo_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

void
amparo_set_sqlite_error (sqlite3     *db,
                         int          rc,
                         const char  *path,
                         GError     **error)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d on %s: %s", rc, path ? path : "?", detail);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DISK_FULL,
                   _("The disk is full. Nothing was saved; free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written. Check the file's permissions, or open a copy."),
                   path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore the latest backup from its “backups” folder."),
                   path);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                   _("“%s” is not an Amparo database. Choose another file."), path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not open the database “%s”. Check that the file and its folder exist and can be written."),
                   path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("The database is busy in another window or program. Try again in a moment."));
      break;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE,
                     _("This record already exists."));
      else
        g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                     _("This record refers to a record that does not exist (%s)."), detail);
      break;
    default:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("Could not read or write the database: %s"), detail);
    }
}

/* Statements prepared on the store's connection, by either path. */
guint64
amparo_store_get_n_prepared (AmparoStore *self)
{
  return self->conn->n_prepared;
}

gboolean
amparo_store_set_sqlite_error (AmparoStore  *self,
                               int           rc,
                               GError      **error)
{
  amparo_set_sqlite_error (self->db, rc, self->path, error);
  return FALSE;
}

void
amparo_store_bind_params (sqlite3_stmt       *stmt,
                          int                 first,
                          const char * const *params)
{
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    sqlite3_bind_text (stmt, first + i, params[i], -1, SQLITE_TRANSIENT);
}

gpointer
amparo_store_record_from_row (GType         record_type,
                              sqlite3_stmt *stmt,
                              int           first_column)
{
  SqliteDb db = { .parent = { .klass = &sqlite_class, .engine = AMPARO_DB_ENGINE_SQLITE } };
  SqliteStmt view = { .parent = { .db = &db.parent }, .stmt = stmt, .borrowed = TRUE };

  db.handle = sqlite3_db_handle (stmt);
  return amparo_store_record_from_db_row (record_type, &view.parent, first_column);
}

/*
 * Per-record checksums (amparo-store-checksum.c, migration 0012): the
 * SQL function that computes them and the check that compares them.
 * The hash is 64-bit FNV-1a over each value tagged with its type (and
 * its length, so "ab","c" is not "a","bc"), from the values as SQLite
 * stored them (after type affinity). It is no defence against someone
 * who edits the file on purpose (they can recompute it); it finds
 * damage. FNV-1a's steps are each one-to-one, so any change of a single
 * byte always changes the result.
 */

#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME G_GUINT64_CONSTANT (0x100000001b3)

static guint64
fnv_add (guint64       hash,
         const guchar *bytes,
         gsize         length)
{
  for (gsize i = 0; i < length; i++)
    {
      hash ^= bytes[i];
      hash *= FNV_PRIME;
    }
  return hash;
}

static void
checksum_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  guint64 hash = FNV_OFFSET;
  char result[17];

  for (int i = 0; i < argc; i++)
    {
      int type = sqlite3_value_type (argv[i]);
      guchar tag = type == SQLITE_NULL ? 'N' : type == SQLITE_INTEGER ? 'I'
                 : type == SQLITE_FLOAT ? 'R' : type == SQLITE_BLOB ? 'B' : 'T';
      const guchar *bytes = NULL;
      guint32 length = 0;

      hash = fnv_add (hash, &tag, 1);
      if (type == SQLITE_NULL)
        continue;
      /* Numbers as their text: one encoding whatever the machine. */
      bytes = type == SQLITE_BLOB ? sqlite3_value_blob (argv[i]) : sqlite3_value_text (argv[i]);
      length = (guint32) sqlite3_value_bytes (argv[i]);
      hash = fnv_add (hash, (const guchar *) &(guint32) { GUINT32_TO_LE (length) }, 4);
      hash = fnv_add (hash, bytes, length);
    }
  g_snprintf (result, sizeof result, "%016" G_GINT64_MODIFIER "x", hash);
  sqlite3_result_text (context, result, -1, SQLITE_TRANSIENT);
}

/* On every connection that writes records or checks them. */
void
amparo_store_checksum_register (sqlite3 *db)
{
  sqlite3_create_function (db, "amparo_checksum", -1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, checksum_func, NULL, NULL);
}

static int
schema_version_of (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/**
 * amparo_store_verify_checksums:
 * @db: a connection to a store file (read only is enough)
 * @problems: gets one line per record whose fields no longer match
 *
 * Rows without a checksum (written by something other than Amparo's
 * save, e.g. a benchmark's bulk insert) are not judged.
 */
void
amparo_store_verify_checksums (sqlite3 *db,
                               GString *problems)
{
  guint n_kinds;
  const GType *kinds = amparo_record_get_kinds (&n_kinds);

  if (schema_version_of (db) < AMPARO_STORE_CHECKSUM_MIGRATION)
    return;
  amparo_store_checksum_register (db);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *expression = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (!amparo_store_has_checksum (table_of (kinds[i])))
        continue;
      expression = amparo_store_checksum_expression (kinds[i]);
      sql = g_strdup_printf ("SELECT id, uid FROM %s WHERE checksum IS NOT NULL AND checksum IS NOT %s",
                             table_of (kinds[i]), expression);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_string_append_printf (problems, "%s\n", sqlite3_errmsg (db));
          continue;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_string_append_printf (problems,
                                _("Record %lld (%s) of table %s does not match its checksum: its stored fields were changed outside Amparo or damaged on the disk.\n"),
                                (long long) sqlite3_column_int64 (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1),
                                table_of (kinds[i]));
      if (rc != SQLITE_DONE)
        g_string_append_printf (problems, "%s\n", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }
}
