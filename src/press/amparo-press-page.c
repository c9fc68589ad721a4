/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-press"

#include "config.h"

#include "amparo-press-page.h"

#include <glib/gi18n.h>

#include "amparo-date-format.h"
#include "amparo-language.h"
#include "amparo-press-util.h"
#include "amparo-release-editor.h"
#include "amparo-server-banner.h"  /* banner (#10) */
#include "amparo-window.h"
#include "amparo-wordpress.h"

/* The Press releases section: every release on the left (status filter,
 * the header's search), the open release on the right — the bilingual
 * editor, or its preview as it will be published.
 *
 * The open release is edited as a draft: a copy of the stored record the
 * editor's widgets are bound to, which carries its numbered demands with
 * it. Drafts live in the window state — the open one under
 * "press:current", other releases left with unsaved changes in the list
 * "press:drafts" — so switching records, sections or the language never
 * throws away what was typed. The Demands page asks for a release to be
 * opened by putting it under "press:open". */

#define STATE_CURRENT "press:current"
#define STATE_DRAFTS  "press:drafts"
#define STATE_OPEN    "press:open"

struct _AmparoPressPage
{
  AmparoSectionPage   parent_instance;

  AmparoStore        *store;
  GListModel         *releases;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GListStore         *drafts;
  AmparoRelease      *draft;
  AmparoRelease      *pristine;
  char               *search_text;
  gboolean            selecting;

  AdwLeaflet          *leaflet;
  GtkDropDown         *status_filter;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkStack            *detail_stack;
  GtkStack            *view_stack;
  GtkLabel            *status_label;
  GtkWidget           *unsaved_label;
  GtkButton           *workflow_button;
  GtkWidget           *correction_button;
  GtkToggleButton     *preview_button;
  GtkDropDown         *preview_language;
  GtkLabel            *preview_label;
  AmparoReleaseEditor *editor;
};

G_DEFINE_FINAL_TYPE (AmparoPressPage, amparo_press_page, AMPARO_TYPE_SECTION_PAGE)

typedef struct
{
  AmparoStore  *store;
  AmparoRecord *record;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->record);
  g_free (undo);
}

static gint64
id_of (gpointer record)
{
  return record != NULL ? amparo_record_get_id (AMPARO_RECORD (record)) : 0;
}

static gboolean
is_dirty (AmparoPressPage *self)
{
  g_autoptr(AmparoRelease) empty = NULL;

  if (self->draft == NULL)
    return FALSE;
  if (self->pristine != NULL)
    return amparo_press_releases_differ (self->draft, self->pristine);
  empty = amparo_release_new ();
  return amparo_press_releases_differ (self->draft, empty);
}

static const char *
status_label (AmparoReleaseStatus status)
{
  switch (status)
    {
    case AMPARO_RELEASE_STATUS_DRAFT:
      return C_("release", "Draft");
    case AMPARO_RELEASE_STATUS_IN_REVIEW:
      return C_("release", "In review");
    case AMPARO_RELEASE_STATUS_APPROVED:
      return C_("release", "Approved");
    case AMPARO_RELEASE_STATUS_PUBLISHED:
      return C_("release", "Published");
    case AMPARO_RELEASE_STATUS_WITHDRAWN:
      return C_("release", "Withdrawn");
    default:
      return "";
    }
}

static const char *
advance_label (AmparoReleaseStatus status)
{
  switch (status)
    {
    case AMPARO_RELEASE_STATUS_DRAFT:
      return _("Submit for _Review");
    case AMPARO_RELEASE_STATUS_IN_REVIEW:
      return C_("release", "_Approve");
    case AMPARO_RELEASE_STATUS_APPROVED:
      return _("Mark as _Published");
    default:
      return NULL;
    }
}

static gboolean
is_read_only (AmparoPressPage *self)
{
  return self->draft != NULL
         && amparo_release_get_status (self->draft) == AMPARO_RELEASE_STATUS_PUBLISHED
         && !amparo_press_is_correcting (self->draft);
}

/* The store's workflow rules decide; the page only offers what they allow
 * (publishing still waits for the embargo: that refusal says why). */
static gboolean
can_change_status (AmparoPressPage     *self,
                   AmparoReleaseStatus  to)
{
  g_autoptr(GDateTime) long_after = g_date_time_new_utc (9999, 1, 1, 0, 0, 0);

  if (self->draft == NULL)
    return FALSE;
  return amparo_release_check_status_change (self->draft, amparo_release_get_status (self->draft),
                                             to, long_after, NULL);
}

