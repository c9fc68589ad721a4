/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

const SecretSchema *amparo_credentials_get_schema  (void) G_GNUC_CONST;

void      amparo_credentials_store_async   (const char          *site_url,
                                            const char          *user_name,
                                            const char          *password,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  amparo_credentials_store_finish  (GAsyncResult        *result,
                                            GError             **error);

void      amparo_credentials_lookup_async  (const char          *site_url,
                                            const char          *user_name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char     *amparo_credentials_lookup_finish (GAsyncResult        *result,
                                            GError             **error);

void      amparo_credentials_clear_async   (const char          *site_url,
                                            const char          *user_name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  amparo_credentials_clear_finish  (GAsyncResult        *result,
                                            GError             **error);

char     *amparo_site_url_normalize        (const char          *site_url);

G_END_DECLS
