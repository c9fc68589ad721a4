/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "amparo-preferences-window.h"
#include "amparo-sample-data.h"
#include "amparo-store-preferences.h"
#include "amparo-store-server-backup.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

/* backup (#10): the shared server's daily backup, `amparo
 * --database=postgresql://… --daily-backup=DIR`, through the real binary
 * against the real PostgreSQL that with-pg-server.sh starts: one checked
 * file a day (0600, in a 0700 folder) with every person, rotation,
 * a row on the server and a journal entry, `--check` warning when the
 * newest backup is old or missing, failures that leave the folder's
 * backups alone, the shipped systemd unit's own command line, and an
 * administrator's Preferences → Case Store. */

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_argv (const char *const *argv,
          Run               *run)
{
  g_autoptr(GError) error = NULL;
  int raw = 0;

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &run->out, &run->err, &raw, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (raw) ? WEXITSTATUS (raw) : -1;
}

/* amparo --database=SERVER ARG [ARG2] */
static void
run_amparo (const char *server,
            const char *arg,
            const char *arg2,
            Run        *run)
{
  g_autofree char *database = g_strdup_printf ("--database=%s", server);
  const char *argv[] = { g_getenv ("AMPARO_BINARY"), database, arg, arg2, NULL };

  run_argv (argv, run);
}

static void
daily_backup (const char *server,
              const char *dir,
              const char *keep,
              Run        *run)
{
  g_autofree char *option = g_strdup_printf ("--daily-backup=%s", dir);

  run_amparo (server, option, keep, run);
}

/* One value (or nothing) from psql, as the server's superuser. */
static char *
sql (const char *server,
     const char *query)
{
  const char *argv[] = { "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", server, "-c", query, NULL };
  Run run = { NULL, };

  run_argv (argv, &run);
  if (run.status != 0)
    g_error ("psql failed on “%s”: %s", query, run.err);
  g_free (run.err);
  return g_strstrip (run.out);
}

static char *
today_name (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("amparo-%s.amparo", day);
}

/* A server with the sample clients, one in the Trash (a backup holds the
 * Trash too). */
static char *
make_server (const char  *dir,
             gint64      *persons)
{
  g_autofree char *server = amparo_test_store_location (dir, "server");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (server, &error);
  g_autoptr(GListModel) live = NULL;
  g_autoptr(AmparoRecord) first = NULL;

  g_assert_no_error (error);
  g_assert_true (amparo_sample_data_load (store, &error));
  g_assert_no_error (error);
  live = amparo_store_list (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);
  first = g_list_model_get_item (live, 0);
  g_assert_nonnull (first);
  g_assert_true (amparo_store_delete (store, first, &error));
  g_assert_no_error (error);
  *persons = amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE) +
             amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_TRASH);
  g_assert_cmpint (*persons, >, 1);
  return g_steal_pointer (&server);
}

static gboolean
needs_server (void)
{
  if (amparo_test_engine_is_pg ())
    return TRUE;
  g_test_skip ("needs the PostgreSQL test server (suite store-pg)");
  return FALSE;
}

/* The persons in a backup file, read from a copy of it (opening a store
 * starts its own daily backup next to it, which must not land in DIR). */