static void
update_actions (AmparoPressPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean dirty = is_dirty (self);
  gboolean saved = id_of (self->draft) != 0;
  AmparoReleaseStatus status = self->draft != NULL ? amparo_release_get_status (self->draft) : 0;
  const char *advance = advance_label (status);
  g_autofree char *heading = NULL;

  gtk_widget_set_visible (self->unsaved_label, dirty);
  gtk_widget_action_set_enabled (widget, "section.save", dirty);
  gtk_widget_action_set_enabled (widget, "section.delete", saved);
  gtk_widget_action_set_enabled (widget, "section.export", self->draft != NULL);
  gtk_widget_action_set_enabled (widget, "press.advance", advance != NULL);
  gtk_widget_action_set_enabled (widget, "press.correct", is_read_only (self));
  gtk_widget_action_set_enabled (widget, "press.publish", saved && !dirty
                                 && (status == AMPARO_RELEASE_STATUS_APPROVED
                                     || status == AMPARO_RELEASE_STATUS_PUBLISHED
                                     || (status == AMPARO_RELEASE_STATUS_WITHDRAWN /* web: take down */
                                         && amparo_release_get_post_id (self->draft) > 0)));
  gtk_widget_action_set_enabled (widget, "press.withdraw",
                                 can_change_status (self, AMPARO_RELEASE_STATUS_WITHDRAWN));
  gtk_widget_action_set_enabled (widget, "press.to-draft",
                                 status != AMPARO_RELEASE_STATUS_DRAFT
                                 && can_change_status (self, AMPARO_RELEASE_STATUS_DRAFT));
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_button), advance != NULL);
  if (advance != NULL)
    gtk_button_set_label (self->workflow_button, advance);
  gtk_widget_set_visible (self->correction_button, is_read_only (self));
  if (self->draft != NULL && amparo_press_is_correcting (self->draft))
    heading = g_strdup_printf (_("%s — correcting"), status_label (status));
  else
    heading = g_strdup (status_label (status));
  if (self->draft != NULL)  /* web: "Scheduled for…", taken down, private */
    {
      g_autofree char *site = amparo_wordpress_describe_site_status (self->draft);

      if (site != NULL)
        {
          char *both = g_strdup_printf ("%s · %s", heading, site);

          g_free (heading);
          heading = both;
        }
    }
  gtk_label_set_label (self->status_label, heading);
  amparo_release_editor_set_editable (self->editor, !is_read_only (self));
}

static AmparoRelease *
find_by_id (GListModel *model,
            gint64      id,
            guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRelease) item = g_list_model_get_item (model, i);

      if (id_of (item) == id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&item);
        }
    }
  return NULL;
}

static void
park_draft (AmparoPressPage *self)
{
  guint position;
  g_autoptr(AmparoRelease) parked = NULL;

  if (self->draft == NULL)
    return;
  parked = find_by_id (G_LIST_MODEL (self->drafts), id_of (self->draft), &position);
  if (parked != NULL)
    g_list_store_remove (self->drafts, position);
  if (is_dirty (self))
    g_list_store_append (self->drafts, self->draft);
}

