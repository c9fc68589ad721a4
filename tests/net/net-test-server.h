/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/* A real HTTP server on 127.0.0.1 for the network tests: it serves the
 * feeds in tests/net/data under /feeds/, misbehaves on purpose under
 * /slow, /error500, and plays a WordPress site (see the .c) under
 * /wp, /wp-forbidden, /wp-5xx, /wp-badjson, /wp-slow, /wp-fail-second;
 * anything else is a 404 page, like a site without the REST API. */

#define TEST_WP_USER     "editor"
#define TEST_WP_PASSWORD "abcd EFGH 1234 ijkl MNOP 5678"
#define TEST_WP_NAME     "Renee Garcia"

typedef struct
{
  gint64  id;
  char   *slug;
  char   *title;
  char   *content;
  char   *status;
} TestPost;

typedef struct
{
  SoupServer *server;
  char       *base;        /* "http://127.0.0.1:PORT" */
  GHashTable *overrides;   /* path → body served instead of the file */
  GHashTable *posts;       /* id → TestPost */
  gint64      next_id;
  GPtrArray  *pending;     /* timeouts of slow answers, removed on free */
  guint       n_requests;
  guint       n_wp_writes;
} TestServer;

TestServer *test_server_new           (void);
void        test_server_free          (TestServer  *server);
char       *test_server_url           (TestServer  *server,
                                       const char  *path);
TestPost   *test_server_get_post      (TestServer  *server,
                                       gint64       id);

/* Helpers the tests share. */
void        test_wait_for             (gpointer    *result);
AmparoStore *test_store_new           (char       **dir);
void         test_store_remove        (AmparoStore *store,
                                       char        *dir);
char        *test_snapshot_releases   (AmparoStore *store);
guint        test_count_journal       (AmparoStore *store);
char        *test_data_path           (const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

G_END_DECLS
