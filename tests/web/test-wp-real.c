/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-feed-import.h"
#include "amparo-html-text.h"
#include "amparo-http.h"
#include "amparo-net-error.h"
#include "amparo-wordpress.h"
#include "amparo-test-wait.h"
#include "net-test-server.h"

/* Publishing and import against a real WordPress (Debian's package),
 * brought up by wp-site.sh; see there for the sites and users. Each test
 * makes its own posts and looks only at those, so the order does not
 * matter. */

typedef struct
{
  AmparoStore   *store;
  char          *dir;
  AmparoRelease *release;
} Fixture;

typedef struct
{
  gboolean            done;
  gboolean            ok;
  char               *name;
  AmparoImportReport *report;
  GError             *error;
} Outcome;

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run this test through wp-site.sh", name);
  return value;
}

static char *
port_of (const char *url)
{
  return g_strdup (strrchr (url, ':') + 1);
}

/* Runs PHP inside the site at @url (wp-site.sh's helper) and returns
 * what it printed. */
static char *
wp_php (const char *url,
        const char *code)
{
  g_autofree char *port = port_of (url);
  g_autofree char *command = g_strdup (env ("AMPARO_WP_ADMIN"));
  g_auto(GStrv) argv = g_strsplit (command, " ", 2);
  const char *args[] = { argv[0], argv[1], port, code, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("PHP failed: %s\n%s", code, err);
  return g_steal_pointer (&out);
}

static char *
wp_php_printf (const char *url,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

static char *
wp_php_printf (const char *url,
               const char *format,
               ...)
{
  va_list args;
  g_autofree char *code = NULL;

  va_start (args, format);
  code = g_strdup_vprintf (format, args);
  va_end (args);
  return wp_php (url, code);
}

static gint64
wp_count_posts (const char *url)
{
  g_autofree char *out = wp_php (url, "echo count(get_posts(array('post_status' => 'any', "
                                      "'numberposts' => -1, 'post_type' => 'post')));");

  return g_ascii_strtoll (out, NULL, 10);
}

static char *
wp_post_field (const char *url,
               gint64      id,
               const char *field)
{
  return wp_php_printf (url, "echo get_post(%" G_GINT64_FORMAT ")->%s;", id, field);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SoupSession) session = amparo_http_session_new (20);
  g_autoptr(GError) error = NULL;

  amparo_http_set_session (session);
  fixture->store = test_store_new (&fixture->dir);
  fixture->release = amparo_release_new ();
  amparo_release_set_title_en (fixture->release, "Court approves the settlement");
  amparo_release_set_title_es (fixture->release, "La corte aprueba el acuerdo");
  amparo_release_set_body_en (fixture->release, "**LOS ANGELES** – The court approved it.");
  amparo_release_set_body_es (fixture->release, "**LOS ÁNGELES** – La corte lo aprobó.");
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
  amparo_http_set_session (NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static AmparoWordpress *
site (const char     *url_var,
      const char     *user,
      AmparoPostMode  mode)
{
  g_autofree char *upper = g_ascii_strup (user, -1);
  g_autofree char *password_var = g_strdup_printf ("%s%s_PASSWORD",
                                                   g_str_equal (url_var, "AMPARO_WP_PLAIN")
                                                   ? "AMPARO_WP_PLAIN_" : "AMPARO_WP_",
                                                   upper);
  AmparoWordpress *wordpress = amparo_wordpress_new (env (url_var), user, mode);

  amparo_wordpress_set_password (wordpress, env (password_var));
  return wordpress;
}

static gboolean
publish (Fixture          *fixture,
         AmparoWordpress  *wordpress,
         GError          **error)
{
  return amparo_test_wp_publish (wordpress, fixture->store, fixture->release, 0, error);
}

static char *
test_connection (AmparoWordpress  *wordpress,
                 GError          **error)
{
  return amparo_test_wp_connection (wordpress, error);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->report = amparo_feed_import_finish (AMPARO_STORE (source), result, &outcome->error);
  outcome->done = TRUE;
}

/* The harness works: an editor signs in and publishes; the post is on
 * the site with the release's text. */
static void
test_publish (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = test_connection (wordpress, &error);
  g_autofree char *content = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Renee Garcia");

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), >, 0);
  content = wp_post_field (env ("AMPARO_WP_PRETTY"), amparo_release_get_post_id (fixture->release),
                           "post_content");
  g_assert_nonnull (strstr (content, "The court approved it."));
  g_assert_true (g_str_has_prefix (amparo_release_get_post_url (fixture->release),
                                   env ("AMPARO_WP_PRETTY")));
}

/* Saves; new text in an approved release goes back to review (the
 * store's rule), and is approved again, as a reviewer would. */
static void
save (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
  if (amparo_release_get_status (fixture->release) == AMPARO_RELEASE_STATUS_IN_REVIEW)
    {
      amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_APPROVED);
      amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error);
      g_assert_no_error (error);
    }
}

