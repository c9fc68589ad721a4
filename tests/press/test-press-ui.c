/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "amparo-date-entry.h"
#include "amparo-language.h"
#include "amparo-organization-preferences.h"
#include "amparo-press-page.h"
#include "amparo-release-editor.h"
#include "amparo-sample-data.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-trash-dialog.h"

/* The Press releases page over a real store with the sample data, under
 * Xvfb: a release written in both languages through the editor's
 * widgets, demands attached (one written inline), approval, export,
 * preview, a language switch in the middle of an edit, and a published
 * release that stays read-only until it is edited as a correction. */

#define SCRIPT_TITLE "Court orders <script>alert(1)</script> reunification"

typedef struct
{
  char              *dir;
  AmparoStore       *store;
  AmparoWindowState *state;
  GtkWindow         *window;
  AmparoPressPage   *page;
} Fixture;

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
widget (Fixture    *f,
        const char *name)
{
  GtkWidget *found = find_named (GTK_WIDGET (f->page), name);

  g_assert_nonnull (found);
  return found;
}

static void
type_text (Fixture    *f,
           const char *name,
           const char *text)
{
  GtkWidget *target = widget (f, name);

  if (GTK_IS_TEXT_VIEW (target))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (target)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (target), text);
  amparo_test_wait (50);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
  amparo_test_wait (100);
}

static void
build_page (Fixture *f)
{
  f->page = g_object_new (AMPARO_TYPE_PRESS_PAGE, "store", f->store, "state", f->state, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  f->window = amparo_test_present_page (GTK_WIDGET (f->page));
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
}

/* What a language switch does: the page saves its state, is thrown away,
 * and a new one is built from the templates in the other language. */
static void
rebuild_page (Fixture    *f,
              const char *language)
{
  amparo_section_page_save_state (AMPARO_SECTION_PAGE (f->page));
  gtk_window_destroy (f->window);
  amparo_test_wait (250);
  amparo_language_set (language);
  build_page (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = amparo_test_make_dir ();
  f->store = amparo_test_open_store (f->dir, "amparo.db");
  amparo_sample_data_load (f->store, &error);
  g_assert_no_error (error);
  f->state = amparo_window_state_new ();
  amparo_language_set ("en");
  build_page (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  amparo_test_wait (250);
  amparo_test_until ((f->page) == NULL);
  g_assert_null (f->page);
  g_clear_object (&f->state);
  g_clear_object (&f->store);
  amparo_test_remove_dir (f->dir);
  g_free (f->dir);
  amparo_language_set ("en");
}

static void
set_organization (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoOrganization) organization = amparo_store_get_organization (f->store, &error);

  g_assert_no_error (error);
  amparo_organization_set_name (organization, "Amparo Legal Defense");
  amparo_organization_set_about_en (organization, "Amparo defends immigrant families in court.");
  amparo_organization_set_about_es (organization, "Amparo defiende a familias inmigrantes en los tribunales.");
  g_assert_true (amparo_store_save (f->store, AMPARO_RECORD (organization), &error));
  g_assert_no_error (error);
}

static void
write_release (Fixture *f)
{
  activate (f, "section.new");
  type_text (f, "title-en", SCRIPT_TITLE);
  type_text (f, "body-en", "Families **must** be reunited now.");
  g_assert_true (gtk_widget_get_visible (widget (f, "spanish-missing")));
  type_text (f, "title-es", "Jueza ordena la reunificación");
  type_text (f, "body-es", "Las familias **deben** reunirse ya.");
  g_assert_false (gtk_widget_get_visible (widget (f, "spanish-missing")));
  type_text (f, "contact-row", "Renee Garcia, 213-634-7615");
}

static void
attach_demands (Fixture *f)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget (f, "existing-demand")), 0);
  g_signal_emit_by_name (widget (f, "add-existing-button"), "clicked");
  type_text (f, "new-demand-en", "Fund lawyers for every detained parent");
  type_text (f, "new-demand-es", "Financiar abogados para cada madre o padre detenido");
  g_signal_emit_by_name (widget (f, "add-new-button"), "clicked");
  amparo_test_wait (100);
  amparo_test_until ((amparo_test_find_text (GTK_WIDGET (f->page), "2. Fund lawyers for every detained parent", FALSE)) >= (0));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->page),
                                          "2. Fund lawyers for every detained parent", FALSE), >=, 0);
}

