/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-agenda"

#include "config.h"

#include "amparo-agenda-util.h"
#include "amparo-private-file.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-csv.h"
#include "amparo-icalendar.h"
#include "amparo-store.h"

/* Saving an export: GTK 4.8 has no GtkFileDialog, so a native chooser
 * asks where, and the bytes (built on the main thread, where the store
 * lives) are written asynchronously so a slow disk never freezes the
 * window. */

typedef struct
{
  GtkWidget            *widget;
  GBytes               *contents;
  AmparoFileSavedFunc   saved;
  gpointer              user_data;
  GDestroyNotify        destroy;
  char                 *path;
} SaveData;

static void
save_data_free (SaveData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_clear_object (&data->widget);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_free (data->path);
  g_free (data);
}

/* The export is journaled before the file appears, and the file is
 * 0600 (amparo-private-file.c, reliability #11). */
static gboolean
journal_saved_cb (const char  *path,
                  gpointer     user_data,
                  GError     **error)
{
  SaveData *data = user_data;

  return data->saved == NULL || data->saved (data->widget, path, data->user_data, error);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  SaveData *data = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    {
      save_data_free (data);
      return;
    }
  data->path = g_file_get_path (file);
  name = g_path_get_basename (data->path);
  if (!amparo_private_file_write (data->path, g_bytes_get_data (data->contents, NULL),
                                  g_bytes_get_size (data->contents), journal_saved_cb, data, &error))
    message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
  else
    message = g_strdup_printf (_("Saved “%s”"), name);
  amparo_show_toast (data->widget, message);
  save_data_free (data);
}

/**
 * amparo_show_toast:
 * @widget: any widget inside the window
 *
 * Shows @text in the window's toast overlay, if it has one.
 */
void
amparo_show_toast (GtkWidget  *widget,
                   const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

/**
 * amparo_save_bytes_with_chooser:
 * @widget: the widget asking; its window is the chooser's parent
 * @contents: what to write
 * @saved: (nullable): called after the file is written
 *
 * Asks where to save, writes @contents there asynchronously, then calls
 * @saved and shows a toast with the result.
 */
void
amparo_save_bytes_with_chooser (GtkWidget           *widget,
                                const char          *title,
                                const char          *suggested_name,
                                GBytes              *contents,
                                AmparoFileSavedFunc  saved,
                                gpointer             user_data,
                                GDestroyNotify       destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  SaveData *data = g_new0 (SaveData, 1);

  data->widget = g_object_ref (widget);
  data->contents = g_bytes_ref (contents);
  data->saved = saved;
  data->user_data = user_data;
  data->destroy = destroy;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * amparo_event_person_name:
 * @person: (nullable): an #AmparoPerson
 *
 * Returns: (transfer full): "Given Family", or "" without a person
 */
char *
amparo_event_person_name (GObject *person)
{
  if (person == NULL)
    return g_strdup ("");
  return g_strstrip (g_strdup_printf ("%s %s",
                                      amparo_person_get_given_names (AMPARO_PERSON (person)) ?: "",
                                      amparo_person_get_family_names (AMPARO_PERSON (person)) ?: ""));
}

typedef struct
{
  AmparoStore *store;
  GListModel  *records;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->records);
  g_free (data);
}

static gboolean
journal_persons_cb (GtkWidget   *widget,
                    const char  *path,
                    gpointer     user_data,
                    GError     **error)
{
  ExportData *data = user_data;

  return amparo_csv_journal_persons (data->store, data->records, path, error);
}

static gboolean
journal_events_cb (GtkWidget   *widget,
                   const char  *path,
                   gpointer     user_data,
                   GError     **error)
{
  ExportData *data = user_data;

  return amparo_icalendar_journal (data->store, data->records, path, error);
}

/**
 * amparo_export_persons_csv:
 * @widget: the page asking (its window parents the chooser)
 * @persons: a #GListModel of #AmparoPerson: the list as filtered
 *
 * Asks where, writes @persons as CSV (UTF-8 with a byte order mark) and
 * journals the export. For the Clients list's "section.export".
 */
void
amparo_export_persons_csv (GtkWidget   *widget,
                           AmparoStore *store,
                           GListModel  *persons)
{
  ExportData *data = g_new0 (ExportData, 1);
  gsize length;
  char *text = amparo_csv_format_persons (store, persons, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

  data->store = g_object_ref (store);
  data->records = g_object_ref (persons);
  /* Translators: the file name suggested for a list of clients; keep .csv */
  amparo_save_bytes_with_chooser (widget, _("Export Clients"), _("clients.csv"), bytes,
                                  journal_persons_cb, data, (GDestroyNotify) export_data_free);
}

/**
 * amparo_export_person_calendar:
 * @person: a saved person
 *
 * Asks where, writes all of @person's events as an iCalendar file and
 * journals the export. For a client page.
 */
void
amparo_export_person_calendar (GtkWidget    *widget,
                               AmparoStore  *store,
                               AmparoPerson *person)
{
  ExportData *data = g_new0 (ExportData, 1);
  char *text;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = amparo_event_person_name (G_OBJECT (person));
  g_autofree char *file_name = g_strdup_printf ("%s.ics", name);

  data->store = g_object_ref (store);
  data->records = amparo_store_list_events (store, person);
  text = amparo_icalendar_build (store, data->records, NULL);
  bytes = g_bytes_new_take (text, strlen (text));
  amparo_save_bytes_with_chooser (widget, _("Export Calendar"), file_name, bytes,
                                  journal_events_cb, data, (GDestroyNotify) export_data_free);
}
