/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-notice-fixture.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>


const Notice english = {
  "en",
  "U.S. DEPARTMENT OF JUSTICE\n"
  "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW\n"
  "LOS ANGELES IMMIGRATION COURT\n"
  "606 S. Olive Street, 15th Floor\n"
  "Los Angeles, CA 90014\n"
  "\n"
  "Date: November 2, 2026\n"
  "Name: LOPEZ GARCIA, MARIA\n"
  "A-Number: 123-456-789\n"
  "\n"
  "NOTICE OF IN-PERSON HEARING IN REMOVAL PROCEEDINGS\n"
  "\n"
  "Your case has been scheduled for a MASTER hearing before the Immigration\n"
  "Judge on Dec 5, 2026 at 8:30 AM at the court above.\n"
  "\n"
  "You may be ordered removed in your absence if you fail to appear\n"
  "for your hearing. Bring this notice with you.\n",
  "2026-12-05", "08:30", "Los Angeles Immigration Court",
  { "606 S. Olive Street", "15th Floor", "CA 90014" }, "123456789",
  "Judge on Dec 5", "A-Number",
};

const Notice spanish = {
  "es",
  "DEPARTAMENTO DE JUSTICIA DE EE. UU.\n"
  "OFICINA EJECUTIVA DE REVISIÓN DE CASOS DE INMIGRACIÓN\n"
  "CORTE DE INMIGRACIÓN DE SAN ANTONIO\n"
  "800 Dolorosa Street, Suite 300\n"
  "San Antonio, TX 78207\n"
  "\n"
  "Fecha: 2 de noviembre de 2026\n"
  "Nombre: RAMÍREZ SOTO, JOSÉ\n"
  "Número A: 987-654-321\n"
  "\n"
  "AVISO DE AUDIENCIA EN PERSONA\n"
  "\n"
  "Su caso ha sido programado para una audiencia INICIAL ante el juez de\n"
  "inmigración el 14 de enero de 2027 a las 1:00 p. m. en la corte indicada.\n"
  "\n"
  "Si no se presenta a su audiencia, el juez puede ordenar su deportación\n"
  "en su ausencia. Traiga este aviso.\n",
  "2027-01-14", "13:00", "Corte de Inmigración de San Antonio",
  { "800 Dolorosa Street", "Suite 300", "TX 78207" }, "987654321",
  "14 de enero de 2027", "mero A",
};

/* Drawing the notice */


static void
draw_notice (cairo_t    *cr,
             const char *text,
             const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 54, 54);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 108) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_text (layout, text, -1);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (description);
  g_object_unref (layout);
}

cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A scan: the page in grey levels at @dpi, optionally a little noise. */
GBytes *
render_png (const char *text,
            const char *font,
            double      dpi,
            guint       specks)
{
  return render_scan (text, font, dpi, specks, 0);
}

/* @degrees: how crooked the page lay on the scanner */
GBytes *
render_scan (const char *text,
             const char *font,
             double      dpi,
             guint       specks,
             double      degrees)
{
  GByteArray *png = g_byte_array_new ();
  double scale = dpi / 72.0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (PAGE_WIDTH * scale),
                                                         (int) (PAGE_HEIGHT * scale));
  cairo_t *cr = cairo_create (surface);
  GRand *rand = g_rand_new_with_seed (18);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_rotate (cr, degrees * G_PI / 180);
  draw_notice (cr, text, font);
  for (guint i = 0; i < specks; i++)
    {
      cairo_rectangle (cr, g_rand_double_range (rand, 0, PAGE_WIDTH), g_rand_double_range (rand, 0, PAGE_HEIGHT),
                       0.6, 0.6);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_rand_free (rand);
  return g_byte_array_free_to_bytes (png);
}

GBytes *
render_pdf (const char *text)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  draw_notice (cr, text, "DejaVu Serif 11");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (pdf);
}

