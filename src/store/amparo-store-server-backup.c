/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-store-server-backup.h"

/*
 * Backups and --check of a shared case store (postgres #10).
 *
 * A backup of the server is a logical copy into an ordinary Amparo file
 * (the same copy as `--copy-store`, from one consistent snapshot), not a
 * pg_dump archive:
 *  - the copy is a store any desk opens and `--check`s, and
 *    `--copy-store BACKUP postgresql://…` puts it back on an empty
 *    database; a dump needs pg_restore and a server to read it;
 *  - no other program runs: pg_dump must be as new as the server, is not
 *    on every desk, and would need the account's password handed to it;
 *    here the password never leaves the connection already open;
 *  - it holds what Amparo owns (every record, uid, revision, history and
 *    journal); roles, grants and the server's settings are the
 *    administrator's, backed up with pg_dumpall as for any database.
 */

/* Links the server would refuse today but which a restore, a
 * replication role or a dropped constraint may have let in: every
 * single-column foreign key of the records' tables (those with an id;
 * the search index follows its persons by itself), one query each. */
#define FOREIGN_KEYS_SQL \
  "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, r.attname" \
  "  FROM pg_constraint c" \
  "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]" \
  "  JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]" \
  " WHERE c.contype = 'f' AND cardinality (c.conkey) = 1" \
  "   AND c.connamespace = current_schema ()::regnamespace" \
  "   AND EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = c.conrelid AND i.attname = 'id')" \
  " ORDER BY 1, 2"

static gboolean
check_links (AmparoStore  *self,
             GString      *problems,
             GError      **error)
{
  g_autoptr(AmparoDbStmt) keys = amparo_store_prepare_stmt (self, FOREIGN_KEYS_SQL, error);
  AmparoDbStep rc;

  if (keys == NULL)
    return FALSE;
  while ((rc = amparo_db_step (keys, error)) == AMPARO_DB_ROW)
    {
      const char *table = amparo_db_column_text (keys, 0);
      const char *column = amparo_db_column_text (keys, 1);
      const char *other = amparo_db_column_text (keys, 2);
      const char *other_column = amparo_db_column_text (keys, 3);
      g_autofree char *sql = g_strdup_printf ("SELECT t.id FROM %s t WHERE t.%s IS NOT NULL"
                                              " AND NOT EXISTS (SELECT 1 FROM %s o WHERE o.%s = t.%s)"
                                              " ORDER BY t.id LIMIT 100",
                                              table, column, other, other_column, column);
      g_autoptr(AmparoDbStmt) rows = amparo_store_prepare_stmt (self, sql, error);

      if (rows == NULL)
        return FALSE;
      while ((rc = amparo_db_step (rows, error)) == AMPARO_DB_ROW)
        g_string_append_printf (problems, _("Row %lld of table %s refers to a missing row of %s.\n"),
                                (long long) amparo_db_column_int64 (rows, 0), table, other);
      if (rc == AMPARO_DB_ERROR)
        return FALSE;
    }
  return rc == AMPARO_DB_DONE;
}

/* Search as you type reads persons_search alone (pg/0017-search.sql):
 * a live person missing there cannot be found by name. */
static gboolean
check_search_index (AmparoStore  *self,
                    GString      *problems,
                    GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  gint64 missing;

  stmt = amparo_store_prepare_stmt (self,
                                    "SELECT count(*) FROM persons p WHERE p.deleted_at IS NULL"
                                    " AND NOT EXISTS (SELECT 1 FROM persons_search s WHERE s.person_id = p.id)",
                                    error);
  if (stmt == NULL || amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    return FALSE;
  missing = amparo_db_column_int64 (stmt, 0);
  if (missing > 0)
    g_string_append_printf (problems,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%lld person cannot be found by search (the search index misses them).\n",
                                         "%lld persons cannot be found by search (the search index misses them).\n",
                                         (unsigned long) missing),
                            (long long) missing);
  return TRUE;
}

/**
 * amparo_store_check_server:
 * @report: (out) (optional) (transfer full): `ok`, or one line per problem
 *
 * `--check` of a shared server: the server keeps its pages whole itself
 * (its own checksums and WAL), so this checks what Amparo relies on:
 * every link between records, and the search index.
 *
 * Returns: %TRUE if the store is fine
 */
