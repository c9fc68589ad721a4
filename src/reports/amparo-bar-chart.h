/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * AmparoBarChart:
 *
 * A horizontal bar chart drawn with cairo: a label, a bar and the value
 * on each row, in the theme's colors (light and dark). A click on a row,
 * or Enter on the focused row, emits #AmparoBarChart::bar-activated. The
 * accessible description lists every label and value.
 */
#define AMPARO_TYPE_BAR_CHART (amparo_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (AmparoBarChart, amparo_bar_chart, AMPARO, BAR_CHART, GtkDrawingArea)

GtkWidget  *amparo_bar_chart_new          (void);
void        amparo_bar_chart_clear        (AmparoBarChart *self);
void        amparo_bar_chart_add_bar      (AmparoBarChart *self,
                                           const char     *key,
                                           const char     *label,
                                           gint64          value);
void        amparo_bar_chart_set_bars     (AmparoBarChart     *self,
                                           guint               n,
                                           const char * const *keys,
                                           const char * const *labels,
                                           const gint64       *values);
void        amparo_bar_chart_set_title    (AmparoBarChart *self,
                                           const char     *title);
guint       amparo_bar_chart_get_n_bars   (AmparoBarChart *self);
const char *amparo_bar_chart_get_key      (AmparoBarChart *self,
                                           guint           index);
char       *amparo_bar_chart_dup_text     (AmparoBarChart *self);
void        amparo_bar_chart_activate_bar (AmparoBarChart *self,
                                           guint           index);
int         amparo_bar_chart_get_bar_at   (AmparoBarChart *self,
                                           double          y);

G_END_DECLS