static void
assert_message (GError     *error,
                const char *words)
{
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” not in “%s”", words, error->message);
}

static gboolean
take_down (Fixture          *fixture,
           AmparoWordpress  *wordpress,
           GError          **error)
{
  return amparo_test_wp_take_down (wordpress, fixture->store, fixture->release, error);
}

static gboolean
schedule (Fixture          *fixture,
          AmparoWordpress  *wordpress,
          GError          **error)
{
  return amparo_test_wp_publish (wordpress, fixture->store, fixture->release,
                                 AMPARO_PUBLISH_SCHEDULE, error);
}

typedef struct _Progress Progress;
static AmparoImportReport *import_full (Fixture *fixture, const char *address, Progress *progress,
                                        GCancellable *cancellable, GError **error);
static guint count_titled (Fixture *fixture, const char *prefix);
static void make_posts (const char *url, const char *prefix, guint n);

/* The site moved (301): a correction sent there is not turned into a
 * read and reported as published; the new address is given. */
static void
test_redirected_write (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoWordpress) good = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) moved = site ("AMPARO_WP_REDIRECT", "editor", AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  guint journal;
  gint64 id;

  g_assert_true (publish (fixture, good, &error));
  g_assert_no_error (error);
  id = amparo_release_get_post_id (fixture->release);
  journal = test_count_journal (fixture->store);

  amparo_release_set_body_en (fixture->release, "Corrected through the old address.");
  save (fixture);
  g_assert_false (publish (fixture, moved, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_MOVED);
  assert_message (error, env ("AMPARO_WP_PRETTY"));
  g_assert_cmpuint (test_count_journal (fixture->store), ==, journal + 1);  /* the save */
  content = wp_post_field (env ("AMPARO_WP_PRETTY"), id, "post_content");
  g_assert_null (strstr (content, "Corrected through"));
}

/* A site with plain permalinks has no /wp-json/: its Link header gives
 * the ?rest_route= root. */
static void
test_plain_permalinks (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PLAIN", "editor", AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = test_connection (wordpress, &error);
  g_autofree char *title = NULL;
  g_autofree char *feed = g_strconcat (env ("AMPARO_WP_PLAIN"), "/?feed=rss2", NULL);
  g_autoptr(AmparoImportReport) report = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Renee Garcia");
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  title = wp_post_field (env ("AMPARO_WP_PLAIN"), amparo_release_get_post_id (fixture->release),
                         "post_title");
  g_assert_cmpstr (title, ==, "Court approves the settlement");

  /* The archive comes through ?rest_route= too; the published release
   * is recognized, not imported again. */
  make_posts (env ("AMPARO_WP_PLAIN"), "Plain post", 3);
  report = import_full (fixture, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_titled (fixture, "Plain post"), ==, 3);
  g_assert_cmpuint (count_titled (fixture, "Court approves the settlement"), ==, 1);
  g_assert_cmpstr (report->timezone, ==, "America/Los_Angeles");
}

static void
assert_connection_fails (AmparoWordpress *wordpress,
                         int              code,
                         const char      *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = test_connection (wordpress, &error);

  g_assert_null (name);
  g_assert_error (error, AMPARO_NET_ERROR, code);
  assert_message (error, words);
}

/* 401 and 403 say what WordPress meant. */
static void
test_auth_causes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AmparoWordpress) production = site ("AMPARO_WP_PRODUCTION", "editor", AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) unknown = amparo_wordpress_new (env ("AMPARO_WP_PRETTY"), "nobody",
                                                             AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) wrong = amparo_wordpress_new (env ("AMPARO_WP_PRETTY"), "editor",
                                                           AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) author = site ("AMPARO_WP_PRETTY", "author", AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoWordpress) other = site ("AMPARO_WP_PRETTY", "author2", AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;

  assert_connection_fails (production, AMPARO_NET_ERROR_AUTH, "without HTTPS");
  amparo_wordpress_set_password (unknown, env ("AMPARO_WP_EDITOR_PASSWORD"));
  assert_connection_fails (unknown, AMPARO_NET_ERROR_AUTH, "did not accept the user “nobody”");
  amparo_wordpress_set_password (wrong, "abcd efgh ijkl mnop qrst uvwx");
  assert_connection_fails (wrong, AMPARO_NET_ERROR_AUTH, "did not accept the user “editor”");

  /* An author may not correct another author's post. */
  g_assert_true (publish (fixture, author, &error));
  g_assert_no_error (error);
  amparo_release_set_body_en (fixture->release, "Corrected by someone else.");
  save (fixture);
  g_assert_false (publish (fixture, other, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_FORBIDDEN);
  assert_message (error, "belongs to another author");
}

/* An author (no unfiltered HTML) publishes a title with "<" and "&":
 * the site shows it as typed. */
static void
test_title_as_typed (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *typed = "Kids <under 5> & parents: “no” to detention";
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "author", AMPARO_POST_MODE_COMBINED);
  g_autoptr(GError) error = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *shown = NULL;

  amparo_release_set_title_en (fixture->release, typed);
  save (fixture);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  rendered = wp_php_printf (env ("AMPARO_WP_PRETTY"), "echo get_the_title(%" G_GINT64_FORMAT ");",
                            amparo_release_get_post_id (fixture->release));
  shown = amparo_html_to_plain_text (rendered, -1);
  g_assert_cmpstr (g_strstrip (shown), ==, typed);
}

