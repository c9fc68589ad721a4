/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-test-store.h"

#include <glib/gstdio.h>

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
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  AmparoStore *store = amparo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}
