/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-markup.h"

#include <string.h>

/* The simple text format of release bodies (HACKING.md): paragraphs
 * separated by a blank line, **bold**, *italic*, [text](https://…) and
 * numbered lines "1. …", a backslash before \\, *, [ or ] for the sign itself.
 * The one renderer of the format: the preview, the PDF, the exports and
 * the website (src/net) all call it. Everything else a person typed is text: it is
 * escaped for the output format, so a "<script>" in a title or body is
 * shown, never run, whether it ends up in HTML, Markdown or a label. */

/**
 * amparo_markup_is_safe_link:
 * @url: (nullable): an address
 *
 * Returns: whether @url is an http, https or mailto address, the only
 *   links Amparo keeps, shows or publishes
 */
gboolean
amparo_markup_is_safe_link (const char *url)
{
  if (url == NULL)
    return FALSE;
  return (g_ascii_strncasecmp (url, "http://", 7) == 0 && url[7] != '\0') ||
         (g_ascii_strncasecmp (url, "https://", 8) == 0 && url[8] != '\0') ||
         (g_ascii_strncasecmp (url, "mailto:", 7) == 0 && url[7] != '\0');
}

/* HTML for the website as much as for files: WordPress's filter turns
 * the XML-only "&apos;" into visible text for authors without the
 * unfiltered-HTML right, so the quote is written as a number. */
