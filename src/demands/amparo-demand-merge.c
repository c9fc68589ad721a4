/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demand-merge.h"

#include <glib/gi18n.h>

#include "amparo-demands-util.h"

/* Merging two demands that are the same ask worded differently. Nothing
 * is lost: the survivor keeps its own wording and gets the other's in its
 * notes (both languages, with the other's title, target and notes), every
 * release link and status update moves to the survivor, and the other
 * demand goes to the Trash with its text intact. The journal records the
 * moves (each save) and the merge itself. Undo puts everything back. */

struct _AmparoDemandMerge
{
  AmparoStore  *store;
  AmparoDemand *survivor;
  AmparoDemand *other;
  char         *old_notes;
  char         *old_first_stated;
  GPtrArray    *moved;
};

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (has_text (value))
    g_string_append_printf (out, "\n%s: %s", label, value);
}

static GPtrArray *
collect_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static gboolean
move_records (AmparoStore  *store,
              GPtrArray    *records,
              gint64        demand_id,
              GError      **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      AmparoRecord *record = g_ptr_array_index (records, i);

      amparo_record_set_int64 (record, "demand-id", demand_id);
      if (!amparo_store_save (store, record, error))
        return FALSE;
    }
  return TRUE;
}

static void
merge_into_survivor (AmparoDemandMerge *self)
{
  g_autofree char *wording = amparo_demand_merge_describe_wording (self->other, self->survivor);
  const char *other_first = amparo_demand_get_first_stated (self->other);
  g_autofree char *notes = NULL;

  if (has_text (self->old_notes))
    notes = g_strconcat (self->old_notes, "\n\n", wording, NULL);
  else
    notes = g_strdup (wording);
  amparo_demand_set_notes (self->survivor, notes);

  if (has_text (other_first)
      && (!has_text (self->old_first_stated) || g_strcmp0 (other_first, self->old_first_stated) < 0))
    amparo_demand_set_first_stated (self->survivor, other_first);
}

static gboolean
run_in_transaction (AmparoDemandMerge  *self,
                    GError            **error)
{
  gint64 survivor_id = amparo_record_get_id (AMPARO_RECORD (self->survivor));
  g_autoptr(GListModel) links = amparo_demands_list_release_links (self->store, self->other);
  g_autoptr(GListModel) updates = amparo_store_list_demand_updates (self->store, self->other);
  g_autoptr(GPtrArray) link_items = collect_items (links);
  g_autoptr(GPtrArray) update_items = collect_items (updates);
  g_autofree char *details = NULL;

  if (!move_records (self->store, link_items, survivor_id, error)
      || !move_records (self->store, update_items, survivor_id, error))
    return FALSE;
  g_ptr_array_extend_and_steal (self->moved, g_steal_pointer (&link_items));
  g_ptr_array_extend_and_steal (self->moved, g_steal_pointer (&update_items));

  merge_into_survivor (self);
  if (!amparo_store_save (self->store, AMPARO_RECORD (self->survivor), error)
      || !amparo_store_delete (self->store, AMPARO_RECORD (self->other), error))
    return FALSE;

  details = g_strdup_printf ("merged demand %s into %s",
                             amparo_record_get_uid (AMPARO_RECORD (self->other)),
                             amparo_record_get_uid (AMPARO_RECORD (self->survivor)));
  return amparo_store_log_action (self->store, AMPARO_JOURNAL_ACTION_UPDATE,
                                  AMPARO_RECORD (self->survivor), details, error);
}

/**
 * amparo_demand_merge_run:
 * @survivor: the demand that stays
 * @other: the same ask worded differently; goes to the Trash
 *
 * Returns: (transfer full) (nullable): what changed, for
 *   amparo_demand_merge_undo(); %NULL with @error set and nothing changed
 */
