/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-notice-reader.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

/* The text of a hearing notice: a PDF's own text layer when it has one,
 * else OCR of the image (or of the PDF's first page) by the `tesseract`
 * program with its English and Spanish data.
 *
 * tesseract runs as a separate process, never as a library in ours: a
 * hostile or broken scan can then crash or hang only that process, which
 * is stopped after a timeout or on Cancel, and the app keeps its window
 * and its unsaved work. It reads a private copy of the bytes (0600, in
 * the user's temporary folder, removed at once afterwards). */

/* A PDF with fewer letters than this in its text is a scan. */
#define MIN_TEXT_LAYER 24
/* Pages of a PDF whose text layer is read. */
#define MAX_PAGES 4
/* The first page of a scanned PDF is rendered for OCR at this density,
 * and never larger than MAX_SIDE pixels a side. */
#define OCR_DPI 300.0
#define MAX_SIDE 5000

G_DEFINE_QUARK (amparo-notice-reader-error-quark, amparo_notice_reader_error)

/* Debian 12's poppler-glib (22.12) declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/**
 * amparo_notice_reader_can_read:
 * @content_type: (nullable): the document's content type, sniffed
 *
 * Returns: whether a notice of this type can be read: PDF, or an image
 *   tesseract opens
 */
gboolean
amparo_notice_reader_can_read (const char *content_type)
{
  static const char * const types[] = { "application/pdf", "image/png", "image/jpeg", "image/tiff",
                                        "image/bmp", "image/gif", "image/webp",
                                        "image/x-portable-pixmap", "image/x-portable-graymap", NULL };

  return content_type != NULL && g_strv_contains (types, content_type);
}

static char *
run_list_langs (const char *program)
{
  const char *argv[] = { program, "--list-langs", NULL };
  g_autofree char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/**
 * amparo_notice_reader_find_ocr:
 * @languages: (out) (optional): tesseract's `-l` for the notice
 *   languages installed, `eng+spa`
 *
 * `AMPARO_TESSERACT` names another program (tests use it).
 *
 * Returns: (transfer full) (nullable): the tesseract program, %NULL when
 *   it or both of its English and Spanish data are missing
 */
char *
amparo_notice_reader_find_ocr (char **languages)
{
  const char *override = g_getenv ("AMPARO_TESSERACT");
  g_autofree char *program = g_find_program_in_path (override != NULL && *override != '\0' ? override : "tesseract");
  g_autofree char *listed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) found = g_string_new (NULL);

  if (program == NULL || (listed = run_list_langs (program)) == NULL)
    return NULL;
  lines = g_strsplit (listed, "\n", -1);
  if (g_strv_contains ((const char * const *) lines, "eng"))
    g_string_append (found, "eng");
  if (g_strv_contains ((const char * const *) lines, "spa"))
    g_string_append (found, found->len > 0 ? "+spa" : "spa");
  if (found->len == 0)
    return NULL;
  if (languages != NULL)
    *languages = g_string_free (g_steal_pointer (&found), FALSE);
  return g_steal_pointer (&program);
}

/* A private copy of @data for another program to read. */
static char *
write_private_copy (const void  *data,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("amparo-notice-XXXXXX", &path, error);  /* 0600 */
  gboolean ok;

  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  ok = g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0600, error);
  if (!ok)
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

typedef struct
{
  gboolean  done;
  gboolean  timed_out;
  char     *out;
  GError   *error;
} OcrRun;

static void
on_communicated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OcrRun *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, NULL, &run->error);
  run->done = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  GCancellable *stop = user_data;

  g_object_set_data (G_OBJECT (stop), "timed-out", GINT_TO_POINTER (TRUE));
  g_cancellable_cancel (stop);
  return G_SOURCE_REMOVE;
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 GCancellable *stop)
{
  g_cancellable_cancel (stop);
}

static guint
ocr_timeout (void)
{
  const char *seconds = g_getenv ("AMPARO_OCR_TIMEOUT_SECONDS");

  return seconds != NULL && atoi (seconds) > 0 ? (guint) atoi (seconds) : AMPARO_NOTICE_OCR_TIMEOUT_SECONDS;
}

/* Waits in a context of this thread's own, so the timeout works off the
 * main thread; Cancel or the timeout stops the process. */
