/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "net-test-server.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static void
test_post_free (TestPost *post)
{
  g_free (post->slug);
  g_free (post->title);
  g_free (post->content);
  g_free (post->status);
  g_free (post);
}

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *type,
         const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_json (SoupServerMessage *message,
              guint              status,
              JsonNode          *node)
{
  g_autofree char *json = json_to_string (node, FALSE);

  respond (message, status, "application/json", json);
}

static void
respond_error (SoupServerMessage *message,
               guint              status,
               const char        *code)
{
  g_autofree char *json = g_strdup_printf ("{\"code\":\"%s\",\"message\":\"x\",\"data\":{\"status\":%u}}",
                                           code, status);

  respond (message, status, "application/json", json);
}

char *
test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "net", "data", name, NULL);
}

static void
serve_feed (TestServer        *self,
            SoupServerMessage *message,
            const char        *path)
{
  const char *override = g_hash_table_lookup (self->overrides, path);
  g_autofree char *file = test_data_path (path + strlen ("/feeds/"));
  g_autofree char *contents = NULL;
  gsize length;

  if (override != NULL)
    {
      respond (message, 200, "application/rss+xml", override);
      return;
    }
  if (strstr (path, "..") != NULL || !g_file_get_contents (file, &contents, &length, NULL))
    {
      respond (message, 404, "text/html", "<html><body>Not found</body></html>");
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/xml", SOUP_MEMORY_COPY, contents, length);
}

static gboolean
on_slow_answer_cb (gpointer user_data)
{
  SoupServerMessage *message = user_data;

  respond (message, 200, "application/json", "{}");
  soup_server_message_unpause (message);
  return G_SOURCE_REMOVE;
}

/* Answers after the clients' 1 s timeout; the timeout is dropped with
 * the server so it never fires during a later test. */
static void
answer_slowly (TestServer        *self,
               SoupServerMessage *message)
{
  GSource *source = g_timeout_source_new (3000);

  soup_server_message_pause (message);
  g_source_set_callback (source, on_slow_answer_cb, g_object_ref (message), g_object_unref);
  g_source_attach (source, NULL);
  g_ptr_array_add (self->pending, source);
}

static gboolean
authorized (SoupServerMessage *message,
            const char        *user)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                     "Authorization");
  g_autofree char *pair = g_strconcat (user, ":", TEST_WP_PASSWORD, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *expected = g_strconcat ("Basic ", encoded, NULL);

  return g_strcmp0 (header, expected) == 0;
}

static JsonNode *
post_json (TestServer *self,
           TestPost   *post)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *link = g_strdup_printf ("%s/wp/%s/", self->base, post->slug);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, post->id);
  json_builder_set_member_name (builder, "slug");
  json_builder_add_string_value (builder, post->slug);
  json_builder_set_member_name (builder, "link");
  json_builder_add_string_value (builder, link);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, post->status != NULL ? post->status : "publish");
  json_builder_set_member_name (builder, "date_gmt");
  json_builder_add_string_value (builder, "2024-05-13T17:00:00");
  json_builder_set_member_name (builder, "modified_gmt");
  json_builder_add_string_value (builder, "2024-05-13T17:00:00");
  json_builder_set_member_name (builder, "content");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "raw");
  json_builder_add_string_value (builder, post->content != NULL ? post->content : "");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonObject *
request_object (SoupServerMessage *message,
                JsonParser        *parser)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  if (!json_parser_load_from_data (parser, body->data, body->length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_node_get_object (json_parser_get_root (parser));
}

static void
write_post (TestServer        *self,
            SoupServerMessage *message,
            TestPost          *post,
            gboolean           fail_english)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = request_object (message, parser);
  g_autoptr(JsonNode) answer = NULL;
  gboolean created = post == NULL;

  if (object == NULL)
    {
      respond_error (message, 400, "rest_invalid_json");
      return;
    }
  /* The English post is the one without the Spanish marker. */
  if (fail_english &&
      strstr (json_object_get_string_member_with_default (object, "content", ""), ":es -->") == NULL)
    {
      respond_error (message, 500, "internal_error");
      return;
    }

  if (post == NULL)
    {
      post = g_new0 (TestPost, 1);
      post->id = self->next_id++;
      post->slug = g_strdup (json_object_get_string_member_with_default (object, "slug", NULL));
      if (post->slug == NULL)
        post->slug = g_strdup_printf ("post-%" G_GINT64_FORMAT, post->id);
      g_hash_table_insert (self->posts, &post->id, post);
    }
  if (json_object_has_member (object, "title"))
    {
      g_free (post->title);
      post->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));
    }
  if (json_object_has_member (object, "content"))
    {
      g_free (post->content);
      post->content = g_strdup (json_object_get_string_member_with_default (object, "content", ""));
    }
  if (json_object_has_member (object, "status"))
    {
      g_free (post->status);
      post->status = g_strdup (json_object_get_string_member_with_default (object, "status", ""));
    }
  self->n_wp_writes++;

  answer = post_json (self, post);
  respond_json (message, created ? 201 : 200, answer);
}

