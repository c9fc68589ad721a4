/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demand-update-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-date-entry.h"
#include "amparo-demands-util.h"

/* "Add update": the date, the new status, a note in English and in
 * Spanish, and a source link. The widgets edit an unsaved
 * AmparoDemandUpdate through bindings; the page saves it on "add". The
 * "add" response stays disabled while the date is not a real date, so a
 * typed note is never thrown away by a refused save. */

struct _AmparoDemandUpdateDialog
{
  AdwMessageDialog    parent_instance;

  AmparoDemandUpdate *update;

  AmparoDateEntry    *date_row;
  AdwActionRow       *date_error_row;
  AdwComboRow        *status_row;
  AdwEntryRow        *note_en_row;
  AdwEntryRow        *note_es_row;
  AdwEntryRow        *source_row;
};

G_DEFINE_FINAL_TYPE (AmparoDemandUpdateDialog, amparo_demand_update_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The store's own reading of dates, so the message says what is wrong
 * ("2021-02 has no day 30") instead of only turning the field red. */
static char *
date_problem (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup (_("Enter the date of the update."));
  normalized = amparo_normalize_date_time (text, &error);
  if (normalized == NULL)
    return g_strdup (error->message);
  if (strlen (normalized) != 10)
    return g_strdup (_("Enter only the day, as year-month-day, for example 2021-02-03."));
  return NULL;
}

static void
on_date_changed_cb (AmparoDemandUpdateDialog *self)
{
  /* The date as the entry read it (05/12/2026 in Spanish is 2026-12-05). */
  g_autofree char *problem = date_problem (amparo_date_entry_get_date (self->date_row));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", problem == NULL);
  if (problem == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_error_row), problem);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_row), problem != NULL);
}

static void
bind_update (AmparoDemandUpdateDialog *self)
{
  g_object_bind_property (self->update, "update-date", self->date_row, "date",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  amparo_demands_bind_enum (self->update, "status", self->status_row);
  amparo_demands_bind_text (self->update, "note-en", self->note_en_row, "text");
  amparo_demands_bind_text (self->update, "note-es", self->note_es_row, "text");
  amparo_demands_bind_text (self->update, "source-url", self->source_row, "text");
}

static void
amparo_demand_update_dialog_dispose (GObject *object)
{
  AmparoDemandUpdateDialog *self = (AmparoDemandUpdateDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_DEMAND_UPDATE_DIALOG);
  g_clear_object (&self->update);

  G_OBJECT_CLASS (amparo_demand_update_dialog_parent_class)->dispose (object);
}

static void
amparo_demand_update_dialog_class_init (AmparoDemandUpdateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_demand_update_dialog_dispose;

  g_type_ensure (AMPARO_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/demands/amparo-demand-update-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateDialog, date_error_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateDialog, note_en_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateDialog, note_es_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateDialog, source_row);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
}

static void
amparo_demand_update_dialog_init (AmparoDemandUpdateDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));
  amparo_demands_setup_combo (self->status_row, AMPARO_TYPE_DEMAND_STATUS);

  self->update = amparo_demand_update_new ();
  amparo_demand_update_set_update_date (self->update, today);
}

/**
 * amparo_demand_update_dialog_new:
 * @demand: the demand the update is for; its status is the default
 *
 * Returns: (transfer none): a new dialog, transient for @parent
 */
AmparoDemandUpdateDialog *
amparo_demand_update_dialog_new (GtkWindow    *parent,
                                 AmparoDemand *demand)
{
  AmparoDemandUpdateDialog *self = g_object_new (AMPARO_TYPE_DEMAND_UPDATE_DIALOG,
                                                 "transient-for", parent,
                                                 "modal", TRUE,
                                                 NULL);

  amparo_demand_update_set_status (self->update, amparo_demand_get_status (demand));
  bind_update (self);
  on_date_changed_cb (self);
  return self;
}

/**
 * amparo_demand_update_dialog_get_update:
 *
 * Returns: (transfer none): the update the dialog edits, not yet saved
 */
AmparoDemandUpdate *
amparo_demand_update_dialog_get_update (AmparoDemandUpdateDialog *self)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND_UPDATE_DIALOG (self), NULL);

  return self->update;
}
