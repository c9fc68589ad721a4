/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demands-util.h"

#include <glib/gi18n.h>

#include "amparo-bind.h"
#include "amparo-date-format.h"
#include "amparo-language.h"
#include "amparo-query-model.h"

/* The properties a person edits on a demand's page; the status changes
 * only through dated updates, so it is not an unsaved edit. */
static const char * const edited_properties[] = {
  "title-en", "title-es", "text-en", "text-es", "target", "target-detail",
  "first-stated", "notes",
};

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
strings_differ (const char *a,
                const char *b)
{
  if (is_empty (a) && is_empty (b))
    return FALSE;
  return g_strcmp0 (a, b) != 0;
}

static void
replace_string (char       **place,
                const char  *value)
{
  g_free (*place);
  *place = g_strdup (value);
}

/**
 * amparo_demands_get_text:
 * @language: "en" or "es"
 * @missing: (out) (optional): set to %TRUE when @demand has no wording in
 *   @language and the other language's is returned instead
 *
 * Returns: (transfer none): the demand's text to show, never %NULL
 */
const char *
amparo_demands_get_text (AmparoDemand *demand,
                         const char   *language,
                         gboolean     *missing)
{
  gboolean spanish = g_strcmp0 (language, "es") == 0;
  const char *wanted = spanish ? amparo_demand_get_text_es (demand)
                               : amparo_demand_get_text_en (demand);
  const char *other = spanish ? amparo_demand_get_text_en (demand)
                              : amparo_demand_get_text_es (demand);

  if (missing != NULL)
    *missing = is_empty (wanted);
  if (!is_empty (wanted))
    return wanted;
  return is_empty (other) ? "" : other;
}

/**
 * amparo_demands_get_release_title:
 *
 * Returns: (transfer none): the release's title in @language, else the
 *   other one, never %NULL
 */
const char *
amparo_demands_get_release_title (AmparoRelease *release,
                                  const char    *language)
{
  const char *en = amparo_release_get_title_en (release);
  const char *es = amparo_release_get_title_es (release);

  if (g_strcmp0 (language, "es") == 0 && !is_empty (es))
    return es;
  if (!is_empty (en))
    return en;
  return is_empty (es) ? "" : es;
}

/**
 * amparo_demands_status_style_class:
 *
 * Returns: (nullable): the badge colour of @status in style.css; a
 *   withdrawn demand gets none
 */
const char *
amparo_demands_status_style_class (AmparoDemandStatus status)
{
  switch (status)
    {
    case AMPARO_DEMAND_STATUS_OPEN:
      return "warning";
    case AMPARO_DEMAND_STATUS_PARTIALLY_MET:
      return "accent";
    case AMPARO_DEMAND_STATUS_MET:
      return "success";
    case AMPARO_DEMAND_STATUS_REJECTED:
      return "error";
    case AMPARO_DEMAND_STATUS_WITHDRAWN:
    default:
      return NULL;
    }
}

/**
 * amparo_demands_style_badge:
 * @badge: a #GtkLabel with the `badge` style class
 *
 * Shows @status's label in its colour.
 */
void
amparo_demands_style_badge (GtkWidget          *badge,
                            AmparoDemandStatus  status)
{
  static const char * const colours[] = { "warning", "accent", "success", "error" };
  const char *colour = amparo_demands_status_style_class (status);

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    gtk_widget_remove_css_class (badge, colours[i]);
  if (colour != NULL)
    gtk_widget_add_css_class (badge, colour);
  gtk_label_set_text (GTK_LABEL (badge),
                      amparo_enum_get_label (AMPARO_TYPE_DEMAND_STATUS, status));
}

/**
 * amparo_demands_count_statements:
 * @first_date: (out) (optional) (transfer full): the earliest release date
 * @latest_date: (out) (optional) (transfer full): the latest release date
 *
 * Walks the releases that state @demand (a handful, newest first).
 *
 * Returns: how many releases state @demand
 */
guint
amparo_demands_count_statements (AmparoStore   *store,
                                 AmparoDemand  *demand,
                                 char         **first_date,
                                 char         **latest_date)
{
  g_autoptr(GListModel) releases = NULL;
  g_autofree char *first = NULL;
  g_autofree char *latest = NULL;
  guint n;

  if (amparo_record_get_id (AMPARO_RECORD (demand)) == 0)
    n = 0;
  else
    {
      releases = amparo_store_list_demand_releases (store, demand);
      n = g_list_model_get_n_items (releases);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRelease) release = g_list_model_get_item (releases, i);
      const char *date = amparo_release_get_release_date (release);

      if (is_empty (date))
        continue;
      if (first == NULL || g_strcmp0 (date, first) < 0)
        replace_string (&first, date);
      if (latest == NULL || g_strcmp0 (date, latest) > 0)
        replace_string (&latest, date);
    }

  /* A demand typed in before any release was linked keeps its own date. */
  if (first == NULL && !is_empty (amparo_demand_get_first_stated (demand)))
    {
      first = g_strdup (amparo_demand_get_first_stated (demand));
      latest = g_strdup (first);
    }

  if (first_date != NULL)
    *first_date = g_steal_pointer (&first);
  if (latest_date != NULL)
    *latest_date = g_steal_pointer (&latest);
  return n;
}

