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
  GtkCheckButton   *first_check;

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

static GtkCheckButton *
get_row_check (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "check");
}

static int
find_chosen (AmparoDemandMergeDialog *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (gtk_check_button_get_active (get_row_check (row)))
      return i;
  return -1;
}

static void
on_check_toggled_cb (AmparoDemandMergeDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge",
                                           find_chosen (self) >= 0);
}

/* One choice among many: radio buttons show which demand goes away. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AmparoDemandMergeDialog *self = user_data;
  GtkWidget *check = gtk_check_button_new ();
  AmparoDemand *demand = item;
  const char *text = amparo_demands_get_text (demand, amparo_language_get (), NULL);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               amparo_enum_get_label (AMPARO_TYPE_DEMAND_TARGET, amparo_demand_get_target (demand)));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->first_check != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->first_check);
  else
    g_set_weak_pointer (&self->first_check, GTK_CHECK_BUTTON (check));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static void
amparo_demand_merge_dialog_dispose (GObject *object)
{
  AmparoDemandMergeDialog *self = (AmparoDemandMergeDialog *)object;

  /* The list is torn down after the dialog's responses are gone. */
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->first_check);
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
  int chosen;

  g_return_val_if_fail (AMPARO_IS_DEMAND_MERGE_DIALOG (self), NULL);

  chosen = find_chosen (self);
  if (chosen < 0)
    return NULL;
  return g_list_model_get_item (self->candidates, chosen);
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
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

          gtk_check_button_set_active (get_row_check (row), TRUE);
          return TRUE;
        }
    }
  return FALSE;
}
