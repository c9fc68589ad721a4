/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoPostMode:
 * @AMPARO_POST_MODE_COMBINED: one post: English, "Español abajo", Spanish
 * @AMPARO_POST_MODE_TWO_POSTS: a Spanish post and an English post that
 *   links to it
 */
typedef enum {
  AMPARO_POST_MODE_COMBINED,
  AMPARO_POST_MODE_TWO_POSTS,
} AmparoPostMode;

/**
 * AmparoPublishFlags:
 * @AMPARO_PUBLISH_SCHEDULE: a release under embargo goes to the site as
 *   a scheduled post (`future`) for the embargo time
 */
typedef enum {
  AMPARO_PUBLISH_SCHEDULE = 1 << 0,
} AmparoPublishFlags;

#define AMPARO_TYPE_WORDPRESS (amparo_wordpress_get_type ())
G_DECLARE_FINAL_TYPE (AmparoWordpress, amparo_wordpress, AMPARO, WORDPRESS, GObject)

AmparoWordpress *amparo_wordpress_new                  (const char          *site_url,
                                                        const char          *user_name,
                                                        AmparoPostMode       mode);
AmparoWordpress *amparo_wordpress_new_from_settings    (GSettings           *settings);
const char      *amparo_wordpress_get_site_url         (AmparoWordpress     *self);
const char      *amparo_wordpress_get_user_name        (AmparoWordpress     *self);
AmparoPostMode   amparo_wordpress_get_mode             (AmparoWordpress     *self);
void             amparo_wordpress_set_password         (AmparoWordpress     *self,
                                                        const char          *password);

gboolean         amparo_wordpress_check_publishable    (AmparoRelease       *release,
                                                        GDateTime           *now,
                                                        GError             **error);
gboolean         amparo_wordpress_check_publishable_full (AmparoRelease       *release,
                                                          AmparoPublishFlags   flags,
                                                          GDateTime           *now,
                                                          GError             **error);
gboolean         amparo_wordpress_credentials_safe     (const char          *url);
char            *amparo_wordpress_build_combined_html  (AmparoRelease       *release);

void             amparo_wordpress_test_connection_async  (AmparoWordpress     *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char            *amparo_wordpress_test_connection_finish (AmparoWordpress     *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void             amparo_wordpress_publish_async        (AmparoWordpress     *self,
                                                        AmparoStore         *store,
                                                        AmparoRelease       *release,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean         amparo_wordpress_publish_finish       (AmparoWordpress     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void             amparo_wordpress_publish_full_async   (AmparoWordpress     *self,
                                                        AmparoStore         *store,
                                                        AmparoRelease       *release,
                                                        AmparoPublishFlags   flags,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void             amparo_wordpress_take_down_async      (AmparoWordpress     *self,
                                                        AmparoStore         *store,
                                                        AmparoRelease       *release,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
char            *amparo_wordpress_format_scheduled     (AmparoRelease       *release);
char            *amparo_wordpress_describe_site_status (AmparoRelease       *release);
gboolean         amparo_wordpress_unlink               (AmparoStore         *store,
                                                        AmparoRelease       *release,
                                                        GError             **error);

G_END_DECLS
