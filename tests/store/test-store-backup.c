/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "amparo-store-private.h"
#include "amparo-store-trace.h"
#include "store-test-util.h"

/* A backup made while the store is open is a private, checked copy that
 * opens with everything in it. */
static void
test_backup_to_file (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = store_test_add_person (fixture->store, "Rosa", "Tzul Ixcoy", "1990-01-01");
  g_autofree char *dest = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(AmparoStore) copy = NULL;
  g_autoptr(AmparoPerson) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  GStatBuf st;

  g_assert_true (amparo_store_backup_to_file (fixture->store, dest, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  g_assert_true (amparo_store_check_file (dest, &report, &error));
  g_assert_cmpstr (report, ==, "ok");

  copy = amparo_store_open (dest, &error);
  g_assert_no_error (error);
  restored = amparo_store_get_by_uid (copy, AMPARO_TYPE_PERSON,
                                      amparo_record_get_uid (AMPARO_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_person_get_family_names (restored), ==, "Tzul Ixcoy");
}

typedef struct
{
  GMainLoop *loop;
  gboolean ok;
  GError *error;
  double last_fraction;
  guint n_progress;
} AsyncState;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  state->last_fraction = fraction;
  state->n_progress++;
}

static void
on_backup_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = amparo_store_backup_finish (AMPARO_STORE (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

/* From the UI the backup runs in the background, reports progress up to
 * 100 %, and can be cancelled without leaving a file behind. */
static void
test_backup_async (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (fixture->dir, "async.db", NULL);
  g_autofree char *cancelled_dest = g_build_filename (fixture->dir, "cancelled.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };

  for (int i = 0; i < 200; i++)
    g_object_unref (store_test_add_person (fixture->store, "Ana", "Pérez", NULL));

  state.loop = g_main_loop_new (NULL, FALSE);
  amparo_store_backup_async (fixture->store, dest, on_progress_cb, &state, NULL,
                             NULL, on_backup_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_progress, >, 0);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  g_assert_true (amparo_store_check_file (dest, NULL, NULL));

  g_cancellable_cancel (cancellable);
  amparo_store_backup_async (fixture->store, cancelled_dest, NULL, NULL, NULL,
                             cancellable, on_backup_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (cancelled_dest, G_FILE_TEST_EXISTS));

  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

static guint
count_backups (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  /* The hidden lock file is not a backup. */
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    n += name[0] != '.';
  return n;
}

/* Opening the store makes today's backup once, and only the last seven
 * daily backups are kept. */
static void
test_daily_rotation (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *backups = amparo_store_get_backup_dir (fixture->store);
  g_autofree char *today = store_test_days_from_today (0);
  g_autofree char *todays = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *unrelated = NULL;
  g_autoptr(GError) error = NULL;

  /* A brand-new database has nothing to back up yet. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  g_clear_object (&fixture->store);
  fixture->store = amparo_store_open (fixture->path, &error);
  g_assert_no_error (error);
  amparo_store_wait_for_daily_backup (fixture->store);
  todays = g_strdup_printf ("%s/amparo-%s.db", backups, today);
  g_assert_true (g_file_test (todays, G_FILE_TEST_EXISTS));
  g_assert_true (amparo_store_check_file (todays, NULL, NULL));

  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *old = g_strdup_printf ("%s/amparo-2020-01-%02d.db", backups, day);
      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  unrelated = g_build_filename (backups, "keep-me.txt", NULL);
  g_assert_true (g_file_set_contents (unrelated, "mine", -1, NULL));

  g_assert_true (amparo_store_rotate_daily_backups (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (backups), ==, 7 + 1);
  oldest = g_strdup_printf ("%s/amparo-2020-01-03.db", backups);
  kept = g_strdup_printf ("%s/amparo-2020-01-04.db", backups);
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (todays, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
}

static char *
todays_backup (StoreFixture *fixture)
{
  g_autofree char *backups = amparo_store_get_backup_dir (fixture->store);
  g_autofree char *today = store_test_days_from_today (0);

  return g_strdup_printf ("%s/amparo-%s.db", backups, today);
}

static void
fill_store (StoreFixture *fixture,
            guint         n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_begin (fixture->store, &error));
  for (guint i = 0; i < n; i++)
    g_object_unref (store_test_add_person (fixture->store, "Ana", "Pérez Tzul", "2012-01-01"));
  g_assert_true (amparo_store_commit (fixture->store, &error));
}

/* Only backups, the hidden lock and nothing half-made in the folder. */
static void
assert_backups_clean (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_test_message ("backups/%s", name);
      g_assert_null (strstr (name, "partial"));
      if (name[0] != '.')
        g_assert_true (amparo_store_check_file (path, NULL, NULL));
    }
}

/* A kill used to leave a zero-filled "backup" (another process's
 * unfinished copy renamed into place) that was never made again that
 * day, and partial files behind. */
static void
test_bad_day_redone (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *todays = todays_backup (fixture);
  g_autofree char *backups = amparo_store_get_backup_dir (fixture->store);
  g_autofree char *stale = g_strconcat (todays, ".partial-Xy12Ab", NULL);
  g_autofree char *zeros = g_malloc0 (65536);
  g_autoptr(GError) error = NULL;

  fill_store (fixture, 200);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (todays, zeros, 65536, NULL));
  g_assert_true (g_file_set_contents (stale, zeros, 4096, NULL));

  g_assert_true (amparo_store_rotate_daily_backups (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (amparo_store_check_file (todays, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  assert_backups_clean (backups);
}

/* Whether @statements holds @sql as it is */
static gboolean
ran (GPtrArray  *statements,
     const char *sql)
{
  return g_ptr_array_find_with_equal_func (statements, sql, g_str_equal, NULL);
}

/* The day's copy in the background proves it opens and reads (every
 * page and record well formed, checksums right) but not that every
 * index agrees with its table: on a million persons that full check
 * alone took 70 s of CPU at every day's first start. A backup a person
 * asks for still runs it. */
static void
test_daily_check_is_quick (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (fixture->dir, "asked.db", NULL);
  g_autoptr(GPtrArray) daily = NULL;
  g_autoptr(GPtrArray) asked = NULL;
  g_autoptr(GError) error = NULL;

  fill_store (fixture, 20);
  amparo_store_trace_enable ();
  g_ptr_array_unref (amparo_store_trace_take ());

  g_assert_true (amparo_store_rotate_daily_backups (fixture->store, &error));
  g_assert_no_error (error);
  daily = amparo_store_trace_take ();
  g_assert_true (ran (daily, "PRAGMA quick_check"));
  g_assert_true (ran (daily, "PRAGMA foreign_key_check"));
  g_assert_false (ran (daily, "PRAGMA integrity_check"));

  g_assert_true (amparo_store_backup_to_file (fixture->store, dest, NULL, &error));
  g_assert_no_error (error);
  asked = amparo_store_trace_take ();
  g_assert_true (ran (asked, "PRAGMA integrity_check"));
}

static const char *self_exe;

/* Two processes making the day's backup at once, several times over:
 * each time one sound backup, and nothing half-made left. */
static void
test_two_processes (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *todays = todays_backup (fixture);
  g_autofree char *backups = amparo_store_get_backup_dir (fixture->store);

  fill_store (fixture, 3000);
  for (int round = 0; round < 6; round++)
    {
      GPid pids[2];

      g_unlink (todays);
      if (round % 2 == 1)
        {
          /* As a killed run used to leave it. */
          g_autofree char *zeros = g_malloc0 (8192);
          g_assert_true (g_file_set_contents (todays, zeros, 8192, NULL));
        }
      for (int p = 0; p < 2; p++)
        {
          const char *argv[] = { self_exe, "--daily-backup-child", fixture->path, NULL };
          g_autoptr(GError) error = NULL;

          g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                        NULL, NULL, &pids[p], &error));
          g_assert_no_error (error);
        }
      for (int p = 0; p < 2; p++)
        {
          int status = 0;

          g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }
      g_assert_true (amparo_store_check_file (todays, NULL, NULL));
      assert_backups_clean (backups);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The second process of test_two_processes(). */
  if (argc == 3 && g_str_equal (argv[1], "--daily-backup-child"))
    {
      g_autoptr(GError) error = NULL;

      if (!amparo_store_run_daily_backup (argv[2], NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }
  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/backup/to-file", test_backup_to_file);
  STORE_TEST ("/store/backup/async", test_backup_async);
  /* The daily backups beside a file: a shared server's are its
   * administrator's (`amparo --backup`, see the README). */
  if (!amparo_test_engine_is_pg ())
    {
      STORE_TEST ("/store/backup/daily-rotation", test_daily_rotation);
      STORE_TEST ("/store/backup/bad-day-redone", test_bad_day_redone);
      STORE_TEST ("/store/backup/daily-check-is-quick", test_daily_check_is_quick);
      STORE_TEST ("/store/backup/two-processes", test_two_processes);
    }

  return g_test_run ();
}
