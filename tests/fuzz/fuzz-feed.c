/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: whatever a feed server sends goes through the feed
 * parser, then each item's HTML through the converter, the bilingual
 * split and back to HTML for publishing, as an import would. The raw
 * input is also fed to the HTML converter directly. */
#include "config.h"

#include <stdint.h>

#include "amparo-bilingual-split.h"
#include "amparo-feed-parser.h"
#include "amparo-html-text.h"
#include "amparo-markup.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
exercise_item (AmparoFeedItem *item)
{
  g_autofree char *body = amparo_html_to_simple_text (item->content_html, -1);
  g_autoptr(AmparoBilingualText) text = amparo_bilingual_split (item->title, body);
  g_autofree char *html_en = amparo_markup_render (text->body_en, AMPARO_MARKUP_HTML);
  g_autofree char *html_es = amparo_markup_render (text->body_es, AMPARO_MARKUP_HTML);

  g_assert (g_utf8_validate (body, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AmparoFeed) feed = amparo_feed_parse ((const char *) data, size, NULL);
  g_autofree char *direct = amparo_html_to_simple_text ((const char *) data, size);
  g_autofree char *plain = amparo_html_to_plain_text ((const char *) data, size);
  g_autofree char *nul_terminated = g_strndup ((const char *) data, size);
  g_autofree char *as_html = amparo_markup_render (nul_terminated, AMPARO_MARKUP_HTML);
  g_auto(GStrv) demands = amparo_extract_demands (nul_terminated);

  if (feed != NULL)
    for (guint i = 0; i < feed->items->len; i++)
      exercise_item (g_ptr_array_index (feed->items, i));

  return 0;
}
