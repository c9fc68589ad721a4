/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-notice-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-date-entry.h"
#include "amparo-notice-reader.h"
#include "amparo-window.h"

/* Read Hearing Notice (#18): the notice beside what Amparo read from it.
 * The reading (amparo-notice-reader.c) runs off the main thread with a
 * Stop button; its proposals fill editable fields, each with the line of
 * the notice it came from, and the A-Number is checked against the
 * client's. Nothing is saved until "Save Hearing": then the client's next
 * scheduled hearing is updated (its old date kept as "moved from"), or a
 * new one made, with "hearing notice" as its source — one ordinary save,
 * journaled as every save is. */

/* Below this width the notice goes above the fields. */
#define SIDE_BY_SIDE_WIDTH 860
/* The picture of a PDF's first page. */
#define PREVIEW_DPI 110.0

struct _AmparoNoticeDialog
{
  AdwWindow             parent_instance;

  AmparoStore          *store;
  AmparoPerson         *person;
  GCancellable         *cancellable;
  gboolean              closed;

  AdwToastOverlay      *toast_overlay;
  GtkButton            *confirm_button;
  GtkBox               *panes;
  GtkStack             *picture_stack;
  GtkPicture           *picture;
  GtkLabel             *no_picture_label;
  GtkBox               *progress_box;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
  AmparoDateEntry      *date_row;
  AdwEntryRow          *time_row;
  AdwEntryRow          *court_row;
  AdwEntryRow          *a_number_row;
  AdwActionRow         *a_number_check_row;
  GtkImage             *a_number_check_icon;
  AdwPreferencesGroup  *found_group;
  AdwActionRow         *date_found_row;
  AdwActionRow         *time_found_row;
  AdwActionRow         *court_found_row;
  AdwActionRow         *a_number_found_row;
};

G_DEFINE_FINAL_TYPE (AmparoNoticeDialog, amparo_notice_dialog, ADW_TYPE_WINDOW)

static void
show_status (AmparoNoticeDialog *self,
             const char         *text,
             gboolean            is_error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
show_document (AmparoNoticeDialog *self,
               GBytes             *document,
               const char         *content_type)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (content_type, "application/pdf") == 0)
    png = amparo_notice_render_first_page (document, PREVIEW_DPI, &error);
  else if (amparo_notice_reader_can_read (content_type))
    png = g_bytes_ref (document);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    {
      gtk_stack_set_visible_child (self->picture_stack, GTK_WIDGET (self->no_picture_label));
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child (self->picture_stack, GTK_WIDGET (self->picture));
}

/* "Found in: “Judge on Dec 5, 2026 at 8:30 AM”" */
static void
show_found (AdwActionRow              *row,
            const AmparoNoticeFinding *finding)
{
  g_autofree char *text = NULL;

  if (finding->value != NULL)
    /* Translators: the line of the notice a value was read from */
    text = g_strdup_printf (_("“%s”"), finding->line);
  adw_action_row_set_subtitle (row, text != NULL ? text : _("Not found in the notice: enter it by hand."));
}

static void
fill_proposals (AmparoNoticeDialog        *self,
                const AmparoNoticeReading *reading)
{
  g_autofree char *a_number = amparo_a_number_format (reading->a_number.value);

  if (reading->date.value != NULL)
    amparo_date_entry_set_date (self->date_row, reading->date.value);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), reading->time.value != NULL ? reading->time.value : "");
  gtk_editable_set_text (GTK_EDITABLE (self->court_row), reading->court.value != NULL ? reading->court.value : "");
  gtk_editable_set_text (GTK_EDITABLE (self->a_number_row), a_number != NULL ? a_number : "");
  show_found (self->date_found_row, &reading->date);
  show_found (self->time_found_row, &reading->time);
  show_found (self->court_found_row, &reading->court);
  show_found (self->a_number_found_row, &reading->a_number);
  gtk_widget_set_visible (GTK_WIDGET (self->found_group), TRUE);
}

