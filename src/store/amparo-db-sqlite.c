/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <sqlite3.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "amparo-db.h"
#include "amparo-db-sqlite.h"
#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/*
 * The SQLite driver of amparo-db.h; what only a store file has (opening
 * it, its WAL, the page copy, integrity checks, tracing:
 * amparo-db-sqlite.h); and the SQLite handles still given to the code
 * not yet converted to the driver (amparo_store_prepare() and friends).
 * The only file that calls sqlite3_*.
 */

#define PAGES_PER_STEP 256
#define GENTLE_PAUSE_US 5000

typedef struct
{
  AmparoDb parent;
  sqlite3 *handle;  /* closed by amparo_db_close() */
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
  sqlite3_close_v2 (((SqliteDb *) db)->handle);
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

static sqlite3 *
handle_of_db (AmparoDb *db)
{
  g_assert (db->engine == AMPARO_DB_ENGINE_SQLITE);
  return ((SqliteDb *) db)->handle;
}

/**
 * amparo_db_sqlite_open:
 * @path: an existing store file
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
AmparoDb *
amparo_db_sqlite_open (const char  *path,
                       GError     **error)
{
  SqliteDb *self;
  sqlite3 *handle = NULL;
  /* No mutex: each connection is used by one thread at a time (a thread
   * that works on the store opens its own), and taking SQLite's lock on
   * every step and column was a third of reading a search's 300,000 hits
   * at a million persons. */
  int rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      amparo_set_sqlite_error (handle, rc, path, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  /* Before the first read: another process closing the store (its
   * checkpoint holds the file's lock for a moment) made the identity
   * check fail at once with "busy" instead of waiting its turn. */
  sqlite3_busy_timeout (handle, 5000);
  amparo_store_checksum_register (handle);
  /* Until the store is known good, nothing may be checkpointed into it. */
  sqlite3_db_config (handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  self = g_new0 (SqliteDb, 1);
  self->parent.klass = &sqlite_class;
  self->parent.engine = AMPARO_DB_ENGINE_SQLITE;
  self->parent.label = g_strdup (path);
  self->handle = handle;
  return &self->parent;
}

/* Only the store (amparo-store.c) and the not yet converted callers. */
sqlite3 *
amparo_db_sqlite_get_handle (AmparoDb *db)
{
  return handle_of_db (db);
}

void
amparo_db_sqlite_set_checkpoint_on_close (AmparoDb *db,
                                          gboolean  checkpoint)
{
  sqlite3_db_config (handle_of_db (db), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, !checkpoint, NULL);
}

gboolean
amparo_db_sqlite_is_read_only (AmparoDb *db)
{
  return sqlite3_db_readonly (handle_of_db (db), "main") == 1;
}

gboolean
amparo_db_sqlite_quick_check (AmparoDb  *db,
                              GError   **error)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_db_prepare (db, "PRAGMA quick_check(1)", error);

  if (stmt == NULL)
    return FALSE;
  if (amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    {
      if (error != NULL && *error == NULL)
        amparo_set_sqlite_error (handle_of_db (db), SQLITE_DONE, db->label, error);
      return FALSE;
    }
  if (g_strcmp0 (amparo_db_column_text (stmt, 0), "ok") != 0)
    {
      amparo_set_sqlite_error (handle_of_db (db), SQLITE_CORRUPT, db->label, error);
      return FALSE;
    }
  return TRUE;
}

char *
amparo_db_sqlite_read_file_text (const char *path,
                                 const char *sql)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *immutable = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (uri == NULL)
    return NULL;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  if (sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return text;
}

/* Copies and checks of whole store files (amparo-store-backup.c). */

static gboolean
copy_pages (sqlite3                 *source_db,
            sqlite3                 *dest_db,
            const char              *dest,
            gboolean                 gentle,
            GCancellable            *cancellable,
            AmparoDbSqliteProgress   progress,
            gpointer                 progress_data,
            GError                 **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest_db, "main", source_db, "main");
  int rc;

  if (backup == NULL)
    {
      amparo_set_sqlite_error (dest_db, sqlite3_errcode (dest_db), dest, error);
      return FALSE;
    }

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          return FALSE;
        }
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
      /* The daily copy yields between steps, so a large store's first
       * minutes belong to the person using it. */
      if (gentle && rc == SQLITE_OK)
        g_usleep (GENTLE_PAUSE_US);
      else if (sqlite3_backup_pagecount (backup) > 0 && progress != NULL)
        progress (1.0 - (double) sqlite3_backup_remaining (backup) / sqlite3_backup_pagecount (backup),
                  progress_data);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      amparo_set_sqlite_error (dest_db, rc, dest, error);
      return FALSE;
    }
  return TRUE;
}

/* The Clients list's length comes from a number the triggers of 0027
 * keep; it must be the table's. A store from before 0027 has none. */
