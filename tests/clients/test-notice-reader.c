/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "amparo-notice-reader.h"
#include "test-notice-fixture.h"
#include "amparo-test-store.h"
#include "amparo-test-wait.h"

/* Reading a hearing notice (#18): the test draws the notice itself with
 * cairo and pango — a PNG, as a scanner would give it, read back by
 * tesseract, and a PDF with a text layer, read back through poppler —
 * in English and in Spanish, and checks the date, time, court and
 * A-Number proposed. Then the parser alone on noisy OCR text, and on
 * hostile bytes. */

static void
assert_proposes (const AmparoNoticeReading *reading,
                 const Notice              *notice)
{
  g_test_message ("proposed: date %s (from \"%s\"), time %s, court \"%s\", A-Number %s",
                  reading->date.value, reading->date.line, reading->time.value,
                  reading->court.value, reading->a_number.value);
  g_assert_cmpstr (reading->date.value, ==, notice->date);
  g_assert_cmpstr (reading->time.value, ==, notice->time);
  g_assert_cmpstr (reading->a_number.value, ==, notice->a_number);
  g_assert_nonnull (reading->court.value);
  g_assert_true (g_str_has_prefix (reading->court.value, notice->court_start));
  for (guint i = 0; i < G_N_ELEMENTS (notice->court_has); i++)
    g_assert_nonnull (strstr (reading->court.value, notice->court_has[i]));
  g_assert_nonnull (strstr (reading->date.line, notice->date_line_has));
  g_assert_nonnull (strstr (reading->a_number.line, notice->a_number_line_has));
  g_assert_nonnull (reading->court.line);
  g_assert_cmpint (reading->spanish, ==, g_str_equal (notice->name, "es"));
}

/* The AMPARO_TESSERACT the run started with (to try a missing one:
 * AMPARO_TESSERACT=/nonexistent), put back after a test's fake; set, not
 * unset, since unsetenv() is not thread-safe. */
static char *tesseract_at_start;

static void
restore_tesseract (void)
{
  g_setenv ("AMPARO_TESSERACT", tesseract_at_start != NULL ? tesseract_at_start : "", TRUE);
}

