/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoServerList:
 *
 * A #GListModel of records of one kind on a shared server: the store's
 * lazy #AmparoQueryModel, which reads a page of 200 rows by key as they
 * are shown, read again when a record of its kind (or a watched kind)
 * changes. A list of 100,000 persons costs its first page, as on SQLite.
 */
#define AMPARO_TYPE_SERVER_LIST (amparo_server_list_get_type ())
G_DECLARE_FINAL_TYPE (AmparoServerList, amparo_server_list, AMPARO, SERVER_LIST, GObject)

AmparoServerList *amparo_server_list_new        (AmparoStore        *store,
                                                 GType               item_type,
                                                 const char         *where,
                                                 const char * const *params,
                                                 const char * const *order_by);
void              amparo_server_list_refresh    (AmparoServerList   *self);
void              amparo_server_list_watch_type (AmparoServerList   *self,
                                                 GType               record_type);

G_END_DECLS
