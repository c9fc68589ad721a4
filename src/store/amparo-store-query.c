/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-query-model.h"
#include "amparo-server-list.h"
#include "amparo-record-private.h"

/* Reading records: by id or uid, per-kind lists, history. */

/* A list: lazy paging, on either engine. */
static GListModel *
new_list (AmparoStore        *self,
          GType               record_type,
          const char         *where,
          const char * const *params,
          const char * const *order_by)
{
  /* roles (#17): a kind the role may not read lists empty; restricted
   * client records stay out. */
  g_autofree char *filter = amparo_store_access_filter (self, record_type);
  g_autofree char *filtered = NULL;

  if (!amparo_store_access_check (self, record_type, AMPARO_ACCESS_READ, NULL))
    where = "1 = 0";
  else if (filter != NULL)
    where = filtered = where ? g_strdup_printf ("(%s) AND (%s)", filter, where) : g_strdup (filter);

  /* A list shown is a list other desks' saves should reach. */
  amparo_store_watch_others (self);
  /* postgres (#10): the query model pages on the server too. */
  return G_LIST_MODEL (amparo_query_model_new (self, record_type, where, params, order_by));
}

static void
watch_list (GListModel *model,
            GType       record_type)
{
  if (AMPARO_IS_SERVER_LIST (model))
    amparo_server_list_watch_type (AMPARO_SERVER_LIST (model), record_type);
  else
    amparo_query_model_watch_type (AMPARO_QUERY_MODEL (model), record_type);
}

gpointer
amparo_store_find_one (AmparoStore  *self,
                       GType         record_type,
                       const char   *where,
                       gint64        id,
                       const char   *text)
{
  g_autofree char *sql = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;

  /* roles (#17): the filter goes first, as @where may end in ORDER BY. */
  if (!amparo_store_access_check (self, record_type, AMPARO_ACCESS_READ, NULL))
    return NULL;
  filter = amparo_store_access_filter (self, record_type);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s%s%s%s LIMIT 1",
                         amparo_store_access_select_columns (self, record_type),
                         table_of (record_type), filter ? "(" : "", filter ? filter : "",
                         filter ? ") AND " : "", where);
  if (!(stmt = amparo_store_prepare_stmt (self, sql, NULL)))
    return NULL;
  amparo_db_bind_int64 (stmt, 1, id);
  if (text != NULL)
    amparo_db_bind_text (stmt, 2, text);
  if (amparo_db_step (stmt, NULL) != AMPARO_DB_ROW)
    return NULL;
  /* The select already read notes as NULL for a role without them. */
  return amparo_store_record_from_db_row (record_type, stmt, 0);
}

static GListModel *
list_for (AmparoStore  *self,
          GType         record_type,
          const char   *where,
          gint64        id,
          const char   *order)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_text, NULL };
  const char *order_by[] = { order, NULL };

  return new_list (self, record_type, where, params,
                   order ? order_by : NULL);
}

static GListModel *
list_watching (AmparoStore  *self,
               GType         record_type,
               GType         link_type,
               const char   *where,
               gint64        id,
               const char   *order)
{
  GListModel *model = list_for (self, record_type, where, id, order);

  watch_list (model, link_type);
  return model;
}

/* One record by its uid (@uid set) or its row id: the shared body of
 * amparo_store_get_by_uid() and amparo_store_get_by_id(). */
static gpointer
get_one (AmparoStore  *self,
         GType         record_type,
         const char   *uid,
         gint64        id,
         GError      **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  AmparoDbStep rc;

  /* roles (#17): a kind the role may not read, and a restricted client
   * record (not found, as on the server) */
  if (!amparo_store_access_check (self, record_type, AMPARO_ACCESS_READ, error))
    return NULL;
  filter = amparo_store_access_filter (self, record_type);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?%s%s",
                         amparo_store_access_select_columns (self, record_type), table_of (record_type),
                         uid != NULL ? "uid" : "id", filter ? " AND " : "", filter ? filter : "");
  if (!(stmt = amparo_store_prepare_stmt (self, sql, error)))
    return NULL;
  if (uid != NULL)
    amparo_db_bind_text (stmt, 1, uid);
  else
    amparo_db_bind_int64 (stmt, 1, id);
  rc = amparo_db_step (stmt, error);
  /* The select already read notes as NULL for a role without them. */
  if (rc == AMPARO_DB_ROW)
    return amparo_store_record_from_db_row (record_type, stmt, 0);
  if (rc == AMPARO_DB_DONE)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                 _("The record was not found. It may have been removed by someone else."));
  return NULL;
}

