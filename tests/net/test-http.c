/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-http.h"
#include "amparo-net-error.h"
#include "amparo-wordpress.h"
#include "net-test-server.h"

typedef struct
{
  GBytes  *body;
  GError  *error;
  gboolean done;
} Outcome;

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->body = amparo_http_send_finish (SOUP_SESSION (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
send (TestServer *server,
      const char *path,
      gsize       max_bytes,
      Outcome    *outcome)
{
  g_autofree char *url = test_server_url (server, path);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

  memset (outcome, 0, sizeof *outcome);
  amparo_http_send_async (amparo_http_get_session (), message, max_bytes, NULL,
                          on_sent_cb, outcome);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_one_session_with_user_agent (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(SoupSession) session = amparo_http_session_new (5);
  Outcome outcome;

  amparo_http_set_session (session);
  g_assert_true (amparo_http_get_session () == session);

  send (server, "/user-agent", 1024, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpmem (g_bytes_get_data (outcome.body, NULL), g_bytes_get_size (outcome.body),
                   "Amparo/" PACKAGE_VERSION, strlen ("Amparo/" PACKAGE_VERSION));
  g_bytes_unref (outcome.body);
  g_assert_cmpuint (soup_session_get_timeout (session), ==, 5);

  amparo_http_set_session (NULL);
  g_assert_cmpuint (soup_session_get_timeout (amparo_http_get_session ()), ==,
                    AMPARO_HTTP_DEFAULT_TIMEOUT);
  amparo_http_set_session (NULL);
}

static void
test_size_limit (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(SoupSession) session = amparo_http_session_new (5);
  Outcome outcome;

  amparo_http_set_session (session);

  /* Announced too large (Content-Length). */
  send (server, "/feeds/rss-press.xml", 100, &outcome);
  g_assert_error (outcome.error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TOO_LARGE);
  g_clear_error (&outcome.error);

  /* Not announced: stopped while reading. */
  send (server, "/chunked", 200, &outcome);
  g_assert_error (outcome.error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TOO_LARGE);
  g_clear_error (&outcome.error);

  send (server, "/chunked", 1024, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (g_bytes_get_size (outcome.body), ==, 1024);
  g_bytes_unref (outcome.body);

  amparo_http_set_session (NULL);
}

static void
test_error_words (void)
{
  g_autoptr(GError) tls = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                                               "Unacceptable TLS certificate");
  g_autoptr(GError) timeout = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Timed out");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");

  amparo_http_translate_error (&tls, "www.example.org");
  g_assert_error (tls, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TLS);
  g_assert_nonnull (strstr (tls->message, "secure connection to www.example.org could not be trusted"));

  amparo_http_translate_error (&timeout, NULL);
  g_assert_error (timeout, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TIMEOUT);

  /* Cancelling is the user's own doing: no message for it. */
  amparo_http_translate_error (&cancelled, "www.example.org");
  g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_site_from_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amparo.Amparo");
  g_autoptr(AmparoWordpress) wordpress = NULL;

  g_settings_set_string (settings, "website-url", " https://www.example.org/ ");
  g_settings_set_string (settings, "website-user", "editor");
  g_settings_set_string (settings, "website-post-mode", "two-posts");

  wordpress = amparo_wordpress_new_from_settings (settings);
  g_assert_cmpstr (amparo_wordpress_get_site_url (wordpress), ==, "https://www.example.org");
  g_assert_cmpstr (amparo_wordpress_get_user_name (wordpress), ==, "editor");
  g_assert_cmpint (amparo_wordpress_get_mode (wordpress), ==, AMPARO_POST_MODE_TWO_POSTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/http/one-session-with-user-agent", test_one_session_with_user_agent);
  g_test_add_func ("/net/http/size-limit", test_size_limit);
  g_test_add_func ("/net/http/error-words", test_error_words);
  g_test_add_func ("/net/http/site-from-settings", test_site_from_settings);

  return g_test_run ();
}