/* The site saved the post but Amparo never heard back: the next try
 * finds the post by its marker and updates it. */
static void
test_retry_finds_post (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "author", AMPARO_POST_MODE_COMBINED);
  const char *url = env ("AMPARO_WP_PRETTY");
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  gint64 before, id;

  g_autofree char *made = NULL;

  /* The first try's post reached the site, its answer never came back:
   * the site has the post with Amparo's marker, the release knows none. */
  made = wp_php_printf (url, "echo wp_insert_post(array('post_title' => 'First try',"
                             "  'post_content' => '<p>First.</p><!-- amparo:%s -->',"
                             "  'post_status' => 'publish', 'post_author' => 3));",
                        amparo_record_get_uid (AMPARO_RECORD (fixture->release)));
  id = g_ascii_strtoll (made, NULL, 10);
  g_assert_cmpint (id, >, 0);
  before = wp_count_posts (url);

  amparo_release_set_body_en (fixture->release, "The second try.");
  save (fixture);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, id);
  g_assert_cmpint (wp_count_posts (url), ==, before);
  content = wp_post_field (url, id, "post_content");
  g_assert_nonnull (strstr (content, "The second try."));
}

/* A post made private on the site stays private when corrected; the
 * first publication time is kept. */
static void
test_update_keeps_status (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_COMBINED);
  const char *url = env ("AMPARO_WP_PRETTY");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *status = NULL;
  g_autofree char *ignored = NULL;
  gint64 id;

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  id = amparo_release_get_post_id (fixture->release);
  g_assert_cmpstr (amparo_release_get_site_status (fixture->release), ==, "publish");
  first = g_strdup (amparo_release_get_first_published_at (fixture->release));
  g_assert_nonnull (first);
  g_assert_nonnull (amparo_release_get_post_modified (fixture->release));

  ignored = wp_php_printf (url, "wp_update_post(array('ID' => %" G_GINT64_FORMAT ", "
                                "'post_status' => 'private', "
                                "'post_date_gmt' => '2024-05-13 17:00:00'));", id);
  amparo_release_set_body_en (fixture->release, "Corrected while private.");
  save (fixture);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  status = wp_post_field (url, id, "post_status");
  g_assert_cmpstr (status, ==, "private");
  g_assert_cmpstr (amparo_release_get_site_status (fixture->release), ==, "private");
  g_assert_cmpstr (amparo_release_get_first_published_at (fixture->release), ==, first);
}

/* Under embargo: sent as scheduled for the embargo time (the site's
 * zone is Los Angeles), then pulled back before it goes out. */
