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
#include "amparo-markup.h"
#include "amparo-wordpress-private.h"

/* Publishing to a WordPress site through its REST API, authenticated
 * with an application password.
 *
 * The API root is /wp-json/; a site without pretty permalinks has none
 * there, and announces its real root (…/?rest_route=/) in a `Link`
 * header on its home page, which is then used.
 *
 * Nothing is half-published: the release in Amparo changes only after the
 * site confirmed every write with the post it saved (its id and
 * modification time), and in one store transaction with its journal row.
 * Redirects are never followed blindly: a write is re-sent only to a 307
 * or 308 (which keep the method); any other redirect of a write is
 * reported with the new address, since following it would turn the POST
 * into a GET. The password goes only over https, or plain http to this
 * machine (a local test site).
 *
 * Every post carries a marker, an HTML comment with the release's uid,
 * so a post whose answer was lost (timeout, cancel) is found again and
 * updated instead of duplicated. In two-post mode the Spanish post goes
 * first, then the English one that links to it, then the Spanish post is
 * linked back; if the English post fails, a Spanish post created in this
 * attempt is deleted again. Updates keep the post's status on the site
 * (taken down, private…) unless the user schedules or takes it down. */

G_DEFINE_FINAL_TYPE (AmparoWordpress, amparo_wordpress, G_TYPE_OBJECT)

/* What WordPress said about a post it saved. */
typedef struct
{
  gint64  id;
  char   *link;
  char   *status;
  char   *modified;
  char   *date;
  char   *content;
} PostInfo;

typedef struct
{
  AmparoStore        *store;
  AmparoRelease      *release;
  AmparoPublishFlags  flags;
  char               *password;
  gboolean            take_down;
  PostInfo            spanish;
  PostInfo            english;
  gboolean            spanish_created;
  GError             *error;
} PublishData;

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
post_info_clear (PostInfo *info)
{
  g_clear_pointer (&info->link, g_free);
  g_clear_pointer (&info->status, g_free);
  g_clear_pointer (&info->modified, g_free);
  g_clear_pointer (&info->date, g_free);
  g_clear_pointer (&info->content, g_free);
  info->id = 0;
}

static void
publish_data_free (PublishData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->release);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  post_info_clear (&data->spanish);
  post_info_clear (&data->english);
  g_clear_error (&data->error);
  g_free (data);
}


static const char *
rendered_or_raw (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_string (node);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (json_object_has_member (object, "raw"))
    return json_object_get_string_member_with_default (object, "raw", NULL);
  return json_object_get_string_member_with_default (object, "rendered", NULL);
}

static void
set_unconfirmed_error (AmparoWordpress  *self,
                       GError          **error)
{
  g_autofree char *host = amparo_wordpress_host (self);

  g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_RESPONSE,
               _("%s answered, but not with the post Amparo sent, so the change "
                 "cannot be confirmed. Nothing was recorded; check the post on the "
                 "site and publish again."), host);
}

/* A write is confirmed only by the post WordPress returns: an object
 * with the id asked for (any, for a new post), its address, status and
 * modification time. Anything else (an error page, a list, a redirect
 * taken as a read) is not a confirmation. */
