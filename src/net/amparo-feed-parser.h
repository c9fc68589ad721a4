/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits that keep a hostile or broken feed from exhausting memory. */
#define AMPARO_FEED_MAX_BYTES (20 * 1024 * 1024)
#define AMPARO_FEED_MAX_ITEMS 5000

typedef enum {
  AMPARO_FEED_KIND_RSS,
  AMPARO_FEED_KIND_ATOM,
} AmparoFeedKind;

/**
 * AmparoFeedItem:
 * @guid: the item's id (RSS `guid`, Atom `id`), or %NULL
 * @link: the web address of the post, or %NULL
 * @title: the title as plain text (entities decoded, tags removed)
 * @date: (nullable): publication date, or %NULL when the item has none
 * @author: (nullable): the author's name
 * @content_html: (nullable): the post's HTML (content, else summary);
 *   untrusted: convert it with amparo_html_to_simple_text()
 * @skip_reason: (nullable): a translated sentence when the item cannot be
 *   imported (no title, malformed date…), %NULL when it can
 * @position: the item's position in the feed, from 1
 * @summary_only: @content_html came from the summary (RSS description,
 *   Atom summary), not from the full content
 * @post_id: the WordPress post id when known (REST API), else 0
 */
typedef struct
{
  char      *guid;
  char      *link;
  char      *title;
  GDateTime *date;
  char      *author;
  char      *content_html;
  char      *skip_reason;
  guint      position;
  gboolean   summary_only;
  gint64     post_id;
} AmparoFeedItem;

/**
 * AmparoFeed:
 * @kind: RSS or Atom
 * @title: (nullable): the feed's title
 * @items: (element-type AmparoFeedItem): the items in document order,
 *   including those with a @skip_reason
 * @n_ignored: items beyond %AMPARO_FEED_MAX_ITEMS, not read
 */
typedef struct
{
  AmparoFeedKind  kind;
  char           *title;
  GPtrArray      *items;
  guint           n_ignored;
} AmparoFeed;

void        amparo_feed_item_free          (AmparoFeedItem *item);
void        amparo_feed_free               (AmparoFeed     *feed);

AmparoFeed *amparo_feed_parse              (const char     *data,
                                            gsize           length,
                                            GError        **error);

GDateTime  *amparo_feed_parse_date         (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoFeedItem, amparo_feed_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoFeed, amparo_feed_free)

G_END_DECLS