static void
select_current (AmparoPressPage *self)
{
  guint position = GTK_INVALID_LIST_POSITION;
  g_autoptr(AmparoRelease) found = NULL;

  if (self->draft != NULL && id_of (self->draft) != 0)
    found = find_by_id (G_LIST_MODEL (self->filtered), id_of (self->draft), &position);

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
update_preview (AmparoPressPage *self)
{
  g_autoptr(AmparoOrganization) organization = NULL;
  g_autoptr(GPtrArray) demands = NULL;
  g_autofree char *markup = NULL;
  GListStore *list;
  guint language = gtk_drop_down_get_selected (self->preview_language);

  if (self->draft == NULL || !gtk_toggle_button_get_active (self->preview_button))
    return;
  list = amparo_press_get_demands (self->store, self->draft);
  demands = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (demands, g_list_model_get_item (G_LIST_MODEL (list), i));
  organization = amparo_store_get_organization (self->store, NULL);
  markup = amparo_release_render (self->draft, demands, organization,
                                  MIN (language, AMPARO_RELEASE_COMBINED), AMPARO_MARKUP_PANGO);
  gtk_label_set_markup (self->preview_label, markup);
}

static void
on_draft_notify_cb (AmparoPressPage *self)
{
  update_actions (self);
  update_preview (self);
}

static void
show_draft (AmparoPressPage *self,
            AmparoRelease   *draft,
            AmparoRelease   *pristine)
{
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  g_set_object (&self->pristine, pristine);
  if (draft != NULL)
    g_signal_connect_object (draft, "notify", G_CALLBACK (on_draft_notify_cb), self,
                             G_CONNECT_SWAPPED);

  amparo_release_editor_set_release (self->editor, draft);
  gtk_stack_set_visible_child_name (self->detail_stack, draft != NULL ? "release" : "none");
  update_actions (self);
  update_preview (self);
}

static void
open_record (AmparoPressPage *self,
             AmparoRelease   *release)
{
  g_autoptr(AmparoRelease) parked = NULL;
  g_autoptr(AmparoRecord) pristine = NULL;
  g_autoptr(AmparoRecord) copy = NULL;

  if (self->draft != NULL && id_of (self->draft) == id_of (release))
    return;

  park_draft (self);
  pristine = amparo_record_copy (AMPARO_RECORD (release));
  parked = find_by_id (G_LIST_MODEL (self->drafts), id_of (release), NULL);
  if (parked == NULL)
    copy = amparo_record_copy (AMPARO_RECORD (release));
  show_draft (self, parked != NULL ? parked : AMPARO_RELEASE (copy), AMPARO_RELEASE (pristine));
}

static void
show_detail (AmparoPressPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
show_toast (AmparoPressPage *self,
            AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Saves and status changes show in the header, not in toasts: toasts
   * in quick succession trip assertions in libadwaita 1.2's toast
   * overlay, and an Undo must never wait behind a "saved". */
  if (AMPARO_IS_WINDOW (root))
    {
      amparo_window_add_toast (AMPARO_WINDOW (root), toast);
      return;
    }
  /* A page shown alone (tests) may sit in a toast overlay of its own. */
  for (GtkWidget *w = GTK_WIDGET (self); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_TOAST_OVERLAY (w))
      {
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (w), toast);
        return;
      }
  g_object_unref (g_object_ref_sink (toast));
}

static void
toast_error (AmparoPressPage *self,
             const GError    *error)
{
  show_toast (self, adw_toast_new (error->message));
}

/* "Name; phone; email" of the organization's default media contact. */
static char *
default_contact (AmparoOrganization *organization)
{
  const char *parts[] = {
    amparo_organization_get_media_contact_name (organization),
    amparo_organization_get_media_contact_phone (organization),
    amparo_organization_get_media_contact_email (organization),
  };
  g_autoptr(GString) contact = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!amparo_press_is_blank (parts[i]))
      g_string_append_printf (contact, "%s%s", contact->len > 0 ? "; " : "", parts[i]);
  return contact->len > 0 ? g_string_free (g_steal_pointer (&contact), FALSE) : NULL;
}

static void
new_release (AmparoPressPage *self)
{
  g_autoptr(AmparoRelease) parked = NULL;
  g_autoptr(AmparoRelease) release = NULL;
  g_autoptr(AmparoOrganization) organization = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (self->draft != NULL && id_of (self->draft) == 0)
    {
      amparo_release_editor_focus_title (self->editor);
      return;
    }
  park_draft (self);
  /* A new release left with text in it is picked up again. */
  parked = find_by_id (G_LIST_MODEL (self->drafts), 0, NULL);
  if (parked != NULL)
    release = g_object_ref (parked);
  else
    {
      release = amparo_release_new ();
      amparo_release_set_release_date (release, today);
      organization = amparo_store_get_organization (self->store, NULL);
      if (organization != NULL)
        {
          g_autofree char *contact = default_contact (organization);

          amparo_release_set_media_contact (release, contact);
        }
    }
  show_draft (self, release, NULL);
  select_current (self);
  show_detail (self);
  amparo_release_editor_focus_title (self->editor);
}

static gboolean
save_draft (AmparoPressPage *self,
            GError         **error)
{
  g_autoptr(AmparoRelease) parked = NULL;
  g_autoptr(AmparoRecord) pristine = NULL;
  guint position;

  parked = find_by_id (G_LIST_MODEL (self->drafts), id_of (self->draft), &position);
  if (!amparo_press_save_release (self->store, self->draft, error))
    return FALSE;
  if (parked != NULL)
    g_list_store_remove (self->drafts, position);
  amparo_press_set_correcting (self->draft, FALSE);
  pristine = amparo_record_copy (AMPARO_RECORD (self->draft));
  g_set_object (&self->pristine, AMPARO_RELEASE (pristine));
  amparo_release_editor_set_release (self->editor, self->draft);
  update_actions (self);
  select_current (self);
  return TRUE;
}

