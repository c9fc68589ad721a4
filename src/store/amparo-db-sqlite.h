/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "amparo-db.h"
#include "amparo-store.h"

G_BEGIN_DECLS

/*
 * The SQLite driver's own API, for what only a store file has: opening
 * the file, the WAL's checkpoints, reading the file without its -wal,
 * copying it page by page, its integrity checks, statement tracing.
 * Implemented in amparo-db-sqlite.c, which with this header is the only
 * place that calls sqlite3_* (tests/pg/check-db-seam.sh).
 */

/* Opens a store file read-write (the driver owns the handle): extended
 * result codes, a 5 s busy timeout, the checksum SQL function, and no
 * checkpoint on close until amparo_db_sqlite_set_checkpoint_on_close(). */
AmparoDb     *amparo_db_sqlite_open          (const char    *path,
                                              GError       **error);
/* The connection's handle, for amparo_store_prepare()'s callers. */
sqlite3      *amparo_db_sqlite_get_handle    (AmparoDb      *db);
void          amparo_db_sqlite_set_checkpoint_on_close (AmparoDb *db,
                                                        gboolean  checkpoint);
gboolean      amparo_db_sqlite_is_read_only  (AmparoDb      *db);
/* PRAGMA quick_check(1): FALSE with a "damaged" error unless "ok". */
gboolean      amparo_db_sqlite_quick_check   (AmparoDb      *db,
                                              GError       **error);
/* The first column of @sql's first row, read from the main file alone
 * (`immutable`: the -wal ignored, no -shm created); NULL if unreadable. */
char         *amparo_db_sqlite_read_file_text (const char   *path,
                                               const char   *sql);

/* Copies the store file @source into the existing file @dest with the
 * online backup API (a reader's connection: the store keeps writing),
 * then runs the checks of amparo_db_sqlite_check_file() on the copy into
 * @problems. @gentle (the daily copy in the background) pauses between
 * steps instead of reporting progress, and checks the copy's pages and
 * records but not that its indexes agree with its tables. */
typedef void (*AmparoDbSqliteProgress) (double fraction, gpointer data);
gboolean      amparo_db_sqlite_copy_file     (const char    *source,
                                              const char    *dest,
                                              gboolean       gentle,
                                              GCancellable  *cancellable,
                                              AmparoDbSqliteProgress progress,
                                              gpointer       progress_data,
                                              GString       *problems,
                                              GError       **error);
/* Reads @path without writing it (immutable when its folder is read-only
 * and no -wal holds changes). FALSE with @error when it cannot be read
 * or its application_id is not @application_id; else TRUE with one line
 * per problem in @problems (integrity, foreign keys, record checksums). */
gboolean      amparo_db_sqlite_check_file    (const char    *path,
                                              gint32         application_id,
                                              GString       *problems,
                                              GError       **error);

/* Calls @func with every top-level statement's SQL on every connection
 * opened from now on (tests, benchmarks). */
typedef void (*AmparoDbSqliteTraceFunc) (const char *sql);
void          amparo_db_sqlite_trace_connections (AmparoDbSqliteTraceFunc func);

/*
 * SQLite handles for code not yet converted to amparo-db.h (the conflict
 * check, tests). They keep the signatures they had; on a shared server
 * amparo_store_prepare() fails with a clear error.
 */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3       *amparo_store_get_db               (AmparoStore   *self);
sqlite3_stmt  *amparo_store_prepare              (AmparoStore   *self,
                                                  const char    *sql,
                                                  GError       **error);
/* Turns a SQLite result code into a translated AMPARO_STORE_ERROR. */
gboolean       amparo_store_set_sqlite_error     (AmparoStore   *self,
                                                  int            rc,
                                                  GError       **error);
void           amparo_set_sqlite_error           (sqlite3       *db,
                                                  int            rc,
                                                  const char    *path,
                                                  GError       **error);
gpointer       amparo_store_record_from_row      (GType          record_type,
                                                  sqlite3_stmt  *stmt,
                                                  int            first_column);
void           amparo_store_bind_params          (sqlite3_stmt  *stmt,
                                                  int            first,
                                                  const char * const *params);

/* Per-record checksums (migration 0012): the SQL function, and the
 * check that compares them on a connection to a store file. */
void           amparo_store_checksum_register    (sqlite3       *db);
void           amparo_store_verify_checksums     (sqlite3       *db,
                                                  GString       *problems);

G_END_DECLS
