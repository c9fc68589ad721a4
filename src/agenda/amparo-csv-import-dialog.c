/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-agenda"

#include "config.h"

#include "amparo-csv-import-dialog.h"

#include <glib/gi18n.h>

#include "amparo-agenda-util.h"

/* Importing persons from the spreadsheet the organization kept before
 * Amparo: the file is read and every row checked first, and the dialog
 * shows what would be created, matched, matched with other names (to
 * confirm one by one) or rejected, with why, and the text encoding it
 * was read in (which the person can change). Nothing is written until
 * Import, which saves all accepted rows in one transaction.
 *
 * Reading and importing a large file take seconds, so both run in a
 * worker thread with a store connection of its own (the store is used
 * from one thread per connection), with progress and Cancel; the window
 * only reads the result. A small import is saved at once. */

#define MAX_ROWS_SHOWN 500
#define SYNC_IMPORT_ROWS 500

struct _AmparoCsvImportDialog
{
  AdwWindow             parent_instance;

  GtkStack             *stack;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *summary_label;
  AdwComboRow          *encoding_row;
  AdwPreferencesGroup  *confirm_group;
  AdwPreferencesGroup  *create_group;
  AdwPreferencesGroup  *update_group;
  AdwPreferencesGroup  *reject_group;

  AmparoCsvImport      *import;
  AmparoStore          *store;        /* the window's, main thread */
  GtkWindow            *parent;
  GPtrArray            *shown_rows;
  GCancellable         *cancellable;  /* of the job running, if any */
  struct _Job          *job;
  guint                 progress_id;
  gboolean              filling;
  gboolean              closed;
};

G_DEFINE_FINAL_TYPE (AmparoCsvImportDialog, amparo_csv_import_dialog, ADW_TYPE_WINDOW)

/* Work for a worker thread: what it needs, copied, and its progress. */
typedef struct _Job
{
  char              *path;
  GBytes            *data;
  AmparoCsvEncoding  encoding;
  AmparoCsvImport   *import;    /* apply: the dialog's, borrowed */
  int                done;      /* atomic */
  int                total;     /* atomic */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_free (job);
}

static void
on_job_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static gboolean
on_progress_tick_cb (gpointer user_data)
{
  AmparoCsvImportDialog *self = user_data;
  int done, total;
  g_autofree char *text = NULL;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  done = g_atomic_int_get (&self->job->done);
  total = g_atomic_int_get (&self->job->total);
  if (total > 0)
    {
      /* Translators: progress of an import: "1200 of 100000 rows" */
      text = g_strdup_printf (_("%d of %d rows"), done, total);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
show_progress (AmparoCsvImportDialog *self,
               const char            *what,
               Job                   *job)
{
  self->job = job;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, what);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (100, on_progress_tick_cb, self);
}

static void
end_progress (AmparoCsvImportDialog *self)
{
  self->job = NULL;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
}

/* The preview */

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
  guint n_contacts = amparo_csv_import_get_n_contacts (import, index);

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
  /* case (#9): the contacts the row brings, after the A-Number. */
  if (reason == NULL && n_contacts > 0)
    {
      g_autofree char *contacts = g_strdup_printf (ngettext ("%u contact", "%u contacts", n_contacts), n_contacts);
      g_autofree char *subtitle = a_number != NULL ? g_strdup_printf ("%s · %s", a_number, contacts) : g_strdup (contacts);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void update_summary (AmparoCsvImportDialog *self);

static void
on_confirm_toggled_cb (GtkCheckButton        *check,
                       AmparoCsvImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "row"));

  amparo_csv_import_set_confirmed (self->import, index, gtk_check_button_get_active (check));
  update_summary (self);
}

/* Both names side by side, and nothing saved unless checked. */
static GtkWidget *
make_confirm_row (AmparoCsvImportDialog *self,
                  guint                  index)
{
  GtkWidget *row = adw_action_row_new ();
  AmparoPerson *person = amparo_csv_import_get_person (self->import, index);
  g_autofree char *a_number = amparo_a_number_format (amparo_person_get_a_number (person));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Use new names"));

  /* Translators: "Line 4: A-123-456-789" */
  title = g_strdup_printf (_("Line %u: %s"), amparo_csv_import_get_line (self->import, index),
                           a_number != NULL ? a_number : "—");
  /* Translators: the names a person has in Amparo, then the names a row of the file gives */
  subtitle = g_strdup_printf (_("In Amparo: %s\nIn this file: %s"),
                              amparo_csv_import_get_existing_name (self->import, index),
                              amparo_csv_import_get_name (self->import, index));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), amparo_csv_import_get_confirmed (self->import, index));
  g_object_set_data (G_OBJECT (check), "row", GUINT_TO_POINTER (index));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_confirm_toggled_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  return row;
}