/**
 * amparo_store_get_by_uid:
 * @record_type: the kind, e.g. %AMPARO_TYPE_PERSON
 *
 * Loads a record, also from the Trash.
 *
 * Returns: (transfer full) (type AmparoRecord): the record, or %NULL with
 *   @error set (%AMPARO_STORE_ERROR_NOT_FOUND)
 */
gpointer
amparo_store_get_by_uid (AmparoStore  *self,
                         GType         record_type,
                         const char   *uid,
                         GError      **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AMPARO_TYPE_RECORD), NULL);
  /* A NULL uid finds nothing, as row id 0 does. */
  return get_one (self, record_type, uid, 0, error);
}

/**
 * amparo_store_get_by_id:
 *
 * Like amparo_store_get_by_uid(), by row id.
 *
 * Returns: (transfer full) (type AmparoRecord): the record, or %NULL with
 *   @error set
 */
gpointer
amparo_store_get_by_id (AmparoStore  *self,
                        GType         record_type,
                        gint64        id,
                        GError      **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AMPARO_TYPE_RECORD), NULL);

  return get_one (self, record_type, NULL, id, error);
}

/**
 * amparo_store_reload:
 *
 * Discards unsaved changes: sets every property back to the stored value
 * (notifying those that change).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_reload (AmparoStore   *self,
                     AmparoRecord  *record,
                     GError       **error)
{
  g_autoptr(AmparoRecord) stored = NULL;
  g_autoptr(GPtrArray) pspecs = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  stored = amparo_store_get_by_id (self, G_OBJECT_TYPE (record), amparo_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  pspecs = amparo_record_class_list_column_pspecs (G_OBJECT_TYPE (record));
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < pspecs->len; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, ((GParamSpec *) pspecs->pdata[i])->value_type);
      g_object_get_property (G_OBJECT (stored), ((GParamSpec *) pspecs->pdata[i])->name, &value);
      amparo_record_take_value (record, pspecs->pdata[i], &value);
    }
  g_object_thaw_notify (G_OBJECT (record));
  return TRUE;
}

/**
 * amparo_store_count:
 *
 * Returns: the number of records of a kind, or -1 on a read error
 */
gint64
amparo_store_count (AmparoStore     *self,
                    GType            record_type,
                    AmparoListScope  scope)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), -1);

  return amparo_store_count_where (self, record_type,
                                   scope == AMPARO_LIST_TRASH ? "deleted_at IS NOT NULL"
                                                              : "deleted_at IS NULL",
                                   NULL, NULL);
}

/**
 * amparo_store_list:
 * @record_type: the kind
 * @scope: live records or the Trash
 *
 * Every record of a kind, in the kind's default order (releases newest
 * first, demands in the order they were made…).
 *
 * Returns: (transfer full): a lazy #GListModel of @record_type
 */
GListModel *
amparo_store_list (AmparoStore     *self,
                   GType            record_type,
                   AmparoListScope  scope)
{
  g_autoptr(GTypeClass) klass = NULL;
  const char *order_by[] = { NULL, NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AMPARO_TYPE_RECORD), NULL);

  klass = g_type_class_ref (record_type);
  order_by[0] = scope == AMPARO_LIST_TRASH ? "deleted_at DESC"
                                           : AMPARO_RECORD_CLASS (klass)->default_order;
  return new_list (self, record_type,
                   scope == AMPARO_LIST_TRASH ? "deleted_at IS NOT NULL"
                                              : "deleted_at IS NULL",
                   NULL, order_by);
}

/**
 * amparo_store_list_persons:
 * @scope: live persons or the Trash
 * @sort: the order
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoPerson
 */
GListModel *
amparo_store_list_persons (AmparoStore      *self,
                           AmparoListScope   scope,
                           AmparoPersonSort  sort)
{
  static const char *orders[][4] = {
    /* Spanish order, by index (0008-perf.sql) */
    { "sort_name", NULL },
    { "given_names COLLATE NOCASE", "family_names COLLATE NOCASE", NULL },
    { "intake_date DESC", NULL },
    { "updated_at DESC", NULL },
  };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (orders), NULL);

  return new_list (self, AMPARO_TYPE_PERSON,
                   scope == AMPARO_LIST_TRASH ? "deleted_at IS NOT NULL"
                                              : "deleted_at IS NULL",
                   NULL, orders[sort]);
}

