/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

/* Hearing notices the tests draw themselves (#18), with what reading
 * them must propose. */
typedef struct
{
  const char *name;
  const char *text;
  const char *date;
  const char *time;
  const char *court_start;   /* the court's name, as proposed */
  const char *court_has[3];  /* and its address */
  const char *a_number;
  const char *date_line_has;      /* where each was found */
  const char *a_number_line_has;
} Notice;

extern const Notice english;
extern const Notice spanish;

#define PAGE_WIDTH 612.0   /* US Letter, in points */
#define PAGE_HEIGHT 792.0

cairo_status_t append_cb  (void                *closure,
                           const unsigned char *data,
                           unsigned int         length);
GBytes        *render_png (const char          *text,
                           const char          *font,
                           double               dpi,
                           guint                specks);
GBytes        *render_scan (const char         *text,
                            const char         *font,
                            double              dpi,
                            guint               specks,
                            double              degrees);
GBytes        *render_pdf (const char          *text);

G_END_DECLS