static gboolean
journal_has (Fixture             *f,
             AmparoRecord        *record,
             AmparoJournalAction  action,
             const char          *changes_part)
{
  g_autoptr(GListModel) history = amparo_store_list_history (f->store, record);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (history, i);
      const char *changes = amparo_journal_entry_get_changes (entry);

      if (amparo_journal_entry_get_action (entry) == action
          && g_strcmp0 (amparo_journal_entry_get_actor (entry), g_get_user_name ()) == 0
          && (changes_part == NULL || (changes != NULL && strstr (changes, changes_part) != NULL)))
        return TRUE;
    }
  return FALSE;
}

static void
test_write_approve_export (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) demands = NULL;
  g_autofree char *html_path = g_build_filename (f->dir, "release.html", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "release.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (f->dir, "page", NULL);
  g_autofree char *png_path = g_build_filename (f->dir, "page-1.png", NULL);
  g_autofree char *html = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  AmparoRelease *draft;
  const char *preview;

  set_organization (f);
  write_release (f);
  attach_demands (f);
  activate (f, "section.save");
  draft = amparo_press_page_get_draft (f->page);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (draft)), !=, 0);
  demands = amparo_store_list_release_demands (f->store, draft);
  g_assert_cmpuint (g_list_model_get_n_items (demands), ==, 2);

  activate (f, "press.advance");
  g_assert_cmpint (amparo_release_get_status (draft), ==, AMPARO_RELEASE_STATUS_IN_REVIEW);
  activate (f, "press.advance");
  g_assert_cmpint (amparo_release_get_status (draft), ==, AMPARO_RELEASE_STATUS_APPROVED);
  g_assert_true (journal_has (f, AMPARO_RECORD (draft), AMPARO_JOURNAL_ACTION_UPDATE, "status"));

  g_assert_true (amparo_press_page_export_to (f->page, html_path, AMPARO_RELEASE_COMBINED,
                                              AMPARO_RELEASE_FILE_HTML, &error));
  g_assert_no_error (error);
  g_assert_true (journal_has (f, AMPARO_RECORD (draft), AMPARO_JOURNAL_ACTION_EXPORT, NULL));
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Families <strong>must</strong> be reunited now."));
  g_assert_nonnull (strstr (html, "Español abajo"));
  g_assert_nonnull (strstr (html, "Las familias <strong>deben</strong> reunirse ya."));
  g_assert_true (strstr (html, "be reunited now") < strstr (html, "reunirse ya"));
  g_assert_nonnull (strstr (html, "<li>Fund lawyers for every detained parent</li>"));
  g_assert_nonnull (strstr (html, "<li>Financiar abogados para cada madre o padre detenido</li>"));
  g_assert_nonnull (strstr (html, "Renee Garcia, 213-634-7615"));
  g_assert_nonnull (strstr (html, "Amparo defends immigrant families in court."));
  g_assert_nonnull (strstr (html, "Amparo defiende a familias inmigrantes en los tribunales."));
  g_assert_nonnull (strstr (html, "Court orders &lt;script&gt;alert(1)&lt;/script&gt; reunification"));
  g_assert_null (strstr (html, "<script"));

  amparo_press_page_show_preview (f->page, AMPARO_RELEASE_COMBINED);
  amparo_test_wait (100);
  preview = gtk_label_get_text (GTK_LABEL (widget (f, "preview-label")));
  g_assert_nonnull (strstr (preview, SCRIPT_TITLE));
  g_assert_nonnull (strstr (preview, "Español abajo"));

  g_assert_true (amparo_press_page_export_to (f->page, pdf_path, AMPARO_RELEASE_COMBINED,
                                              AMPARO_RELEASE_FILE_PDF, &error));
  g_assert_no_error (error);
  if (pdftoppm != NULL)
    {
      const char *argv[] = { pdftoppm, "-png", "-f", "1", "-l", "1", pdf_path, png_prefix, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      if (!g_file_test (png_path, G_FILE_TEST_EXISTS))
        {
          g_free (png_path);
          png_path = g_build_filename (f->dir, "page-01.png", NULL);
        }
      g_assert_true (g_file_test (png_path, G_FILE_TEST_EXISTS));
    }
}

