/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*AmparoAfterFrameFunc) (gpointer data);

void amparo_after_first_frame (GtkWidget            *widget,
                               AmparoAfterFrameFunc  func,
                               gpointer              data,
                               GDestroyNotify        destroy);

void amparo_frame_clock_release (GdkFrameClock **clock,
                                 gulong         *handler);

G_END_DECLS
