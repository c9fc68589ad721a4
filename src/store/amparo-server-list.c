/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-server-list.h"
#include "amparo-query-model.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/* The store's lists on a shared server. This once read its whole table
 * at every change; it now hands out the pages of an #AmparoQueryModel
 * (which speaks the driver seam), so a long list costs what is shown. */

struct _AmparoServerList
{
  GObject parent_instance;

  AmparoQueryModel *model;
};

static void amparo_server_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmparoServerList, amparo_server_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, amparo_server_list_model_init))

static GType
amparo_server_list_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (G_LIST_MODEL (AMPARO_SERVER_LIST (model)->model));
}

static guint
amparo_server_list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (AMPARO_SERVER_LIST (model)->model));
}

static gpointer
amparo_server_list_get_item (GListModel *model,
                             guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (AMPARO_SERVER_LIST (model)->model), position);
}

static void
amparo_server_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amparo_server_list_get_item_type;
  iface->get_n_items = amparo_server_list_get_n_items;
  iface->get_item = amparo_server_list_get_item;
}

static void
on_items_changed_cb (AmparoServerList *self,
                     guint             position,
                     guint             removed,
                     guint             added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
amparo_server_list_refresh (AmparoServerList *self)
{
  g_return_if_fail (AMPARO_IS_SERVER_LIST (self));
  amparo_query_model_refresh (self->model);
}

void
amparo_server_list_watch_type (AmparoServerList *self,
                               GType             record_type)
{
  g_return_if_fail (AMPARO_IS_SERVER_LIST (self));
  amparo_query_model_watch_type (self->model, record_type);
}

static void
amparo_server_list_finalize (GObject *object)
{
  AmparoServerList *self = AMPARO_SERVER_LIST (object);

  g_clear_object (&self->model);
  G_OBJECT_CLASS (amparo_server_list_parent_class)->finalize (object);
}

static void
amparo_server_list_class_init (AmparoServerListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amparo_server_list_finalize;
}

static void
amparo_server_list_init (AmparoServerList *self)
{
}

/**
 * amparo_server_list_new:
 * @where: (nullable): an SQL condition, with `?` or `?N` for @params
 * @params: (nullable) (array zero-terminated=1): text values
 * @order_by: (nullable) (array zero-terminated=1): ORDER BY terms; the
 *   id always breaks ties
 *
 * Returns: (transfer full): the list; its first page is read when shown
 */
AmparoServerList *
amparo_server_list_new (AmparoStore        *store,
                        GType               item_type,
                        const char         *where,
                        const char * const *params,
                        const char * const *order_by)
{
  AmparoServerList *self = g_object_new (AMPARO_TYPE_SERVER_LIST, NULL);

  self->model = amparo_query_model_new (store, item_type, where, params, order_by);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