static void
test_schedule_embargo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_COMBINED);
  const char *url = env ("AMPARO_WP_PRETTY");
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *local = NULL;
  g_autofree char *gmt = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  amparo_release_set_embargo_until (fixture->release, "2030-05-13T10:00:00-07:00");
  amparo_release_set_embargo_timezone (fixture->release, "America/Los_Angeles");
  save (fixture);
  g_assert_false (publish (fixture, wordpress, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_true (schedule (fixture, wordpress, &error));
  g_assert_no_error (error);
  id = amparo_release_get_post_id (fixture->release);
  status = wp_post_field (url, id, "post_status");
  local = wp_post_field (url, id, "post_date");
  gmt = wp_post_field (url, id, "post_date_gmt");
  g_assert_cmpstr (status, ==, "future");
  g_assert_cmpstr (local, ==, "2030-05-13 10:00:00");
  g_assert_cmpstr (gmt, ==, "2030-05-13 17:00:00");
  g_assert_cmpstr (amparo_release_get_scheduled_for (fixture->release), ==, "2030-05-13T17:00:00Z");
  g_assert_cmpstr (amparo_release_get_site_status (fixture->release), ==, "future");
  g_assert_cmpint (amparo_release_get_status (fixture->release), ==, AMPARO_RELEASE_STATUS_APPROVED);
  g_assert_null (amparo_release_get_first_published_at (fixture->release));

  g_assert_true (take_down (fixture, wordpress, &error));
  g_assert_no_error (error);
  after = wp_post_field (url, id, "post_status");
  g_assert_cmpstr (after, ==, "draft");
  g_assert_cmpstr (amparo_release_get_site_status (fixture->release), ==, "draft");
  g_assert_null (amparo_release_get_scheduled_for (fixture->release));
}

/* The post was deleted on the site: the correction says so, and after
 * unlinking the release is published as a new post. */
static void
test_unlink_deleted (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_COMBINED);
  const char *url = env ("AMPARO_WP_PRETTY");
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;
  gint64 id;

  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  id = amparo_release_get_post_id (fixture->release);
  ignored = wp_php_printf (url, "wp_delete_post(%" G_GINT64_FORMAT ", true);", id);

  g_assert_false (publish (fixture, wordpress, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_POST_GONE);
  g_clear_error (&error);

  g_assert_true (amparo_wordpress_unlink (fixture->store, fixture->release, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), ==, 0);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_release_get_post_id (fixture->release), >, id);
}

struct _Progress
{
  guint         calls;
  guint         last_done;
  guint         last_total;
  GCancellable *cancel_at_first;
};

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  progress->calls++;
  progress->last_done = done;
  progress->last_total = total;
  if (progress->cancel_at_first != NULL && done > 0)
    g_cancellable_cancel (progress->cancel_at_first);
}

static AmparoImportReport *
import_full (Fixture       *fixture,
             const char    *address,
             Progress      *progress,
             GCancellable  *cancellable,
             GError       **error)
{
  Outcome outcome = { 0, };

  amparo_feed_import_async (fixture->store, address, progress != NULL ? on_progress : NULL,
                            progress, NULL, cancellable, on_imported_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.report;
}

static AmparoRelease *
find_by_title (Fixture    *fixture,
               const char *title,
               guint      *n_found)
{
  g_autoptr(GListModel) list = amparo_store_list (fixture->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  AmparoRelease *found = NULL;

  *n_found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AmparoRelease) release = g_list_model_get_item (list, i);

      if (g_strcmp0 (amparo_release_get_title_en (release), title) == 0)
        {
          (*n_found)++;
          g_set_object (&found, release);
        }
    }
  return found;
}

static guint
count_titled (Fixture    *fixture,
              const char *prefix)
{
  g_autoptr(GListModel) list = amparo_store_list (fixture->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AmparoRelease) release = g_list_model_get_item (list, i);

      n += g_str_has_prefix (amparo_release_get_title_en (release), prefix);
    }
  return n;
}

/* Posts by the editor, the last one in the evening of 13 May in Los
 * Angeles (already the 14th in UTC); 80 words each, more than the
 * feed's 55-word summary. */
static void
make_posts (const char *url,
            const char *prefix,
            guint       n)
{
  g_autofree char *out = wp_php_printf (url,
    "$words = str_repeat('The families were separated at the border and deserve answers. ', 8) . 'LASTWORD';"
    "for ($i = 1; $i <= %u; $i++) {"
    "  $date = $i == %u ? '2024-05-13 20:30:00' : sprintf('2023-01-%%02d 09:00:00', $i %% 28 + 1);"
    "  wp_insert_post(array('post_title' => '%s ' . $i, 'post_content' => $words,"
    "    'post_status' => 'publish', 'post_author' => 2, 'post_date' => $date));"
    "}", n, n, prefix);
}

