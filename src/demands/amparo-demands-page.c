/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demands-page.h"

#include <glib/gi18n.h>

#include "amparo-demand-editor.h"
#include "amparo-demand-merge.h"
#include "amparo-demand-merge-dialog.h"
#include "amparo-demand-row.h"
#include "amparo-demand-update-dialog.h"
#include "amparo-demands-util.h"
#include "amparo-server-banner.h"  /* banner (#10) */

/* The Demands section: every demand on the left (filtered by status,
 * target and the header's search), the open demand's page on the right;
 * a narrow window folds them into one with a back button.
 *
 * The open demand is edited as a draft: a copy of the stored record that
 * the editor's widgets are bound to. Drafts live in the window state —
 * the open one under "demands:current", drafts of other demands left with
 * unsaved changes in the list "demands:drafts" — so switching records,
 * sections or the language never throws away what was typed. Opening a
 * release that stated a demand puts it under "press:open" in the window
 * state and shows the Press section. */

#define STATE_CURRENT "demands:current"
#define STATE_DRAFTS  "demands:drafts"
#define STATE_PRESS_OPEN "press:open"

struct _AmparoDemandsPage
{
  AmparoSectionPage   parent_instance;

  AmparoStore        *store;
  GListModel         *demands;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GListStore         *drafts;
  GHashTable         *bound_rows;
  AmparoDemand       *draft;
  AmparoDemand       *pristine;
  char               *search_text;
  gboolean            selecting;

  AdwLeaflet         *leaflet;
  GtkDropDown        *status_filter;
  GtkDropDown        *target_filter;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkStack           *detail_stack;
  GtkWidget          *unsaved_label;
  GtkWidget          *detail_toolbar;
  AmparoDemandEditor *editor;
  AdwToast           *toast;
};

G_DEFINE_FINAL_TYPE (AmparoDemandsPage, amparo_demands_page, AMPARO_TYPE_SECTION_PAGE)

typedef struct
{
  AmparoStore       *store;
  AmparoRecord      *record;
  AmparoDemandMerge *merge;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->record);
  g_clear_pointer (&undo->merge, amparo_demand_merge_free);
  g_free (undo);
}

static gint64
id_of (gpointer record)
{
  return record != NULL ? amparo_record_get_id (AMPARO_RECORD (record)) : 0;
}

static gboolean
is_dirty (AmparoDemandsPage *self)
{
  g_autoptr(AmparoDemand) empty = NULL;

  if (self->draft == NULL)
    return FALSE;
  if (self->pristine != NULL)
    return amparo_demands_differ (self->draft, self->pristine);
  empty = amparo_demand_new ();
  return amparo_demands_differ (self->draft, empty);
}

static AmparoDemand *find_by_id (GListModel *model,
                                 gint64      id,
                                 guint      *position);

static gboolean
has_edits (AmparoDemandsPage *self,
           AmparoDemand      *demand)
{
  g_autoptr(AmparoDemand) parked = NULL;

  if (self->draft != NULL && id_of (self->draft) == id_of (demand))
    return is_dirty (self);
  parked = find_by_id (G_LIST_MODEL (self->drafts), id_of (demand), NULL);
  return parked != NULL;
}

/* Rows on screen show which demands have unsaved edits waiting. */
static void
mark_edited_rows (AmparoDemandsPage *self)
{
  GHashTableIter iter;
  gpointer row, demand;

  if (self->bound_rows == NULL || self->drafts == NULL)
    return;
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, &demand))
    amparo_demand_row_set_edited (row, has_edits (self, demand));
}

static void
update_actions (AmparoDemandsPage *self)
{
  gboolean dirty = is_dirty (self);
  gboolean saved = id_of (self->draft) != 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_visible (self->unsaved_label, dirty);
  gtk_widget_set_visible (self->detail_toolbar, self->draft != NULL);
  gtk_widget_action_set_enabled (widget, "section.save", dirty);
  gtk_widget_action_set_enabled (widget, "section.delete", saved);
  gtk_widget_action_set_enabled (widget, "demands.add-update", saved);
  /* A merge rewrites the notes; unsaved notes would be overwritten. */
  gtk_widget_action_set_enabled (widget, "demands.merge", saved && !dirty);
  mark_edited_rows (self);
}

