/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"
/* The SQLite handles the not yet converted code still uses. */
#include "amparo-db-sqlite.h"

G_BEGIN_DECLS

/*
 * For code inside src/store only (search, the query model, tests). The
 * SQLite-only functions are in amparo-db-sqlite.h.
 */

#define AMPARO_APPLICATION_ID 0x416d7061 /* "Ampa" */

gboolean       amparo_store_exec                 (AmparoStore   *self,
                                                  const char    *sql,
                                                  GError       **error);
/* How many statements the store's connection has prepared (tests: a
 * statement reused from the cache is not prepared again). */
guint64        amparo_store_get_n_prepared       (AmparoStore   *self);

void           amparo_store_error_set_field      (GError        *error,
                                                  const char    *property);

/* "id, uid, created_at, …" for SELECTs that record_from_row can read. */
const char    *amparo_store_get_select_columns   (GType          record_type);
guint          amparo_store_get_n_columns        (GType          record_type);

gint64         amparo_store_count_where          (AmparoStore   *self,
                                                  GType          record_type,
                                                  const char    *where,
                                                  const char * const *params,
                                                  GError       **error);

/* amparo-store-validate.c */
gboolean       amparo_store_normalize_and_validate (AmparoStore  *self,
                                                    AmparoRecord *record,
                                                    GError      **error);
gboolean       amparo_parse_date                 (const char    *text,
                                                  GDate         *date);
char          *amparo_store_now                  (void);
void           amparo_store_today                (GDate         *date);
char          *amparo_date_add_months            (const char    *iso_date,
                                                  int            months);

/* amparo-store.c, used by the benefit rules */
gboolean       amparo_store_save_in_transaction  (AmparoStore   *self,
                                                  AmparoRecord  *record,
                                                  GError       **error);

/* amparo-store-checksum.c: per-record checksums (migration 0012); the
 * SQL function and the check are in amparo-db-sqlite.c (.h) */
#define AMPARO_STORE_CHECKSUM_MIGRATION 12
/* The last migration that rewrites record rows or changes a record
 * table's columns (0014 maps languages to codes): an upgrade from before
 * it writes every checksum again; one from after it has nothing to
 * rewrite. A migration that rewrites rows must move this number. */
#define AMPARO_STORE_LAST_ROW_REWRITE 14
gboolean       amparo_store_has_checksum         (const char    *table);
char          *amparo_store_checksum_expression  (GType          record_type);
gboolean       amparo_store_update_checksum      (AmparoStore   *self,
                                                  AmparoRecord  *record,
                                                  GError       **error);
gboolean       amparo_store_checksum_applies     (AmparoStore   *self,
                                                  GType          record_type);
const char    *amparo_store_checksum_insert_sql  (GType          record_type);
gboolean       amparo_store_fill_checksums       (AmparoStore   *self,
                                                  GError       **error);

/* amparo-store-backup.c */
gboolean       amparo_store_backup_file          (const char    *source,
                                                  const char    *dest,
                                                  GCancellable  *cancellable,
                                                  GMainContext  *progress_context,
                                                  AmparoStoreProgressFunc progress,
                                                  gpointer       progress_data,
                                                  GError       **error);

char          *amparo_store_damage_mark_path     (const char    *db_path);
gboolean       amparo_store_file_is_empty        (const char    *path);
gboolean       amparo_store_run_daily_backup     (const char    *db_path,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
/* Waits for the daily backup started by amparo_store_open(), if any. */
void           amparo_store_wait_for_daily_backup (AmparoStore  *self);

G_END_DECLS
