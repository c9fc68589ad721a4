/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#define MIGRATIONS_PATH "/io/github/amparo/Amparo/sql"
/* The shared server's dialect of the same numbered migrations. */
#define PG_MIGRATIONS_PATH MIGRATIONS_PATH "/pg"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-query-model.h"
#include "amparo-record-private.h"

/* The numbered schema migrations compiled into the resources. */

/* Migrations */

static int
parse_migration_version (const char *name)
{
  guint64 version = 0;
  g_autofree char *digits = g_strndup (name, 4);

  if (strlen (name) < 6 || name[4] != '-' || !g_str_has_suffix (name, ".sql") ||
      !g_ascii_string_to_unsigned (digits, 10, 1, 9999, &version, NULL))
    return 0;
  return (int) version;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_migrations_in (const char *folder)
{
  g_auto(GStrv) names = g_resources_enumerate_children (folder, 0, NULL);
  GPtrArray *migrations = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (parse_migration_version (names[i]) > 0)
      g_ptr_array_add (migrations, g_strdup (names[i]));
  g_ptr_array_sort (migrations, compare_names);

  /* Two files with one number: the second would silently never run. */
  for (guint i = 1; i < migrations->len; i++)
    if (parse_migration_version (migrations->pdata[i]) == parse_migration_version (migrations->pdata[i - 1]))
      g_critical ("Migrations %s and %s have the same number; renumber one",
                  (char *) migrations->pdata[i - 1], (char *) migrations->pdata[i]);
  return migrations;
}

static GPtrArray *
list_migrations (void)
{
  return list_migrations_in (MIGRATIONS_PATH);
}

static int
latest_in (GPtrArray *migrations)
{
  if (migrations->len == 0)
    return 0;
  return parse_migration_version (g_ptr_array_index (migrations, migrations->len - 1));
}

int
amparo_store_latest_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  if (migrations->len == 0)
    return 0;
  return parse_migration_version (g_ptr_array_index (migrations, migrations->len - 1));
}

static char *
read_migration (const char  *folder,
                const char  *name,
                GError     **error)
{
  g_autofree char *resource = g_strconcat (folder, "/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
apply_migration (AmparoStore  *self,
                 const char   *name,
                 int           version,
                 gboolean      refill,
                 GError      **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *pragmas = NULL;

  if (!(sql = read_migration (MIGRATIONS_PATH, name, error)))
    return FALSE;
  pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                             version, AMPARO_APPLICATION_ID);

  if (!amparo_db_begin (self->conn, error))
    return FALSE;
  if (!amparo_db_exec (self->conn, sql, error) ||
      /* 0012 adds the checksum columns: the records already stored get
       * theirs in the same transaction. A later migration may rewrite
       * rows (0014 maps languages to codes), so the last one of a run
       * that began before such a migration writes them again: never a
       * store that --check calls damaged because it was upgraded. A
       * run that began after it rewrites no row (at a million persons,
       * every checksum again took minutes before the window). */
      (version >= AMPARO_STORE_CHECKSUM_MIGRATION && refill && !amparo_store_fill_checksums (self, error)) ||
      !amparo_db_exec (self->conn, pragmas, error) ||
      !amparo_db_commit (self->conn, error))
    {
      g_prefix_error (error, _("Could not update the database to version %d: "), version);
      amparo_db_rollback (self->conn, NULL);
      return FALSE;
    }
  self->schema_version = version;
  g_debug ("Applied migration %s", name);
  return TRUE;
}

/*
 * The shared server records each migration applied in a table (SQLite
 * keeps one number, user_version): numbers are allocated per area, so a
 * lower one may arrive after a higher one and must still run. Desks that
 * open the server at once take turns through an advisory lock.
 */
static gboolean
pg_read_applied (AmparoStore  *self,
                 GHashTable   *applied,
                 int          *highest,
                 GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_db_prepare (self->conn, "SELECT version FROM amparo_migrations", error);
  AmparoDbStep rc;

  *highest = 0;
  if (stmt == NULL)
    return FALSE;
  while ((rc = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      int version = (int) amparo_db_column_int64 (stmt, 0);

      g_hash_table_add (applied, GINT_TO_POINTER (version));
      *highest = MAX (*highest, version);
    }
  return rc == AMPARO_DB_DONE;
}

static gboolean
pg_migrate_locked (AmparoStore  *self,
                   GError      **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations_in (PG_MIGRATIONS_PATH);
  g_autoptr(GHashTable) applied = g_hash_table_new (NULL, NULL);
  int known = latest_in (migrations);
  int highest;

  if (!amparo_db_exec (self->conn,
                       "SELECT pg_advisory_xact_lock (1097690209);"
                       /* roles (#17): staff accounts may not create tables,
                        * not even IF NOT EXISTS; only make it when missing. */
                       "DO $$ BEGIN IF to_regclass ('amparo_migrations') IS NULL THEN"
                       " CREATE TABLE amparo_migrations ("
                       " version integer PRIMARY KEY, applied_at text NOT NULL); END IF; END $$", error) ||
      !pg_read_applied (self, applied, &highest, error))
    return FALSE;

  if (highest > known)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NEWER_VERSION,
                   _("The shared case store “%s” was updated by a newer version of Amparo (database version %d; this version knows up to %d). Update Amparo to use it; nothing was changed."),
                   self->path, highest, known);
      return FALSE;
    }

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int version = parse_migration_version (name);
      g_autofree char *sql = NULL;
      g_autofree char *record = NULL;

      if (g_hash_table_contains (applied, GINT_TO_POINTER (version)))
        continue;
      if (!(sql = read_migration (PG_MIGRATIONS_PATH, name, error)))
        return FALSE;
      record = g_strdup_printf ("INSERT INTO amparo_migrations VALUES (%d, now()::text)", version);
      if (!amparo_db_exec (self->conn, sql, error) || !amparo_db_exec (self->conn, record, error))
        {
          g_prefix_error (error, _("Could not update the database to version %d: "), version);
          return FALSE;
        }
      g_debug ("Applied migration pg/%s", name);
      highest = MAX (highest, version);
    }
  self->schema_version = highest;
  return TRUE;
}

static gboolean
pg_migrate (AmparoStore  *self,
            GError      **error)
{
  if (!amparo_db_begin (self->conn, error))
    return FALSE;
  if (!pg_migrate_locked (self, error) || !amparo_db_commit (self->conn, error))
    {
      amparo_db_rollback (self->conn, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate_engine (AmparoStore  *self,
                GError      **error);

gboolean
amparo_store_migrate (AmparoStore  *self,
                      GError      **error)
{
  return migrate_engine (self, error);
}

static gboolean
migrate_engine (AmparoStore  *self,
                GError      **error)
{
  g_autoptr(GPtrArray) migrations = NULL;
  int from = self->schema_version;

  if (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG)
    return pg_migrate (self, error);

  migrations = list_migrations ();

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int version = parse_migration_version (name);
      gboolean last = i + 1 == migrations->len;

      if (version > self->schema_version &&
          !apply_migration (self, name, version, last && from < AMPARO_STORE_LAST_ROW_REWRITE, error))
        return FALSE;
    }
  return TRUE;
}