static char *
wait_for_ocr (GSubprocess   *process,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new_seconds (ocr_timeout ());
  OcrRun run = { 0 };
  gulong handler = 0;

  g_main_context_push_thread_default (context);
  g_source_set_callback (timeout, on_timeout_cb, stop, NULL);
  g_source_attach (timeout, context);
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), g_object_ref (stop), g_object_unref);
  g_subprocess_communicate_utf8_async (process, NULL, stop, on_communicated_cb, &run);
  while (!run.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_cancellable_disconnect (cancellable, handler);
  if (run.error != NULL)
    g_subprocess_force_exit (process);
  g_main_context_pop_thread_default (context);

  if (g_object_get_data (G_OBJECT (stop), "timed-out") != NULL)
    {
      g_clear_error (&run.error);
      g_set_error (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_TIMED_OUT,
                   _("Reading the scan took longer than %u seconds and was stopped. Enter the hearing by hand."),
                   ocr_timeout ());
      return NULL;
    }
  if (run.error != NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Reading the notice was cancelled."));
      else
        g_propagate_error (error, g_steal_pointer (&run.error));
      g_clear_error (&run.error);
      return NULL;
    }
  return run.out;
}

static char *
ocr_file (const char    *path,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *languages = NULL;
  g_autofree char *program = amparo_notice_reader_find_ocr (&languages);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *text = NULL;

  if (program == NULL)
    {
      g_set_error_literal (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_NO_OCR,
                           _("Text recognition (tesseract, with its English and Spanish data) is not installed, so a scan cannot be read. Enter the hearing by hand."));
      return NULL;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  /* One thread: the desk (and CI) may be small, and one page is quick. */
  g_subprocess_launcher_setenv (launcher, "OMP_THREAD_LIMIT", "1", TRUE);
  /* Page segmentation 4, one column of lines of varying size: a label
   * and its value side by side ("Name: …   A-Number: …") stay on one
   * line, where fully automatic 3 may split them into blocks; on the
   * test notices 4 also left no specks in the court's line. */
  process = g_subprocess_launcher_spawn (launcher, error, program, path, "stdout", "-l", languages,
                                         "--psm", "4", "--dpi", "300", NULL);
  if (process == NULL)
    return NULL;
  if ((text = wait_for_ocr (process, cancellable, error)) == NULL)
    return NULL;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error_literal (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_OCR_FAILED,
                           _("The scan could not be read: the file may be damaged or not an image. Enter the hearing by hand."));
      return NULL;
    }
  return g_steal_pointer (&text);
}

static char *
ocr_bytes (const void    *data,
           gsize          length,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *path = write_private_copy (data, length, error);
  char *text;

  if (path == NULL)
    return NULL;
  text = ocr_file (path, cancellable, error);
  g_unlink (path);
  return text;
}

static gsize
count_letters (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_isalnum (g_utf8_get_char (p)) ? 1 : 0;
  return n;
}

static char *
pdf_text_layer (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);
  int pages = MIN (poppler_document_get_n_pages (document), MAX_PAGES);

  for (int i = 0; i < pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = page != NULL ? poppler_page_get_text (page) : NULL;

      if (page_text != NULL)
        g_string_append_printf (text, "%s\n", page_text);
    }
  return g_string_free (text, FALSE);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The first page as a PNG, white behind it. */