static void save_release (AmparoPressPage *self);

/* banner (#10): the server is back; the open release is saved. */
static void
save_when_back (GtkWidget *widget)
{
  save_release (AMPARO_PRESS_PAGE (widget));
}

static void
save_release (AmparoPressPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->draft == NULL)
    return;
  /* Every problem at once, each under its field. */
  if (!amparo_release_editor_check (self->editor, TRUE))
    return;
  if (!save_draft (self, &error))
    {
      if (!amparo_server_banner_save_again_for (GTK_WIDGET (self), error, save_when_back))
        toast_error (self, error);
      return;
    }
}

static void
set_status (AmparoPressPage     *self,
            AmparoReleaseStatus  status)
{
  g_autoptr(GError) error = NULL;
  AmparoReleaseStatus before = amparo_release_get_status (self->draft);

  if (!amparo_release_editor_check (self->editor, TRUE))
    return;

  /* The change is saved at once, so the journal records who made it —
   * the operating system user — with everything typed before it. */
  amparo_release_set_status (self->draft, status);
  if (status == AMPARO_RELEASE_STATUS_PUBLISHED && amparo_press_is_blank (amparo_release_get_published_at (self->draft)))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *iso = g_date_time_format_iso8601 (now);

      amparo_release_set_published_at (self->draft, iso);
    }
  if (!save_draft (self, &error))
    {
      amparo_release_set_status (self->draft, before);
      if (before != AMPARO_RELEASE_STATUS_PUBLISHED && self->pristine != NULL)
        amparo_release_set_published_at (self->draft, amparo_release_get_published_at (self->pristine));
      toast_error (self, error);
      return;
    }
}

static void
advance (AmparoPressPage *self)
{
  switch (amparo_release_get_status (self->draft))
    {
    case AMPARO_RELEASE_STATUS_DRAFT:
      set_status (self, AMPARO_RELEASE_STATUS_IN_REVIEW);
      break;
    case AMPARO_RELEASE_STATUS_IN_REVIEW:
      set_status (self, AMPARO_RELEASE_STATUS_APPROVED);
      break;
    case AMPARO_RELEASE_STATUS_APPROVED:
      set_status (self, AMPARO_RELEASE_STATUS_PUBLISHED);
      break;
    default:
      break;
    }
}

static void
edit_as_correction (AmparoPressPage *self)
{
  /* The published text stays in the record's history: the save of the
   * correction journals every changed field with its old value. */
  amparo_press_set_correcting (self->draft, TRUE);
  update_actions (self);
  amparo_release_editor_focus_title (self->editor);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!amparo_store_restore (undo->store, undo->record, &error))
    g_warning ("Could not restore the press release: %s", error->message);
}

static void
delete_release (AmparoPressPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoRelease) stored = NULL;
  AdwToast *toast;
  UndoData *undo;

  if (id_of (self->draft) == 0)
    return;
  stored = amparo_store_get_by_id (self->store, AMPARO_TYPE_RELEASE, id_of (self->draft), &error);
  if (stored == NULL || !amparo_store_delete (self->store, AMPARO_RECORD (stored), &error))
    {
      toast_error (self, error);
      return;
    }
  /* An unsaved edit stays with the release in the drafts, for Undo. */
  park_draft (self);
  show_draft (self, NULL, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");

  toast = adw_toast_new (_("Press release moved to Trash"));
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (self->store);
  undo->record = AMPARO_RECORD (g_steal_pointer (&stored));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb),
                         undo, undo_data_free, 0);
  show_toast (self, toast);
}

static GPtrArray *
draft_demands (AmparoPressPage *self)
{
  GListStore *list = amparo_press_get_demands (self->store, self->draft);
  GPtrArray *demands = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (demands, g_list_model_get_item (G_LIST_MODEL (list), i));
  return demands;
}

