/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-store-backup.h"

/*
 * Backups copy the live database page by page with SQLite's backup API
 * (amparo_db_sqlite_copy_file()) from a connection of their own, so they
 * run in a worker thread while
 * the app keeps writing (WAL lets both go on). The copy is written under
 * a temporary name, checked, and only then renamed: a backup file that
 * exists is a good one.
 */

#define KEEP_DAILY_BACKUPS 7

typedef struct
{
  AmparoStoreProgressFunc func;
  gpointer data;
  double fraction;
} ProgressReport;

typedef struct
{
  char *source;
  char *dest;
  GMainContext *context;
  AmparoStoreProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_data_free;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->source);
  g_free (job->dest);
  g_clear_pointer (&job->context, g_main_context_unref);
  if (job->progress_data_free != NULL)
    job->progress_data_free (job->progress_data);
  g_free (job);
}

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->func (report->fraction, report->data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (GMainContext            *context,
                 AmparoStoreProgressFunc  func,
                 gpointer                 data,
                 double                   fraction)
{
  ProgressReport *report;

  if (func == NULL)
    return;
  if (context == NULL)
    {
      func (fraction, data);
      return;
    }
  report = g_new0 (ProgressReport, 1);
  report->func = func;
  report->data = data;
  report->fraction = fraction;
  g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, report_progress_cb, report, g_free);
}

/* Each copy gets a partial file of its own (two Amparo processes backing
 * up at once must never delete or rename each other's unfinished copy). */
static char *
create_private_file (const char  *dest,
                     GError     **error)
{
  char *partial = g_strconcat (dest, ".partial-XXXXXX", NULL);
  int fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR,
                   saved_errno == ENOSPC ? AMPARO_STORE_ERROR_DISK_FULL : AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not create the backup “%s”: %s"), dest, g_strerror (saved_errno));
      g_free (partial);
      return NULL;
    }
  close (fd);
  return partial;
}

typedef struct
{
  GMainContext *context;
  AmparoStoreProgressFunc func;
  gpointer data;
} CopyProgress;

static void
copy_progress_cb (double   fraction,
                  gpointer data)
{
  CopyProgress *copy = data;

  report_progress (copy->context, copy->func, copy->data, fraction);
}

/* The copy's bytes on disk before its name says it is a backup. */
static gboolean
sync_path (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static gboolean
backup_file (const char               *source,
             const char               *dest,
             gboolean                  gentle,
             GCancellable             *cancellable,
             GMainContext             *context,
             AmparoStoreProgressFunc   progress,
             gpointer                  progress_data,
             GError                  **error)
{
  g_autofree char *partial = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  CopyProgress copy = { context, progress, progress_data };
  gboolean ok;

  if (!(partial = create_private_file (dest, error)))
    return FALSE;

  /* A copy nobody can open is worse than none: it is checked before it
   * is kept. */
  ok = amparo_db_sqlite_copy_file (source, partial, gentle, cancellable,
                                   copy_progress_cb, &copy, problems, error);
  if (ok && problems->len > 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                   _("The backup copy failed its check, so it was not kept: %s"), problems->str);
      ok = FALSE;
    }
  if (ok && !sync_path (partial))
    ok = FALSE, g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                             _("Could not save the backup as “%s”: %s"), dest, g_strerror (errno));
  if (ok && g_rename (partial, dest) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("Could not save the backup as “%s”: %s"), dest, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  else
    report_progress (context, progress, progress_data, 1.0);
  return ok;
}

/* A backup is a copy of every child's record: journaled like an export,
 * before the copy is made, so no copy exists that the journal misses.
 * The server's daily backup (amparo-store-server-backup.c) too. */
