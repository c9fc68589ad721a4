/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-html-text.h"
#include "amparo-markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

/* Imported HTML becomes Amparo's simple text format (HACKING.md): blank
 * lines between paragraphs, **bold**, *italic*, [text](url) and "1. "
 * list lines. The HTML is read by libxml2's HTML parser and walked as a
 * tree; only text and a few known elements produce output, so scripts,
 * styles, frames and every attribute but a checked href disappear by
 * construction. Literal `\`, `*`, `[` and `]` in the text are escaped
 * with a backslash so they are never read as formatting. */

typedef enum {
  PENDING_NONE,
  PENDING_SPACE,
  PENDING_LINE,
  PENDING_PARAGRAPH,
} Pending;

typedef struct
{
  xmlNode    *node;
  const char *open;
  char       *close;
  gboolean    opened;
} Style;

typedef struct
{
  xmlNode *node;
  int      counter;   /* next number, or -1 for a bulleted list */
} List;

typedef struct
{
  GString *out;
  GArray  *styles;
  GArray  *lists;
  char    *prefix;
  Pending  pending;
  guint    pre_depth;
  gboolean plain;
} Walker;

static const char * const dropped_elements[] = {
  "script", "style", "iframe", "frame", "frameset", "object", "embed",
  "applet", "noscript", "template", "head", "title", "form", "input",
  "button", "select", "textarea", "svg", "math", "canvas", "audio",
  "video", "img", "picture", "source", "track", "link", "meta", "base",
  "noembed", "noframes", "xmp", "plaintext",
};

static const char * const paragraph_elements[] = {
  "p", "div", "blockquote", "section", "article", "header", "footer",
  "aside", "nav", "main", "figure", "figcaption", "address", "pre",
  "table", "hr", "dl", "center", "details", "summary", "fieldset",
  "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
};

static const char * const line_elements[] = {
  "li", "tr", "dt", "dd", "caption",
};

static gboolean
name_in (const xmlChar      *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_strcmp0 ((const char *) name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

#define NAME_IN(name, array) name_in ((name), (array), G_N_ELEMENTS (array))

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static void
request (Walker  *walker,
         Pending  pending)
{
  if (walker->pending < pending)
    walker->pending = pending;
}

static void
close_opened_styles (Walker *walker)
{
  for (guint i = walker->styles->len; i > 0; i--)
    {
      Style *style = &g_array_index (walker->styles, Style, i - 1);

      if (style->opened)
        g_string_append (walker->out, style->close);
      style->opened = FALSE;
    }
}

/* Breaks and spaces wait until real text follows, so whitespace and
 * empty elements never leave blank lines, dangling "**" or a trailing
 * space inside a marker. */
static void
flush_pending (Walker *walker)
{
  if (walker->out->len > 0 && walker->pending != PENDING_NONE)
    {
      if (walker->plain)
        g_string_append_c (walker->out, ' ');
      else if (walker->pending == PENDING_SPACE)
        g_string_append_c (walker->out, ' ');
      else
        {
          close_opened_styles (walker);
          g_string_append (walker->out,
                           walker->pending == PENDING_PARAGRAPH ? "\n\n" : "\n");
        }
    }
  walker->pending = PENDING_NONE;

  if (walker->prefix != NULL && !walker->plain)
    g_string_append (walker->out, walker->prefix);
  g_clear_pointer (&walker->prefix, g_free);

  for (guint i = 0; i < walker->styles->len; i++)
    {
      Style *style = &g_array_index (walker->styles, Style, i);

      if (!style->opened)
        g_string_append (walker->out, style->open);
      style->opened = TRUE;
    }
}

static void
append_escaped (Walker     *walker,
                const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!walker->plain && strchr ("\\*[]", text[i]) != NULL)
        g_string_append_c (walker->out, '\\');
      g_string_append_c (walker->out, text[i]);
    }
}

/* Returns the length of the whitespace at @p: ASCII spaces and the
 * no-break space (U+00A0) that editors sprinkle as padding. */
static gsize
whitespace_length (const char *p)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
    return 1;
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;

  return 0;
}

static void
add_text (Walker     *walker,
          const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gsize space = whitespace_length (p);
      const char *start = p;

      if (space > 0)
        {
          request (walker, walker->pre_depth > 0 && *p == '\n' ? PENDING_LINE : PENDING_SPACE);
          p += space;
          continue;
        }

      while (*p != '\0' && whitespace_length (p) == 0)
        p++;
      flush_pending (walker);
      append_escaped (walker, start, p - start);
    }
}

/* Only web and mail links survive; browsers ignore leading control
 * characters and spaces and any tab or newline inside a scheme, so those
 * are removed before looking at it ("java\tscript:" is still
 * javascript:). */