static char *
escape_html (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

/* A backslash makes the next \, *, [ or ] itself (how imported text
 * keeps a literal asterisk, src/net/amparo-html-text.c). */
static gboolean
is_escape (const char *p,
           const char *end)
{
  return p[0] == '\\' && p + 1 < end && strchr ("\\*[]", p[1]) != NULL && p[1] != '\0';
}

/* The first @marker in [@p, @end) that is not escaped, or NULL. */
static const char *
find_marker (const char *p,
             const char *end,
             const char *marker)
{
  gsize n = strlen (marker);

  for (; p + n <= end; p++)
    if (is_escape (p, end))
      p++;
    else if (memcmp (p, marker, n) == 0)
      return p;
  return NULL;
}

/**
 * amparo_markup_escape:
 *
 * Returns: (transfer full): @text with nothing in it read as markup
 */
char *
amparo_markup_escape (const char         *text,
                      AmparoMarkupFormat  format)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (format == AMPARO_MARKUP_PANGO)
    return g_markup_escape_text (text, -1);
  if (format == AMPARO_MARKUP_HTML)
    return escape_html (text);
  if (format == AMPARO_MARKUP_PLAIN)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else if (strchr ("\\*_[]`#", *p) != NULL)
        g_string_append_printf (out, "\\%c", *p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_escaped (GString            *out,
                const char         *text,
                gssize              len,
                AmparoMarkupFormat  format)
{
  g_autofree char *part = g_strndup (text, len);
  g_autofree char *escaped = amparo_markup_escape (part, format);

  g_string_append (out, escaped);
}

static void append_inline (GString *out, const char *text, gssize len, AmparoMarkupFormat format);

static void
append_styled (GString            *out,
               const char         *inner,
               gssize              len,
               gboolean            bold,
               AmparoMarkupFormat  format)
{
  static const char *open[][2] = {
    { "<em>", "<strong>" }, { "*", "**" }, { "", "" }, { "<i>", "<b>" },
  };
  static const char *close[][2] = {
    { "</em>", "</strong>" }, { "*", "**" }, { "", "" }, { "</i>", "</b>" },
  };

  g_string_append (out, open[format][bold]);
  append_inline (out, inner, len, format);
  g_string_append (out, close[format][bold]);
}

static void
append_link (GString            *out,
             const char         *label,
             gssize              label_len,
             const char         *url,
             AmparoMarkupFormat  format)
{
  g_autofree char *escaped_url = amparo_markup_escape (url, format == AMPARO_MARKUP_MARKDOWN
                                                       ? AMPARO_MARKUP_PLAIN : format);

  switch (format)
    {
    case AMPARO_MARKUP_HTML:
      g_string_append_printf (out, "<a href=\"%s\">", escaped_url);
      append_inline (out, label, label_len, format);
      g_string_append (out, "</a>");
      break;
    case AMPARO_MARKUP_MARKDOWN:
      g_string_append_c (out, '[');
      append_inline (out, label, label_len, format);
      g_string_append_printf (out, "](<%s>)", escaped_url);
      break;
    case AMPARO_MARKUP_PANGO:
      g_string_append (out, "<u>");
      append_inline (out, label, label_len, format);
      g_string_append_printf (out, "</u> (%s)", escaped_url);
      break;
    case AMPARO_MARKUP_PLAIN:
    default:
      append_inline (out, label, label_len, format);
      g_string_append_printf (out, " (%s)", escaped_url);
      break;
    }
}

/* Returns how many bytes a link at @p takes, or 0 if it is no link. */
static gsize
try_link (GString            *out,
          const char         *p,
          const char         *end,
          AmparoMarkupFormat  format)
{
  const char *mid = find_marker (p, end, "](");
  const char *close;
  g_autofree char *url = NULL;

  if (mid == NULL || memchr (p + 1, '\n', mid - p) != NULL)
    return 0;
  close = memchr (mid + 2, ')', end - (mid + 2));
  if (close == NULL)
    return 0;
  url = g_strstrip (g_strndup (mid + 2, close - (mid + 2)));
  if (!amparo_markup_is_safe_link (url) || strpbrk (url, " \"<>") != NULL)
    return 0;
  append_link (out, p + 1, mid - (p + 1), url, format);
  return close + 1 - p;
}

static gsize
try_style (GString            *out,
           const char         *p,
           const char         *end,
           AmparoMarkupFormat  format)
{
  gboolean bold = p + 1 < end && p[1] == '*';
  const char *marker = bold ? "**" : "*";
  gsize skip = strlen (marker);
  const char *close;

  if (p + skip >= end || g_ascii_isspace (p[skip]))
    return 0;
  close = find_marker (p + skip, end, marker);
  if (close == NULL || close == p + skip)
    return 0;
  append_styled (out, p + skip, close - (p + skip), bold, format);
  return close + skip - p;
}

static void
append_inline (GString            *out,
               const char         *text,
               gssize              len,
               AmparoMarkupFormat  format)
{
  const char *end = text + len;
  const char *plain = text;
  const char *p = text;

  while (p < end)
    {
      g_autoptr(GString) piece = g_string_new (NULL);
      gsize used = 0;

      if (is_escape (p, end))
        {
          append_escaped (out, plain, p - plain, format);
          append_escaped (out, p + 1, 1, format);
          p += 2;
          plain = p;
          continue;
        }
      if (*p == '[')
        used = try_link (piece, p, end, format);
      else if (*p == '*')
        used = try_style (piece, p, end, format);
      if (used == 0)
        {
          p++;
          continue;
        }
      append_escaped (out, plain, p - plain, format);
      g_string_append_len (out, piece->str, piece->len);
      p += used;
      plain = p;
    }
  append_escaped (out, plain, end - plain, format);
}

/* "12. text" → the text after the number, or NULL. */
static const char *
list_item_text (const char *line)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  if ((*p != '.' && *p != ')') || p[1] != ' ')
    return NULL;
  p += 2;
  while (*p == ' ')
    p++;
  return p;
}

/* A list keeps the number it was given first ("3. …" stays 3). */
static guint
list_start (const char *line)
{
  guint64 start = g_ascii_strtoull (line + strspn (line, " "), NULL, 10);

  return start >= 1 && start < 100000 ? (guint) start : 1;
}

static void
open_block (GString            *out,
            gboolean            list,
            guint               start,
            AmparoMarkupFormat  format)
{
  if (out->len > 0)
    g_string_append (out, format == AMPARO_MARKUP_HTML ? "" : "\n");
  if (format != AMPARO_MARKUP_HTML)
    return;
  if (!list)
    g_string_append (out, "<p>");
  else if (start != 1)
    g_string_append_printf (out, "<ol start=\"%u\">\n", start);
  else
    g_string_append (out, "<ol>\n");
}

static void
close_block (GString            *out,
             gboolean            list,
             AmparoMarkupFormat  format)
{
  if (format == AMPARO_MARKUP_HTML)
    g_string_append (out, list ? "</ol>\n" : "</p>\n");
  else if (!list) /* each item already ended its line */
    g_string_append_c (out, '\n');
}

static void
append_line (GString            *out,
             const char         *line,
             const char         *item,
             guint               number,
             gboolean            first,
             AmparoMarkupFormat  format)
{
  if (item != NULL)
    {
      if (format == AMPARO_MARKUP_HTML)
        g_string_append (out, "<li>");
      else
        g_string_append_printf (out, "%u. ", number);
      append_inline (out, item, strlen (item), format);
      g_string_append (out, format == AMPARO_MARKUP_HTML ? "</li>\n" : "\n");
      return;
    }
  if (!first)
    /* No newline after <br>: WordPress would make it a second break. */
    g_string_append (out, format == AMPARO_MARKUP_HTML ? "<br>" : "\n");
  append_inline (out, line, strlen (line), format);
}

/**
 * amparo_markup_render:
 * @text: (nullable): a body in the simple text format
 *
 * Returns: (transfer full): @text in @format, with everything typed
 *   escaped; paragraphs and lists end with a newline
 */
char *
amparo_markup_render (const char         *text,
                      AmparoMarkupFormat  format)
{
  /* Imported text should be UTF-8 already; a stray byte must not cut
   * what follows it. */
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_auto(GStrv) lines = g_strsplit (valid, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  int block = -1; /* -1 none, 0 paragraph, 1 list */
  guint number = 0;
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      const char *item = list_item_text (line);
      int kind = item != NULL ? 1 : 0;

      if (line[strspn (line, " \t")] == '\0')
        {
          if (block >= 0)
            close_block (out, block, format);
          block = -1;
          continue;
        }
      if (block != kind)
        {
          if (block >= 0)
            close_block (out, block, format);
          number = kind == 1 ? list_start (line) - 1 : 0;
          open_block (out, kind, number + 1, format);
          block = kind;
          first = TRUE;
        }
      append_line (out, line, item, ++number, first, format);
      first = FALSE;
    }
  if (block >= 0)
    close_block (out, block, format);
  if (format != AMPARO_MARKUP_HTML)
    while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
      g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * amparo_markup_count_words:
 *
 * Returns: the words of @text as a reader sees them, without the markup
 */
guint
amparo_markup_count_words (const char *text)
{
  g_autofree char *plain = amparo_markup_render (text, AMPARO_MARKUP_PLAIN);
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* The numbers of a list are not words the writer typed. */
      const char *item = list_item_text (lines[i]);
      gboolean in_word = FALSE;

      for (const char *p = item != NULL ? item : lines[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gboolean word_char = g_unichar_isalnum (c) || c == '\'' || c == 0x2019;

          if (word_char && !in_word)
            count++;
          in_word = word_char;
        }
    }
  return count;
}