static gboolean
read_post (AmparoWordpress  *self,
           JsonNode         *root,
           gint64            expected_id,
           PostInfo         *info,
           GError          **error)
{
  JsonObject *object;

  post_info_clear (info);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      amparo_wordpress_set_bad_answer_error (self, error);
      return FALSE;
    }
  object = json_node_get_object (root);
  info->id = json_object_get_int_member_with_default (object, "id", 0);
  info->link = g_strdup (json_object_get_string_member_with_default (object, "link", NULL));
  info->status = g_strdup (json_object_get_string_member_with_default (object, "status", NULL));
  info->modified = g_strdup (json_object_get_string_member_with_default (object, "modified_gmt", NULL));
  info->date = g_strdup (json_object_get_string_member_with_default (object, "date_gmt", NULL));
  info->content = g_strdup (rendered_or_raw (object, "content"));
  if (info->id <= 0 || info->link == NULL || info->status == NULL || info->modified == NULL ||
      (expected_id > 0 && info->id != expected_id))
    {
      post_info_clear (info);
      set_unconfirmed_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* WordPress reads titles as HTML; escaped, "<" and "&" show as typed. */
static char *
title_html (const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
marker (AmparoRelease *release,
        gboolean       spanish)
{
  return g_strdup_printf ("<!-- amparo:%s%s -->", amparo_record_get_uid (AMPARO_RECORD (release)),
                          spanish ? ":es" : "");
}

/* The embargo as WordPress wants a scheduled post's date_gmt. */
static char *
embargo_gmt (AmparoRelease *release)
{
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (!has_text (amparo_release_get_embargo_until (release)))
    return NULL;
  until = g_date_time_new_from_iso8601 (amparo_release_get_embargo_until (release), NULL);
  if (until == NULL)
    return NULL;
  utc = g_date_time_to_utc (until);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static JsonNode *
post_body (PublishData *data,
           const char  *title,
           const char  *content,
           gboolean     creating)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *escaped = title_html (title);
  g_autofree char *scheduled = (data->flags & AMPARO_PUBLISH_SCHEDULE) ? embargo_gmt (data->release) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, escaped);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  if (scheduled != NULL)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "future");
      json_builder_set_member_name (builder, "date_gmt");
      json_builder_add_string_value (builder, scheduled);
    }
  else if (creating)
    {
      /* An update leaves the status the post has on the site. */
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "publish");
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
status_body (const char *status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
linked_html (const char *body,
             const char *url,
             const char *label,
             const char *mark)
{
  g_autofree char *html = amparo_markup_render (body, AMPARO_MARKUP_HTML);
  g_autofree char *escaped = NULL;

  if (url == NULL)
    return g_strconcat (html, mark, "\n", NULL);

  escaped = g_markup_escape_text (url, -1);
  return g_strdup_printf ("<p><a href=\"%s\">%s</a></p>\n%s%s\n", escaped, label, html, mark);
}

/* The post id of @release on this site: an imported release's post is
 * used only when it came from this site. */
static gint64
linked_post_id (AmparoWordpress *self,
                AmparoRelease   *release,
                gboolean         spanish)
{
  const char *url = spanish ? amparo_release_get_post_url_es (release)
                            : amparo_release_get_post_url (release);
  gint64 id = spanish ? amparo_release_get_post_id_es (release)
                      : amparo_release_get_post_id (release);

  if (id <= 0 || (url != NULL && !amparo_wordpress_same_origin (url, self->site_url) &&
                  (self->api_root == NULL || !amparo_wordpress_same_origin (url, self->api_root))))
    return 0;
  return id;
}

static gboolean
two_posts (AmparoWordpress *self,
           PublishData     *data)
{
  return self->mode == AMPARO_POST_MODE_TWO_POSTS &&
         has_text (amparo_release_get_body_es (data->release));
}

/* Steps of a publication, in order. */

static void find_post (GTask *task, gboolean spanish);
static void send_english (GTask *task, gint64 existing_id);

static char *
now_utc_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
gmt_to_iso (const char *gmt)
{
  return gmt != NULL ? g_strconcat (gmt, "Z", NULL) : NULL;
}

static void
save_and_journal (GTask         *task,
                  AmparoRelease *copy,
                  const char    *detail)
{
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!amparo_store_begin (data->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!amparo_store_save (data->store, AMPARO_RECORD (copy), &error) ||
      !amparo_store_log_action (data->store, AMPARO_JOURNAL_ACTION_PUBLISH,
                                AMPARO_RECORD (copy), detail, &error) ||
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
record_publication (GTask *task)
{
  PublishData *data = g_task_get_task_data (task);
  PostInfo *post = &data->english;
  g_autoptr(AmparoRelease) copy = AMPARO_RELEASE (amparo_record_copy (AMPARO_RECORD (data->release)));
  gboolean scheduled = g_strcmp0 (post->status, "future") == 0;
  g_autofree char *now = now_utc_text ();
  g_autofree char *date = gmt_to_iso (post->date);
  g_autofree char *modified = gmt_to_iso (post->modified);
  g_autofree char *detail = NULL;

  amparo_release_set_post_id (copy, post->id);
  amparo_release_set_post_url (copy, post->link);
  amparo_release_set_site_status (copy, post->status);
  amparo_release_set_post_modified (copy, modified);
  amparo_release_set_scheduled_for (copy, scheduled ? date : NULL);
  amparo_release_set_post_id_es (copy, data->spanish.id);
  amparo_release_set_post_url_es (copy, data->spanish.link);
  if (g_strcmp0 (post->status, "publish") == 0)
    {
      amparo_release_set_published_at (copy, now);
      /* Corrections keep the first publication time. */
      if (!has_text (amparo_release_get_first_published_at (copy)))
        amparo_release_set_first_published_at (copy, date != NULL ? date : now);
    }
  if (!scheduled)
    amparo_release_set_status (copy, AMPARO_RELEASE_STATUS_PUBLISHED);

  detail = scheduled ? g_strdup_printf ("%s (future %s)", post->link, date)
         : g_strcmp0 (post->status, "publish") != 0 ? g_strdup_printf ("%s (%s)", post->link, post->status)
         : g_strdup (post->link);
  save_and_journal (task, copy, detail);
}

static void
on_spanish_deleted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = amparo_wordpress_request_finish (result, NULL);

  if (root == NULL)
    g_warning ("A Spanish post left on the site after a failed publication: %s",
               data->spanish.link);
  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
on_spanish_relinked_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = amparo_wordpress_request_finish (result, &error);
  gint64 id = data->spanish.id;

  if (root == NULL || !read_post (g_task_get_source_object (task), root, id, &data->spanish, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  record_publication (task);
}

static char *
spanish_html (PublishData *data,
              const char  *english_url)
{
  g_autofree char *mark = marker (data->release, TRUE);

  return linked_html (amparo_release_get_body_es (data->release), english_url,
                      "Read in English", mark);
}

/* The Spanish post went first, before the English one had an address:
 * now it links back. */
static void
link_spanish_back (GTask *task)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  g_autofree char *content = spanish_html (data, data->english.link);
  g_autofree char *path = g_strdup_printf ("/posts/%" G_GINT64_FORMAT, data->spanish.id);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;

  if (data->spanish.content != NULL && data->english.link != NULL &&
      strstr (data->spanish.content, data->english.link) != NULL)
    {
      record_publication (task);
      g_object_unref (task);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  amparo_wordpress_request_async (self, data->password, SOUP_METHOD_POST, path, body,
                 g_task_get_cancellable (task), on_spanish_relinked_cb, task);
}

/* An update must leave the post at least as new as Amparo's last
 * confirmed write; an older post is a cache or a copy answering. */
static gboolean
is_stale (AmparoWordpress  *self,
          PublishData      *data,
          GError          **error)
{
  const char *before = amparo_release_get_post_modified (data->release);
  g_autofree char *now = gmt_to_iso (data->english.modified);

  if (!has_text (before) || data->english.id != amparo_release_get_post_id (data->release) ||
      g_strcmp0 (now, before) >= 0)
    return FALSE;

  set_unconfirmed_error (self, error);
  return TRUE;
}

static void
on_english_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  AmparoWordpress *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) root = amparo_wordpress_request_finish (result, &data->error);
  gint64 expected = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "expected-id"));

  if (root != NULL && read_post (self, root, expected, &data->english, &data->error) &&
      !is_stale (self, data, &data->error))
    {
      g_clear_error (&data->error);
      if (data->spanish.id > 0)
        link_spanish_back (g_steal_pointer (&task));
      else
        record_publication (task);
      return;
    }

  if (data->spanish_created)
    {
      g_autofree char *path = g_strdup_printf ("/posts/%" G_GINT64_FORMAT "?force=true",
                                               data->spanish.id);

      amparo_wordpress_request_async (self, data->password, SOUP_METHOD_DELETE, path, NULL, NULL,
                     on_spanish_deleted_cb, g_steal_pointer (&task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
send_english (GTask  *task,
              gint64  existing_id)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  g_autofree char *content = NULL;
  g_autofree char *mark = marker (data->release, FALSE);
  g_autoptr(JsonNode) body = NULL;

  if (self->mode == AMPARO_POST_MODE_COMBINED || data->spanish.link == NULL)
    {
      g_autofree char *html = amparo_wordpress_build_combined_html (data->release);

      content = g_strconcat (html, mark, "\n", NULL);
    }
  else
    content = linked_html (amparo_release_get_body_en (data->release), data->spanish.link,
                           "Versión en español", mark);

  body = post_body (data, amparo_release_get_title_en (data->release), content, existing_id == 0);
  path = existing_id > 0 ? g_strdup_printf ("/posts/%" G_GINT64_FORMAT, existing_id)
                         : g_strdup ("/posts");
  g_object_set_data (G_OBJECT (task), "expected-id", GSIZE_TO_POINTER ((gsize) existing_id));
  amparo_wordpress_request_async (self, data->password, SOUP_METHOD_POST, path, body,
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
  g_autoptr(JsonNode) root = amparo_wordpress_request_finish (result, &error);
  gint64 expected = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "expected-id"));

  if (root == NULL ||
      !read_post (g_task_get_source_object (task), root, expected, &data->spanish, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  find_post (g_steal_pointer (&task), FALSE);
}

static void
send_spanish (GTask  *task,
              gint64  existing_id)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  const char *english_url = linked_post_id (self, data->release, FALSE) > 0
                            ? amparo_release_get_post_url (data->release) : NULL;
  g_autofree char *content = spanish_html (data, english_url);
  g_autofree char *path = NULL;
  const char *title = amparo_release_get_title_es (data->release);
  g_autoptr(JsonNode) body = NULL;

  body = post_body (data, has_text (title) ? title : amparo_release_get_title_en (data->release),
                    content, existing_id == 0);
  data->spanish_created = existing_id == 0;
  path = existing_id > 0 ? g_strdup_printf ("/posts/%" G_GINT64_FORMAT, existing_id)
                         : g_strdup ("/posts");
  g_object_set_data (G_OBJECT (task), "expected-id", GSIZE_TO_POINTER ((gsize) existing_id));
  amparo_wordpress_request_async (self, data->password, SOUP_METHOD_POST, path, body,
                 g_task_get_cancellable (task), on_spanish_sent_cb, task);
}

/* The post of an earlier try whose answer was lost: its content carries
 * the marker. */
static gint64
find_marked (JsonNode   *root,
             const char *mark)
{
  JsonArray *posts;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return 0;
  posts = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);
      JsonObject *post;
      const char *content;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      post = json_node_get_object (node);
      content = rendered_or_raw (post, "content");
      if (content != NULL && strstr (content, mark) != NULL)
        return json_object_get_int_member_with_default (post, "id", 0);
    }

  return 0;
}

static void
on_marked_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *data = g_task_get_task_data (task);
  gboolean spanish = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "finding-spanish"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = amparo_wordpress_request_finish (result, &error);
  g_autofree char *mark = marker (data->release, spanish);
  gint64 id;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  id = find_marked (root, mark);
  if (spanish)
    send_spanish (g_steal_pointer (&task), id);
  else
    send_english (g_steal_pointer (&task), id);
}

