/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "amparo-wordpress.h"

G_BEGIN_DECLS

/* For amparo-wordpress.c and amparo-wordpress-request.c only: the
 * object's fields and the REST transport the publishing code uses. */

#define MAX_ANSWER_BYTES (8 * 1024 * 1024)
#define MAX_REDIRECTS 4

struct _AmparoWordpress
{
  GObject         parent_instance;

  char           *site_url;
  char           *user_name;
  char           *password;
  AmparoPostMode  mode;
  char           *api_root;        /* discovered from the Link header */
  gboolean        api_discovered;
};

/* amparo-wordpress-request.c: one REST call, with the API root found,
 * redirects handled and WordPress's errors in plain words. */
char       *amparo_wordpress_host                 (AmparoWordpress      *self);
gboolean    amparo_wordpress_same_origin          (const char           *a,
                                                   const char           *b);
void        amparo_wordpress_set_bad_answer_error (AmparoWordpress      *self,
                                                   GError              **error);
void        amparo_wordpress_request_async        (AmparoWordpress      *self,
                                                   const char           *password,
                                                   const char           *method,
                                                   const char           *path,
                                                   JsonNode             *body,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
JsonNode   *amparo_wordpress_request_finish       (GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
