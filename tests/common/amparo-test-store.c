/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-test-store.h"

#include <string.h>

#include <glib/gstdio.h>

#include "amparo-db.h"

/* What every test over a real store needs: a private folder and a store
 * file in it. */

/**
 * amparo_test_make_dir:
 *
 * Returns: (transfer full): a new empty folder under the temp dir
 */
char *
amparo_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("amparo-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * amparo_test_remove_dir:
 * @dir: a folder made by amparo_test_make_dir()
 *
 * Removes @dir and everything in it (one level of subfolders, as the
 * store's backups/ folder).
 */
void
amparo_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        amparo_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/**
 * amparo_test_open_store:
 * @dir: the test's folder
 * @name: the file's name in it
 *
 * Returns: (transfer full): the store, opened (and created) for real
 */
AmparoStore *
amparo_test_open_store (const char *dir,
                        const char *name)
{
  g_autofree char *path = amparo_test_store_location (dir, name);
  g_autoptr(GError) error = NULL;
  AmparoStore *store = amparo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/**
 * amparo_test_store_fixture_set_up:
 * @fixture: the test's fixture
 * @data: the test's data (unused)
 *
 * Makes a private folder and opens (creates) the store
 * %AMPARO_TEST_STORE_NAME in it, on the engine of the run.
 */
void
amparo_test_store_fixture_set_up (AmparoTestStoreFixture *fixture,
                                  gconstpointer           data)
{
  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, AMPARO_TEST_STORE_NAME);
}

/**
 * amparo_test_store_fixture_tear_down:
 * @fixture: a fixture set up by amparo_test_store_fixture_set_up()
 * @data: the test's data (unused)
 *
 * Closes the store and removes the folder. The store must be finalized
 * here: a reference the test (or the code it tests) forgot would keep
 * the file open, and on a desk that is a store that never closes.
 */
void
amparo_test_store_fixture_tear_down (AmparoTestStoreFixture *fixture,
                                     gconstpointer           data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  amparo_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* postgres (#10): the same store tests on both engines. Run under
 * tests/pg/with-pg-server.sh, AMPARO_TEST_ENGINE=pg and each store is a
 * database of its own on that server instead of a file. */

/**
 * amparo_test_engine_is_pg:
 *
 * Returns: whether the tests run against the PostgreSQL test server
 */
gboolean
amparo_test_engine_is_pg (void)
{
  return g_strcmp0 (g_getenv ("AMPARO_TEST_ENGINE"), "pg") == 0;
}

/**
 * amparo_test_store_location:
 * @dir: the test's folder
 * @name: the store's name in it
 *
 * Where to open a test store: the file @dir/@name, or on PostgreSQL a
 * database named after that path (created on first use, so opening the
 * same location twice reopens the same store).
 *
 * Returns: (transfer full): a path or a postgresql:// address
 */
char *
amparo_test_store_location (const char *dir,
                            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *hash = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;
  const char *server = g_getenv ("AMPARO_TEST_PG_URI");
  const char *slash;

  if (!amparo_test_engine_is_pg ())
    return g_steal_pointer (&path);

  g_assert_nonnull (server);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);
  database = g_strdup_printf ("amparo_%.20s", hash);
  if (!amparo_db_pg_create_database (server, database, &error) &&
      !g_error_matches (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED))
    g_assert_no_error (error);
  slash = strrchr (server, '/');
  return g_strdup_printf ("%.*s/%s", (int) (slash - server), server, database);
}

/**
 * amparo_test_skip_on_pg:
 * @why: what is not on the shared server yet
 *
 * Returns: %TRUE (after a TAP skip naming @why) when running on PostgreSQL
 */
gboolean
amparo_test_skip_on_pg (const char *why)
{
  if (!amparo_test_engine_is_pg ())
    return FALSE;
  {
    g_autofree char *message = g_strdup_printf ("not yet on PostgreSQL: %s", why);
    g_test_skip (message);
  }
  return TRUE;
}

/**
 * amparo_test_pg_run:
 * @variable: `AMPARO_TEST_PG_KILL` or `AMPARO_TEST_PG_START`
 *
 * Stops or starts the test's own PostgreSQL: runs the command that
 * tests/pg/with-pg-server.sh put in @variable, and fails the test, with
 * what the command said, if it fails.
 */
void
amparo_test_pg_run (const char *variable)
{
  const char *command = g_getenv (variable);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  int status = 0;

  g_assert_nonnull (command);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", variable, out, err);
}
