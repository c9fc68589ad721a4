/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "amparo-credentials.h"
#include "amparo-http.h"
#include "amparo-net-error.h"
#include "amparo-wordpress-private.h"

/* The REST transport under the publishing code (amparo-wordpress.c): one
 * call below the site's API root (found from the `Link` header when the
 * site has no pretty permalinks), redirects of writes followed only when
 * they keep the method, the application password only over https or to
 * this machine, and WordPress's error codes turned into plain words. */

static char *
host_of_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
}

char *
amparo_wordpress_host (AmparoWordpress *self)
{
  return host_of_url (self->site_url);
}

static gboolean
is_https (const char *url)
{
  return g_ascii_strncasecmp (url, "https:", 6) == 0;
}

static const char *
json_error_code (JsonNode *root)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (root), "code", NULL);
}

static const char *
json_error_message (JsonNode *root)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (root), "message", NULL);
}

/* 401: WordPress answers incorrect_password or invalid_username when it
 * checked the application password; any other 401 means it never looked
 * at it: application passwords are off (WordPress turns them off on
 * sites without HTTPS) or the server dropped the Authorization header. */
static gboolean
is_known_auth_code (const char *code)
{
  return g_strcmp0 (code, "incorrect_password") == 0 ||
         g_strcmp0 (code, "invalid_username") == 0 ||
         g_strcmp0 (code, "invalid_email") == 0 ||
         g_strcmp0 (code, "application_passwords_disabled") == 0;
}

/* @passwords_on: whether the site's REST index offers application
 * passwords (-1 when unknown). */
static void
set_unauthorized_error (AmparoWordpress  *self,
                        const char       *code,
                        int               passwords_on,
                        GError          **error)
{
  g_autofree char *host = amparo_wordpress_host (self);

  if (!is_known_auth_code (code) && passwords_on == 1)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_AUTH,
                 _("%s did not accept the user “%s” with this application password. "
                   "Check both in Preferences: the user name is the one used to log in "
                   "to WordPress (not the name shown on posts), and the application "
                   "password is made in WordPress under Users → Profile → Application "
                   "Passwords (the login password does not work here)."),
                 host, self->user_name);
  else if (g_strcmp0 (code, "incorrect_password") == 0)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_AUTH,
                 _("%s did not accept the application password of “%s”. Make a new "
                   "one in WordPress under Users → Profile → Application Passwords "
                   "and enter it in Preferences (the login password does not work "
                   "here)."), host, self->user_name);
  else if (g_strcmp0 (code, "invalid_username") == 0 || g_strcmp0 (code, "invalid_email") == 0)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_AUTH,
                 _("%s has no user “%s”. Check the user name in Preferences: it is "
                   "the name used to log in to WordPress, not the name shown on "
                   "posts."), host, self->user_name);
  else if (!is_https (self->site_url) &&
           (passwords_on == 0 || g_strcmp0 (code, "application_passwords_disabled") == 0))
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_AUTH,
                 _("%s ignored the application password: WordPress turns application "
                   "passwords off on sites without HTTPS. Ask the site’s administrator "
                   "to turn on HTTPS, then use the https:// address in Preferences."),
                 host);
  else
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_AUTH,
                 _("%s did not receive the application password: application passwords "
                   "are turned off there (often by a security plugin), or its web server "
                   "drops the Authorization header. Ask the site’s administrator."),
                 host);
}

static void
set_forbidden_error (AmparoWordpress  *self,
                     const char       *code,
                     const char       *message,
                     GError          **error)
{
  g_autofree char *host = amparo_wordpress_host (self);

  if (g_strcmp0 (code, "rest_cannot_edit") == 0 || g_strcmp0 (code, "rest_cannot_delete") == 0)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN,
                 _("The user “%s” may not change this post on %s: it belongs to another "
                   "author. Ask an editor to publish the change, or ask the site’s "
                   "administrator for the Editor role."), self->user_name, host);
  else if (g_strcmp0 (code, "rest_cannot_publish") == 0)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN,
                 _("The user “%s” may write posts on %s but not publish them. Ask the "
                   "site’s administrator for the Author or Editor role."),
                 self->user_name, host);
  else if (g_strcmp0 (code, "rest_cannot_create") == 0)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN,
                 _("The user “%s” may not publish posts on %s. Ask the site’s "
                   "administrator for the Author or Editor role."), self->user_name, host);
  else if (code != NULL)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN,
                 _("%s does not allow “%s” to do this (WordPress says: “%s”). Ask the "
                   "site’s administrator."), host, self->user_name,
                 message != NULL ? message : code);
  else
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN,
                 _("%s refused the request before WordPress saw it, probably a firewall "
                   "or security plugin. Ask the site’s administrator to allow Amparo."),
                 host);
}

