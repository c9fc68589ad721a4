/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-person-list-model.h"

#include "amparo-query-model.h"
#include "amparo-store.h"

/* Hands the store's lazy person list to the list view so that a refresh
 * reads only the rows on screen.
 *
 * The store's model announces a refresh as one change of the whole list
 * (n removed, n added). GTK 4.8's list view answers such a change by
 * looking for the rows it shows among every added item, which reads the
 * whole table page by page — seconds at 100,000 persons. Announced as
 * "everything removed", then "everything added", there is nothing to look
 * for, and only the visible rows are read again. A change of a few rows
 * in place (a person edited, a hearing added) passes through as it is,
 * so the list keeps its scroll position and selection.
 *
 * What a row shows of other records comes with the page query (see
 * amparo_person_list_model_get_row_text()), so binding a row runs no
 * SQL; and the rows follow every change to those records, wherever the
 * change is made. */

/* Separator between the fields of the location column. */
#define FIELD_SEPARATOR "\x1f"

/* Today's date as text, the SQL of either engine (postgres #10): the
 * columns are written once, with this word standing for it. */
#define TODAY "@TODAY@"

static const char * const row_columns[] = {
  [AMPARO_PERSON_ROW_LOCATION] =
    "(SELECT l.kind || '" FIELD_SEPARATOR "' || coalesce (l.facility, '') || '" FIELD_SEPARATOR "'"
    " || coalesce (l.city, '') || '" FIELD_SEPARATOR "' || coalesce (l.country, '') FROM locations l"
    " WHERE l.person_id = persons.id AND l.deleted_at IS NULL"
    " ORDER BY (l.until IS NULL) DESC, l.since DESC, l.id DESC LIMIT 1)",
  [AMPARO_PERSON_ROW_NEXT_HEARING] =
    "(SELECT min (e.starts_at) FROM events e WHERE e.person_id = persons.id"
    " AND e.deleted_at IS NULL AND e.done = 0 AND e.kind = 'hearing'"
    " AND e.starts_at >= " TODAY ")",
  [AMPARO_PERSON_ROW_SEPARATED] =
    "EXISTS (SELECT 1 FROM relationships r JOIN persons o ON o.id = r.relative_id"
    " WHERE r.person_id = persons.id AND r.deleted_at IS NULL AND r.separated = 1"
    " AND r.reunification_status <> 'reunified')"
    " OR EXISTS (SELECT 1 FROM relationships r JOIN persons o ON o.id = r.person_id"
    " WHERE r.relative_id = persons.id AND r.deleted_at IS NULL AND r.separated = 1"
    " AND r.reunification_status <> 'reunified')",
  /* AMPARO_PERSON_ROW_STALE_CONTACTS: added with the setting's days */
  NULL,
  NULL
};

