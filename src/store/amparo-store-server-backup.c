/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

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
