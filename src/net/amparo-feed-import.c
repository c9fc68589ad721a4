/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-feed-import.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <string.h>

#include "amparo-bilingual-split.h"
#include "amparo-feed-parser.h"
#include "amparo-html-text.h"
#include "amparo-http.h"
#include "amparo-net-error.h"
#include "amparo-wordpress.h"
#include "amparo-wordpress-archive.h"

/* An import runs in three steps: the document is read (libsoup or GIO,
 * async), then parsed, converted and split in a worker thread (pure
 * functions, no store), then matched against the store and written in
 * one transaction on the main thread, where the store lives. Any error
 * before the last step leaves the store untouched; the last step rolls
 * back as a whole.
 *
 * A feed from a WordPress site (it announces its REST API in a `Link`
 * header) is read through the API instead, page by page: every post, the
 * whole text even when the feed gives summaries, the post id, and dates
 * in the site's time zone. Without the API, a WordPress feed is followed
 * page by page (?paged=2…). Dates are given in the site's zone, else the
 * computer's. */

#define MAX_FEED_PAGES 200

typedef struct
{
  guint  position;
  char  *skip_reason;
  char  *guid;
  char  *link;
  char  *html;
  char  *title_en;
  char  *title_es;
  char  *body_en;
  char  *body_es;
  char  *release_date;
  char  *published_at;
  char  *media_contact;
  char **demands_en;
  char **demands_es;
  gint64 post_id;
  gboolean summary_only;
} Prepared;

typedef struct
{
  GTask                    *task;     /* unowned: the task owns this */
  AmparoStore              *store;
  char                     *address;
  AmparoImportProgressFunc  progress;
  gpointer                  progress_data;
  GDestroyNotify            progress_data_free;
  GMainContext             *context;
  GBytes                   *document;
  GPtrArray                *documents;  /* feed pages after the first */
  GPtrArray                *items;      /* from the REST API, or NULL */
  char                     *timezone;   /* the site's, when it said */
  gboolean                  wordpress_feed;
  GPtrArray                *prepared;
  guint                     n_ignored;
} ImportData;

typedef struct
{
  GTask      *task;
  guint       done;
  guint       total;
} ProgressUpdate;

static void
prepared_free (Prepared *item)
{
  g_free (item->skip_reason);
  g_free (item->guid);
  g_free (item->link);
  g_free (item->html);
  g_free (item->title_en);
  g_free (item->title_es);
  g_free (item->body_en);
  g_free (item->body_es);
  g_free (item->release_date);
  g_free (item->published_at);
  g_free (item->media_contact);
  g_strfreev (item->demands_en);
  g_strfreev (item->demands_es);
  g_free (item);
}

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->store);
  g_free (data->address);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_pointer (&data->document, g_bytes_unref);
  g_clear_pointer (&data->documents, g_ptr_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data->timezone);
  g_clear_pointer (&data->prepared, g_ptr_array_unref);
  g_free (data);
}

static void
skip_free (AmparoImportSkip *skip)
{
  g_free (skip->title);
  g_free (skip->reason);
  g_free (skip);
}

static void
demands_free (AmparoImportDemands *demands)
{
  g_clear_object (&demands->release);
  g_strfreev (demands->demands_en);
  g_strfreev (demands->demands_es);
  g_free (demands);
}

static void
progress_update_free (ProgressUpdate *update)
{
  g_object_unref (update->task);
  g_free (update);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  ImportData *data = g_task_get_task_data (update->task);

  data->progress (update->done, update->total, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* Each update holds the task, so its data outlives every update even if
 * the worker's updates are dispatched after the task completed. */
static void
report_progress (ImportData *data,
                 guint       done,
                 guint       total)
{
  ProgressUpdate *update;

  if (data->progress == NULL)
    return;

  update = g_new0 (ProgressUpdate, 1);
  update->task = g_object_ref (data->task);
  update->done = done;
  update->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT,
                              report_progress_cb, update,
                              (GDestroyNotify) progress_update_free);
}

/* "Media Contact: Renee Garcia,; 213-634-7615" on a line of its own, as
 * the organization's statements open. */
static char *
find_media_contact (const char *body)
{
  static const char * const labels[] = {
    "media contact:", "press contact:", "contact:", "contacto de prensa:",
    "contacto:",
  };
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", 40);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == '*' || *line == ' ')
        line++;
      for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
        if (g_ascii_strncasecmp (line, labels[j], strlen (labels[j])) == 0)
          {
            g_autoptr(GString) contact = g_string_new (line + strlen (labels[j]));

            g_string_replace (contact, "*", "", 0);
            g_string_replace (contact, ",;", ";", 0);
            return g_strstrip (g_string_free (g_steal_pointer (&contact), FALSE));
          }
    }

  return NULL;
}