static AmparoDemand *
find_by_id (GListModel *model,
            gint64      id,
            guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoDemand) item = g_list_model_get_item (model, i);

      if (id_of (item) == id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&item);
        }
    }
  return NULL;
}

static void
park_draft (AmparoDemandsPage *self)
{
  guint position;
  g_autoptr(AmparoDemand) parked = NULL;

  if (self->draft == NULL)
    return;
  parked = find_by_id (G_LIST_MODEL (self->drafts), id_of (self->draft), &position);
  if (parked != NULL)
    g_list_store_remove (self->drafts, position);
  if (is_dirty (self))
    g_list_store_append (self->drafts, self->draft);
}

/* The open draft is never also in the parked list, so a draft whose
 * edits were undone by hand does not count as unsaved. */
static AmparoDemand *
take_parked (AmparoDemandsPage *self,
             gint64             id)
{
  guint position;
  AmparoDemand *parked = find_by_id (G_LIST_MODEL (self->drafts), id, &position);

  if (parked != NULL)
    g_list_store_remove (self->drafts, position);
  return parked;
}

static void
select_current (AmparoDemandsPage *self)
{
  guint position = GTK_INVALID_LIST_POSITION;
  g_autoptr(AmparoDemand) found = NULL;

  if (self->draft != NULL && id_of (self->draft) != 0)
    found = find_by_id (G_LIST_MODEL (self->filtered), id_of (self->draft), &position);

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
show_draft (AmparoDemandsPage *self,
            AmparoDemand      *draft,
            AmparoDemand      *pristine)
{
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  g_set_object (&self->pristine, pristine);
  if (draft != NULL)
    g_signal_connect_object (draft, "notify", G_CALLBACK (update_actions), self,
                             G_CONNECT_SWAPPED);

  amparo_demand_editor_set_demand (self->editor, draft);
  gtk_stack_set_visible_child_name (self->detail_stack, draft != NULL ? "editor" : "none");
  update_actions (self);
}

static void
open_record (AmparoDemandsPage *self,
             AmparoDemand      *demand)
{
  g_autoptr(AmparoDemand) parked = NULL;
  g_autoptr(AmparoRecord) pristine = NULL;
  g_autoptr(AmparoRecord) copy = NULL;

  if (self->draft != NULL && id_of (self->draft) == id_of (demand))
    return;

  park_draft (self);
  pristine = amparo_record_copy (AMPARO_RECORD (demand));
  parked = take_parked (self, id_of (demand));
  if (parked == NULL)
    copy = amparo_record_copy (AMPARO_RECORD (demand));
  show_draft (self, parked != NULL ? parked : AMPARO_DEMAND (copy), AMPARO_DEMAND (pristine));
}

static void
show_detail (AmparoDemandsPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/* A new toast replaces the page's previous one at once, so an Undo
 * never waits in the queue behind "Demand saved". */
static void
show_toast (AmparoDemandsPage *self,
            AdwToast          *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  amparo_demands_toast (GTK_WIDGET (self), toast);
}

static void
toast_error (AmparoDemandsPage *self,
             const GError      *error)
{
  show_toast (self, adw_toast_new (error->message));
}

static void
new_demand (AmparoDemandsPage *self)
{
  g_autoptr(AmparoDemand) parked = NULL;
  g_autoptr(AmparoDemand) demand = NULL;

  if (self->draft != NULL && id_of (self->draft) == 0)
    {
      amparo_demand_editor_focus_text (self->editor);
      return;
    }
  park_draft (self);
  /* A new demand left with text in it is picked up again. */
  parked = take_parked (self, 0);
  demand = parked != NULL ? g_object_ref (parked) : amparo_demand_new ();
  show_draft (self, demand, NULL);
  select_current (self);
  show_detail (self);
  amparo_demand_editor_focus_text (self->editor);
}

static void save_demand (AmparoDemandsPage *self);

/* banner (#10): the server is back; the open demand is saved. */
static void
save_when_back (GtkWidget *widget)
{
  save_demand (AMPARO_DEMANDS_PAGE (widget));
}

static void
save_demand (AmparoDemandsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoDemand) parked = NULL;
  g_autoptr(AmparoRecord) pristine = NULL;
  guint position;

  if (self->draft == NULL || self->store == NULL)
    return;

  /* Every problem at once, each under its field. */
  if (!amparo_demand_editor_check (self->editor, TRUE))
    return;
  parked = find_by_id (G_LIST_MODEL (self->drafts), id_of (self->draft), &position);
  if (!amparo_store_save (self->store, AMPARO_RECORD (self->draft), &error))
    {
      if (!amparo_server_banner_save_again_for (GTK_WIDGET (self), error, save_when_back))
        toast_error (self, error);
      return;
    }
  if (parked != NULL)
    g_list_store_remove (self->drafts, position);

  pristine = amparo_record_copy (AMPARO_RECORD (self->draft));
  g_set_object (&self->pristine, AMPARO_DEMAND (pristine));
  /* The editor lists releases and updates by id, which a new demand
   * only has now. */
  amparo_demand_editor_set_demand (self->editor, self->draft);
  update_actions (self);
  select_current (self);
  show_toast (self, adw_toast_new (C_("demand", "Demand saved")));
}

static void
on_undo_delete_cb (AdwToast *toast,
                   UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!amparo_store_restore (undo->store, undo->record, &error))
    g_warning ("Could not restore the demand: %s", error->message);
}

