/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-documents-panel.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-document-links.h"
#include "amparo-notice-dialog.h"
#include "amparo-record-form.h"
#include "amparo-thumbnailer.h"
#include "amparo-tooltip.h"

/* The client's documents (issue #18): scans of hearing notices, birth
 * certificates, DNA results… kept in the case store. Files come in by
 * drag and drop anywhere on the client's page, from the file chooser, or
 * as an image pasted from the clipboard; each row shows a thumbnail made
 * in a worker thread (a broken file shows a placeholder and says why),
 * the type, the date, the description and who added it when. Opening
 * hands a private copy to the desktop's viewer; all of a client's
 * documents can be exported as one zip for pro bono counsel. Opening,
 * exporting and deleting are journaled by the store. */

/* A private copy for the viewer is removed this long after it opened
 * (and at quit, whichever comes first). */
#define COPY_LIFETIME_SECONDS (10 * 60)

struct _AmparoDocumentsPanel
{
  AdwBin          parent_instance;

  AmparoStore    *store;
  AmparoPerson   *person;
  gulong          changed_handler;
  /* sha256 → GdkTexture, or → the sentence saying why there is none */
  GHashTable     *thumbnails;
  GHashTable     *thumbnail_errors;
  GCancellable   *cancellable;
  guint           n_pending;
  GtkDropTarget  *drop_target;
  GtkWidget      *drop_page;

  GtkListBox     *documents_list;
};

G_DEFINE_FINAL_TYPE (AmparoDocumentsPanel, amparo_documents_panel, ADW_TYPE_BIN)

static void refresh (AmparoDocumentsPanel *self);

/* "Hearing notice · 3 Nov 2026\nAdded by maria on 2 Dec 2026" */
static char *
describe (AmparoStore    *store,
          AmparoDocument *document)
{
  g_autofree char *about = amparo_document_links_describe (store, document);
  g_autoptr(GString) text = g_string_new (amparo_document_kind_get_label (amparo_document_get_kind (document)));
  const char *date = amparo_document_get_document_date (document);
  const char *created = amparo_record_get_created_at (AMPARO_RECORD (document));
  g_autofree char *created_day = created != NULL ? g_strndup (created, 10) : NULL;
  g_autofree char *added_on = amparo_clients_format_date (created_day);
  g_autofree char *size = g_format_size (amparo_document_get_size (document));
  const char *who = amparo_document_get_added_by (document);

  if (date != NULL && *date != '\0')
    {
      g_autofree char *shown = amparo_clients_format_date (date);

      g_string_append_printf (text, " · %s", shown);
    }
  g_string_append_printf (text, " · %s\n", size);
  if (about != NULL)
    {
      /* Translators: the case or hearing a document is about, "About: SIJS · A-123-456-789" */
      g_string_append_printf (text, _("About: %s"), about);
      g_string_append_c (text, '\n');
    }
  /* Translators: who attached a document and when, "Added by maria on 2 Dec 2026" */
  g_string_append_printf (text, _("Added by %s on %s"), who != NULL ? who : _("unknown"), added_on);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
title_of (AmparoDocument *document)
{
  const char *description = amparo_document_get_description (document);

  if (description != NULL && *description != '\0')
    return description;
  if (amparo_document_get_file_name (document) != NULL)
    return amparo_document_get_file_name (document);
  return amparo_document_kind_get_label (amparo_document_get_kind (document));
}

/* The thumbnail's place in a row: a picture, or a placeholder that says
 * (in its tooltip and in the row) why there is none. */
static void
show_thumbnail (GtkWidget  *frame,
                GdkTexture *texture,
                const char *problem)
{
  GtkWidget *child;
  AdwActionRow *row = g_object_get_data (G_OBJECT (frame), "row");

  if (texture != NULL)
    {
      /* An image, not a GtkPicture: a square of the same size whatever
       * the shape, so the rows' titles line up. */
      child = gtk_image_new_from_paintable (GDK_PAINTABLE (texture));
      gtk_image_set_pixel_size (GTK_IMAGE (child), AMPARO_DOCUMENTS_THUMBNAIL_SIZE);
      gtk_widget_set_name (child, "document-thumbnail");
    }
  else
    {
      child = gtk_image_new_from_icon_name (problem != NULL ? "image-missing-symbolic" : "content-loading-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (child), 32);
      gtk_widget_add_css_class (child, "dim-label");
      gtk_widget_set_name (child, problem != NULL ? "document-placeholder" : "document-loading");
      if (problem != NULL)
        amparo_tooltip_set (child, problem);
    }
  gtk_widget_set_size_request (child, AMPARO_DOCUMENTS_THUMBNAIL_SIZE, AMPARO_DOCUMENTS_THUMBNAIL_SIZE);
  adw_bin_set_child (ADW_BIN (frame), child);

  if (problem != NULL && row != NULL)
    {
      const char *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
      g_autofree char *text = g_strdup_printf ("%s\n%s", subtitle, problem);

      adw_action_row_set_subtitle (row, text);
    }
}

typedef struct
{
  AmparoDocumentsPanel *panel;
  GtkWidget *frame;
  char *sha256;
} ThumbnailJob;

static void
thumbnail_job_free (ThumbnailJob *job)
{
  g_object_unref (job->panel);
  g_object_unref (job->frame);
  g_free (job->sha256);
  g_free (job);
}

static void
on_thumbnail_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ThumbnailJob *job = user_data;
  AmparoDocumentsPanel *self = job->panel;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = amparo_thumbnail_render_finish (result, &error);

  self->n_pending--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      thumbnail_job_free (job);
      return;
    }
  if (pixbuf != NULL)
    {
      GdkTexture *texture = gdk_texture_new_for_pixbuf (pixbuf);

      g_hash_table_insert (self->thumbnails, g_strdup (job->sha256), texture);
      show_thumbnail (job->frame, texture, NULL);
    }
  else
    {
      g_hash_table_insert (self->thumbnail_errors, g_strdup (job->sha256), g_strdup (error->message));
      show_thumbnail (job->frame, NULL, error->message);
    }
  thumbnail_job_free (job);
}

