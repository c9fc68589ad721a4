/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-feed-parser.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "amparo-html-text.h"
#include "amparo-net-error.h"

#define ATOM_NS    "http://www.w3.org/2005/Atom"
#define RSS1_NS    "http://purl.org/rss/1.0/"
#define CONTENT_NS "http://purl.org/rss/1.0/modules/content/"
#define DC_NS      "http://purl.org/dc/elements/1.1/"
#define RDF_NS     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* While a feed is parsed on this thread, every external entity or DTD is
 * refused, whatever the options say. Other users of libxml2 in the
 * process keep the default loader. */
static GPrivate parsing_feed;
static xmlExternalEntityLoader default_loader;

static xmlParserInputPtr
refusing_entity_loader (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  if (g_private_get (&parsing_feed) != NULL)
    return NULL;

  return default_loader (url, id, context);
}

static void
install_entity_loader (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      xmlInitParser ();
      default_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refusing_entity_loader);
      g_once_init_leave (&installed, 1);
    }
}

static gboolean
has_name (xmlNode    *node,
          const char *name,
          const char *ns)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (g_strcmp0 ((const char *) node->name, name) != 0)
    return FALSE;
  if (ns == NULL)
    return node->ns == NULL || node->ns->href == NULL;

  return node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, ns) == 0;
}

/* RSS 2.0 elements carry no namespace; RSS 1.0 ones carry RSS1_NS. */
static gboolean
has_rss_name (xmlNode    *node,
              const char *name)
{
  return has_name (node, name, NULL) || has_name (node, name, RSS1_NS);
}

/* Only text and CDATA count: entity references are skipped, so an
 * entity declared in the document can never be expanded (no "billion
 * laughs"), and nothing outside the document is read. */
static void
append_text (GString *text,
             xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        append_text (text, child);
    }
}

static char *
node_text (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  append_text (text, node);
  return g_strstrip (g_string_free (text, FALSE));
}