static void
update_summary (AmparoCsvImportDialog *self)
{
  g_autofree char *summary = amparo_csv_import_format_summary (self->import);

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 amparo_csv_import_count_accepted (self->import) > 0);
}

static void
clear_rows (AmparoCsvImportDialog *self)
{
  for (guint i = 0; i < self->shown_rows->len; i++)
    {
      GtkWidget *row = self->shown_rows->pdata[i];
      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->shown_rows, 0);
}

static void
add_row (AmparoCsvImportDialog *self,
         AdwPreferencesGroup   *group,
         GtkWidget             *row)
{
  g_object_set_data (G_OBJECT (row), "group", group);
  g_ptr_array_add (self->shown_rows, row);
  adw_preferences_group_add (group, row);
}

static void
fill (AmparoCsvImportDialog *self)
{
  AdwPreferencesGroup *groups[] = { self->create_group, self->update_group, self->reject_group, self->confirm_group };
  guint counts[G_N_ELEMENTS (groups)] = { 0, };
  guint n = amparo_csv_import_get_n_rows (self->import);
  AmparoCsvEncoding encoding = amparo_csv_import_get_encoding (self->import);

  clear_rows (self);
  for (guint i = 0; i < n; i++)
    {
      AmparoCsvRowAction action = amparo_csv_import_get_action (self->import, i);

      if (action >= G_N_ELEMENTS (groups) || counts[action]++ >= MAX_ROWS_SHOWN)
        continue;
      add_row (self, groups[action],
               action == AMPARO_CSV_ROW_CONFIRM ? make_confirm_row (self, i) : make_row (self->import, i));
    }
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    gtk_widget_set_visible (GTK_WIDGET (groups[g]), counts[g] > 0);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->encoding_row, encoding == AMPARO_CSV_ENCODING_WINDOWS_1252 ? 1 : 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row),
                               amparo_csv_import_get_encoding_evidence (self->import));
  self->filling = FALSE;

  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
show_error (AmparoCsvImportDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->summary_label, message);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/* Reading and checking, in a worker */

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (job->path, &error);
  AmparoCsvImport *import;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  import = amparo_csv_import_new_full (store, g_bytes_get_data (job->data, NULL),
                                       g_bytes_get_size (job->data), job->encoding,
                                       on_job_progress, job, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, (GDestroyNotify) amparo_csv_import_free);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmparoCsvImportDialog *self = AMPARO_CSV_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  AmparoCsvImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->closed)
    {
      g_clear_pointer (&import, amparo_csv_import_free);
      return;
    }
  end_progress (self);
  if (import == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_window_close (GTK_WINDOW (self));
      else
        show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->import, amparo_csv_import_free);
  self->import = import;
  fill (self);
}

static void
start_check (AmparoCsvImportDialog *self,
             GBytes                *data,
             AmparoCsvEncoding      encoding)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = NULL;

  job->path = g_strdup (amparo_store_get_path (self->store));
  job->data = g_bytes_ref (data);
  job->encoding = encoding;
  show_progress (self, _("Reading the file…"), job);
  task = g_task_new (self, self->cancellable, on_checked_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, check_thread);
}

static void
on_encoding_changed_cb (AmparoCsvImportDialog *self)
{
  AmparoCsvEncoding wanted = adw_combo_row_get_selected (self->encoding_row) == 1
    ? AMPARO_CSV_ENCODING_WINDOWS_1252 : AMPARO_CSV_ENCODING_UTF8;

  if (self->filling || self->import == NULL || self->job != NULL ||
      wanted == amparo_csv_import_get_encoding (self->import))
    return;
  start_check (self, amparo_csv_import_get_data (self->import), wanted);
}

/* Importing */

