/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-import-dialog.h"

#include <glib/gi18n.h>

#include "amparo-feed-import.h"

/* "Import from Website…": asks for the feed, shows progress with Cancel,
 * then the report — or why nothing was imported. The import itself
 * (src/net) touches the store only once it has read the whole feed, so a
 * cancel or an error leaves every stored release as it was. */

struct _AmparoImportDialog
{
  AdwWindow     parent_instance;

  AmparoStore  *store;
  GCancellable *cancellable;
  GSettings    *settings;

  GtkStack       *stack;
  AdwEntryRow    *address_row;
  GtkWidget      *address_error_row;
  GtkProgressBar *progress_bar;
  GtkWidget      *import_button;
  GtkWidget      *cancel_button;
  GtkWidget      *done_button;
  GtkLabel       *new_count;
  GtkLabel       *updated_count;
  GtkLabel       *unchanged_count;
  GtkWidget      *summary_group;
  GtkWidget      *skipped_group;
  GtkListBox     *skipped_list;
  GtkWidget      *demands_group;
  GtkListBox     *demands_list;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (AmparoImportDialog, amparo_import_dialog, ADW_TYPE_WINDOW)

static void
show_stage (AmparoImportDialog *self,
            const char         *stage)
{
  gboolean done = g_str_equal (stage, "report") || g_str_equal (stage, "error");

  gtk_stack_set_visible_child_name (self->stack, stage);
  gtk_widget_set_visible (self->import_button, g_str_equal (stage, "address"));
  gtk_widget_set_visible (self->cancel_button, !done);
  gtk_widget_set_visible (self->done_button, done);
  if (done)
    gtk_widget_grab_focus (self->done_button);
}

/* Everything shown here comes from a feed: never let a row read it as
 * Pango markup. */
static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  return row;
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
}

static void
fill_skipped (AmparoImportDialog *self,
              AmparoImportReport *report)
{
  for (guint i = 0; i < report->skipped->len; i++)
    {
      AmparoImportSkip *skip = g_ptr_array_index (report->skipped, i);
      g_autofree char *title = NULL;

      if (skip->title != NULL && *skip->title != '\0')
        title = g_strdup_printf (_("Item %u, “%s”"), skip->position, skip->title);
      else
        title = g_strdup_printf (_("Item %u"), skip->position);
      gtk_list_box_append (self->skipped_list, plain_row (title, skip->reason));
    }
  gtk_widget_set_visible (self->skipped_group, report->skipped->len > 0);
}

static void
fill_demands (AmparoImportDialog *self,
              AmparoImportReport *report)
{
  for (guint i = 0; i < report->demands->len; i++)
    {
      AmparoImportDemands *found = g_ptr_array_index (report->demands, i);
      g_autofree char *numbered = found->demands_en != NULL && found->demands_en[0] != NULL
        ? g_strjoinv ("\n", found->demands_en) : g_strjoinv ("\n", found->demands_es);
      const char *title = amparo_release_get_title_en (found->release);

      if (title == NULL || *title == '\0')
        title = amparo_release_get_title_es (found->release);
      gtk_list_box_append (self->demands_list, plain_row (title, numbered));
    }
  gtk_widget_set_visible (self->demands_group, report->demands->len > 0);
}

static void
show_report (AmparoImportDialog *self,
             AmparoImportReport *report)
{
  set_count (self->new_count, report->n_new);
  set_count (self->updated_count, report->n_updated);
  set_count (self->unchanged_count, report->n_unchanged);
  fill_skipped (self, report);
  fill_demands (self, report);
  /* The dates' time zone, and a warning when the feed had summaries only. */
  {
    g_autofree char *notes = amparo_import_report_notes (report);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->summary_group), notes);
  }
  show_stage (self, "report");
}

static void
show_error (AmparoImportDialog *self,
            const GError       *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autofree char *text = g_strdup_printf ("%s\n\n%s", escaped,
                                           _("Nothing already stored was changed."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_status_page_set_title (self->error_page, _("Import Cancelled"));
  adw_status_page_set_description (self->error_page, text);
  show_stage (self, "error");
}

static void
on_progress_cb (guint    done,
                guint    total,
                gpointer user_data)
{
  AmparoImportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, _("Downloading the feed…"));
      return;
    }
  text = g_strdup_printf (_("%u of %u posts"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AmparoImportDialog) self = user_data;
  g_autoptr(AmparoImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = amparo_feed_import_finish (AMPARO_STORE (source), result, &error);
  g_clear_object (&self->cancellable);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (report == NULL)
    show_error (self, error);
  else
    show_report (self, report);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmparoImportDialog *self = AMPARO_IMPORT_DIALOG (widget);
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));

  if (self->cancellable != NULL)
    return;
  /* Import with nothing to read from: say what to enter, under the field. */
  if (*address == '\0')
    {
      gtk_widget_set_visible (self->address_error_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }

  g_settings_set_string (self->settings, "website-feed-url", address);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  show_stage (self, "progress");
  amparo_feed_import_async (self->store, address, on_progress_cb,
                            g_object_ref (self), g_object_unref,
                            self->cancellable, on_import_done_cb,
                            g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoImportDialog *self = AMPARO_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_address_changed_cb (AmparoImportDialog *self)
{
  gtk_widget_set_visible (self->address_error_row, FALSE);
}

static void
on_address_activated_cb (AmparoImportDialog *self,
                         AdwEntryRow        *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "import.start", NULL);
}

static void
amparo_import_dialog_dispose (GObject *object)
{
  AmparoImportDialog *self = (AmparoImportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_import_dialog_parent_class)->dispose (object);
}

static void
amparo_import_dialog_class_init (AmparoImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, address_error_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, new_count);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, updated_count);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, unchanged_count);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, skipped_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, demands_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, demands_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_address_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_address_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
amparo_import_dialog_init (AmparoImportDialog *self)
{
  g_autofree char *address = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  address = g_settings_get_string (self->settings, "website-feed-url");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  show_stage (self, "address");
}

/**
 * amparo_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the case store to import into
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
AmparoImportDialog *
amparo_import_dialog_new (GtkWindow   *parent,
                          AmparoStore *store)
{
  AmparoImportDialog *self;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);

  self = g_object_new (AMPARO_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * amparo_import_dialog_set_address:
 * @address: a feed's http(s) address or a file path
 */
void
amparo_import_dialog_set_address (AmparoImportDialog *self,
                                  const char         *address)
{
  g_return_if_fail (AMPARO_IS_IMPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address ? address : "");
}

/**
 * amparo_import_dialog_start:
 *
 * Starts the import of the address shown, as the Import button does.
 */
void
amparo_import_dialog_start (AmparoImportDialog *self)
{
  g_return_if_fail (AMPARO_IS_IMPORT_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "import.start", NULL);
}

/**
 * amparo_import_dialog_get_stage:
 *
 * Returns: "address", "progress", "report" or "error"
 */
const char *
amparo_import_dialog_get_stage (AmparoImportDialog *self)
{
  g_return_val_if_fail (AMPARO_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
