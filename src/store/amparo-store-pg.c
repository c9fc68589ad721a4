/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/*
 * Opening a shared case store on a PostgreSQL server: amparo_store_open()
 * comes here for a `postgresql://` address. Nothing here speaks libpq;
 * the driver (amparo-db-pg.c) does.
 */

/* The journal's actor is the database account, named by the server. */
static gboolean
read_account (AmparoStore  *self,
              GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_db_prepare (self->conn, "SELECT session_user", error);

  if (stmt == NULL || amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    return FALSE;
  g_free (self->actor);
  self->actor = g_strdup (amparo_db_column_text (stmt, 0));
  return TRUE;
}

/**
 * amparo_store_open_server:
 * @uri: a `postgresql://` address, without a password
 * @password: (nullable): the account's password, from the keyring
 *
 * Returns: (transfer full) (nullable): the shared store, or %NULL with
 *   @error set (%AMPARO_STORE_ERROR_UNREACHABLE when it cannot be reached
 *   or refuses the account)
 */
AmparoStore *
amparo_store_open_server (const char  *uri,
                          const char  *password,
                          GError     **error)
{
  g_autoptr(AmparoStore) self = g_object_new (AMPARO_TYPE_STORE, NULL);

  if (!(self->conn = amparo_db_pg_open_with_password (uri, password, error)))
    return NULL;
  self->path = g_strdup (amparo_db_get_label (self->conn));
  if (!amparo_store_migrate (self, error) || !read_account (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * amparo_store_path_is_server:
 * @path: (nullable): what --database, AMPARO_DATABASE or the settings name
 *
 * Returns: whether @path is a shared server's `postgresql://` address
 */
gboolean
amparo_store_path_is_server (const char *path)
{
  return path != NULL && amparo_db_is_server_uri (path);
}

/**
 * amparo_store_reconnect:
 *
 * When a save or a read failed with %AMPARO_STORE_ERROR_UNREACHABLE:
 * connects to the shared server again, and listens again for the other
 * desks' saves. Nothing of the failed save was kept by the server (its
 * transaction died with the connection), so the caller saves the same
 * record again. On a file store there is nothing to do.
 *
 * Returns: %TRUE when the store can be used (again)
 */
gboolean
amparo_store_reconnect (AmparoStore  *self,
                        GError      **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  if (!amparo_store_is_shared (self))
    return TRUE;
  if (!amparo_db_pg_reconnect (self->conn, error))
    return FALSE;
  /* A transaction open when the server went is gone with it. */
  self->tx_depth = 0;
  amparo_store_live_resume (self);
  return TRUE;
}