static void
delete_demand (AmparoDemandsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoDemand) stored = NULL;
  AdwToast *toast;
  UndoData *undo;

  if (id_of (self->draft) == 0)
    return;
  stored = amparo_store_get_by_id (self->store, AMPARO_TYPE_DEMAND, id_of (self->draft), &error);
  if (stored == NULL || !amparo_store_delete (self->store, AMPARO_RECORD (stored), &error))
    {
      toast_error (self, error);
      return;
    }

  /* An unsaved edit stays with the demand in the drafts, for Undo. */
  park_draft (self);
  show_draft (self, NULL, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");

  toast = adw_toast_new (C_("demand", "Demand moved to Trash"));
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (self->store);
  undo->record = AMPARO_RECORD (g_steal_pointer (&stored));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb),
                         undo, undo_data_free, 0);
  show_toast (self, toast);
}

static void
on_update_response_cb (AmparoDemandsPage        *self,
                       const char               *response,
                       AmparoDemandUpdateDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  AmparoDemandUpdate *update = amparo_demand_update_dialog_get_update (dialog);

  if (g_strcmp0 (response, "add") != 0 || self->draft == NULL)
    return;
  if (!amparo_demands_add_update (self->store, self->draft, update, &error))
    {
      toast_error (self, error);
      return;
    }
  if (self->pristine != NULL)
    amparo_demand_set_status (self->pristine, amparo_demand_get_status (self->draft));
  show_toast (self, adw_toast_new (C_("demand", "Update added")));
}

static void
add_update (AmparoDemandsPage *self)
{
  AmparoDemandUpdateDialog *dialog;

  if (id_of (self->draft) == 0)
    return;
  dialog = amparo_demand_update_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            self->draft);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_update_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_merge_cb (AdwToast *toast,
                  UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!amparo_demand_merge_undo (undo->merge, &error))
    g_warning ("Could not undo the merge: %s", error->message);
}

static void
finish_merge (AmparoDemandsPage *self,
              AmparoDemandMerge *merge)
{
  g_autoptr(AmparoRecord) draft = amparo_record_copy (AMPARO_RECORD (amparo_demand_merge_get_survivor (merge)));
  g_autoptr(AmparoRecord) pristine = amparo_record_copy (AMPARO_RECORD (draft));
  AdwToast *toast;
  UndoData *undo;

  show_draft (self, AMPARO_DEMAND (draft), AMPARO_DEMAND (pristine));
  select_current (self);

  toast = adw_toast_new (C_("demand", "Demands merged"));
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (UndoData, 1);
  undo->merge = merge;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_merge_cb),
                         undo, undo_data_free, 0);
  show_toast (self, toast);
}