static void
set_status_error (AmparoWordpress  *self,
                  guint             status,
                  const char       *reason,
                  JsonNode         *root,
                  GError          **error)
{
  g_autofree char *host = amparo_wordpress_host (self);
  const char *code = json_error_code (root);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    set_unauthorized_error (self, code, -1, error);
  else if (status == SOUP_STATUS_FORBIDDEN)
    set_forbidden_error (self, code, json_error_message (root), error);
  else if ((status == SOUP_STATUS_NOT_FOUND || status == 410) &&
           (g_strcmp0 (code, "rest_post_invalid_id") == 0 ||
            g_strcmp0 (code, "rest_already_trashed") == 0))
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_POST_GONE,
                 _("The release’s post no longer exists on %s; it may have been "
                   "deleted there. Unlink the release from it to publish the release "
                   "again as a new post."), host);
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

void
amparo_wordpress_set_bad_answer_error (AmparoWordpress  *self,
                                       GError          **error)
{
  g_autofree char *host = amparo_wordpress_host (self);

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

/* The REST address of @path (below the API root, e.g. "wp/v2/posts?x=1"),
 * for a root at /wp-json/ or at ?rest_route=/. */
static char *
api_url (AmparoWordpress *self,
         const char      *path)
{
  g_autofree char *fallback = g_strconcat (self->site_url, "/wp-json/", NULL);
  const char *root = self->api_root != NULL ? self->api_root : fallback;
  const char *query = strchr (path, '?');
  g_autofree char *route = query != NULL ? g_strndup (path, query - path) : g_strdup (path);

  if (strchr (root, '?') == NULL)
    return g_strconcat (root, g_str_has_suffix (root, "/") ? "" : "/", path, NULL);

  return g_strconcat (root, g_str_has_suffix (root, "/") ? "" : "/", route,
                      query != NULL ? "&" : "", query != NULL ? query + 1 : "", NULL);
}

/* The API root a WordPress page announces:
 * `Link: <https://example.org/wp-json/>; rel="https://api.w.org/"`. */
static char *
announced_api_root (SoupMessage *message)
{
  const char *header = soup_message_headers_get_list (soup_message_get_response_headers (message),
                                                      "Link");
  g_auto(GStrv) links = header != NULL ? g_strsplit (header, ",", -1) : NULL;

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      const char *start = strchr (links[i], '<');
      const char *end = start != NULL ? strchr (start, '>') : NULL;

      if (end != NULL && strstr (end, "rel=\"https://api.w.org/\"") != NULL)
        return g_strndup (start + 1, end - start - 1);
    }

  return NULL;
}

gboolean
amparo_wordpress_same_origin (const char *a,
                              const char *b)
{
  g_autoptr(GUri) ua = g_uri_parse (a, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) ub = g_uri_parse (b, G_URI_FLAGS_NONE, NULL);

  return ua != NULL && ub != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (ua), g_uri_get_scheme (ub)) == 0 &&
         g_strcmp0 (g_uri_get_host (ua), g_uri_get_host (ub)) == 0 &&
         g_uri_get_port (ua) == g_uri_get_port (ub);
}

/* One REST call and what it needs to be sent again (redirects, API
 * root found later). */