static void
find_posts_by_slug (TestServer        *self,
                    SoupServerMessage *message,
                    GHashTable        *query)
{
  const char *slug = query != NULL ? g_hash_table_lookup (query, "slug") : NULL;
  const char *search = query != NULL ? g_hash_table_lookup (query, "search") : NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  GHashTableIter iter;
  TestPost *post;

  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, self->posts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &post))
    if ((slug != NULL && g_strcmp0 (post->slug, slug) == 0) ||
        (search != NULL && (strstr (post->content ?: "", search) != NULL ||
                            strstr (post->title ?: "", search) != NULL)))
      json_builder_add_value (builder, post_json (self, post));
  json_builder_end_array (builder);

  answer = json_builder_get_root (builder);
  respond_json (message, 200, answer);
}

static void
serve_posts (TestServer        *self,
             SoupServerMessage *message,
             const char        *rest,
             GHashTable        *query,
             gboolean           fail_english,
             gboolean           lose_answer)
{
  const char *method = soup_server_message_get_method (message);
  gint64 id = 0;
  TestPost *post = NULL;

  if (*rest == '/')
    {
      id = g_ascii_strtoll (rest + 1, NULL, 10);
      post = g_hash_table_lookup (self->posts, &id);
      if (post == NULL)
        {
          respond_error (message, 404, "rest_post_invalid_id");
          return;
        }
    }

  if (strcmp (method, "POST") == 0 && lose_answer)
    {
      /* Saved, but the answer comes after the client gave up. */
      write_post (self, message, post, FALSE);
      answer_slowly (self, message);
    }
  else if (strcmp (method, "POST") == 0)
    write_post (self, message, post, fail_english);
  else if (strcmp (method, "DELETE") == 0 && post != NULL)
    {
      g_autoptr(JsonNode) answer = post_json (self, post);

      g_hash_table_remove (self->posts, &id);
      respond_json (message, 200, answer);
    }
  else if (strcmp (method, "GET") == 0 && post == NULL)
    find_posts_by_slug (self, message, query);
  else
    respond_error (message, 405, "rest_no_route");
}