/* The whole archive through the REST API: every post (not the 10 of the
 * feed), whole texts (the feed has summaries), the post id, and dates
 * in the site's zone; a correction then updates the original post. */
static void
test_import_archive (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *url = env ("AMPARO_WP_PRETTY");
  g_autofree char *feed = g_strconcat (url, "/feed/", NULL);
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_COMBINED);
  g_autoptr(AmparoImportReport) report = NULL;
  g_autoptr(AmparoRelease) evening = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *content = NULL;
  Progress progress = { 0, };
  gint64 posts;
  guint n;

  make_posts (url, "Archive post", 25);
  report = import_full (fixture, feed, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_titled (fixture, "Archive post"), ==, 25);
  g_assert_cmpuint (progress.last_done, ==, progress.last_total);
  g_assert_cmpuint (progress.last_total, >=, 25);
  g_assert_cmpstr (report->timezone, ==, "America/Los_Angeles");
  text = amparo_import_report_to_text (report);
  g_assert_nonnull (strstr (text, "America/Los_Angeles"));
  g_assert_cmpuint (report->n_summaries, ==, 0);

  evening = find_by_title (fixture, "Archive post 25", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (amparo_release_get_release_date (evening), ==, "2024-05-13");
  g_assert_nonnull (strstr (amparo_release_get_body_en (evening), "LASTWORD"));
  g_assert_cmpint (amparo_release_get_post_id (evening), >, 0);

  /* A correction of the imported release updates its post. */
  posts = wp_count_posts (url);
  g_set_object (&fixture->release, evening);
  amparo_release_set_body_en (fixture->release, "Corrected after import.");
  save (fixture);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wp_count_posts (url), ==, posts);
  content = wp_post_field (url, amparo_release_get_post_id (evening), "post_content");
  g_assert_nonnull (strstr (content, "Corrected after import."));
}

/* Cancel during the download: nothing is stored. */
static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *feed = g_strconcat (env ("AMPARO_WP_PRETTY"), "/feed/", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { .cancel_at_first = cancellable };
  AmparoImportReport *report;

  make_posts (env ("AMPARO_WP_PRETTY"), "Cancelled post", 3);
  report = import_full (fixture, feed, &progress, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE), ==, 1);
}

/* A site that does not announce its API: the feed is followed page by
 * page, and the summaries are pointed out. */