static void
find_post (GTask    *task,
           gboolean  spanish)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  gint64 known = linked_post_id (self, data->release, spanish);
  g_autofree char *path = NULL;

  if (known > 0)
    {
      if (spanish)
        send_spanish (task, known);
      else
        send_english (task, known);
      return;
    }

  g_object_set_data (G_OBJECT (task), "finding-spanish", GINT_TO_POINTER (spanish));
  path = g_strdup_printf ("/posts?search=%s&status=any&context=edit&per_page=20",
                          amparo_record_get_uid (AMPARO_RECORD (data->release)));
  amparo_wordpress_request_async (self, data->password, SOUP_METHOD_GET, path, NULL,
                 g_task_get_cancellable (task), on_marked_found_cb, task);
}

static void
start_sending (GTask *task)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);

  find_post (task, two_posts (self, data));
}

/* Taking a post down: the Spanish one first, then the English one. */

static void
record_taken_down (GTask *task)
{
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(AmparoRelease) copy = AMPARO_RELEASE (amparo_record_copy (AMPARO_RECORD (data->release)));
  g_autofree char *modified = gmt_to_iso (data->english.modified);
  g_autofree char *detail = g_strdup_printf ("%s (%s)", data->english.link, data->english.status);

  amparo_release_set_site_status (copy, data->english.status);
  amparo_release_set_post_modified (copy, modified);
  amparo_release_set_scheduled_for (copy, NULL);
  save_and_journal (task, copy, detail);
}