static void
start_thumbnail (AmparoDocumentsPanel *self,
                 AmparoDocument       *document,
                 GtkWidget            *frame)
{
  const char *sha256 = amparo_document_get_sha256 (document);
  GdkTexture *texture = g_hash_table_lookup (self->thumbnails, sha256);
  const char *problem = g_hash_table_lookup (self->thumbnail_errors, sha256);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ThumbnailJob *job;

  if (texture != NULL || problem != NULL)
    {
      show_thumbnail (frame, texture, problem);
      return;
    }
  show_thumbnail (frame, NULL, NULL);
  bytes = amparo_store_document_read (self->store, amparo_record_get_id (AMPARO_RECORD (document)), NULL, &error);
  if (bytes == NULL)
    {
      show_thumbnail (frame, NULL, error->message);
      return;
    }
  job = g_new0 (ThumbnailJob, 1);
  job->panel = g_object_ref (self);
  job->frame = g_object_ref (frame);
  job->sha256 = g_strdup (sha256);
  self->n_pending++;
  amparo_thumbnail_render_async (bytes, AMPARO_DOCUMENTS_THUMBNAIL_SIZE, self->cancellable,
                                 on_thumbnail_done_cb, job);
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  AmparoDocumentsPanel *self = user_data;
  AmparoDocument *document = item;
  const char *uid = amparo_record_get_uid (AMPARO_RECORD (document));
  g_autofree char *subtitle = describe (self->store, document);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *frame = adw_bin_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_of (document));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "subtitle", g_steal_pointer (&subtitle), g_free);

  gtk_widget_set_margin_top (frame, 6);
  gtk_widget_set_margin_bottom (frame, 6);
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (frame), "row", row);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), frame);
  start_thumbnail (self, document, frame);

  amparo_clients_row_add_icon_button (row, "document-open-symbolic", _("Open Document"), "documents.open", uid);
  amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit Document"), "documents.edit", uid);
  amparo_clients_row_add_icon_button (row, "user-trash-symbolic", _("Move to Trash"), "documents.delete", uid);
  /* A hearing notice can be read for its date, time, court and A-Number. */
  if (amparo_document_get_kind (document) == AMPARO_DOCUMENT_KIND_HEARING_NOTICE)
    amparo_clients_row_add_icon_button (row, "edit-find-symbolic", _("Read Hearing Notice"),
                                        "documents.read-notice", uid);
  return row;
}