static void
test_language_switch_keeps_text (Fixture       *f,
                                 gconstpointer  data)
{
  activate (f, "section.new");
  type_text (f, "title-en", "Typed before the switch");
  type_text (f, "body-es", "Texto escrito antes del cambio");
  type_text (f, "new-demand-en", "An ask written inline");
  g_signal_emit_by_name (widget (f, "add-new-button"), "clicked");
  amparo_test_wait (100);

  rebuild_page (f, "es");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "title-en"))), ==,
                   "Typed before the switch");
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->page), "1. An ask written inline", FALSE), >=, 0);
  type_text (f, "title-es", "Escrito después");

  rebuild_page (f, "en");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "title-es"))), ==,
                   "Escrito después");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget (f, "body-es")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Texto escrito antes del cambio");
  }
}

static void
test_published_read_only (Fixture       *f,
                          gconstpointer  data)
{
  AmparoRelease *draft;

  write_release (f);
  activate (f, "section.save");
  draft = amparo_press_page_get_draft (f->page);
  activate (f, "press.advance");
  activate (f, "press.advance");
  activate (f, "press.advance");
  g_assert_cmpint (amparo_release_get_status (draft), ==, AMPARO_RELEASE_STATUS_PUBLISHED);
  g_assert_false (gtk_widget_is_sensitive (widget (f, "title-en")));
  g_assert_false (gtk_widget_is_sensitive (widget (f, "body-es")));

  activate (f, "press.correct");
  g_assert_true (gtk_widget_is_sensitive (widget (f, "title-en")));
  type_text (f, "title-en", "Court orders reunification (corrected)");
  activate (f, "section.save");
  g_assert_cmpint (amparo_release_get_status (draft), ==, AMPARO_RELEASE_STATUS_PUBLISHED);
  /* The published title is kept in the record's history. */
  g_assert_true (journal_has (f, AMPARO_RECORD (draft), AMPARO_JOURNAL_ACTION_UPDATE, "alert(1)"));
  g_assert_false (gtk_widget_is_sensitive (widget (f, "title-en")));
}

static char *
zone_item (Fixture *f,
           guint    position)
{
  GListModel *zones = adw_combo_row_get_model (ADW_COMBO_ROW (widget (f, "embargo-zone-row")));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (zones, position);

  return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

static void
pick_zone (Fixture    *f,
           const char *words)
{
  GtkWidget *row = widget (f, "embargo-zone-row");
  GListModel *zones = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autofree char *item = zone_item (f, i);

      if (g_str_equal (item, words))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          amparo_test_wait (50);
          return;
        }
    }
  g_assert_not_reached ();
}

/* "Mark as Published" follows the store's workflow like publishing does:
 * not during the embargo, and an approved release edited goes back to
 * review instead of staying "Approved" with new text. */
static void
test_mark_published_follows_rules (Fixture       *f,
                                   gconstpointer  data)
{
  AmparoRelease *draft;

  write_release (f);
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget (f, "embargo-row")), 1);
  pick_zone (f, "Pacific time");
  type_text (f, "embargo-time-row", "2099-12-11 10:00");
  activate (f, "section.save");
  draft = amparo_press_page_get_draft (f->page);
  activate (f, "press.advance");
  activate (f, "press.advance");
  g_assert_cmpint (amparo_release_get_status (draft), ==, AMPARO_RELEASE_STATUS_APPROVED);
  activate (f, "press.advance");
  g_assert_cmpint (amparo_release_get_status (draft), ==, AMPARO_RELEASE_STATUS_APPROVED);
  g_assert_null (amparo_release_get_published_at (draft));

  type_text (f, "title-en", "Court orders reunification of every family");
  activate (f, "section.save");
  g_assert_cmpint (amparo_release_get_status (draft), ==, AMPARO_RELEASE_STATUS_IN_REVIEW);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->page), "In review", FALSE), >=, 0);
}

