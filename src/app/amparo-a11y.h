/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void amparo_a11y_name_builtin_controls (GtkWidget *root);

G_END_DECLS