/**
 * amparo_press_page_export_to:
 *
 * Writes the open release, as it stands in the editor, to @path and
 * journals the export.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_press_page_export_to (AmparoPressPage       *self,
                             const char            *path,
                             AmparoReleaseLanguage  language,
                             AmparoReleaseFile      file,
                             GError               **error)
{
  g_autoptr(GPtrArray) demands = NULL;
  g_autoptr(AmparoOrganization) organization = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (AMPARO_IS_PRESS_PAGE (self), FALSE);
  g_return_val_if_fail (self->draft != NULL, FALSE);

  demands = draft_demands (self);
  organization = amparo_store_get_organization (self->store, NULL);
  if (!amparo_release_write_file (self->draft, demands, organization, language, file, path, error))
    return FALSE;
  details = g_strdup_printf ("%s (%s)", path, amparo_release_file_extension (file));
  if (id_of (self->draft) == 0)
    return TRUE;
  return amparo_store_log_action (self->store, AMPARO_JOURNAL_ACTION_EXPORT,
                                  AMPARO_RECORD (self->draft), details, error);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       AmparoPressPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *format_choice, *language_choice;
  AmparoReleaseFile format;
  AmparoReleaseLanguage language;

  if (response != GTK_RESPONSE_ACCEPT || self->draft == NULL)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  format_choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format");
  language_choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "language");
  format = (AmparoReleaseFile) g_ascii_strtoull (format_choice != NULL ? format_choice : "0", NULL, 10);
  language = (AmparoReleaseLanguage) g_ascii_strtoull (language_choice != NULL ? language_choice : "2", NULL, 10);
  if (!g_str_has_suffix (path, amparo_release_file_extension (format)))
    {
      /* The name offered ends in .html; another format chosen replaces it. */
      char *dot = strrchr (path, '.');
      char *with_extension;

      if (dot != NULL && strchr (dot, '/') == NULL && g_str_equal (dot + 1, amparo_release_file_extension (AMPARO_RELEASE_FILE_HTML)))
        *dot = '\0';
      with_extension = g_strdup_printf ("%s.%s", path, amparo_release_file_extension (format));

      g_free (path);
      path = with_extension;
    }
  if (!amparo_press_page_export_to (self, path, language, format, &error))
    toast_error (self, error);
  else
    show_toast (self, adw_toast_new (_("Press release exported")));
out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* What the export offers first: the language last previewed (a Spanish
 * preview exports Spanish), and a file name with its extension. */
AmparoReleaseLanguage
amparo_press_page_get_export_language (AmparoPressPage *self)
{
  guint previewed;

  g_return_val_if_fail (AMPARO_IS_PRESS_PAGE (self), AMPARO_RELEASE_COMBINED);

  previewed = gtk_drop_down_get_selected (self->preview_language);
  if (!gtk_toggle_button_get_active (self->preview_button) || previewed > AMPARO_RELEASE_COMBINED)
    return AMPARO_RELEASE_COMBINED;
  return (AmparoReleaseLanguage) previewed;
}

/**
 * amparo_press_page_get_export_name:
 *
 * Returns: (transfer full): the file name the export offers: the title
 *   in the export's language, with the extension of @format
 */
char *
amparo_press_page_get_export_name (AmparoPressPage   *self,
                                   AmparoReleaseFile  format)
{
  const char *title;
  g_autofree char *name = NULL;

  g_return_val_if_fail (AMPARO_IS_PRESS_PAGE (self) && self->draft != NULL, NULL);

  title = amparo_press_title (self->draft, amparo_press_page_get_export_language (self) == AMPARO_RELEASE_SPANISH
                                           ? "es" : "en");
  name = g_strdelimit (g_strdup (title != NULL ? title : _("press-release")), "/\\:", '-');
  return g_strdup_printf ("%s.%s", name, amparo_release_file_extension (format));
}

