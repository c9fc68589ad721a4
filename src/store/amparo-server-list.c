/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-server-list.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

struct _AmparoServerList
{
  GObject parent_instance;

  AmparoStore *store;  /* weak: the store outlives its lists in use */
  GType item_type;
  char *sql;
  GStrv params;
  GArray *watched;     /* GType */
  GPtrArray *items;
};

static void amparo_server_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmparoServerList, amparo_server_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, amparo_server_list_model_init))

static GType
amparo_server_list_get_item_type (GListModel *model)
{
  return AMPARO_SERVER_LIST (model)->item_type;
}

static guint
amparo_server_list_get_n_items (GListModel *model)
{
  return AMPARO_SERVER_LIST (model)->items->len;
}

static gpointer
amparo_server_list_get_item (GListModel *model,
                             guint       position)
{
  AmparoServerList *self = AMPARO_SERVER_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
amparo_server_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amparo_server_list_get_item_type;
  iface->get_n_items = amparo_server_list_get_n_items;
  iface->get_item = amparo_server_list_get_item;
}

static GPtrArray *
read_items (AmparoServerList *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return items;
  if (!(stmt = amparo_store_prepare_stmt (self->store, self->sql, &error)))
    {
      g_warning ("Could not list %s: %s", g_type_name (self->item_type), error->message);
      return items;
    }
  for (guint i = 0; self->params != NULL && self->params[i] != NULL; i++)
    amparo_db_bind_text (stmt, i + 1, self->params[i]);
  while (amparo_db_step (stmt, &error) == AMPARO_DB_ROW)
    g_ptr_array_add (items, amparo_store_record_from_db_row (self->item_type, stmt, 0));
  /* A read that fails (the server away) keeps what was shown. */
  if (error != NULL)
    g_debug ("Could not list %s: %s", g_type_name (self->item_type), error->message);
  return items;
}

void
amparo_server_list_refresh (AmparoServerList *self)
{
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (AMPARO_IS_SERVER_LIST (self));
  old = g_steal_pointer (&self->items);
  self->items = read_items (self);
  if (old->len > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);
}

static void
on_record_changed (AmparoStore      *store,
                   AmparoRecord     *record,
                   AmparoServerList *self)
{
  GType type = G_OBJECT_TYPE (record);

  for (guint i = 0; i < self->watched->len; i++)
    if (g_type_is_a (type, g_array_index (self->watched, GType, i)))
      {
        amparo_server_list_refresh (self);
        return;
      }
}

void
amparo_server_list_watch_type (AmparoServerList *self,
                               GType             record_type)
{
  g_return_if_fail (AMPARO_IS_SERVER_LIST (self));
  g_array_append_val (self->watched, record_type);
}

static void
amparo_server_list_finalize (GObject *object)
{
  AmparoServerList *self = AMPARO_SERVER_LIST (object);

  g_clear_weak_pointer (&self->store);
  g_free (self->sql);
  g_strfreev (self->params);
  g_array_unref (self->watched);
  g_ptr_array_unref (self->items);
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
  self->watched = g_array_new (FALSE, FALSE, sizeof (GType));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * amparo_server_list_new:
 * @where: (nullable): an SQL condition, with `?` or `?N` for @params
 * @params: (nullable) (array zero-terminated=1): text values
 * @order_by: (nullable) (array zero-terminated=1): ORDER BY terms; the
 *   id always breaks ties
 *
 * Returns: (transfer full): the list, already read
 */
AmparoServerList *
amparo_server_list_new (AmparoStore        *store,
                        GType               item_type,
                        const char         *where,
                        const char * const *params,
                        const char * const *order_by)
{
  AmparoServerList *self = g_object_new (AMPARO_TYPE_SERVER_LIST, NULL);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_set_weak_pointer (&self->store, store);
  self->item_type = item_type;
  self->params = g_strdupv ((char **) params);
  g_string_printf (sql, "SELECT %s FROM %s", amparo_store_get_select_columns (item_type),
                   amparo_record_type_get_table_name (item_type));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; order_by != NULL && order_by[i] != NULL; i++)
    g_string_append_printf (sql, "%s, ", order_by[i]);
  g_string_append (sql, "id");
  self->sql = g_string_free (g_steal_pointer (&sql), FALSE);

  amparo_server_list_watch_type (self, item_type);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed), self, 0);
  amparo_server_list_refresh (self);
  return self;
}
