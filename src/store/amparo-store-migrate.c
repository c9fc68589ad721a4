/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#define MIGRATIONS_PATH "/io/github/amparo/Amparo/sql"

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
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
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

int
amparo_store_latest_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  if (migrations->len == 0)
    return 0;
  return parse_migration_version (g_ptr_array_index (migrations, migrations->len - 1));
}

static gboolean
apply_migration (AmparoStore  *self,
                 const char   *name,
                 int           version,
                 GError      **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragmas = NULL;

  bytes = g_resources_lookup_data (resource, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                             version, AMPARO_APPLICATION_ID);

  if (!amparo_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!amparo_store_exec (self, sql, error) || !amparo_store_exec (self, pragmas, error) ||
      !amparo_store_exec (self, "COMMIT", error))
    {
      g_prefix_error (error, _("Could not update the database to version %d: "), version);
      amparo_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  self->schema_version = version;
  g_debug ("Applied migration %s", name);
  return TRUE;
}

gboolean
amparo_store_migrate (AmparoStore  *self,
                      GError      **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int version = parse_migration_version (name);

      if (version > self->schema_version &&
          !apply_migration (self, name, version, error))
        return FALSE;
    }
  return TRUE;
}