static void
on_merge_response_cb (AmparoDemandsPage       *self,
                      const char              *response,
                      AmparoDemandMergeDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoDemand) other = NULL;
  AmparoDemandMerge *merge;

  if (g_strcmp0 (response, "merge") != 0 || self->draft == NULL)
    return;
  other = amparo_demand_merge_dialog_get_other (dialog);
  if (other == NULL)
    return;
  merge = amparo_demand_merge_run (self->store, self->draft, other, &error);
  if (merge == NULL)
    {
      toast_error (self, error);
      return;
    }
  finish_merge (self, merge);
}

static void
merge_demands (AmparoDemandsPage *self)
{
  AmparoDemandMergeDialog *dialog;

  if (id_of (self->draft) == 0 || is_dirty (self))
    return;
  dialog = amparo_demand_merge_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           self->store, self->draft);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
section_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmparoDemandsPage *self = AMPARO_DEMANDS_PAGE (widget);

  if (self->store == NULL)
    return;
  if (g_str_equal (action_name, "section.new"))
    new_demand (self);
  else if (g_str_equal (action_name, "section.save"))
    save_demand (self);
  else if (g_str_equal (action_name, "section.delete"))
    delete_demand (self);
  else if (g_str_equal (action_name, "demands.add-update"))
    add_update (self);
  else if (g_str_equal (action_name, "demands.merge"))
    merge_demands (self);
}

static gboolean
matches_search (AmparoDemandsPage *self,
                AmparoDemand      *demand)
{
  const char *fields[] = {
    amparo_demand_get_text_en (demand), amparo_demand_get_text_es (demand),
    amparo_demand_get_title_en (demand), amparo_demand_get_title_es (demand),
    amparo_demand_get_target_detail (demand), amparo_demand_get_notes (demand),
    amparo_enum_get_label (AMPARO_TYPE_DEMAND_TARGET, amparo_demand_get_target (demand)),
  };

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && g_str_match_string (self->search_text, fields[i], TRUE))
      return TRUE;
  return FALSE;
}

static gboolean
filter_demand (gpointer item,
               gpointer user_data)
{
  AmparoDemandsPage *self = user_data;
  AmparoDemand *demand = item;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint target = gtk_drop_down_get_selected (self->target_filter);

  /* Position 0 of each filter is "all"; then the enum values in order. */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION
      && (guint) amparo_demand_get_status (demand) != status - 1)
    return FALSE;
  if (target > 0 && target != GTK_INVALID_LIST_POSITION
      && (guint) amparo_demand_get_target (demand) != target - 1)
    return FALSE;
  return matches_search (self, demand);
}

static void
on_filter_changed_cb (AmparoDemandsPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filtered_items_changed_cb (AmparoDemandsPage *self)
{
  amparo_section_page_show_list_state (self->list_stack, G_LIST_MODEL (self->filtered),
                                       self->demands);
  /* The store's lists refresh as a whole; keep the open demand selected. */
  select_current (self);
}

static void
on_selected_item_cb (AmparoDemandsPage  *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  AmparoDemand *demand = gtk_single_selection_get_selected_item (selection);

  if (self->selecting || demand == NULL)
    return;
  open_record (self, demand);
  show_detail (self);
}

static void
on_list_activate_cb (AmparoDemandsPage *self,
                     guint              position)
{
  g_autoptr(AmparoDemand) demand = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (demand == NULL)
    return;
  open_record (self, demand);
  show_detail (self);
}

static void
on_release_activated_cb (AmparoDemandsPage *self,
                         AmparoRelease     *release)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));

  amparo_window_state_set_object (state, STATE_PRESS_OPEN, G_OBJECT (release));
  amparo_window_state_set_section (state, "press");
}

/* Another part of the app (an Undo, the release editor) changed the open
 * demand: follow it unless the person has unsaved edits of their own. */
/* A row's statement count and dates come from the releases that link it:
 * a link added or removed, or a release's date changed or trashed,
 * changes what rows on screen must say. Only bound rows exist, so
 * binding them again is a handful of lookups. */