gboolean
amparo_store_journal_backup (AmparoStore  *self,
                             const char   *dest,
                             GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *uid = g_uuid_string_random ();
  g_autofree char *now = amparo_store_now ();
  g_autofree char *details = g_strdup_printf ("Backup: %s", dest);

  /* Through the driver: a shared server journals its backups too. */
  stmt = amparo_store_prepare_stmt (self,
                                    "INSERT INTO journal (uid, created_at, updated_at, actor, host, action, details)"
                                    " VALUES (?, ?, ?, ?, ?, 'export', ?)", error);
  if (stmt == NULL)
    return FALSE;
  amparo_db_bind_text (stmt, 1, uid);
  amparo_db_bind_text (stmt, 2, now);
  amparo_db_bind_text (stmt, 3, now);
  amparo_db_bind_text (stmt, 4, self->actor);
  amparo_db_bind_text (stmt, 5, self->host);
  amparo_db_bind_text (stmt, 6, details);
  return amparo_db_step_done (stmt, error);
}

gboolean
amparo_store_backup_file (const char               *source,
                          const char               *dest,
                          GCancellable             *cancellable,
                          GMainContext             *context,
                          AmparoStoreProgressFunc   progress,
                          gpointer                  progress_data,
                          GError                  **error)
{
  return backup_file (source, dest, FALSE, cancellable, context, progress, progress_data, error);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  GError *error = NULL;

  if (amparo_store_backup_file (job->source, job->dest, cancellable, job->context,
                                job->progress, job->progress_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * amparo_store_backup_to_file:
 * @dest: where to write the copy (replaced if it exists)
 * @cancellable: (nullable): to stop early; nothing is left behind then
 *
 * Copies the database, while it stays open, into @dest (mode 0600). The
 * copy is checked before it is kept. Blocks: use
 * amparo_store_backup_async() from the UI.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_backup_to_file (AmparoStore   *self,
                             const char    *dest,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (!amparo_store_journal_backup (self, dest, error))
    return FALSE;
  /* postgres (#10): a shared server is copied into an Amparo file. */
  if (amparo_store_is_shared (self))
    return amparo_store_backup_server (self, dest, cancellable, error);
  return amparo_store_backup_file (amparo_store_get_path (self), dest, cancellable,
                                   NULL, NULL, NULL, error);
}

/**
 * amparo_store_backup_async:
 * @dest: where to write the copy
 * @progress: (nullable) (scope notified): called with the fraction done,
 *   in the caller's thread-default main context
 * @cancellable: (nullable): to stop early
 *
 * Like amparo_store_backup_to_file(), in a worker thread.
 */
void
amparo_store_backup_async (AmparoStore             *self,
                           const char              *dest,
                           AmparoStoreProgressFunc  progress,
                           gpointer                 progress_data,
                           GDestroyNotify           progress_data_free,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BackupJob *job;

  g_return_if_fail (AMPARO_IS_STORE (self));
  g_return_if_fail (dest != NULL);

  if (!amparo_store_journal_backup (self, dest, &error))
    {
      if (progress_data_free != NULL)
        progress_data_free (progress_data);
      g_task_report_error (self, callback, user_data, amparo_store_backup_async, g_steal_pointer (&error));
      return;
    }

  /* postgres (#10): the server's one connection is the caller's, so its
   * copy runs here, before the result is reported. */
  if (amparo_store_is_shared (self))
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, amparo_store_backup_async);
      if (amparo_store_backup_server (self, dest, cancellable, &error))
        {
          if (progress != NULL)
            progress (1.0, progress_data);
          g_task_return_boolean (task, TRUE);
        }
      else
        g_task_return_error (task, g_steal_pointer (&error));
      if (progress_data_free != NULL)
        progress_data_free (progress_data);
      return;
    }

  job = g_new0 (BackupJob, 1);
  job->source = g_strdup (amparo_store_get_path (self));
  job->dest = g_strdup (dest);
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_free = progress_data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_store_backup_async);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

/**
 * amparo_store_backup_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set (%G_IO_ERROR_CANCELLED when
 *   cancelled)
 */
gboolean
amparo_store_backup_finish (AmparoStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A store a check found damaged is marked by a file beside it,
 * STORE.damaged (0600, the problems in it): amparo_store_open() refuses
 * to write into it until a check passes again or a backup is restored.
 * The mark is not kept inside the store, since writing there is what
 * must stop. */
char *
amparo_store_damage_mark_path (const char *db_path)
{
  return g_strconcat (db_path, ".damaged", NULL);
}

static void
set_damage_mark (const char *db_path,
                 const char *problems)
{
  g_autofree char *mark = amparo_store_damage_mark_path (db_path);
  int fd = g_open (mark, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    return;
  if (write (fd, problems, strlen (problems)) < 0)
    g_debug ("Could not write %s", mark);
  close (fd);
}

static void
clear_damage_mark (const char *db_path)
{
  g_autofree char *mark = amparo_store_damage_mark_path (db_path);

  g_unlink (mark);
}

/**
 * amparo_store_check_file:
 * @path: a database file
 * @report: (out) (optional) (transfer full): `ok`, or one line per problem
 *
 * Checks a database without opening it as a store, so nothing is
 * migrated or written: it is an Amparo database, its pages are intact
 * (`PRAGMA integrity_check`), every reference points to a row
 * (`PRAGMA foreign_key_check`) and every record still matches its
 * checksum. A file in a read-only folder is checked too.
 *
 * Returns: %TRUE if the file is fine; else %FALSE, @error says why and
 *   @report lists the problems
 */
gboolean
amparo_store_check_file (const char  *path,
                         char       **report,
                         GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) local = NULL;

  if (report != NULL)
    *report = NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), path);
      return FALSE;
    }
  if (amparo_store_file_is_empty (path))
    {
      g_set_error (&local, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                   _("“%s” is empty, so it is not an Amparo database (perhaps a copy that failed). If you meant to start a new case store there, delete the empty file and open it again."),
                   path);
      if (report != NULL)
        *report = g_strdup (local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* Unreadable, or not an Amparo database: the reason is the report. */
  if (!amparo_db_sqlite_check_file (path, AMPARO_APPLICATION_ID, problems, &local))
    g_string_append_printf (problems, "%s\n", local->message);
  else
    {
      if (problems->len > 0)
        set_damage_mark (path, problems->str);
      else
        clear_damage_mark (path);
      if (problems->len > 0)
        g_set_error (&local, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                     _("The database “%s” has problems. Close Amparo and restore the latest backup from its “backups” folder with “amparo --database=%s --restore=BACKUP”."),
                     path, path);
    }

  if (report != NULL)
    *report = problems->len > 0 ? g_strchomp (g_strdup (problems->str)) : g_strdup ("ok");
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return problems->len == 0;
}

/**
 * amparo_store_check:
 * @report: (out) (optional) (transfer full): `ok`, or one line per problem
 *
 * Checks the open store's file; see amparo_store_check_file().
 *
 * Returns: %TRUE if the database is fine
 */
gboolean
amparo_store_check (AmparoStore  *self,
                    char        **report,
                    GError      **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  if (amparo_store_is_shared (self))
    return amparo_store_check_server (self, report, error);
  return amparo_store_check_file (amparo_store_get_path (self), report, error);
}

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/**
 * amparo_store_get_backup_dir:
 *
 * Returns: (transfer full): the `backups` folder next to the database
 */
char *
amparo_store_get_backup_dir (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  return backup_dir_for (amparo_store_get_path (self));
}

static char *
backup_prefix (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, "-", NULL);
}

