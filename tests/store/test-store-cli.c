/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <stdio.h>
#include <unistd.h>

#include "store-test-util.h"

static const char *amparo_exe;

static int
run_amparo (char       **out,
            const char  *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list args;
  int status = -1;

  g_ptr_array_add (argv, (char *) amparo_exe);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && err[0] != '\0')
    g_test_message ("stderr: %s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* How many journal rows are exports whose details name PATH: a backup
 * copies every child's record, so it is journaled like an export (#11). */
static guint
count_exports_naming (const char *db,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (db, &error);
  g_autoptr(GListModel) journal = NULL;
  guint found = 0;

  g_assert_no_error (error);
  journal = amparo_store_list_journal (store);
  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);
      const char *details = amparo_journal_entry_get_details (entry);

      if (amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_EXPORT &&
          details != NULL && strstr (details, path) != NULL)
        found++;
    }
  return found;
}

/* amparo --database=X --load-sample-data, then --check prints ok;
 * --backup writes a 0600 copy that --check also calls ok. */
static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *copy_database = g_strconcat ("--database=", copy, NULL);
  g_autofree char *backup = g_strconcat ("--backup=", copy, NULL);
  g_autofree char *not_db = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *not_database = g_strconcat ("--database=", not_db, NULL);
  GStatBuf st;

  if (amparo_exe == NULL)
    {
      g_test_skip ("Pass the amparo executable as the first argument");
      return;
    }

  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--create", "--load-sample-data", NULL), ==, 0);
  }
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--check", NULL), ==, 0);
    g_assert_cmpstr (out, ==, "ok\n");
  }
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_autofree char *out = NULL;
    g_assert_cmpint (count_exports_naming (db, copy), ==, 0);
    g_assert_cmpint (run_amparo (&out, database, backup, NULL), ==, 0);
  }
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_exports_naming (db, copy), ==, 1);
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, copy_database, "--check", NULL), ==, 0);
    g_assert_cmpstr (out, ==, "ok\n");
  }

  /* Backing up a database that does not exist fails and creates none. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
    g_autofree char *missing_database = g_strconcat ("--database=", missing, NULL);
    g_autofree char *out = NULL;

    g_assert_cmpint (run_amparo (&out, missing_database, backup, NULL), !=, 0);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* A file that is not a database: problems printed, non-zero exit. */
  g_assert_true (g_file_set_contents (not_db, "not a database at all, just some text.......................................................................", -1, NULL));
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, not_database, "--check", NULL), !=, 0);
    g_assert_cmpstr (out, !=, "ok\n");
  }

  store_test_remove_tree (dir);
}

/* Two real `amparo --backup` processes on one store at once (two desks):
 * each gets a sound copy, and the backups folder (where both also start
 * the day's backup) holds nothing half-made and nothing unsound. */
static void
test_two_processes_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);

  if (amparo_exe == NULL)
    {
      g_test_skip ("Pass the amparo executable as the first argument");
      return;
    }
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--create", "--load-sample-data", NULL), ==, 0);
  }
  for (int round = 0; round < 4; round++)
    {
      GPid pids[2];

      for (int p = 0; p < 2; p++)
        {
          g_autofree char *copy = g_strdup_printf ("%s/copy-%d-%d.db", dir, round, p);
          g_autofree char *backup = g_strconcat ("--backup=", copy, NULL);
          const char *argv[] = { amparo_exe, database, backup, NULL };
          g_autoptr(GError) error = NULL;

          g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                        G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                        NULL, NULL, &pids[p], &error));
          g_assert_no_error (error);
        }
      for (int p = 0; p < 2; p++)
        {
          g_autofree char *copy = g_strdup_printf ("%s/copy-%d-%d.db", dir, round, p);
          int status = 0;

          g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_assert_true (amparo_store_check_file (copy, NULL, NULL));
        }
      {
        g_autoptr(GDir) folder = g_dir_open (backups, 0, NULL);
        const char *name;

        while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
          {
            g_autofree char *path = g_build_filename (backups, name, NULL);

            g_assert_null (strstr (name, "partial"));
            if (name[0] != '.')
              g_assert_true (amparo_store_check_file (path, NULL, NULL));
          }
      }
      {
        g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (folder)) != NULL)
          g_assert_null (strstr (name, "partial"));
      }
    }
  store_test_remove_tree (dir);
}