static void
on_taken_down_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = amparo_wordpress_request_finish (result, &error);
  gboolean spanish = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "taking-spanish"));
  gint64 id = linked_post_id (self, data->release, spanish);
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;

  if (root == NULL || !read_post (self, root, id, spanish ? &data->spanish : &data->english, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!spanish)
    {
      record_taken_down (task);
      return;
    }

  g_object_set_data (G_OBJECT (task), "taking-spanish", GINT_TO_POINTER (FALSE));
  body = status_body ("draft");
  path = g_strdup_printf ("/posts/%" G_GINT64_FORMAT, linked_post_id (self, data->release, FALSE));
  cancellable = g_task_get_cancellable (task);
  amparo_wordpress_request_async (self, data->password, SOUP_METHOD_POST, path, body,
                 cancellable, on_taken_down_cb, g_steal_pointer (&task));
}

static void
start_taking_down (GTask *task)
{
  AmparoWordpress *self = g_task_get_source_object (task);
  PublishData *data = g_task_get_task_data (task);
  gboolean spanish = linked_post_id (self, data->release, TRUE) > 0;
  g_autoptr(JsonNode) body = status_body ("draft");
  g_autofree char *path = g_strdup_printf ("/posts/%" G_GINT64_FORMAT,
                                           linked_post_id (self, data->release, spanish));

  g_object_set_data (G_OBJECT (task), "taking-spanish", GINT_TO_POINTER (spanish));
  amparo_wordpress_request_async (self, data->password, SOUP_METHOD_POST, path, body,
                 g_task_get_cancellable (task), on_taken_down_cb, task);
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

  if (data->take_down)
    start_taking_down (g_steal_pointer (&task));
  else
    start_sending (g_steal_pointer (&task));
}