static void
export_release (AmparoPressPage *self)
{
  const char *format_ids[] = { "0", "1", "2", "3", NULL };
  const char *format_labels[] = { _("Web page (HTML)"), _("Markdown"), _("Plain text"), _("PDF"), NULL };
  const char *language_ids[] = { "0", "1", "2", NULL };
  const char *language_labels[] = { C_("language", "English"), C_("language", "Spanish"),
                                    C_("language", "English and Spanish"), NULL };
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  g_autofree char *language = NULL;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->draft == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Press Release"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "format", _("Format"),
                               format_ids, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "format", "0");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "language", _("Language"),
                               language_ids, language_labels);
  language = g_strdup_printf ("%d", amparo_press_page_get_export_language (self));
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "language", language);
  /* Without a filter of its own the dialog shows an unlabeled "(None)". */
  gtk_file_filter_set_name (all, _("Press release files"));
  for (AmparoReleaseFile f = AMPARO_RELEASE_FILE_HTML; f <= AMPARO_RELEASE_FILE_PDF; f++)
    {
      g_autofree char *pattern = g_strdup_printf ("*.%s", amparo_release_file_extension (f));
      gtk_file_filter_add_pattern (all, pattern);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  name = amparo_press_page_get_export_name (self, AMPARO_RELEASE_FILE_HTML);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The Publish to Website dialog belongs to the application
 * (app.publish-release), which checks approval, embargo and the site. */
static void
publish_release (AmparoPressPage *self)
{
  const char *uid = amparo_record_get_uid (AMPARO_RECORD (self->draft));

  if (id_of (self->draft) == 0 || is_dirty (self) || uid == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "app.publish-release", "s", uid);
}

static void
section_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmparoPressPage *self = AMPARO_PRESS_PAGE (widget);

  if (self->store == NULL)
    return;
  if (g_str_equal (action_name, "section.new"))
    new_release (self);
  else if (self->draft == NULL)
    return;
  else if (g_str_equal (action_name, "section.save"))
    save_release (self);
  else if (g_str_equal (action_name, "section.delete"))
    delete_release (self);
  else if (g_str_equal (action_name, "section.export"))
    export_release (self);
  else if (g_str_equal (action_name, "press.advance"))
    advance (self);
  else if (g_str_equal (action_name, "press.publish"))
    publish_release (self);
  else if (g_str_equal (action_name, "press.correct"))
    edit_as_correction (self);
  else if (g_str_equal (action_name, "press.withdraw"))
    {
      set_status (self, AMPARO_RELEASE_STATUS_WITHDRAWN);
      if (amparo_release_get_post_id (self->draft) > 0)  /* web: offers to take it down */
        publish_release (self);
    }
  else if (g_str_equal (action_name, "press.to-draft"))
    set_status (self, AMPARO_RELEASE_STATUS_DRAFT);
}

static gboolean
matches_search (AmparoPressPage *self,
                AmparoRelease   *release)
{
  const char *fields[] = {
    amparo_release_get_title_en (release), amparo_release_get_title_es (release),
    amparo_release_get_body_en (release), amparo_release_get_body_es (release),
    amparo_release_get_dateline (release), amparo_release_get_dateline_es (release),
    amparo_release_get_media_contact (release),
  };

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && g_str_match_string (self->search_text, fields[i], TRUE))
      return TRUE;
  return FALSE;
}

static gboolean
filter_release (gpointer item,
                gpointer user_data)
{
  AmparoPressPage *self = user_data;
  guint status = gtk_drop_down_get_selected (self->status_filter);

  /* Position 0 of the filter is "all"; then the statuses in order. */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION
      && (guint) amparo_release_get_status (item) != status - 1)
    return FALSE;
  return matches_search (self, item);
}

static void
on_filter_changed_cb (AmparoPressPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filtered_items_changed_cb (AmparoPressPage *self)
{
  amparo_section_page_show_list_state (self->list_stack, G_LIST_MODEL (self->filtered),
                                       self->releases);
  select_current (self);
}

static void
on_selected_item_cb (AmparoPressPage    *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  AmparoRelease *release = gtk_single_selection_get_selected_item (selection);

  if (self->selecting || release == NULL)
    return;
  open_record (self, release);
  show_detail (self);
}

static void
on_list_activate_cb (AmparoPressPage *self,
                     guint            position)
{
  show_detail (self);
}

static void
on_preview_toggled_cb (AmparoPressPage *self)
{
  gboolean preview = gtk_toggle_button_get_active (self->preview_button);

  gtk_stack_set_visible_child_name (self->view_stack, preview ? "preview" : "editor");
  update_preview (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static char *
row_title (AmparoRelease *release)
{
  const char *language = amparo_language_get ();
  const char *other = g_strcmp0 (language, "es") == 0 ? "en" : "es";
  const char *title = amparo_press_title (release, language);

  if (title != NULL)
    return g_strdup (title);
  /* The other language's title, marked so the missing version shows. */
  title = amparo_press_title (release, other);
  if (g_strcmp0 (language, "es") == 0)
    return g_strdup_printf (_("%s (no Spanish version)"), title != NULL ? title : _("Untitled"));
  return g_strdup_printf (_("%s (no English version)"), title != NULL ? title : _("Untitled"));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  AmparoRelease *release = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *text = row_title (release);
  g_autofree char *date = amparo_date_format_iso (amparo_release_get_release_date (release),
                                                  amparo_language_get (), AMPARO_DATE_MEDIUM);
  g_autofree char *line = g_strdup_printf ("%s · %s", date != NULL ? date : "—",
                                           status_label (amparo_release_get_status (release)));

  gtk_label_set_label (GTK_LABEL (title), text);
  gtk_label_set_label (GTK_LABEL (subtitle), line);
}

static void
fill_status_filter (AmparoPressPage *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, C_("release", "All statuses"));
  for (AmparoReleaseStatus s = AMPARO_RELEASE_STATUS_DRAFT; s <= AMPARO_RELEASE_STATUS_WITHDRAWN; s++)
    gtk_string_list_append (list, status_label (s));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (list));
  g_object_unref (list);
}

static void
restore_state (AmparoPressPage *self)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));
  GObject *drafts = amparo_window_state_get_object (state, STATE_DRAFTS);
  GObject *current = amparo_window_state_get_object (state, STATE_CURRENT);
  GObject *requested = amparo_window_state_get_object (state, STATE_OPEN);
  g_autoptr(AmparoRelease) pristine = NULL;

  if (G_IS_LIST_STORE (drafts))
    g_set_object (&self->drafts, G_LIST_STORE (drafts));
  if (AMPARO_IS_RELEASE (requested))
    {
      g_object_ref (requested);
      amparo_window_state_set_object (state, STATE_OPEN, NULL);
      amparo_press_page_open_release (self, AMPARO_RELEASE (requested));
      g_object_unref (requested);
      return;
    }
  if (!AMPARO_IS_RELEASE (current))
    return;
  if (id_of (current) != 0)
    pristine = amparo_store_get_by_id (self->store, AMPARO_TYPE_RELEASE, id_of (current), NULL);
  show_draft (self, AMPARO_RELEASE (current), pristine);
  select_current (self);
  show_detail (self);
}

