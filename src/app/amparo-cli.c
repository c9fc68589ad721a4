/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-cli"

#include "config.h"

#include "amparo-cli.h"

#include <glib/gi18n.h>

#include "amparo-sample-data.h"
#include "amparo-store.h"

/*
 * The command-line store commands: `--load-sample-data`, `--backup=FILE`
 * and `--check`, run without opening a window. GLib only, so scripts and
 * cron jobs can run them on a machine without a display.
 */

static gboolean
load_sample_data (AmparoStore  *store,
                  GError      **error)
{
  if (!amparo_sample_data_load (store, error))
    return FALSE;
  g_print (_("Sample data loaded into %s\n"), amparo_store_get_path (store));
  return TRUE;
}

static gboolean
write_backup (AmparoStore  *store,
              const char   *dest,
              GError      **error)
{
  if (!amparo_store_backup_to_file (store, dest, NULL, error))
    return FALSE;
  g_print (_("Backup written to %s\n"), dest);
  return TRUE;
}

/* Prints `ok`, or each problem on its own line. */
static int
check_database (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  if (amparo_store_check_file (db_path, &report, &error))
    {
      g_print ("ok\n");
      return 0;
    }
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  if (report != NULL && (error == NULL || g_strcmp0 (report, error->message) != 0))
    g_print ("%s\n", report);
  return 1;
}

/**
 * amparo_cli_run_store_command:
 * @db_path: the database (`--database`, else the default)
 * @backup_to: (nullable): `--backup=FILE`
 * @check: `--check`
 * @load_sample: `--load-sample-data`
 * @error: set when the store cannot be opened or written
 *
 * Runs the requested commands in the order load, backup, check, and
 * prints what happened.
 *
 * Returns: the process exit status: 0 when all went well, 1 when the
 *   check found problems or a command failed (with @error set for the
 *   caller to print)
 */
int
amparo_cli_run_store_command (const char  *db_path,
                              const char  *backup_to,
                              gboolean     check,
                              gboolean     load_sample,
                              GError     **error)
{
  g_return_val_if_fail (db_path != NULL, 1);

  if (load_sample || backup_to != NULL)
    {
      g_autoptr(AmparoStore) store = amparo_store_open (db_path, error);

      if (store == NULL)
        return 1;
      if (load_sample && !load_sample_data (store, error))
        return 1;
      if (backup_to != NULL && !write_backup (store, backup_to, error))
        return 1;
    }

  if (check)
    return check_database (db_path);
  return 0;
}