/* WordPress names its posts http://site/?p=ID in feeds and the API. */
static gint64
wordpress_post_id (const char *guid)
{
  const char *p = guid != NULL ? strstr (guid, "?p=") : NULL;

  if (p == NULL && guid != NULL)
    p = strstr (guid, "&p=");
  if (p == NULL || !g_ascii_isdigit (p[3]))
    return 0;
  return g_ascii_strtoll (p + 3, NULL, 10);
}

static Prepared *
prepare_item (AmparoFeedItem *item,
              GTimeZone      *zone)
{
  Prepared *prepared = g_new0 (Prepared, 1);
  g_autofree char *body = NULL;
  g_autoptr(AmparoBilingualText) text = NULL;

  prepared->position = item->position;
  prepared->title_en = g_strdup (item->title);
  if (item->skip_reason != NULL)
    {
      prepared->skip_reason = g_strdup (item->skip_reason);
      return prepared;
    }

  prepared->guid = g_strdup (item->guid);
  prepared->link = g_strdup (item->link);
  prepared->post_id = item->post_id > 0 ? item->post_id : wordpress_post_id (item->guid);
  prepared->summary_only = item->summary_only;
  prepared->html = g_strdup (item->content_html);
  body = amparo_html_to_simple_text (item->content_html, -1);
  text = amparo_bilingual_split (item->title, body);

  g_free (prepared->title_en);
  prepared->title_en = g_steal_pointer (&text->title_en);
  prepared->title_es = g_steal_pointer (&text->title_es);
  prepared->body_en = g_steal_pointer (&text->body_en);
  prepared->body_es = g_steal_pointer (&text->body_es);
  prepared->demands_en = g_steal_pointer (&text->demands_en);
  prepared->demands_es = g_steal_pointer (&text->demands_es);
  prepared->media_contact = find_media_contact (prepared->body_en);
  if (item->date != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (item->date);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (item->date, zone);

      /* An evening post in Los Angeles is that day's, not the next
       * day's in UTC. */
      prepared->release_date = g_date_time_format (local, "%Y-%m-%d");
      prepared->published_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }

  return prepared;
}

static GTimeZone *
import_zone (ImportData *data)
{
  GTimeZone *zone = data->timezone != NULL ? g_time_zone_new_identifier (data->timezone) : NULL;

  return zone != NULL ? zone : g_time_zone_new_local ();
}

static void
prepare_items (ImportData *data,
               GPtrArray  *items,
               GTimeZone  *zone,
               guint       first_position,
               guint       total)
{
  for (guint i = 0; i < items->len; i++)
    {
      AmparoFeedItem *item = g_ptr_array_index (items, i);
      Prepared *prepared;

      item->position += first_position;
      prepared = prepare_item (item, zone);
      g_ptr_array_add (data->prepared, prepared);
      report_progress (data, data->prepared->len, total);
    }
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GTimeZone) zone = import_zone (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) amparo_feed_free);
  guint total = 0;

  data->prepared = g_ptr_array_new_with_free_func ((GDestroyNotify) prepared_free);
  if (data->items != NULL)
    {
      prepare_items (data, data->items, zone, 0, data->items->len);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_insert (data->documents, 0, g_bytes_ref (data->document));
  for (guint i = 0; i < data->documents->len; i++)
    {
      gsize length;
      const char *document = g_bytes_get_data (g_ptr_array_index (data->documents, i), &length);
      AmparoFeed *feed = amparo_feed_parse (document, length, &error);

      /* A later page that cannot be read ends the archive, not the import. */
      if (feed == NULL && i == 0)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (feed == NULL)
        break;
      total += feed->items->len;
      data->n_ignored += feed->n_ignored;
      g_ptr_array_add (pages, feed);
    }

  for (guint i = 0; i < pages->len; i++)
    {
      AmparoFeed *feed = g_ptr_array_index (pages, i);

      if (g_task_return_error_if_cancelled (task))
        return;
      prepare_items (data, feed->items, zone, data->prepared->len, total);
    }

  g_task_return_boolean (task, TRUE);
}

static void
add_skip (AmparoImportReport *report,
          Prepared           *item,
          const char         *reason)
{
  AmparoImportSkip *skip = g_new0 (AmparoImportSkip, 1);

  skip->position = item->position;
  skip->title = g_strdup (item->title_en);
  skip->reason = g_strdup (reason);
  g_ptr_array_add (report->skipped, skip);
}

/* A post is known by its site and id: its address changes when a
 * scheduled post goes out, or when the site's permalinks change. */
static char *
post_key (const char *url,
          gint64      post_id)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || post_id <= 0)
    return NULL;
  return g_strdup_printf ("post:%s:%d:%" G_GINT64_FORMAT, g_uri_get_host (uri),
                          g_uri_get_port (uri), post_id);
}

