/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-wordpress.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "amparo-credentials.h"
#include "amparo-http.h"
#include "amparo-net-error.h"
#include "amparo-simple-html.h"

/* Publishing to a WordPress site through its REST API
 * (/wp-json/wp/v2/posts), authenticated with an application password.
 *
 * Nothing is half-published: the release in Amparo changes only after the
 * site accepted everything, and in one store transaction with its journal
 * row. In two-post mode the Spanish post goes first, then the English one
 * that links to it; if the English post fails, a Spanish post created in
 * this attempt is deleted again, so the site never shows a Spanish post
 * that Amparo does not know about. A correction (update) whose second
 * request fails leaves the Spanish post corrected and the release as it
 * was; publishing again redoes both updates, which is harmless. The
 * Spanish post is found again by its slug, made from the release's uid,
 * because the store keeps one post id per release. */

#define MAX_ANSWER_BYTES (8 * 1024 * 1024)

struct _AmparoWordpress
{
  GObject         parent_instance;

  char           *site_url;
  char           *user_name;
  char           *password;
  AmparoPostMode  mode;
};

G_DEFINE_FINAL_TYPE (AmparoWordpress, amparo_wordpress, G_TYPE_OBJECT)

typedef struct
{
  AmparoStore   *store;
  AmparoRelease *release;
  char          *password;
  gint64         spanish_id;
  char          *spanish_url;
  gboolean       spanish_created;
  GError        *error;
} PublishData;

static void
publish_data_free (PublishData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->release);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data->spanish_url);
  g_clear_error (&data->error);
  g_free (data);
}

static char *
host_of (AmparoWordpress *self)
{
  g_autoptr(GUri) uri = g_uri_parse (self->site_url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL
                   ? g_uri_get_host (uri) : self->site_url);
}

static const char *
json_error_code (JsonNode *root)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (root), "code", NULL);
}

static void
set_status_error (AmparoWordpress  *self,
                  guint             status,
                  const char       *reason,
                  JsonNode         *root,
                  GError          **error)
{
  g_autofree char *host = host_of (self);
  const char *code = json_error_code (root);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_AUTH,
                 _("%s did not accept the user name or the application password. "
                   "Check them in Preferences; an application password is made in "
                   "WordPress under Users → Profile."), host);
  else if (status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN,
                 _("The user “%s” may not publish posts on %s. Ask the site’s "
                   "administrator for the Author or Editor role."), self->user_name, host);
  else if (status == SOUP_STATUS_NOT_FOUND && g_strcmp0 (code, "rest_post_invalid_id") == 0)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_HTTP,
                 _("The release’s post no longer exists on %s; it may have been "
                   "deleted there."), host);
  else if (status == SOUP_STATUS_NOT_FOUND)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NO_API,
                 _("%s has no WordPress REST API at this address. Check the "
                   "website address in Preferences."), host);
  else if (status >= 500)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_SERVER,
                 _("%s had an internal error (%u). Nothing was published; try "
                   "again later."), host, status);
  else
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_HTTP,
                 _("%s answered “%u %s”. Nothing was published."), host, status,
                 reason != NULL ? reason : "");
}

static void
set_bad_answer_error (AmparoWordpress  *self,
                      GError          **error)
{
  g_autofree char *host = host_of (self);

  g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_RESPONSE,
               _("The answer from %s could not be understood. Check that the "
                 "address in Preferences is the WordPress site."), host);
}

static JsonNode *
parse_json (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  if (length == 0 || length > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, length, NULL))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

static void
on_request_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmparoWordpress *self = g_task_get_source_object (task);
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *host = host_of (self);
  guint status;

  body = amparo_http_send_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      amparo_http_translate_error (&error, host);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (message);
  root = parse_json (body);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      set_status_error (self, status, soup_message_get_reason_phrase (message), root, &error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else if (root == NULL)
    {
      set_bad_answer_error (self, &error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify) json_node_unref);
}

/* One REST call: @path is below /wp-json/wp/v2; @body, if any, is sent
 * as JSON. The answer's JSON comes back, or an error in plain words. */
