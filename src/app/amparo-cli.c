/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-cli"

#include "config.h"

#include "amparo-cli.h"

#include <glib/gi18n.h>

#include "amparo-sample-data.h"
#include "amparo-store.h"
#include "amparo-store-server-backup.h"

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

/* backup (#10): a shared server has no file to look at, so it is opened
 * and checked; an administrator is also warned when its newest recorded
 * backup is old or missing (and hears nothing more when it is fresh). */
static int
check_server (const char *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) backup_error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (address, &error);
  g_autofree char *report = NULL;
  g_autofree char *backup = NULL;
  gboolean stale;
  gboolean ok;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  ok = amparo_store_check (store, &report, &error);
  if (ok)
    g_print ("ok\n");
  else
    {
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      if (report != NULL && (error == NULL || g_strcmp0 (report, error->message) != 0))
        g_print ("%s\n", report);
    }
  backup = amparo_store_describe_server_backup (store, &stale, &backup_error);
  if (backup_error != NULL)
    g_printerr ("%s\n", backup_error->message);
  else if (stale)
    g_printerr ("%s\n", backup);
  return ok ? 0 : 1;
}

/* Prints `ok`, or each problem on its own line. */
static int
check_database (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  if (amparo_store_is_server_address (db_path))
    return check_server (db_path);
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

  /* Backing up a file that is not there would create an empty store. */
  if (backup_to != NULL && !load_sample && !amparo_store_is_server_address (db_path) &&
      !g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no database at “%s”."), db_path);
      return 1;
    }

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

/* `--import-feed=URL` (src/net): the website's feed into the store. */

#include <glib-unix.h>

#include "amparo-feed-import.h"

typedef struct
{
  AmparoImportReport *report;
  GError             *error;
  gboolean            done;
  GCancellable       *cancellable;
} CliImport;

static void
on_cli_import_progress (guint    done,
                        guint    total,
                        gpointer user_data)
{
  if (total > 0 && done == total)
    g_printerr (_("Read %u items from the feed.\n"), total);
}

static void
on_cli_imported_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CliImport *import = user_data;

  import->report = amparo_feed_import_finish (AMPARO_STORE (source), result, &import->error);
  import->done = TRUE;
}

static gboolean
on_cli_interrupt_cb (gpointer user_data)
{
  CliImport *import = user_data;

  g_cancellable_cancel (import->cancellable);
  return G_SOURCE_REMOVE;
}

/**
 * amparo_cli_import_feed:
 * @db_path: the database (`--database`, else the default)
 * @url: `--import-feed=URL`: an http(s) address, a `file://` URI or a path
 *
 * Imports the feed as "Import from website…" does, prints the report
 * (new, updated, unchanged, skipped with reasons) or the error, and can be
 * stopped with Ctrl+C, leaving the store as it was.
 *
 * Returns: the process exit status: 0 when the feed was read (even if
 *   some items were skipped), 1 when nothing could be imported
 */
