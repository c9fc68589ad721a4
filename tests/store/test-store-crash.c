/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-util.h"

#define N_KILLS 50

/* The child saves a person with a location (two records, one
 * transaction) again and again, and reports each person id once its
 * commit returned. It never exits by itself. */
static void G_GNUC_NORETURN
run_writer (const char *path,
            int         report_fd)
{
  g_autoptr(AmparoStore) store = amparo_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  if (store == NULL)
    _exit (2);

  for (;;)
    {
      g_autoptr(AmparoPerson) person = amparo_person_new ();
      g_autoptr(AmparoLocation) location = amparo_location_new ();
      g_autofree char *family = g_strdup_printf ("Prueba %" G_GINT64_FORMAT, n++);
      gint64 id;

      g_object_set (person, "given-names", "Niña", "family-names", family, NULL);
      if (!amparo_store_begin (store, &error) ||
          !amparo_store_save (store, AMPARO_RECORD (person), &error))
        {
          g_printerr ("writer: %s\n", error->message);
          _exit (3);
        }
      g_object_set (location, "person-id", amparo_record_get_id (AMPARO_RECORD (person)),
                    "kind", AMPARO_LOCATION_KIND_ORR_SHELTER, "facility", "Casa Ejemplo", NULL);
      if (!amparo_store_save (store, AMPARO_RECORD (location), NULL) ||
          !amparo_store_commit (store, NULL))
        _exit (4);

      id = amparo_record_get_id (AMPARO_RECORD (person));
      if (write (report_fd, &id, sizeof id) != sizeof id)
        _exit (5);
    }
}

static void
collect_ids (int         fd,
             GHashTable *committed)
{
  gint64 id;
  ssize_t n;

  while ((n = read (fd, &id, sizeof id)) == sizeof id)
    g_hash_table_add (committed, g_memdup2 (&id, sizeof id));
}

/* Killing Amparo at any instant loses nothing it said was saved, and
 * leaves a database that passes every check. */
static void
test_kill_while_writing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "amparo.db", NULL);
  g_autoptr(GHashTable) committed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  GHashTableIter iter;
  gpointer key;

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (int i = 0; i < N_KILLS; i++)
    {
      int fds[2];
      pid_t pid;
      int status;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          /* GTest seeds g_random per test case: without this every child
           * would draw the same record uids. */
          g_random_set_seed ((guint32) getpid () ^ (guint32) g_get_real_time ());
          close (fds[0]);
          run_writer (path, fds[1]);
        }
      close (fds[1]);

      /* Kill at a random instant after the first commit, however slow
       * the machine: waiting a fixed time after the fork made the test
       * depend on the load (no commit at all on a busy machine). */
      {
        gint64 first;
        g_assert_cmpint (read (fds[0], &first, sizeof first), ==, sizeof first);
        g_hash_table_add (committed, g_memdup2 (&first, sizeof first));
      }
      g_usleep (g_test_rand_int_range (0, 60000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_test_message ("writer exited with status %d", WEXITSTATUS (status));
      /* Killed by us, not dead of its own error. */
      g_assert_true (WIFSIGNALED (status));

      collect_ids (fds[0], committed);
      close (fds[0]);
    }

  g_test_message ("%u commits reported over %d kills", g_hash_table_size (committed), N_KILLS);
  g_assert_cmpuint (g_hash_table_size (committed), >, 0);

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (amparo_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");

  g_hash_table_iter_init (&iter, committed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(AmparoPerson) person = amparo_store_get_by_id (store, AMPARO_TYPE_PERSON,
                                                               *(gint64 *) key, &error);
      g_autoptr(GListModel) locations = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (person);
      locations = amparo_store_list_locations (store, person);
      g_assert_cmpuint (g_list_model_get_n_items (locations), ==, 1);
    }

  g_clear_object (&store);
  store_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/kill-while-writing", test_kill_while_writing);

  return g_test_run ();
}