static void
index_releases (AmparoStore     *store,
                AmparoListScope  scope,
                GHashTable      *by_guid,
                GHashTable      *by_link)
{
  g_autoptr(GListModel) list = amparo_store_list (store, AMPARO_TYPE_RELEASE, scope);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRelease) release = g_list_model_get_item (list, i);
      const char *guid = amparo_release_get_source_guid (release);
      const char *link = amparo_release_get_source_url (release);

      if (guid != NULL && *guid != '\0' && !g_hash_table_contains (by_guid, guid))
        g_hash_table_insert (by_guid, g_strdup (guid), g_object_ref (release));
      if (link != NULL && *link != '\0' && !g_hash_table_contains (by_link, link))
        g_hash_table_insert (by_link, g_strdup (link), g_object_ref (release));
    }

  /* A release Amparo published is found again by its post's address,
   * after every imported one so it never hides them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRelease) release = g_list_model_get_item (list, i);
      const char *post_url = amparo_release_get_post_url (release);

      g_autofree char *key = post_key (post_url, amparo_release_get_post_id (release));

      if (amparo_release_get_post_id (release) > 0 && post_url != NULL &&
          *post_url != '\0' && !g_hash_table_contains (by_link, post_url))
        g_hash_table_insert (by_link, g_strdup (post_url), g_object_ref (release));
      if (key != NULL && !g_hash_table_contains (by_link, key))
        g_hash_table_insert (by_link, g_steal_pointer (&key), g_object_ref (release));
    }
}

static GHashTable *
new_release_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static AmparoRelease *
lookup (GHashTable *by_guid,
        GHashTable *by_link,
        Prepared   *item)
{
  AmparoRelease *release = NULL;

  if (item->guid != NULL)
    release = g_hash_table_lookup (by_guid, item->guid);
  if (release == NULL && item->link != NULL)
    release = g_hash_table_lookup (by_link, item->link);
  if (release == NULL)
    {
      g_autofree char *key = post_key (item->link, item->post_id);

      if (key != NULL)
        release = g_hash_table_lookup (by_link, key);
    }

  return release;
}

/* A release written in Amparo and published from it: its text is the
 * original and the site's post a copy, so an import only links it to the
 * post and never rewrites its text. */
static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
published_from_amparo (AmparoRelease *release,
                       Prepared      *item)
{
  const char *guid = amparo_release_get_source_guid (release);
  const char *modified = amparo_release_get_post_modified (release);

  /* An imported release knows its post too, but only Amparo's own
   * writes leave a confirmed modification time. */
  g_autofree char *key = post_key (amparo_release_get_post_url (release),
                                   amparo_release_get_post_id (release));
  g_autofree char *item_key = post_key (item->link, item->post_id);

  return amparo_release_get_post_id (release) > 0 &&
         (g_strcmp0 (amparo_release_get_post_url (release), item->link) == 0 ||
          (key != NULL && g_strcmp0 (key, item_key) == 0)) &&
         ((modified != NULL && *modified != '\0') || guid == NULL || *guid == '\0');
}

static AmparoRelease *
link_to_post (AmparoRelease      *existing,
              Prepared           *item,
              AmparoImportReport *report)
{
  AmparoRelease *copy;
  gboolean went_out = g_strcmp0 (amparo_release_get_site_status (existing), "future") == 0;

  if (!went_out &&
      g_strcmp0 (amparo_release_get_original_html (existing), item->html) == 0 &&
      g_strcmp0 (amparo_release_get_source_url (existing), item->link) == 0 &&
      g_strcmp0 (amparo_release_get_source_guid (existing), item->guid) == 0)
    {
      report->n_unchanged++;
      return NULL;
    }

  copy = AMPARO_RELEASE (amparo_record_copy (AMPARO_RECORD (existing)));
  amparo_release_set_source_guid (copy, item->guid);
  amparo_release_set_source_url (copy, item->link);
  amparo_release_set_original_html (copy, item->html);
  /* A scheduled post is in the site's public list once WordPress
   * published it at the embargo time. */
  if (went_out)
    {
      amparo_release_set_site_status (copy, "publish");
      amparo_release_set_post_url (copy, item->link);
      amparo_release_set_scheduled_for (copy, NULL);
      /* Published in Amparo too once the embargo passed (the store's
       * rules refuse it before; someone put it out early by hand). */
      if (amparo_wordpress_check_publishable (existing, NULL, NULL))
        amparo_release_set_status (copy, AMPARO_RELEASE_STATUS_PUBLISHED);
      amparo_release_set_published_at (copy, item->published_at);
      if (!has_text (amparo_release_get_first_published_at (copy)))
        amparo_release_set_first_published_at (copy, item->published_at);
    }
  return copy;
}

/* Whether the post on the site differs from what the last import stored.
 * The comparison is on what came from the site, so a release whose text
 * staff later edited in Amparo is not reverted by importing an
 * unchanged feed again. */
static gboolean
source_changed (AmparoRelease *release,
                Prepared      *item)
{
  return g_strcmp0 (amparo_release_get_original_html (release), item->html) != 0 ||
         g_strcmp0 (amparo_release_get_source_url (release), item->link) != 0 ||
         g_strcmp0 (amparo_release_get_source_guid (release), item->guid) != 0 ||
         g_strcmp0 (amparo_release_get_release_date (release), item->release_date) != 0 ||
         g_strcmp0 (amparo_release_get_title_en (release), item->title_en) != 0 ||
         (item->post_id > 0 && amparo_release_get_post_id (release) == 0);
}