/* A click in the text box must leave the focus there: no widget around it
 * may take the click and move the focus elsewhere (the columns' flow box
 * did, so the text could only be reached with Tab). */
static void
test_body_takes_click_focus (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *body;

  activate (f, "section.new");
  body = widget (f, "body-en");
  for (GtkWidget *w = gtk_widget_get_parent (body); w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = NULL;

      if (!GTK_IS_FLOW_BOX (w) && !GTK_IS_LIST_BOX (w))
        continue;
      controllers = gtk_widget_observe_controllers (w);
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller))
            g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_NONE);
        }
    }
  g_assert_true (gtk_widget_grab_focus (body));
  amparo_test_wait (50);
  /* The body is its window's focus widget. Whether the window itself has
   * the keyboard is up to the X server: other tests' windows share it. */
  amparo_test_until (gtk_widget_is_focus (body));
  g_assert_true (gtk_widget_is_focus (body));
}

/* The export offers what was just previewed: after a Spanish preview the
 * Spanish text, under its Spanish title, with the file's extension. */
static void
test_export_follows_preview (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;

  write_release (f);
  activate (f, "section.save");
  g_assert_cmpint (amparo_press_page_get_export_language (f->page), ==, AMPARO_RELEASE_COMBINED);
  amparo_press_page_show_preview (f->page, AMPARO_RELEASE_SPANISH);
  amparo_test_wait (100);
  amparo_test_until ((amparo_press_page_get_export_language (f->page)) == (AMPARO_RELEASE_SPANISH));
  g_assert_cmpint (amparo_press_page_get_export_language (f->page), ==, AMPARO_RELEASE_SPANISH);
  html = amparo_press_page_get_export_name (f->page, AMPARO_RELEASE_FILE_HTML);
  g_assert_cmpstr (html, ==, "Jueza ordena la reunificación.html");
  pdf = amparo_press_page_get_export_name (f->page, AMPARO_RELEASE_FILE_PDF);
  g_assert_true (g_str_has_suffix (pdf, ".pdf"));
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) live = amparo_store_list (f->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  guint before;

  write_release (f);
  activate (f, "section.save");
  before = g_list_model_get_n_items (live);
  activate (f, "section.delete");
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, before - 1);
  g_signal_emit_by_name (amparo_test_find_button (GTK_WIDGET (f->window), "Undo"), "clicked");
  amparo_test_wait (250);
  amparo_test_until ((g_list_model_get_n_items (live)) == (before));
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, before);
}

/* Deleted, a release goes to the Trash with an Undo toast; the app's
 * Trash dialog brings it back into the list as well (#9, #13). */
static void
test_trash_dialog_restores (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) live = amparo_store_list (f->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  g_autoptr(AmparoRelease) saved = NULL;
  AmparoTrashDialog *dialog;
  guint before;

  write_release (f);
  activate (f, "section.save");
  saved = g_object_ref (amparo_press_page_get_draft (f->page));
  before = g_list_model_get_n_items (live);
  activate (f, "section.delete");
  g_assert_nonnull (amparo_test_find_button (GTK_WIDGET (f->window), "Undo"));
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, before - 1);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->page), SCRIPT_TITLE, FALSE), <, 0);

  dialog = amparo_trash_dialog_new (f->window, f->store);
  gtk_window_present (GTK_WINDOW (dialog));
  amparo_test_wait (250);
  amparo_test_until (((amparo_test_find_text (GTK_WIDGET (dialog), SCRIPT_TITLE, FALSE)) >= (0)));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), SCRIPT_TITLE, FALSE), >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "trash.restore", "(ss)",
                                             G_OBJECT_TYPE_NAME (saved),
                                             amparo_record_get_uid (AMPARO_RECORD (saved))));
  amparo_test_wait (250);
  amparo_test_until (((g_list_model_get_n_items (live)) == (before)) && ((amparo_test_find_text (GTK_WIDGET (f->page), SCRIPT_TITLE, FALSE)) >= (0)));
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, before);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (f->page), SCRIPT_TITLE, FALSE), >=, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  amparo_test_wait (100);
}