static void
request_async (AmparoWordpress     *self,
               const char          *password,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autofree char *url = g_strconcat (self->site_url, "/wp-json/wp/v2", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *authorization = NULL;

  if (message == NULL)
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_ADDRESS,
                               _("“%s” is not a valid website address. Check it in Preferences."),
                               self->site_url);
      return;
    }

  pair = g_strconcat (self->user_name, ":", password, NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  authorization = g_strconcat ("Basic ", encoded, NULL);
  memset (pair, 0, strlen (pair));
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  if (body != NULL)
    {
      char *json = json_to_string (body, FALSE);
      gsize length = strlen (json);
      g_autoptr(GBytes) bytes = g_bytes_new_take (json, length);

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  g_task_set_task_data (task, g_object_ref (message), g_object_unref);
  amparo_http_send_async (amparo_http_get_session (), message, MAX_ANSWER_BYTES,
                          cancellable, on_request_cb, g_steal_pointer (&task));
}

static JsonNode *
request_finish (GAsyncResult  *result,
                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The id and address of a post from WordPress' answer. */
static gboolean
read_post (AmparoWordpress  *self,
           JsonNode         *root,
           gint64           *id,
           char            **link,
           GError          **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_bad_answer_error (self, error);
      return FALSE;
    }
  object = json_node_get_object (root);
  *id = json_object_get_int_member_with_default (object, "id", 0);
  *link = g_strdup (json_object_get_string_member_with_default (object, "link", NULL));
  if (*id <= 0 || *link == NULL)
    {
      g_clear_pointer (link, g_free);
      set_bad_answer_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
post_body (const char *title,
           const char *content,
           const char *slug)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title != NULL ? title : "");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "publish");
  if (slug != NULL)
    {
      json_builder_set_member_name (builder, "slug");
      json_builder_add_string_value (builder, slug);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
spanish_slug (AmparoRelease *release)
{
  return g_strdup_printf ("amparo-%s-es", amparo_record_get_uid (AMPARO_RECORD (release)));
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
english_html (AmparoRelease *release,
              const char    *spanish_url)
{
  g_autofree char *html = amparo_simple_text_to_html (amparo_release_get_body_en (release));
  g_autofree char *url = NULL;

  if (spanish_url == NULL)
    return g_steal_pointer (&html);

  url = g_markup_escape_text (spanish_url, -1);
  return g_strdup_printf ("<p><a href=\"%s\">Versión en español</a></p>\n%s", url, html);
}

/* Steps of a publication, in order. */

static void send_english (GTask *task);

static void
record_publication (GTask  *task,
                    gint64  post_id,
                    char   *post_url)
{
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(AmparoRelease) copy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *published_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GError) error = NULL;

  copy = AMPARO_RELEASE (amparo_record_copy (AMPARO_RECORD (data->release)));
  amparo_release_set_post_id (copy, post_id);
  amparo_release_set_post_url (copy, post_url);
  amparo_release_set_published_at (copy, published_at);
  amparo_release_set_status (copy, AMPARO_RELEASE_STATUS_PUBLISHED);

  if (!amparo_store_begin (data->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!amparo_store_save (data->store, AMPARO_RECORD (copy), &error) ||
      !amparo_store_log_action (data->store, AMPARO_JOURNAL_ACTION_PUBLISH,
                                AMPARO_RECORD (copy), post_url, &error) ||
      !amparo_store_commit (data->store, &error))
    {
      amparo_store_rollback (data->store);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The caller's object shows the post too; a failed reload only means a
   * stale object, the store is right. */
  amparo_store_reload (data->store, AMPARO_RECORD (data->release), NULL);
  g_task_return_boolean (task, TRUE);
}

static void
on_spanish_deleted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = request_finish (result, NULL);

  if (root == NULL)
    g_warning ("A Spanish post left on the site after a failed publication: %s",
               data->spanish_url);
  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
on_english_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  AmparoWordpress *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) root = request_finish (result, &data->error);
  g_autofree char *link = NULL;
  gint64 id = 0;

  if (root != NULL && read_post (self, root, &id, &link, &data->error))
    {
      record_publication (task, id, link);
      return;
    }

  if (data->spanish_created)
    {
      g_autofree char *path = g_strdup_printf ("/posts/%" G_GINT64_FORMAT "?force=true",
                                               data->spanish_id);

      request_async (self, data->password, SOUP_METHOD_DELETE, path, NULL, NULL,
                     on_spanish_deleted_cb, g_steal_pointer (&task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
send_english (GTask *task)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  gint64 post_id = amparo_release_get_post_id (data->release);
  g_autofree char *path = NULL;
  g_autofree char *content = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (self->mode == AMPARO_POST_MODE_COMBINED)
    content = amparo_wordpress_build_combined_html (data->release);
  else
    content = english_html (data->release, data->spanish_url);

  body = post_body (amparo_release_get_title_en (data->release), content, NULL);
  path = post_id > 0 ? g_strdup_printf ("/posts/%" G_GINT64_FORMAT, post_id)
                     : g_strdup ("/posts");
  request_async (self, data->password, SOUP_METHOD_POST, path, body,
                 g_task_get_cancellable (task), on_english_sent_cb, task);
}

static void
on_spanish_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = request_finish (result, &error);

  if (root == NULL ||
      !read_post (g_task_get_source_object (task), root, &data->spanish_id,
                  &data->spanish_url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_english (g_steal_pointer (&task));
}

static void
send_spanish (GTask  *task,
              gint64  existing_id)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  g_autofree char *slug = spanish_slug (data->release);
  g_autofree char *content = amparo_simple_text_to_html (amparo_release_get_body_es (data->release));
  g_autofree char *path = NULL;
  const char *title = amparo_release_get_title_es (data->release);
  g_autoptr(JsonNode) body = NULL;

  body = post_body (has_text (title) ? title : amparo_release_get_title_en (data->release),
                    content, slug);
  data->spanish_created = existing_id == 0;
  path = existing_id > 0 ? g_strdup_printf ("/posts/%" G_GINT64_FORMAT, existing_id)
                         : g_strdup ("/posts");
  request_async (self, data->password, SOUP_METHOD_POST, path, body,
                 g_task_get_cancellable (task), on_spanish_sent_cb, task);
}

static void
on_spanish_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = request_finish (result, &error);
  gint64 existing_id = 0;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (root), 0);

      if (JSON_NODE_HOLDS_OBJECT (first))
        existing_id = json_object_get_int_member_with_default (json_node_get_object (first), "id", 0);
    }

  send_spanish (g_steal_pointer (&task), existing_id);
}

static void
start_sending (GTask *task)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  g_autofree char *slug = NULL;
  g_autofree char *path = NULL;

  if (self->mode == AMPARO_POST_MODE_COMBINED ||
      !has_text (amparo_release_get_body_es (data->release)))
    {
      send_english (task);
      return;
    }
  if (amparo_release_get_post_id (data->release) == 0)
    {
      send_spanish (task, 0);
      return;
    }

  slug = spanish_slug (data->release);
  path = g_strdup_printf ("/posts?slug=%s&context=edit", slug);
  request_async (self, data->password, SOUP_METHOD_GET, path, NULL,
                 g_task_get_cancellable (task), on_spanish_found_cb, task);
}

static void
set_no_password_error (AmparoWordpress  *self,
                       GError          **error)
{
  g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NO_CREDENTIALS,
               _("No application password is stored for “%s” on %s. Enter it in "
                 "Preferences."), self->user_name, self->site_url);
}

