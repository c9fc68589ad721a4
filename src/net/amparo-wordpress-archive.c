/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-wordpress-archive.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "amparo-feed-parser.h"
#include "amparo-html-text.h"
#include "amparo-http.h"
#include "amparo-net-error.h"

/* The whole archive of a WordPress site through its public REST API
 * (wp/v2/posts, 100 a page, by id: posts with the same date would move
 * between pages when sorted by date), instead of its feed: every post, not the 10
 * newest; the whole text even when the feed gives summaries; the post id;
 * and dates in the site's time zone, which the API's index reports. The
 * posts come back as feed items, so the import treats both alike. */

#define PER_PAGE 100
#define MAX_PAGE_BYTES (32 * 1024 * 1024)

typedef struct
{
  char                      *root;
  AmparoArchiveProgressFunc  progress;
  gpointer                   progress_data;
  guint                      page;
  guint                      n_pages;
  guint                      total;
  GPtrArray                 *items;
  char                      *timezone;
  GTimeZone                 *zone;
  SoupMessage               *message;
} Archive;

static void
archive_free (Archive *archive)
{
  g_free (archive->root);
  g_clear_pointer (&archive->items, g_ptr_array_unref);
  g_free (archive->timezone);
  g_clear_pointer (&archive->zone, g_time_zone_unref);
  g_clear_object (&archive->message);
  g_free (archive);
}

/* @route below the API root, for a root at /wp-json/ or ?rest_route=/. */
static char *
rest_url (const char *root,
          const char *route,
          const char *query)
{
  const char *slash = g_str_has_suffix (root, "/") ? "" : "/";

  if (strchr (root, '?') == NULL)
    return g_strconcat (root, slash, route, query != NULL ? "?" : "", query, NULL);
  return g_strconcat (root, slash, route, query != NULL ? "&" : "", query, NULL);
}

/**
 * amparo_wordpress_archive_root_from:
 * @message: the answer for a page of the site (its feed, its home)
 * @page_url: that page's address
 *
 * Returns: (transfer full) (nullable): the REST API root the page
 *   announces in its `Link` header, when it is on the page's own site
 */
char *
amparo_wordpress_archive_root_from (SoupMessage *message,
                                    const char  *page_url)
{
  const char *header = soup_message_headers_get_list (soup_message_get_response_headers (message),
                                                      "Link");
  g_auto(GStrv) links = header != NULL ? g_strsplit (header, ",", -1) : NULL;
  g_autoptr(GUri) page = g_uri_parse (page_url, G_URI_FLAGS_NONE, NULL);

  for (guint i = 0; page != NULL && links != NULL && links[i] != NULL; i++)
    {
      const char *start = strchr (links[i], '<');
      const char *end = start != NULL ? strchr (start, '>') : NULL;
      g_autofree char *root = NULL;
      g_autoptr(GUri) uri = NULL;

      if (end == NULL || strstr (end, "rel=\"https://api.w.org/\"") == NULL)
        continue;
      root = g_strndup (start + 1, end - start - 1);
      uri = g_uri_parse (root, G_URI_FLAGS_NONE, NULL);
      if (uri != NULL && g_strcmp0 (g_uri_get_host (uri), g_uri_get_host (page)) == 0 &&
          g_uri_get_port (uri) == g_uri_get_port (page))
        return g_steal_pointer (&root);
    }

  return NULL;
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

static const char *
rendered (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (node), "rendered", NULL);
}

static AmparoFeedItem *
item_from_post (Archive    *archive,
                JsonObject *post)
{
  AmparoFeedItem *item = g_new0 (AmparoFeedItem, 1);
  const char *date = json_object_get_string_member_with_default (post, "date_gmt", NULL);
  const char *title = rendered (post, "title");

  item->position = archive->items->len + 1;
  item->post_id = json_object_get_int_member_with_default (post, "id", 0);
  item->guid = g_strdup (rendered (post, "guid"));
  item->link = g_strdup (json_object_get_string_member_with_default (post, "link", NULL));
  item->content_html = g_strdup (rendered (post, "content"));
  if (title != NULL)
    item->title = g_strstrip (amparo_html_to_plain_text (title, -1));
  if (date != NULL)
    {
      g_autofree char *utc_text = g_strconcat (date, "Z", NULL);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (utc_text, NULL);

      if (utc != NULL)
        item->date = g_date_time_to_timezone (utc, archive->zone);
    }

  if (item->title == NULL || *item->title == '\0')
    item->skip_reason = g_strdup (_("It has no title."));
  else if (item->date == NULL)
    item->skip_reason = g_strdup_printf (_("Its date “%s” could not be read."), date != NULL ? date : "");
  return item;
}

static void read_page (GTask *task);