/* A flipped bit in the middle of a record's stored text: every page is
 * still well formed, so integrity_check passes (a given or family name
 * is also in the sort indexes, which it compares; an alias, "also known
 * as", is in none); the record's checksum (migration 0012) does not.
 * --check names the record and exits 1, and the store is not written
 * into afterwards. */
static void
test_check_flipped_bit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *uid = NULL;
  g_autofree char *bytes = NULL;
  const char *name = "Xochiquetzal";
  gsize length = 0;
  guint flipped = 0;

  if (amparo_exe == NULL)
    {
      g_test_skip ("Pass the amparo executable as the first argument");
      return;
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AmparoStore) store = amparo_store_open (db, &error);
    g_autoptr(AmparoPerson) other = NULL;
    g_autoptr(AmparoPerson) person = NULL;

    g_assert_no_error (error);
    other = store_test_add_person (store, "Rosa", "Tzul", NULL);
    person = store_test_add_person (store, "Ana Lucía", "Ajpop Coyoy", "2012-03-04");
    amparo_person_set_aliases (person, name);
    g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
    g_assert_no_error (error);
    uid = g_strdup (amparo_record_get_uid (AMPARO_RECORD (person)));
  }
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--check", NULL), ==, 0);
    g_assert_cmpstr (out, ==, "ok\n");
  }

  /* The alias's bytes in the file, but not its copies in the journal's
   * JSON ("new":"…"): one bit of its middle letter. */
  g_assert_true (g_file_get_contents (db, &bytes, &length, NULL));
  for (gsize i = 1; i + strlen (name) <= length; i++)
    if (memcmp (bytes + i, name, strlen (name)) == 0 && bytes[i - 1] != '"')
      {
        bytes[i + strlen (name) / 2] ^= 0x01;
        flipped++;
      }
  g_assert_cmpuint (flipped, >=, 1);
  {
    FILE *file = fopen (db, "r+b");

    g_assert_nonnull (file);
    g_assert_cmpuint (fwrite (bytes, 1, length, file), ==, length);
    fclose (file);
  }

  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--check", NULL), ==, 1);
    g_test_message ("%s", out);
    g_assert_nonnull (strstr (out, uid));
    g_assert_nonnull (strstr (out, "persons"));
  }
  /* Known damaged: not opened for writing. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AmparoStore) store = amparo_store_open (db, &error);

    g_assert_null (store);
    g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT);
  }
  store_test_remove_tree (dir);
}

/* Runs amparo as a user who cannot write the folder: root writes
 * anywhere, so under root the child becomes "nobody". */
static void
become_reader (gpointer user_data)
{
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (99);
}

/* --check of a store in a folder its user cannot write: it checks (the
 * file is readable) instead of blaming the file's permissions. */
static void
test_check_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-cli-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *db = g_build_filename (folder, "x.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  const char *argv[] = { amparo_exe, database, "--check", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (amparo_exe == NULL)
    {
      g_test_skip ("Pass the amparo executable as the first argument");
      return;
    }
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_autoptr(AmparoStore) store = amparo_store_open (db, &error);

    g_assert_no_error (error);
    g_object_unref (store_test_add_person (store, "Rosa", "Tzul", NULL));
  }
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (folder, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (db, 65534, 65534), ==, 0);
    }
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, become_reader, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s stderr: %s", out, err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpstr (out, ==, "ok\n");
  g_assert_null (strstr (err, "permissions"));

  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  store_test_remove_tree (dir);
}

/* The race behind two-processes-backup failing once in a while: the
 * last connection to close a store checkpoints it under the file's
 * exclusive lock, and an `amparo --backup` starting at that moment read
 * the store before it had set its busy timeout, so it failed at once
 * with "busy" instead of waiting its turn. Here the test holds that lock
 * (SQLite's byte range, as a closing process does) for half a second. */