/**
 * amparo_store_list_upcoming_events:
 * @from_date: (nullable): first day, `YYYY-MM-DD`; %NULL for today
 * @days: how many days ahead
 *
 * The Agenda: events not yet done, of persons not in the Trash, in date
 * order.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoEvent
 */
GListModel *
amparo_store_list_upcoming_events (AmparoStore *self,
                                   const char  *from_date,
                                   int          days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *until = NULL;
  const char *order_by[] = { "starts_at", NULL };
  const char *params[3] = { NULL, NULL, NULL };
  GListModel *model;
  GDate date;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  if (from_date == NULL || !amparo_parse_date (from_date, &date))
    amparo_parse_date (today, &date);
  params[0] = today;
  if (from_date != NULL && amparo_parse_date (from_date, &date))
    params[0] = from_date;
  g_date_add_days (&date, MAX (days, 0));
  until = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                           g_date_get_month (&date), g_date_get_day (&date));
  params[1] = until;

  /* `until` is exclusive and compares as text, so "2024-05-01T09:00" sorts
   * inside its day. */
  model = new_list (self, AMPARO_TYPE_EVENT,
                                  "deleted_at IS NULL AND done = 0"
                                  " AND starts_at >= ? AND starts_at < ?"
                                  /* Correlated on the primary key: a lookup per
                                   * event, not a set of every live person. */
                                  " AND EXISTS (SELECT 1 FROM persons p"
                                  " WHERE p.id = events.person_id AND p.deleted_at IS NULL)",
                                  params, order_by);
  watch_list (model, AMPARO_TYPE_PERSON);
  return model;
}

/**
 * amparo_store_find_person_by_a_number:
 * @a_number: an A-number in any accepted form
 *
 * Returns: (transfer full) (nullable): the live person with this A-number,
 *   or %NULL (with @error set only if @a_number is not valid)
 */
AmparoPerson *
amparo_store_find_person_by_a_number (AmparoStore  *self,
                                      const char   *a_number,
                                      GError      **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  if (!(canonical = amparo_a_number_normalize (a_number, error)))
    return NULL;
  return amparo_store_find_one (self, AMPARO_TYPE_PERSON, "?1 IS NOT NULL AND a_number = ?2 AND deleted_at IS NULL",
                   1, canonical);
}

/**
 * amparo_store_list_relatives:
 * @person: a saved person
 *
 * The person's family, each relationship seen from @person's side. Not
 * live: call again on #AmparoStore::record-changed of a relationship.
 *
 * Returns: (transfer full): a #GListModel of #AmparoRelative
 */
GListModel *
amparo_store_list_relatives (AmparoStore  *self,
                             AmparoPerson *person)
{
  GListStore *relatives = g_list_store_new (AMPARO_TYPE_RELATIVE);
  g_autofree char *sql = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  id = amparo_record_get_id (AMPARO_RECORD (person));
  sql = g_strdup_printf ("SELECT r.id, p.id, r.person_id = ?1 FROM relationships r"
                         " JOIN persons p ON p.id = (CASE WHEN r.person_id = ?1 THEN r.relative_id ELSE r.person_id END)"
                         " WHERE (r.person_id = ?1 OR r.relative_id = ?1) AND r.deleted_at IS NULL"
                         " ORDER BY p.family_names COLLATE NOCASE, p.given_names COLLATE NOCASE, r.id");
  if (!(stmt = amparo_store_prepare_stmt (self, sql, NULL)))
    return G_LIST_MODEL (relatives);
  amparo_db_bind_int64 (stmt, 1, id);

  while (amparo_db_step (stmt, NULL) == AMPARO_DB_ROW)
    {
      g_autoptr(AmparoRelationship) relationship = amparo_store_get_by_id (self, AMPARO_TYPE_RELATIONSHIP, amparo_db_column_int64 (stmt, 0), NULL);
      g_autoptr(AmparoPerson) other = amparo_store_get_by_id (self, AMPARO_TYPE_PERSON, amparo_db_column_int64 (stmt, 1), NULL);
      g_autoptr(AmparoRelative) relative = NULL;
      AmparoRelationshipKind kind;

      if (relationship == NULL || other == NULL)
        continue;
      kind = amparo_relationship_get_kind (relationship);
      if (amparo_db_column_int64 (stmt, 2) == 0)
        kind = amparo_relationship_kind_inverse (kind);
      relative = amparo_relative_new (relationship, other, kind);
      g_list_store_append (relatives, relative);
    }
  return G_LIST_MODEL (relatives);
}