int
amparo_cli_import_feed (const char *db_path,
                        const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *text = NULL;
  CliImport import = { NULL, NULL, FALSE, cancellable };
  guint interrupt_id;

  g_return_val_if_fail (db_path != NULL, 1);
  g_return_val_if_fail (url != NULL, 1);

  store = amparo_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  interrupt_id = g_unix_signal_add (SIGINT, on_cli_interrupt_cb, &import);
  amparo_feed_import_async (store, url, on_cli_import_progress, NULL, NULL, cancellable,
                            on_cli_imported_cb, &import);
  while (!import.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (interrupt_id);

  if (import.report == NULL)
    {
      if (g_error_matches (import.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr ("%s\n", _("Import cancelled; nothing was changed."));
      else
        g_printerr ("%s\n", import.error->message);
      g_clear_error (&import.error);
      return 1;
    }

  text = amparo_import_report_to_text (import.report);
  g_print ("%s", text);
  amparo_import_report_free (import.report);
  return 0;
}

/* `--export-csv=FILE` and `--import-csv=FILE` (src/export/amparo-csv.c):
 * persons to and from a spreadsheet. */

#include "amparo-csv.h"

static int
run_csv_command (const char *db_path,
                 const char *path,
                 gboolean    import)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;

  g_return_val_if_fail (db_path != NULL, 1);
  g_return_val_if_fail (path != NULL, 1);

  store = amparo_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return import ? amparo_csv_run_import_command (store, path)
                : amparo_csv_run_export_command (store, path);
}

/**
 * amparo_cli_export_csv:
 * @db_path: the database (`--database`, else the default)
 * @path: `--export-csv=FILE`
 *
 * Writes every live person to @path as CSV (UTF-8 with a byte order
 * mark, a header row) and journals the export.
 *
 * Returns: the process exit status: 0 when written, 1 otherwise
 */
int
amparo_cli_export_csv (const char *db_path,
                       const char *path)
{
  return run_csv_command (db_path, path, FALSE);
}

/**
 * amparo_cli_import_csv:
 * @db_path: the database (`--database`, else the default)
 * @path: `--import-csv=FILE`
 *
 * Prints, row by row, what will be created, matched (same A-number or
 * Amparo ID, updated) or rejected and why, then saves the accepted rows
 * in one transaction.
 *
 * Returns: the process exit status: 0 when at least one person was
 *   created or updated, 1 when nothing was imported
 */
int
amparo_cli_import_csv (const char *db_path,
                       const char *path)
{
  return run_csv_command (db_path, path, TRUE);
}

/* `--restore=BACKUP` (reliability, #11): the store replaced by a checked
 * copy of a backup, the old file and its -wal/-shm kept aside. */

/**
 * amparo_cli_restore:
 * @db_path: the database (`--database`, else the default)
 * @backup: `--restore=BACKUP`
 *
 * Returns: the process exit status: 0 when restored, 1 otherwise
 */
int
amparo_cli_restore (const char *db_path,
                    const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = NULL;

  if (!amparo_store_restore_file (backup, db_path, &kept_as, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Restored %s from %s.\n"), db_path, backup);
  if (kept_as != NULL)
    g_print (_("The previous database (with its -wal and -shm files, if any) was kept as %s.\n"), kept_as);
  return 0;
}

/* postgres (#10) */

/**
 * amparo_cli_copy_store:
 * @from: `--copy-store FROM TO`: a file or a `postgresql://` address
 * @to: an empty or new store, likewise
 *
 * Returns: the process exit status: 0 when copied, 1 otherwise
 */
int
amparo_cli_copy_store (const char *from,
                       const char *to)
{
  g_autoptr(GError) error = NULL;

  if (!amparo_store_copy (from, to, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Copied “%s” to “%s”.\n"), from, to);
  return 0;
}

/* store (#11): --create */

/**
 * amparo_cli_store_may_open:
 * @db_path: the `--database` given on the command line
 * @create: whether `--create` was given too
 *
 * A mistyped `--database` path used to start a new, empty store there
 * without a word, and the person typing went on working in it. A store
 * that is not there is made only when asked for with `--create`; the
 * default store (and `AMPARO_DATABASE`) is still made on first use.
 * Prints why when refusing.
 *
 * Returns: %TRUE when the store may be opened (or created)
 */
gboolean
amparo_cli_store_may_open (const char *db_path,
                           gboolean    create)
{
  g_return_val_if_fail (db_path != NULL, FALSE);

  if (create || amparo_store_is_server_address (db_path) ||
      g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_printerr (_("There is no case store at “%s”. Check the path; to start a new, empty case store there, run the same command with --create.\n"),
              db_path);
  return FALSE;
}

/* backup (#10): --daily-backup=DIR */

/**
 * amparo_cli_daily_backup:
 * @db_path: the shared server's `postgresql://` address
 * @dir: `--daily-backup=DIR`: the backups folder on the server host
 * @keep: `--keep=N`, or %G_MININT when not given (7 days)
 *
 * Makes today's backup of the shared server unless a sound one is in
 * @dir (see amparo_store_server_daily_backup()), for a systemd timer or
 * a cron job on the server host, and says what happened.
 *
 * Returns: the process exit status: 0 when today's backup is there (made
 *   now, or already), 1 when it could not be made, 2 for a bad --keep
 */
int
amparo_cli_daily_backup (const char *db_path,
                         const char *dir,
                         int         keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoServerBackupInfo) made = NULL;
  g_autofree char *dest = NULL;

  g_return_val_if_fail (db_path != NULL, 1);
  g_return_val_if_fail (dir != NULL, 1);

  if (keep != G_MININT && keep < 1)
    {
      g_printerr (_("--keep needs a number of days, 1 or more.\n"));
      return 2;
    }
  if (!amparo_store_is_server_address (db_path))
    {
      g_printerr (_("--daily-backup is for the shared server: give its address with --database=postgresql://…. A case store on this computer makes its daily backup by itself, in the “backups” folder next to it.\n"));
      return 1;
    }
  store = amparo_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr (_("No backup was made: %s\n"), error->message);
      g_printerr (_("The backups already in %s were left as they were.\n"), dir);
      return 1;
    }
  switch (amparo_store_server_daily_backup (store, dir, keep == G_MININT ? 0 : (guint) keep,
                                            &dest, &made, &error))
    {
    case AMPARO_DAILY_BACKUP_MADE:
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Backup of the server written to %s and checked (%lld person, %lld records).\n",
                            "Backup of the server written to %s and checked (%lld persons, %lld records).\n",
                            (unsigned long) made->persons),
               dest, (long long) made->persons, (long long) made->records);
      return 0;
    case AMPARO_DAILY_BACKUP_EXISTED:
      g_print (_("Today’s backup %s is already there; nothing was done.\n"), dest);
      return 0;
    case AMPARO_DAILY_BACKUP_BUSY:
      g_print (_("Another Amparo is making today’s backup in %s now; nothing was done.\n"), dir);
      return 0;
    case AMPARO_DAILY_BACKUP_FAILED:
    default:
      g_printerr (_("No backup was made: %s\n"), error->message);
      g_printerr (_("The backups already in %s were left as they were.\n"), dir);
      return 1;
    }
}
