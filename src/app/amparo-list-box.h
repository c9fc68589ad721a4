/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void amparo_list_box_trim (GtkListBox *list,
                           int         n_kept);

G_END_DECLS