static void
test_open_waits_for_lock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *backup = g_strconcat ("--backup=", copy, NULL);
  const char *argv[] = { amparo_exe, database, backup, NULL };
  struct flock lock = { 0, };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status = 0;
  int fd;

  if (amparo_exe == NULL)
    {
      g_test_skip ("Pass the amparo executable as the first argument");
      return;
    }
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--create", "--load-sample-data", NULL), ==, 0);
  }
  fd = g_open (db, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0x40000000 + 2;  /* SQLite's SHARED_FIRST */
  lock.l_len = 510;               /* SHARED_SIZE: an EXCLUSIVE lock */
  g_assert_cmpint (fcntl (fd, F_SETLK, &lock), ==, 0);

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_usleep (500 * 1000);
  lock.l_type = F_UNLCK;
  g_assert_cmpint (fcntl (fd, F_SETLK, &lock), ==, 0);
  close (fd);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (amparo_store_check_file (copy, NULL, NULL));
  store_test_remove_tree (dir);
}

/* A mistyped --database is not created silently (it used to start an
 * empty store there, and people worked on in it): nothing is made
 * unless --create is given. */
static void
test_no_silent_create (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-cli-XXXXXX", NULL);
  g_autofree char *typo = g_build_filename (dir, "amparo.bd", NULL);
  g_autofree char *database = g_strconcat ("--database=", typo, NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *export = g_strconcat ("--export-csv=", csv, NULL);

  if (amparo_exe == NULL)
    {
      g_test_skip ("Pass the amparo executable as the first argument");
      return;
    }
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--load-sample-data", NULL), ==, 1);
    g_assert_cmpint (run_amparo (&out, database, export, NULL), ==, 1);
  }
  g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--create", "--load-sample-data", NULL), ==, 0);
  }
  g_assert_true (g_file_test (typo, G_FILE_TEST_IS_REGULAR));
  /* Once it exists, --create is not needed. */
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, export, NULL), ==, 0);
  }
  store_test_remove_tree (dir);
}

static gint64
count_persons (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (db, &error);

  g_assert_no_error (error);
  return amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);
}

/* amparo --restore=BACKUP over a store whose crashed run left a -wal:
 * copying the backup by hand would have that stale -wal applied to it.
 * The restore refuses while the store is open, then puts a checked copy
 * in place and keeps the old file, -wal and -shm aside. */
static void
test_restore (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amparo-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *backup = g_strconcat ("--backup=", copy, NULL);
  g_autofree char *restore = g_strconcat ("--restore=", copy, NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = NULL;
  gsize stale_length = 0;
  gint64 in_backup;

  if (amparo_exe == NULL)
    {
      g_test_skip ("Pass the amparo executable as the first argument");
      return;
    }
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--create", "--load-sample-data", NULL), ==, 0);
    g_assert_cmpint (run_amparo (&out, database, backup, NULL), ==, 0);
  }
  in_backup = count_persons (copy);

  /* Later work, caught in the -wal as a crash would leave it. */
  store = amparo_store_open (db, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    g_object_unref (store_test_add_person (store, "Después", "Del Respaldo", NULL));
  g_assert_true (g_file_get_contents (wal, &stale, &stale_length, NULL));
  g_assert_cmpuint (stale_length, >, 0);

  /* Open (here, in this process): refused, nothing changed. */
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, restore, NULL), ==, 1);
    g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, in_backup + 5);
  }
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (wal, stale, stale_length, NULL));

  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, restore, NULL), ==, 0);
    g_test_message ("%s", out);
    g_assert_nonnull (strstr (out, "before-restore"));
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_persons (db), ==, in_backup);
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run_amparo (&out, database, "--check", NULL), ==, 0);
    g_assert_cmpstr (out, ==, "ok\n");
  }
  /* The old file and its -wal were kept. */
  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;
    guint kept = 0;

    while ((name = g_dir_read_name (folder)) != NULL)
      kept += strstr (name, "before-restore") != NULL;
    g_assert_cmpuint (kept, >=, 2);
  }
  store_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    amparo_exe = argv[1];

  g_test_add_func ("/store/cli/sample-check-backup", test_cli);
  g_test_add_func ("/store/cli/two-processes-backup", test_two_processes_backup);
  g_test_add_func ("/store/cli/open-waits-for-lock", test_open_waits_for_lock);
  g_test_add_func ("/store/cli/restore", test_restore);
  g_test_add_func ("/store/cli/no-silent-create", test_no_silent_create);
  g_test_add_func ("/store/cli/check-flipped-bit", test_check_flipped_bit);
  g_test_add_func ("/store/cli/check-read-only-folder", test_check_read_only_folder);

  return g_test_run ();
}