static void
serve_wordpress (TestServer        *self,
                 SoupServerMessage *message,
                 const char        *site,
                 const char        *rest,
                 GHashTable        *query)
{
  const char *user = strcmp (site, "/wp-forbidden") == 0 ? "author" : TEST_WP_USER;

  if (strcmp (site, "/wp-5xx") == 0)
    respond (message, 503, "text/html", "<html><body>Service Unavailable</body></html>");
  else if (strcmp (site, "/wp-307") == 0 || strcmp (site, "/wp-302") == 0)
    {
      /* The site moved to /wp: a 307 keeps the method, a 302 does not. */
      g_autofree char *target = g_strconcat (self->base, "/wp/wp-json/wp/v2", rest, NULL);

      soup_server_message_set_redirect (message, strcmp (site, "/wp-307") == 0 ? 307 : 302, target);
    }
  else if (strcmp (site, "/wp-slow") == 0)
    answer_slowly (self, message);
  else if (!authorized (message, user))
    respond_error (message, 401, "incorrect_password");
  else if (strcmp (site, "/wp-badjson") == 0)
    respond (message, 200, "application/json", "<html>this is not json");
  else if (strcmp (rest, "/users/me") == 0)
    respond (message, 200, "application/json", "{\"id\":7,\"name\":\"" TEST_WP_NAME "\"}");
  else if (strcmp (site, "/wp-forbidden") == 0)
    respond_error (message, 403, "rest_cannot_create");
  else if (g_str_has_prefix (rest, "/posts"))
    serve_posts (self, message, rest + strlen ("/posts"), query,
                 strcmp (site, "/wp-fail-second") == 0, strcmp (site, "/wp-lost") == 0);
  else
    respond_error (message, 404, "rest_no_route");
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  TestServer *self = user_data;
  const char *api = strstr (path, "/wp-json/wp/v2");

  self->n_requests++;
  if (strcmp (path, "/user-agent") == 0)
    respond (message, 200, "text/plain",
             soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                           "User-Agent"));
  else if (strcmp (path, "/chunked") == 0)
    {
      /* No Content-Length: only the running count can stop it. */
      SoupMessageBody *body = soup_server_message_get_response_body (message);

      soup_message_headers_set_encoding (soup_server_message_get_response_headers (message),
                                         SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (message, 200, NULL);
      for (guint i = 0; i < 64; i++)
        soup_message_body_append (body, SOUP_MEMORY_COPY, "0123456789abcdef", 16);
      soup_message_body_complete (body);
    }
  else if (g_str_has_prefix (path, "/feeds/"))
    serve_feed (self, message, path);
  else if (strcmp (path, "/slow") == 0)
    answer_slowly (self, message);
  else if (strcmp (path, "/error500") == 0)
    respond (message, 500, "text/html", "<html><body>Internal Server Error</body></html>");
  else if (api != NULL && g_str_has_prefix (path, "/wp"))
    {
      g_autofree char *site = g_strndup (path, api - path);

      serve_wordpress (self, message, site, api + strlen ("/wp-json/wp/v2"), query);
    }
  else
    respond (message, 404, "text/html", "<html><body>Page not found</body></html>");
}

TestServer *
test_server_new (void)
{
  TestServer *self = g_new0 (TestServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *uri = NULL;

  self->server = soup_server_new (NULL, NULL);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) test_post_free);
  self->next_id = 100;
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->base = g_strndup (uri, strlen (uri) - (g_str_has_suffix (uri, "/") ? 1 : 0));

  return self;
}

void
test_server_free (TestServer *self)
{
  for (guint i = 0; i < self->pending->len; i++)
    g_source_destroy (g_ptr_array_index (self->pending, i));
  g_ptr_array_unref (self->pending);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_hash_table_unref (self->overrides);
  g_hash_table_unref (self->posts);
  g_free (self->base);
  g_free (self);
}

char *
test_server_url (TestServer *self,
                 const char *path)
{
  return g_strconcat (self->base, path, NULL);
}

TestPost *
test_server_get_post (TestServer *self,
                      gint64      id)
{
  return g_hash_table_lookup (self->posts, &id);
}

void
test_wait_for (gpointer *result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

AmparoStore *
test_store_new (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AmparoStore *store;

  *dir = g_dir_make_tmp ("amparo-net-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "amparo.db", NULL);
  store = amparo_store_open (path, &error);
  g_assert_no_error (error);

  return store;
}

void
test_store_remove (AmparoStore *store,
                   char        *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_object_unref (store);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) inner = g_dir_open (path, 0, NULL);
          const char *inner_name;

          while (inner != NULL && (inner_name = g_dir_read_name (inner)) != NULL)
            {
              g_autofree char *inner_path = g_build_filename (path, inner_name, NULL);
              g_unlink (inner_path);
            }
          g_rmdir (path);
        }
      else
        g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
append_record (GString      *out,
               AmparoRecord *record)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *contents = NULL;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), pspecs[i]->name, &value);
      contents = g_strdup_value_contents (&value);
      g_string_append_printf (out, "%s=%s\n", pspecs[i]->name, contents);
    }
  g_string_append (out, "--\n");
}

/* Every column of every release, live or in the Trash, as text: equal
 * snapshots mean the rows are the same. */
char *
test_snapshot_releases (AmparoStore *store)
{
  GString *out = g_string_new (NULL);
  AmparoListScope scopes[] = { AMPARO_LIST_LIVE, AMPARO_LIST_TRASH };

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      g_autoptr(GListModel) list = amparo_store_list (store, AMPARO_TYPE_RELEASE, scopes[s]);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(AmparoRecord) record = g_list_model_get_item (list, i);
          append_record (out, record);
        }
    }

  return g_string_free (out, FALSE);
}

guint
test_count_journal (AmparoStore *store)
{
  g_autoptr(GListModel) journal = amparo_store_list_journal (store);

  return g_list_model_get_n_items (journal);
}