static void
refresh (AmparoDocumentsPanel *self)
{
  g_autoptr(GListModel) documents = amparo_store_list_documents (self->store, self->person);

  gtk_list_box_bind_model (self->documents_list, documents, create_document_row, self, NULL);
}

static void
on_record_changed_cb (AmparoDocumentsPanel *self,
                      AmparoRecord         *record,
                      AmparoStore          *store)
{
  /* A case or hearing renamed changes what the rows say they are about. */
  if (AMPARO_IS_DOCUMENT (record) || AMPARO_IS_PROCEEDING (record) || AMPARO_IS_EVENT (record) ||
      AMPARO_IS_EVIDENCE (record))
    refresh (self);
}

/**
 * amparo_documents_panel_add_bytes:
 * @file_name: (nullable): the name it had, if any
 *
 * Attaches @bytes to the client as a new document of kind "other", to be
 * told apart with Edit. Says in a toast what happened.
 *
 * Returns: whether it was attached; otherwise @error says why (too large,
 *   already there…)
 */
gboolean
amparo_documents_panel_add_bytes (AmparoDocumentsPanel  *self,
                                  GBytes                *bytes,
                                  const char            *file_name,
                                  GError               **error)
{
  g_autoptr(AmparoDocument) document = amparo_document_new ();
  g_autofree char *message = NULL;

  g_return_val_if_fail (AMPARO_IS_DOCUMENTS_PANEL (self), FALSE);
  g_return_val_if_fail (self->person != NULL, FALSE);

  amparo_document_set_person_id (document, amparo_record_get_id (AMPARO_RECORD (self->person)));
  amparo_document_set_kind (document, AMPARO_DOCUMENT_KIND_OTHER);
  amparo_document_set_file_name (document, file_name);
  if (!amparo_store_attach_document (self->store, document, bytes, error))
    return FALSE;
  /* Translators: a file just attached, "“aviso.pdf” added to the documents" */
  message = g_strdup_printf (_("“%s” added to the documents"), title_of (document));
  amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (message));
  return TRUE;
}

typedef struct
{
  AmparoDocumentsPanel *panel;
  char *name;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->panel);
  g_free (job->name);
  g_free (job);
}

static void
show_problem (AmparoDocumentsPanel *self,
              const char           *name,
              const char           *problem)
{
  /* Translators: a file that could not be attached, and why */
  g_autofree char *message = g_strdup_printf (_("“%s”: %s"), name, problem);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  amparo_clients_toast (GTK_WIDGET (self), toast);
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  job->panel->n_pending--;
  /* The page went away while the file was read: nothing to say. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_job_free (job);
      return;
    }
  if (bytes == NULL || job->panel->person == NULL ||
      !amparo_documents_panel_add_bytes (job->panel, bytes, job->name, &error))
    show_problem (job->panel, job->name, error != NULL ? error->message : "");
  load_job_free (job);
}

static void
add_file (AmparoDocumentsPanel *self,
          GFile                *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback = g_file_get_basename (file);
  LoadJob *job;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      show_problem (self, fallback != NULL ? fallback : "", error->message);
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      show_problem (self, g_file_info_get_display_name (info), _("Only files can be attached, not folders."));
      return;
    }
  /* Past the limit: say so before reading a byte of it. */
  if (g_file_info_get_size (info) > AMPARO_DOCUMENT_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (AMPARO_DOCUMENT_MAX_SIZE);
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *problem = g_strdup_printf (_("The file is %s; a document may be at most %s. Scan it at a lower resolution or split it; nothing was attached."),
                                                  size, limit);

      show_problem (self, g_file_info_get_display_name (info), problem);
      return;
    }
  job = g_new0 (LoadJob, 1);
  job->panel = g_object_ref (self);
  job->name = g_strdup (g_file_info_get_display_name (info));
  self->n_pending++;
  g_file_load_bytes_async (file, self->cancellable, on_file_loaded_cb, job);
}