static gint64
persons_in_file (const char *path)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *copy = g_build_filename (dir, "copy.amparo", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  gint64 n;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  {
    g_autoptr(AmparoStore) store = amparo_store_open (copy, &error);

    g_assert_no_error (error);
    n = amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE) +
        amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_TRASH);
  }
  amparo_test_remove_dir (dir);
  return n;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Name, size and time of every file in @dir but the lock, one line each. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_equal (name, ".amparo-lock"))
        continue;
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_ptr_array_add (lines, g_strdup_printf ("%s %lld %lld", name, (long long) st.st_size,
                                               (long long) st.st_mtime));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_one_a_day (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", "server", NULL);
  g_autofree char *name = today_name ();
  g_autofree char *path = g_build_filename (backups, name, NULL);
  g_autofree char *server = NULL;
  g_autofree char *check = NULL;
  g_autofree char *row = NULL;
  g_autofree char *expected_row = NULL;
  g_autofree char *journal_query = NULL;
  g_autofree char *journaled = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *persons_text = NULL;
  Run run = { NULL, };
  GStatBuf first, second;
  gint64 persons;

  if (!needs_server ())
    return;
  server = make_server (dir, &persons);

  daily_backup (server, backups, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  persons_text = g_strdup_printf ("(%lld persons", (long long) persons);
  g_assert_nonnull (strstr (run.out, path));
  g_assert_nonnull (strstr (run.out, persons_text));

  /* Only its owner reads it, in a folder only its owner opens. */
  g_assert_cmpint (g_stat (path, &first), ==, 0);
  g_assert_cmpint (first.st_mode & 0777, ==, 0600);
  {
    GStatBuf folder;

    g_assert_cmpint (g_stat (backups, &folder), ==, 0);
    g_assert_cmpint (folder.st_mode & 0777, ==, 0700);
  }
  {
    g_autofree char *nested = g_build_filename (backups, "backups", NULL);

    g_assert_false (g_file_test (nested, G_FILE_TEST_EXISTS));
  }

  /* It passes --check, and holds every person of the server. */
  check = g_strdup_printf ("--database=%s", path);
  {
    const char *argv[] = { g_getenv ("AMPARO_BINARY"), check, "--check", NULL };

    run_argv (argv, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "ok\n");
  }
  g_assert_cmpint (persons_in_file (path), ==, persons);

  /* The server recorded it (who and when by its own account and clock),
   * and journaled it as --backup is. */
  row = sql (server, "SELECT actor, file_name, persons, size_bytes, made_at > now () - interval '1 hour'"
                     " FROM server_backups");
  expected_row = g_strdup_printf ("postgres|%s|%lld|%lld|t", name, (long long) persons,
                                  (long long) first.st_size);
  g_assert_cmpstr (row, ==, expected_row);
  journal_query = g_strdup_printf ("SELECT count(*) FROM journal WHERE action = 'export'"
                                   " AND details = 'Backup: %s'", path);
  journaled = sql (server, journal_query);
  g_assert_cmpstr (journaled, ==, "1");

  /* The same day again: the sound copy is kept, not made again. */
  daily_backup (server, backups, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "already there"));
  g_assert_cmpint (g_stat (path, &second), ==, 0);
  g_assert_cmpint (second.st_ino, ==, first.st_ino);
  g_assert_cmpint (second.st_mtime, ==, first.st_mtime);
  rows = sql (server, "SELECT count(*) FROM server_backups");
  g_assert_cmpstr (rows, ==, "1");

  /* A copy cut short by a crash is not sound: it is made again. */
  g_assert_cmpint (truncate (path, 4096), ==, 0);
  daily_backup (server, backups, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "written"));
  g_assert_cmpint (persons_in_file (path), ==, persons);
  g_free (rows);
  rows = sql (server, "SELECT count(*) FROM server_backups");
  g_assert_cmpstr (rows, ==, "2");

  run_clear (&run);
  amparo_test_remove_dir (dir);
}

static void
test_rotation (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *name = today_name ();
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *server = NULL;
  const char *old[] = { "amparo-2020-01-01.amparo", "amparo-2020-01-02.amparo", "amparo-2020-01-03.amparo",
                        "amparo-2020-01-04.amparo", "amparo-2020-01-05.amparo" };
  /* Left by a killed run: its partial copy and SQLite's files beside it. */
  const char *partials[] = { "amparo-2020-01-05.amparo.partial", "amparo-2020-01-05.amparo.partial-wal",
                             "amparo-2020-01-05.amparo.partial-journal" };
  Run run = { NULL, };
  gint64 persons;

  if (!needs_server ())
    return;
  server = make_server (dir, &persons);
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    g_assert_true (g_file_set_contents (g_build_filename (backups, old[i], NULL), "old", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (partials); i++)
    g_assert_true (g_file_set_contents (g_build_filename (backups, partials[i], NULL), "cut", -1, NULL));
  /* Not Amparo's: never touched. */
  g_assert_true (g_file_set_contents (g_build_filename (backups, "notes.txt", NULL), "mine", -1, NULL));
  g_assert_true (g_file_set_contents (g_build_filename (backups, "amparo-old.amparo", NULL), "mine", -1, NULL));

  daily_backup (server, backups, "--keep=3", &run);
  g_assert_cmpint (run.status, ==, 0);
  listing = list_dir (backups);
  {
    g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);

        g_string_append_printf (names, "%s\n", fields[0]);
      }
    expected = g_strdup_printf ("amparo-2020-01-04.amparo\namparo-2020-01-05.amparo\n"
                                "%s\namparo-old.amparo\nnotes.txt\n", name);
    g_assert_cmpstr (names->str, ==, expected);
  }

  /* --keep must be a number of days. (GApplication drops an integer
   * option given as 0, so --keep=0 means the default.) */
  daily_backup (server, backups, "--keep=-1", &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--keep"));

  run_clear (&run);
  amparo_test_remove_dir (dir);
}