static void
on_password_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = amparo_credentials_lookup_finish (result, &error);

  if (password == NULL && error == NULL)
    set_no_password_error (g_task_get_source_object (task), &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&password), g_free);
}

/* The password set on the object (Preferences testing a new one, or
 * tests), else the one in the keyring. */
static void
get_password_async (AmparoWordpress     *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  if (self->site_url[0] == '\0' || self->user_name[0] == '\0')
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NO_CREDENTIALS,
                               _("Enter the website address and the WordPress user "
                                 "name in Preferences first."));
      return;
    }
  if (self->password != NULL)
    {
      g_task_return_pointer (task, g_strdup (self->password), g_free);
      return;
    }

  amparo_credentials_lookup_async (self->site_url, self->user_name, cancellable,
                                   on_password_cb, g_steal_pointer (&task));
}

static char *
get_password_finish (GAsyncResult  *result,
                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_publish_password_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->password = get_password_finish (result, &error);
  if (data->password == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  start_sending (g_steal_pointer (&task));
}

static void
on_user_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = request_finish (result, &error);
  const char *name = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    name = json_object_get_string_member_with_default (json_node_get_object (root), "name", NULL);
  if (root != NULL && name == NULL)
    set_bad_answer_error (g_task_get_source_object (task), &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_strdup (name), g_free);
}

static void
on_test_password_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = get_password_finish (result, &error);
  AmparoWordpress *self;
  GCancellable *cancellable;

  if (password == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self = g_task_get_source_object (task);
  cancellable = g_task_get_cancellable (task);
  request_async (self, password, SOUP_METHOD_GET, "/users/me", NULL, cancellable,
                 on_user_cb, g_steal_pointer (&task));
  memset (password, 0, strlen (password));
}