static char *
clean_url (const char *url)
{
  GString *clean = g_string_new (NULL);
  const char *p = url;

  while (*p != '\0' && (guchar) *p <= ' ')
    p++;
  for (; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        continue;
      if (strchr (" ()<>\"\\", *p) != NULL)
        g_string_append_printf (clean, "%%%02X", (guchar) *p);
      else
        g_string_append_c (clean, *p);
    }
  while (clean->len > 0 && g_str_has_suffix (clean->str, "%20"))
    g_string_truncate (clean, clean->len - 3);

  return g_string_free (clean, FALSE);
}

static void
push_style (Walker     *walker,
            xmlNode    *node,
            const char *open,
            char       *close)
{
  Style style = { node, open, close, FALSE };

  /* <b> inside <strong> would close the bold too early. */
  for (guint i = 0; i < walker->styles->len; i++)
    if (g_strcmp0 (g_array_index (walker->styles, Style, i).open, open) == 0)
      {
        g_free (close);
        return;
      }

  g_array_append_val (walker->styles, style);
}

static void
pop_style (Walker  *walker,
           xmlNode *node)
{
  Style *style;

  if (walker->styles->len == 0)
    return;
  style = &g_array_index (walker->styles, Style, walker->styles->len - 1);
  if (style->node != node)
    return;

  if (style->opened)
    g_string_append (walker->out, style->close);
  g_free (style->close);
  g_array_set_size (walker->styles, walker->styles->len - 1);
}

static void
enter_link (Walker  *walker,
            xmlNode *node)
{
  g_autofree xmlChar *href = xmlGetProp (node, (const xmlChar *) "href");
  g_autofree char *url = NULL;

  if (href == NULL || walker->plain)
    return;

  url = clean_url ((const char *) href);
  if (amparo_markup_is_safe_link (url))
    push_style (walker, node, "[", g_strdup_printf ("](%s)", url));
}

static void
enter_list_item (Walker *walker)
{
  List *list;

  request (walker, PENDING_LINE);
  if (walker->lists->len == 0)
    return;

  list = &g_array_index (walker->lists, List, walker->lists->len - 1);
  g_free (walker->prefix);
  if (list->counter < 0)
    walker->prefix = g_strdup ("• ");
  else
    walker->prefix = g_strdup_printf ("%d. ", list->counter++);
}

static void
enter_list (Walker  *walker,
            xmlNode *node)
{
  List list = { node, is_element (node, "ol") ? 1 : -1 };
  g_autofree xmlChar *start = xmlGetProp (node, (const xmlChar *) "start");

  if (list.counter > 0 && start != NULL)
    list.counter = CLAMP (atoi ((const char *) start), 0, 100000);
  g_array_append_val (walker->lists, list);
}

/* WordPress turns emoji into <img class="wp-smiley" alt="😀">: the alt
 * is the emoji itself. Other images keep their description, in
 * brackets, so no words of the post are lost. */
static void
add_image_text (Walker  *walker,
                xmlNode *node)
{
  g_autofree xmlChar *alt = xmlGetProp (node, (const xmlChar *) "alt");
  g_autofree xmlChar *klass = xmlGetProp (node, (const xmlChar *) "class");
  g_autofree char *text = NULL;
  gboolean emoji;

  if (alt == NULL)
    return;
  text = amparo_text_collapse_whitespace ((const char *) alt);
  if (*text == '\0')
    return;

  emoji = (klass != NULL && (strstr ((const char *) klass, "wp-smiley") != NULL ||
                             strstr ((const char *) klass, "emoji") != NULL)) ||
          (g_utf8_strlen (text, -1) <= 2 && (guchar) text[0] >= 0xE2);
  if (emoji)
    {
      add_text (walker, text);
      return;
    }

  flush_pending (walker);
  g_string_append_c (walker->out, '[');
  append_escaped (walker, text, strlen (text));
  g_string_append_c (walker->out, ']');
}