static char *
body_text (Fixture    *f,
           const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget (f, name)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The embargo's zone is picked from a list in words, the organization's
 * (the office's, TZ=America/Chicago here) first, in both languages; no
 * identifier and no "Etc/UTC" default to type over (#13). */
static void
test_embargo_zone_list (Fixture       *f,
                        gconstpointer  data)
{
  AmparoRelease *draft;
  GListModel *zones;
  g_autofree char *first = NULL;
  g_autofree char *first_es = NULL;

  activate (f, "section.new");
  type_text (f, "title-en", "Embargoed statement");
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget (f, "embargo-row")), 1);
  g_assert_true (ADW_IS_COMBO_ROW (widget (f, "embargo-zone-row")));
  first = zone_item (f, 0);
  g_assert_cmpstr (first, ==, "Central time");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (widget (f, "embargo-zone-row"))), ==, 0);
  zones = adw_combo_row_get_model (ADW_COMBO_ROW (widget (f, "embargo-zone-row")));
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autofree char *item = zone_item (f, i);

      g_assert_null (strchr (item, '/'));
    }
  type_text (f, "embargo-time-row", "2026-12-10 09:30");
  draft = amparo_press_page_get_draft (f->page);
  g_assert_cmpstr (amparo_release_get_embargo_timezone (draft), ==, "America/Chicago");
  g_assert_true (g_str_has_prefix (amparo_release_get_embargo_until (draft), "2026-12-10T09:30:00-06"));

  pick_zone (f, "Pacific time");
  g_assert_cmpstr (amparo_release_get_embargo_timezone (draft), ==, "America/Los_Angeles");
  g_assert_true (g_str_has_prefix (amparo_release_get_embargo_until (draft), "2026-12-10T09:30:00-08"));

  rebuild_page (f, "es");
  first_es = zone_item (f, 0);
  g_assert_cmpstr (first_es, ==, "hora del Centro");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (widget (f, "embargo-zone-row"))), ==, 1);
  {
    g_autofree char *picked = zone_item (f, 1);

    g_assert_cmpstr (picked, ==, "hora del Pacífico");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "embargo-time-row"))), ==,
                   "2026-12-10 09:30");
}

/* The toolbar writes the simple text format; nobody types markup. */
static void
test_format_toolbar_and_embargo (Fixture       *f,
                                 gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *bold = NULL;
  g_autofree char *list = NULL;
  AmparoRelease *draft;

  activate (f, "section.new");
  draft = amparo_press_page_get_draft (f->page);
  type_text (f, "body-en", "make this bold");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget (f, "body-en")));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 10);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_signal_emit_by_name (widget (f, "bold-en"), "clicked");
  bold = body_text (f, "body-en");
  g_assert_cmpstr (bold, ==, "make this **bold**");
  g_assert_cmpstr (amparo_release_get_body_en (draft), ==, "make this **bold**");

  type_text (f, "body-en", "first\nsecond");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_signal_emit_by_name (widget (f, "list-en"), "clicked");
  list = body_text (f, "body-en");
  g_assert_cmpstr (list, ==, "1. first\n2. second");

  g_assert_null (amparo_release_get_embargo_until (draft));
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget (f, "embargo-row")), 1);
  pick_zone (f, "Pacific time");
  type_text (f, "embargo-time-row", "2023-12-11 10:00");
  g_assert_true (g_str_has_prefix (amparo_release_get_embargo_until (draft), "2023-12-11T10:00:00-08"));
  g_assert_cmpstr (amparo_release_get_embargo_timezone (draft), ==, "America/Los_Angeles");
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget (f, "embargo-row")), 0);
  g_assert_null (amparo_release_get_embargo_until (draft));
}

static const char *
message_of (Fixture    *f,
            const char *name)
{
  GtkWidget *message = widget (f, name);

  if (!gtk_widget_get_visible (message))
    return NULL;
  if (ADW_IS_PREFERENCES_ROW (message))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message));
  return gtk_label_get_text (GTK_LABEL (message));
}