gboolean
amparo_store_check_server (AmparoStore  *self,
                           char        **report,
                           GError      **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  if (report != NULL)
    *report = NULL;
  if (!check_links (self, problems, error) || !check_search_index (self, problems, error))
    return FALSE;
  if (report != NULL)
    *report = problems->len > 0 ? g_strchomp (g_strdup (problems->str)) : g_strdup ("ok");
  if (problems->len > 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                   _("The shared case store “%s” has problems. Ask your administrator to restore the latest backup."),
                   amparo_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

static void
remove_file_and_sidecars (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

typedef struct
{
  gint64 persons;
  gint64 records;
} BackupCounts;

/* What the copy holds, counted in the copy itself (the server may have
 * changed since its snapshot): every row, the Trash included. */
static gboolean
count_copy (AmparoStore   *copy,
            BackupCounts  *counts,
            GError       **error)
{
  guint n_kinds;
  const GType *kinds = amparo_record_get_kinds (&n_kinds);

  counts->persons = amparo_store_count_where (copy, AMPARO_TYPE_PERSON, NULL, NULL, error);
  if (counts->persons < 0)
    return FALSE;
  counts->records = 0;
  for (guint k = 0; k < n_kinds; k++)
    {
      gint64 n = amparo_store_count_where (copy, kinds[k], NULL, NULL, error);

      if (n < 0)
        return FALSE;
      counts->records += n;
    }
  return TRUE;
}

static gboolean
backup_server (AmparoStore   *self,
               const char    *dest,
               GCancellable  *cancellable,
               BackupCounts  *counts,
               GError       **error)
{
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_autoptr(AmparoStore) copy = NULL;
  g_autofree char *report = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  remove_file_and_sidecars (partial);
  if (!(copy = amparo_store_open (partial, error)))
    return FALSE;
  ok = amparo_store_copy_into (self, copy, error);
  if (ok && counts != NULL)
    ok = count_copy (copy, counts, error);
  g_clear_object (&copy);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && !amparo_store_check_file (partial, &report, error))
    {
      g_prefix_error (error, _("The backup did not pass its check: "));
      ok = FALSE;
    }
  if (ok && g_rename (partial, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), dest, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    remove_file_and_sidecars (partial);
  else
    {
      /* The copy was closed with its WAL folded in; no sidecar remains. */
      g_autofree char *wal = g_strconcat (partial, "-wal", NULL);
      g_autofree char *shm = g_strconcat (partial, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
    }
  return ok;
}

/**
 * amparo_store_backup_server:
 * @dest: the Amparo file to write (replaced if it exists)
 *
 * Copies the shared store @self into a new file @dest (mode 0600),
 * through DEST.partial, checked before it takes @dest's name: nothing
 * is left behind when it fails.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_backup_server (AmparoStore   *self,
                            const char    *dest,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return backup_server (self, dest, cancellable, NULL, error);
}

/*
 * The daily backup of the shared server (backup, #10). It runs on the
 * server host, as the database's owner, from a systemd timer
 * (resources/systemd/): not on a desk, whose copy would put every
 * office's clients on one laptop, and not as a staff login, which cannot
 * read the restricted cases and would make an incomplete copy. The
 * folder, lock, soundness test and rotation are the desk's own
 * (amparo_store_daily_backup_in()); what differs is the copy (a logical
 * copy of the server, above) and that the server records each one.
 */

void
amparo_server_backup_info_free (AmparoServerBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->file_name);
  g_free (info->actor);
  g_free (info->made_at);
  g_free (info);
}

/* Only the owner (or a superuser) reads every row past row-level
 * security and may record the backup: anyone else is told so before
 * anything is written. */
static gboolean
check_owner (AmparoStore  *self,
             GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;

  stmt = amparo_store_prepare_stmt (self,
                                    "SELECT session_user::text, pg_has_role (session_user, d.datdba, 'MEMBER')::int"
                                    "  FROM pg_database d WHERE d.datname = current_database ()",
                                    error);
  if (stmt == NULL || amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    return FALSE;
  if (amparo_db_column_int64 (stmt, 1) != 0)
    return TRUE;
  g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FORBIDDEN,
               _("The daily backup of the shared server runs as the database’s owner, not as “%s”: only the owner is sure to read every record (a staff login’s copy would miss restricted cases) and records the backup on the server. Nothing was written; run it as the owner (see “Several desks” in the README)."),
               amparo_db_column_text (stmt, 0));
  return FALSE;
}

typedef struct
{
  AmparoStore *self;
  BackupCounts counts;
} ServerCopy;

static gboolean
copy_server (const char  *dest,
             gpointer     user_data,
             GError     **error)
{
  ServerCopy *job = user_data;

  /* Journaled as --backup is, before the copy exists. */
  return amparo_store_journal_backup (job->self, dest, error) &&
         backup_server (job->self, dest, NULL, &job->counts, error);
}

static gboolean
record_backup (AmparoStore         *self,
               const char          *dest,
               const BackupCounts  *counts,
               GError             **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *name = g_path_get_basename (dest);
  GStatBuf st;

  if (g_stat (dest, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), dest, g_strerror (saved));
      return FALSE;
    }
  /* Who and when are set by the server (pg/0025-server-backups.sql). */
  stmt = amparo_store_prepare_stmt (self,
                                    "INSERT INTO server_backups (host, file_name, persons, records, size_bytes)"
                                    " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  amparo_db_bind_text (stmt, 1, self->host);
  amparo_db_bind_text (stmt, 2, name);
  amparo_db_bind_int64 (stmt, 3, counts->persons);
  amparo_db_bind_int64 (stmt, 4, counts->records);
  amparo_db_bind_int64 (stmt, 5, (gint64) st.st_size);
  return amparo_db_step_done (stmt, error);
}

/**
 * amparo_store_server_daily_backup:
 * @dir: the backups folder on the server host (made 0700 if missing)
 * @keep: how many days to keep (0: the default, 7)
 * @dest: (out) (optional) (transfer full): today's backup's path
 * @made: (out) (optional) (transfer full): the row recorded for it, when
 *   it was made now
 *
 * Makes today's backup of the shared store @self, `DIR/amparo-YYYY-MM-DD.amparo`
 * (mode 0600), unless a sound one is there: under the folder's lock,
 * journaled, checked before it takes its name, recorded on the server;
 * keeps the last @keep and removes partial copies left by a crash. When
 * it fails, the folder's backups are as they were.
 *
 * Returns: what happened; %AMPARO_DAILY_BACKUP_FAILED with @error set
 */
AmparoDailyBackupResult
amparo_store_server_daily_backup (AmparoStore             *self,
                                  const char              *dir,
                                  guint                    keep,
                                  char                   **dest,
                                  AmparoServerBackupInfo **made,
                                  GError                 **error)
{
  AmparoDailyBackupFolder folder = { dir, "amparo-", ".amparo", keep > 0 ? keep : AMPARO_SERVER_BACKUP_KEEP };
  ServerCopy job = { self, { 0, 0 } };
  g_autofree char *path = NULL;
  AmparoDailyBackupResult result;

  g_return_val_if_fail (AMPARO_IS_STORE (self), AMPARO_DAILY_BACKUP_FAILED);
  g_return_val_if_fail (dir != NULL, AMPARO_DAILY_BACKUP_FAILED);

  if (made != NULL)
    *made = NULL;
  if (dest != NULL)
    *dest = NULL;
  if (!amparo_store_is_shared (self))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("--daily-backup is for the shared server. A case store on this computer makes its daily backup by itself, in the “backups” folder next to it."));
      return AMPARO_DAILY_BACKUP_FAILED;
    }
  if (!check_owner (self, error))
    return AMPARO_DAILY_BACKUP_FAILED;

  result = amparo_store_daily_backup_in (&folder, copy_server, &job, &path, error);
  if (result == AMPARO_DAILY_BACKUP_MADE)
    {
      gboolean readable;

      if (!record_backup (self, path, &job.counts, error) ||
          (made != NULL && !amparo_store_get_last_server_backup (self, &readable, made, error)))
        {
          g_prefix_error (error, _("The backup “%s” was made, but the server could not record it: "), path);
          result = AMPARO_DAILY_BACKUP_FAILED;
        }
    }
  if (dest != NULL)
    *dest = g_steal_pointer (&path);
  return result;
}

/**
 * amparo_store_get_last_server_backup:
 * @readable: (out): whether this account may read the server's backup
 *   record (administrators)
 * @info: (out) (transfer full) (nullable): the newest backup, or %NULL
 *   when none is recorded or it is not readable
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_get_last_server_backup (AmparoStore             *self,
                                     gboolean                *readable,
                                     AmparoServerBackupInfo **info,
                                     GError                 **error)
{
  g_autoptr(AmparoDbStmt) allowed = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GDateTime) made_at = NULL;
  AmparoServerBackupInfo *newest;
  AmparoDbStep rc;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  *readable = FALSE;
  *info = NULL;
  if (!amparo_store_is_shared (self))
    return TRUE;
  /* Asked first, so that a refused query never spoils the transaction
   * a caller may be in. */
  allowed = amparo_store_prepare_stmt (self,
                                       "SELECT CASE WHEN to_regclass ('server_backups') IS NULL THEN 0"
                                       " ELSE has_table_privilege ('server_backups', 'SELECT')::int END",
                                       error);
  if (allowed == NULL || amparo_db_step (allowed, error) != AMPARO_DB_ROW)
    return FALSE;
  if (amparo_db_column_int64 (allowed, 0) == 0)
    return TRUE;
  *readable = TRUE;

  stmt = amparo_store_prepare_stmt (self,
                                    "SELECT file_name, actor, extract (epoch FROM made_at)::bigint,"
                                    " extract (epoch FROM now () - made_at)::bigint, persons, records, size_bytes"
                                    "  FROM server_backups ORDER BY made_at DESC, id DESC LIMIT 1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  rc = amparo_db_step (stmt, error);
  if (rc == AMPARO_DB_ERROR)
    return FALSE;
  if (rc == AMPARO_DB_DONE)
    return TRUE;

  newest = g_new0 (AmparoServerBackupInfo, 1);
  newest->file_name = g_strdup (amparo_db_column_text (stmt, 0));
  newest->actor = g_strdup (amparo_db_column_text (stmt, 1));
  /* Shown in the reader's own time zone, in a form both languages read. */
  made_at = g_date_time_new_from_unix_local (amparo_db_column_int64 (stmt, 2));
  newest->made_at = g_date_time_format (made_at, "%Y-%m-%d %H:%M");
  newest->age_seconds = amparo_db_column_int64 (stmt, 3);
  newest->persons = amparo_db_column_int64 (stmt, 4);
  newest->records = amparo_db_column_int64 (stmt, 5);
  newest->size_bytes = amparo_db_column_int64 (stmt, 6);
  *info = newest;
  return TRUE;
}

/**
 * amparo_store_describe_server_backup:
 * @stale: (out) (optional): whether the text is a warning (no backup, or
 *   the newest is older than %AMPARO_SERVER_BACKUP_STALE_HOURS)
 *
 * What `--check` and Preferences → Case Store say about the server's
 * backups, for an account that may read their record.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL (and no error)
 *   on a desk's file or for an account that may not read the record
 */
char *
amparo_store_describe_server_backup (AmparoStore  *self,
                                     gboolean     *stale,
                                     GError      **error)
{
  g_autoptr(AmparoServerBackupInfo) info = NULL;
  gboolean readable;

  if (stale != NULL)
    *stale = FALSE;
  if (!amparo_store_get_last_server_backup (self, &readable, &info, error) || !readable)
    return NULL;
  if (stale != NULL)
    *stale = info == NULL || info->age_seconds > AMPARO_SERVER_BACKUP_STALE_HOURS * 3600;
  if (info == NULL)
    return g_strdup (_("Warning: the shared server has no recorded backup. Set up its daily backup on the server host (see “Several desks” in the README)."));
  if (info->age_seconds > AMPARO_SERVER_BACKUP_STALE_HOURS * 3600)
    /* Translators: %s is a date and time, "2026-12-02 03:14" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Warning: the newest backup of the shared server is from %s, more than %d hour ago. Check its daily backup on the server host (systemctl status amparo-server-backup.timer).",
                                         "Warning: the newest backup of the shared server is from %s, more than %d hours ago. Check its daily backup on the server host (systemctl status amparo-server-backup.timer).",
                                         AMPARO_SERVER_BACKUP_STALE_HOURS),
                            info->made_at, AMPARO_SERVER_BACKUP_STALE_HOURS);
  /* Translators: "Last backup of the server: 2026-12-02 03:14 (amparo-2026-12-02.amparo, 1204 persons)." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Last backup of the server: %s (%s, %lld person).",
                                       "Last backup of the server: %s (%s, %lld persons).",
                                       (unsigned long) info->persons),
                          info->made_at, info->file_name, (long long) info->persons);
}