/**
 * amparo_store_list_contacts:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoContact
 */
GListModel *
amparo_store_list_contacts (AmparoStore  *self,
                            AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_CONTACT, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "kind");
}

/**
 * amparo_store_list_locations:
 *
 * Where the person is and was, newest first (by `since`).
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoLocation
 */
GListModel *
amparo_store_list_locations (AmparoStore  *self,
                             AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_LOCATION, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "since DESC");
}

/**
 * amparo_store_get_current_location:
 *
 * Returns: (transfer full) (nullable): the newest location without an
 *   end date, else the newest one, else %NULL
 */
AmparoLocation *
amparo_store_get_current_location (AmparoStore  *self,
                                   AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  return amparo_store_find_one (self, AMPARO_TYPE_LOCATION,
                   "person_id = ? AND deleted_at IS NULL"
                   " ORDER BY (until IS NULL) DESC, since DESC, id DESC",
                   amparo_record_get_id (AMPARO_RECORD (person)), NULL);
}

/**
 * amparo_store_list_proceedings:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoProceeding
 */
GListModel *
amparo_store_list_proceedings (AmparoStore  *self,
                               AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_PROCEEDING, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "opened_on DESC");
}

/**
 * amparo_store_list_events:
 *
 * All the person's events (done ones too, benefit ends included), by date.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoEvent
 */
GListModel *
amparo_store_list_events (AmparoStore  *self,
                          AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_EVENT, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "starts_at");
}

/**
 * amparo_store_list_memberships:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoMembership
 */
GListModel *
amparo_store_list_memberships (AmparoStore  *self,
                               AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_MEMBERSHIP, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), NULL);
}

/**
 * amparo_store_list_benefits:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoBenefit
 */
GListModel *
amparo_store_list_benefits (AmparoStore      *self,
                            AmparoMembership *membership)
{
  g_return_val_if_fail (AMPARO_IS_MEMBERSHIP (membership), NULL);
  return list_for (self, AMPARO_TYPE_BENEFIT, "membership_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (membership)), "ends_on");
}

/**
 * amparo_store_list_evidence:
 *
 * The relationship's verification log, oldest first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoEvidence
 */
GListModel *
amparo_store_list_evidence (AmparoStore        *self,
                            AmparoRelationship *relationship)
{
  g_return_val_if_fail (AMPARO_IS_RELATIONSHIP (relationship), NULL);
  return list_for (self, AMPARO_TYPE_EVIDENCE, "relationship_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (relationship)), "verified_on");
}

/**
 * amparo_store_list_release_demands:
 *
 * The demands a release states, in its numbering.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoDemand
 */
GListModel *
amparo_store_list_release_demands (AmparoStore   *self,
                                   AmparoRelease *release)
{
  g_return_val_if_fail (AMPARO_IS_RELEASE (release), NULL);
  return list_watching (self, AMPARO_TYPE_DEMAND, AMPARO_TYPE_RELEASE_DEMAND,
                   "deleted_at IS NULL AND id IN (SELECT demand_id FROM release_demands"
                   " WHERE release_id = ?1 AND deleted_at IS NULL)",
                   amparo_record_get_id (AMPARO_RECORD (release)),
                   "(SELECT min(number) FROM release_demands rd WHERE rd.demand_id = demands.id"
                   " AND rd.release_id = ?1 AND rd.deleted_at IS NULL)");
}

/**
 * amparo_store_set_release_demands:
 * @demands: (array length=n_demands): saved demands, in order
 *
 * Makes @demands the release's numbered list (1, 2, 3…), keeping rows
 * that did not change and moving dropped ones to the Trash.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed
 */
gboolean
amparo_store_set_release_demands (AmparoStore   *self,
                                  AmparoRelease *release,
                                  AmparoDemand **demands,
                                  guint          n_demands,
                                  GError       **error)
{
  g_autoptr(GListModel) current = NULL;
  gint64 release_id;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RELEASE (release), FALSE);

  release_id = amparo_record_get_id (AMPARO_RECORD (release));
  if (!amparo_store_begin (self, error))
    return FALSE;

  current = list_for (self, AMPARO_TYPE_RELEASE_DEMAND, "release_id = ? AND deleted_at IS NULL",
                      release_id, "number");
  for (guint i = 0; i < g_list_model_get_n_items (current); i++)
    {
      g_autoptr(AmparoRecord) row = g_list_model_get_item (current, i);

      if (!amparo_store_set_deleted (self, row, TRUE, error))
        goto failed;
    }
  for (guint i = 0; i < n_demands; i++)
    {
      g_autoptr(AmparoReleaseDemand) row = amparo_release_demand_new ();

      amparo_release_demand_set_release_id (row, release_id);
      amparo_release_demand_set_demand_id (row, amparo_record_get_id (AMPARO_RECORD (demands[i])));
      amparo_release_demand_set_number (row, i + 1);
      if (!amparo_store_save_in_transaction (self, AMPARO_RECORD (row), error))
        goto failed;
    }
  amparo_store_queue_changed (self, AMPARO_RECORD (release));
  return amparo_store_commit (self, error);

failed:
  amparo_store_rollback (self);
  return FALSE;
}

/**
 * amparo_store_list_demand_updates:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoDemandUpdate,
 *   newest first
 */
GListModel *
amparo_store_list_demand_updates (AmparoStore  *self,
                                  AmparoDemand *demand)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND (demand), NULL);
  return list_for (self, AMPARO_TYPE_DEMAND_UPDATE, "demand_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (demand)), "update_date DESC");
}