/* Save shows every problem at once, each under its field, the focus on
 * the first; a language switch keeps them (in the new language) and
 * everything typed; fixing a field takes its message away (#13). */
static void
test_errors_beside_fields (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListModel) all = amparo_store_list (f->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  guint before = g_list_model_get_n_items (all);
  GtkWidget *focus;

  activate (f, "section.new");
  type_text (f, "body-en", "Text without a title.");
  type_text (f, "date-row", "2021-02-30");
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget (f, "embargo-row")), 1);
  type_text (f, "embargo-time-row", "next Tuesday");
  activate (f, "section.save");

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before);
  g_assert_cmpstr (message_of (f, "title-en-error"), ==,
                   "Give the release a title in English or in Spanish.");
  g_assert_null (message_of (f, "title-es-error"));
  g_assert_cmpstr (message_of (f, "release-date-error"), ==,
                   "2021-02 has no day 30: that month has 28 days.");
  g_assert_cmpstr (message_of (f, "embargo-error"), ==,
                   "The embargo needs a date, a time and a time zone.");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == widget (f, "title-en") || gtk_widget_is_ancestor (focus, widget (f, "title-en")));

  rebuild_page (f, "es");
  g_assert_cmpstr (message_of (f, "title-en-error"), ==,
                   "Escriba un título para el comunicado en inglés o en español.");
  g_assert_cmpstr (message_of (f, "release-date-error"), ==,
                   "2021-02 no tiene día 30: ese mes tiene 28 días.");
  g_assert_cmpstr (message_of (f, "embargo-error"), ==,
                   "El embargo necesita fecha, hora y zona horaria.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "date-row"))), ==, "2021-02-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "embargo-time-row"))), ==, "next Tuesday");
  g_assert_cmpstr (amparo_release_get_body_en (amparo_press_page_get_draft (f->page)), ==,
                   "Text without a title.");

  /* Fixed one by one, each message goes as its field is right. */
  type_text (f, "title-es", "Un título");
  g_assert_null (message_of (f, "title-en-error"));
  g_assert_nonnull (message_of (f, "release-date-error"));
  type_text (f, "date-row", "2021-02-28");
  type_text (f, "embargo-time-row", "2021-03-01 09:00");
  g_assert_null (message_of (f, "release-date-error"));
  g_assert_null (message_of (f, "embargo-error"));
  activate (f, "section.save");
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before + 1);
}

static double
x_in_page (Fixture    *f,
           const char *name)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget (f, name), GTK_WIDGET (f->page), &bounds));
  return bounds.origin.x;
}

/* The toolbar's buttons sit at the end whether the release is saved or
 * has unsaved edits ("Unsaved" showing or not), #13. */
static void
test_toolbar_stays_put (Fixture       *f,
                        gconstpointer  data)
{
  double saved_x, edited_x;

  write_release (f);
  activate (f, "section.save");
  amparo_test_wait (100);
  saved_x = x_in_page (f, "preview-button");
  type_text (f, "title-en", "Edited after saving");
  amparo_test_wait (100);
  edited_x = x_in_page (f, "preview-button");
  g_test_message ("preview button at x=%.0f saved, x=%.0f with unsaved edits", saved_x, edited_x);
  g_assert_cmpfloat (saved_x, ==, edited_x);
  g_assert_cmpfloat (saved_x, >, gtk_widget_get_width (GTK_WIDGET (f->page)) / 2.0);
}

/* The release date is typed as each language writes it (05/12/2026 is
 * 5 December in Spanish) and stored as ISO; the English page shows it
 * as month/day (#9: every date field, the shared AmparoDateEntry). */
static void
test_date_in_language_form (Fixture       *f,
                            gconstpointer  data)
{
  rebuild_page (f, "es");
  write_release (f);
  type_text (f, "date-row", "05/12/2026");
  g_assert_cmpstr (amparo_release_get_release_date (amparo_press_page_get_draft (f->page)), ==, "2026-12-05");
  g_assert_true (AMPARO_IS_DATE_ENTRY (widget (f, "date-row")));
  rebuild_page (f, "en");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "date-row"))), ==, "12/05/2026");
}