static void
open_from_environment (AmparoPressPage *self)
{
  const char *wanted = g_getenv ("AMPARO_OPEN_RELEASE");
  g_autoptr(AmparoRelease) release = NULL;

  if (wanted == NULL || *wanted == '\0' || self->draft != NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->releases) && release == NULL; i++)
    {
      g_autoptr(AmparoRelease) item = g_list_model_get_item (self->releases, i);
      const char *uid = amparo_record_get_uid (AMPARO_RECORD (item));

      if (g_strcmp0 (uid, wanted) == 0
          || g_str_match_string (wanted, amparo_release_get_title_en (item) ?: "", TRUE)
          || g_str_match_string (wanted, amparo_release_get_title_es (item) ?: "", TRUE))
        release = g_steal_pointer (&item);
    }
  if (release != NULL)
    amparo_press_page_open_release (self, release);
  if (g_strcmp0 (g_getenv ("AMPARO_PRESS_PREVIEW"), "1") == 0)
    amparo_press_page_show_preview (self, AMPARO_RELEASE_COMBINED);
}

static gboolean
has_unsaved_edits (AmparoPressPage *self)
{
  return is_dirty (self)
         || (self->drafts != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) > 0);
}

/* Saves the open draft and every draft left behind; stops at the first
 * the store refuses, and shows it, so nothing is dropped. */
static gboolean
save_all_drafts (AmparoPressPage *self)
{
  g_autoptr(GError) error = NULL;

  park_draft (self);
  while (g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) > 0)
    {
      g_autoptr(AmparoRelease) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), 0);

      if (!amparo_press_save_release (self->store, draft, &error))
        {
          if (draft != self->draft)
            show_draft (self, draft, NULL);
          toast_error (self, error);
          return FALSE;
        }
      g_list_store_remove (self->drafts, 0);
    }
  return TRUE;
}

static void
on_close_response_cb (AmparoPressPage  *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "save") && !save_all_drafts (self))
    return;
  if (!g_str_equal (response, "save") && !g_str_equal (response, "discard"))
    return;
  /* The question must go away before the window it belongs to. */
  amparo_section_page_close_window (AMPARO_SECTION_PAGE (self));
}

