/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The store's one seam to a database engine: a connection, statements
 * with `?` / `?N` placeholders (turned into `$N` for PostgreSQL), rows
 * read as text or integers, transactions. amparo-db-sqlite.c and
 * amparo-db-pg.c implement it; nothing else in src/store calls sqlite3_*
 * or PQ* (tests/pg/check-db-seam.sh). Every failure sets a translated
 * AMPARO_STORE_ERROR.
 */

typedef struct _AmparoDb AmparoDb;
typedef struct _AmparoDbStmt AmparoDbStmt;

typedef enum {
  AMPARO_DB_ENGINE_SQLITE,
  AMPARO_DB_ENGINE_PG,
} AmparoDbEngine;

typedef enum {
  AMPARO_DB_ERROR = -1,
  AMPARO_DB_DONE = 0,
  AMPARO_DB_ROW = 1,
} AmparoDbStep;

typedef struct
{
  void          (*close)            (AmparoDb *db);
  AmparoDbStmt *(*prepare)          (AmparoDb *db, const char *sql, GError **error);
  gboolean      (*exec)             (AmparoDb *db, const char *sql, GError **error);
  gint64        (*last_insert_id)   (AmparoDb *db);
  const char   *(*begin_sql)        (AmparoDb *db);

  void          (*stmt_free)        (AmparoDbStmt *stmt);
  void          (*bind_text)        (AmparoDbStmt *stmt, int index, const char *text);
  void          (*bind_int64)       (AmparoDbStmt *stmt, int index, gint64 value);
  void          (*bind_null)        (AmparoDbStmt *stmt, int index);
  AmparoDbStep  (*step)             (AmparoDbStmt *stmt, GError **error);
  void          (*reset)            (AmparoDbStmt *stmt);
  /* Every parameter back to NULL, for a statement reused from the cache. */
  void          (*clear_bindings)   (AmparoDbStmt *stmt);
  gboolean      (*column_is_null)   (AmparoDbStmt *stmt, int column);
  const char   *(*column_text)      (AmparoDbStmt *stmt, int column);
  gint64        (*column_int64)     (AmparoDbStmt *stmt, int column);
  int           (*n_columns)        (AmparoDbStmt *stmt);
  /* documents (#18): bytes. NULL in a driver that takes them as text
   * (PostgreSQL's bytea input "\\x<hex>"): amparo-db.c converts. */
  void          (*bind_blob)        (AmparoDbStmt *stmt, int index, GBytes *bytes);
  GBytes       *(*column_blob)      (AmparoDbStmt *stmt, int column);
} AmparoDbClass;

struct _AmparoDb
{
  const AmparoDbClass *klass;
  AmparoDbEngine engine;
  /* What error messages name: the file, or the server without password. */
  char *label;
  /* Rows changed by the last finished statement. */
  gint64 changes;
  /* Idle prepared statements by their SQL (amparo-db.c): the store runs
   * the same few statements for every record, and preparing them again
   * each time was a third of a large import's time. */
  GHashTable *stmt_cache;
  /* Statements the engine prepared (not taken from the cache): tests. */
  guint64 n_prepared;
};

struct _AmparoDbStmt
{
  AmparoDb *db;
  /* Its SQL when amparo_db_stmt_free() gives it back to the cache. */
  char *cache_key;
};

/* amparo-db.c: dispatch */
void          amparo_db_close          (AmparoDb      *db);
void          amparo_db_drop_cached_statements (AmparoDb *db);
AmparoDbEngine amparo_db_get_engine    (AmparoDb      *db);
const char   *amparo_db_get_label      (AmparoDb      *db);
AmparoDbStmt *amparo_db_prepare        (AmparoDb      *db,
                                        const char    *sql,
                                        GError       **error);
gboolean      amparo_db_exec           (AmparoDb      *db,
                                        const char    *sql,
                                        GError       **error);
gint64        amparo_db_last_insert_id (AmparoDb      *db);
gint64        amparo_db_changes        (AmparoDb      *db);

/* Transactions; savepoints are named "levelN" by the caller's depth. */
gboolean      amparo_db_begin          (AmparoDb      *db,
                                        GError       **error);
gboolean      amparo_db_commit         (AmparoDb      *db,
                                        GError       **error);
gboolean      amparo_db_rollback       (AmparoDb      *db,
                                        GError       **error);
gboolean      amparo_db_savepoint      (AmparoDb      *db,
                                        guint          level,
                                        GError       **error);
gboolean      amparo_db_release        (AmparoDb      *db,
                                        guint          level,
                                        GError       **error);
gboolean      amparo_db_rollback_to    (AmparoDb      *db,
                                        guint          level,
                                        GError       **error);

void          amparo_db_stmt_free      (AmparoDbStmt  *stmt);
void          amparo_db_bind_text      (AmparoDbStmt  *stmt,
                                        int            index,
                                        const char    *text);
void          amparo_db_bind_int64     (AmparoDbStmt  *stmt,
                                        int            index,
                                        gint64         value);
void          amparo_db_bind_null      (AmparoDbStmt  *stmt,
                                        int            index);
AmparoDbStep  amparo_db_step           (AmparoDbStmt  *stmt,
                                        GError       **error);
void          amparo_db_reset          (AmparoDbStmt  *stmt);
gboolean      amparo_db_column_is_null (AmparoDbStmt  *stmt,
                                        int            column);
const char   *amparo_db_column_text    (AmparoDbStmt  *stmt,
                                        int            column);
gint64        amparo_db_column_int64   (AmparoDbStmt  *stmt,
                                        int            column);
int           amparo_db_n_columns      (AmparoDbStmt  *stmt);

/* documents (#18): a document's bytes, in a BLOB (SQLite) or bytea
 * (PostgreSQL) column. column_blob returns NULL for NULL. */
void          amparo_db_bind_blob      (AmparoDbStmt  *stmt,
                                        int            index,
                                        GBytes        *bytes);
GBytes       *amparo_db_column_blob    (AmparoDbStmt  *stmt,
                                        int            column);

/* Steps a statement expected to return nothing (or to be done). */
gboolean      amparo_db_step_done      (AmparoDbStmt  *stmt,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoDbStmt, amparo_db_stmt_free)

/* amparo-db-sqlite.c: opening a store file and what else only SQLite
 * has (its page copy, checks, tracing) are in amparo-db-sqlite.h. */

/* amparo-db-pg.c */
AmparoDb     *amparo_db_pg_open        (const char    *uri,
                                        GError       **error);
AmparoDb     *amparo_db_pg_open_with_password (const char *uri,
                                               const char *password,
                                               GError    **error);
gboolean      amparo_db_is_server_uri  (const char    *uri);
/* The sslmode a connection to @uri will use: the URI's own, else
 * verify-full for any host but this computer (NULL: libpq's default). */
char         *amparo_db_pg_effective_sslmode (const char *uri);
/* The URI without its password, for messages and amparo_store_get_path(). */
char         *amparo_db_pg_display_uri (const char    *uri);
/* Creates an empty database on the server @uri points at (tests, copies). */
gboolean      amparo_db_pg_create_database (const char *uri,
                                            const char *name,
                                            GError    **error);
/* LISTEN/NOTIFY: the socket to watch, and the channels' payloads since. */
int           amparo_db_pg_socket      (AmparoDb      *db);
GPtrArray    *amparo_db_pg_take_notifications (AmparoDb *db);
/* postgres (#10): when the server is away, connects again. */
gboolean      amparo_db_pg_reconnect   (AmparoDb      *db,
                                        GError       **error);

G_END_DECLS
