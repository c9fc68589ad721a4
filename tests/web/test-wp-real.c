/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-feed-import.h"
#include "amparo-html-text.h"
#include "amparo-http.h"
#include "amparo-net-error.h"
#include "amparo-wordpress.h"
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

static void
on_published_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = amparo_wordpress_publish_finish (AMPARO_WORDPRESS (source), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
publish (Fixture          *fixture,
         AmparoWordpress  *wordpress,
         GError          **error)
{
  Outcome outcome = { 0, };

  amparo_wordpress_publish_async (wordpress, fixture->store, fixture->release, NULL,
                                  on_published_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.ok;
}

static void
on_tested_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->name = amparo_wordpress_test_connection_finish (AMPARO_WORDPRESS (source), result,
                                                           &outcome->error);
  outcome->done = TRUE;
}

static char *
test_connection (AmparoWordpress  *wordpress,
                 GError          **error)
{
  Outcome outcome = { 0, };

  amparo_wordpress_test_connection_async (wordpress, NULL, on_tested_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.name;
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

static AmparoImportReport *
import (Fixture    *fixture,
        const char *address)
{
  Outcome outcome = { 0, };

  amparo_feed_import_async (fixture->store, address, NULL, NULL, NULL, NULL,
                            on_imported_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  return outcome.report;
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/web/publish", test_publish);

  return g_test_run ();
}