AmparoDemandMerge *
amparo_demand_merge_run (AmparoStore   *store,
                         AmparoDemand  *survivor,
                         AmparoDemand  *other,
                         GError       **error)
{
  g_autoptr(AmparoDemandMerge) self = NULL;
  gint64 survivor_id = amparo_record_get_id (AMPARO_RECORD (survivor));
  gint64 other_id = amparo_record_get_id (AMPARO_RECORD (other));

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (survivor_id != 0 && other_id != 0, NULL);
  g_return_val_if_fail (survivor_id != other_id, NULL);

  self = g_new0 (AmparoDemandMerge, 1);
  self->store = g_object_ref (store);
  self->moved = g_ptr_array_new_with_free_func (g_object_unref);
  /* Fresh copies: the caller's objects may carry unsaved edits. */
  self->survivor = amparo_store_get_by_id (store, AMPARO_TYPE_DEMAND, survivor_id, error);
  if (self->survivor == NULL)
    return NULL;
  self->other = amparo_store_get_by_id (store, AMPARO_TYPE_DEMAND, other_id, error);
  if (self->other == NULL)
    return NULL;
  self->old_notes = g_strdup (amparo_demand_get_notes (self->survivor));
  self->old_first_stated = g_strdup (amparo_demand_get_first_stated (self->survivor));

  if (!amparo_store_begin (store, error))
    return NULL;
  if (!run_in_transaction (self, error))
    {
      amparo_store_rollback (store);
      return NULL;
    }
  if (!amparo_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
undo_in_transaction (AmparoDemandMerge  *self,
                     GError            **error)
{
  gint64 other_id = amparo_record_get_id (AMPARO_RECORD (self->other));
  g_autoptr(AmparoDemand) survivor = NULL;

  if (!amparo_store_restore (self->store, AMPARO_RECORD (self->other), error)
      || !move_records (self->store, self->moved, other_id, error))
    return FALSE;

  survivor = amparo_store_get_by_id (self->store, AMPARO_TYPE_DEMAND,
                                     amparo_record_get_id (AMPARO_RECORD (self->survivor)),
                                     error);
  if (survivor == NULL)
    return FALSE;
  amparo_demand_set_notes (survivor, self->old_notes);
  amparo_demand_set_first_stated (survivor, self->old_first_stated);
  return amparo_store_save (self->store, AMPARO_RECORD (survivor), error);
}

/**
 * amparo_demand_merge_undo:
 *
 * Puts back the other demand, its release links and updates, and the
 * survivor's notes.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed
 */
gboolean
amparo_demand_merge_undo (AmparoDemandMerge  *merge,
                          GError            **error)
{
  g_return_val_if_fail (merge != NULL, FALSE);

  if (!amparo_store_begin (merge->store, error))
    return FALSE;
  if (!undo_in_transaction (merge, error))
    {
      amparo_store_rollback (merge->store);
      return FALSE;
    }
  return amparo_store_commit (merge->store, error);
}

/**
 * amparo_demand_merge_get_survivor:
 *
 * Returns: (transfer none): the survivor as saved by the merge
 */
AmparoDemand *
amparo_demand_merge_get_survivor (AmparoDemandMerge *merge)
{
  return merge->survivor;
}

void
amparo_demand_merge_free (AmparoDemandMerge *merge)
{
  if (merge == NULL)
    return;
  g_clear_object (&merge->store);
  g_clear_object (&merge->survivor);
  g_clear_object (&merge->other);
  g_clear_pointer (&merge->old_notes, g_free);
  g_clear_pointer (&merge->old_first_stated, g_free);
  g_clear_pointer (&merge->moved, g_ptr_array_unref);
  g_free (merge);
}

/**
 * amparo_demand_merge_describe_wording:
 * @other: the demand merged away
 * @survivor: the demand it is merged into
 *
 * The paragraph kept in the survivor's notes, with everything of @other
 * a person wrote: both wordings, titles, a different target, its notes.
 *
 * Returns: (transfer full): the paragraph
 */
char *
amparo_demand_merge_describe_wording (AmparoDemand *other,
                                      AmparoDemand *survivor)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GString *out = g_string_new (NULL);

  /* Translators: heading of another wording of the same demand, kept in
   * the notes when two demands are merged; %s is a date (2026-11-22) */
  g_string_append_printf (out, _("Also worded as (merged %s):"), today);
  append_field (out, "EN", amparo_demand_get_text_en (other));
  append_field (out, "ES", amparo_demand_get_text_es (other));
  append_field (out, _("Title (English)"), amparo_demand_get_title_en (other));
  append_field (out, _("Title (Spanish)"), amparo_demand_get_title_es (other));
  if (amparo_demand_get_target (other) != amparo_demand_get_target (survivor))
    append_field (out, _("Addressed to"),
                  amparo_enum_get_label (AMPARO_TYPE_DEMAND_TARGET, amparo_demand_get_target (other)));
  append_field (out, _("Addressed to (detail)"), amparo_demand_get_target_detail (other));
  append_field (out, _("Notes"), amparo_demand_get_notes (other));
  return g_string_free (out, FALSE);
}