static void
finish_reading (AmparoNoticeDialog *self)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), TRUE);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmparoNoticeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoNoticeReading) reading = amparo_notice_read_finish (result, &error);

  if (self->closed)
    return;
  finish_reading (self);
  if (reading == NULL)
    {
      show_status (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                         ? _("Reading was stopped. Enter the hearing by hand from the notice.")
                         : error->message, !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      return;
    }
  fill_proposals (self, reading);
  show_status (self, reading->method == AMPARO_NOTICE_METHOD_TEXT_LAYER
                     ? _("Read from the text of the PDF.")
                     : _("Read from the scan by text recognition, which can mistake letters and digits: compare each value with the notice."),
               FALSE);
}

static void
start_reading (AmparoNoticeDialog *self,
               GBytes             *document,
               const char         *content_type)
{
  self->cancellable = g_cancellable_new ();
  amparo_notice_read_async (document, content_type, self->cancellable, on_read_cb, g_object_ref (self));
}

/* The A-Number on the notice against the client's own. */
static void
on_a_number_changed_cb (AmparoNoticeDialog *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->a_number_row));
  const char *own = amparo_person_get_a_number (self->person);
  g_autofree char *digits = amparo_a_number_normalize (typed, NULL);
  g_autofree char *own_shown = amparo_a_number_format (own);
  g_autofree char *text = NULL;
  gboolean same = digits != NULL && g_strcmp0 (digits, own) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->a_number_check_row), *typed != '\0');
  if (*typed == '\0')
    return;
  if (digits == NULL)
    text = g_strdup (_("This is not an A-Number: it has 8 or 9 digits. Correct it from the notice."));
  else if (own == NULL)
    text = g_strdup (_("The client has no A-Number on file. Check that this notice is the client’s."));
  else if (same)
    text = g_strdup (_("The same as the client’s A-Number."));
  else
    /* Translators: %s is the client's own A-Number, A-123-456-789 */
    text = g_strdup_printf (_("Not the client’s A-Number (%s). Check that this notice is the client’s before saving."),
                            own_shown);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->a_number_check_row), text);
  gtk_image_set_from_icon_name (self->a_number_check_icon, same ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  if (same)
    gtk_widget_remove_css_class (GTK_WIDGET (self->a_number_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->a_number_row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->a_number_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* The client's next hearing still scheduled, if any: a new notice for
 * the same case moves it rather than adding a second one. */
static AmparoEvent *
find_next_hearing (AmparoNoticeDialog *self)
{
  g_autoptr(GListModel) events = amparo_store_list_events (self->store, self->person);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AmparoEvent *next = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);
      const char *starts_at = amparo_event_get_starts_at (event);

      if (amparo_event_get_kind (event) != AMPARO_EVENT_KIND_HEARING
          || amparo_event_get_status (event) != AMPARO_EVENT_STATUS_SCHEDULED
          || starts_at == NULL || strncmp (starts_at, today, 10) < 0)
        continue;
      if (next == NULL || strcmp (starts_at, amparo_event_get_starts_at (next)) < 0)
        g_set_object (&next, event);
    }
  return next;
}

static char *
starts_at_typed (AmparoNoticeDialog  *self,
                 GError             **error)
{
  const char *date = amparo_date_entry_get_date (self->date_row);
  const char *typed_time = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autofree char *time = amparo_notice_parse_time (typed_time);
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      fail (error, _("Enter the hearing’s date, as on the notice."));
      return NULL;
    }
  if (*typed_time != '\0' && time == NULL)
    {
      fail (error, _("Enter the time as on the notice, for example 8:30 AM or 13:00."));
      return NULL;
    }
  return time != NULL ? g_strconcat (date, "T", time, NULL) : g_strdup (date);
}

static gboolean
save_hearing (AmparoNoticeDialog  *self,
              GError             **error)
{
  g_autofree char *starts_at = starts_at_typed (self, error);
  g_autofree char *court = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->court_row))));
  g_autoptr(AmparoEvent) existing = NULL;
  g_autoptr(AmparoEvent) event = NULL;

  if (starts_at == NULL)
    return FALSE;
  if ((existing = find_next_hearing (self)) != NULL)
    {
      event = AMPARO_EVENT (amparo_record_copy (AMPARO_RECORD (existing)));
      if (g_strcmp0 (amparo_event_get_starts_at (existing), starts_at) != 0)
        {
          amparo_event_set_moved_from (event, amparo_event_get_starts_at (existing));
          amparo_event_set_moved_by (event, AMPARO_EVENT_SOURCE_HEARING_NOTICE);
        }
    }
  else
    {
      g_autofree char *zone = amparo_store_default_time_zone ();

      event = amparo_event_new ();
      amparo_event_set_person_id (event, amparo_record_get_id (AMPARO_RECORD (self->person)));
      amparo_event_set_kind (event, AMPARO_EVENT_KIND_HEARING);
      amparo_event_set_time_zone (event, zone);
    }
  amparo_event_set_starts_at (event, starts_at);
  amparo_event_set_status (event, AMPARO_EVENT_STATUS_SCHEDULED);
  amparo_event_set_source (event, AMPARO_EVENT_SOURCE_HEARING_NOTICE);
  if (*court != '\0')
    amparo_event_set_place (event, court);
  return amparo_store_save (self->store, AMPARO_RECORD (event), error);
}

