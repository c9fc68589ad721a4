/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>

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
    g_assert_cmpint (run_amparo (&out, database, "--load-sample-data", NULL), ==, 0);
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
    g_assert_cmpint (run_amparo (&out, database, backup, NULL), ==, 0);
  }
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    amparo_exe = argv[1];

  g_test_add_func ("/store/cli/sample-check-backup", test_cli);

  return g_test_run ();
}