struct _AmparoPersonListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;

  /* While a new result is swapped in: the old one, below the new one
   * (see amparo_person_list_model_begin_swap()). */
  GListModel *old_model;
  guint       old_head;  /* 1 while the old first item is above the new ones */
  guint       old_tail;  /* the other old items, below the new ones */
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
  guint old_n;

  /* A swap is begun and finished in one go; should a refresh come in
   * between, the old items go first so that positions stay true. */
  amparo_person_list_model_finish_swap (self);
  old_n = self->n_items;

  if (removed == added && removed < old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
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
  guint n_new;

  if (position >= self->n_items)
    return NULL;
  if (self->old_model == NULL)
    return g_list_model_get_item (self->model, position);
  /* During a swap: the old first item, the new items, the other old ones. */
  if (position < self->old_head)
    return g_list_model_get_item (self->old_model, 0);
  position -= self->old_head;
  n_new = self->n_items - self->old_head - self->old_tail;
  if (position < n_new)
    return g_list_model_get_item (self->model, position);
  return g_list_model_get_item (self->old_model, 1 + position - n_new);
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
  g_clear_object (&self->old_model);

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

/* When @model is the store's query model of persons, its pages also read
 * what the client rows show, and it follows changes to those records. */
static void
prepare_model (GListModel *model)
{
  AmparoQueryModel *query;
  g_auto(GStrv) columns = NULL;
  g_autofree char *today = NULL;
  g_autofree char *stale_before = NULL;
  gboolean shared;
  int stale_days;

  if (!AMPARO_IS_QUERY_MODEL (model) || g_list_model_get_item_type (model) != AMPARO_TYPE_PERSON)
    return;
  query = AMPARO_QUERY_MODEL (model);
  columns = g_new0 (char *, G_N_ELEMENTS (row_columns));
  shared = amparo_store_is_shared (amparo_query_model_get_store (query));
  stale_days = MAX (amparo_store_get_contact_stale_days (), 0);
  today = g_strdup (shared ? "to_char (localtimestamp, 'YYYY-MM-DD')" : "date ('now', 'localtime')");
  stale_before = shared
    ? g_strdup_printf ("to_char (localtimestamp - interval '%d days', 'YYYY-MM-DD')", stale_days)
    : g_strdup_printf ("date ('now', 'localtime', '-%d days')", stale_days);

  for (guint i = 0; i < AMPARO_PERSON_ROW_STALE_CONTACTS; i++)
    {
      g_auto(GStrv) parts = g_strsplit (row_columns[i], TODAY, -1);

      columns[i] = g_strjoinv (today, parts);
    }
  /* Contacts not verified for the configured number of days. */
  columns[AMPARO_PERSON_ROW_STALE_CONTACTS] =
    g_strdup_printf ("EXISTS (SELECT 1 FROM contacts c WHERE c.person_id = persons.id"
                     " AND c.deleted_at IS NULL AND (c.last_verified IS NULL"
                     " OR c.last_verified < %s))", stale_before);
  amparo_query_model_set_extra_columns (query, (const char * const *) columns);
  amparo_query_model_watch_rows (query, AMPARO_TYPE_LOCATION, "person-id", NULL);
  amparo_query_model_watch_rows (query, AMPARO_TYPE_EVENT, "person-id", NULL);
  amparo_query_model_watch_rows (query, AMPARO_TYPE_RELATIONSHIP, "person-id", "relative-id");
  amparo_query_model_watch_rows (query, AMPARO_TYPE_CONTACT, "person-id", NULL);
}

static void
set_model (AmparoPersonListModel *self,
           GListModel            *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  prepare_model (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * amparo_person_list_model_new:
 * @model: (transfer none): the store's lazy list
 *
 * When @model is the store's query model of persons, its pages also read
 * what the client rows show (whereabouts, next hearing, separated family),
 * and it follows changes to locations, events and family links.
 *
 * Returns: (transfer full): a model showing @model's items
 */
AmparoPersonListModel *
amparo_person_list_model_new (GListModel *model)
{
  AmparoPersonListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (AMPARO_TYPE_PERSON_LIST_MODEL, NULL);
  set_model (self, model);
  self->n_items = g_list_model_get_n_items (model);
  return self;
}

/**
 * amparo_person_list_model_begin_swap:
 * @model: (transfer none): the new result (a search, a filter)
 *
 * Starts showing @model instead of the current list, in a way that lets
 * GTK 4.8's list view keep its row widgets. The list view destroys the
 * widget of every row that is removed, and builds a new one, from the
 * template, for every row it then shows: a few hundred rows per
 * keystroke. It does reuse the widgets of rows that are still there but
 * out of its range. So the new items are first added after the old first
 * one (nothing is removed); the caller then scrolls the view to position
 * 1, the first new item, which moves the old rows' widgets onto the new
 * items (a bind, no template); and amparo_person_list_model_finish_swap()
 * removes the old items, which by then have (nearly) no widgets left.
 *
 * Why after the old first item and not before it: the view also keeps
 * the row that last had the focus (the first row, unless the person
 * clicked one). When that row is removed, GTK guesses its new place from
 * where the removal was: at position 0 it lands on the first new item,
 * whose widget exists; after the new items it would land on the last
 * one, and the end of the result would be read for it.
 */
void
amparo_person_list_model_begin_swap (AmparoPersonListModel *self,
                                     GListModel            *model)
{
  guint n_old;
  guint n_new;

  g_return_if_fail (AMPARO_IS_PERSON_LIST_MODEL (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));
  g_return_if_fail (self->old_model == NULL);

  n_old = self->n_items;
  self->old_model = g_object_ref (self->model);
  self->old_head = MIN (n_old, 1);
  self->old_tail = n_old - self->old_head;
  set_model (self, model);
  n_new = g_list_model_get_n_items (model);
  self->n_items = n_old + n_new;
  if (n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), self->old_head, 0, n_new);
}

/**
 * amparo_person_list_model_get_swap_position:
 *
 * Returns: where the new items start while a swap is under way
 */
guint
amparo_person_list_model_get_swap_position (AmparoPersonListModel *self)
{
  g_return_val_if_fail (AMPARO_IS_PERSON_LIST_MODEL (self), 0);
  return self->old_model != NULL ? self->old_head : 0;
}

/**
 * amparo_person_list_model_finish_swap:
 *
 * Removes the old items that amparo_person_list_model_begin_swap() kept.
 */
void
amparo_person_list_model_finish_swap (AmparoPersonListModel *self)
{
  guint tail;

  g_return_if_fail (AMPARO_IS_PERSON_LIST_MODEL (self));

  if (self->old_model == NULL)
    return;
  if (self->old_head > 0)
    {
      /* The old first item first, then the rest (see above). */
      self->old_head = 0;
      self->n_items--;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 1, 0);
    }
  tail = self->old_tail;
  self->old_tail = 0;
  self->n_items -= tail;
  g_clear_object (&self->old_model);
  if (tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, tail, 0);
}

/**
 * amparo_person_list_model_get_model:
 *
 * Returns: (transfer none): the list shown
 */
GListModel *
amparo_person_list_model_get_model (AmparoPersonListModel *self)
{
  g_return_val_if_fail (AMPARO_IS_PERSON_LIST_MODEL (self), NULL);
  return self->model;
}

/**
 * amparo_person_list_model_find_cached:
 * @id: a person's id
 *
 * Where the person is among the rows already read (see
 * amparo_query_model_find_cached()); none while a result is swapped in.
 *
 * Returns: the position, or %G_MAXUINT
 */
guint
amparo_person_list_model_find_cached (AmparoPersonListModel *self,
                                      gint64                 id)
{
  g_return_val_if_fail (AMPARO_IS_PERSON_LIST_MODEL (self), G_MAXUINT);

  if (self->old_model != NULL || !AMPARO_IS_QUERY_MODEL (self->model))
    return G_MAXUINT;
  return amparo_query_model_find_cached (AMPARO_QUERY_MODEL (self->model), id);
}

/**
 * amparo_person_list_model_get_row_text:
 * @person: an item of an #AmparoPersonListModel
 * @column: which
 *
 * Returns: (nullable): the value read with @person's page ("" when there
 *   is none: no location, no hearing); %NULL when @person did not come
 *   from such a list (ask the store)
 */
const char *
amparo_person_list_model_get_row_text (AmparoPerson        *person,
                                       AmparoPersonRowText  column)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return amparo_query_model_get_extra (person, column);
}

