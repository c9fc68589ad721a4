/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-store-private.h"
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
  guint n = 0;

  while (folder != NULL && g_dir_read_name (folder) != NULL)
    n++;
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/backup/to-file", test_backup_to_file);
  STORE_TEST ("/store/backup/async", test_backup_async);
  STORE_TEST ("/store/backup/daily-rotation", test_daily_rotation);

  return g_test_run ();
}
