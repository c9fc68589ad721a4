/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-private-file.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* Every file of children's data Amparo writes — spreadsheets, calendars,
 * notices, backups — is created here: mode 0600 from its first byte
 * (whatever the umask), written under a temporary name in the same
 * folder, flushed, journaled, and only then renamed into place. A
 * journal that cannot be written (a busy or full store) leaves no file;
 * a crash leaves at most a hidden temporary file, never a half-written
 * one under the name asked for. */

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

/**
 * amparo_private_file_begin:
 * @path: the file wanted in the end
 *
 * Creates an empty file, mode 0600, beside @path, for a writer that
 * needs a file name of its own (a PDF surface, a print operation).
 * Follow with amparo_private_file_finish() or amparo_private_file_abort().
 *
 * Returns: (transfer full) (nullable): the temporary file's path, or
 *   %NULL with @error set
 */
char *
amparo_private_file_begin (const char  *path,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_io_error (error, errno, path);
      g_free (temp);
      return NULL;
    }
  /* Honour 0600 even if the folder's default ACL would widen it. */
  fchmod (fd, 0600);
  close (fd);
  return temp;
}

/**
 * amparo_private_file_abort:
 * @temp_path: (nullable): from amparo_private_file_begin()
 */
void
amparo_private_file_abort (const char *temp_path)
{
  if (temp_path != NULL)
    g_unlink (temp_path);
}

static gboolean
sync_file (const char  *temp_path,
           const char  *path,
           GError     **error)
{
  int fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * amparo_private_file_finish:
 * @temp_path: from amparo_private_file_begin(), now written
 * @path: the file wanted
 * @journal: (nullable): journals the export, before the file appears
 *
 * Flushes the temporary file, journals, and renames it to @path
 * (replacing what was there). On any failure the temporary file is
 * removed and @path is left as it was.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_private_file_finish (const char                *temp_path,
                            const char                *path,
                            AmparoPrivateFileJournal   journal,
                            gpointer                   user_data,
                            GError                   **error)
{
  if (!sync_file (temp_path, path, error) ||
      (journal != NULL && !journal (path, user_data, error)))
    {
      amparo_private_file_abort (temp_path);
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;
      amparo_private_file_abort (temp_path);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }
  return TRUE;
}

/**
 * amparo_private_file_write:
 * @path: the file to write (replaced if it exists)
 * @journal: (nullable): journals the export, before the file appears
 *
 * Writes @data to @path, mode 0600, journaled first (see the top of
 * this file).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_private_file_write (const char                *path,
                           const void                *data,
                           gsize                      length,
                           AmparoPrivateFileJournal   journal,
                           gpointer                   user_data,
                           GError                   **error)
{
  g_autofree char *temp = amparo_private_file_begin (path, error);
  const char *p = data;
  int fd;

  if (temp == NULL)
    return FALSE;
  fd = g_open (temp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      amparo_private_file_abort (temp);
      return FALSE;
    }
  while (length > 0)
    {
      ssize_t n = write (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          close (fd);
          amparo_private_file_abort (temp);
          set_io_error (error, saved_errno, path);
          return FALSE;
        }
      p += n;
      length -= n;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;
      amparo_private_file_abort (temp);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }
  return amparo_private_file_finish (temp, path, journal, user_data, error);
}
