/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demand-merge-dialog.h"

#include <glib/gi18n.h>

#include "amparo-demands-util.h"
#include "amparo-language.h"

/* Asks which other demand is the same ask worded differently. The demand
 * whose page is open survives; the page runs the merge on "merge". */

struct _AmparoDemandMergeDialog
{
  AdwMessageDialog  parent_instance;

  GListModel       *candidates;
  gint64            survivor_id;

  GtkListBox       *list_box;
};

G_DEFINE_FINAL_TYPE (AmparoDemandMergeDialog, amparo_demand_merge_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
is_candidate (gpointer item,
              gpointer user_data)
{
  AmparoDemandMergeDialog *self = user_data;

  return amparo_record_get_id (AMPARO_RECORD (item)) != self->survivor_id;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AmparoDemand *demand = item;
  const char *text = amparo_demands_get_text (demand, amparo_language_get (), NULL);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               amparo_demands_enum_label (AMPARO_TYPE_DEMAND_TARGET, amparo_demand_get_target (demand)));
  return row;
}

static void
on_row_selected_cb (AmparoDemandMergeDialog *self,
                    GtkListBoxRow           *row)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge", row != NULL);
}

static void
amparo_demand_merge_dialog_dispose (GObject *object)
{
  AmparoDemandMergeDialog *self = (AmparoDemandMergeDialog *)object;

  /* The list is torn down after the dialog's responses are gone. */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_func (self->list_box, on_row_selected_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_DEMAND_MERGE_DIALOG);
  g_clear_object (&self->candidates);

  G_OBJECT_CLASS (amparo_demand_merge_dialog_parent_class)->dispose (object);
}

static void
amparo_demand_merge_dialog_class_init (AmparoDemandMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_demand_merge_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/demands/amparo-demand-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandMergeDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
}

static void
amparo_demand_merge_dialog_init (AmparoDemandMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge", FALSE);
}

/**
 * amparo_demand_merge_dialog_new:
 * @survivor: the saved demand that stays
 *
 * Returns: (transfer none): a new dialog listing every other live demand
 */
AmparoDemandMergeDialog *
amparo_demand_merge_dialog_new (GtkWindow    *parent,
                                AmparoStore  *store,
                                AmparoDemand *survivor)
{
  AmparoDemandMergeDialog *self = g_object_new (AMPARO_TYPE_DEMAND_MERGE_DIALOG,
                                                "transient-for", parent,
                                                "modal", TRUE,
                                                NULL);
  GtkCustomFilter *filter = gtk_custom_filter_new (is_candidate, self, NULL);

  self->survivor_id = amparo_record_get_id (AMPARO_RECORD (survivor));
  self->candidates = G_LIST_MODEL (gtk_filter_list_model_new (amparo_store_list (store, AMPARO_TYPE_DEMAND,
                                                                                 AMPARO_LIST_LIVE),
                                                              GTK_FILTER (filter)));
  gtk_list_box_bind_model (self->list_box, self->candidates, create_row, self, NULL);
  return self;
}

/**
 * amparo_demand_merge_dialog_get_other:
 *
 * Returns: (transfer full) (nullable): the demand chosen to merge away
 */
AmparoDemand *
amparo_demand_merge_dialog_get_other (AmparoDemandMergeDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (AMPARO_IS_DEMAND_MERGE_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    return NULL;
  return g_list_model_get_item (self->candidates, gtk_list_box_row_get_index (row));
}

/**
 * amparo_demand_merge_dialog_select:
 *
 * Chooses @other, as a click on its row would.
 *
 * Returns: %TRUE if @other is in the list
 */
gboolean
amparo_demand_merge_dialog_select (AmparoDemandMergeDialog *self,
                                   AmparoDemand            *other)
{
  gint64 id = amparo_record_get_id (AMPARO_RECORD (other));
  guint n = g_list_model_get_n_items (self->candidates);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoDemand) item = g_list_model_get_item (self->candidates, i);

      if (amparo_record_get_id (AMPARO_RECORD (item)) == id)
        {
          gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, i));
          return TRUE;
        }
    }
  return FALSE;
}