static void
on_user_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = amparo_wordpress_request_finish (result, &error);
  const char *name = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    name = json_object_get_string_member_with_default (json_node_get_object (root), "name", NULL);
  if (root != NULL && name == NULL)
    amparo_wordpress_set_bad_answer_error (g_task_get_source_object (task), &error);

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
  amparo_wordpress_request_async (self, password, SOUP_METHOD_GET, "/users/me", NULL, cancellable,
                 on_user_cb, g_steal_pointer (&task));
  memset (password, 0, strlen (password));
}

static void
amparo_wordpress_finalize (GObject *object)
{
  AmparoWordpress *self = (AmparoWordpress *) object;

  g_free (self->site_url);
  g_free (self->user_name);
  g_free (self->api_root);
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
  return amparo_wordpress_check_publishable_full (release, 0, now, error);
}

/**
 * amparo_wordpress_check_publishable_full:
 * @release: a release
 * @flags: %AMPARO_PUBLISH_SCHEDULE allows a release under embargo, to be
 *   sent as a scheduled post
 * @now: (nullable): the current time, %NULL for the clock's
 * @error: %AMPARO_NET_ERROR_REFUSED with the reason
 *
 * Returns: whether it may be sent now
 */
gboolean
amparo_wordpress_check_publishable_full (AmparoRelease       *release,
                                         AmparoPublishFlags   flags,
                                         GDateTime           *now,
                                         GError             **error)
{
  g_autoptr(GError) refused = NULL;

  /* The rule lives in the store, beside the status workflow; here it only
   * becomes the network's error. */
  if (amparo_release_check_may_go_out (release, (flags & AMPARO_PUBLISH_SCHEDULE) != 0,
                                       now, &refused))
    return TRUE;
  g_set_error_literal (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED, refused->message);
  return FALSE;
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
  g_autofree char *english = amparo_markup_render (amparo_release_get_body_en (release), AMPARO_MARKUP_HTML);
  g_autofree char *spanish = NULL;
  g_autofree char *title = NULL;
  const char *title_es = amparo_release_get_title_es (release);

  if (!has_text (amparo_release_get_body_es (release)))
    return g_steal_pointer (&english);

  spanish = amparo_markup_render (amparo_release_get_body_es (release), AMPARO_MARKUP_HTML);
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
  amparo_wordpress_publish_full_async (self, store, release, 0, cancellable, callback, user_data);
}

