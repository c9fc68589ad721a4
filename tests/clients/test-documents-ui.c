/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Documents panel on a real client page under Xvfb (#18): a PDF and
 * a JPEG that the test makes itself (cairo writes the PDF, gdk-pixbuf
 * the JPEG) are dropped on the page through its drop target, as a file
 * manager's drag would deliver them; both get thumbnails of their own
 * shape, a broken PDF gets the placeholder and says why, the same file
 * dropped again is not attached twice, and Move to Trash takes a row
 * away and puts the document in the Trash. */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "amparo-client-editor.h"
#include "amparo-documents-panel.h"
#include "amparo-notice-dialog.h"
#include "amparo-record-form.h"
#include "amparo-store.h"
#include "amparo-test-ui.h"

typedef struct
{
  char *dir;
  AmparoStore *store;
  AmparoPerson *ana;
  GtkWidget *editor;
  GtkWindow *window;
} Fixture;

/* A portrait page (US Letter) with a block of "text". */
static char *
make_pdf (const char *dir)
{
  char *path = g_build_filename (dir, "notice.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.2, 0.6);
  cairo_rectangle (cr, 72, 72, 468, 120);
  cairo_fill (cr);
  cairo_move_to (cr, 72, 260);
  cairo_set_font_size (cr, 24);
  cairo_show_text (cr, "NOTICE OF IN-PERSON HEARING");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* A landscape photo, 320 × 200, orange. */
static char *
make_jpeg (const char *dir)
{
  char *path = g_build_filename (dir, "photo.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 320, 200);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0xff8800ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "80", NULL));
  g_assert_no_error (error);
  return path;
}

static char *
make_broken_pdf (const char *dir)
{
  char *path = g_build_filename (dir, "broken.pdf", NULL);
  static const char junk[] = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nnot a pdf at all\n";
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, junk, sizeof junk - 1, &error));
  return path;
}

static GtkDropTarget *
find_drop_target (GtkWidget *page)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_error ("The client page accepts no drops");
  return NULL;
}

/* What a file manager's drag delivers: a GdkFileList. */
static void
drop_files (Fixture     *fixture,
            const char **paths)
{
  GtkDropTarget *target = find_drop_target (fixture->editor);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = FALSE;

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_slist_free_full (files, g_object_unref);
}

static AmparoDocumentsPanel *
panel_of (Fixture *fixture)
{
  GtkWidget *panel = amparo_test_find_widget (fixture->editor, AMPARO_TYPE_DOCUMENTS_PANEL);

  g_assert_nonnull (panel);
  return AMPARO_DOCUMENTS_PANEL (panel);
}

static gboolean
named (GtkWidget     *widget,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
panel_settled (Fixture *fixture,
               guint    n_rows)
{
  AmparoDocumentsPanel *panel = panel_of (fixture);
  g_autoptr(GListModel) list = amparo_store_list_documents (fixture->store, fixture->ana);

  return amparo_documents_panel_get_n_pending (panel) == 0 &&
         g_list_model_get_n_items (list) == n_rows &&
         amparo_test_find_mapped (GTK_WIDGET (panel), GTK_TYPE_IMAGE, named, "document-loading") == NULL;
}

/* Until every file is read and every thumbnail made (or refused). A
 * condition, not a time: a slow machine only waits longer. */
static void
wait_for_panel (Fixture *fixture,
                guint    n_rows)
{
  g_assert_true (amparo_test_until (panel_settled (fixture, n_rows)));
  amparo_test_wait (100);
}

static GtkWidget *
row_titled (Fixture    *fixture,
            const char *title)
{
  GtkWidget *row = amparo_test_find_mapped (fixture->editor, ADW_TYPE_ACTION_ROW, amparo_test_row_titled, title);

  if (row == NULL)
    g_error ("No document row titled “%s” is shown", title);
  return row;
}

static GdkPaintable *
thumbnail_in (GtkWidget *row)
{
  GtkWidget *image = amparo_test_find_mapped (row, GTK_TYPE_IMAGE, named, "document-thumbnail");

  g_assert_nonnull (image);
  g_assert_cmpint (gtk_image_get_storage_type (GTK_IMAGE (image)), ==, GTK_IMAGE_PAINTABLE);
  return gtk_image_get_paintable (GTK_IMAGE (image));
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AmparoRecord) copy = NULL;

  fixture->dir = g_dir_make_tmp ("amparo-documents-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "amparo.db", NULL);
  fixture->store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  fixture->ana = amparo_person_new ();
  amparo_person_set_given_names (fixture->ana, "Ana");
  amparo_person_set_family_names (fixture->ana, "López");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (fixture->ana), &error));

  fixture->editor = g_object_new (AMPARO_TYPE_CLIENT_EDITOR, NULL);
  copy = amparo_record_copy (AMPARO_RECORD (fixture->ana));
  amparo_client_editor_edit (AMPARO_CLIENT_EDITOR (fixture->editor), fixture->store,
                             AMPARO_PERSON (copy), fixture->ana);
  fixture->window = amparo_test_present_page (fixture->editor);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (fixture->window);
  amparo_test_wait (100);
  g_clear_object (&fixture->ana);
  g_clear_object (&fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_drop_and_thumbnails (void)
{
  Fixture fixture = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *jpeg = NULL;
  g_autofree char *broken = NULL;
  GdkPaintable *pdf_thumb, *jpeg_thumb;
  GtkWidget *broken_row, *placeholder;
  g_autofree char *uid = NULL;

  fixture_set_up (&fixture);
  pdf = make_pdf (fixture.dir);
  jpeg = make_jpeg (fixture.dir);
  broken = make_broken_pdf (fixture.dir);

  /* Before: the empty state says what to do. */
  g_assert_cmpint (amparo_test_find_text (fixture.editor, "No documents yet", FALSE), >=, 0);

  drop_files (&fixture, (const char *[]) { pdf, jpeg, broken, NULL });
  wait_for_panel (&fixture, 3);
  g_assert_cmpint (amparo_test_find_text (fixture.editor, "No documents yet", FALSE), <, 0);

  /* The PDF's first page, portrait; the photo, landscape; both fit. */
  pdf_thumb = thumbnail_in (row_titled (&fixture, "notice.pdf"));
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (pdf_thumb), ==, AMPARO_DOCUMENTS_THUMBNAIL_SIZE);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (pdf_thumb), <, AMPARO_DOCUMENTS_THUMBNAIL_SIZE);
  jpeg_thumb = thumbnail_in (row_titled (&fixture, "photo.jpg"));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (jpeg_thumb), ==, AMPARO_DOCUMENTS_THUMBNAIL_SIZE);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (jpeg_thumb), ==, 40);

  /* The broken one: a placeholder, and the row says why. */
  broken_row = row_titled (&fixture, "broken.pdf");
  placeholder = amparo_test_find_mapped (broken_row, GTK_TYPE_IMAGE, named, "document-placeholder");
  g_assert_nonnull (placeholder);
  g_assert_null (amparo_test_find_mapped (broken_row, GTK_TYPE_IMAGE, named, "document-thumbnail"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (broken_row)), "No preview"));

  /* Dropped again: noticed, not attached twice. */
  drop_files (&fixture, (const char *[]) { jpeg, NULL });
  wait_for_panel (&fixture, 3);
  g_assert_cmpint (amparo_store_count (fixture.store, AMPARO_TYPE_DOCUMENT, AMPARO_LIST_LIVE), ==, 3);

  /* Move to Trash from the row: gone from the page, in the Trash. */
  {
    g_autoptr(GListModel) list = amparo_store_list_documents (fixture.store, fixture.ana);

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(AmparoDocument) document = g_list_model_get_item (list, i);

        if (g_strcmp0 (amparo_document_get_file_name (document), "broken.pdf") == 0)
          uid = g_strdup (amparo_record_get_uid (AMPARO_RECORD (document)));
      }
  }
  g_assert_nonnull (uid);
  gtk_widget_activate_action (GTK_WIDGET (panel_of (&fixture)), "documents.delete", "s", uid);
  wait_for_panel (&fixture, 2);
  g_assert_null (amparo_test_find_mapped (fixture.editor, ADW_TYPE_ACTION_ROW, amparo_test_row_titled, "broken.pdf"));
  g_assert_cmpint (amparo_store_count (fixture.store, AMPARO_TYPE_DOCUMENT, AMPARO_LIST_TRASH), ==, 1);

  fixture_tear_down (&fixture);
}