static gboolean
is_daily_backup (const char                    *name,
                 const AmparoDailyBackupFolder *folder)
{
  g_autofree char *day = NULL;
  const char *date;
  GDate parsed;

  if (!g_str_has_prefix (name, folder->prefix) || !g_str_has_suffix (name, folder->suffix))
    return FALSE;
  date = name + strlen (folder->prefix);
  if (strlen (date) != strlen ("YYYY-MM-DD") + strlen (folder->suffix))
    return FALSE;
  day = g_strndup (date, 10);
  return amparo_parse_date (day, &parsed);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
remove_old_backups (const AmparoDailyBackupFolder *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint keep = MAX (folder->keep, 1);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_daily_backup (name, folder))
      g_ptr_array_add (names, g_strdup (name));

  /* Names carry the date, so name order is age order. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; names->len > keep && i < names->len - keep; i++)
    {
      g_autofree char *path = g_build_filename (folder->dir, names->pdata[i], NULL);
      g_unlink (path);
    }
}

/* One process at a time makes the day's backup: the lock (flock, freed
 * by the kernel when a process dies) is on a file in the backups folder.
 * Returns the locked descriptor, -1 when another process holds it, or
 * -2 with @error set when the folder cannot be written. */
static int
lock_backups (const AmparoDailyBackupFolder  *folder,
              GError                        **error)
{
  g_autofree char *name = g_strconcat (".", folder->prefix, "lock", NULL);
  g_autofree char *path = g_build_filename (folder->dir, name, NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not write in the backups folder “%s”: %s"), folder->dir, g_strerror (saved_errno));
      return -2;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A day's backup that exists must be whole: an SQLite file with Amparo's
 * id whose size is what its header says (a zero-filled or cut-off file
 * left by a kill is not). Cheap enough for every start; the full
 * integrity_check ran before the copy got its name. A server's backup is
 * an Amparo file too, so the same test holds for it. */
static gboolean
backup_is_sound (const char *path)
{
  guchar header[100];
  GStatBuf st;
  guint32 page_size, pages;
  gssize n;
  int fd;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < (goffset) sizeof header)
    return FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  close (fd);
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return FALSE;
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  pages = read_be32 (header + 28);
  return read_be32 (header + 68) == AMPARO_APPLICATION_ID &&
         read_be32 (header + 24) == read_be32 (header + 92) &&
         (goffset) page_size * pages == st.st_size;
}

/* Partial copies of dead processes (under the lock, nobody else's can be
 * in progress): a desk's DAY.db.partial-XXXXXX, a server's
 * DAY.amparo.partial and its -wal, -shm, -journal. */
static void
remove_stale_partials (const AmparoDailyBackupFolder *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder->dir, 0, NULL);
  g_autofree char *marker = g_strconcat (folder->suffix, ".partial", NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, folder->prefix) && strstr (name, marker) != NULL)
      {
        g_autofree char *path = g_build_filename (folder->dir, name, NULL);
        g_unlink (path);
      }
}