static GTask *
new_publish_task (AmparoWordpress     *self,
                  AmparoStore         *store,
                  AmparoRelease       *release,
                  AmparoPublishFlags   flags,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  PublishData *data = g_new0 (PublishData, 1);

  g_task_set_source_tag (task, amparo_wordpress_publish_async);
  data->store = g_object_ref (store);
  data->release = g_object_ref (release);
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) publish_data_free);
  return task;
}

/**
 * amparo_wordpress_publish_full_async:
 * @self: a client
 * @store: the case store
 * @release: an approved release, saved
 * @flags: %AMPARO_PUBLISH_SCHEDULE to send a release under embargo as a
 *   post WordPress publishes at the embargo time (status `future`)
 * @cancellable: (nullable): to stop
 * @callback: called with the result; finish with
 *   amparo_wordpress_publish_finish()
 * @user_data: for @callback
 *
 * Like amparo_wordpress_publish_async(), with options.
 */
void
amparo_wordpress_publish_full_async (AmparoWordpress     *self,
                                     AmparoStore         *store,
                                     AmparoRelease       *release,
                                     AmparoPublishFlags   flags,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AMPARO_IS_WORDPRESS (self));
  g_return_if_fail (AMPARO_IS_STORE (store));
  g_return_if_fail (AMPARO_IS_RELEASE (release));

  task = new_publish_task (self, store, release, flags, cancellable, callback, user_data);
  if (!amparo_wordpress_check_publishable_full (release, flags, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  get_password_async (self, cancellable, on_publish_password_cb, g_steal_pointer (&task));
}

/**
 * amparo_wordpress_take_down_async:
 * @self: a client
 * @store: the case store
 * @release: a release with a post on the site
 * @cancellable: (nullable): to stop
 * @callback: called with the result; finish with
 *   amparo_wordpress_publish_finish()
 * @user_data: for @callback
 *
 * Makes the release's post (both, in two-post mode) a draft on the site:
 * pulls back a scheduled post before it goes out, or unpublishes a
 * withdrawn release. Records the site's status and a `publish` journal
 * row.
 */
void
amparo_wordpress_take_down_async (AmparoWordpress     *self,
                                  AmparoStore         *store,
                                  AmparoRelease       *release,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PublishData *data;

  g_return_if_fail (AMPARO_IS_WORDPRESS (self));
  g_return_if_fail (AMPARO_IS_STORE (store));
  g_return_if_fail (AMPARO_IS_RELEASE (release));

  task = new_publish_task (self, store, release, 0, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->take_down = TRUE;
  if (linked_post_id (self, release, FALSE) <= 0)
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED,
                               _("This release has no post on the website."));
      return;
    }

  get_password_async (self, cancellable, on_publish_password_cb, g_steal_pointer (&task));
}