static void
amparo_wordpress_finalize (GObject *object)
{
  AmparoWordpress *self = (AmparoWordpress *) object;

  g_free (self->site_url);
  g_free (self->user_name);
  amparo_wordpress_set_password (self, NULL);

  G_OBJECT_CLASS (amparo_wordpress_parent_class)->finalize (object);
}

static void
amparo_wordpress_class_init (AmparoWordpressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_wordpress_finalize;
}

static void
amparo_wordpress_init (AmparoWordpress *self)
{
}

/**
 * amparo_wordpress_new:
 * @site_url: the site's address, e.g. `https://example.org`
 * @user_name: the WordPress user name
 * @mode: one combined post or two linked posts
 *
 * Returns: (transfer full): a client for the site; the password is read
 *   from the keyring unless amparo_wordpress_set_password() gives one
 */
AmparoWordpress *
amparo_wordpress_new (const char     *site_url,
                      const char     *user_name,
                      AmparoPostMode  mode)
{
  AmparoWordpress *self = g_object_new (AMPARO_TYPE_WORDPRESS, NULL);

  self->site_url = amparo_site_url_normalize (site_url);
  self->user_name = g_strstrip (g_strdup (user_name != NULL ? user_name : ""));
  self->mode = mode;

  return self;
}

/**
 * amparo_wordpress_new_from_settings:
 * @settings: the application's settings (`io.github.amparo.Amparo`)
 *
 * Returns: (transfer full): a client for the site set in Preferences
 *   (keys `website-url`, `website-user`, `website-post-mode`)
 */
AmparoWordpress *
amparo_wordpress_new_from_settings (GSettings *settings)
{
  g_autofree char *url = g_settings_get_string (settings, "website-url");
  g_autofree char *user = g_settings_get_string (settings, "website-user");
  g_autofree char *mode = g_settings_get_string (settings, "website-post-mode");

  return amparo_wordpress_new (url, user,
                               g_strcmp0 (mode, "two-posts") == 0
                               ? AMPARO_POST_MODE_TWO_POSTS : AMPARO_POST_MODE_COMBINED);
}

/**
 * amparo_wordpress_get_site_url:
 *
 * Returns: (transfer none): the normalized site address
 */
const char *
amparo_wordpress_get_site_url (AmparoWordpress *self)
{
  g_return_val_if_fail (AMPARO_IS_WORDPRESS (self), NULL);

  return self->site_url;
}

/**
 * amparo_wordpress_get_user_name:
 *
 * Returns: (transfer none): the WordPress user name
 */
const char *
amparo_wordpress_get_user_name (AmparoWordpress *self)
{
  g_return_val_if_fail (AMPARO_IS_WORDPRESS (self), NULL);

  return self->user_name;
}

/**
 * amparo_wordpress_get_mode:
 *
 * Returns: how English and Spanish are posted
 */
AmparoPostMode
amparo_wordpress_get_mode (AmparoWordpress *self)
{
  g_return_val_if_fail (AMPARO_IS_WORDPRESS (self), AMPARO_POST_MODE_COMBINED);

  return self->mode;
}

/**
 * amparo_wordpress_set_password:
 * @password: (nullable): an application password to use instead of the
 *   keyring's, e.g. while Preferences tests a new one
 */
void
amparo_wordpress_set_password (AmparoWordpress *self,
                               const char      *password)
{
  g_return_if_fail (AMPARO_IS_WORDPRESS (self));

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  self->password = g_strdup (password);
}

/**
 * amparo_wordpress_check_publishable:
 * @release: a release
 * @now: (nullable): the current time, %NULL for the clock's
 * @error: %AMPARO_NET_ERROR_REFUSED with the reason
 *
 * Only an approved release (or a published one, for a correction) whose
 * embargo has passed may go to the website.
 *
 * Returns: whether it may be published now
 */