static char *
node_inner_xml (xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlBufferPtr buffer = xmlBufferCreate ();

      if (child->type != XML_ENTITY_REF_NODE)
        xmlNodeDump (buffer, node->doc, child, 0, 0);
      g_string_append (out, (const char *) xmlBufferContent (buffer));
      xmlBufferFree (buffer);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
escape_plain_as_html (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", escaped, 0, 0);
  g_autoptr(GString) html = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    g_string_append_printf (html, "<p>%s</p>\n", paragraphs[i]);

  return g_string_free (g_steal_pointer (&html), FALSE);
}

static char *
http_link_or_null (char *link)
{
  if (link != NULL &&
      (g_ascii_strncasecmp (link, "http://", 7) == 0 ||
       g_ascii_strncasecmp (link, "https://", 8) == 0))
    return link;

  g_free (link);
  return NULL;
}

static char *
plain_title (char *raw)
{
  char *title;

  if (raw == NULL)
    return NULL;
  if (strchr (raw, '<') == NULL && strchr (raw, '&') == NULL)
    title = amparo_text_collapse_whitespace (raw);
  else
    title = amparo_html_to_plain_text (raw, -1);

  g_free (raw);
  return title;
}

/* Atom text constructs: type "text" (default), "html" or "xhtml". */
static char *
atom_text_as_html (xmlNode *node)
{
  g_autofree xmlChar *type = xmlGetProp (node, (const xmlChar *) "type");

  if (type != NULL && g_strcmp0 ((const char *) type, "xhtml") == 0)
    return node_inner_xml (node);
  if (type != NULL && (g_strcmp0 ((const char *) type, "html") == 0 ||
                       g_str_has_prefix ((const char *) type, "text/html")))
    return node_text (node);

  {
    g_autofree char *text = node_text (node);
    return escape_plain_as_html (text);
  }
}

static char *
atom_title (xmlNode *node)
{
  g_autofree xmlChar *type = xmlGetProp (node, (const xmlChar *) "type");

  if (type != NULL && (g_strcmp0 ((const char *) type, "html") == 0 ||
                       g_strcmp0 ((const char *) type, "xhtml") == 0))
    {
      g_autofree char *html = atom_text_as_html (node);
      return amparo_html_to_plain_text (html, -1);
    }

  return amparo_text_collapse_whitespace_take (node_text (node));
}

static void
set_string (char **field,
            char  *value)
{
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  if (value == NULL)
    return;

  g_free (*field);
  *field = value;
}

static void
read_rss_child (AmparoFeedItem  *item,
                xmlNode         *child,
                char           **date_text,
                char           **description)
{
  if (has_rss_name (child, "title"))
    set_string (&item->title, plain_title (node_text (child)));
  else if (has_rss_name (child, "link"))
    set_string (&item->link, http_link_or_null (node_text (child)));
  else if (has_rss_name (child, "guid"))
    set_string (&item->guid, node_text (child));
  else if (has_rss_name (child, "pubDate") || has_name (child, "date", DC_NS))
    set_string (date_text, node_text (child));
  else if (has_rss_name (child, "author") || has_name (child, "creator", DC_NS))
    set_string (&item->author, plain_title (node_text (child)));
  else if (has_name (child, "encoded", CONTENT_NS))
    set_string (&item->content_html, node_text (child));
  else if (has_rss_name (child, "description"))
    set_string (description, node_text (child));
}

static void
read_rss_item (AmparoFeedItem  *item,
               xmlNode         *node,
               char           **date_text)
{
  g_autofree char *description = NULL;
  g_autofree xmlChar *about = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    read_rss_child (item, child, date_text, &description);

  if (item->content_html == NULL)
    {
      item->content_html = g_steal_pointer (&description);
      item->summary_only = item->content_html != NULL;
    }

  /* RSS 1.0 names the item by its rdf:about address. */
  about = xmlGetNsProp (node, (const xmlChar *) "about", (const xmlChar *) RDF_NS);
  if (item->guid == NULL && about != NULL && *about != '\0')
    item->guid = g_strdup ((const char *) about);
}

static char *
atom_link (xmlNode *node)
{
  g_autofree xmlChar *rel = xmlGetProp (node, (const xmlChar *) "rel");
  g_autofree xmlChar *href = NULL;

  if (rel != NULL && g_strcmp0 ((const char *) rel, "alternate") != 0)
    return NULL;

  href = xmlGetProp (node, (const xmlChar *) "href");
  if (href == NULL)
    return NULL;

  return http_link_or_null (g_strstrip (g_strdup ((const char *) href)));
}

static char *
atom_author (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (has_name (child, "name", ATOM_NS))
      return plain_title (node_text (child));

  return NULL;
}

static void
read_atom_entry (AmparoFeedItem  *item,
                 xmlNode         *node,
                 char           **date_text)
{
  g_autofree char *summary = NULL;
  g_autofree char *updated = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (has_name (child, "title", ATOM_NS))
        set_string (&item->title, atom_title (child));
      else if (has_name (child, "id", ATOM_NS))
        set_string (&item->guid, node_text (child));
      else if (has_name (child, "link", ATOM_NS) && item->link == NULL)
        set_string (&item->link, atom_link (child));
      else if (has_name (child, "published", ATOM_NS))
        set_string (date_text, node_text (child));
      else if (has_name (child, "updated", ATOM_NS))
        set_string (&updated, node_text (child));
      else if (has_name (child, "author", ATOM_NS) && item->author == NULL)
        set_string (&item->author, atom_author (child));
      else if (has_name (child, "content", ATOM_NS))
        set_string (&item->content_html, atom_text_as_html (child));
      else if (has_name (child, "summary", ATOM_NS))
        set_string (&summary, atom_text_as_html (child));
    }

  if (item->content_html == NULL)
    {
      item->content_html = g_steal_pointer (&summary);
      item->summary_only = item->content_html != NULL;
    }
  if (*date_text == NULL)
    *date_text = g_steal_pointer (&updated);
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 60)
    return g_strdup (text);

  {
    g_autofree char *start = g_utf8_substring (text, 0, 57);
    return g_strconcat (start, "…", NULL);
  }
}

static void
check_item (AmparoFeedItem *item,
            const char     *date_text)
{
  if (date_text != NULL)
    {
      item->date = amparo_feed_parse_date (date_text);
      if (item->date == NULL)
        {
          g_autofree char *shown = shorten (date_text);
          item->skip_reason = g_strdup_printf (_("Its date “%s” could not be read."), shown);
          return;
        }
    }

  if (item->title == NULL || *item->title == '\0')
    item->skip_reason = g_strdup (_("It has no title."));
  else if (item->guid == NULL && item->link == NULL)
    item->skip_reason = g_strdup (_("It has neither an id nor a web address, "
                                    "so a later import could not find it again."));
}