/* Returns whether to walk into the element's children. */
static gboolean
enter_element (Walker  *walker,
               xmlNode *node)
{
  const xmlChar *name = node->name;

  if (is_element (node, "img"))
    {
      add_image_text (walker, node);
      return FALSE;
    }
  if (NAME_IN (name, dropped_elements))
    return FALSE;

  if (is_element (node, "br"))
    request (walker, PENDING_LINE);
  else if (NAME_IN (name, paragraph_elements))
    request (walker, PENDING_PARAGRAPH);
  else if (NAME_IN (name, line_elements))
    request (walker, PENDING_LINE);
  else if (is_element (node, "td") || is_element (node, "th"))
    request (walker, PENDING_SPACE);

  if (is_element (node, "ol") || is_element (node, "ul"))
    enter_list (walker, node);
  else if (is_element (node, "li"))
    enter_list_item (walker);
  else if (is_element (node, "pre"))
    walker->pre_depth++;

  if (walker->plain)
    return TRUE;

  if (is_element (node, "b") || is_element (node, "strong") ||
      (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0'))
    push_style (walker, node, "**", g_strdup ("**"));
  else if (is_element (node, "i") || is_element (node, "em") ||
           is_element (node, "cite"))
    push_style (walker, node, "*", g_strdup ("*"));
  else if (is_element (node, "a"))
    enter_link (walker, node);

  return TRUE;
}

static void
leave_element (Walker  *walker,
               xmlNode *node)
{
  const xmlChar *name = node->name;

  if (NAME_IN (name, dropped_elements))
    return;

  pop_style (walker, node);

  if (walker->lists->len > 0 &&
      g_array_index (walker->lists, List, walker->lists->len - 1).node == node)
    g_array_set_size (walker->lists, walker->lists->len - 1);
  if (is_element (node, "pre") && walker->pre_depth > 0)
    walker->pre_depth--;
  if (is_element (node, "li"))
    g_clear_pointer (&walker->prefix, g_free);

  if (NAME_IN (name, paragraph_elements))
    request (walker, PENDING_PARAGRAPH);
  else if (NAME_IN (name, line_elements))
    request (walker, PENDING_LINE);
}

static gboolean
enter_node (Walker  *walker,
            xmlNode *node)
{
  switch ((int) node->type)
    {
    case XML_ELEMENT_NODE:
      return enter_element (walker, node);
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (node->content != NULL)
        add_text (walker, (const char *) node->content);
      return FALSE;
    default:
      return FALSE;
    }
}

/* Iterative, so a hostile document nested a million levels deep cannot
 * exhaust the stack. */
static void
walk_tree (Walker  *walker,
           xmlNode *top)
{
  xmlNode *node = top->children;

  while (node != NULL)
    {
      if (enter_node (walker, node) && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != NULL)
        {
          if (node->type == XML_ELEMENT_NODE)
            leave_element (walker, node);
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == top)
            node = NULL;
        }
    }
}

static char *
convert (const char *html,
         gssize      length,
         gboolean    plain)
{
  Walker walker = { 0, };
  htmlDocPtr doc;
  char *text;

  if (html == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (html);
  if (length == 0 || length > G_MAXINT)
    return g_strdup ("");

  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING);
  if (doc == NULL)
    return g_strdup ("");

  walker.out = g_string_new (NULL);
  walker.styles = g_array_new (FALSE, FALSE, sizeof (Style));
  walker.lists = g_array_new (FALSE, FALSE, sizeof (List));
  walker.plain = plain;

  walk_tree (&walker, (xmlNode *) doc);

  while (walker.styles->len > 0)
    pop_style (&walker, g_array_index (walker.styles, Style, walker.styles->len - 1).node);
  g_array_unref (walker.styles);
  g_array_unref (walker.lists);
  g_free (walker.prefix);
  xmlFreeDoc (doc);

  text = g_utf8_make_valid (walker.out->str, walker.out->len);
  g_string_free (walker.out, TRUE);
  return g_strstrip (text);
}

/**
 * amparo_html_to_simple_text:
 * @html: (nullable): untrusted HTML, UTF-8
 * @length: its length, or -1 if nul-terminated
 *
 * Converts a post's HTML to Amparo's simple text format. Scripts, styles,
 * frames, images, forms and every attribute are dropped; only http(s)
 * and mailto links are kept; entities are decoded.
 *
 * Returns: (transfer full): the simple text, never %NULL
 */
char *
amparo_html_to_simple_text (const char *html,
                            gssize      length)
{
  return convert (html, length, FALSE);
}

/**
 * amparo_html_to_plain_text:
 * @html: (nullable): untrusted HTML, UTF-8
 * @length: its length, or -1 if nul-terminated
 *
 * Converts HTML to one line of plain text, for titles and names.
 *
 * Returns: (transfer full): the text, never %NULL
 */
char *
amparo_html_to_plain_text (const char *html,
                           gssize      length)
{
  return convert (html, length, TRUE);
}

/**
 * amparo_text_collapse_whitespace:
 * @text: (nullable): some text
 *
 * Returns: (transfer full): @text on one line, runs of whitespace made
 *   one space, trimmed
 */
char *
amparo_text_collapse_whitespace (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; )
    {
      gsize n = whitespace_length (p);

      if (n > 0)
        {
          space = out->len > 0;
          p += n;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/**
 * amparo_text_collapse_whitespace_take:
 * @text: (transfer full) (nullable): some text
 *
 * Like amparo_text_collapse_whitespace(), freeing @text.
 *
 * Returns: (transfer full): the collapsed text
 */
char *
amparo_text_collapse_whitespace_take (char *text)
{
  char *collapsed = amparo_text_collapse_whitespace (text);

  g_free (text);
  return collapsed;
}

/**
 * amparo_simple_text_escape:
 * @text: plain text
 *
 * Returns: (transfer full): @text with `\`, `*`, `[` and `]` escaped, so
 *   it reads as itself in the simple text format
 */
char *
amparo_simple_text_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (strchr ("\\*[]", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}