static void
imported (AmparoCsvImportDialog *self,
          guint                  accepted)
{
  g_autofree char *message = NULL;
  guint n = amparo_csv_import_get_n_rows (self->import);

  /* Saved on another connection: tell the window's lists to read again. */
  if (self->store != NULL)
    for (guint i = n; i > 0; i--)
      {
        AmparoPerson *person = amparo_csv_import_get_person (self->import, i - 1);

        if (person != NULL && amparo_record_get_id (AMPARO_RECORD (person)) > 0)
          {
            amparo_store_announce_changed (self->store, AMPARO_RECORD (person));
            break;
          }
      }
  message = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Imported %u client",
                                          "Imported %u clients", accepted), accepted);
  if (self->parent != NULL)
    amparo_show_toast (gtk_window_get_child (self->parent) ?: GTK_WIDGET (self->parent), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open (job->path, &error);

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  amparo_csv_import_set_store (job->import, store);
  if (!amparo_csv_import_apply_full (job->import, on_job_progress, job, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_applied_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmparoCsvImportDialog *self = AMPARO_CSV_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  if (self->closed)
    return;
  end_progress (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      fill (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label, _("Import cancelled; nothing was changed."));
      else
        gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  imported (self, amparo_csv_import_count_accepted (self->import));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmparoCsvImportDialog *self = AMPARO_CSV_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint accepted = amparo_csv_import_count_accepted (self->import);
  g_autoptr(GTask) task = NULL;
  g_autofree char *what = NULL;
  Job *job;

  if (self->job != NULL)
    return;
  if (accepted <= SYNC_IMPORT_ROWS || self->store == NULL)
    {
      if (!amparo_csv_import_apply (self->import, &error))
        {
          gtk_label_set_text (self->summary_label, error->message);
          return;
        }
      imported (self, accepted);
      return;
    }

  job = g_new0 (Job, 1);
  job->path = g_strdup (amparo_store_get_path (self->store));
  job->import = self->import;
  what = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Importing %u client…",
                                       "Importing %u clients…", accepted), accepted);
  show_progress (self, what, job);
  task = g_task_new (self, self->cancellable, on_applied_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, apply_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoCsvImportDialog *self = AMPARO_CSV_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Closing stops any work; a cancelled import saves nothing. */
static gboolean
amparo_csv_import_dialog_close_request (GtkWindow *window)
{
  AmparoCsvImportDialog *self = AMPARO_CSV_IMPORT_DIALOG (window);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  end_progress (self);
  return GTK_WINDOW_CLASS (amparo_csv_import_dialog_parent_class)->close_request (window);
}

static void
amparo_csv_import_dialog_dispose (GObject *object)
{
  AmparoCsvImportDialog *self = AMPARO_CSV_IMPORT_DIALOG (object);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  end_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_CSV_IMPORT_DIALOG);

  G_OBJECT_CLASS (amparo_csv_import_dialog_parent_class)->dispose (object);
}

static void
amparo_csv_import_dialog_finalize (GObject *object)
{
  AmparoCsvImportDialog *self = (AmparoCsvImportDialog *)object;

  g_clear_pointer (&self->import, amparo_csv_import_free);
  g_clear_pointer (&self->shown_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (amparo_csv_import_dialog_parent_class)->finalize (object);
}

static void
amparo_csv_import_dialog_class_init (AmparoCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amparo_csv_import_dialog_dispose;
  object_class->finalize = amparo_csv_import_dialog_finalize;
  window_class->close_request = amparo_csv_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/agenda/amparo-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, confirm_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, create_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, update_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoCsvImportDialog, reject_group);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
amparo_csv_import_dialog_init (AmparoCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->encoding_row, "notify::selected",
                            G_CALLBACK (on_encoding_changed_cb), self);
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
  /* Reading again in another encoding needs the store's file. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->encoding_row), FALSE);
  return self;
}

/**
 * amparo_csv_import_dialog_new_for_data:
 * @parent: (nullable): the main window
 * @store: the window's case store
 * @data: the file's bytes
 * @file_name: the file's name, for the title
 *
 * Shows progress at once and reads and checks the file in a worker
 * thread (with a connection of its own to @store's file).
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
AmparoCsvImportDialog *
amparo_csv_import_dialog_new_for_data (GtkWindow   *parent,
                                       AmparoStore *store,
                                       GBytes      *data,
                                       const char  *file_name)
{
  AmparoCsvImportDialog *self = g_object_new (AMPARO_TYPE_CSV_IMPORT_DIALOG,
                                              "transient-for", parent, NULL);

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->parent, parent);
  if (file_name != NULL)
    gtk_window_set_title (GTK_WINDOW (self), file_name);
  start_check (self, data, AMPARO_CSV_ENCODING_AUTO);
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
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s"), name, error->message);
      if (data->parent != NULL)
        amparo_show_toast (gtk_window_get_child (data->parent) ?: GTK_WIDGET (data->parent), message);
      else
        g_printerr ("%s\n", message);
    }
  else
    gtk_window_present (GTK_WINDOW (amparo_csv_import_dialog_new_for_data (data->parent, data->store,
                                                                           bytes, name)));
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
  g_file_load_bytes_async (file, NULL, on_loaded_cb, data);
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