static void
test_check_warns_when_stale (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *server = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *ignored = NULL;
  Run run = { NULL, };
  gint64 persons;

  if (!needs_server ())
    return;
  server = make_server (dir, &persons);

  /* None yet: said, with what to do. */
  run_amparo (server, "--check", NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
  g_assert_nonnull (strstr (run.err, "no recorded backup"));

  /* Fresh: quiet. */
  daily_backup (server, backups, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  run_amparo (server, "--check", NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
  g_assert_cmpstr (run.err, ==, "");

  /* Two days old: a warning with the date of the newest. */
  ignored = sql (server, "UPDATE server_backups SET made_at = now () - interval '40 hours'");
  /* Formatted here in the desk's time zone, as Amparo shows it: the
   * server's own TimeZone setting may be another (it was on CI). */
  {
    g_autofree char *epoch = sql (server, "SELECT extract (epoch FROM made_at)::bigint FROM server_backups");
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (g_ascii_strtoll (epoch, NULL, 10));

    made_at = g_date_time_format (when, "%Y-%m-%d %H:%M");
  }
  run_amparo (server, "--check", NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
  g_assert_nonnull (strstr (run.err, "Warning: the newest backup of the shared server is from"));
  g_assert_nonnull (strstr (run.err, made_at));
  g_assert_nonnull (strstr (run.err, "36 hours"));

  /* 30 hours is still fresh (the timer's random delay and a late night). */
  g_free (ignored);
  ignored = sql (server, "UPDATE server_backups SET made_at = now () - interval '30 hours'");
  run_amparo (server, "--check", NULL, &run);
  g_assert_cmpstr (run.err, ==, "");

  run_clear (&run);
  amparo_test_remove_dir (dir);
}

static void
test_failures_leave_backups (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *name = today_name ();
  g_autofree char *today = g_build_filename (backups, name, NULL);
  g_autofree char *server = NULL;
  g_autofree char *unreachable = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *blocked = g_build_filename (dir, "a-file", "backups", NULL);
  Run run = { NULL, };
  gint64 persons;

  if (!needs_server ())
    return;
  server = make_server (dir, &persons);
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  for (guint day = 1; day <= 7; day++)
    {
      g_autofree char *old = g_strdup_printf ("amparo-2020-02-0%u.amparo", day);

      g_assert_true (g_file_set_contents (g_build_filename (backups, old, NULL), "old", -1, NULL));
    }
  before = list_dir (backups);

  /* The server cannot be reached (nothing listens on port 1). */
  unreachable = g_strdup ("postgresql://postgres@127.0.0.1:1/amparo?connect_timeout=5");
  daily_backup (unreachable, backups, NULL, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No backup was made: Could not connect to the shared case store"));
  g_assert_nonnull (strstr (run.err, "were left as they were"));
  after = list_dir (backups);
  g_assert_cmpstr (after, ==, before);

  /* The folder cannot be made (a file is in the way). */
  g_assert_true (g_file_set_contents (g_build_filename (dir, "a-file", NULL), "", -1, NULL));
  daily_backup (server, blocked, NULL, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Could not create the folder"));

  /* The folder cannot be written (not for root, whom modes do not stop). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (backups, 0500), ==, 0);
      daily_backup (server, backups, NULL, &run);
      g_assert_cmpint (g_chmod (backups, 0700), ==, 0);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "Could not write in the backups folder"));
      g_free (after);
      after = list_dir (backups);
      g_assert_cmpstr (after, ==, before);
    }

  /* The copy is made but cannot take today's name (a folder has it):
   * no partial copy is left, nothing is rotated away, nothing recorded. */
  g_assert_cmpint (g_mkdir (today, 0700), ==, 0);
  g_assert_true (g_file_set_contents (g_build_filename (today, "x", NULL), "", -1, NULL));
  g_free (before);
  before = list_dir (backups);
  daily_backup (server, backups, "--keep=2", &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Could not write the backup"));
  g_free (after);
  after = list_dir (backups);
  g_assert_cmpstr (after, ==, before);
  rows = sql (server, "SELECT count(*) FROM server_backups");
  g_assert_cmpstr (rows, ==, "0");

  run_clear (&run);
  amparo_test_remove_dir (dir);
}

/* A staff login, even an administrator, is refused before anything is
 * written: only the owner records backups and is sure to read it all. */
static void
test_owner_only (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *server = NULL;
  g_autofree char *as_admin = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *refused = NULL;
  const char *at;
  Run run = { NULL, };
  gint64 persons;

  if (!needs_server ())
    return;
  server = make_server (dir, &persons);
  ignored = sql (server, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backup_clerk') THEN"
                         " CREATE ROLE backup_clerk LOGIN; END IF; END $$; GRANT amparo_admin TO backup_clerk");
  at = strchr (server, '@');
  as_admin = g_strdup_printf ("postgresql://backup_clerk%s", at);

  daily_backup (as_admin, backups, NULL, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "runs as the database’s owner, not as “backup_clerk”"));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  /* The record is the owner's to write, whatever the grants say (run
   * again, amparo_grant_staff_roles () gives amparo_admin every table). */
  g_free (ignored);
  ignored = sql (server, "SELECT amparo_grant_staff_roles ()");
  {
    const char *argv[] = { "psql", "-X", "-q", "-d", as_admin, "-c",
                           "INSERT INTO server_backups (file_name, persons, records, size_bytes) VALUES ('x', 1, 1, 1)", NULL };

    run_argv (argv, &run);
    g_assert_cmpint (run.status, !=, 0);
  }
  refused = sql (server, "SELECT count(*) FROM server_backups");
  g_assert_cmpstr (refused, ==, "0");

  run_clear (&run);
  amparo_test_remove_dir (dir);
}

static char *
read_unit (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "systemd", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The shipped unit's ExecStart, with its installed paths replaced by the
 * build's binary, the test server and a test folder, makes the backup. */
static void
test_systemd_unit (void)
{
  g_autofree char *service = read_unit ("amparo-server-backup.service");
  g_autofree char *timer = read_unit ("amparo-server-backup.timer");
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "var-backups-amparo", NULL);
  g_autofree char *name = today_name ();
  g_autofree char *server = NULL;
  g_autofree char *rows = NULL;
  g_auto(GStrv) lines = g_strsplit (service, "\n", -1);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  guint replaced = 0;
  Run run = { NULL, };
  gint64 persons;

  g_assert_nonnull (strstr (timer, "\nPersistent=true\n"));
  g_assert_nonnull (strstr (timer, "\nRandomizedDelaySec="));
  g_assert_nonnull (strstr (timer, "\nOnCalendar="));
  g_assert_nonnull (strstr (timer, "\nWantedBy=timers.target\n"));
  g_assert_nonnull (strstr (service, "\nType=oneshot\n"));
  g_assert_nonnull (strstr (service, "\nUMask=0077\n"));
  g_assert_nonnull (strstr (service, "\nReadWritePaths=/var/backups/amparo\n"));

  if (!needs_server ())
    return;
  server = make_server (dir, &persons);
  for (guint i = 0; lines[i] != NULL && argv == NULL; i++)
    if (g_str_has_prefix (lines[i], "ExecStart="))
      g_assert_true (g_shell_parse_argv (lines[i] + strlen ("ExecStart="), NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_nonnull (argv);

  /* The placeholders are exactly these; any other word runs as written. */
  for (guint i = 0; argv[i] != NULL; i++)
    {
      char *with = NULL;

      if (i == 0 && g_str_equal (argv[i], "/usr/bin/amparo"))
        with = g_strdup (g_getenv ("AMPARO_BINARY"));
      else if (g_str_equal (argv[i], "--database=postgresql:///amparo?host=/var/run/postgresql"))
        with = g_strdup_printf ("--database=%s", server);
      else if (g_str_equal (argv[i], "--daily-backup=/var/backups/amparo"))
        with = g_strdup_printf ("--daily-backup=%s", backups);
      if (with != NULL)
        {
          g_free (argv[i]);
          argv[i] = with;
          replaced++;
        }
    }
  g_assert_cmpuint (replaced, ==, 3);

  run_argv ((const char * const *) argv, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (g_build_filename (backups, name, NULL), G_FILE_TEST_IS_REGULAR));
  rows = sql (server, "SELECT count(*) FROM server_backups");
  g_assert_cmpstr (rows, ==, "1");

  run_clear (&run);
  amparo_test_remove_dir (dir);
}

/* An administrator's Preferences → Case Store says when the server was
 * last backed up, and warns when it was long ago; a front-desk login,
 * which may not read the record, sees no such row. */
static const char *
preferences_backup_status (AmparoStore *store,
                           gboolean    *stale)
{
  static char *text;
  AmparoWindow *window = amparo_window_new (NULL, store);
  AmparoPreferencesWindow *prefs;
  AmparoStorePreferences *page;
  const char *shown;

  gtk_window_present (GTK_WINDOW (window));
  prefs = amparo_preferences_window_new (GTK_WINDOW (window), amparo_store_get_path (store));
  gtk_window_present (GTK_WINDOW (prefs));
  amparo_test_wait (200);
  page = AMPARO_STORE_PREFERENCES (amparo_test_find_widget (GTK_WIDGET (prefs), AMPARO_TYPE_STORE_PREFERENCES));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  amparo_test_wait (200);
  shown = amparo_store_preferences_get_backup_status (page, stale);
  g_free (text);
  text = g_strdup (shown);
  /* On the screen, not only in the widget. */
  if (shown != NULL)
    g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (prefs), shown, FALSE), >=, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  amparo_test_wait (100);
  return text;
}

static void
test_preferences (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *server = NULL;
  g_autofree char *as_desk = NULL;
  g_autofree char *ignored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = NULL;
  const char *status;
  gboolean stale;
  Run run = { NULL, };
  gint64 persons;

  if (!needs_server ())
    return;
  server = make_server (dir, &persons);
  store = amparo_store_open (server, &error);
  g_assert_no_error (error);

  status = preferences_backup_status (store, &stale);
  g_assert_nonnull (strstr (status, "no recorded backup"));
  g_assert_true (stale);

  daily_backup (server, backups, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  status = preferences_backup_status (store, &stale);
  g_assert_true (g_str_has_prefix (status, "Last backup of the server: "));
  g_assert_false (stale);

  ignored = sql (server, "UPDATE server_backups SET made_at = now () - interval '3 days'");
  status = preferences_backup_status (store, &stale);
  g_assert_nonnull (strstr (status, "Warning: the newest backup"));
  g_assert_true (stale);

  /* A front-desk login: nothing about backups. */
  g_free (ignored);
  ignored = sql (server, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backup_desk') THEN"
                         " CREATE ROLE backup_desk LOGIN; END IF; END $$; GRANT amparo_front_desk TO backup_desk");
  as_desk = g_strdup_printf ("postgresql://backup_desk%s", strchr (server, '@'));
  {
    g_autoptr(AmparoStore) desk = amparo_store_open (as_desk, &error);

    g_assert_no_error (error);
    g_assert_null (preferences_backup_status (desk, &stale));
    g_assert_false (stale);
  }

  run_clear (&run);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  g_test_add_func ("/server-daily-backup/one-a-day", test_one_a_day);
  g_test_add_func ("/server-daily-backup/rotation", test_rotation);
  g_test_add_func ("/server-daily-backup/check-warns-when-stale", test_check_warns_when_stale);
  g_test_add_func ("/server-daily-backup/failures-leave-backups", test_failures_leave_backups);
  g_test_add_func ("/server-daily-backup/owner-only", test_owner_only);
  g_test_add_func ("/server-daily-backup/systemd-unit", test_systemd_unit);
  g_test_add_func ("/server-daily-backup/preferences", test_preferences);
  return g_test_run ();
}