static GBytes *
render_first_page (PopplerDocument  *document,
                   double            dpi,
                   GError          **error)
{
  g_autoptr(PopplerPage) page = poppler_document_get_n_pages (document) > 0
                                ? poppler_document_get_page (document, 0) : NULL;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0, scale;

  if (page != NULL)
    poppler_page_get_size (page, &width, &height);
  if (page == NULL || width < 1 || height < 1)
    {
      g_set_error_literal (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_BROKEN,
                           _("This PDF has no page to read."));
      return NULL;
    }
  scale = MIN (dpi / 72.0, MAX_SIDE / MAX (width, height));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static char *
read_pdf (GBytes              *document,
          AmparoNoticeMethod  *method,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(PopplerDocument) pdf = poppler_document_new_from_bytes (document, NULL, &local);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *text = NULL;

  if (pdf == NULL)
    {
      g_set_error (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_BROKEN,
                   _("This PDF could not be opened (%s). Enter the hearing by hand."), local->message);
      return NULL;
    }
  text = pdf_text_layer (pdf);
  if (count_letters (text) >= MIN_TEXT_LAYER)
    {
      *method = AMPARO_NOTICE_METHOD_TEXT_LAYER;
      return g_steal_pointer (&text);
    }
  /* A scan saved as PDF: read the picture of its first page. */
  if ((png = render_first_page (pdf, OCR_DPI, error)) == NULL)
    return NULL;
  *method = AMPARO_NOTICE_METHOD_OCR;
  return ocr_bytes (g_bytes_get_data (png, NULL), g_bytes_get_size (png), cancellable, error);
}

/**
 * amparo_notice_render_first_page:
 * @pdf: a PDF's bytes
 * @dpi: the density to draw it at
 *
 * For the picture of a PDF notice beside what was read from it.
 *
 * Returns: (transfer full) (nullable): the first page as a PNG, or %NULL
 *   with @error set
 */
GBytes *
amparo_notice_render_first_page (GBytes  *pdf,
                                 double   dpi,
                                 GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &local);

  if (document == NULL)
    {
      g_set_error (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_BROKEN,
                   _("This PDF could not be opened (%s). Enter the hearing by hand."), local->message);
      return NULL;
    }
  return render_first_page (document, dpi, error);
}

/**
 * amparo_notice_read_text:
 * @document: the notice's bytes
 * @content_type: their sniffed type
 * @method: (out) (optional): where the text came from
 *
 * Blocks; call it off the main thread (amparo_notice_read_async()).
 *
 * Returns: (transfer full) (nullable): the notice's text, or %NULL with
 *   @error set (cancelled: %G_IO_ERROR_CANCELLED)
 */
char *
amparo_notice_read_text (GBytes              *document,
                         const char          *content_type,
                         AmparoNoticeMethod  *method,
                         GCancellable        *cancellable,
                         GError             **error)
{
  AmparoNoticeMethod ignored;
  char *text;

  g_return_val_if_fail (document != NULL, NULL);

  method = method != NULL ? method : &ignored;
  if (!amparo_notice_reader_can_read (content_type))
    {
      g_set_error_literal (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_UNSUPPORTED,
                           _("Only a PDF or a scanned image (PNG, JPEG, TIFF) can be read."));
      return NULL;
    }
  if (g_str_equal (content_type, "application/pdf"))
    text = read_pdf (document, method, cancellable, error);
  else
    {
      *method = AMPARO_NOTICE_METHOD_OCR;
      text = ocr_bytes (g_bytes_get_data (document, NULL), g_bytes_get_size (document), cancellable, error);
    }
  if (text != NULL && count_letters (text) == 0)
    {
      g_free (text);
      g_set_error_literal (error, AMPARO_NOTICE_READER_ERROR, AMPARO_NOTICE_READER_ERROR_NO_TEXT,
                           _("No text was found in this document. Enter the hearing by hand."));
      return NULL;
    }
  return text;
}

typedef struct
{
  GBytes *document;
  char   *content_type;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_bytes_unref (data->document);
  g_free (data->content_type);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  AmparoNoticeMethod method = AMPARO_NOTICE_METHOD_OCR;
  GError *error = NULL;
  g_autofree char *text = amparo_notice_read_text (data->document, data->content_type, &method,
                                                   cancellable, &error);
  AmparoNoticeReading *reading;

  if (text == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  reading = amparo_notice_parse (text);
  reading->method = method;
  g_task_return_pointer (task, reading, (GDestroyNotify) amparo_notice_reading_free);
}

/**
 * amparo_notice_read_async:
 *
 * Reads and parses a hearing notice in a worker thread.
 */
void
amparo_notice_read_async (GBytes              *document,
                          const char          *content_type,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadData *data = g_new0 (ReadData, 1);

  g_return_if_fail (document != NULL);

  data->document = g_bytes_ref (document);
  data->content_type = g_strdup (content_type);
  g_task_set_source_tag (task, amparo_notice_read_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_thread);
}

/**
 * amparo_notice_read_finish:
 *
 * Returns: (transfer full) (nullable): the proposals, or %NULL with @error
 */
AmparoNoticeReading *
amparo_notice_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
