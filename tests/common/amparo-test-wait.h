/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-wordpress.h"

G_BEGIN_DECLS

/* Waiting for an asynchronous call in a test: pass amparo_test_async_cb
 * and the address of a NULL GAsyncResult pointer as its callback and
 * data, then amparo_test_async_wait() runs the main context until the
 * call has finished and hands over its result for the _finish(). */
void          amparo_test_async_cb      (GObject          *source,
                                         GAsyncResult     *result,
                                         gpointer          user_data);
GAsyncResult *amparo_test_async_wait    (GAsyncResult    **slot);

/* The website calls the fake-server and the real-WordPress suites both
 * make, run to their end. */
gboolean      amparo_test_wp_publish    (AmparoWordpress   *wordpress,
                                         AmparoStore       *store,
                                         AmparoRelease     *release,
                                         AmparoPublishFlags flags,
                                         GError           **error);
gboolean      amparo_test_wp_take_down  (AmparoWordpress   *wordpress,
                                         AmparoStore       *store,
                                         AmparoRelease     *release,
                                         GError           **error);
char         *amparo_test_wp_connection (AmparoWordpress   *wordpress,
                                         GError           **error);

G_END_DECLS