/**
 * amparo_store_list_demand_releases:
 *
 * The releases that state a demand, newest first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoRelease
 */
GListModel *
amparo_store_list_demand_releases (AmparoStore  *self,
                                   AmparoDemand *demand)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND (demand), NULL);
  return list_watching (self, AMPARO_TYPE_RELEASE, AMPARO_TYPE_RELEASE_DEMAND,
                   "deleted_at IS NULL AND id IN (SELECT release_id FROM release_demands"
                   " WHERE demand_id = ? AND deleted_at IS NULL)",
                   amparo_record_get_id (AMPARO_RECORD (demand)), "release_date DESC");
}

/**
 * amparo_store_get_organization:
 *
 * Returns: (transfer full): the organization, or a new unsaved one when
 *   none was saved yet; %NULL only on a read error
 */
AmparoOrganization *
amparo_store_get_organization (AmparoStore  *self,
                               GError      **error)
{
  AmparoOrganization *organization;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  organization = amparo_store_find_one (self, AMPARO_TYPE_ORGANIZATION, "?1 = ?1 AND deleted_at IS NULL ORDER BY id",
                           0, NULL);
  if (organization == NULL)
    organization = amparo_organization_new ();
  return organization;
}

/**
 * amparo_store_list_history:
 *
 * The journal of one record, newest first: every change, view, export
 * and publication. It refreshes itself when a record of the same kind is
 * saved; views and exports show at the next refresh.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoJournalEntry
 */
GListModel *
amparo_store_list_history (AmparoStore  *self,
                           AmparoRecord *record)
{
  const char *params[] = { NULL, NULL };
  const char *order_by[] = { "id DESC", NULL };
  GListModel *model;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), NULL);

  params[0] = amparo_record_get_uid (record) ? amparo_record_get_uid (record) : "";
  model = new_list (self, AMPARO_TYPE_JOURNAL_ENTRY, "record_uid = ?", params, order_by);
  watch_list (model, G_OBJECT_TYPE (record));
  return model;
}

/**
 * amparo_store_list_client_history:
 * @person: a saved person
 *
 * The whole client record's journal, newest first: the person's own rows
 * plus those of their contacts, locations, family links (either side),
 * proceedings, events, memberships, the evidence of their family links
 * and the benefits of their memberships, so a moved location or a new
 * piece of evidence shows in the client's history.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoJournalEntry
 */