static gboolean
acts (GtkWidget     *widget,
      gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
notice_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (AMPARO_IS_NOTICE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          gtk_window_destroy (GTK_WINDOW (window));
          return TRUE;
        }
    }
  return FALSE;
}

/* A hearing notice's row offers to read it, and the button opens the
 * notice beside the hearing it proposes; other documents do not. */
static void
test_read_notice_button (void)
{
  Fixture fixture = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *jpeg = NULL;
  g_autoptr(GError) error = NULL;
  const char *kinds[] = { "notice.pdf", "photo.jpg" };

  fixture_set_up (&fixture);
  pdf = make_pdf (fixture.dir);
  jpeg = make_jpeg (fixture.dir);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AmparoDocument) document = amparo_document_new ();
      g_autofree char *path = g_build_filename (fixture.dir, kinds[i], NULL);
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_no_error (error);
      bytes = g_mapped_file_get_bytes (file);
      amparo_document_set_person_id (document, amparo_record_get_id (AMPARO_RECORD (fixture.ana)));
      amparo_document_set_file_name (document, kinds[i]);
      amparo_document_set_kind (document, i == 0 ? AMPARO_DOCUMENT_KIND_HEARING_NOTICE : AMPARO_DOCUMENT_KIND_PHOTO);
      g_assert_true (amparo_store_attach_document (fixture.store, document, bytes, &error));
      g_assert_no_error (error);
    }
  wait_for_panel (&fixture, 2);

  g_assert_null (amparo_test_find_mapped (row_titled (&fixture, "photo.jpg"), GTK_TYPE_BUTTON, acts,
                                          "documents.read-notice"));
  gtk_widget_activate (amparo_test_find_mapped (row_titled (&fixture, "notice.pdf"), GTK_TYPE_BUTTON, acts,
                                                "documents.read-notice"));
  g_assert_true (amparo_test_until (notice_dialog_shown ()));

  fixture_tear_down (&fixture);
}