static void
check_person_count (sqlite3 *db,
                    GString *problems)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT n, (SELECT count(*) FROM persons) FROM row_counts"
                              " WHERE table_name = 'persons'", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_int64 (stmt, 0) != sqlite3_column_int64 (stmt, 1))
    g_string_append_printf (problems, _("The case store counts %lld persons but holds %lld.\n"),
                            (long long) sqlite3_column_int64 (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
}

/* Runs integrity, foreign-key and record checksum checks on an open
 * connection; fills @problems with one line per problem found.
 * @thorough also proves every index agrees with its table
 * (integrity_check); otherwise only that every page and record is well
 * formed (quick_check), the part that says a copy opens and reads: on a
 * million persons 21 s of CPU instead of 70 (see docs/decisions.md). */
static void
run_checks (sqlite3  *db,
            gboolean  thorough,
            GString  *problems)
{
  const char *checks[] = { thorough ? "PRAGMA integrity_check" : "PRAGMA quick_check",
                           "PRAGMA foreign_key_check" };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, checks[i], -1, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          g_string_append_printf (problems, "%s\n", sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          continue;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (i == 0)
            {
              const char *line = (const char *) sqlite3_column_text (stmt, 0);
              if (g_strcmp0 (line, "ok") != 0)
                g_string_append_printf (problems, "%s\n", line);
            }
          else
            g_string_append_printf (problems,
                                    _("Row %lld of table %s refers to a missing row of %s.\n"),
                                    (long long) sqlite3_column_int64 (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 2));
        }
      if (rc != SQLITE_DONE)
        g_string_append_printf (problems, "%s\n", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }
  /* Pages can be whole and a record's text still changed; and when they
   * are not, this names the records hit. */
  amparo_store_verify_checksums (db, problems);
  check_person_count (db, problems);
}

gboolean
amparo_db_sqlite_copy_file (const char              *source,
                            const char              *dest,
                            gboolean                 gentle,
                            GCancellable            *cancellable,
                            AmparoDbSqliteProgress   progress,
                            gpointer                 progress_data,
                            GString                 *problems,
                            GError                 **error)
{
  sqlite3 *source_db = NULL;
  sqlite3 *dest_db = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (source, &source_db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      amparo_set_sqlite_error (source_db, rc, source, error);
      goto out;
    }
  rc = sqlite3_open_v2 (dest, &dest_db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      amparo_set_sqlite_error (dest_db, rc, dest, error);
      goto out;
    }
  sqlite3_busy_timeout (source_db, 5000);

  if (!copy_pages (source_db, dest_db, dest, gentle, cancellable, progress, progress_data, error))
    goto out;

  /* A copy nobody can open is worse than none: check before keeping it. */
  sqlite3_exec (dest_db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  run_checks (dest_db, !gentle, problems);
  ok = TRUE;

out:
  sqlite3_close_v2 (source_db);
  sqlite3_close_v2 (dest_db);
  return ok;
}

/* Opens @path to read only. In a folder this user cannot write, SQLite
 * cannot create the -shm index it reads a WAL database through, and
 * --check blamed the file's permissions. With no -wal holding changes
 * the file alone is the whole database: it is read as immutable, which
 * needs no -shm. */
static int
open_for_check (const char  *path,
                sqlite3    **db,
                gboolean    *folder_read_only)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  *folder_read_only = g_access (dir, W_OK) != 0;
  if (*folder_read_only && (g_stat (wal, &st) != 0 || st.st_size == 0))
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      if (uri != NULL)
        return sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);
}

/* Why a check could not read the file, in words that point at the real
 * cause: a read-only folder with a -wal to apply is not the file's
 * permissions. */
static void
set_open_error (sqlite3     *db,
                int          rc,
                const char  *path,
                gboolean     folder_read_only,
                GError     **error)
{
  int primary = rc & 0xff;

  if (folder_read_only && (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN ||
                           primary == SQLITE_PERM))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” is read-only, and the latest changes to the database (in “%s-wal”) can only be read where files can be written beside it. Copy the database with its -wal file to a folder you can write to, and check the copy."),
                   dir, path);
      return;
    }
  amparo_set_sqlite_error (db, rc, path, error);
}

gboolean
amparo_db_sqlite_check_file (const char  *path,
                             gint32       application_id,
                             GString     *problems,
                             GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean folder_read_only = FALSE;
  gint64 found_id = -1;
  gboolean ok = FALSE;
  int rc;

  rc = open_for_check (path, &db, &folder_read_only);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found_id = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    set_open_error (db, rc, path, folder_read_only, error);
  else if (found_id != application_id)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                 _("“%s” is not an Amparo database. Choose another file."), path);
  else
    {
      sqlite3_busy_timeout (db, 5000);
      run_checks (db, TRUE, problems);
      ok = TRUE;
    }
  sqlite3_close_v2 (db);
  return ok;
}

/* Statement tracing (amparo-store-trace.c). SQLite calls an auto
 * extension for every connection it opens, so the trace reaches stores
 * opened deep inside the application without a hook in the opening
 * code. */

static AmparoDbSqliteTraceFunc trace_func;

static int
on_trace_cb (unsigned int  type,
             void         *context,
             void         *p,
             void         *x)
{
  if (type == SQLITE_TRACE_STMT && x != NULL && trace_func != NULL)
    trace_func (x);
  return 0;
}

static int
install_trace (sqlite3                         *db,
               const char                     **error_message,
               const struct sqlite3_api_routines *api)
{
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, on_trace_cb, NULL);
  return SQLITE_OK;
}

void
amparo_db_sqlite_trace_connections (AmparoDbSqliteTraceFunc func)
{
  trace_func = func;
  sqlite3_auto_extension ((void (*) (void)) install_trace);
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