static void
fill_release (AmparoRelease *release,
              Prepared      *item)
{
  amparo_release_set_title_en (release, item->title_en);
  amparo_release_set_title_es (release, item->title_es);
  amparo_release_set_body_en (release, item->body_en);
  amparo_release_set_body_es (release, item->body_es);
  amparo_release_set_release_date (release, item->release_date);
  amparo_release_set_source_guid (release, item->guid);
  amparo_release_set_source_url (release, item->link);
  amparo_release_set_original_html (release, item->html);
  if (item->media_contact != NULL && *item->media_contact != '\0')
    amparo_release_set_media_contact (release, item->media_contact);
  /* Its post on the site, so a correction updates it. */
  if (item->post_id > 0 && amparo_release_get_post_id (release) == 0)
    {
      amparo_release_set_post_id (release, item->post_id);
      amparo_release_set_post_url (release, item->link);
    }
}

static AmparoRelease *
new_release (Prepared *item)
{
  AmparoRelease *release = amparo_release_new ();

  fill_release (release, item);
  /* It came from the organization's own site, so it is out already. */
  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_PUBLISHED);
  amparo_release_set_post_url (release, item->link);
  amparo_release_set_published_at (release, item->published_at);
  amparo_release_set_first_published_at (release, item->published_at);
  amparo_release_set_site_status (release, "publish");

  return release;
}

static void
offer_demands (AmparoImportReport *report,
               AmparoRelease      *release,
               Prepared           *item)
{
  AmparoImportDemands *demands;

  if (g_strv_length (item->demands_en) == 0 && g_strv_length (item->demands_es) == 0)
    return;

  demands = g_new0 (AmparoImportDemands, 1);
  demands->release = g_object_ref (release);
  demands->demands_en = g_strdupv (item->demands_en);
  demands->demands_es = g_strdupv (item->demands_es);
  g_ptr_array_add (report->demands, demands);
}

typedef struct
{
  GHashTable *live_guid;
  GHashTable *live_link;
  GHashTable *trash_guid;
  GHashTable *trash_link;
  GHashTable *spanish;    /* addresses of Spanish posts of two-post releases */
  GHashTable *seen;
} Matcher;

static void
matcher_clear (Matcher *matcher)
{
  g_clear_pointer (&matcher->live_guid, g_hash_table_unref);
  g_clear_pointer (&matcher->live_link, g_hash_table_unref);
  g_clear_pointer (&matcher->trash_guid, g_hash_table_unref);
  g_clear_pointer (&matcher->trash_link, g_hash_table_unref);
  g_clear_pointer (&matcher->spanish, g_hash_table_unref);
  g_clear_pointer (&matcher->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Matcher, matcher_clear)

/* In two-post mode the Spanish post is half of a release, not one of its
 * own. */
static void
index_spanish_posts (AmparoStore *store,
                     GHashTable  *spanish)
{
  AmparoListScope scopes[] = { AMPARO_LIST_LIVE, AMPARO_LIST_TRASH };

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      g_autoptr(GListModel) list = amparo_store_list (store, AMPARO_TYPE_RELEASE, scopes[s]);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(AmparoRelease) release = g_list_model_get_item (list, i);
          const char *url = amparo_release_get_post_url_es (release);

          if (url != NULL && *url != '\0')
            g_hash_table_add (spanish, g_strdup (url));
          /* Amparo before 0007 named the Spanish post amparo-UID-es. */
          g_hash_table_add (spanish, g_strdup_printf ("amparo-%s-es",
                                                      amparo_record_get_uid (AMPARO_RECORD (release))));
        }
    }
}

static gboolean
is_spanish_post (GHashTable *spanish,
                 const char *link)
{
  const char *slug = link != NULL ? strstr (link, "amparo-") : NULL;
  g_autofree char *legacy = NULL;

  if (link == NULL)
    return FALSE;
  if (g_hash_table_contains (spanish, link))
    return TRUE;
  /* amparo-<36-character uid>-es */
  if (slug == NULL || strlen (slug) < 7 + 36 + 3)
    return FALSE;
  legacy = g_strndup (slug, 7 + 36 + 3);
  return g_hash_table_contains (spanish, legacy);
}

static void
matcher_init (Matcher     *matcher,
              AmparoStore *store)
{
  matcher->live_guid = new_release_table ();
  matcher->live_link = new_release_table ();
  matcher->trash_guid = new_release_table ();
  matcher->trash_link = new_release_table ();
  matcher->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  matcher->spanish = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_spanish_posts (store, matcher->spanish);
  index_releases (store, AMPARO_LIST_LIVE, matcher->live_guid, matcher->live_link);
  index_releases (store, AMPARO_LIST_TRASH, matcher->trash_guid, matcher->trash_link);
}

