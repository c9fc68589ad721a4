/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: take.sh runs it to picture a client page's Documents
 * (issue #18) — a hearing notice and a birth certificate (PDFs cairo
 * draws here), a photo, and a damaged PDF showing its placeholder — wide
 * and at 600 px, scrolled so the panel fills the window.
 *   documents-shots OUT-FOLDER LANGUAGE */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "amparo-client-editor.h"
#include "amparo-documents-panel.h"
#include "amparo-language.h"
#include "amparo-record-form.h"
#include "amparo-store.h"
#include "amparo-test-ui.h"

static GBytes *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* A page with a heading and lines of "text", as a scan would have. */
static GBytes *
make_pdf (const char *dir,
          const char *name,
          const char *heading,
          double      r,
          double      g,
          double      b)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, r, g, b);
  cairo_rectangle (cr, 60, 60, 492, 90);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 26);
  cairo_move_to (cr, 60, 200);
  cairo_show_text (cr, heading);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  for (int i = 0; i < 14; i++)
    {
      cairo_rectangle (cr, 60, 240 + 32 * i, i % 4 == 3 ? 300 : 492, 12);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return read_file (path);
}

/* A "photo": sky, ground and a sun. */
static GBytes *
make_photo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "IMG_2041.jpg", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 480);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *png = g_build_filename (dir, "photo.png", NULL);

  cairo_set_source_rgb (cr, 0.45, 0.7, 0.95);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.3, 0.6, 0.25);
  cairo_rectangle (cr, 0, 320, 640, 160);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 0.85, 0.2);
  cairo_arc (cr, 480, 120, 60, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, png);
  cairo_surface_destroy (surface);
  pixbuf = gdk_pixbuf_new_from_file (png, NULL);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", NULL, "quality", "85", NULL));
  return read_file (path);
}

static void
attach (AmparoStore        *store,
        AmparoPerson       *person,
        GBytes             *bytes,
        const char         *file_name,
        AmparoDocumentKind  kind,
        const char         *date,
        const char         *description)
{
  g_autoptr(AmparoDocument) document = amparo_document_new ();
  g_autoptr(GError) error = NULL;

  amparo_document_set_person_id (document, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_document_set_kind (document, kind);
  amparo_document_set_file_name (document, file_name);
  amparo_document_set_document_date (document, date);
  amparo_document_set_description (document, description);
  if (!amparo_store_attach_document (store, document, bytes, &error))
    g_error ("%s", error->message);
}

static void
fill (AmparoStore  *store,
      AmparoPerson *marta,
      const char   *dir,
      gboolean      spanish)
{
  static const char broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated";
  g_autoptr(GBytes) notice = make_pdf (dir, "notice.pdf", "NOTICE OF IN-PERSON HEARING", 0.15, 0.3, 0.6);
  g_autoptr(GBytes) birth = make_pdf (dir, "acta.pdf", "ACTA DE NACIMIENTO", 0.6, 0.35, 0.15);
  g_autoptr(GBytes) photo = make_photo (dir);
  g_autoptr(GBytes) damaged = g_bytes_new_static (broken, sizeof broken - 1);

  attach (store, marta, damaged, "escaneo-dañado.pdf", AMPARO_DOCUMENT_KIND_DNA_RESULT, "2026-10-02",
          spanish ? "Resultado de ADN (escaneo recibido por correo)" : "DNA result (scan received by email)");
  attach (store, marta, photo, "IMG_2041.jpg", AMPARO_DOCUMENT_KIND_PHOTO, "2026-09-14",
          spanish ? "Foto de Marta con su madre en el albergue" : "Photo of Marta with her mother at the shelter");
  attach (store, marta, birth, "acta-nacimiento-marta.pdf", AMPARO_DOCUMENT_KIND_BIRTH_CERTIFICATE, "2012-03-04",
          spanish ? "Acta de nacimiento, copia certificada" : "Birth certificate, certified copy");
  attach (store, marta, notice, "EOIR-notice.pdf", AMPARO_DOCUMENT_KIND_HEARING_NOTICE, "2026-10-20",
          spanish ? "Aviso de audiencia, corte de inmigración de San Antonio" : "Hearing notice, San Antonio immigration court");
}

/* Marta's removal case and its hearing, which the notice announces. */
static void
link_notice (AmparoStore  *store,
             AmparoPerson *marta)
{
  g_autoptr(AmparoProceeding) removal = amparo_proceeding_new ();
  g_autoptr(AmparoEvent) hearing = amparo_event_new ();
  g_autoptr(GListModel) documents = amparo_store_list_documents (store, marta);
  g_autoptr(AmparoDocument) notice = g_list_model_get_item (documents, 0);
  gint64 marta_id = amparo_record_get_id (AMPARO_RECORD (marta));

  amparo_proceeding_set_person_id (removal, marta_id);
  amparo_proceeding_set_kind (removal, AMPARO_PROCEEDING_KIND_REMOVAL);
  amparo_proceeding_set_court (removal, "San Antonio Immigration Court");
  amparo_proceeding_set_case_number (removal, "A-220-431-876");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (removal), NULL));
  amparo_event_set_person_id (hearing, marta_id);
  amparo_event_set_proceeding_id (hearing, amparo_record_get_id (AMPARO_RECORD (removal)));
  amparo_event_set_kind (hearing, AMPARO_EVENT_KIND_HEARING);
  amparo_event_set_starts_at (hearing, "2026-12-15T09:00");
  amparo_event_set_place (hearing, "San Antonio");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (hearing), NULL));
  amparo_document_set_proceeding_id (notice, amparo_record_get_id (AMPARO_RECORD (removal)));
  amparo_document_set_event_id (notice, amparo_record_get_id (AMPARO_RECORD (hearing)));
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (notice), NULL));
}

