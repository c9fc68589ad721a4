/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-press"

#include "config.h"

#include "amparo-press-util.h"

/* What the Press page and the release editor share. The numbered demands
 * of a release being edited travel with the edited release object (as
 * object data), so the window state that keeps the object across a
 * language switch keeps the unsaved list too, new demands written inline
 * included. */

#define DEMANDS_KEY    "amparo-press-demands"
#define CHANGED_KEY    "amparo-press-demands-changed"
#define CORRECTING_KEY "amparo-press-correcting"

static const char * const edited_properties[] = {
  "title-en", "title-es", "body-en", "body-es", "dateline", "dateline-es", "release-date",
  "embargo-until", "embargo-timezone", "status", "media-contact", "litigation-id",
};

gboolean
amparo_press_is_blank (const char *text)
{
  return text == NULL || text[strspn (text, " \t\n")] == '\0';
}

/**
 * amparo_press_get_demands:
 *
 * Returns: (transfer none): the #AmparoDemand list the release states,
 *   read from @store the first time and kept with @release after that
 */
GListStore *
amparo_press_get_demands (AmparoStore   *store,
                          AmparoRelease *release)
{
  GListStore *demands = g_object_get_data (G_OBJECT (release), DEMANDS_KEY);
  g_autoptr(GListModel) stored = NULL;

  if (demands != NULL)
    return demands;
  demands = g_list_store_new (AMPARO_TYPE_DEMAND);
  if (store != NULL && amparo_record_get_id (AMPARO_RECORD (release)) != 0)
    {
      stored = amparo_store_list_release_demands (store, release);
      for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
        {
          g_autoptr(AmparoDemand) demand = g_list_model_get_item (stored, i);

          g_list_store_append (demands, demand);
        }
    }
  g_object_set_data_full (G_OBJECT (release), DEMANDS_KEY, demands, g_object_unref);
  return demands;
}

gboolean
amparo_press_demands_changed (AmparoRelease *release)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (release), CHANGED_KEY));
}

void
amparo_press_set_demands_changed (AmparoRelease *release,
                                  gboolean       changed)
{
  g_object_set_data (G_OBJECT (release), CHANGED_KEY, GINT_TO_POINTER (changed));
}

gboolean
amparo_press_is_correcting (AmparoRelease *release)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (release), CORRECTING_KEY));
}

void
amparo_press_set_correcting (AmparoRelease *release,
                             gboolean       correcting)
{
  g_object_set_data (G_OBJECT (release), CORRECTING_KEY, GINT_TO_POINTER (correcting));
}

static gboolean
values_differ (AmparoRecord *a,
               AmparoRecord *b,
               const char   *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), name);
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;
  const char *sa, *sb;

  g_value_init (&va, pspec->value_type);
  g_value_init (&vb, pspec->value_type);
  g_object_get_property (G_OBJECT (a), name, &va);
  g_object_get_property (G_OBJECT (b), name, &vb);
  if (pspec->value_type != G_TYPE_STRING)
    return g_param_values_cmp (pspec, &va, &vb) != 0;
  sa = g_value_get_string (&va);
  sb = g_value_get_string (&vb);
  if (amparo_press_is_blank (sa) && amparo_press_is_blank (sb))
    return FALSE;
  return g_strcmp0 (sa, sb) != 0;
}

/**
 * amparo_press_releases_differ:
 *
 * Returns: %TRUE when a person changed anything in @a compared with @b,
 *   its numbered demands included
 */
gboolean
amparo_press_releases_differ (AmparoRelease *a,
                              AmparoRelease *b)
{
  if (amparo_press_demands_changed (a))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (edited_properties); i++)
    if (values_differ (AMPARO_RECORD (a), AMPARO_RECORD (b), edited_properties[i]))
      return TRUE;
  return FALSE;
}

/**
 * amparo_press_save_release:
 *
 * Saves @release, the demands written inline for it, and its numbered
 * list, in one transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing saved
 */
gboolean
amparo_press_save_release (AmparoStore   *store,
                           AmparoRelease *release,
                           GError       **error)
{
  GListStore *demands = amparo_press_get_demands (store, release);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (demands));
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (!amparo_store_begin (store, error))
    return FALSE;
  if (!amparo_store_save (store, AMPARO_RECORD (release), error))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      AmparoDemand *demand = g_list_model_get_item (G_LIST_MODEL (demands), i);

      g_ptr_array_add (array, demand);
      if (amparo_record_get_id (AMPARO_RECORD (demand)) == 0)
        {
          if (amparo_press_is_blank (amparo_demand_get_first_stated (demand)))
            amparo_demand_set_first_stated (demand, amparo_release_get_release_date (release));
          if (!amparo_store_save (store, AMPARO_RECORD (demand), error))
            goto fail;
        }
    }
  if (amparo_press_demands_changed (release)
      && !amparo_store_set_release_demands (store, release, (AmparoDemand **) array->pdata,
                                            array->len, error))
    goto fail;
  if (!amparo_store_commit (store, error))
    goto fail;
  amparo_press_set_demands_changed (release, FALSE);
  return TRUE;

fail:
  amparo_store_rollback (store);
  return FALSE;
}

/**
 * amparo_press_title:
 * @language: "en" or "es"
 *
 * Returns: the title in @language, or %NULL when it is not written
 */
const char *
amparo_press_title (AmparoRelease *release,
                    const char    *language)
{
  const char *title = g_strcmp0 (language, "es") == 0 ? amparo_release_get_title_es (release)
                                                      : amparo_release_get_title_en (release);

  return amparo_press_is_blank (title) ? NULL : title;
}