/* Returns the release to save for @item (new, or a changed copy of the
 * stored one), or %NULL when nothing is to be written; @is_new says
 * which. Skipped and unchanged items are counted in @report here. */
static AmparoRelease *
decide (Matcher            *matcher,
        AmparoImportReport *report,
        Prepared           *item,
        gboolean           *is_new)
{
  const char *key = item->guid != NULL ? item->guid : item->link;
  AmparoRelease *existing;
  AmparoRelease *copy;

  if (item->skip_reason != NULL)
    {
      add_skip (report, item, item->skip_reason);
      return NULL;
    }
  if (g_hash_table_contains (matcher->seen, key))
    {
      add_skip (report, item, _("It appears twice in the feed; the first one was used."));
      return NULL;
    }
  g_hash_table_add (matcher->seen, g_strdup (key));
  if (is_spanish_post (matcher->spanish, item->link))
    {
      report->n_unchanged++;
      return NULL;
    }

  existing = lookup (matcher->live_guid, matcher->live_link, item);
  if (existing == NULL && lookup (matcher->trash_guid, matcher->trash_link, item) != NULL)
    {
      add_skip (report, item, _("Its release is in the Trash. Restore it to import it again."));
      return NULL;
    }
  *is_new = existing == NULL;
  if (existing == NULL)
    return new_release (item);
  if (published_from_amparo (existing, item))
    return link_to_post (existing, item, report);
  if (!source_changed (existing, item))
    {
      report->n_unchanged++;
      return NULL;
    }

  copy = AMPARO_RELEASE (amparo_record_copy (AMPARO_RECORD (existing)));
  fill_release (copy, item);
  return copy;
}

static AmparoImportReport *
report_new (void)
{
  AmparoImportReport *report = g_new0 (AmparoImportReport, 1);

  report->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_free);
  report->demands = g_ptr_array_new_with_free_func ((GDestroyNotify) demands_free);
  return report;
}

static gboolean
save_all (AmparoStore  *store,
          GPtrArray    *releases,
          GError      **error)
{
  if (releases->len == 0)
    return TRUE;

  if (!amparo_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < releases->len; i++)
    if (!amparo_store_save (store, g_ptr_array_index (releases, i), error))
      {
        amparo_store_rollback (store);
        return FALSE;
      }

  return amparo_store_commit (store, error);
}

static AmparoImportReport *
apply_to_store (ImportData  *data,
                GError     **error)
{
  g_autoptr(AmparoImportReport) report = report_new ();
  g_autoptr(GPtrArray) to_save = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved_items = g_ptr_array_new ();
  g_auto(Matcher) matcher = { 0, };

  matcher_init (&matcher, data->store);
  for (guint i = 0; i < data->prepared->len; i++)
    {
      Prepared *item = g_ptr_array_index (data->prepared, i);
      gboolean is_new = FALSE;
      g_autoptr(AmparoRelease) release = decide (&matcher, report, item, &is_new);
      g_autoptr(GError) invalid = NULL;

      if (release == NULL)
        continue;
      /* One item the store would refuse must not stop the others. */
      if (!amparo_store_validate (data->store, AMPARO_RECORD (release), &invalid))
        {
          add_skip (report, item, invalid->message);
          continue;
        }

      if (is_new)
        report->n_new++;
      else
        report->n_updated++;
      g_ptr_array_add (to_save, g_steal_pointer (&release));
      g_ptr_array_add (saved_items, item);
    }

  if (!save_all (data->store, to_save, error))
    return NULL;

  for (guint i = 0; i < to_save->len; i++)
    offer_demands (report, g_ptr_array_index (to_save, i), g_ptr_array_index (saved_items, i));
  for (guint i = 0; i < data->prepared->len && data->wordpress_feed; i++)
    if (((Prepared *) g_ptr_array_index (data->prepared, i))->summary_only)
      report->n_summaries++;
  if (data->timezone != NULL)
    report->timezone = g_strdup (data->timezone);
  else
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      report->timezone = g_strdup (g_time_zone_get_identifier (local));
    }
  if (data->n_ignored > 0)
    {
      AmparoImportSkip *skip = g_new0 (AmparoImportSkip, 1);

      skip->position = AMPARO_FEED_MAX_ITEMS + 1;
      skip->reason = g_strdup_printf (ngettext ("The feed has %u more item than Amparo reads at once; it was not read.",
                                                "The feed has %u more items than Amparo reads at once; they were not read.",
                                                data->n_ignored),
                                      data->n_ignored);
      g_ptr_array_add (report->skipped, skip);
    }

  return g_steal_pointer (&report);
}

static void
on_prepared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  AmparoImportReport *report;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      g_task_return_error_if_cancelled (task))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = apply_to_store (data, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) amparo_import_report_free);
}