static AmparoFeedItem *
read_item (xmlNode        *node,
           AmparoFeedKind  kind,
           guint           position)
{
  AmparoFeedItem *item = g_new0 (AmparoFeedItem, 1);
  g_autofree char *date_text = NULL;

  item->position = position;
  if (kind == AMPARO_FEED_KIND_ATOM)
    read_atom_entry (item, node, &date_text);
  else
    read_rss_item (item, node, &date_text);

  check_item (item, date_text);
  return item;
}

static gboolean
is_item_node (xmlNode        *node,
              AmparoFeedKind  kind)
{
  if (kind == AMPARO_FEED_KIND_ATOM)
    return has_name (node, "entry", ATOM_NS);

  return has_rss_name (node, "item");
}

static void
read_items (AmparoFeed *feed,
            xmlNode    *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (!is_item_node (node, feed->kind))
        continue;

      if (feed->items->len >= AMPARO_FEED_MAX_ITEMS)
        feed->n_ignored++;
      else
        g_ptr_array_add (feed->items, read_item (node, feed->kind, feed->items->len + 1));
    }
}

static void
read_feed_title (AmparoFeed *feed,
                 xmlNode    *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (has_rss_name (node, "title") || has_name (node, "title", ATOM_NS))
      {
        set_string (&feed->title, plain_title (node_text (node)));
        return;
      }
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (has_rss_name (node, name))
      return node;

  return NULL;
}

static AmparoFeed *
read_feed (xmlNode *root)
{
  g_autoptr(AmparoFeed) feed = g_new0 (AmparoFeed, 1);
  xmlNode *channel;

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) amparo_feed_item_free);

  if (has_name (root, "feed", ATOM_NS))
    {
      feed->kind = AMPARO_FEED_KIND_ATOM;
      read_feed_title (feed, root);
      read_items (feed, root);
      return g_steal_pointer (&feed);
    }

  feed->kind = AMPARO_FEED_KIND_RSS;
  channel = find_child (root, "channel");
  if (has_name (root, "rss", NULL) && channel == NULL)
    return NULL;

  if (channel != NULL)
    {
      read_feed_title (feed, channel);
      read_items (feed, channel);
    }
  /* RSS 1.0 keeps its items beside the channel, under rdf:RDF. */
  if (has_name (root, "RDF", RDF_NS))
    read_items (feed, root);

  return g_steal_pointer (&feed);
}

static gboolean
is_feed_root (xmlNode *root)
{
  return has_name (root, "rss", NULL) ||
         has_name (root, "feed", ATOM_NS) ||
         has_name (root, "RDF", RDF_NS);
}

static void
set_not_a_feed_error (GError **error)
{
  g_set_error_literal (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NOT_A_FEED,
                       _("This is not a news feed (RSS or Atom). Check that the "
                         "address is the website’s feed, often ending in "
                         "“/feed”, and not one of its pages."));
}

/* RFC 822 (RSS) dates, as sites really write them: the weekday is
 * optional, the year may have two digits, seconds may be missing and
 * the zone may be a name. */
static int
month_from_name (const char *name)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;

  return 0;
}

static gboolean
zone_offset (const char *zone,
             int        *minutes)
{
  static const struct { const char *name; int hours; } names[] = {
    { "GMT", 0 }, { "UT", 0 }, { "UTC", 0 }, { "Z", 0 },
    { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
    { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
  };

  if (*zone == '\0')
    {
      *minutes = 0;
      return TRUE;
    }
  if ((zone[0] == '+' || zone[0] == '-') && strlen (zone) == 5 &&
      g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2]) &&
      g_ascii_isdigit (zone[3]) && g_ascii_isdigit (zone[4]))
    {
      int value = ((zone[1] - '0') * 10 + (zone[2] - '0')) * 60 +
                  (zone[3] - '0') * 10 + (zone[4] - '0');
      *minutes = zone[0] == '-' ? -value : value;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (zone, names[i].name) == 0)
      {
        *minutes = names[i].hours * 60;
        return TRUE;
      }

  return FALSE;
}

static gboolean
parse_number (const char *text,
              guint       min_digits,
              guint       max_digits,
              int        *value)
{
  guint n = strlen (text);

  if (n < min_digits || n > max_digits)
    return FALSE;
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

static gboolean
parse_clock (const char *text,
             int        *hour,
             int        *minute,
             int        *second)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 4);
  guint n = g_strv_length (parts);

  *second = 0;
  return (n == 2 || n == 3) &&
         parse_number (parts[0], 1, 2, hour) &&
         parse_number (parts[1], 2, 2, minute) &&
         (n == 2 || parse_number (parts[2], 2, 2, second));
}