/**
 * amparo_documents_panel_add_files:
 * @files: (element-type GFile): files dropped or chosen
 *
 * Reads each file (without blocking the window) and attaches it.
 */
void
amparo_documents_panel_add_files (AmparoDocumentsPanel *self,
                                  GSList               *files)
{
  g_return_if_fail (AMPARO_IS_DOCUMENTS_PANEL (self));

  if (self->person == NULL)
    return;
  for (GSList *l = files; l != NULL; l = l->next)
    add_file (self, l->data);
}

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            AmparoDocumentsPanel *self)
{
  GdkFileList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->person == NULL)
    return FALSE;
  list = g_value_get_boxed (value);
  amparo_documents_panel_add_files (self, gdk_file_list_get_files (list));
  return TRUE;
}

/**
 * amparo_documents_panel_accept_drops:
 * @page: the client's page
 *
 * Files dropped anywhere on @page are attached to the client.
 */
void
amparo_documents_panel_accept_drops (AmparoDocumentsPanel *self,
                                     GtkWidget            *page)
{
  g_return_if_fail (AMPARO_IS_DOCUMENTS_PANEL (self));
  g_return_if_fail (self->drop_target == NULL);

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (page, GTK_EVENT_CONTROLLER (self->drop_target));
  self->drop_page = page;
}

static void
on_add_response_cb (GtkNativeDialog      *dialog,
                    int                   response,
                    AmparoDocumentsPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      amparo_documents_panel_add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }
  g_object_unref (dialog);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add Documents"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_add_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_paste_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmparoDocumentsPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H.%M.%S");
  /* Translators: the file name of an image pasted from the clipboard */
  g_autofree char *name = g_strdup_printf (_("Pasted image %s.png"), stamp);

  self->n_pending--;
  if (texture == NULL)
    {
      amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (_("The clipboard holds no image to paste.")));
      return;
    }
  png = gdk_texture_save_to_png_bytes (texture);
  if (self->person != NULL && !amparo_documents_panel_add_bytes (self, png, name, &error))
    show_problem (self, name, error->message);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (widget);

  self->n_pending++;
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                    on_paste_done_cb, g_object_ref (self));
}

static gboolean
remove_copy_later_cb (gpointer path)
{
  amparo_store_document_remove_copy (path);
  return G_SOURCE_REMOVE;
}

static void
on_app_shutdown_cb (GApplication *application,
                    gpointer      user_data)
{
  amparo_store_document_remove_copy (NULL);
}

/* Private copies go when the app quits, whichever panel made them. */
static void
remove_copies_at_quit (void)
{
  static gboolean connected;
  GApplication *application = g_application_get_default ();

  if (connected || application == NULL)
    return;
  g_signal_connect (application, "shutdown", G_CALLBACK (on_app_shutdown_cb), NULL);
  connected = TRUE;
}

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmparoDocumentsPanel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("No program could open the document: %s"), error->message);

      amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (message));
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (widget);
  g_autoptr(AmparoRecord) document = amparo_clients_find_copy (self->store, AMPARO_TYPE_DOCUMENT, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (document == NULL)
    return;
  path = amparo_store_document_open_copy (self->store, AMPARO_DOCUMENT (document), &error);
  if (path == NULL)
    {
      amparo_clients_toast (widget, adw_toast_new (error->message));
      return;
    }
  remove_copies_at_quit ();
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, COPY_LIFETIME_SECONDS, remove_copy_later_cb,
                              g_strdup (path), g_free);
  uri = g_filename_to_uri (path, NULL, NULL);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_launched_cb, g_object_ref (self));
}

/* The notice beside the hearing it proposes; nothing is saved until the
 * user confirms there. */
static void
read_notice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (widget);
  g_autoptr(AmparoRecord) document = amparo_clients_find_copy (self->store, AMPARO_TYPE_DOCUMENT, parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;

  if (document == NULL)
    return;
  bytes = amparo_store_document_read (self->store, amparo_record_get_id (document), &content_type, &error);
  if (bytes == NULL)
    {
      amparo_clients_toast (widget, adw_toast_new (error->message));
      return;
    }
  amparo_notice_dialog_present (widget, self->store, self->person, bytes, content_type);
}