static void
test_import_feed_pages (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *feed = g_strconcat (env ("AMPARO_WP_NOAPI"), "/feed/", NULL);
  g_autoptr(AmparoImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  make_posts (env ("AMPARO_WP_PRETTY"), "Paged post", 15);
  report = import_full (fixture, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_titled (fixture, "Paged post"), ==, 15);
  g_assert_cmpuint (report->n_summaries, >=, 15);
  text = amparo_import_report_to_text (report);
  g_assert_nonnull (strstr (text, "Full text"));
}

/* Two posts: the Spanish one links to the English one and back, has no
 * internal id in its address, and an import finds one release. */
static void
test_two_posts (Fixture       *fixture,
                gconstpointer  data)
{
  const char *url = env ("AMPARO_WP_PRETTY");
  g_autofree char *feed = g_strconcat (url, "/feed/", NULL);
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_TWO_POSTS);
  g_autoptr(AmparoImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *english = NULL;
  g_autofree char *spanish = NULL;
  g_autofree char *slug = NULL;
  g_autoptr(AmparoRelease) found = NULL;
  guint n;

  amparo_release_set_title_en (fixture->release, "Two-post release");
  amparo_release_set_title_es (fixture->release, "Comunicado en dos entradas");
  save (fixture);
  g_assert_true (publish (fixture, wordpress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_release_get_post_id_es (fixture->release), >, 0);

  english = wp_post_field (url, amparo_release_get_post_id (fixture->release), "post_content");
  spanish = wp_post_field (url, amparo_release_get_post_id_es (fixture->release), "post_content");
  slug = wp_post_field (url, amparo_release_get_post_id_es (fixture->release), "post_name");
  g_assert_nonnull (strstr (english, amparo_release_get_post_url_es (fixture->release)));
  g_assert_nonnull (strstr (spanish, amparo_release_get_post_url (fixture->release)));
  g_assert_null (strstr (slug, amparo_record_get_uid (AMPARO_RECORD (fixture->release))));
  g_assert_null (strstr (amparo_release_get_post_url_es (fixture->release),
                         amparo_record_get_uid (AMPARO_RECORD (fixture->release))));

  report = import_full (fixture, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  found = find_by_title (fixture, "Comunicado en dos entradas", &n);
  g_assert_cmpuint (n, ==, 0);
  g_clear_object (&found);
  found = find_by_title (fixture, "Two-post release", &n);
  g_assert_cmpuint (n, ==, 1);
}

/* WordPress publishes the scheduled post at the embargo time (its cron,
 * run here by hand): the next import shows the release as published. */
static void
test_scheduled_goes_out (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AmparoWordpress) wordpress = site ("AMPARO_WP_PRETTY", "editor", AMPARO_POST_MODE_COMBINED);
  g_autofree char *feed = g_strconcat (env ("AMPARO_WP_PRETTY"), "/feed/", NULL);
  g_autoptr(AmparoImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;

  amparo_release_set_title_en (fixture->release, "Embargoed until the hearing");
  amparo_release_set_embargo_until (fixture->release, "2030-05-13T10:00:00-07:00");
  save (fixture);
  g_assert_true (schedule (fixture, wordpress, &error));
  g_assert_no_error (error);
  ignored = wp_php_printf (env ("AMPARO_WP_PRETTY"), "wp_publish_post(%" G_GINT64_FORMAT ");",
                           amparo_release_get_post_id (fixture->release));

  report = import_full (fixture, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  amparo_store_reload (fixture->store, AMPARO_RECORD (fixture->release), &error);
  g_assert_no_error (error);
  /* Out on the site before the embargo (by hand here): the site status
   * says so; Amparo's own status waits for the embargo. */
  g_assert_cmpint (amparo_release_get_status (fixture->release), ==, AMPARO_RELEASE_STATUS_APPROVED);
  g_assert_cmpstr (amparo_release_get_site_status (fixture->release), ==, "publish");
  g_assert_null (amparo_release_get_scheduled_for (fixture->release));
  g_assert_cmpstr (amparo_release_get_first_published_at (fixture->release), ==, "2030-05-13T17:00:00Z");
  g_assert_cmpuint (count_titled (fixture, "Embargoed until the hearing"), ==, 1);
}

/* A category's feed is that category only: read page by page, not the
 * whole site through the API. */
static void
test_import_category_feed (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *url = env ("AMPARO_WP_PRETTY");
  g_autofree char *feed = g_strconcat (url, "/category/press/feed/", NULL);
  g_autoptr(AmparoImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;

  make_posts (url, "Not press", 2);
  ignored = wp_php (url, "$cat = wp_insert_term('Press', 'category', array('slug' => 'press'));"
                         "for ($i = 1; $i <= 12; $i++)"
                         "  wp_insert_post(array('post_title' => 'Press only ' . $i, 'post_content' => 'Text.',"
                         "    'post_status' => 'publish', 'post_author' => 2,"
                         "    'post_date' => sprintf('2022-03-%02d 12:00:00', $i),"
                         "    'post_category' => array($cat['term_id'])));");
  report = import_full (fixture, feed, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_titled (fixture, "Press only"), ==, 12);
  g_assert_cmpuint (count_titled (fixture, "Not press"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/web/publish", test_publish);
  ADD ("/web/redirected-write", test_redirected_write);
  ADD ("/web/plain-permalinks", test_plain_permalinks);
  ADD ("/web/auth-causes", test_auth_causes);
  ADD ("/web/title-as-typed", test_title_as_typed);
  ADD ("/web/retry-finds-post", test_retry_finds_post);
  ADD ("/web/update-keeps-status", test_update_keeps_status);
  ADD ("/web/schedule-embargo", test_schedule_embargo);
  ADD ("/web/unlink-deleted", test_unlink_deleted);
  ADD ("/web/import-archive", test_import_archive);
  ADD ("/web/import-cancel", test_import_cancel);
  ADD ("/web/import-feed-pages", test_import_feed_pages);
  ADD ("/web/two-posts", test_two_posts);
  ADD ("/web/scheduled-goes-out", test_scheduled_goes_out);
  ADD ("/web/import-category-feed", test_import_category_feed);

  return g_test_run ();
}