static GDateTime *
parse_rfc822 (const char *text)
{
  g_auto(GStrv) words = NULL;
  const char *after_comma = strchr (text, ',');
  int day, month, year, hour, minute, second, offset;
  g_autoptr(GTimeZone) tz = NULL;
  guint n;

  words = g_strsplit_set (after_comma != NULL ? after_comma + 1 : text, " \t", -1);
  n = g_strv_length (words);
  /* Drop the empty words that runs of spaces leave. */
  for (guint i = 0, j = 0; i <= n; i++)
    if (words[i] == NULL || *words[i] != '\0')
      words[j++] = words[i];
    else
      g_free (words[i]);
  n = g_strv_length (words);

  if (n < 4 || n > 5 ||
      !parse_number (words[0], 1, 2, &day) ||
      (month = month_from_name (words[1])) == 0 ||
      !parse_number (words[2], 2, 4, &year) ||
      !parse_clock (words[3], &hour, &minute, &second) ||
      !zone_offset (n == 5 ? words[4] : "", &offset))
    return NULL;

  if (year < 100)
    year += year < 50 ? 2000 : 1900;

  tz = g_time_zone_new_offset (offset * 60);
  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

/**
 * amparo_feed_item_free:
 * @item: (transfer full): an item
 */
void
amparo_feed_item_free (AmparoFeedItem *item)
{
  if (item == NULL)
    return;

  g_free (item->guid);
  g_free (item->link);
  g_free (item->title);
  g_clear_pointer (&item->date, g_date_time_unref);
  g_free (item->author);
  g_free (item->content_html);
  g_free (item->skip_reason);
  g_free (item);
}

/**
 * amparo_feed_free:
 * @feed: (transfer full): a feed
 */
void
amparo_feed_free (AmparoFeed *feed)
{
  if (feed == NULL)
    return;

  g_free (feed->title);
  g_clear_pointer (&feed->items, g_ptr_array_unref);
  g_free (feed);
}

/**
 * amparo_feed_parse:
 * @data: the document, as received (not necessarily nul-terminated)
 * @length: its length in bytes
 * @error: %AMPARO_NET_ERROR_NOT_A_FEED or %AMPARO_NET_ERROR_TOO_LARGE
 *
 * Reads an RSS 2.0 (or 1.0) or Atom 1.0 feed. The parser never touches
 * the network or the disk, expands no entity the document declares and
 * refuses documents over %AMPARO_FEED_MAX_BYTES. An item that cannot be
 * imported is still returned, with its skip_reason set, so one broken
 * item never stops the rest.
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
AmparoFeed *
amparo_feed_parse (const char  *data,
                   gsize        length,
                   GError     **error)
{
  xmlDoc *doc;
  xmlNode *root;
  AmparoFeed *feed = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > AMPARO_FEED_MAX_BYTES)
    {
      g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TOO_LARGE,
                   _("The feed is larger than %d MB, more than Amparo reads."),
                   AMPARO_FEED_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  install_entity_loader ();
  g_private_set (&parsing_feed, GINT_TO_POINTER (1));
  /* XML_PARSE_NOENT stays off (no entity substitution), and so do
   * XML_PARSE_DTDLOAD and XML_PARSE_HUGE (libxml2's depth and size limits
   * apply). */
  doc = xmlReadMemory (length > 0 ? data : "", (int) length, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR |
                       XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  g_private_set (&parsing_feed, NULL);

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL && is_feed_root (root))
    feed = read_feed (root);
  if (feed == NULL)
    set_not_a_feed_error (error);

  g_clear_pointer (&doc, xmlFreeDoc);
  return feed;
}

/**
 * amparo_feed_parse_date:
 * @text: an RFC 822 date (RSS) or an RFC 3339 / ISO 8601 one (Atom)
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if unreadable
 */
GDateTime *
amparo_feed_parse_date (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  GDateTime *date;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if ((date = parse_rfc822 (trimmed)) != NULL)
    return date;

  utc = g_time_zone_new_utc ();
  if ((date = g_date_time_new_from_iso8601 (trimmed, utc)) != NULL)
    return date;

  /* A bare day, as some Atom feeds write "2021-02-03". */
  if (strlen (trimmed) == 10 && trimmed[4] == '-' && trimmed[7] == '-')
    {
      g_autofree char *midnight = g_strconcat (trimmed, "T00:00:00Z", NULL);
      return g_date_time_new_from_iso8601 (midnight, utc);
    }

  return NULL;
}