static void
prepare_document (GTask  *task,
                  GBytes *document)
{
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GTask) worker = NULL;

  if (data->document != document)
    {
      g_clear_pointer (&data->document, g_bytes_unref);
      data->document = g_bytes_ref (document);
    }
  if (data->documents == NULL)
    data->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  worker = g_task_new (NULL, g_task_get_cancellable (task), on_prepared_cb, task);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, prepare_thread);
}

static void fetch_next_page (GTask *task);

static void
on_archive_progress (guint    done,
                     guint    total,
                     gpointer user_data)
{
  report_progress (user_data, done, total);
}

static void
on_archive_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *timezone = NULL;
  GPtrArray *items = amparo_wordpress_archive_read_finish (result, &timezone, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The API is switched off or broken: the feed, page by page, then. */
  if (items == NULL)
    {
      g_debug ("Reading the site's REST API failed (%s); reading its feed", error->message);
      fetch_next_page (g_steal_pointer (&task));
      return;
    }

  data->items = items;
  data->timezone = g_steal_pointer (&timezone);
  prepare_document (g_steal_pointer (&task), data->document);
}

static gboolean
is_wordpress_feed (GBytes *document)
{
  gsize length;
  const char *text = g_bytes_get_data (document, &length);
  g_autofree char *head = g_strndup (text, MIN (length, 4096));

  return strstr (head, "wordpress.org/?v=") != NULL;
}

static gboolean
has_items (GBytes *document)
{
  gsize length;
  const char *text = g_bytes_get_data (document, &length);
  g_autofree char *copy = g_strndup (text, length);

  return strstr (copy, "<item") != NULL || strstr (copy, "<entry") != NULL;
}

static void
on_page_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  SoupMessage *message = g_object_get_data (G_OBJECT (task), "page-message");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = amparo_http_send_finish (SOUP_SESSION (source), result, &error);
  GBytes *last = data->documents->len > 0 ? g_ptr_array_index (data->documents, data->documents->len - 1)
                                          : data->document;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* WordPress answers 404 after the last page. */
  if (body == NULL || !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)) ||
      !has_items (body) || g_bytes_equal (body, last) ||
      data->documents->len + 1 >= MAX_FEED_PAGES)
    {
      prepare_document (g_steal_pointer (&task), data->document);
      return;
    }

  g_ptr_array_add (data->documents, g_bytes_ref (body));
  report_progress (data, 0, 0);
  fetch_next_page (g_steal_pointer (&task));
}

/* A WordPress feed shows 10 posts; ?paged=2 gives the next 10. */
static void
fetch_next_page (GTask *task)
{
  ImportData *data = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;

  data->wordpress_feed = is_wordpress_feed (data->document);
  if (!data->wordpress_feed)
    {
      prepare_document (task, data->document);
      return;
    }

  url = g_strdup_printf ("%s%spaged=%u", data->address, strchr (data->address, '?') != NULL ? "&" : "?",
                         data->documents->len + 2);
  message = soup_message_new (SOUP_METHOD_GET, url);
  if (message == NULL)
    {
      prepare_document (task, data->document);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "page-message", g_object_ref (message), g_object_unref);
  amparo_http_send_async (amparo_http_get_session (), message, AMPARO_FEED_MAX_BYTES,
                          g_task_get_cancellable (task), on_page_fetched_cb, task);
}

/* The REST API gives every post of the site: right for the site's main
 * feed or its home page, wrong for a category's or a tag's feed, which
 * are read page by page instead. */
static gboolean
is_whole_site_feed (const char *address,
                    const char *api_root)
{
  static const char * const suffixes[] = { "index.php?rest_route=/", "?rest_route=/", "wp-json/" };
  g_autofree char *base = NULL;
  g_autofree char *rest = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes) && base == NULL; i++)
    if (g_str_has_suffix (api_root, suffixes[i]))
      base = g_strndup (api_root, strlen (api_root) - strlen (suffixes[i]));
  if (base == NULL || !g_str_has_prefix (address, base))
    return FALSE;

  rest = g_strdup (address + strlen (base));
  while (*rest != '\0' && rest[strlen (rest) - 1] == '/')
    rest[strlen (rest) - 1] = '\0';
  return *rest == '\0' || g_regex_match_simple ("^(feed(/(rss2?|atom|rdf))?|(index\\.php)?\\?feed=[a-z0-9]+)$",
                                                rest, 0, 0);
}

static void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  SoupMessage *message = g_object_get_data (G_OBJECT (task), "message");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *api_root = NULL;
  guint status;

  body = amparo_http_send_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_HTTP,
                               _("The website answered “%u %s” instead of the feed. "
                                 "Check the feed’s address."),
                               status, soup_message_get_reason_phrase (message));
      return;
    }

  data->document = g_bytes_ref (body);
  data->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  api_root = amparo_wordpress_archive_root_from (message, data->address);
  if (api_root != NULL && is_whole_site_feed (data->address, api_root))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      amparo_wordpress_archive_read_async (api_root, on_archive_progress, data, cancellable,
                                           on_archive_read_cb, g_steal_pointer (&task));
      return;
    }

  fetch_next_page (g_steal_pointer (&task));
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  char *data = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_ADDRESS,
                                 _("Could not read the file “%s”: %s"), name, error->message);
      return;
    }

  contents = g_bytes_new_take (data, length);
  prepare_document (g_steal_pointer (&task), contents);
}

