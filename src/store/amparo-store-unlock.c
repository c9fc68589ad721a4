/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-store-internal.h"

#include <glib/gi18n-lib.h>

/* The idle lock (privacy, #17) asks for the account's password again on
 * a shared server. The server, not Amparo, judges it: a second
 * connection with what was typed, closed at once. */

/**
 * amparo_store_check_password:
 * @password: what the staff member typed
 *
 * On a shared server, whether the server accepts @password for this
 * store's account. Safe to call from a worker thread: it reads only the
 * store's address and opens a connection of its own.
 *
 * Returns: %TRUE, or %FALSE with @error set (wrong password, server
 *   unreachable, or a store on this computer, which has no password)
 */
gboolean
amparo_store_check_password (AmparoStore  *self,
                             const char   *password,
                             GError      **error)
{
  AmparoDb *db;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  if (self->db != NULL || !amparo_store_path_is_server (self->path))
    {
      g_set_error_literal (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                           _("This case store is on this computer and has no password."));
      return FALSE;
    }
  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                           _("Type your password for the shared server."));
      return FALSE;
    }
  db = amparo_db_pg_open_with_password (self->path, password, error);
  if (db == NULL)
    return FALSE;
  amparo_db_close (db);
  return TRUE;
}
