/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-thumbnailer.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gi18n.h>
#include <poppler.h>

/*
 * Thumbnails of documents in the case file (issue #18): a picture scaled
 * down, or the first page of a PDF. Whatever the bytes are — a scan, a
 * photo, or something hostile made to look like one — the answer is a
 * picture or an error, never a crash: the size is read from the header
 * before anything is decoded, and only PNG, JPEG, GIF and PDF are tried.
 * Runs in a worker thread (amparo_thumbnail_render_async()); nothing here
 * touches GTK.
 */

typedef enum {
  KIND_UNKNOWN,
  KIND_PNG,
  KIND_JPEG,
  KIND_GIF,
  KIND_PDF,
} Kind;

static Kind
kind_of (const guint8 *data,
         gsize         size)
{
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return KIND_PNG;
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return KIND_JPEG;
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return KIND_GIF;
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return KIND_PDF;
  return KIND_UNKNOWN;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The JPEG's frame header (SOFn), walking the segments before it. */
static gboolean
jpeg_size (const guint8 *data,
           gsize         size,
           guint64      *width,
           guint64      *height)
{
  gsize pos = 2;

  while (pos + 4 <= size)
    {
      guint8 marker;
      gsize length;

      if (data[pos] != 0xff)
        return FALSE;
      marker = data[pos + 1];
      if (marker == 0xff)
        {
          pos++;
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          pos += 2;
          continue;
        }
      length = ((gsize) data[pos + 2] << 8) | data[pos + 3];
      if (length < 2)
        return FALSE;
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (pos + 9 > size)
            return FALSE;
          *height = ((guint64) data[pos + 5] << 8) | data[pos + 6];
          *width = ((guint64) data[pos + 7] << 8) | data[pos + 8];
          return TRUE;
        }
      pos += 2 + length;
    }
  return FALSE;
}

/* What the picture says its size is, before a pixel is decoded. */
static gboolean
picture_size (Kind          kind,
              const guint8 *data,
              gsize         size,
              guint64      *width,
              guint64      *height)
{
  switch (kind)
    {
    case KIND_PNG:
      if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
        return FALSE;
      *width = read_be32 (data + 16);
      *height = read_be32 (data + 20);
      return TRUE;
    case KIND_GIF:
      if (size < 10)
        return FALSE;
      *width = data[6] | ((guint64) data[7] << 8);
      *height = data[8] | ((guint64) data[9] << 8);
      return TRUE;
    case KIND_JPEG:
      return jpeg_size (data, size, width, height);
    case KIND_UNKNOWN:
    case KIND_PDF:
    default:
      return FALSE;
    }
}

static void
fit (double  width,
     double  height,
     int     size,
     int    *out_width,
     int    *out_height)
{
  double scale = MIN (1.0, size / MAX (width, height));

  *out_width = CLAMP ((int) round (width * scale), 1, size);
  *out_height = CLAMP ((int) round (height * scale), 1, size);
}

static void
on_size_prepared_cb (GdkPixbufLoader *loader,
                     int              width,
                     int              height,
                     gpointer         user_data)
{
  int size = GPOINTER_TO_INT (user_data);
  int w, h;

  if (width <= 0 || height <= 0)
    return;
  fit (width, height, size, &w, &h);
  gdk_pixbuf_loader_set_size (loader, w, h);
}

static gpointer
damaged (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("No preview: the file is damaged or is not a picture or a PDF."));
  return NULL;
}

static GdkPixbuf *
render_picture (Kind          kind,
                const guint8 *data,
                gsize         size,
                int           thumb_size,
                GError      **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 width = 0, height = 0;
  GdkPixbuf *pixbuf;
  gboolean written;

  if (!picture_size (kind, data, size, &width, &height) || width == 0 || height == 0)
    return damaged (error);
  if (width * height > AMPARO_THUMBNAIL_MAX_PIXELS)
    {
      g_autofree char *w = g_strdup_printf ("%" G_GUINT64_FORMAT, width);
      g_autofree char *h = g_strdup_printf ("%" G_GUINT64_FORMAT, height);

      /* Translators: the width and height of a picture, in pixels */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("No preview: the picture is too large (%s × %s pixels)."), w, h);
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_mime_type (kind == KIND_PNG ? "image/png" :
                                                 kind == KIND_JPEG ? "image/jpeg" : "image/gif", &local_error);
  if (loader == NULL)
    return damaged (error);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), GINT_TO_POINTER (thumb_size));
  written = gdk_pixbuf_loader_write (loader, data, size, NULL);
  /* Closed in any case, so the loader never warns at finalize. */
  if (!gdk_pixbuf_loader_close (loader, NULL) && !written)
    return damaged (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return damaged (error);
  /* A size-prepared the format skipped: scale here, never beyond the cap. */
  if (gdk_pixbuf_get_width (pixbuf) > thumb_size || gdk_pixbuf_get_height (pixbuf) > thumb_size)
    {
      int w, h;

      fit (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf), thumb_size, &w, &h);
      return gdk_pixbuf_scale_simple (pixbuf, w, h, GDK_INTERP_BILINEAR);
    }
  return g_object_ref (pixbuf);
}