static void
wait_for_thumbnails (AmparoDocumentsPanel *panel)
{
  gint64 give_up = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  amparo_test_wait (300);
  while (amparo_documents_panel_get_n_pending (panel) > 0 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  amparo_test_wait (500);
}

/* The panel at the top of the window. */
static void
scroll_to (GtkWidget *panel)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (panel, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x, y;

  if (scroller == NULL || !gtk_widget_translate_coordinates (panel, scroller, 0, 0, &x, &y))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
}

/* The Edit form of the newest document (the hearing notice). */
static void
shoot_form (AmparoStore  *store,
            AmparoPerson *marta,
            GtkWidget    *panel,
            const char   *out,
            const char   *language,
            int           width)
{
  g_autoptr(GListModel) documents = amparo_store_list_documents (store, marta);
  g_autoptr(AmparoRecord) notice = g_list_model_get_item (documents, 0);
  g_autofree char *file = g_strdup_printf ("documents-edit-%s-%s.png", language, width > 700 ? "wide" : "600");
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (panel, "documents.edit", "s", amparo_record_get_uid (notice));
  amparo_test_wait (800);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (AMPARO_IS_RECORD_FORM (window))
        {
          amparo_test_save_window (GTK_WINDOW (window), out, file);
          gtk_window_destroy (GTK_WINDOW (window));
          break;
        }
    }
}

static void
shoot (AmparoStore  *store,
       AmparoPerson *marta,
       const char   *out,
       const char   *language,
       int           width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *editor = g_object_new (AMPARO_TYPE_CLIENT_EDITOR, NULL);
  g_autoptr(AmparoRecord) copy = amparo_record_copy (AMPARO_RECORD (marta));
  g_autofree char *file = g_strdup_printf ("documents-%s-%s.png", language, width > 700 ? "wide" : "600");
  GtkWidget *panel;

  amparo_client_editor_edit (AMPARO_CLIENT_EDITOR (editor), store, AMPARO_PERSON (copy), marta);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), editor);
  gtk_window_set_child (window, overlay);
  gtk_window_set_default_size (window, width, 760);
  gtk_window_present (window);
  panel = amparo_test_find_widget (editor, AMPARO_TYPE_DOCUMENTS_PANEL);
  wait_for_thumbnails (AMPARO_DOCUMENTS_PANEL (panel));
  scroll_to (panel);
  amparo_test_wait (600);
  amparo_test_save_window (window, out, file);
  shoot_form (store, marta, panel, out, language, width);
  gtk_window_destroy (window);
  amparo_test_wait (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoPerson) marta = amparo_person_new ();

  if (argc < 3 || !amparo_test_init_display (&argc, &argv))
    return 1;
  amparo_language_set (argv[2]);
  dir = g_dir_make_tmp ("amparo-documents-shots-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "amparo.db", NULL);
  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  amparo_person_set_given_names (marta, "Marta");
  amparo_person_set_family_names (marta, "Díaz Hernández");
  amparo_person_set_birth_date (marta, "2012-03-04");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (marta), &error));
  fill (store, marta, dir, g_str_equal (argv[2], "es"));
  link_notice (store, marta);

  shoot (store, marta, argv[1], argv[2], 1200);
  shoot (store, marta, argv[1], argv[2], 600);
  return 0;
}