static gboolean
skip_without_ocr (void)
{
  g_autofree char *languages = NULL;
  g_autofree char *program = amparo_notice_reader_find_ocr (&languages);

  if (program == NULL || strstr (languages, "eng") == NULL || strstr (languages, "spa") == NULL)
    {
      g_test_skip ("tesseract with its English and Spanish data (tesseract-ocr-eng, tesseract-ocr-spa) "
                   "is not installed; `make deps` installs it");
      return TRUE;
    }
  return FALSE;
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Through the asynchronous call the dialog uses. */
static AmparoNoticeReading *
read_notice (GBytes       *document,
             const char   *content_type,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amparo_notice_read_async (document, content_type, cancellable, on_read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return amparo_notice_read_finish (result, error);
}

static void
test_ocr_png (gconstpointer data)
{
  const Notice *notice = data;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(AmparoNoticeReading) reading = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_ocr ())
    return;
  png = render_png (notice->text, "DejaVu Serif 11", 300, 0);
  reading = read_notice (png, "image/png", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reading->method, ==, AMPARO_NOTICE_METHOD_OCR);
  assert_proposes (reading, notice);
}

static void
test_pdf_text_layer (gconstpointer data)
{
  const Notice *notice = data;
  g_autoptr(GBytes) pdf = render_pdf (notice->text);
  g_autoptr(AmparoNoticeReading) reading = NULL;
  g_autoptr(GError) error = NULL;

  /* The text layer needs no OCR: prove it by hiding tesseract. */
  g_setenv ("AMPARO_TESSERACT", "/nonexistent/tesseract", TRUE);
  reading = read_notice (pdf, "application/pdf", NULL, &error);
  restore_tesseract ();
  g_assert_no_error (error);
  g_assert_cmpint (reading->method, ==, AMPARO_NOTICE_METHOD_TEXT_LAYER);
  assert_proposes (reading, notice);
}

/* A PDF that is only a picture of the notice: its first page is OCRed. */
static void
test_ocr_scanned_pdf (void)
{
  GByteArray *bytes = g_byte_array_new ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(AmparoNoticeReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image, *surface;
  cairo_t *cr;

  if (skip_without_ocr ())
    return;
  png = render_png (english.text, "DejaVu Serif 11", 200, 0);
  {
    g_autofree char *path = NULL;
    int fd = g_file_open_tmp ("notice-XXXXXX.png", &path, NULL);

    g_close (fd, NULL);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
    image = cairo_image_surface_create_from_png (path);
    g_unlink (path);
  }
  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_scale (cr, 72.0 / 200, 72.0 / 200);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);
  pdf = g_byte_array_free_to_bytes (bytes);

  reading = read_notice (pdf, "application/pdf", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reading->method, ==, AMPARO_NOTICE_METHOD_OCR);
  assert_proposes (reading, &english);
}

/* The court's name and every part of its address. */
static gboolean
court_right (const AmparoNoticeReading *reading,
             const Notice              *notice)
{
  if (reading->court.value == NULL || !g_str_has_prefix (reading->court.value, notice->court_start))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (notice->court_has); i++)
    if (strstr (reading->court.value, notice->court_has[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Accuracy over scans of other quality: printed, and most fields right. */
static void
test_ocr_accuracy (void)
{
  static const struct { const char *font; double dpi; guint specks; double degrees; } scans[] = {
    { "DejaVu Sans 10", 300, 0, 0 },
    { "DejaVu Serif 12", 200, 0, 0 },
    { "DejaVu Sans Mono 10", 300, 400, 0 },
    { "DejaVu Serif 11", 150, 200, 0 },
    { "DejaVu Serif 11", 200, 300, 1.5 },
    { "DejaVu Sans 9", 150, 0, -1 },
  };
  const Notice *notices[] = { &english, &spanish };
  guint right = 0, total = 0;

  if (skip_without_ocr ())
    return;
  for (guint n = 0; n < G_N_ELEMENTS (notices); n++)
    for (guint s = 0; s < G_N_ELEMENTS (scans); s++)
      {
        g_autoptr(GBytes) png = render_scan (notices[n]->text, scans[s].font, scans[s].dpi, scans[s].specks,
                                             scans[s].degrees);
        g_autoptr(GError) error = NULL;
        g_autoptr(AmparoNoticeReading) reading = read_notice (png, "image/png", NULL, &error);
        guint here;

        g_assert_no_error (error);
        here = (g_strcmp0 (reading->date.value, notices[n]->date) == 0)
               + (g_strcmp0 (reading->time.value, notices[n]->time) == 0)
               + (g_strcmp0 (reading->a_number.value, notices[n]->a_number) == 0)
               + court_right (reading, notices[n]);
        g_test_message ("%s, %s at %.0f dpi, %u specks, turned %.1f degrees: %u of 4 right (date %s, time %s, A %s, court \"%s\")",
                        notices[n]->name, scans[s].font, scans[s].dpi, scans[s].specks, scans[s].degrees, here,
                        reading->date.value, reading->time.value, reading->a_number.value, reading->court.value);
        right += here;
        total += 4;
      }
  g_test_message ("OCR accuracy: %u of %u fields right (%.0f%%)", right, total, 100.0 * right / total);
  g_assert_cmpuint (right * 4, >=, total * 3);
}

/* The parser on noisy OCR text */

static AmparoNoticeReading *
parse (const char *text)
{
  return amparo_notice_parse (text);
}

static void
test_parse_noisy (void)
{
  g_autoptr(AmparoNoticeReading) a = parse ("Date: Nov 2, 2O26\n"
                                            "A-Nurnber: l23-4S6-789\n"
                                            "Your case has been scheduled for a hearing before the\n"
                                            "Immigration Judge on Dec 5, 2O26 at 8:3O AM at:\n"
                                            "HOUSTON IMMIGRATION COURT\n"
                                            "600 Jefferson St., Suite 900\n"
                                            "Houston, TX 77002\n");
  g_autoptr(AmparoNoticeReading) b = parse ("A Number : 123 456 789\nhearing on 12/05/2026 at 9 am");
  g_autoptr(AmparoNoticeReading) c = parse ("A#: 12345678 is the number\n");
  g_autoptr(AmparoNoticeReading) d = parse ("AVISO DE AUDIENCIA\nFecha: 01/12/2026\n"
                                            "Numero de extranjero: 987 654 321\n"
                                            "Su audiencia ha sido programada para el 05/12/2026 a las 13:00 horas.\n");
  g_autoptr(AmparoNoticeReading) e = parse ("Court: Chicago Immigration Court\n525 West Van Buren Street, Suite 500\n"
                                            "Chicago, IL 60607\nhearing: December 1st, 2026, 1:15 PM\n");
  g_autoptr(AmparoNoticeReading) f = parse ("A-Number:\nA 2O1-234-567\n"
                                            "el jueves 3 de septiembre de 2026, a las 9:00 a.m.\n");
  /* EOIR's own layout: no court's name, the address after "at:". */
  g_autoptr(AmparoNoticeReading) g = parse ("NOTICE OF HEARING IN REMOVAL PROCEEDINGS\n"
                                            "Your case has been scheduled for a MASTER hearing before the Immigration\n"
                                            "Judge on Dec 5, 2026 at 8:30 A.M. at: 606 S OLIVE ST, 15TH FLOOR\n"
                                            "LOS ANGELES, CA 90014\n");

  g_assert_cmpstr (a->a_number.value, ==, "123456789");
  g_assert_cmpstr (a->a_number.line, ==, "A-Nurnber: l23-4S6-789");
  g_assert_cmpstr (a->date.value, ==, "2026-12-05");
  g_assert_cmpstr (a->date.line, ==, "Immigration Judge on Dec 5, 2O26 at 8:3O AM at:");
  g_assert_cmpstr (a->time.value, ==, "08:30");
  g_assert_cmpstr (a->court.value, ==, "Houston Immigration Court, 600 Jefferson St., Suite 900, Houston, TX 77002");
  g_assert_false (a->spanish);

  g_assert_cmpstr (b->a_number.value, ==, "123456789");
  g_assert_cmpstr (b->date.value, ==, "2026-12-05");
  g_assert_cmpstr (b->time.value, ==, "09:00");

  g_assert_cmpstr (c->a_number.value, ==, "012345678");

  /* Spanish numeric dates are day/month; the notice's own date loses. */
  g_assert_true (d->spanish);
  g_assert_cmpstr (d->a_number.value, ==, "987654321");
  g_assert_cmpstr (d->date.value, ==, "2026-12-05");
  g_assert_cmpstr (d->time.value, ==, "13:00");

  g_assert_cmpstr (e->court.value, ==, "Chicago Immigration Court, 525 West Van Buren Street, Suite 500, Chicago, IL 60607");
  g_assert_cmpstr (e->court.line, ==, "Court: Chicago Immigration Court");
  g_assert_cmpstr (e->date.value, ==, "2026-12-01");
  g_assert_cmpstr (e->time.value, ==, "13:15");

  g_assert_cmpstr (g->date.value, ==, "2026-12-05");
  g_assert_cmpstr (g->time.value, ==, "08:30");
  g_assert_cmpstr (g->court.value, ==, "606 S OLIVE ST, 15TH FLOOR, LOS ANGELES, CA 90014");
  g_assert_cmpstr (g->court.line, ==, "Judge on Dec 5, 2026 at 8:30 A.M. at: 606 S OLIVE ST, 15TH FLOOR");

  g_assert_cmpstr (f->a_number.value, ==, "201234567");
  g_assert_cmpstr (f->a_number.line, ==, "A 2O1-234-567");
  g_assert_cmpstr (f->date.value, ==, "2026-09-03");
  g_assert_cmpstr (f->time.value, ==, "09:00");
}

static void
test_parse_nothing (void)
{
  g_autoptr(AmparoNoticeReading) a = parse ("Dear friend,\nthank you for your letter of support.\nCall 555-123-4567.\n");
  g_autoptr(AmparoNoticeReading) b = parse ("");
  g_autoptr(AmparoNoticeReading) c = parse ("Receipt 1234567890123 on 13/45/2026 at 25:99\nA-Number: 12-34\n");

  g_assert_null (a->date.value);
  g_assert_null (a->time.value);
  g_assert_null (a->court.value);
  g_assert_null (a->a_number.value);
  g_assert_null (b->date.value);
  g_assert_null (b->a_number.value);
  g_assert_null (c->date.value);
  g_assert_null (c->time.value);
  g_assert_null (c->a_number.value);
}

/* Hostile text and bytes: no crash, no hang, whatever comes back. */
static void
test_fuzz_parser (void)
{
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  static const char alphabet[] = "0123456789OolIS:/-., \n\tAaDdecNnumberjanfeb\xc3\xb3\xff\x80";

  for (guint round = 0; round < 3000; round++)
    {
      gsize length = g_rand_int_range (rand, 0, round % 100 == 0 ? 300000 : 600);
      g_autofree char *text = g_malloc (length + 1);
      AmparoNoticeReading *reading;

      for (gsize i = 0; i < length; i++)
        text[i] = round % 2 == 0 ? (char) g_rand_int_range (rand, 1, 256)
                                 : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[length] = '\0';
      /* and mutations of a real notice */
      if (round % 3 == 0)
        {
          g_free (text);
          text = g_strdup (round % 6 == 0 ? english.text : spanish.text);
          for (guint m = 0; m < 20; m++)
            text[g_rand_int_range (rand, 0, strlen (text))] = (char) g_rand_int_range (rand, 1, 256);
        }
      reading = amparo_notice_parse (text);
      g_assert_nonnull (reading);
      g_assert_true (reading->date.value == NULL || strlen (reading->date.value) == 10);
      g_assert_true (reading->a_number.value == NULL || strlen (reading->a_number.value) == 9);
      g_assert_true (reading->court.value == NULL || g_utf8_validate (reading->court.value, -1, NULL));
      amparo_notice_reading_free (reading);
    }
  g_rand_free (rand);
}

static void
test_hostile_documents (void)
{
  static const char pdf[] = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nxref\n0 0\n%%EOF";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xff\xff\xff";
  g_autoptr(GBytes) junk = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(GBytes) not_png = g_bytes_new_static (png, sizeof png - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoNoticeReading) reading = NULL;

  reading = read_notice (junk, "application/pdf", NULL, &error);
  g_assert_null (reading);
  g_assert_error (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_BROKEN);
  g_clear_error (&error);

  reading = read_notice (junk, "text/html", NULL, &error);
  g_assert_error (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  if (skip_without_ocr ())
    return;
  /* tesseract refuses it in its own process; we get a message. */
  reading = read_notice (not_png, "image/png", NULL, &error);
  g_assert_null (reading);
  g_assert_nonnull (error);
  g_assert_true (error->domain == AMPARO_NOTICE_READER_ERROR);
  g_test_message ("broken PNG: %s", error->message);
}

/* A tesseract that never finishes: the timeout stops it, and so does
 * Cancel. The fake answers --list-langs like the real one. */
static char *
write_slow_tesseract (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "slow-tesseract", NULL);
  const char *script = "#!/bin/sh\n"
                       "if [ \"$1\" = --list-langs ]; then printf 'List of available languages (2):\\neng\\nspa\\n'; exit 0; fi\n"
                       "exec sleep 60\n";

  g_assert_true (g_file_set_contents (path, script, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0700), ==, 0);
  return g_steal_pointer (&path);
}

static gboolean
cancel_cb (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_ocr_stopped (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *slow = write_slow_tesseract (dir);
  g_autoptr(GBytes) png = render_png ("A-Number: 123-456-789", "DejaVu Sans 10", 72, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AmparoNoticeReading) reading = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("AMPARO_TESSERACT", slow, TRUE);
  g_setenv ("AMPARO_OCR_TIMEOUT_SECONDS", "1", TRUE);
  reading = read_notice (png, "image/png", NULL, &error);
  g_assert_null (reading);
  g_assert_error (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_TIMED_OUT);
  g_clear_error (&error);

  g_setenv ("AMPARO_OCR_TIMEOUT_SECONDS", "600", TRUE);
  g_timeout_add (200, cancel_cb, cancellable);
  reading = read_notice (png, "image/png", cancellable, &error);
  g_assert_null (reading);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  restore_tesseract ();
  g_setenv ("AMPARO_OCR_TIMEOUT_SECONDS", "", TRUE);
  amparo_test_remove_dir (dir);
}

/* tesseract gets a copy only the user can read, and its output is what
 * is parsed: a fake one notes the copy's mode and answers a line. */
static void
test_private_copy_mode (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *fake = g_build_filename (dir, "fake-tesseract", NULL);
  g_autofree char *mode_file = g_build_filename (dir, "mode", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\n"
                                             "if [ \"$1\" = --list-langs ]; then printf 'x\\neng\\nspa\\n'; exit 0; fi\n"
                                             "stat -c %%a \"$1\" > '%s'\n"
                                             "echo 'A-Number: 555-444-333'\n", mode_file);
  g_autoptr(GBytes) png = render_png ("anything", "DejaVu Sans 10", 72, 0);
  g_autoptr(AmparoNoticeReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  g_assert_true (g_file_set_contents (fake, script, -1, NULL));
  g_assert_cmpint (g_chmod (fake, 0700), ==, 0);
  g_setenv ("AMPARO_TESSERACT", fake, TRUE);
  reading = read_notice (png, "image/png", NULL, &error);
  restore_tesseract ();
  g_assert_no_error (error);
  g_assert_cmpstr (reading->a_number.value, ==, "555444333");
  g_assert_true (g_file_get_contents (mode_file, &mode, NULL, NULL));
  g_assert_cmpstr (g_strstrip (mode), ==, "600");
  amparo_test_remove_dir (dir);
}

static guint
count_private_copies (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "amparo-notice-") ? 1 : 0;
  return n;
}

/* No copy of the notice is left in the temporary folder. */
static void
test_no_copy_left (void)
{
  g_autoptr(GBytes) png = render_png ("nothing", "DejaVu Sans 10", 72, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoNoticeReading) reading = NULL;
  guint before = count_private_copies ();

  if (skip_without_ocr ())
    return;
  reading = read_notice (png, "image/png", NULL, &error);
  g_clear_error (&error);
  g_assert_cmpuint (count_private_copies (), ==, before);
}

int
main (int argc, char **argv)
{
  /* A temporary folder of this program's own, before GLib reads TMPDIR:
   * the notice tests running beside it make copies of their own, and
   * /notice/no-copy-left must count only ours. */
  char tmp[] = "/tmp/notice-reader-test-XXXXXX";
  int status;

  if (mkdtemp (tmp) != NULL)
    g_setenv ("TMPDIR", tmp, TRUE);
  g_test_init (&argc, &argv, NULL);
  tesseract_at_start = g_strdup (g_getenv ("AMPARO_TESSERACT"));

  g_test_add_data_func ("/notice/ocr-png/en", &english, test_ocr_png);
  g_test_add_data_func ("/notice/ocr-png/es", &spanish, test_ocr_png);
  g_test_add_data_func ("/notice/pdf-text-layer/en", &english, test_pdf_text_layer);
  g_test_add_data_func ("/notice/pdf-text-layer/es", &spanish, test_pdf_text_layer);
  g_test_add_func ("/notice/ocr-scanned-pdf", test_ocr_scanned_pdf);
  g_test_add_func ("/notice/ocr-accuracy", test_ocr_accuracy);
  g_test_add_func ("/notice/parse-noisy", test_parse_noisy);
  g_test_add_func ("/notice/parse-nothing", test_parse_nothing);
  g_test_add_func ("/notice/fuzz-parser", test_fuzz_parser);
  g_test_add_func ("/notice/hostile-documents", test_hostile_documents);
  g_test_add_func ("/notice/ocr-stopped", test_ocr_stopped);
  g_test_add_func ("/notice/no-copy-left", test_no_copy_left);
  g_test_add_func ("/notice/private-copy-mode", test_private_copy_mode);
  status = g_test_run ();
  g_rmdir (tmp);
  return status;
}
