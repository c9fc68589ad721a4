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
  self->model = g_object_ref (model);
  if (AMPARO_IS_QUERY_MODEL (model) && g_list_model_get_item_type (model) == AMPARO_TYPE_PERSON)
    {
      AmparoQueryModel *query = AMPARO_QUERY_MODEL (model);

      g_auto(GStrv) columns = g_new0 (char *, G_N_ELEMENTS (row_columns));

      gboolean shared = amparo_store_is_shared (amparo_query_model_get_store (query));
      int stale_days = MAX (amparo_store_get_contact_stale_days (), 0);
      g_autofree char *today = g_strdup (shared ? "to_char (localtimestamp, 'YYYY-MM-DD')"
                                                : "date ('now', 'localtime')");
      g_autofree char *stale_before = shared
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
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
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
