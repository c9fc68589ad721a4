/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Pictures larger than this many pixels get no thumbnail: decoding one
 * could take gigabytes (a hostile PNG claims 60000 × 60000). */
#define AMPARO_THUMBNAIL_MAX_PIXELS (64 * 1024 * 1024)

GdkPixbuf *amparo_thumbnail_render        (GBytes              *bytes,
                                           int                  size,
                                           GError             **error);
void       amparo_thumbnail_render_async  (GBytes              *bytes,
                                           int                  size,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GdkPixbuf *amparo_thumbnail_render_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