typedef struct
{
  char        *method;
  char        *path;
  char        *json;
  char        *password;
  char        *url;       /* set by a 307/308 */
  guint        hops;
  SoupMessage *message;
} Request;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->json);
  if (request->password != NULL)
    memset (request->password, 0, strlen (request->password));
  g_free (request->password);
  g_free (request->url);
  g_clear_object (&request->message);
  g_free (request);
}

static void send_request (GTask *task);

static void
on_api_root_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmparoWordpress *self = g_task_get_source_object (task);
  SoupMessage *message = g_object_get_data (G_OBJECT (task), "discovery");
  g_autoptr(GBytes) body = amparo_http_send_finish (SOUP_SESSION (source), result, NULL);
  g_autofree char *root = body != NULL ? announced_api_root (message) : NULL;
  g_autoptr(GError) error = NULL;

  self->api_discovered = TRUE;
  if (root != NULL && amparo_wordpress_same_origin (root, self->site_url))
    {
      g_free (self->api_root);
      self->api_root = g_steal_pointer (&root);
      send_request (g_steal_pointer (&task));
      return;
    }

  set_status_error (self, SOUP_STATUS_NOT_FOUND, NULL, NULL, &error);
  g_task_return_error (task, g_steal_pointer (&error));
}

/* No API at /wp-json/: a site with plain permalinks says where it is. */
static void
discover_api_root (GTask *task)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  g_autofree char *home = g_strconcat (self->site_url, "/", NULL);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, home);

  g_object_set_data_full (G_OBJECT (task), "discovery", g_object_ref (message), g_object_unref);
  amparo_http_send_async (amparo_http_get_session (), message, MAX_ANSWER_BYTES,
                          g_task_get_cancellable (task), on_api_root_cb, task);
}

/* The address for Preferences when the site moved: the redirect's target
 * without the API path that was asked for. */
static char *
moved_site_address (const char *location)
{
  const char *api = strstr (location, "/wp-json");
  const char *route = strstr (location, "?rest_route=");
  const char *index = strstr (location, "/index.php?rest_route=");
  const char *cut = index != NULL ? index : route != NULL ? route : api;

  return cut != NULL ? g_strndup (location, cut - location) : g_strdup (location);
}

static gboolean
follow_redirect (GTask       *task,
                 SoupMessage *message,
                 guint        status)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "Location");
  gboolean keeps_method = status == 307 || status == 308;
  g_autoptr(GUri) target = NULL;
  g_autofree char *target_url = NULL;

  if (location == NULL)
    return FALSE;
  target = g_uri_parse_relative (soup_message_get_uri (message), location, G_URI_FLAGS_NONE, NULL);
  if (target == NULL)
    return FALSE;
  target_url = g_uri_to_string (target);

  if (!keeps_method && strcmp (request->method, SOUP_METHOD_GET) != 0)
    {
      g_autofree char *host = amparo_wordpress_host (self);
      g_autofree char *address = moved_site_address (target_url);

      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_MOVED,
                               _("%s sent Amparo on to another address (%s), so nothing "
                                 "was changed on the site. If the website moved, put %s "
                                 "in Preferences."), host, target_url, address);
      return TRUE;
    }
  if (++request->hops > MAX_REDIRECTS)
    return FALSE;

  g_free (request->url);
  request->url = g_steal_pointer (&target_url);
  send_request (g_object_ref (task));
  return TRUE;
}

static void
on_index_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmparoWordpress *self = g_task_get_source_object (task);
  g_autoptr(GBytes) body = amparo_http_send_finish (SOUP_SESSION (source), result, NULL);
  g_autoptr(JsonNode) root = body != NULL ? parse_json (body) : NULL;
  const char *code = g_object_get_data (G_OBJECT (task), "auth-code");
  g_autoptr(GError) error = NULL;
  int passwords_on = -1;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *index = json_node_get_object (root);
      JsonNode *auth = json_object_get_member (index, "authentication");

      passwords_on = auth != NULL && JSON_NODE_HOLDS_OBJECT (auth) &&
                     json_object_has_member (json_node_get_object (auth), "application-passwords");
    }

  set_unauthorized_error (self, code, passwords_on, &error);
  g_task_return_error (task, g_steal_pointer (&error));
}