static void
on_form_saved_cb (AmparoRecordForm *form,
                  AmparoRecord     *record,
                  GtkWidget        *self)
{
  amparo_clients_toast (self, adw_toast_new (_("Document saved")));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (widget);
  g_autoptr(AmparoRecord) document = amparo_clients_find_copy (self->store, AMPARO_TYPE_DOCUMENT, parameter);
  AmparoRecordForm *form;

  if (document == NULL)
    return;
  form = amparo_record_form_new (widget, self->store, document, _("Edit Document"));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
  amparo_record_form_add_combo (form, "kind", _("Type"), AMPARO_TYPE_DOCUMENT_KIND);
  amparo_record_form_add_date (form, "document-date", _("Date on the document"), FALSE);
  amparo_record_form_add_entry (form, "description", _("Description"));
  amparo_document_links_add_rows (form, self->store, self->person);
  gtk_window_present (GTK_WINDOW (form));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (widget);
  g_autoptr(AmparoRecord) document = amparo_clients_find_copy (self->store, AMPARO_TYPE_DOCUMENT, parameter);

  if (document != NULL)
    amparo_clients_trash_with_undo (widget, self->store, document, _("Document moved to the Trash"));
}

static void
on_export_response_cb (GtkNativeDialog      *dialog,
                       int                   response,
                       AmparoDocumentsPanel *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT && self->person != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (amparo_store_export_documents (self->store, self->person, path, &n, &error))
        {
          g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document exported",
                                                                   "%u documents exported", n), n);

          amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (message));
        }
      else
        amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (error->message));
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *client = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->person == NULL)
    return;
  client = amparo_clients_dup_name (self->person);
  /* Translators: the suggested file name of a client's exported documents */
  name = g_strdup_printf (_("Documents of %s.zip"), client);
  chooser = gtk_file_chooser_native_new (_("Export All Documents"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
disconnect_store (AmparoDocumentsPanel *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
}

static void
amparo_documents_panel_dispose (GObject *object)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  disconnect_store (self);
  if (self->drop_target != NULL && self->drop_page != NULL)
    {
      gtk_widget_remove_controller (self->drop_page, GTK_EVENT_CONTROLLER (self->drop_target));
      self->drop_target = NULL;
      self->drop_page = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_DOCUMENTS_PANEL);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_documents_panel_parent_class)->dispose (object);
}

static void
amparo_documents_panel_finalize (GObject *object)
{
  AmparoDocumentsPanel *self = AMPARO_DOCUMENTS_PANEL (object);

  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->thumbnail_errors, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (amparo_documents_panel_parent_class)->finalize (object);
}

static void
amparo_documents_panel_class_init (AmparoDocumentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_documents_panel_dispose;
  object_class->finalize = amparo_documents_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-documents-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoDocumentsPanel, documents_list);

  gtk_widget_class_install_action (widget_class, "documents.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "documents.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "documents.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "documents.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "documents.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "documents.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "documents.read-notice", "s", read_notice_action);
}

static void
amparo_documents_panel_init (AmparoDocumentsPanel *self)
{
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->thumbnail_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_documents_panel_set_person:
 * @person: a saved client
 *
 * Lists @person's documents and keeps them up to date.
 */
void
amparo_documents_panel_set_person (AmparoDocumentsPanel *self,
                                   AmparoStore          *store,
                                   AmparoPerson         *person)
{
  g_return_if_fail (AMPARO_IS_DOCUMENTS_PANEL (self));

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->changed_handler = g_signal_connect_object (store, "record-changed",
                                                   G_CALLBACK (on_record_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  refresh (self);
}

/**
 * amparo_documents_panel_get_n_pending:
 *
 * Returns: how many files are being read and thumbnails made (tests wait
 *   for none)
 */
guint
amparo_documents_panel_get_n_pending (AmparoDocumentsPanel *self)
{
  g_return_val_if_fail (AMPARO_IS_DOCUMENTS_PANEL (self), 0);

  return self->n_pending;
}