static void
refresh_bound_rows (AmparoDemandsPage *self)
{
  GHashTableIter iter;
  gpointer row, demand;

  if (self->bound_rows == NULL)
    return;
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, &demand))
    amparo_demand_row_bind (row, self->store, demand);
  mark_edited_rows (self);
}

static void
on_record_changed_cb (AmparoDemandsPage *self,
                      AmparoRecord      *record)
{
  g_autoptr(AmparoDemand) stored = NULL;
  g_autoptr(AmparoRecord) draft = NULL;

  if (AMPARO_IS_RELEASE_DEMAND (record) || AMPARO_IS_RELEASE (record))
    {
      refresh_bound_rows (self);
      return;
    }

  if (!AMPARO_IS_DEMAND (record) || self->draft == NULL
      || id_of (record) != id_of (self->draft) || is_dirty (self))
    return;
  stored = amparo_store_get_by_id (self->store, AMPARO_TYPE_DEMAND, id_of (record), NULL);
  if (stored == NULL || amparo_record_is_deleted (AMPARO_RECORD (stored)))
    return;
  if (!amparo_demands_differ (stored, self->draft))
    {
      amparo_demand_set_status (self->draft, amparo_demand_get_status (stored));
      g_set_object (&self->pristine, stored);
      return;
    }
  draft = amparo_record_copy (AMPARO_RECORD (stored));
  show_draft (self, AMPARO_DEMAND (draft), stored);
}

static gboolean
has_unsaved_edits (AmparoDemandsPage *self)
{
  return is_dirty (self)
         || (self->drafts != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) > 0);
}

/* Saves the open draft and every draft left behind; stops at the first
 * the store refuses, and shows it, so nothing is dropped. */
static gboolean
save_all_drafts (AmparoDemandsPage *self)
{
  g_autoptr(GError) error = NULL;

  park_draft (self);
  while (g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) > 0)
    {
      g_autoptr(AmparoDemand) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), 0);

      if (!amparo_store_save (self->store, AMPARO_RECORD (draft), &error))
        {
          if (id_of (draft) != id_of (self->draft))
            show_draft (self, draft, NULL);
          toast_error (self, error);
          return FALSE;
        }
      g_list_store_remove (self->drafts, 0);
    }
  return TRUE;
}

static void
on_close_response_cb (AmparoDemandsPage *self,
                      const char        *response,
                      AdwMessageDialog  *dialog)
{
  if (g_str_equal (response, "save") && !save_all_drafts (self))
    return;
  if (!g_str_equal (response, "save") && !g_str_equal (response, "discard"))
    return;
  /* The question must go away before the window it belongs to. */
  amparo_section_page_close_window (AMPARO_SECTION_PAGE (self));
}

/* Closing the window must not throw unsaved typing away either. */
static gboolean
amparo_demands_page_close_request (AmparoSectionPage *page)
{
  AmparoDemandsPage *self = AMPARO_DEMANDS_PAGE (page);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)));
  AdwMessageDialog *dialog;

  if (self->store == NULL || !has_unsaved_edits (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       C_("demand", "Save Changes to Demands?"),
                                                       C_("demand", "Some demands have changes that are not saved yet. If you close without saving, they are lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
setup_list_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  gtk_list_item_set_child (item, amparo_demand_row_new ());
}

static void
bind_list_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AmparoDemandsPage        *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  AmparoDemand *demand = gtk_list_item_get_item (item);

  amparo_demand_row_bind (AMPARO_DEMAND_ROW (row), self->store, demand);
  amparo_demand_row_set_edited (AMPARO_DEMAND_ROW (row), has_edits (self, demand));
  g_hash_table_insert (self->bound_rows, row, g_object_ref (demand));
}

static void
unbind_list_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AmparoDemandsPage        *self)
{
  g_hash_table_remove (self->bound_rows, gtk_list_item_get_child (item));
}

static void
setup_filter_label_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_filter_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* The button shows the choice ellipsized, so two filters fit beside each
 * other on a narrow window; the popup shows whole labels. */
static GtkListItemFactory *
create_filter_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_filter_label_cb),
                    GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_filter_label_cb), NULL);
  return factory;
}