/* WordPress 6.1 answers a wrong user name or password with the same
 * "not logged in" as a site where application passwords are off; its
 * REST index tells which. */
static void
check_application_passwords (GTask      *task,
                             const char *code)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  g_autofree char *url = api_url (self, "");
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);

  g_object_set_data_full (G_OBJECT (task), "auth-code", g_strdup (code), g_free);
  if (message == NULL)
    {
      g_autoptr(GError) error = NULL;

      set_unauthorized_error (self, code, -1, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "index", g_object_ref (message), g_object_unref);
  amparo_http_send_async (amparo_http_get_session (), message, MAX_ANSWER_BYTES,
                          g_task_get_cancellable (task), on_index_cb, task);
}

static void
on_request_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmparoWordpress *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_steal_pointer (&request->message);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *host = amparo_wordpress_host (self);
  guint status;

  body = amparo_http_send_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      amparo_http_translate_error (&error, host);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (message);
  if (SOUP_STATUS_IS_REDIRECTION (status) && follow_redirect (task, message, status))
    return;

  root = parse_json (body);
  if (status == SOUP_STATUS_NOT_FOUND && json_error_code (root) == NULL &&
      !self->api_discovered && request->url == NULL)
    {
      discover_api_root (g_steal_pointer (&task));
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED && !is_known_auth_code (json_error_code (root)))
    {
      check_application_passwords (g_steal_pointer (&task), json_error_code (root));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      set_status_error (self, status, soup_message_get_reason_phrase (message), root, &error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else if (root == NULL)
    {
      amparo_wordpress_set_bad_answer_error (self, &error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify) json_node_unref);
}

/**
 * amparo_wordpress_credentials_safe:
 * @url: where a password would be sent
 *
 * Passwords go only over https, or over plain http to this machine
 * (127.0.0.0/8, ::1, localhost), where nobody on the network can read
 * them.
 *
 * Returns: whether @url may receive credentials
 */
gboolean
amparo_wordpress_credentials_safe (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;
  g_autoptr(GInetAddress) address = NULL;

  if (uri == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0)
    return TRUE;
  host = g_uri_get_host (uri);
  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static void
send_request (GTask *task)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *url = request->url != NULL ? g_strdup (request->url)
                                              : api_url (self, request->path);
  g_autoptr(SoupMessage) message = soup_message_new (request->method, url);
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *authorization = NULL;

  if (message == NULL)
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_ADDRESS,
                               _("“%s” is not a valid website address. Check it in Preferences."),
                               self->site_url);
      g_object_unref (task);
      return;
    }
  if (!amparo_wordpress_credentials_safe (url))
    {
      g_autofree char *host = host_of_url (url);

      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_INSECURE,
                               _("Amparo does not send the WordPress password to %s over "
                                 "plain http: anyone on the network could read it. Use the "
                                 "site’s https:// address in Preferences."), host);
      g_object_unref (task);
      return;
    }

  /* Redirects are decided in follow_redirect(), never by libsoup. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  pair = g_strconcat (self->user_name, ":", request->password, NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  authorization = g_strconcat ("Basic ", encoded, NULL);
  memset (pair, 0, strlen (pair));
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  memset (authorization, 0, strlen (authorization));
  if (request->json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (request->json, strlen (request->json));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  g_set_object (&request->message, message);
  amparo_http_send_async (amparo_http_get_session (), message, MAX_ANSWER_BYTES,
                          g_task_get_cancellable (task), on_request_cb, task);
}

/* One REST call: @path is below /wp-json/wp/v2; @body, if any, is sent
 * as JSON. The answer's JSON comes back, or an error in plain words. */
void
amparo_wordpress_request_async (AmparoWordpress     *self,
                                const char          *password,
                                const char          *method,
                                const char          *path,
                                JsonNode            *body,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->method = g_strdup (method);
  request->path = g_strconcat ("wp/v2", path, NULL);
  request->json = body != NULL ? json_to_string (body, FALSE) : NULL;
  request->password = g_strdup (password);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  send_request (task);
}

JsonNode *
amparo_wordpress_request_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