static void
fetch_from_web (GTask *task)
{
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, data->address);
  SoupSession *session = amparo_http_get_session ();

  if (message == NULL)
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_ADDRESS,
                               _("“%s” is not a valid web address."), data->address);
      g_object_unref (task);
      return;
    }

  soup_message_headers_append (soup_message_get_request_headers (message), "Accept",
                               "application/rss+xml, application/atom+xml, "
                               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
  g_object_set_data_full (G_OBJECT (task), "message", g_object_ref (message), g_object_unref);
  amparo_http_send_async (session, message, AMPARO_FEED_MAX_BYTES,
                          g_task_get_cancellable (task), on_fetched_cb, task);
}

static void
fetch_from_file (GTask *task)
{
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (data->address);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  /* Checked before reading so a huge file is never loaded whole. */
  if (info != NULL && g_file_info_get_size (info) > AMPARO_FEED_MAX_BYTES)
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TOO_LARGE,
                               _("The feed is larger than %d MB, more than Amparo reads."),
                               AMPARO_FEED_MAX_BYTES / (1024 * 1024));
      g_object_unref (task);
      return;
    }

  g_file_load_contents_async (file, g_task_get_cancellable (task), on_file_loaded_cb, task);
}

static gboolean
has_scheme (const char *address,
            const char *scheme)
{
  gsize n = strlen (scheme);

  return g_ascii_strncasecmp (address, scheme, n) == 0 && address[n] == ':';
}

/* Suggesting a tracked demand for a numbered item: words are compared by
 * their first five letters, without accents, so "rescinding" meets
 * "Rescind" and "Título" meets "titulo"; the score is the share of the
 * shorter text's words found in the other. Staff confirm every link. */

static const char * const filler_words[] = {
  "the", "and", "for", "all", "are", "who", "that", "this", "with", "from",
  "their", "have", "been", "del", "los", "las", "para", "por", "que", "con",
  "una", "sus", "han", "take", "immediately", "inmediato", "inmediata",
};

static GPtrArray *
word_stems (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");
  g_auto(GStrv) words = g_regex_split_simple ("[^a-z0-9]+", ascii, 0, 0);
  GPtrArray *stems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      gboolean filler = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (filler_words); j++)
        filler = filler || strcmp (words[i], filler_words[j]) == 0;
      if (filler || strlen (words[i]) < (g_ascii_isdigit (words[i][0]) ? 2 : 3))
        continue;
      g_ptr_array_add (stems, g_strndup (words[i], 5));
    }

  return stems;
}

static gboolean
stems_match (const char *a,
             const char *b)
{
  gsize n = MIN (strlen (a), strlen (b));

  return strncmp (a, b, n) == 0;
}

static double
overlap_score (GPtrArray *a,
               GPtrArray *b)
{
  GPtrArray *shorter = a->len <= b->len ? a : b;
  GPtrArray *longer = shorter == a ? b : a;
  guint found = 0;

  if (shorter->len == 0)
    return 0.0;
  for (guint i = 0; i < shorter->len; i++)
    for (guint j = 0; j < longer->len; j++)
      if (stems_match (shorter->pdata[i], longer->pdata[j]))
        {
          found++;
          break;
        }

  return found < 2 ? 0.0 : (double) found / shorter->len;
}

static double
demand_score (AmparoDemand *demand,
              GPtrArray    *stems)
{
  const char *texts[] = {
    amparo_demand_get_title_en (demand), amparo_demand_get_title_es (demand),
    amparo_demand_get_text_en (demand), amparo_demand_get_text_es (demand),
  };
  double best = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) other = word_stems (texts[i]);

      best = MAX (best, overlap_score (stems, other));
    }

  return best;
}

/**
 * amparo_import_report_free:
 * @report: (transfer full): a report
 */
void
amparo_import_report_free (AmparoImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->demands, g_ptr_array_unref);
  g_free (report->timezone);
  g_free (report);
}

/**
 * amparo_import_report_notes:
 * @report: a report
 *
 * What the person importing should know beyond the counts: the time zone
 * of the dates, and whether the feed gave only summaries.
 *
 * Returns: (transfer full) (nullable): translated sentences, one a line
 */