/**
 * amparo_store_daily_backup_in:
 * @folder: where, under which names, how many days
 * @copy: makes a checked copy at the path it is given
 * @dest: (out) (optional) (transfer full): today's backup's path
 *
 * Makes today's backup in @folder unless a sound one is there, and keeps
 * the last @folder->keep. Nothing is rotated away when the copy fails,
 * so a failing day never costs the good days before it.
 *
 * Returns: what happened; %AMPARO_DAILY_BACKUP_FAILED with @error set
 */
AmparoDailyBackupResult
amparo_store_daily_backup_in (const AmparoDailyBackupFolder  *folder,
                              AmparoDailyCopyFunc             copy,
                              gpointer                        user_data,
                              char                          **dest,
                              GError                        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (folder->prefix, day, folder->suffix, NULL);
  g_autofree char *path = g_build_filename (folder->dir, name, NULL);
  AmparoDailyBackupResult result = AMPARO_DAILY_BACKUP_EXISTED;
  int lock;

  if (dest != NULL)
    *dest = g_strdup (path);
  if (g_mkdir_with_parents (folder->dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), folder->dir, g_strerror (saved_errno));
      return AMPARO_DAILY_BACKUP_FAILED;
    }

  lock = lock_backups (folder, error);
  if (lock == -2)
    return AMPARO_DAILY_BACKUP_FAILED;
  if (lock == -1)
    return AMPARO_DAILY_BACKUP_BUSY;  /* another Amparo is making it now */

  remove_stale_partials (folder);
  /* A bad day's copy is made again (the new one replaces it atomically). */
  if (!backup_is_sound (path))
    result = copy (path, user_data, error) ? AMPARO_DAILY_BACKUP_MADE : AMPARO_DAILY_BACKUP_FAILED;
  if (result != AMPARO_DAILY_BACKUP_FAILED)
    remove_old_backups (folder);
  close (lock);
  return result;
}

typedef struct
{
  const char *db_path;
  GCancellable *cancellable;
} DeskCopy;

static gboolean
copy_desk_file (const char  *dest,
                gpointer     user_data,
                GError     **error)
{
  DeskCopy *desk = user_data;

  return backup_file (desk->db_path, dest, TRUE, desk->cancellable, NULL, NULL, NULL, error);
}

