/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-agenda"

#include "config.h"

#include "amparo-csv-import-dialog.h"

#include <glib/gi18n.h>

#include "amparo-agenda-util.h"

/* Importing persons from the spreadsheet the organization kept before
 * Amparo: the file is read and every row checked first, and the dialog
 * shows what would be created, matched or rejected (with why). Nothing
 * is written until Import, which saves all accepted rows in one
 * transaction. */

#define MAX_ROWS_SHOWN 1000

struct _AmparoCsvImportDialog
{
  AdwWindow             parent_instance;

  GtkLabel             *summary_label;
  AdwPreferencesGroup  *create_group;
  AdwPreferencesGroup  *update_group;
  AdwPreferencesGroup  *reject_group;

  AmparoCsvImport      *import;
  GtkWindow            *parent;
};

G_DEFINE_FINAL_TYPE (AmparoCsvImportDialog, amparo_csv_import_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
make_row (AmparoCsvImport *import,
          guint            index)
{
  GtkWidget *row = adw_action_row_new ();
  AmparoPerson *person = amparo_csv_import_get_person (import, index);
  g_autofree char *name = person != NULL ? amparo_event_person_name (G_OBJECT (person))
                                          : g_strdup (amparo_csv_import_get_name (import, index));
  g_autofree char *title = NULL;
  g_autofree char *a_number = NULL;
  const char *reason = amparo_csv_import_get_reason (import, index);

  /* Translators: a row of the import preview: "Line 4: María López" */
  title = g_strdup_printf (_("Line %u: %s"), amparo_csv_import_get_line (import, index), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (reason != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  else if (person != NULL && amparo_person_get_a_number (person) != NULL)
    {
      a_number = amparo_a_number_format (amparo_person_get_a_number (person));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), a_number);
    }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
fill (AmparoCsvImportDialog *self)
{
  AdwPreferencesGroup *groups[] = { self->create_group, self->update_group, self->reject_group };
  guint counts[G_N_ELEMENTS (groups)] = { 0, };
  guint n = amparo_csv_import_get_n_rows (self->import);
  g_autofree char *summary = amparo_csv_import_format_summary (self->import);

  gtk_label_set_text (self->summary_label, summary);
  for (guint i = 0; i < n; i++)
    {
      AmparoCsvRowAction action = amparo_csv_import_get_action (self->import, i);

      if (action == AMPARO_CSV_ROW_CONFIRM)
        action = AMPARO_CSV_ROW_REJECT;

      if (counts[action]++ < MAX_ROWS_SHOWN)
        adw_preferences_group_add (groups[action], make_row (self->import, i));
    }
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    gtk_widget_set_visible (GTK_WIDGET (groups[g]), counts[g] > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 counts[AMPARO_CSV_ROW_CREATE] + counts[AMPARO_CSV_ROW_UPDATE] > 0);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmparoCsvImportDialog *self = AMPARO_CSV_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint accepted = amparo_csv_import_count_accepted (self->import);
  g_autofree char *message = NULL;

  if (!amparo_csv_import_apply (self->import, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  message = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Imported %u person",
                                          "Imported %u persons", accepted), accepted);
  if (self->parent != NULL)
    amparo_show_toast (gtk_window_get_child (self->parent) ?: GTK_WIDGET (self->parent), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
amparo_csv_import_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_CSV_IMPORT_DIALOG);

  G_OBJECT_CLASS (amparo_csv_import_dialog_parent_class)->dispose (object);
}

static void
amparo_csv_import_dialog_finalize (GObject *object)
{
  AmparoCsvImportDialog *self = (AmparoCsvImportDialog *)object;

  g_clear_pointer (&self->import, amparo_csv_import_free);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (amparo_csv_import_dialog_parent_class)->finalize (object);
}

static void
amparo_csv_import_dialog_class_init (AmparoCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_csv_import_dialog_dispose;
  object_class->finalize = amparo_csv_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/agenda/amparo-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, create_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, update_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, reject_group);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amparo_csv_import_dialog_init (AmparoCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_csv_import_dialog_new:
 * @parent: (nullable): the main window
 * @import: (transfer full): the checked file
 * @file_name: the file's name, for the title
 *
 * Returns: (transfer floating): the preview dialog, not yet shown
 */
AmparoCsvImportDialog *
amparo_csv_import_dialog_new (GtkWindow       *parent,
                              AmparoCsvImport *import,
                              const char      *file_name)
{
  AmparoCsvImportDialog *self = g_object_new (AMPARO_TYPE_CSV_IMPORT_DIALOG,
                                              "transient-for", parent, NULL);

  self->import = import;
  g_set_weak_pointer (&self->parent, parent);
  if (file_name != NULL)
    gtk_window_set_title (GTK_WINDOW (self), file_name);
  fill (self);
  return self;
}

typedef struct
{
  GtkWindow   *parent;
  AmparoStore *store;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ChooseData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  AmparoCsvImport *import = NULL;
  gsize length;

  if (g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    import = amparo_csv_import_new (data->store, contents, length, &error);
  if (import == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s"), name, error->message);
      if (data->parent != NULL)
        amparo_show_toast (gtk_window_get_child (data->parent) ?: GTK_WIDGET (data->parent), message);
      else
        g_printerr ("%s\n", message);
    }
  else
    gtk_window_present (GTK_WINDOW (amparo_csv_import_dialog_new (data->parent, import, name)));
  choose_data_free (data);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  ChooseData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    {
      choose_data_free (data);
      return;
    }
  g_file_load_contents_async (file, NULL, on_loaded_cb, data);
}

/**
 * amparo_csv_import_dialog_choose:
 * @parent: the main window
 * @store: the case store to import into
 *
 * Asks for a CSV file, reads and checks it, and shows the preview.
 */
void
amparo_csv_import_dialog_choose (GtkWindow   *parent,
                                 AmparoStore *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ChooseData *data = g_new0 (ChooseData, 1);

  g_return_if_fail (AMPARO_IS_STORE (store));

  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  chooser = gtk_file_chooser_native_new (_("Import Persons from a Spreadsheet"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
