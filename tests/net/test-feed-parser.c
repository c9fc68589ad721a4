/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-feed-parser.h"
#include "amparo-net-error.h"

static AmparoFeed *
parse_data_file (const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "net", "data", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return amparo_feed_parse (contents, length, error);
}

static AmparoFeedItem *
item_at (AmparoFeed *feed,
         guint       index)
{
  g_assert_cmpuint (index, <, feed->items->len);
  return g_ptr_array_index (feed->items, index);
}

static void
test_rss_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoFeed) feed = parse_data_file ("rss-press.xml", &error);
  AmparoFeedItem *item;
  g_autofree char *date = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (feed->kind, ==, AMPARO_FEED_KIND_RSS);
  g_assert_cmpstr (feed->title, ==, "Immigrant Defenders Law Center – Press");
  g_assert_cmpuint (feed->items->len, ==, 5);

  item = item_at (feed, 0);
  g_assert_cmpstr (item->title, ==, "ImmDef Welcomes Approval of Ms. L v. ICE Settlement");
  g_assert_cmpstr (item->guid, ==, "https://www.example.org/?p=101");
  g_assert_cmpstr (item->link, ==, "https://www.example.org/press/ms-l-settlement");
  g_assert_cmpstr (item->author, ==, "Alicia Vargas");
  g_assert_null (item->skip_reason);
  g_assert_nonnull (strstr (item->content_html, "<b>LOS ANGELES</b>"));
  date = g_date_time_format_iso8601 (item->date);
  g_assert_cmpstr (date, ==, "2023-12-14T17:00:00Z");

  item = item_at (feed, 1);
  g_assert_null (item->skip_reason);
  g_assert_nonnull (strstr (item->content_html, "Español abajo"));
}

static void
test_rss_broken_items (void)
{
  g_autoptr(AmparoFeed) feed = parse_data_file ("rss-press.xml", NULL);
  AmparoFeedItem *item;

  /* A broken item is reported and the next one is still read. */
  item = item_at (feed, 2);
  g_assert_nonnull (item->skip_reason);
  g_assert_nonnull (strstr (item->skip_reason, "the thirty-second of Smarch"));
  g_assert_cmpuint (item->position, ==, 3);

  item = item_at (feed, 3);
  g_assert_cmpstr (item->skip_reason, ==, "It has no title.");

  item = item_at (feed, 4);
  g_assert_null (item->skip_reason);
  g_assert_null (item->guid);
  g_assert_cmpstr (item->link, ==, "https://www.example.org/press/court-blocks-expulsions");
  g_assert_cmpint (g_date_time_to_unix (item->date), ==, 1615921200);
}

static void
test_atom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoFeed) feed = parse_data_file ("atom-press.xml", &error);
  AmparoFeedItem *item;

  g_assert_no_error (error);
  g_assert_cmpint (feed->kind, ==, AMPARO_FEED_KIND_ATOM);
  g_assert_cmpuint (feed->items->len, ==, 3);

  item = item_at (feed, 0);
  g_assert_cmpstr (item->title, ==, "Know Your Rights & Hearings");
  g_assert_cmpstr (item->guid, ==, "tag:example.org,2024:post-300");
  g_assert_cmpstr (item->link, ==, "https://www.example.org/press/know-your-rights");
  g_assert_cmpstr (item->author, ==, "Renee Garcia");
  g_assert_cmpstr (item->content_html, ==,
                   "<p>Bring your <strong>hearing notice</strong> to every appointment.</p>");
  /* published wins over updated */
  g_assert_cmpint (g_date_time_to_unix (item->date), ==, 1715619600);

  item = item_at (feed, 1);
  g_assert_nonnull (strstr (item->content_html, "<em>Tuesdays</em>"));
  g_assert_cmpstr (item->link, ==, "https://www.example.org/press/clinic-schedule");

  item = item_at (feed, 2);
  g_assert_null (item->skip_reason);
  g_assert_null (item->link);
  g_assert_cmpstr (item->content_html, ==,
                   "<p>First paragraph.</p>\n<p>Second paragraph with 5 &lt; 6.</p>\n");
}