gboolean
amparo_wordpress_check_publishable (AmparoRelease  *release,
                                    GDateTime      *now,
                                    GError        **error)
{
  AmparoReleaseStatus status = amparo_release_get_status (release);
  const char *embargo = amparo_release_get_embargo_until (release);
  g_autoptr(GDateTime) clock_now = now == NULL ? g_date_time_new_now_utc () : NULL;
  g_autoptr(GDateTime) until = NULL;

  if (status == AMPARO_RELEASE_STATUS_DRAFT || status == AMPARO_RELEASE_STATUS_IN_REVIEW)
    {
      g_set_error_literal (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED,
                           _("This release is not approved yet. Approve it before "
                             "publishing it on the website."));
      return FALSE;
    }
  if (status == AMPARO_RELEASE_STATUS_WITHDRAWN)
    {
      g_set_error_literal (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED,
                           _("This release was withdrawn, so it cannot be published."));
      return FALSE;
    }
  if (!has_text (amparo_release_get_title_en (release)) ||
      !has_text (amparo_release_get_body_en (release)))
    {
      g_set_error_literal (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED,
                           _("This release has no English title or text yet."));
      return FALSE;
    }
  if (!has_text (embargo))
    return TRUE;

  until = g_date_time_new_from_iso8601 (embargo, NULL);
  if (until == NULL)
    {
      g_set_error_literal (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED,
                           _("The embargo time of this release cannot be read. Correct "
                             "it before publishing."));
      return FALSE;
    }
  if (g_date_time_compare (now != NULL ? now : clock_now, until) < 0)
    {
      g_autofree char *shown = g_date_time_format (until, "%Y-%m-%d %H:%M %:z");

      g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED,
                   _("This release is under embargo until %s. It cannot be "
                     "published before then."), shown);
      return FALSE;
    }

  return TRUE;
}

/**
 * amparo_wordpress_build_combined_html:
 * @release: a release
 *
 * The content of a combined post: the English text, then "Español
 * abajo", the Spanish title and text; everything escaped.
 *
 * Returns: (transfer full): HTML
 */
char *
amparo_wordpress_build_combined_html (AmparoRelease *release)
{
  g_autofree char *english = amparo_simple_text_to_html (amparo_release_get_body_en (release));
  g_autofree char *spanish = NULL;
  g_autofree char *title = NULL;
  const char *title_es = amparo_release_get_title_es (release);

  if (!has_text (amparo_release_get_body_es (release)))
    return g_steal_pointer (&english);

  spanish = amparo_simple_text_to_html (amparo_release_get_body_es (release));
  title = has_text (title_es) ? g_markup_printf_escaped ("<h2>%s</h2>\n", title_es)
                              : g_strdup ("");
  return g_strdup_printf ("%s<hr>\n<p><strong>Español abajo</strong></p>\n%s%s",
                          english, title, spanish);
}

/**
 * amparo_wordpress_test_connection_async:
 * @self: a client
 * @cancellable: (nullable): to stop
 * @callback: called with the result
 * @user_data: for @callback
 *
 * Signs in to the site (`GET /wp-json/wp/v2/users/me`) to check the
 * address, the user name and the application password.
 */
void
amparo_wordpress_test_connection_async (AmparoWordpress     *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (AMPARO_IS_WORDPRESS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_wordpress_test_connection_async);
  get_password_async (self, cancellable, on_test_password_cb, task);
}

/**
 * amparo_wordpress_test_connection_finish:
 *
 * Returns: (transfer full): the user's display name on the site, or
 *   %NULL with @error set
 */
char *
amparo_wordpress_test_connection_finish (AmparoWordpress  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * amparo_wordpress_publish_async:
 * @self: a client
 * @store: the case store
 * @release: an approved release, saved
 * @cancellable: (nullable): to stop
 * @callback: called with the result
 * @user_data: for @callback
 *
 * Creates the release's post, or updates it when the release already
 * has one (a correction), then records the post id, address and time and
 * a `publish` journal row. On any error the release, in the store and in
 * @release, is left as it was.
 */
void
amparo_wordpress_publish_async (AmparoWordpress     *self,
                                AmparoStore         *store,
                                AmparoRelease       *release,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PublishData *data;

  g_return_if_fail (AMPARO_IS_WORDPRESS (self));
  g_return_if_fail (AMPARO_IS_STORE (store));
  g_return_if_fail (AMPARO_IS_RELEASE (release));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_wordpress_publish_async);
  data = g_new0 (PublishData, 1);
  data->store = g_object_ref (store);
  data->release = g_object_ref (release);
  g_task_set_task_data (task, data, (GDestroyNotify) publish_data_free);

  if (!amparo_wordpress_check_publishable (release, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  get_password_async (self, cancellable, on_publish_password_cb, g_steal_pointer (&task));
}

/**
 * amparo_wordpress_publish_finish:
 *
 * Returns: %TRUE once published and recorded, else %FALSE with @error
 */
gboolean
amparo_wordpress_publish_finish (AmparoWordpress  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
