/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * AmparoArchiveProgressFunc:
 * @done: posts read so far
 * @total: posts on the site
 * @user_data: closure
 */
typedef void (*AmparoArchiveProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

char      *amparo_wordpress_archive_root_from (SoupMessage               *message,
                                               const char                *page_url);

void       amparo_wordpress_archive_read_async  (const char                *api_root,
                                                 AmparoArchiveProgressFunc  progress,
                                                 gpointer                   progress_data,
                                                 GCancellable              *cancellable,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
GPtrArray *amparo_wordpress_archive_read_finish (GAsyncResult              *result,
                                                 char                     **timezone,
                                                 GError                   **error);

G_END_DECLS
