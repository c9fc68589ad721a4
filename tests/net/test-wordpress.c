/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-feed-import.h"
#include "amparo-http.h"
#include "amparo-net-error.h"
#include "amparo-wordpress.h"
#include "amparo-test-wait.h"
#include "net-test-server.h"

typedef struct
{
  TestServer    *server;
  AmparoStore   *store;
  char          *dir;
  AmparoRelease *release;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SoupSession) session = amparo_http_session_new (1);
  g_autoptr(GError) error = NULL;

  amparo_http_set_session (session);
  fixture->server = test_server_new ();
  fixture->store = test_store_new (&fixture->dir);

  fixture->release = amparo_release_new ();
  amparo_release_set_title_en (fixture->release, "Court approves the Ms. L settlement");
  amparo_release_set_title_es (fixture->release, "La corte aprueba el acuerdo de Ms. L");
  amparo_release_set_body_en (fixture->release,
                              "**LOS ANGELES** – The court approved the settlement.\n\n"
                              "We demand:\n\n1. Housing for 6 months\n2. Medical care for 1 year\n\n"
                              "Typed by staff: <script>alert(1)</script> & [site](https://example.org)");
  amparo_release_set_body_es (fixture->release,
                              "**LOS ÁNGELES** – La corte aprobó el acuerdo.");
  amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_APPROVED);
  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->release);
  test_store_remove (fixture->store, fixture->dir);
  /* Client first, so the server sees its connections close. */
  amparo_http_set_session (NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_server_free (fixture->server);
}

static AmparoWordpress *
site (Fixture        *fixture,
      const char     *path,
      const char     *password,
      AmparoPostMode  mode)
{
  g_autofree char *url = test_server_url (fixture->server, path);
  AmparoWordpress *wordpress = amparo_wordpress_new (url, TEST_WP_USER, mode);

  amparo_wordpress_set_password (wordpress, password);
  return wordpress;
}

static gboolean
publish (Fixture          *fixture,
         AmparoWordpress  *wordpress,
         GError          **error)
{
  return amparo_test_wp_publish (wordpress, fixture->store, fixture->release, 0, error);
}

static guint
count_publish_entries (AmparoStore *store)
{
  g_autoptr(GListModel) journal = amparo_store_list_journal (store);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);

      if (amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_PUBLISH)
        n++;
    }

  return n;
}