gboolean
amparo_store_run_daily_backup (const char    *db_path,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *dir = backup_dir_for (db_path);
  g_autofree char *prefix = backup_prefix (db_path);
  AmparoDailyBackupFolder folder = { dir, prefix, ".db", KEEP_DAILY_BACKUPS };
  DeskCopy desk = { db_path, cancellable };

  return amparo_store_daily_backup_in (&folder, copy_desk_file, &desk, NULL, error) != AMPARO_DAILY_BACKUP_FAILED;
}

/**
 * amparo_store_rotate_daily_backups:
 *
 * Makes today's backup in the `backups` folder next to the database
 * (`amparo-2024-05-13.db`) unless it exists, and keeps only the last 7.
 * amparo_store_open() starts the same work in a background thread.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_rotate_daily_backups (AmparoStore  *self,
                                   GError      **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  return amparo_store_run_daily_backup (amparo_store_get_path (self), NULL, error);
}

/* Moves @path aside to @aside if it exists. */
static gboolean
move_aside (const char  *path,
            const char  *aside,
            GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (path, aside) == 0)
    return TRUE;
  g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
               _("Could not move “%s” aside: %s. Nothing was restored."), path, g_strerror (errno));
  return FALSE;
}

/* Nobody may have the store open while it is replaced. Every connection
 * to a WAL database holds a read lock on byte 128 of its -shm (SQLite's
 * "dead man switch") for as long as it is open, idle or not: if another
 * process could not take a write lock there, the store is in use. */
static gboolean
store_in_use (const char *db_path)
{
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  struct flock lock = { 0, };
  int fd = g_open (shm, O_RDONLY | O_CLOEXEC, 0);
  gboolean in_use;

  if (fd < 0)
    return FALSE;
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 128;
  lock.l_len = 1;
  in_use = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return in_use;
}

/**
 * amparo_store_restore_file:
 * @backup: a backup (from the `backups` folder or `--backup`)
 * @db_path: the store to replace
 * @kept_as: (out) (optional) (transfer full): where the replaced store
 *   (and its -wal and -shm) were moved, or %NULL if there was none
 *
 * Restores safely: the backup must pass amparo_store_check_file(); the
 * store must not be open anywhere; a checked copy of the backup is made
 * beside the store; then the store and its -wal and -shm are moved aside
 * together (a stale -wal must never be applied to the restored file) and
 * the copy takes the store's name. Nothing is deleted.
 *
 * Returns: %TRUE, or %FALSE with @error set (and nothing changed)
 */
gboolean
amparo_store_restore_file (const char  *backup,
                           const char  *db_path,
                           char       **kept_as,
                           GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
  g_autofree char *copy = g_strconcat (db_path, ".restoring", NULL);
  g_autofree char *report = NULL;
  gboolean had_store = g_file_test (db_path, G_FILE_TEST_EXISTS);

  if (!amparo_store_check_file (backup, &report, NULL))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                   _("The backup “%s” cannot be restored: %s Nothing was changed; try an older backup."),
                   backup, report);
      return FALSE;
    }
  if (store_in_use (db_path))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("The database “%s” is open in Amparo (here or on another computer). Close it everywhere, then restore again. Nothing was changed."),
                   db_path);
      return FALSE;
    }
  if (!backup_file (backup, copy, FALSE, NULL, NULL, NULL, NULL, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (!move_aside (from, to, error))
        {
          /* Put back what was already moved. */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *back_from = g_strconcat (aside, suffixes[j], NULL);
              g_autofree char *back_to = g_strconcat (db_path, suffixes[j], NULL);
              g_rename (back_from, back_to);
            }
          g_unlink (copy);
          return FALSE;
        }
    }
  if (g_rename (copy, db_path) != 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("Could not put the restored copy in place: %s. The previous database is in “%s”."),
                   g_strerror (errno), aside);
      return FALSE;
    }
  clear_damage_mark (db_path);
  if (kept_as != NULL)
    *kept_as = had_store ? g_steal_pointer (&aside) : NULL;
  return TRUE;
}

/**
 * amparo_store_file_is_empty:
 *
 * Returns: whether @path is an existing file of 0 bytes
 */
gboolean
amparo_store_file_is_empty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0;
}