static guint
header_number (SoupMessage *message,
               const char  *name)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message), name);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Archive *archive = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = amparo_http_send_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *posts;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = parse_json (body);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (archive->message)) ||
      root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_RESPONSE,
                               _("The website’s list of posts could not be read (page %u)."),
                               archive->page);
      return;
    }

  if (archive->page == 1)
    {
      archive->n_pages = header_number (archive->message, "X-WP-TotalPages");
      archive->total = header_number (archive->message, "X-WP-Total");
    }
  posts = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && archive->items->len < AMPARO_FEED_MAX_ITEMS)
        g_ptr_array_add (archive->items, item_from_post (archive, json_node_get_object (node)));
    }
  if (archive->progress != NULL)
    archive->progress (archive->items->len, MAX (archive->total, archive->items->len),
                       archive->progress_data);

  if (archive->page < archive->n_pages && json_array_get_length (posts) > 0 &&
      archive->items->len < AMPARO_FEED_MAX_ITEMS)
    {
      archive->page++;
      read_page (g_steal_pointer (&task));
      return;
    }

  g_task_return_pointer (task, g_ptr_array_ref (archive->items), (GDestroyNotify) g_ptr_array_unref);
}

static void
read_page (GTask *task)
{
  Archive *archive = g_task_get_task_data (task);
  g_autofree char *query = g_strdup_printf ("per_page=%d&page=%u&orderby=id&order=desc"
                                            "&_fields=id,guid,link,date_gmt,title,content",
                                            PER_PAGE, archive->page);
  g_autofree char *url = rest_url (archive->root, "wp/v2/posts", query);

  g_clear_object (&archive->message);
  archive->message = soup_message_new (SOUP_METHOD_GET, url);
  amparo_http_send_async (amparo_http_get_session (), archive->message, MAX_PAGE_BYTES,
                          g_task_get_cancellable (task), on_page_cb, task);
}

static void
on_index_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Archive *archive = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = amparo_http_send_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(JsonNode) root = NULL;
  const char *timezone = NULL;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = parse_json (body);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NO_API,
                               _("The website’s REST API could not be read."));
      return;
    }

  timezone = json_object_get_string_member_with_default (json_node_get_object (root),
                                                         "timezone_string", NULL);
  if (timezone != NULL && *timezone != '\0')
    archive->zone = g_time_zone_new_identifier (timezone);
  if (archive->zone != NULL)
    archive->timezone = g_strdup (timezone);
  else
    {
      /* A site set to a bare offset ("UTC-8") reports only gmt_offset. */
      double offset = json_object_get_double_member_with_default (json_node_get_object (root),
                                                                  "gmt_offset", 0);

      archive->zone = g_time_zone_new_offset ((gint32) (offset * 3600));
      archive->timezone = g_strdup (g_time_zone_get_identifier (archive->zone));
    }

  archive->page = 1;
  read_page (g_steal_pointer (&task));
}

/**
 * amparo_wordpress_archive_read_async:
 * @api_root: the site's REST API root (from
 *   amparo_wordpress_archive_root_from())
 * @progress: (nullable) (scope call): told after each page
 * @progress_data: (closure progress): for @progress; must outlive the call
 * @cancellable: (nullable): the Cancel button
 * @callback: called with the posts
 * @user_data: for @callback
 *
 * Reads every published post of the site, newest first, page by page.
 */
void
amparo_wordpress_archive_read_async (const char                *api_root,
                                     AmparoArchiveProgressFunc  progress,
                                     gpointer                   progress_data,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Archive *archive = g_new0 (Archive, 1);

  g_task_set_source_tag (task, amparo_wordpress_archive_read_async);
  archive->root = g_strdup (api_root);
  archive->progress = progress;
  archive->progress_data = progress_data;
  archive->items = g_ptr_array_new_with_free_func ((GDestroyNotify) amparo_feed_item_free);
  g_task_set_task_data (task, archive, (GDestroyNotify) archive_free);

  archive->message = soup_message_new (SOUP_METHOD_GET, api_root);
  if (archive->message == NULL)
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_ADDRESS,
                               _("“%s” is not a valid web address."), api_root);
      g_object_unref (task);
      return;
    }
  amparo_http_send_async (amparo_http_get_session (), archive->message, MAX_PAGE_BYTES,
                          cancellable, on_index_cb, task);
}

/**
 * amparo_wordpress_archive_read_finish:
 * @result: the result
 * @timezone: (out) (optional): the site's time zone, e.g.
 *   `America/Los_Angeles`
 * @error: transport errors in the user's words, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (element-type AmparoFeedItem): the posts as
 *   feed items, their dates in the site's zone
 */
GPtrArray *
amparo_wordpress_archive_read_finish (GAsyncResult  *result,
                                      char         **timezone,
                                      GError       **error)
{
  Archive *archive = g_task_get_task_data (G_TASK (result));
  GPtrArray *items = g_task_propagate_pointer (G_TASK (result), error);

  if (timezone != NULL)
    *timezone = items != NULL ? g_strdup (archive->timezone) : NULL;
  return items;
}
