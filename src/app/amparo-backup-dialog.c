/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-backup-dialog.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-window.h"

/* "Back Up…": a consistent copy of the open store (SQLite's backup API, in
 * a worker thread), with progress and Cancel. The result is a toast on the
 * window; a failure is a dialog, since the person must act on it. */

typedef struct
{
  GtkWindow      *parent;
  AdwMessageDialog *dialog;
  GtkProgressBar *bar;
  GCancellable   *cancellable;
  char           *dest;
} Backup;

static void
backup_free (Backup *backup)
{
  g_clear_object (&backup->parent);
  g_clear_object (&backup->cancellable);
  g_free (backup->dest);
  g_free (backup);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Backup *backup = user_data;

  if (backup->bar != NULL)
    gtk_progress_bar_set_fraction (backup->bar, fraction);
}

static void
report_done (Backup       *backup,
             const GError *error)
{
  if (error == NULL && AMPARO_IS_WINDOW (backup->parent))
    {
      /* A toast's title is Pango markup in libadwaita 1.2. */
      g_autofree char *escaped = g_markup_escape_text (backup->dest, -1);
      g_autofree char *text = g_strdup_printf (_("Backup saved to %s"), escaped);

      amparo_window_add_toast (AMPARO_WINDOW (backup->parent), adw_toast_new (text));
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog = adw_message_dialog_new (backup->parent, _("Backup Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Backup *backup = user_data;
  g_autoptr(GError) error = NULL;

  amparo_store_backup_finish (AMPARO_STORE (source), result, &error);
  if (backup->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (backup->dialog), (gpointer *) &backup->dialog);
      gtk_window_destroy (GTK_WINDOW (backup->dialog));
    }
  report_done (backup, error);
  backup_free (backup);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Backup           *backup)
{
  g_cancellable_cancel (backup->cancellable);
}

/**
 * amparo_backup_dialog_run:
 * @parent: (nullable): the window to report to
 * @store: the open case store
 * @dest: the file to write; it must not exist yet
 *
 * Copies @store to @dest, showing progress with a Cancel button.
 */
void
amparo_backup_dialog_run (GtkWindow   *parent,
                          AmparoStore *store,
                          const char  *dest)
{
  Backup *backup = g_new0 (Backup, 1);
  GtkWidget *bar = gtk_progress_bar_new ();

  backup->parent = parent ? g_object_ref (parent) : NULL;
  backup->cancellable = g_cancellable_new ();
  backup->dest = g_strdup (dest);
  backup->bar = GTK_PROGRESS_BAR (bar);
  backup->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Backing Up…"),
                                                               _("Amparo keeps working while the copy is made.")));
  adw_message_dialog_set_extra_child (backup->dialog, bar);
  adw_message_dialog_add_response (backup->dialog, "cancel", _("_Cancel"));
  g_object_add_weak_pointer (G_OBJECT (backup->dialog), (gpointer *) &backup->dialog);
  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &backup->bar);
  g_signal_connect (backup->dialog, "response", G_CALLBACK (on_dialog_response_cb), backup);
  gtk_window_present (GTK_WINDOW (backup->dialog));

  amparo_store_backup_async (store, dest, on_progress_cb, backup, NULL,
                             backup->cancellable, on_backup_done_cb, backup);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  AmparoStore *store = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      /* The chooser has already asked before replacing a file. */
      g_unlink (path);
      amparo_backup_dialog_run (parent, store, path);
    }
  g_object_unref (chooser);
  g_object_unref (store);
}

/**
 * amparo_backup_dialog_choose_and_run:
 * @parent: the window the file chooser belongs to
 * @store: the open case store
 *
 * Asks where to save a backup, then makes it.
 */
void
amparo_backup_dialog_choose_and_run (GtkWindow   *parent,
                                     AmparoStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("amparo-backup-%s.db", day);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Back Up the Case Store"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