static void
on_confirm_clicked_cb (AmparoNoticeDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!save_hearing (self, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }
  if (AMPARO_IS_WINDOW (parent))
    amparo_window_add_toast (AMPARO_WINDOW (parent), adw_toast_new (_("Hearing saved from the notice")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_stop_clicked_cb (AmparoNoticeDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
on_cancel_clicked_cb (AmparoNoticeDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* At 600 px the notice goes above the fields, and scrolls with them. */
static void
on_width_changed_cb (AmparoNoticeDialog *self)
{
  int width = 0, height = 0;
  gboolean narrow;

  /* GTK 4.8 writes both sizes: neither may be NULL. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < SIDE_BY_SIDE_WIDTH;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->panes),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* Side by side, half each, whatever the length of the Spanish. */
  gtk_box_set_homogeneous (self->panes, !narrow);
}

/* Showing the notice shows the client's case: journaled as a view. */
static void
journal_view (AmparoNoticeDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!amparo_store_log_action (self->store, AMPARO_JOURNAL_ACTION_VIEW, AMPARO_RECORD (self->person),
                                "hearing notice", &error))
    show_status (self, error->message, TRUE);
}

static void
amparo_notice_dialog_dispose (GObject *object)
{
  AmparoNoticeDialog *self = AMPARO_NOTICE_DIALOG (object);

  /* A closed dialog stops tesseract rather than wait for it. */
  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_NOTICE_DIALOG);
  G_OBJECT_CLASS (amparo_notice_dialog_parent_class)->dispose (object);
}

static void
amparo_notice_dialog_finalize (GObject *object)
{
  AmparoNoticeDialog *self = AMPARO_NOTICE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  G_OBJECT_CLASS (amparo_notice_dialog_parent_class)->finalize (object);
}

static void
amparo_notice_dialog_class_init (AmparoNoticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_notice_dialog_dispose;
  object_class->finalize = amparo_notice_dialog_finalize;

  g_type_ensure (AMPARO_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amparo/Amparo/ui/clients/amparo-notice-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, panes);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, picture_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, picture);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, no_picture_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, court_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, a_number_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, a_number_check_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, a_number_check_icon);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, found_group);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, date_found_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, time_found_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, court_found_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoNoticeDialog, a_number_found_row);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_a_number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_width_changed_cb);
}

static void
amparo_notice_dialog_init (AmparoNoticeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_notice_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @person: the client the notice is for
 * @document: the notice's bytes
 * @content_type: their sniffed type (PDF or an image)
 *
 * Starts reading at once.
 */
AmparoNoticeDialog *
amparo_notice_dialog_new (GtkWindow    *parent,
                          AmparoStore  *store,
                          AmparoPerson *person,
                          GBytes       *document,
                          const char   *content_type)
{
  AmparoNoticeDialog *self;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (AMPARO_TYPE_NOTICE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  journal_view (self);
  show_document (self, document, content_type);
  start_reading (self, document, content_type);
  return self;
}

/**
 * amparo_notice_dialog_present:
 * @parent: (nullable): a widget of the window it belongs to
 *
 * Reads a hearing notice of @person and proposes its hearing, saved only
 * when the user confirms it.
 */
void
amparo_notice_dialog_present (GtkWidget    *parent,
                              AmparoStore  *store,
                              AmparoPerson *person,
                              GBytes       *document,
                              const char   *content_type)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AmparoNoticeDialog *self = amparo_notice_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       store, person, document, content_type);

  gtk_window_present (GTK_WINDOW (self));
}