/* The Spanish text has its own dateline, typed in its own row and used
 * by the Spanish preview (#13). */
static void
test_dateline_per_language (Fixture       *f,
                            gconstpointer  data)
{
  AmparoRelease *draft;
  const char *preview;

  write_release (f);
  type_text (f, "date-row", "2026-12-10");
  type_text (f, "dateline-en", "LOS ANGELES");
  type_text (f, "dateline-es", "LOS ÁNGELES");
  draft = amparo_press_page_get_draft (f->page);
  g_assert_cmpstr (amparo_release_get_dateline (draft), ==, "LOS ANGELES");
  g_assert_cmpstr (amparo_release_get_dateline_es (draft), ==, "LOS ÁNGELES");

  amparo_press_page_show_preview (f->page, AMPARO_RELEASE_SPANISH);
  amparo_test_wait (100);
  preview = gtk_label_get_text (GTK_LABEL (widget (f, "preview-label")));
  g_assert_nonnull (strstr (preview, "LOS ÁNGELES (10 de diciembre de 2026)"));
  amparo_press_page_show_preview (f->page, AMPARO_RELEASE_ENGLISH);
  amparo_test_wait (100);
  preview = gtk_label_get_text (GTK_LABEL (widget (f, "preview-label")));
  g_assert_nonnull (strstr (preview, "LOS ANGELES (December 10, 2026)"));
}

/* The header's search and the status filter narrow the list; a title in
 * the UI language is shown, or the other one marked as missing. */
static void
test_search_and_filter (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->page);

  g_assert_cmpint (amparo_test_find_text (root, "ImmDef Welcomes Approval of Ms. L vs. ICE Settlement", FALSE), >=, 0);
  amparo_window_state_set_search_text (f->state, "xenophobic");
  amparo_test_wait (100);
  amparo_test_until (((amparo_test_find_text (root, "ImmDef Welcomes Approval of Ms. L vs. ICE Settlement", FALSE)) < (0)) && ((amparo_test_find_text (root, "Biden Administration", TRUE)) >= (0)));
  g_assert_cmpint (amparo_test_find_text (root, "ImmDef Welcomes Approval of Ms. L vs. ICE Settlement", FALSE), <, 0);
  g_assert_cmpint (amparo_test_find_text (root, "Biden Administration", TRUE), >=, 0);
  amparo_window_state_set_search_text (f->state, "");

  activate (f, "section.new");
  type_text (f, "title-es", "Solo en español");
  activate (f, "section.save");
  amparo_test_wait (100);
  amparo_test_until ((amparo_test_find_text (root, "Solo en español (no English version)", FALSE)) >= (0));
  g_assert_cmpint (amparo_test_find_text (root, "Solo en español (no English version)", FALSE), >=, 0);

  /* Draft is position 1 of the filter, after "All statuses". */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget (f, "status-filter")), 1);
  amparo_test_wait (100);
  amparo_test_until (((amparo_test_find_text (root, "Biden Administration", TRUE)) < (0)) && ((amparo_test_find_text (root, "Solo en español (no English version)", FALSE)) >= (0)));
  g_assert_cmpint (amparo_test_find_text (root, "Biden Administration", TRUE), <, 0);
  g_assert_cmpint (amparo_test_find_text (root, "Solo en español (no English version)", FALSE), >=, 0);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* Closing the window with typing not saved asks first; Save keeps it. */