static GtkWindow *
find_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (AMPARO_IS_RECORD_FORM (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* An image pasted from the clipboard becomes a PNG document; Edit sets
 * its type and description, and the row shows them. */
static void
test_paste_and_edit (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 90);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(AmparoDocument) pasted = NULL;
  AmparoDocumentsPanel *panel;
  GtkWindow *form;
  GtkWidget *kind_row, *description_row;

  fixture_set_up (&fixture);
  panel = panel_of (&fixture);
  {
    g_autoptr(AmparoProceeding) sijs = amparo_proceeding_new ();

    amparo_proceeding_set_person_id (sijs, amparo_record_get_id (AMPARO_RECORD (fixture.ana)));
    amparo_proceeding_set_kind (sijs, AMPARO_PROCEEDING_KIND_SIJS);
    amparo_proceeding_set_case_number (sijs, "CN-2041");
    g_autoptr(AmparoPerson) maria = amparo_person_new ();
    g_autoptr(AmparoRelationship) link = amparo_relationship_new ();
    g_autoptr(AmparoEvidence) dna = amparo_evidence_new ();

    g_assert_true (amparo_store_save (fixture.store, AMPARO_RECORD (sijs), NULL));
    amparo_person_set_given_names (maria, "María");
    amparo_person_set_family_names (maria, "López");
    g_assert_true (amparo_store_save (fixture.store, AMPARO_RECORD (maria), NULL));
    amparo_relationship_set_person_id (link, amparo_record_get_id (AMPARO_RECORD (fixture.ana)));
    amparo_relationship_set_relative_id (link, amparo_record_get_id (AMPARO_RECORD (maria)));
    amparo_relationship_set_kind (link, AMPARO_RELATIONSHIP_KIND_PARENT);
    g_assert_true (amparo_store_save (fixture.store, AMPARO_RECORD (link), NULL));
    amparo_evidence_set_relationship_id (dna, amparo_record_get_id (AMPARO_RECORD (link)));
    amparo_evidence_set_kind (dna, AMPARO_EVIDENCE_KIND_DNA);
    g_assert_true (amparo_store_save (fixture.store, AMPARO_RECORD (dna), NULL));
  }
  gdk_pixbuf_fill (pixbuf, 0x2266aaff);
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (panel)), texture);
  gtk_widget_activate_action (GTK_WIDGET (panel), "documents.paste", NULL);
  wait_for_panel (&fixture, 1);

  list = amparo_store_list_documents (fixture.store, fixture.ana);
  pasted = g_list_model_get_item (list, 0);
  g_assert_cmpstr (amparo_document_get_content_type (pasted), ==, "image/png");
  g_assert_true (g_str_has_prefix (amparo_document_get_file_name (pasted), "Pasted image "));
  thumbnail_in (row_titled (&fixture, amparo_document_get_file_name (pasted)));

  gtk_widget_activate_action (GTK_WIDGET (panel), "documents.edit", "s",
                              amparo_record_get_uid (AMPARO_RECORD (pasted)));
  g_assert_true (amparo_test_until ((form = find_form ()) != NULL));
  kind_row = amparo_test_find_mapped (GTK_WIDGET (form), ADW_TYPE_COMBO_ROW, amparo_test_row_titled, "Type");
  description_row = amparo_test_find_mapped (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, amparo_test_row_titled,
                                             "Description");
  g_assert_nonnull (kind_row);
  g_assert_nonnull (description_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), AMPARO_DOCUMENT_KIND_IDENTITY_DOCUMENT);
  gtk_editable_set_text (GTK_EDITABLE (description_row), "Consular ID, front");
  /* About the SIJS case: the first choice after "Not about one case". */
  adw_combo_row_set_selected (ADW_COMBO_ROW (amparo_test_find_mapped (GTK_WIDGET (form), ADW_TYPE_COMBO_ROW,
                                                                      amparo_test_row_titled, "Case")), 1);
  /* And the DNA result that verifies her link to María. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (amparo_test_find_mapped (GTK_WIDGET (form), ADW_TYPE_COMBO_ROW,
                                                                      amparo_test_row_titled,
                                                                      "Evidence of a family link")), 1);
  g_assert_true (amparo_record_form_save (AMPARO_RECORD_FORM (form)));
  wait_for_panel (&fixture, 1);

  g_assert_true (amparo_store_reload (fixture.store, AMPARO_RECORD (pasted), NULL));
  g_assert_cmpint (amparo_document_get_kind (pasted), ==, AMPARO_DOCUMENT_KIND_IDENTITY_DOCUMENT);
  row_titled (&fixture, "Consular ID, front");
  g_assert_cmpint (amparo_test_find_text (fixture.editor, "Identity document", TRUE), >=, 0);
  g_assert_cmpint (amparo_document_get_proceeding_id (pasted), >, 0);
  g_assert_cmpint (amparo_document_get_event_id (pasted), ==, 0);
  g_assert_cmpint (amparo_document_get_evidence_id (pasted), >, 0);
  /* The row says what it is about. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_titled (&fixture, "Consular ID, front"))),
                            "About: Special Immigrant Juvenile Status · CN-2041; DNA result · López, María"));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  g_unsetenv ("LANGUAGE");

  g_test_add_func ("/documents/drop-and-thumbnails", test_drop_and_thumbnails);
  g_test_add_func ("/documents/paste-and-edit", test_paste_and_edit);
  g_test_add_func ("/documents/read-notice-button", test_read_notice_button);
  return g_test_run ();
}