/**
 * amparo_demands_list_release_links:
 *
 * Returns: (transfer full): a #GListModel of the #AmparoReleaseDemand
 *   rows that tie @demand to releases
 */
GListModel *
amparo_demands_list_release_links (AmparoStore  *store,
                                   AmparoDemand *demand)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         amparo_record_get_id (AMPARO_RECORD (demand)));
  const char * const params[] = { id, NULL };
  const char * const order_by[] = { "release_id", "number", NULL };

  return G_LIST_MODEL (amparo_query_model_new (store, AMPARO_TYPE_RELEASE_DEMAND,
                                               "demand_id = ? AND deleted_at IS NULL",
                                               params, order_by));
}

/**
 * amparo_demands_get_number_in_release:
 *
 * Returns: the number @release gives @demand in its list, or 0
 */
int
amparo_demands_get_number_in_release (AmparoStore   *store,
                                      AmparoRelease *release,
                                      AmparoDemand  *demand)
{
  g_autoptr(GListModel) links = amparo_demands_list_release_links (store, demand);
  gint64 release_id = amparo_record_get_id (AMPARO_RECORD (release));
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoReleaseDemand) link = g_list_model_get_item (links, i);

      if (amparo_release_demand_get_release_id (link) == release_id)
        return amparo_release_demand_get_number (link);
    }
  return 0;
}

/**
 * amparo_demands_format_date:
 *
 * Returns: (transfer full): @iso_date in the UI language, e.g.
 *   "Feb 3, 2021" or "3 feb 2021"; "" for no date
 */
char *
amparo_demands_format_date (const char *iso_date)
{
  if (is_empty (iso_date))
    return g_strdup ("");
  return amparo_date_format_iso (iso_date, amparo_language_get (), AMPARO_DATE_MEDIUM);
}

/**
 * amparo_demands_differ:
 *
 * Returns: %TRUE when a person changed anything in @a compared with @b
 */
gboolean
amparo_demands_differ (AmparoDemand *a,
                       AmparoDemand *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (edited_properties); i++)
    {
      const char *name = edited_properties[i];

      if (g_str_equal (name, "target"))
        {
          if (amparo_demand_get_target (a) != amparo_demand_get_target (b))
            return TRUE;
        }
      else if (strings_differ (amparo_record_get_string (AMPARO_RECORD (a), name),
                               amparo_record_get_string (AMPARO_RECORD (b), name)))
        return TRUE;
    }
  return FALSE;
}

/**
 * amparo_demands_add_update:
 * @demand: a saved demand; its status is set too, so an open editor
 *   shows it and a later save keeps it
 * @update: (transfer none): the new update, not yet saved
 *
 * Saves @update for @demand and gives the demand the status of its newest
 * update (an update dated before the latest one goes into the timeline
 * without changing the status).
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed
 */
gboolean
amparo_demands_add_update (AmparoStore         *store,
                           AmparoDemand        *demand,
                           AmparoDemandUpdate  *update,
                           GError             **error)
{
  gint64 id = amparo_record_get_id (AMPARO_RECORD (demand));
  g_autoptr(AmparoDemand) stored = NULL;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(AmparoDemandUpdate) newest = NULL;

  if (!amparo_store_begin (store, error))
    return FALSE;

  amparo_demand_update_set_demand_id (update, id);
  if (!amparo_store_save (store, AMPARO_RECORD (update), error))
    goto failed;

  stored = amparo_store_get_by_id (store, AMPARO_TYPE_DEMAND, id, error);
  if (stored == NULL)
    goto failed;
  updates = amparo_store_list_demand_updates (store, stored);
  newest = g_list_model_get_item (updates, 0);
  if (newest == NULL)
    newest = g_object_ref (update);
  amparo_demand_set_status (stored, amparo_demand_update_get_status (newest));
  if (!amparo_store_save (store, AMPARO_RECORD (stored), error))
    goto failed;
  if (!amparo_store_commit (store, error))
    return FALSE;

  amparo_demand_set_status (demand, amparo_demand_get_status (stored));
  return TRUE;

failed:
  amparo_store_rollback (store);
  return FALSE;
}

/**
 * amparo_demands_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest toast overlay above @widget, if any.
 */
void
amparo_demands_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * amparo_demands_bind_text:
 *
 * Binds a record's string property both ways to a widget's text property,
 * turning the record's %NULL (empty) into "" for the widget.
 *
 * Returns: (transfer none): the binding
 */
GBinding *
amparo_demands_bind_text (gpointer    record,
                          const char *property,
                          gpointer    target,
                          const char *target_property)
{
  return amparo_bind_text (record, property, target, target_property);
}

/**
 * amparo_demands_bind_enum:
 *
 * Binds a record's enum property both ways to a combo row filled by
 * amparo_demands_setup_combo() (position = enum value).
 *
 * Returns: (transfer none): the binding
 */
GBinding *
amparo_demands_bind_enum (gpointer     record,
                          const char  *property,
                          AdwComboRow *row)
{
  return amparo_bind_enum (record, property, row);
}

/**
 * amparo_demands_setup_combo:
 *
 * Fills @row with the translated labels of @enum_type's values, in order.
 */
void
amparo_demands_setup_combo (AdwComboRow *row,
                            GType        enum_type)
{
  amparo_combo_row_set_enum (row, enum_type);
}