/**
 * amparo_wordpress_unlink:
 * @store: the case store
 * @release: a release whose post was deleted on the site
 * @error: a store error
 *
 * Forgets the release's post (both, in two-post mode), so publishing
 * makes a new one, and journals it. The release keeps its status.
 *
 * Returns: %TRUE once saved
 */
gboolean
amparo_wordpress_unlink (AmparoStore    *store,
                         AmparoRelease  *release,
                         GError        **error)
{
  g_autoptr(AmparoRelease) copy = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (store), FALSE);
  g_return_val_if_fail (AMPARO_IS_RELEASE (release), FALSE);

  copy = AMPARO_RELEASE (amparo_record_copy (AMPARO_RECORD (release)));
  detail = g_strdup_printf ("unlinked from %s", amparo_release_get_post_url (release) ?: "");
  amparo_release_set_post_id (copy, 0);
  amparo_release_set_post_url (copy, NULL);
  amparo_release_set_post_id_es (copy, 0);
  amparo_release_set_post_url_es (copy, NULL);
  amparo_release_set_site_status (copy, NULL);
  amparo_release_set_scheduled_for (copy, NULL);
  amparo_release_set_post_modified (copy, NULL);
  /* The status stays: a published release may be published again. */

  if (!amparo_store_begin (store, error))
    return FALSE;
  if (!amparo_store_save (store, AMPARO_RECORD (copy), error) ||
      !amparo_store_log_action (store, AMPARO_JOURNAL_ACTION_UPDATE, AMPARO_RECORD (copy),
                                detail, error) ||
      !amparo_store_commit (store, error))
    {
      amparo_store_rollback (store);
      return FALSE;
    }

  return amparo_store_reload (store, AMPARO_RECORD (release), error);
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

/**
 * amparo_wordpress_format_scheduled:
 * @release: a release with a scheduled post
 *
 * Returns: (transfer full) (nullable): when the site will publish it, in
 *   the zone the embargo was entered in (else the computer's), e.g.
 *   "2030-05-13 10:00 (America/Los_Angeles)"
 */
char *
amparo_wordpress_format_scheduled (AmparoRelease *release)
{
  const char *when = amparo_release_get_scheduled_for (release);
  const char *zone_name = amparo_release_get_embargo_timezone (release);
  g_autoptr(GTimeZone) zone = has_text (zone_name) ? g_time_zone_new_identifier (zone_name) : NULL;
  g_autoptr(GDateTime) utc = has_text (when) ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *shown = NULL;

  if (utc == NULL)
    return NULL;
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, zone);
  shown = g_date_time_format (local, "%Y-%m-%d %H:%M");
  return g_strdup_printf ("%s (%s)", shown, g_time_zone_get_identifier (zone));
}

/**
 * amparo_wordpress_describe_site_status:
 * @release: a release
 *
 * What the website does with the release's post, when that is not
 * simply "published": scheduled, taken down, private.
 *
 * Returns: (transfer full) (nullable): a translated phrase, or %NULL
 */
char *
amparo_wordpress_describe_site_status (AmparoRelease *release)
{
  const char *status = amparo_release_get_site_status (release);

  if (amparo_release_get_post_id (release) <= 0 || !has_text (status))
    return NULL;
  if (strcmp (status, "future") == 0)
    {
      g_autofree char *when = amparo_wordpress_format_scheduled (release);

      return g_strdup_printf (_("Scheduled for %s"), when != NULL ? when : "?");
    }
  if (strcmp (status, "draft") == 0 || strcmp (status, "pending") == 0)
    return g_strdup (_("Taken down from the website (draft)"));
  if (strcmp (status, "private") == 0)
    return g_strdup (_("Private on the website"));
  return NULL;
}