static void
test_refused_before_approval_or_embargo (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site (fixture, "/wp", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 5, 13, 16, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2024, 5, 13, 18, 0, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_DRAFT);
  g_assert_false (amparo_wordpress_check_publishable (fixture->release, now, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "not approved"));
  g_clear_error (&error);

  amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_IN_REVIEW);
  g_assert_false (amparo_wordpress_check_publishable (fixture->release, now, NULL));
  amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_WITHDRAWN);
  g_assert_false (amparo_wordpress_check_publishable (fixture->release, now, NULL));

  amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_APPROVED);
  amparo_release_set_embargo_until (fixture->release, "2024-05-13T10:00:00-07:00");
  g_assert_false (amparo_wordpress_check_publishable (fixture->release, now, &error));
  g_assert_nonnull (strstr (error->message, "under embargo until 2024-05-13 10:00 -07:00"));
  g_clear_error (&error);
  g_assert_true (amparo_wordpress_check_publishable (fixture->release, later, &error));
  g_assert_no_error (error);
  /* A scheduled post: the site itself holds it until the embargo ends. */
  g_assert_true (amparo_wordpress_check_publishable_full (fixture->release, AMPARO_PUBLISH_SCHEDULE,
                                                          now, NULL));
  /* The same rule as the store's workflow: spaces are no English text. */
  {
    g_autofree char *body = g_strdup (amparo_release_get_body_en (fixture->release));

    amparo_release_set_body_en (fixture->release, "  \n ");
    g_assert_false (amparo_wordpress_check_publishable (fixture->release, later, &error));
    g_assert_nonnull (strstr (error->message, "no English title or text"));
    g_clear_error (&error);
    amparo_release_set_body_en (fixture->release, body);
  }

  /* Through the real call: nothing reaches the site, nothing changes. */
  amparo_release_set_embargo_until (fixture->release, "2999-01-01T09:00:00-08:00");
  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
  before = test_snapshot_releases (fixture->store);
  g_assert_false (publish (fixture, wordpress, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED);
  g_assert_cmpuint (fixture->server->n_requests, ==, 0);
  after = test_snapshot_releases (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_publish_and_correct (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site (fixture, "/wp", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  TestPost *post;
  gint64 post_id;

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);

  post_id = amparo_release_get_post_id (fixture->release);
  g_assert_cmpint (post_id, >, 0);
  g_assert_cmpint (amparo_release_get_status (fixture->release), ==, AMPARO_RELEASE_STATUS_PUBLISHED);
  g_assert_true (g_str_has_suffix (amparo_release_get_post_url (fixture->release), "/wp/post-100/"));
  g_assert_nonnull (amparo_release_get_published_at (fixture->release));
  g_assert_cmpuint (count_publish_entries (fixture->store), ==, 1);

  post = test_server_get_post (fixture->server, post_id);
  g_assert_cmpstr (post->title, ==, "Court approves the Ms. L settlement");
  g_assert_true (g_str_has_prefix (post->content, "<p><strong>LOS ANGELES</strong> – The court"));
  g_assert_nonnull (strstr (post->content, "<ol>\n<li>Housing for 6 months</li>"));
  g_assert_nonnull (strstr (post->content, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                                           "<a href=\"https://example.org\">site</a>"));
  g_assert_null (strstr (post->content, "<script>"));
  g_assert_nonnull (strstr (post->content, "<p><strong>Español abajo</strong></p>\n"
                                           "<h2>La corte aprueba el acuerdo de Ms. L</h2>"));

  /* A correction updates the same post. */
  amparo_release_set_body_en (fixture->release, "Corrected: the court approved it.");
  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, post_id);
  g_assert_cmpuint (g_hash_table_size (fixture->server->posts), ==, 1);
  g_assert_true (g_str_has_prefix (test_server_get_post (fixture->server, post_id)->content,
                                   "<p>Corrected: the court approved it.</p>"));
  g_assert_cmpuint (count_publish_entries (fixture->store), ==, 2);
}

static void
assert_publish_fails (Fixture    *fixture,
                      const char *path,
                      const char *password,
                      int         code,
                      const char *words)
{
  g_autoptr(AmparoWordpress) wordpress = site (fixture, path, password, AMPARO_POST_MODE_COMBINED);
  g_autofree char *before = test_snapshot_releases (fixture->store);
  guint journal_before = test_count_journal (fixture->store);
  g_autofree char *object_before = g_strdup (amparo_release_get_post_url (fixture->release));
  gint64 id_before = amparo_release_get_post_id (fixture->release);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (publish (fixture, wordpress, &error));
  g_assert_error (error, AMPARO_NET_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” not in “%s”", words, error->message);

  after = test_snapshot_releases (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (test_count_journal (fixture->store), ==, journal_before);
  g_assert_cmpstr (amparo_release_get_post_url (fixture->release), ==, object_before);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, id_before);
}

static void
test_errors_leave_release (Fixture       *fixture,
                           gconstpointer  data)
{
  assert_publish_fails (fixture, "/wp", "wrong password", AMPARO_NET_ERROR_AUTH,
                        "did not accept the application password");
  assert_publish_fails (fixture, "/wp-forbidden", TEST_WP_PASSWORD, AMPARO_NET_ERROR_AUTH,
                        "application password");
  assert_publish_fails (fixture, "/no-wordpress-here", TEST_WP_PASSWORD, AMPARO_NET_ERROR_NO_API,
                        "has no WordPress REST API");
  assert_publish_fails (fixture, "/wp-5xx", TEST_WP_PASSWORD, AMPARO_NET_ERROR_SERVER,
                        "internal error (503)");
  assert_publish_fails (fixture, "/wp-badjson", TEST_WP_PASSWORD, AMPARO_NET_ERROR_BAD_RESPONSE,
                        "could not be understood");
  assert_publish_fails (fixture, "/wp-slow", TEST_WP_PASSWORD, AMPARO_NET_ERROR_TIMEOUT,
                        "did not answer in time");
  g_assert_cmpuint (g_hash_table_size (fixture->server->posts), ==, 0);
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/wp-forbidden");
  g_autoptr(AmparoWordpress) wordpress = amparo_wordpress_new (url, "author", AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;

  amparo_wordpress_set_password (wordpress, TEST_WP_PASSWORD);
  g_assert_false (publish (fixture, wordpress, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "“author” may not publish posts"));
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 0);
}

static void
test_connection (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AmparoWordpress) good = site (fixture, "/wp", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) bad = site (fixture, "/wp", "nope", AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) none = site (fixture, "/nothing", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = amparo_test_wp_connection (good, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, TEST_WP_NAME);
  g_assert_null (amparo_test_wp_connection (bad, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_null (amparo_test_wp_connection (none, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NO_API);
}

static void
test_two_posts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site (fixture, "/wp", TEST_WP_PASSWORD, AMPARO_POST_MODE_TWO_POSTS);
  g_autoptr(GError) error = NULL;
  g_autofree char *spanish_url = test_server_url (fixture->server, "/wp/post-100/");
  TestPost *english, *spanish;
  gint64 english_id;

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (fixture->server->posts), ==, 2);

  spanish = test_server_get_post (fixture->server, 100);
  english_id = amparo_release_get_post_id (fixture->release);
  english = test_server_get_post (fixture->server, english_id);
  g_assert_cmpint (english_id, ==, 101);
  /* No internal id in the public address; the posts link both ways. */
  g_assert_null (strstr (spanish->slug, amparo_record_get_uid (AMPARO_RECORD (fixture->release))));
  g_assert_cmpstr (spanish->title, ==, "La corte aprueba el acuerdo de Ms. L");
  g_assert_nonnull (strstr (spanish->content, "<p><strong>LOS ÁNGELES</strong> – La corte aprobó el acuerdo.</p>\n"));
  g_assert_nonnull (strstr (spanish->content, amparo_release_get_post_url (fixture->release)));
  g_assert_cmpstr (amparo_release_get_post_url_es (fixture->release), ==, spanish_url);
  g_assert_true (g_str_has_prefix (english->content, "<p><a href=\""));
  g_assert_nonnull (strstr (english->content, "/wp/post-100/"));
  g_assert_null (strstr (english->content, "La corte aprobó"));

  /* A correction updates both posts in place. */
  amparo_release_set_body_es (fixture->release, "Corrección: la corte aprobó el acuerdo.");
  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (fixture->server->posts), ==, 2);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, english_id);
  g_assert_true (g_str_has_prefix (test_server_get_post (fixture->server, 100)->content,
                                   "<p><a href="));
  g_assert_nonnull (strstr (test_server_get_post (fixture->server, 100)->content,
                            "<p>Corrección: la corte aprobó el acuerdo.</p>\n"));
}

static void
test_two_posts_second_fails (Fixture       *fixture,
                             gconstpointer  data)
{
  /* The Spanish post is accepted, the English one fails: the Spanish
   * post is taken down again and the release stays unpublished. */
  assert_publish_fails (fixture, "/wp-fail-second", TEST_WP_PASSWORD, AMPARO_NET_ERROR_SERVER,
                        "internal error (500)");
}

static void
test_two_posts_second_fails_mode (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site (fixture, "/wp-fail-second", TEST_WP_PASSWORD,
                                               AMPARO_POST_MODE_TWO_POSTS);
  g_autofree char *before = test_snapshot_releases (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (publish (fixture, wordpress, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_SERVER);
  g_assert_cmpuint (fixture->server->n_wp_writes, ==, 1);
  g_assert_cmpuint (g_hash_table_size (fixture->server->posts), ==, 0);
  after = test_snapshot_releases (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 0);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AmparoImportReport **report = user_data;

  *report = amparo_feed_import_finish (AMPARO_STORE (source), result, NULL);
  g_assert_nonnull (*report);
}

static AmparoImportReport *
import_site_feed (Fixture *fixture)
{
  g_autofree char *url = test_server_url (fixture->server, "/feeds/site.xml");
  AmparoImportReport *report = NULL;

  amparo_feed_import_async (fixture->store, url, NULL, NULL, NULL, NULL, on_imported_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  return report;
}

/* Publish, then import the site's own feed: the post is recognized as
 * the release's, which is linked to it and keeps the text staff wrote. */
static void
test_published_release_found_by_import (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site (fixture, "/wp", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoImportReport) first = NULL;
  g_autoptr(AmparoImportReport) second = NULL;
  g_autofree char *body_before = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *feed = NULL;
  TestPost *post;

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  body_before = g_strdup (amparo_release_get_body_en (fixture->release));
  post = test_server_get_post (fixture->server, amparo_release_get_post_id (fixture->release));
  escaped = g_markup_escape_text (post->content, -1);
  feed = g_strdup_printf ("<rss version=\"2.0\"><channel><title>Site</title><item>"
                          "<title>%s</title><link>%s</link><guid>%s/wp/?p=%" G_GINT64_FORMAT "</guid>"
                          "<pubDate>Mon, 13 May 2024 17:00:00 +0000</pubDate>"
                          "<description>%s</description></item></channel></rss>",
                          post->title, amparo_release_get_post_url (fixture->release),
                          fixture->server->base, post->id, escaped);
  g_hash_table_insert (fixture->server->overrides, g_strdup ("/feeds/site.xml"), g_strdup (feed));

  first = import_site_feed (fixture);
  g_assert_cmpuint (first->n_new, ==, 0);
  g_assert_cmpuint (first->n_updated, ==, 1);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE), ==, 1);

  amparo_store_reload (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_release_get_body_en (fixture->release), ==, body_before);
  g_assert_cmpstr (amparo_release_get_source_url (fixture->release), ==,
                   amparo_release_get_post_url (fixture->release));

  second = import_site_feed (fixture);
  g_assert_cmpuint (second->n_unchanged, ==, 1);
  g_assert_cmpuint (second->n_updated, ==, 0);
}

/* #11: the password never goes over plain http, except to this machine. */
static void
test_no_password_over_http (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AmparoWordpress) remote = amparo_wordpress_new ("http://example.org", TEST_WP_USER,
                                                            AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_wordpress_credentials_safe ("https://example.org/wp-json/"));
  g_assert_true (amparo_wordpress_credentials_safe ("http://127.0.0.1:8080/"));
  g_assert_true (amparo_wordpress_credentials_safe ("http://127.1.2.3/"));
  g_assert_true (amparo_wordpress_credentials_safe ("http://[::1]:8080/"));
  g_assert_true (amparo_wordpress_credentials_safe ("http://localhost/"));
  g_assert_false (amparo_wordpress_credentials_safe ("http://example.org/"));
  g_assert_false (amparo_wordpress_credentials_safe ("http://192.168.1.10/"));
  g_assert_false (amparo_wordpress_credentials_safe ("http://127.0.0.1.example.org/"));

  amparo_wordpress_set_password (remote, TEST_WP_PASSWORD);
  g_assert_false (publish (fixture, remote, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "plain http"));
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 0);

  g_clear_error (&error);
  g_assert_null (amparo_test_wp_connection (remote, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_INSECURE);
}

/* A 307 keeps the method: followed. A 302 would turn the POST into a
 * GET: reported with the new address, nothing written. */
static void
test_redirects (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AmparoWordpress) moved = site (fixture, "/wp-302", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) kept = site (fixture, "/wp-307", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autofree char *new_address = test_server_url (fixture->server, "/wp");
  g_autoptr(GError) error = NULL;

  g_assert_false (publish (fixture, moved, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_MOVED);
  g_assert_nonnull (strstr (error->message, new_address));
  g_assert_cmpuint (fixture->server->n_wp_writes, ==, 0);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 0);
  g_clear_error (&error);

  g_assert_true (publish (fixture, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->server->n_wp_writes, ==, 1);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 100);
}

/* The site saved the post, the answer came too late: the retry updates
 * that post instead of adding a second one. */
static void
test_lost_answer_retry (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmparoWordpress) lost = site (fixture, "/wp-lost", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) wordpress = site (fixture, "/wp", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;

  g_assert_false (publish (fixture, lost, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TIMEOUT);
  g_assert_cmpuint (g_hash_table_size (fixture->server->posts), ==, 1);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 0);
  g_clear_error (&error);

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (fixture->server->posts), ==, 1);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 100);
}

