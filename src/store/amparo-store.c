/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-query-model.h"
#include "amparo-record-private.h"

/* Opening a case store: the file, its identity, pragmas, the daily backup. */

G_DEFINE_FINAL_TYPE (AmparoStore, amparo_store, G_TYPE_OBJECT)

enum {
  RECORD_CHANGED,
  RECORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Opening */

static gboolean
query_int (AmparoStore  *self,
           const char   *sql,
           int          *result,
           GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                     _("Could not read or write the database: %s"), sql);
      return FALSE;
    }
  *result = (int) amparo_db_column_int64 (stmt, 0);
  return TRUE;
}

/* A store a check found damaged is not written into (see
 * amparo_store_damage_mark_path()). */
static gboolean
refuse_if_marked_damaged (const char  *path,
                          GError     **error)
{
  g_autofree char *mark = amparo_store_damage_mark_path (path);

  if (!g_file_test (mark, G_FILE_TEST_EXISTS))
    return FALSE;
  g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
               _("A check found the database “%s” damaged, so Amparo does not write into it (the problems are in “%s”). Restore a backup with “amparo --database=%s --restore=BACKUP”; if the file was repaired, “amparo --database=%s --check” clears the mark once it passes."),
               path, mark, path, path);
  return TRUE;
}

/* Creates the file ourselves so it is 0600 from its first byte; SQLite
 * gives its -wal and -shm files the same mode. */
static gboolean
prepare_file (const char  *path,
              gboolean    *created,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  int fd;

  *created = FALSE;
  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                       _("“%s” is not an Amparo database. Choose another file."), path);
          return FALSE;
        }
      /* Honour a file someone marked read-only, even when running as root. */
      if ((st.st_mode & S_IWUSR) == 0 || g_access (path, W_OK) != 0)
        {
          g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                       _("The database “%s” is read-only. Ask your administrator to make it writable, or open a copy."),
                       path);
          return FALSE;
        }
      /* An empty file where a store should be is more often a copy that
       * failed than a new store: refused, as --check refuses it. */
      if (st.st_size == 0)
        {
          g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                       _("“%s” is empty, so it is not an Amparo database (perhaps a copy that failed). If you meant to start a new case store there, delete the empty file and open it again."),
                       path);
          return FALSE;
        }
      return !refuse_if_marked_damaged (path, error);
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR,
                   saved_errno == ENOSPC ? AMPARO_STORE_ERROR_DISK_FULL : AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR,
                   saved_errno == ENOSPC ? AMPARO_STORE_ERROR_DISK_FULL : AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  *created = TRUE;
  return TRUE;
}

/* Reads only the header and the schema: nothing is written before we
 * know the file is ours and not from a newer Amparo. */
