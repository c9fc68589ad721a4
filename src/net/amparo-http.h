/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Seconds a request may stay silent before it fails with a timeout. */
#define AMPARO_HTTP_DEFAULT_TIMEOUT 30

SoupSession *amparo_http_session_new          (guint          timeout_seconds);
SoupSession *amparo_http_get_session          (void);
void         amparo_http_set_session          (SoupSession   *session);

void         amparo_http_send_async           (SoupSession         *session,
                                               SoupMessage         *message,
                                               gsize                max_bytes,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GBytes      *amparo_http_send_finish          (SoupSession         *session,
                                               GAsyncResult        *result,
                                               GError             **error);

void         amparo_http_translate_error      (GError       **error,
                                               const char    *host);

G_END_DECLS
