/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AMPARO_TYPE_WIDTH_FIRST_LAYOUT (amparo_width_first_layout_get_type ())

G_DECLARE_FINAL_TYPE (AmparoWidthFirstLayout, amparo_width_first_layout, AMPARO, WIDTH_FIRST_LAYOUT, GtkLayoutManager)

void amparo_width_first_layout_adopt   (GtkWidget *box);
void amparo_width_first_layout_install (void);

G_END_DECLS