char *
amparo_import_report_notes (AmparoImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  if (report->timezone != NULL)
    {
      g_string_append_printf (text, _("Dates are in the time zone %s."), report->timezone);
      g_string_append_c (text, '\n');
    }
  if (report->n_summaries > 0)
    {
      g_string_append_printf (text,
                              ngettext ("The website’s feed gives only a summary of %u post, so its release holds only the summary. "
                                        "In WordPress, set Settings → Reading → “For each post in a feed, include” to “Full text”, then import again.",
                                        "The website’s feed gives only summaries of %u posts, so their releases hold only the summaries. "
                                        "In WordPress, set Settings → Reading → “For each post in a feed, include” to “Full text”, then import again.",
                                        report->n_summaries),
                              report->n_summaries);
      g_string_append_c (text, '\n');
    }

  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * amparo_import_report_to_text:
 * @report: a report
 *
 * The report as translated lines for a terminal or a dialog: the counts,
 * then one line per skipped item with its reason.
 *
 * Returns: (transfer full): the text
 */
char *
amparo_import_report_to_text (AmparoImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *notes = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->n_new == 0 && report->n_updated == 0)
    g_string_append_printf (text, "%s\n", _("Nothing changed: every release from the feed is already up to date."));
  g_string_append_printf (text, _("New: %u"), report->n_new);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Updated: %u"), report->n_updated);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Unchanged: %u"), report->n_unchanged);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Skipped: %u"), report->skipped->len);
  g_string_append_c (text, '\n');
  notes = amparo_import_report_notes (report);
  if (notes != NULL)
    g_string_append_printf (text, "%s\n", notes);

  for (guint i = 0; i < report->skipped->len; i++)
    {
      AmparoImportSkip *skip = g_ptr_array_index (report->skipped, i);

      if (skip->title != NULL && *skip->title != '\0')
        g_string_append_printf (text, _("Item %u, “%s”: %s"), skip->position, skip->title, skip->reason);
      else
        g_string_append_printf (text, _("Item %u: %s"), skip->position, skip->reason);
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * amparo_feed_import_async:
 * @store: the case store
 * @address: an http(s) address, a `file://` URI or a local path
 * @progress: (nullable) (scope notified): told how many items are read
 * @progress_data: (closure progress): for @progress
 * @progress_data_free: (destroy progress_data): frees @progress_data
 * @cancellable: (nullable): the Cancel button
 * @callback: called with the result
 * @user_data: for @callback
 *
 * Reads an RSS or Atom feed and creates or updates releases, matched by
 * the item's GUID, then by its link, in one store transaction at the
 * end. A download, TLS, HTTP or parse error, or cancelling, leaves the
 * store exactly as it was.
 */
void
amparo_feed_import_async (AmparoStore              *store,
                          const char               *address,
                          AmparoImportProgressFunc  progress,
                          gpointer                  progress_data,
                          GDestroyNotify            progress_data_free,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  GTask *task;
  ImportData *data;

  g_return_if_fail (AMPARO_IS_STORE (store));
  g_return_if_fail (address != NULL);

  /* libxml2 wants its first initialization on the main thread, before
   * the worker thread parses. */
  xmlInitParser ();

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_feed_import_async);
  data = g_new0 (ImportData, 1);
  data->task = task;
  data->store = g_object_ref (store);
  data->address = g_strstrip (g_strdup (address));
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  report_progress (data, 0, 0);
  if (has_scheme (data->address, "http") || has_scheme (data->address, "https"))
    fetch_from_web (task);
  else if (has_scheme (data->address, "file") || g_path_is_absolute (data->address) ||
           strstr (data->address, "://") == NULL)
    fetch_from_file (task);
  else
    {
      g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_ADDRESS,
                               _("Amparo reads feeds from web addresses (http or https) "
                                 "and from files, not from “%s”."), data->address);
      g_object_unref (task);
    }
}

/**
 * amparo_feed_import_finish:
 * @store: the case store
 * @result: the result given to the callback
 * @error: an %AMPARO_NET_ERROR, a store error, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
AmparoImportReport *
amparo_feed_import_finish (AmparoStore   *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * amparo_import_suggest_demand:
 * @store: the case store
 * @demand_text: a numbered item found in a release (either language)
 *
 * Finds the tracked demand that the item most likely restates, to offer
 * it for linking with amparo_store_set_release_demands().
 *
 * Returns: (transfer full) (nullable): the best match, or %NULL when no
 *   demand shares enough words with the item
 */
AmparoDemand *
amparo_import_suggest_demand (AmparoStore *store,
                              const char  *demand_text)
{
  g_autoptr(GListModel) demands = NULL;
  g_autoptr(GPtrArray) stems = NULL;
  g_autoptr(AmparoDemand) best = NULL;
  double best_score = 0.6;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);

  stems = word_stems (demand_text);
  demands = amparo_store_list (store, AMPARO_TYPE_DEMAND, AMPARO_LIST_LIVE);
  for (guint i = 0; i < g_list_model_get_n_items (demands); i++)
    {
      g_autoptr(AmparoDemand) demand = g_list_model_get_item (demands, i);
      double score = demand_score (demand, stems);

      if (score > best_score)
        {
          best_score = score;
          g_set_object (&best, demand);
        }
    }

  return g_steal_pointer (&best);
}