GListModel *
amparo_store_list_client_history (AmparoStore  *self,
                                  AmparoPerson *person)
{
  g_autofree char *id = NULL;
  const char *params[] = { NULL, NULL, NULL };
  const char *order_by[] = { "id DESC", NULL };
  GListModel *model;
  const GType parts[] = {
    AMPARO_TYPE_PERSON, AMPARO_TYPE_CONTACT, AMPARO_TYPE_LOCATION, AMPARO_TYPE_RELATIONSHIP,
    AMPARO_TYPE_PROCEEDING, AMPARO_TYPE_EVENT, AMPARO_TYPE_MEMBERSHIP,
    AMPARO_TYPE_EVIDENCE, AMPARO_TYPE_BENEFIT,
  };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_record_get_id (AMPARO_RECORD (person)));
  params[0] = amparo_record_get_uid (AMPARO_RECORD (person)) ? amparo_record_get_uid (AMPARO_RECORD (person)) : "";
  params[1] = id;
  model = new_list (self, AMPARO_TYPE_JOURNAL_ENTRY,
                                  "record_uid = ?1 OR record_uid IN ("
                                  " SELECT uid FROM contacts WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM locations WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM relationships WHERE person_id = ?2 OR relative_id = ?2"
                                  " UNION ALL SELECT uid FROM proceedings WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM events WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM memberships WHERE person_id = ?2"
                                  " UNION ALL SELECT e.uid FROM relationship_evidence e JOIN relationships r ON r.id = e.relationship_id"
                                  "   WHERE r.person_id = ?2 OR r.relative_id = ?2"
                                  " UNION ALL SELECT b.uid FROM benefits b JOIN memberships m ON m.id = b.membership_id"
                                  "   WHERE m.person_id = ?2)",
                                  params, order_by);
  /* Journal rows announce nothing themselves; the records they are about do. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    watch_list (model, parts[i]);
  return model;
}

/**
 * amparo_store_list_field_history:
 * @property: a property name, e.g. `"a-number"`
 *
 * Every earlier value of one field, oldest first, with who changed it.
 *
 * Returns: (transfer full): a #GListModel of #AmparoFieldChange
 */
GListModel *
amparo_store_list_field_history (AmparoStore  *self,
                                 AmparoRecord *record,
                                 const char   *property)
{
  GListStore *changes = g_list_store_new (AMPARO_TYPE_FIELD_CHANGE);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_JOURNAL_ACTION);
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *column = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), NULL);

  /* roles (#17) */
  if (!amparo_store_may (self, AMPARO_TYPE_JOURNAL_ENTRY, AMPARO_ACCESS_READ))
    return G_LIST_MODEL (changes);
  column = amparo_property_to_column (property);
  /* The journal's changes are JSON text on both engines; each reads it
   * with its own functions. */
  if (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG)
    {
      path = g_strdup (column);
      stmt = amparo_store_prepare_stmt (self,
                                        "SELECT created_at, actor, host, action,"
                                        " changes::jsonb -> ?2::text ->> 'old', changes::jsonb -> ?2::text ->> 'new'"
                                        " FROM journal WHERE record_uid = ?1 AND changes IS NOT NULL"
                                        " AND jsonb_exists (changes::jsonb, ?2::text) ORDER BY id", NULL);
    }
  else
    {
      path = g_strdup_printf ("$.\"%s\"", column);
      stmt = amparo_store_prepare_stmt (self,
                                        "SELECT created_at, actor, host, action,"
                                        " json_extract(changes, ?2 || '.old'), json_extract(changes, ?2 || '.new')"
                                        " FROM journal WHERE record_uid = ?1 AND changes IS NOT NULL"
                                        " AND json_type(changes, ?2) IS NOT NULL ORDER BY id", NULL);
    }
  if (stmt == NULL)
    return G_LIST_MODEL (changes);
  amparo_db_bind_text (stmt, 1, amparo_record_get_uid (record));
  amparo_db_bind_text (stmt, 2, path);

  while (amparo_db_step (stmt, NULL) == AMPARO_DB_ROW)
    {
      GEnumValue *action = g_enum_get_value_by_nick (enum_class, amparo_db_column_text (stmt, 3));
      g_autoptr(AmparoFieldChange) change = NULL;

      change = amparo_field_change_new (amparo_db_column_text (stmt, 0),
                                        amparo_db_column_text (stmt, 1),
                                        amparo_db_column_text (stmt, 2),
                                        action ? action->value : AMPARO_JOURNAL_ACTION_UPDATE,
                                        amparo_db_column_text (stmt, 4),
                                        amparo_db_column_text (stmt, 5));
      g_list_store_append (changes, change);
    }
  return G_LIST_MODEL (changes);
}

/**
 * amparo_store_list_journal:
 *
 * The whole journal, newest first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoJournalEntry
 */
GListModel *
amparo_store_list_journal (AmparoStore *self)
{
  const char *order_by[] = { "id DESC", NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  return new_list (self, AMPARO_TYPE_JOURNAL_ENTRY, NULL, NULL, order_by);
}