static void
set_filter_factories (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = create_filter_factory (TRUE);
  g_autoptr(GtkListItemFactory) popup = create_filter_factory (FALSE);

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, popup);
}

static GListModel *
filter_labels (GType       enum_type,
               const char *all)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, all);
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, amparo_enum_get_label (enum_type, klass->values[i].value));
  return G_LIST_MODEL (labels);
}

static void
build_filters (AmparoDemandsPage *self)
{
  g_autoptr(GListModel) statuses = filter_labels (AMPARO_TYPE_DEMAND_STATUS,
                                                  _("All Statuses"));
  g_autoptr(GListModel) targets = filter_labels (AMPARO_TYPE_DEMAND_TARGET,
                                                 /* Translators: all targets ("destinatarios") */
                                                 C_("demand", "All Targets"));

  set_filter_factories (self->status_filter);
  set_filter_factories (self->target_filter);
  gtk_drop_down_set_model (self->status_filter, statuses);
  gtk_drop_down_set_model (self->target_filter, targets);
}

static void
build_list (AmparoDemandsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->demands = amparo_store_list (self->store, AMPARO_TYPE_DEMAND, AMPARO_LIST_LIVE);
  self->filter = gtk_custom_filter_new (filter_demand, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (self->demands),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_list_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_list_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_list_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_filtered_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
clear_list (AmparoDemandsPage *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->bound_rows != NULL)
    g_hash_table_remove_all (self->bound_rows);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->demands);
}

static AmparoDemand *
find_requested_demand (AmparoDemandsPage *self,
                       const char        *wanted)
{
  guint n = g_list_model_get_n_items (self->demands);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoDemand) demand = g_list_model_get_item (self->demands, i);
      const char *en = amparo_demand_get_text_en (demand);
      const char *es = amparo_demand_get_text_es (demand);

      if (g_strcmp0 (amparo_record_get_uid (AMPARO_RECORD (demand)), wanted) == 0
          || (en != NULL && strstr (en, wanted) != NULL)
          || (es != NULL && strstr (es, wanted) != NULL))
        return g_steal_pointer (&demand);
    }
  return NULL;
}

static void
restore_current (AmparoDemandsPage *self,
                 AmparoWindowState *state)
{
  GObject *kept = amparo_window_state_get_object (state, STATE_CURRENT);
  const char *wanted = g_getenv ("AMPARO_OPEN_DEMAND");
  g_autoptr(AmparoDemand) stored = NULL;

  if (AMPARO_IS_DEMAND (kept))
    {
      if (id_of (kept) != 0)
        stored = amparo_store_get_by_id (self->store, AMPARO_TYPE_DEMAND, id_of (kept), NULL);
      show_draft (self, AMPARO_DEMAND (kept), stored);
    }
  else if (wanted != NULL && *wanted != '\0')
    {
      /* For screenshots and demos: AMPARO_OPEN_DEMAND=<uid or words>. */
      stored = find_requested_demand (self, wanted);
      if (stored == NULL)
        return;
      open_record (self, stored);
    }
  else
    return;

  select_current (self);
  show_detail (self);
}

static void
amparo_demands_page_setup (AmparoSectionPage *page)
{
  AmparoDemandsPage *self = AMPARO_DEMANDS_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);
  GObject *drafts = amparo_window_state_get_object (state, STATE_DRAFTS);

  clear_list (self);
  g_set_object (&self->store, AMPARO_STORE (amparo_section_page_get_store (page)));
  if (self->store == NULL)
    return;

  if (!G_IS_LIST_STORE (drafts))
    {
      g_autoptr(GListStore) created = g_list_store_new (AMPARO_TYPE_DEMAND);

      amparo_window_state_set_object (state, STATE_DRAFTS, G_OBJECT (created));
      drafts = G_OBJECT (created);
    }
  g_set_object (&self->drafts, G_LIST_STORE (drafts));
  g_free (self->search_text);
  self->search_text = g_strdup (amparo_window_state_get_search_text (state));

  amparo_demand_editor_set_store (self->editor, self->store);
  build_list (self);
  on_filtered_items_changed_cb (self);
  restore_current (self, state);
  update_actions (self);
}