/* An update answered with a post older than Amparo's last confirmed
 * write (a cache, a stale copy) does not count as published. */
static void
test_stale_answer_not_confirmed (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site (fixture, "/wp", TEST_WP_PASSWORD, AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  guint journal;

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_release_get_post_modified (fixture->release), ==, "2024-05-13T17:00:00Z");

  amparo_release_set_post_modified (fixture->release, "2025-01-01T00:00:00Z");
  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
  journal = test_count_journal (fixture->store);
  g_assert_false (publish (fixture, wordpress, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "cannot be confirmed"));
  g_assert_cmpuint (test_count_journal (fixture->store), ==, journal);
  g_assert_cmpstr (amparo_release_get_post_modified (fixture->release), ==, "2025-01-01T00:00:00Z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/net/wordpress/refused-before-approval-or-embargo", test_refused_before_approval_or_embargo);
  ADD ("/net/wordpress/publish-and-correct", test_publish_and_correct);
  ADD ("/net/wordpress/errors-leave-release", test_errors_leave_release);
  ADD ("/net/wordpress/forbidden", test_forbidden);
  ADD ("/net/wordpress/test-connection", test_connection);
  ADD ("/net/wordpress/two-posts", test_two_posts);
  ADD ("/net/wordpress/two-posts-combined-fallback", test_two_posts_second_fails);
  ADD ("/net/wordpress/two-posts-second-fails", test_two_posts_second_fails_mode);
  ADD ("/net/wordpress/published-release-found-by-import", test_published_release_found_by_import);
  ADD ("/net/wordpress/no-password-over-http", test_no_password_over_http);
  ADD ("/net/wordpress/redirects", test_redirects);
  ADD ("/net/wordpress/lost-answer-retry", test_lost_answer_retry);
  ADD ("/net/wordpress/stale-answer-not-confirmed", test_stale_answer_not_confirmed);

  return g_test_run ();
}