static gboolean
check_identity (AmparoStore  *self,
                GError      **error)
{
  int application_id = 0;
  int n_objects = 0;
  int known = amparo_store_latest_schema_version ();

  /* A build whose resource was dropped by the linker would otherwise
   * "open" an empty file without any tables. */
  if (known == 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("This copy of Amparo is incomplete: its database schema is missing. Reinstall Amparo."));
      return FALSE;
    }

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id != AMPARO_APPLICATION_ID &&
      !(application_id == 0 && self->schema_version == 0 && n_objects == 0))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                   _("“%s” is a database, but not an Amparo database. Choose another file."),
                   self->path);
      return FALSE;
    }

  if (self->schema_version > known)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Amparo (database version %d; this version knows up to %d). Update Amparo to open it; the file was not changed."),
                   self->path, self->schema_version, known);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_pragmas (AmparoStore  *self,
             GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  const char *mode;

  if (!amparo_store_exec (self,
                          "PRAGMA busy_timeout = 5000;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA synchronous = FULL;"
                          /* 32 MB of page cache: a large import (one transaction)
                           * otherwise spills and rewrites the same pages in the -wal. */
                          "PRAGMA cache_size = -32768;"
                          /* Statement journals in memory: inside a large
                           * transaction each insert (its full-text
                           * triggers) otherwise wrote one to a temp file. */
                          "PRAGMA temp_store = MEMORY;", error))
    return FALSE;

  if (!(stmt = amparo_store_prepare_stmt (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;
  if (amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                     _("Could not read or write the database: %s"), "journal_mode");
      return FALSE;
    }
  mode = amparo_db_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written. Check that its folder is writable and on this computer (not a network drive)."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

/* The -wal and -shm files beside the store, as they were before the open.
 * A failed open must leave them exactly so: a stray -wal from another
 * database (a copy, a restore) would otherwise be written into the store
 * when the connection closes, destroying a store that was recoverable. */
#define MAX_SAVED_SIDECAR (64 * 1024 * 1024)

typedef struct
{
  char     *path;
  gboolean  existed;
  GBytes   *bytes;    /* NULL if absent or too large to keep */
} Sidecar;

static void
sidecar_save (Sidecar    *sidecar,
              const char *store_path,
              const char *suffix)
{
  GStatBuf st;
  char *contents = NULL;
  gsize length = 0;

  sidecar->path = g_strconcat (store_path, suffix, NULL);
  sidecar->existed = g_stat (sidecar->path, &st) == 0;
  if (sidecar->existed && st.st_size <= MAX_SAVED_SIDECAR &&
      g_file_get_contents (sidecar->path, &contents, &length, NULL))
    sidecar->bytes = g_bytes_new_take (contents, length);
}

/* Writes the saved bytes back in place (same inode, same mode), or
 * removes a file the failed open created. */
static void
sidecar_restore (Sidecar *sidecar)
{
  g_autoptr(GBytes) now = NULL;
  char *contents = NULL;
  gsize length = 0;
  const char *data;
  gsize size;
  int fd;

  if (!sidecar->existed)
    {
      g_unlink (sidecar->path);
      return;
    }
  if (sidecar->bytes == NULL)
    return;
  if (g_file_get_contents (sidecar->path, &contents, &length, NULL))
    {
      now = g_bytes_new_take (contents, length);
      if (g_bytes_equal (now, sidecar->bytes))
        return;
    }
  data = g_bytes_get_data (sidecar->bytes, &size);
  fd = g_open (sidecar->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  while (size > 0)
    {
      ssize_t n = write (fd, data, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      data += n;
      size -= n;
    }
  fsync (fd);
  close (fd);
}

static void
sidecar_clear (Sidecar *sidecar)
{
  g_clear_pointer (&sidecar->path, g_free);
  g_clear_pointer (&sidecar->bytes, g_bytes_unref);
}

/* What to do when the store itself may be fine and the files beside it
 * are the problem. */
static void
add_sidecar_advice (GError        *error,
                    const Sidecar *wal,
                    const Sidecar *shm)
{
  g_autofree char *names = NULL;
  char *message;

  if (error == NULL || error->domain != AMPARO_STORE_ERROR ||
      (error->code != AMPARO_STORE_ERROR_CORRUPT && error->code != AMPARO_STORE_ERROR_NOT_AMPARO) ||
      (!wal->existed && !shm->existed) || strstr (error->message, "--restore") != NULL)
    return;
  if (wal->existed && shm->existed)
    names = g_strdup_printf ("“%s” / “%s”", wal->path, shm->path);
  else
    names = g_strdup_printf ("“%s”", wal->existed ? wal->path : shm->path);
  /* Translators: %s names the -wal/-shm files beside the database */
  message = g_strdup_printf (_("%s Nothing was changed. If %s came from another database (a copy or a restore), move it to another folder and open again; otherwise restore a backup with “amparo --restore=BACKUP”."),
                             error->message, names);
  g_free (error->message);
  error->message = message;
}

/* Copying a backup over the store by hand would let a stale -wal be
 * applied to it: say how to restore safely. */
static void
add_restore_advice (GError     *error,
                    const char *path)
{
  if (strstr (error->message, "--restore") != NULL)
    return;
  char *message = g_strdup_printf (_("%s To restore it safely (the files beside it are kept aside, nothing is deleted): amparo --database=%s --restore=BACKUP"),
                                   error->message, path);

  g_free (error->message);
  error->message = message;
}

/* A -wal left beside the store is applied when it is read: if it came
 * from elsewhere the pages mix. When the file alone carries no identity
 * to compare (a store from before migration 0010), the mix is checked
 * page by page instead: slower, but only after a crash or a stray copy,
 * and once (the open adds the identity). */
static gboolean
check_after_wal (AmparoStore  *self,
                 GError      **error)
{
  return amparo_db_sqlite_quick_check (self->conn, error);
}

/* The store's identity (migration 0010) as the file alone holds it, the
 * -wal ignored: `immutable` reads the main file only and creates no -shm.
 * NULL when the file predates 0010 or cannot be read this way. */
static char *
read_file_identity (const char *path)
{
  return amparo_db_sqlite_read_file_text (path, "SELECT uuid FROM store_identity");
}

static gboolean
check_wal_identity (AmparoStore  *self,
                    const char   *file_uuid,
                    GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  gboolean same;

  if (file_uuid == NULL)
    return TRUE;
  /* Any failure to read it here means the -wal does not belong. */
  if (!(stmt = amparo_store_prepare_stmt (self, "SELECT uuid FROM store_identity", NULL)))
    same = FALSE;
  else
    same = amparo_db_step (stmt, NULL) == AMPARO_DB_ROW &&
           g_strcmp0 (amparo_db_column_text (stmt, 0), file_uuid) == 0;
  if (!same)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                 _("The file “%s-wal” beside the database “%s” belongs to another database."),
                 self->path, self->path);
  return same;
}

typedef struct
{
  char *path;
  GCancellable *cancellable;
} DailyBackup;

static gpointer
daily_backup_thread (gpointer data)
{
  DailyBackup *job = data;
  g_autoptr(GError) error = NULL;
  pid_t tid = (pid_t) syscall (SYS_gettid);

  /* The copy of a large store must not compete with the person starting
   * to work: this thread only gets the CPU and the disk when they are
   * idle (nice 19, the idle I/O class), and copy_pages() pauses between
   * steps. */
  setpriority (PRIO_PROCESS, tid, 19);
  syscall (SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, tid, 3 << 13 /* IOPRIO_CLASS_IDLE */);

  /* A failed daily backup must not keep staff from their records; it is
   * tried again at the next start. */
  if (!amparo_store_run_daily_backup (job->path, job->cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Daily backup of %s failed: %s", job->path, error->message);

  g_free (job->path);
  g_object_unref (job->cancellable);
  g_free (job);
  return NULL;
}

static void
start_daily_backup (AmparoStore *self)
{
  DailyBackup *job = g_new0 (DailyBackup, 1);

  self->backup_cancellable = g_cancellable_new ();
  job->path = g_strdup (self->path);
  job->cancellable = g_object_ref (self->backup_cancellable);
  self->backup_thread = g_thread_new ("amparo-daily-backup", daily_backup_thread, job);
}

static gboolean
open_database (AmparoStore  *self,
               gboolean      had_wal,
               GError      **error)
{
  g_autofree char *file_uuid = NULL;
  gboolean created;

  if (!prepare_file (self->path, &created, error))
    return FALSE;
  if (had_wal)
    file_uuid = read_file_identity (self->path);

  /* Until the store is known good, nothing may be checkpointed into it:
   * the driver opens it so. */
  if (!(self->conn = amparo_db_sqlite_open (self->path, error)))
    return FALSE;
  self->db = amparo_db_sqlite_get_handle (self->conn);
  if (!amparo_store_exec (self, "PRAGMA wal_autocheckpoint = 0", error))
    return FALSE;

  if (!check_identity (self, error) ||
      (had_wal && !check_wal_identity (self, file_uuid, error)) ||
      (had_wal && file_uuid == NULL && !check_after_wal (self, error)) ||
      !set_pragmas (self, error) || !amparo_store_migrate (self, error))
    return FALSE;

  if (amparo_db_sqlite_is_read_only (self->conn))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is read-only. Ask your administrator to make it writable, or open a copy."),
                   self->path);
      return FALSE;
    }

  amparo_db_sqlite_set_checkpoint_on_close (self->conn, TRUE);
  if (!amparo_store_exec (self, "PRAGMA wal_autocheckpoint = 1000", error))
    return FALSE;

  if (!created)
    start_daily_backup (self);
  return TRUE;
}

/* Overrides */

static void
amparo_store_finalize (GObject *object)
{
  AmparoStore *self = AMPARO_STORE (object);

  /* Quitting must not wait for a long copy: stop it; the next start
   * makes the day's backup again. */
  if (self->backup_thread != NULL)
    {
      g_cancellable_cancel (self->backup_cancellable);
      amparo_store_wait_for_daily_backup (self);
    }

  self->db = NULL;
  g_clear_pointer (&self->conn, amparo_db_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->tx_changed, g_ptr_array_unref);
  g_clear_pointer (&self->tx_changed_set, g_hash_table_unref);
  g_clear_pointer (&self->tx_inserted, g_ptr_array_unref);
  g_clear_pointer (&self->tx_inserted_depth, g_array_unref);
  g_clear_pointer (&self->tx_revisions, g_ptr_array_unref);
  g_clear_pointer (&self->live, amparo_store_live_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (amparo_store_parent_class)->finalize (object);
}

static void
amparo_store_class_init (AmparoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_store_finalize;

  /**
   * AmparoStore::record-changed:
   * @record: the record saved, moved to the Trash or restored
   *
   * Emitted after the change is committed. Lists of the record's kind
   * refresh themselves on it.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMPARO_TYPE_RECORD);

  /**
   * AmparoStore::records-changed:
   * @kind: the #AmparoRecord subtype of the records
   * @n_records: how many records of @kind the commit changed
   *
   * Emitted once per kind after a commit, after the #AmparoStore::record-changed
   * of each of its records. An import of 100,000 clients is 100,000
   * record-changed and one records-changed: a list that reads itself
   * again on this one can ignore record-changed of its kind while
   * @n_records is large (#14).
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_UINT);
}

static void
amparo_store_init (AmparoStore *self)
{
  self->tx_changed = g_ptr_array_new_with_free_func (g_object_unref);
  self->tx_changed_set = g_hash_table_new (NULL, NULL);
  self->tx_inserted = g_ptr_array_new_with_free_func (g_object_unref);
  self->tx_inserted_depth = g_array_new (FALSE, FALSE, sizeof (guint));
  self->actor = g_strdup (g_get_user_name ());
  self->host = g_strdup (g_get_host_name ());
}

/* Private API */

void
amparo_store_wait_for_daily_backup (AmparoStore *self)
{
  if (self->backup_thread != NULL)
    g_thread_join (g_steal_pointer (&self->backup_thread));
  g_clear_object (&self->backup_cancellable);
}

sqlite3 *
amparo_store_get_db (AmparoStore *self)
{
  return self->db;
}

/* Public API */

/**
 * amparo_store_open:
 * @path: the database file; created (mode 0600) if missing
 * @error: return location for an #AMPARO_STORE_ERROR
 *
 * Opens the case store, creating or updating its schema. A file that is
 * not an Amparo database, or was written by a newer Amparo, is refused and
 * left unchanged. Once a day the open also starts a backup, in a
 * background thread, into the `backups` folder next to the file (the
 * last 7 are kept); closing the store stops it if it is still running.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AmparoStore *
amparo_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(AmparoStore) self = NULL;
  g_autoptr(GError) local = NULL;
  Sidecar wal = { NULL, }, shm = { NULL, };
  gboolean opened;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* postgres (#10): a postgresql:// address is a shared server. */
  if (amparo_db_is_server_uri (path))
    return amparo_store_open_server (path, NULL, error);

  self = g_object_new (AMPARO_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  sidecar_save (&wal, self->path, "-wal");
  sidecar_save (&shm, self->path, "-shm");
  opened = open_database (self, wal.existed && (wal.bytes == NULL || g_bytes_get_size (wal.bytes) > 0),
                          &local);
  if (!opened)
    {
      /* Close without a checkpoint (really closed: no statement kept
       * for reuse may hold it open), then put the files back as found. */
      self->db = NULL;
      g_clear_pointer (&self->conn, amparo_db_close);
      sidecar_restore (&wal);
      sidecar_restore (&shm);
      if (wal.existed || shm.existed)
        add_sidecar_advice (local, &wal, &shm);
      else if (g_error_matches (local, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT))
        add_restore_advice (local, self->path);
      g_propagate_error (error, g_steal_pointer (&local));
    }
  sidecar_clear (&wal);
  sidecar_clear (&shm);
  if (!opened)
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * amparo_store_is_server_address:
 * @location: what amparo_store_open() would be given
 *
 * Returns: whether @location names a shared server (`postgresql://…`)
 *   rather than a file
 */
gboolean
amparo_store_is_server_address (const char *location)
{
  return location != NULL && amparo_db_is_server_uri (location);
}

/**
 * amparo_store_get_path:
 *
 * Returns: (transfer none): the database file's absolute path
 */
const char *
amparo_store_get_path (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  return self->path;
}

/**
 * amparo_store_get_schema_version:
 *
 * Returns: the schema version (`user_version`) of the open file
 */
int
amparo_store_get_schema_version (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * amparo_store_default_path:
 *
 * `$AMPARO_DATABASE` if set, else `$XDG_DATA_HOME/amparo/amparo.db`.
 *
 * Returns: (transfer full): the path
 */
char *
amparo_store_default_path (void)
{
  const char *env = g_getenv ("AMPARO_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "amparo", "amparo.db", NULL);
}

void
amparo_store_emit_record_changed (AmparoStore  *self,
                                  AmparoRecord *record)
{
  g_signal_emit (self, signals[RECORD_CHANGED], 0, record);
}

void
amparo_store_emit_records_changed (AmparoStore *self,
                                   GType        kind,
                                   guint        n_records)
{
  g_signal_emit (self, signals[RECORDS_CHANGED], 0, kind, n_records);
}

/**
 * amparo_store_announce_changed:
 * @record: a record another connection (a worker thread's) has saved
 *
 * Emits #AmparoStore::record-changed here, so lists of its kind read
 * again. Main thread only.
 */
void
amparo_store_announce_changed (AmparoStore  *self,
                               AmparoRecord *record)
{
  g_return_if_fail (AMPARO_IS_STORE (self));
  g_return_if_fail (AMPARO_IS_RECORD (record));
  amparo_store_emit_record_changed (self, record);
}