static void
amparo_demands_page_search_changed (AmparoSectionPage *page,
                                    const char        *text)
{
  AmparoDemandsPage *self = AMPARO_DEMANDS_PAGE (page);

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  on_filter_changed_cb (self);
}

static void
amparo_demands_page_save_state (AmparoSectionPage *page)
{
  AmparoDemandsPage *self = AMPARO_DEMANDS_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);

  if (state != NULL)
    amparo_window_state_set_object (state, STATE_CURRENT, G_OBJECT (self->draft));
}

static void
amparo_demands_page_dispose (GObject *object)
{
  AmparoDemandsPage *self = (AmparoDemandsPage *)object;

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  clear_list (self);
  /* The leaflet is both AdwBin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_DEMANDS_PAGE);
  g_clear_weak_pointer (&self->toast);
  g_clear_object (&self->draft);
  g_clear_object (&self->pristine);
  g_clear_object (&self->drafts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_demands_page_parent_class)->dispose (object);
}

static void
amparo_demands_page_finalize (GObject *object)
{
  AmparoDemandsPage *self = (AmparoDemandsPage *)object;

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (amparo_demands_page_parent_class)->finalize (object);
}

static void
amparo_demands_page_class_init (AmparoDemandsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmparoSectionPageClass *page_class = AMPARO_SECTION_PAGE_CLASS (klass);

  object_class->dispose = amparo_demands_page_dispose;
  object_class->finalize = amparo_demands_page_finalize;
  page_class->setup = amparo_demands_page_setup;
  page_class->close_request = amparo_demands_page_close_request;
  page_class->search_changed = amparo_demands_page_search_changed;
  page_class->save_state = amparo_demands_page_save_state;

  g_type_ensure (AMPARO_TYPE_DEMAND_EDITOR);

  gtk_widget_class_install_action (widget_class, "section.new", NULL, section_action_cb);
  gtk_widget_class_install_action (widget_class, "section.save", NULL, section_action_cb);
  gtk_widget_class_install_action (widget_class, "section.delete", NULL, section_action_cb);
  gtk_widget_class_install_action (widget_class, "demands.add-update", NULL, section_action_cb);
  gtk_widget_class_install_action (widget_class, "demands.merge", NULL, section_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/demands/amparo-demands-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, target_filter);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, detail_toolbar);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_release_activated_cb);
}

static void
amparo_demands_page_init (AmparoDemandsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound_rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  amparo_section_page_setup_list_detail (AMPARO_SECTION_PAGE (self), self->leaflet,
                                         adw_leaflet_get_child_by_name (self->leaflet, "detail"));
  build_filters (self);
  update_actions (self);
}

/**
 * amparo_demands_page_open_demand:
 * @demand: a demand in the list
 *
 * Opens @demand's page, as choosing it in the list does.
 *
 * Returns: %TRUE if @demand is shown in the list
 */
gboolean
amparo_demands_page_open_demand (AmparoDemandsPage *self,
                                 AmparoDemand      *demand)
{
  g_autoptr(AmparoDemand) listed = NULL;
  guint position;

  g_return_val_if_fail (AMPARO_IS_DEMANDS_PAGE (self), FALSE);

  if (self->filtered == NULL)
    return FALSE;
  listed = find_by_id (G_LIST_MODEL (self->filtered), id_of (demand), &position);
  if (listed == NULL)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * amparo_demands_page_get_draft:
 *
 * Returns: (transfer none) (nullable): the demand open for editing
 */
AmparoDemand *
amparo_demands_page_get_draft (AmparoDemandsPage *self)
{
  g_return_val_if_fail (AMPARO_IS_DEMANDS_PAGE (self), NULL);

  return self->draft;
}

/**
 * amparo_demands_page_get_list:
 *
 * Returns: (transfer none) (nullable): the demands shown in the list
 */
GListModel *
amparo_demands_page_get_list (AmparoDemandsPage *self)
{
  g_return_val_if_fail (AMPARO_IS_DEMANDS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
