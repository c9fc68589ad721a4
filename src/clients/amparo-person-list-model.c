/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-person-list-model.h"

/* Hands the store's lazy person list to the list view so that a refresh
 * reads only the rows on screen.
 *
 * The store's model announces a refresh as one change of the whole list
 * (n removed, n added). GTK 4.8's list view answers such a change by
 * looking for the rows it shows among every added item, which reads the
 * whole table page by page — seconds at 100,000 persons. Announced as
 * "everything removed", then "everything added", there is nothing to look
 * for, and only the visible rows are read again. */

struct _AmparoPersonListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
};

static void amparo_person_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmparoPersonListModel, amparo_person_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      amparo_person_list_model_list_model_init))

static void
on_items_changed_cb (AmparoPersonListModel *self,
                     guint                  position,
                     guint                  removed,
                     guint                  added,
                     GListModel            *model)
{
  guint old_n = self->n_items;

  self->n_items = 0;
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  self->n_items = g_list_model_get_n_items (model);
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

static GType
amparo_person_list_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (AMPARO_PERSON_LIST_MODEL (list)->model);
}

static guint
amparo_person_list_model_get_n_items (GListModel *list)
{
  return AMPARO_PERSON_LIST_MODEL (list)->n_items;
}

static gpointer
amparo_person_list_model_get_item (GListModel *list,
                                   guint       position)
{
  AmparoPersonListModel *self = AMPARO_PERSON_LIST_MODEL (list);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
amparo_person_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amparo_person_list_model_get_item_type;
  iface->get_n_items = amparo_person_list_model_get_n_items;
  iface->get_item = amparo_person_list_model_get_item;
}

static void
amparo_person_list_model_dispose (GObject *object)
{
  AmparoPersonListModel *self = (AmparoPersonListModel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (amparo_person_list_model_parent_class)->dispose (object);
}

static void
amparo_person_list_model_class_init (AmparoPersonListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = amparo_person_list_model_dispose;
}

static void
amparo_person_list_model_init (AmparoPersonListModel *self)
{
}

/**
 * amparo_person_list_model_new:
 * @model: (transfer none): the store's lazy list
 *
 * Returns: (transfer full): a model showing @model's items
 */
AmparoPersonListModel *
amparo_person_list_model_new (GListModel *model)
{
  AmparoPersonListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (AMPARO_TYPE_PERSON_LIST_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
