/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-db.h"
#include "amparo-store.h"
#include "amparo-record-private.h"

G_BEGIN_DECLS

/*
 * For the files that make up AmparoStore only (amparo-store*.c): the
 * store's fields and the functions they share. Other code in src/store
 * uses amparo-store-private.h; everything else amparo-store.h.
 *
 *   amparo-store.c          opening: file, identity, pragmas, daily backup
 *   amparo-store-migrate.c  numbered schema migrations
 *   amparo-store-sql.c      statements, values, error mapping
 *   amparo-store-save.c     transactions, insert/update, Trash, journal
 *   amparo-store-query.c    reading records, per-kind lists, history
 *   amparo-store-rules.c    rules run on save (benefits), record helpers
 */

struct _AmparoStore
{
  GObject parent_instance;

  /* The file's handle, owned by conn (NULL on a shared server): only for
   * amparo_store_prepare()'s not yet converted callers. */
  struct sqlite3 *db;
  AmparoDb *conn;  /* the driver: either engine (postgres #10) */
  char *path;
  int schema_version;

  /* Nesting depth of amparo_store_begin(); inner levels are savepoints. */
  guint tx_depth;
  /* Records saved in the open transaction: announced after COMMIT, and
   * given back their unsaved state if it rolls back. */
  GPtrArray *tx_changed;
  GHashTable *tx_changed_set;  /* the same records: a lookup per save, not a scan */
  GArray     *batch_kinds;     /* while a commit's notices go out (#14): its kinds, */
  GArray     *batch_counts;    /* and how many records of each */
  GPtrArray *tx_inserted;
  GArray *tx_inserted_depth;  /* the level each was inserted at */
  /* Revisions raised in it, put back on rollback (amparo-store-save.c). */
  GPtrArray *tx_revisions;

  char *actor;
  char *host;

  /* Announcing other connections' saves (amparo-store-live.c). */
  struct _AmparoStoreLive *live;

  /* The daily backup copies the file in a thread of its own (with its own
   * connection), so a large store opens at once. */
  GThread *backup_thread;
  GCancellable *backup_cancellable;
};

static inline const char *
table_of (GType record_type)
{
  return amparo_record_type_get_table_name (record_type);
}

/* A foreign key: 0 means none and is stored as NULL. */
static inline gboolean
property_is_reference (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_INT64 && g_str_has_suffix (pspec->name, "-id");
}

/* amparo-store.c */
void      amparo_store_emit_record_changed (AmparoStore  *self,
                                            AmparoRecord *record);
void      amparo_store_emit_records_changed (AmparoStore *self,
                                             GType        kind,
                                             guint        n_records);

/* amparo-store-save.c */
void      amparo_store_announce_batch       (AmparoStore *self,
                                             GPtrArray   *changed);

/* amparo-store-migrate.c */
int       amparo_store_latest_schema_version (void);
gboolean  amparo_store_migrate             (AmparoStore  *self,
                                            GError      **error);

/* amparo-store-sql.c */
void      amparo_store_bind_value          (AmparoDbStmt *stmt,
                                            int           index,
                                            GParamSpec   *pspec,
                                            const GValue *value);
AmparoDb *amparo_store_get_conn            (AmparoStore  *self);
AmparoDbStmt *amparo_store_prepare_stmt    (AmparoStore  *self,
                                            const char   *sql,
                                            GError      **error);
gpointer  amparo_store_record_from_db_row  (GType         record_type,
                                            AmparoDbStmt *stmt,
                                            int           first_column);
void      amparo_store_error_set_conflict  (GError       *error,
                                            AmparoRecord *theirs,
                                            const char   *who,
                                            const char   *when);

/* amparo-store-live.c */
typedef struct _AmparoStoreLive AmparoStoreLive;
void      amparo_store_live_free           (AmparoStoreLive *live);
void      amparo_store_live_note_own_row   (AmparoStore  *self,
                                            gint64        journal_id);
/* postgres (#10): after amparo_store_reconnect() */
void      amparo_store_live_resume         (AmparoStore  *self);


/* amparo-store-save.c */
gboolean  amparo_store_set_deleted         (AmparoStore  *self,
                                            AmparoRecord *record,
                                            gboolean      deleted,
                                            GError      **error);
void      amparo_store_queue_changed       (AmparoStore  *self,
                                            AmparoRecord *record);

/* amparo-store-query.c */
gpointer  amparo_store_find_one            (AmparoStore  *self,
                                            GType         record_type,
                                            const char   *where,
                                            gint64        id,
                                            const char   *text);

/* amparo-store-rules.c */
gboolean  amparo_store_run_rules_after_save (AmparoStore  *self,
                                             AmparoRecord *record,
                                             GError      **error);

/* postgres (#10): copies, backups and checks of a shared server */
gboolean  amparo_store_copy_into           (AmparoStore  *source,
                                            AmparoStore  *target,
                                            GError      **error);
gboolean  amparo_store_backup_server       (AmparoStore  *self,
                                            const char   *dest,
                                            GCancellable *cancellable,
                                            GError      **error);
gboolean  amparo_store_check_server        (AmparoStore  *self,
                                            char        **report,
                                            GError      **error);

/* documents (#18), amparo-store-documents.c: for amparo-store-copy.c */
gboolean  amparo_store_copy_document_contents (AmparoStore  *source,
                                               AmparoStore  *target,
                                               GError      **error);

/* roles (#17), amparo-store-access.c: the checks save and query call. */
gboolean  amparo_store_access_check        (AmparoStore         *self,
                                            GType                record_type,
                                            AmparoAccessAction   action,
                                            GError             **error);
gboolean  amparo_store_access_before_save  (AmparoStore         *self,
                                            AmparoRecord        *record,
                                            GError             **error);
char     *amparo_store_access_filter       (AmparoStore         *self,
                                            GType                record_type);
const char *amparo_store_access_select_columns (AmparoStore *self,
                                                GType        record_type);
void      amparo_store_access_forget_role  (AmparoStore         *self);
void      amparo_store_access_set_account  (AmparoStore         *self,
                                            const char          *account);

G_END_DECLS