static void
test_not_a_feed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoFeed) feed = parse_data_file ("not-a-feed.html", &error);

  g_assert_null (feed);
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NOT_A_FEED);
  g_assert_nonnull (strstr (error->message, "not a news feed"));

  g_clear_error (&error);
  g_assert_null (amparo_feed_parse ("", 0, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NOT_A_FEED);

  g_clear_error (&error);
  g_assert_null (amparo_feed_parse ("<rss version=\"2.0\">", 19, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NOT_A_FEED);
}

static void
test_external_entity_not_read (void)
{
  g_autoptr(AmparoFeed) feed = parse_data_file ("hostile-external-entity.xml", NULL);

  /* Either refused or read without the entities: never the file. */
  if (feed != NULL)
    for (guint i = 0; i < feed->items->len; i++)
      {
        AmparoFeedItem *item = item_at (feed, i);

        g_assert_null (strstr (item->title ? item->title : "", "root:"));
        g_assert_null (strstr (item->content_html ? item->content_html : "", "root:"));
      }
}

static void
test_billion_laughs (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(AmparoFeed) feed = parse_data_file ("hostile-billion-laughs.xml", NULL);

  if (feed != NULL)
    for (guint i = 0; i < feed->items->len; i++)
      {
        AmparoFeedItem *item = item_at (feed, i);

        g_assert_cmpuint (strlen (item->title ? item->title : ""), <, 1000);
        g_assert_cmpuint (strlen (item->content_html ? item->content_html : ""), <, 1000);
      }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  gsize length = AMPARO_FEED_MAX_BYTES + 1;
  g_autofree char *data = g_malloc0 (length);

  g_assert_null (amparo_feed_parse (data, length, &error));
  g_assert_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TOO_LARGE);
}

static void
test_item_limit (void)
{
  g_autoptr(GString) xml = g_string_new ("<rss version=\"2.0\"><channel>");
  g_autoptr(AmparoFeed) feed = NULL;

  for (guint i = 0; i < AMPARO_FEED_MAX_ITEMS + 7; i++)
    g_string_append_printf (xml, "<item><title>t</title><guid>g%u</guid></item>", i);
  g_string_append (xml, "</channel></rss>");

  feed = amparo_feed_parse (xml->str, xml->len, NULL);
  g_assert_cmpuint (feed->items->len, ==, AMPARO_FEED_MAX_ITEMS);
  g_assert_cmpuint (feed->n_ignored, ==, 7);
}

static void
assert_date (const char *text,
             const char *expected)
{
  g_autoptr(GDateTime) date = amparo_feed_parse_date (text);
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *iso = NULL;

  if (expected == NULL)
    {
      g_assert_null (date);
      return;
    }
  g_assert_nonnull (date);
  utc = g_date_time_to_utc (date);
  iso = g_date_time_format_iso8601 (utc);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_dates (void)
{
  assert_date ("Wed, 03 Feb 2021 10:00:00 +0000", "2021-02-03T10:00:00Z");
  assert_date ("3 Feb 2021 10:00 EST", "2021-02-03T15:00:00Z");
  assert_date ("Wed,  3 Feb 21 10:00:00 -0800", "2021-02-03T18:00:00Z");
  assert_date ("2021-02-03T10:00:00-08:00", "2021-02-03T18:00:00Z");
  assert_date ("2021-02-03T10:00:00.123Z", "2021-02-03T10:00:00.123000Z");
  assert_date ("2021-02-03", "2021-02-03T00:00:00Z");
  assert_date ("Wed, 31 Feb 2021 10:00:00 +0000", NULL);
  assert_date ("yesterday", NULL);
  assert_date ("", NULL);
  assert_date ("Wed, 03 Feb 2021 25:00:00 +0000", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/feed-parser/rss-items", test_rss_items);
  g_test_add_func ("/net/feed-parser/rss-broken-items", test_rss_broken_items);
  g_test_add_func ("/net/feed-parser/atom", test_atom);
  g_test_add_func ("/net/feed-parser/not-a-feed", test_not_a_feed);
  g_test_add_func ("/net/feed-parser/external-entity", test_external_entity_not_read);
  g_test_add_func ("/net/feed-parser/billion-laughs", test_billion_laughs);
  g_test_add_func ("/net/feed-parser/too-large", test_too_large);
  g_test_add_func ("/net/feed-parser/item-limit", test_item_limit);
  g_test_add_func ("/net/feed-parser/dates", test_dates);

  return g_test_run ();
}