/* cairo's ARGB32 (native-endian, premultiplied; opaque here, the page was
 * painted white first) to GdkPixbuf's RGB bytes. */
static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int out_stride;
  guint8 *out;

  if (pixbuf == NULL)
    return NULL;
  out_stride = gdk_pixbuf_get_rowstride (pixbuf);
  out = gdk_pixbuf_get_pixels (pixbuf);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 argb = *(const guint32 *) (pixels + y * stride + 4 * x);
        guint8 *p = out + y * out_stride + 3 * x;

        p[0] = (argb >> 16) & 0xff;
        p[1] = (argb >> 8) & 0xff;
        p[2] = argb & 0xff;
      }
  return pixbuf;
}

/* The first page, drawn on white at the thumbnail's size. */
static GdkPixbuf *
render_page (PopplerPage  *page,
             int           thumb_size,
             GError      **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0;
  int w, h;
  GdkPixbuf *pixbuf;

  poppler_page_get_size (page, &width, &height);
  /* A page of nothing, or of kilometres, is not a page. */
  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1 ||
      width > 200000 || height > 200000)
    return damaged (error);

  fit (width, height, thumb_size, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, w / width, h / height);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixbuf = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS ? pixbuf_from_surface (surface) : NULL;
  cairo_surface_destroy (surface);
  if (pixbuf == NULL)
    return damaged (error);
  return pixbuf;
}

static GdkPixbuf *
render_pdf (GBytes  *bytes,
            int      thumb_size,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;
  PopplerPage *page = NULL;
  GdkPixbuf *pixbuf = NULL;

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("No preview: the PDF is protected by a password."));
      else
        damaged (error);
      return NULL;
    }
  if (poppler_document_get_n_pages (document) >= 1)
    page = poppler_document_get_page (document, 0);
  if (page != NULL)
    pixbuf = render_page (page, thumb_size, error);
  else
    damaged (error);
  g_clear_object (&page);
  g_object_unref (document);
  return pixbuf;
}

/**
 * amparo_thumbnail_render:
 * @bytes: a document's contents
 * @size: the largest width or height wanted, in pixels
 *
 * A thumbnail of a picture (PNG, JPEG, GIF) or of a PDF's first page, no
 * larger than @size either way. Safe from any thread.
 *
 * Returns: (transfer full): the thumbnail, or %NULL with @error set to a
 *   sentence fit to show ("No preview: …")
 */
GdkPixbuf *
amparo_thumbnail_render (GBytes  *bytes,
                         int      size,
                         GError **error)
{
  gsize length;
  const guint8 *data;
  Kind kind;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (size > 0 && size <= 4096, NULL);

  data = g_bytes_get_data (bytes, &length);
  kind = kind_of (data, length);
  if (kind == KIND_PDF)
    return render_pdf (bytes, size, error);
  if (kind != KIND_UNKNOWN)
    return render_picture (kind, data, length, size, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("No preview for this kind of file."));
  return NULL;
}

typedef struct
{
  GBytes *bytes;
  int size;
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf = amparo_thumbnail_render (data->bytes, data->size, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

/**
 * amparo_thumbnail_render_async:
 *
 * amparo_thumbnail_render() in a worker thread, so a 50 MB scan never
 * holds up the window.
 */
void
amparo_thumbnail_render_async (GBytes              *bytes,
                               int                  size,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *data = g_new0 (RenderData, 1);

  data->bytes = g_bytes_ref (bytes);
  data->size = size;
  g_task_set_source_tag (task, amparo_thumbnail_render_async);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, render_thread);
}

GdkPixbuf *
amparo_thumbnail_render_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