/* Closing the window must not throw unsaved typing away either. */
static gboolean
amparo_press_page_close_request (AmparoSectionPage *page)
{
  AmparoPressPage *self = AMPARO_PRESS_PAGE (page);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)));
  AdwMessageDialog *dialog;

  if (self->store == NULL || !has_unsaved_edits (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Save Changes to Press Releases?"),
                                                       _("Some press releases have changes that are not saved yet. If you close without saving, they are lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
amparo_press_page_setup (AmparoSectionPage *page)
{
  AmparoPressPage *self = AMPARO_PRESS_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);

  g_set_object (&self->store, amparo_section_page_get_store (page));
  g_clear_object (&self->releases);
  self->releases = amparo_store_list (self->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  gtk_filter_list_model_set_model (self->filtered, self->releases);
  amparo_release_editor_set_store (self->editor, self->store);
  g_free (self->search_text);
  self->search_text = g_strdup (amparo_window_state_get_search_text (state));
  on_filter_changed_cb (self);
  restore_state (self);
  open_from_environment (self);
  on_filtered_items_changed_cb (self);
}

static void
amparo_press_page_search_changed (AmparoSectionPage *page,
                                  const char        *text)
{
  AmparoPressPage *self = AMPARO_PRESS_PAGE (page);

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  on_filter_changed_cb (self);
}

static void
amparo_press_page_save_state (AmparoSectionPage *page)
{
  AmparoPressPage *self = AMPARO_PRESS_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);

  amparo_window_state_set_object (state, STATE_CURRENT, G_OBJECT (self->draft));
  amparo_window_state_set_object (state, STATE_DRAFTS, G_OBJECT (self->drafts));
}

/**
 * amparo_press_page_open_release:
 *
 * Opens @release (its unsaved draft, if one was left).
 *
 * Returns: %TRUE if it is open
 */
gboolean
amparo_press_page_open_release (AmparoPressPage *self,
                                AmparoRelease   *release)
{
  g_return_val_if_fail (AMPARO_IS_PRESS_PAGE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RELEASE (release), FALSE);

  open_record (self, release);
  select_current (self);
  show_detail (self);
  return self->draft != NULL && id_of (self->draft) == id_of (release);
}

/**
 * amparo_press_page_get_draft:
 *
 * Returns: (transfer none) (nullable): the release being edited
 */
AmparoRelease *
amparo_press_page_get_draft (AmparoPressPage *self)
{
  g_return_val_if_fail (AMPARO_IS_PRESS_PAGE (self), NULL);
  return self->draft;
}

/**
 * amparo_press_page_show_preview:
 *
 * Shows the open release as it will be published in @language.
 */
void
amparo_press_page_show_preview (AmparoPressPage       *self,
                                AmparoReleaseLanguage  language)
{
  g_return_if_fail (AMPARO_IS_PRESS_PAGE (self));

  gtk_drop_down_set_selected (self->preview_language, language);
  gtk_toggle_button_set_active (self->preview_button, TRUE);
}

static void
amparo_press_page_dispose (GObject *object)
{
  AmparoPressPage *self = AMPARO_PRESS_PAGE (object);

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  /* The leaflet is both AdwBin's child and a template child: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_PRESS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->draft);
  g_clear_object (&self->pristine);
  g_clear_object (&self->releases);
  g_clear_object (&self->drafts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_press_page_parent_class)->dispose (object);
}

static void
amparo_press_page_finalize (GObject *object)
{
  AmparoPressPage *self = AMPARO_PRESS_PAGE (object);

  g_free (self->search_text);

  G_OBJECT_CLASS (amparo_press_page_parent_class)->finalize (object);
}

static void
amparo_press_page_class_init (AmparoPressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmparoSectionPageClass *page_class = AMPARO_SECTION_PAGE_CLASS (klass);
  const char *actions[] = {
    "section.new", "section.save", "section.delete", "section.export",
    "press.advance", "press.correct", "press.withdraw", "press.to-draft", "press.publish",
  };

  object_class->dispose = amparo_press_page_dispose;
  object_class->finalize = amparo_press_page_finalize;
  page_class->setup = amparo_press_page_setup;
  page_class->close_request = amparo_press_page_close_request;
  page_class->search_changed = amparo_press_page_search_changed;
  page_class->save_state = amparo_press_page_save_state;

  g_type_ensure (AMPARO_TYPE_RELEASE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/press/amparo-press-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, workflow_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, correction_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, preview_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, preview_language);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, preview_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoPressPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_preview);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, section_action_cb);
}

static void
amparo_press_page_init (AmparoPressPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->drafts = g_list_store_new (AMPARO_TYPE_RELEASE);
  self->filter = gtk_custom_filter_new (filter_release, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_filtered_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  fill_status_filter (self);
  amparo_section_page_setup_list_detail (AMPARO_SECTION_PAGE (self), self->leaflet,
                                         adw_leaflet_get_child_by_name (self->leaflet, "detail"));
  update_actions (self);
}