static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) live = amparo_store_list (f->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  guint before = g_list_model_get_n_items (live);
  AdwMessageDialog *dialog;

  activate (f, "section.new");
  type_text (f, "title-en", "Typed and never saved");
  gtk_window_close (f->window);
  amparo_test_wait (100);
  amparo_test_until ((f->window) != NULL);
  g_assert_nonnull (f->window);
  amparo_test_until (((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  /* The window closes once idle; a busy machine may take a while. */
  for (guint i = 0; i < 50 && f->window != NULL; i++)
    amparo_test_wait (100);
  amparo_test_until (((f->window) == NULL) && ((g_list_model_get_n_items (live)) == (before + 1)));
  g_assert_null (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, before + 1);
}

static void
test_organization_preferences (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoOrganization) organization = NULL;
  GtkWidget *window = gtk_window_new ();
  AmparoOrganizationPreferences *prefs = g_object_new (AMPARO_TYPE_ORGANIZATION_PREFERENCES,
                                                       "store", f->store, NULL);
  GtkWidget *rows[2];

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (prefs));
  gtk_window_present (GTK_WINDOW (window));
  amparo_test_wait (100);
  rows[0] = amparo_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (rows[0]);
  gtk_editable_set_text (GTK_EDITABLE (rows[0]), "Amparo Legal Defense");
  g_assert_true (amparo_organization_preferences_save (prefs, &error));
  g_assert_no_error (error);
  organization = amparo_store_get_organization (f->store, &error);
  g_assert_cmpstr (amparo_organization_get_name (organization), ==, "Amparo Legal Defense");
  (void) rows;
  gtk_window_destroy (GTK_WINDOW (window));
  amparo_test_wait (100);

  /* A new release starts with the organization's media contact. */
  amparo_organization_set_media_contact_name (organization, "Renee Garcia");
  amparo_organization_set_media_contact_phone (organization, "213-634-7615");
  g_assert_true (amparo_store_save (f->store, AMPARO_RECORD (organization), &error));
  activate (f, "section.new");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "contact-row"))), ==,
                   "Renee Garcia; 213-634-7615");
}

int
main (int   argc,
      char *argv[])
{
  /* The office's zone, whatever the machine running the tests says. */
  g_setenv ("TZ", "America/Chicago", TRUE);

  if (!amparo_test_init_display (&argc, &argv))
    return 0;

  g_test_add ("/press/ui/write-approve-export", Fixture, NULL,
              fixture_set_up, test_write_approve_export, fixture_tear_down);
  g_test_add ("/press/ui/language-switch", Fixture, NULL,
              fixture_set_up, test_language_switch_keeps_text, fixture_tear_down);
  g_test_add ("/press/ui/published-read-only", Fixture, NULL,
              fixture_set_up, test_published_read_only, fixture_tear_down);
  g_test_add ("/press/ui/mark-published-rules", Fixture, NULL,
              fixture_set_up, test_mark_published_follows_rules, fixture_tear_down);
  g_test_add ("/press/ui/body-click-focus", Fixture, NULL,
              fixture_set_up, test_body_takes_click_focus, fixture_tear_down);
  g_test_add ("/press/ui/export-follows-preview", Fixture, NULL,
              fixture_set_up, test_export_follows_preview, fixture_tear_down);
  g_test_add ("/press/ui/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);

g_test_add ("/press/ui/date-in-language-form", Fixture, NULL, fixture_set_up, test_date_in_language_form, fixture_tear_down);
    g_test_add ("/press/ui/dateline-per-language", Fixture, NULL,
              fixture_set_up, test_dateline_per_language, fixture_tear_down);
  g_test_add ("/press/ui/toolbar-stays-put", Fixture, NULL,
              fixture_set_up, test_toolbar_stays_put, fixture_tear_down);
  g_test_add ("/press/ui/embargo-zone-list", Fixture, NULL,
              fixture_set_up, test_embargo_zone_list, fixture_tear_down);
  g_test_add ("/press/ui/trash-dialog-restores", Fixture, NULL,
              fixture_set_up, test_trash_dialog_restores, fixture_tear_down);
  g_test_add ("/press/ui/errors-beside-fields", Fixture, NULL,
              fixture_set_up, test_errors_beside_fields, fixture_tear_down);
  g_test_add ("/press/ui/format-toolbar-embargo", Fixture, NULL,
              fixture_set_up, test_format_toolbar_and_embargo, fixture_tear_down);
  g_test_add ("/press/ui/search-filter", Fixture, NULL,
              fixture_set_up, test_search_and_filter, fixture_tear_down);
  g_test_add ("/press/ui/close-asks", Fixture, NULL,
              fixture_set_up, test_close_asks, fixture_tear_down);
  g_test_add ("/press/ui/organization", Fixture, NULL,
              fixture_set_up, test_organization_preferences, fixture_tear_down);

  return g_test_run ();
}