/**
 * amparo_person_list_model_dup_location:
 * @person: an item of an #AmparoPersonListModel
 * @known: (out): whether the list knew (else ask the store)
 *
 * Returns: (transfer full) (nullable): the person's current location as
 *   the list read it, with kind, facility, city and country only
 */
AmparoLocation *
amparo_person_list_model_dup_location (AmparoPerson *person,
                                       gboolean     *known)
{
  const char *text = amparo_person_list_model_get_row_text (person, AMPARO_PERSON_ROW_LOCATION);
  g_autoptr(GEnumClass) kinds = NULL;
  g_auto(GStrv) fields = NULL;
  GEnumValue *kind;
  AmparoLocation *location;

  *known = text != NULL;
  if (text == NULL || *text == '\0')
    return NULL;
  fields = g_strsplit (text, FIELD_SEPARATOR, 4);
  if (g_strv_length (fields) != 4)
    return NULL;
  kinds = g_type_class_ref (AMPARO_TYPE_LOCATION_KIND);
  kind = g_enum_get_value_by_nick (kinds, fields[0]);
  location = amparo_location_new ();
  amparo_location_set_kind (location, kind != NULL ? kind->value : AMPARO_LOCATION_KIND_UNKNOWN);
  amparo_location_set_facility (location, fields[1][0] ? fields[1] : NULL);
  amparo_location_set_city (location, fields[2][0] ? fields[2] : NULL);
  amparo_location_set_country (location, fields[3][0] ? fields[3] : NULL);
  return location;
}
