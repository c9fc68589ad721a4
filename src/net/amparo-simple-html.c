/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-simple-html.h"

#include <string.h>

#include "amparo-html-text.h"

/* The simple text format (HACKING.md) rendered as escaped HTML for the
 * website. A small converter of its own because src/export had none when
 * publishing was written; every character of the text is escaped, so
 * nothing typed or imported can become markup. */

typedef struct
{
  GString *out;
  GArray  *open;   /* of const char *: "strong", "em" */
} Inline;

static void
append_escaped_char (GString *out,
                     char     c)
{
  switch (c)
    {
    case '&': g_string_append (out, "&amp;"); break;
    case '<': g_string_append (out, "&lt;"); break;
    case '>': g_string_append (out, "&gt;"); break;
    case '"': g_string_append (out, "&quot;"); break;
    case '\'': g_string_append (out, "&#39;"); break;
    default: g_string_append_c (out, c);
    }
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  for (gssize i = 0; length < 0 ? text[i] != '\0' : i < length; i++)
    append_escaped_char (out, text[i]);
}

static void
toggle (Inline     *state,
        const char *tag)
{
  int at = -1;

  for (guint i = 0; i < state->open->len; i++)
    if (strcmp (g_array_index (state->open, const char *, i), tag) == 0)
      at = i;

  if (at < 0)
    {
      g_string_append_printf (state->out, "<%s>", tag);
      g_array_append_val (state->open, tag);
      return;
    }

  /* Close what was opened inside it, close it, reopen the rest. */
  for (guint i = state->open->len; i > (guint) at; i--)
    g_string_append_printf (state->out, "</%s>", g_array_index (state->open, const char *, i - 1));
  g_array_remove_index (state->open, at);
  for (guint i = at; i < state->open->len; i++)
    g_string_append_printf (state->out, "<%s>", g_array_index (state->open, const char *, i));
}

static void render_inline (Inline *state, const char *text, gsize length);

/* "[text](url)" at @text; returns the bytes used, 0 if it is no link. */
static gsize
render_link (Inline     *state,
             const char *text,
             gsize       length)
{
  gsize close_bracket = 0, close_paren = 0;
  g_autofree char *url = NULL;

  for (gsize i = 1; i < length && close_bracket == 0; i++)
    if (text[i] == '\\')
      i++;
    else if (text[i] == ']')
      close_bracket = i;
  if (close_bracket == 0 || close_bracket + 1 >= length || text[close_bracket + 1] != '(')
    return 0;
  for (gsize i = close_bracket + 2; i < length && close_paren == 0; i++)
    if (text[i] == ')')
      close_paren = i;
    else if (text[i] == ' ' || text[i] == '\n')
      return 0;
  if (close_paren == 0)
    return 0;

  url = g_strndup (text + close_bracket + 2, close_paren - close_bracket - 2);
  if (amparo_url_is_safe_link (url))
    {
      g_string_append (state->out, "<a href=\"");
      append_escaped (state->out, url, -1);
      g_string_append (state->out, "\">");
      render_inline (state, text + 1, close_bracket - 1);
      g_string_append (state->out, "</a>");
    }
  else
    render_inline (state, text + 1, close_bracket - 1);

  return close_paren + 1;
}

static void
render_inline (Inline     *state,
               const char *text,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      gsize used;

      if (text[i] == '\\' && i + 1 < length)
        append_escaped_char (state->out, text[++i]);
      else if (text[i] == '*' && i + 1 < length && text[i + 1] == '*')
        {
          toggle (state, "strong");
          i++;
        }
      else if (text[i] == '*')
        toggle (state, "em");
      else if (text[i] == '[' && (used = render_link (state, text + i, length - i)) > 0)
        i += used - 1;
      else if (text[i] == '\n')
        g_string_append (state->out, "<br>");
      else
        append_escaped_char (state->out, text[i]);
    }
}

static void
render_text (GString    *out,
             const char *text)
{
  Inline state = { out, g_array_new (FALSE, FALSE, sizeof (const char *)) };

  render_inline (&state, text, strlen (text));
  for (guint i = state.open->len; i > 0; i--)
    g_string_append_printf (out, "</%s>", g_array_index (state.open, const char *, i - 1));
  g_array_unref (state.open);
}

/* The number of a "12. item" line, or 0. */
static int
list_number (const char  *line,
             const char **item)
{
  int number = 0;
  const char *p = line;

  while (g_ascii_isdigit (*p) && p - line < 6)
    number = number * 10 + (*p++ - '0');
  if (p == line || p[0] != '.' || p[1] != ' ')
    return 0;

  *item = p + 2;
  return number;
}

static gboolean
is_list (char **lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *item;

      if (list_number (lines[i], &item) == 0)
        return FALSE;
    }

  return lines[0] != NULL;
}

static void
render_list (GString  *out,
             char    **lines)
{
  const char *item = NULL;
  int start = list_number (lines[0], &item);

  if (start != 1)
    g_string_append_printf (out, "<ol start=\"%d\">\n", start);
  else
    g_string_append (out, "<ol>\n");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      list_number (lines[i], &item);
      g_string_append (out, "<li>");
      render_text (out, item);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");
}

/**
 * amparo_simple_text_to_html:
 * @text: (nullable): simple text
 *
 * Renders simple text as HTML: paragraphs, line breaks, bold, italic,
 * http(s)/mailto links and numbered lists; everything else is escaped.
 *
 * Returns: (transfer full): the HTML
 */
char *
amparo_simple_text_to_html (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* GRegex needs valid UTF-8; the store should only hold that anyway. */
  valid = g_utf8_make_valid (text, -1);
  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", valid, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *paragraph = g_strstrip (g_strdup (paragraphs[i]));
      g_auto(GStrv) lines = NULL;

      if (*paragraph == '\0')
        continue;
      lines = g_strsplit (paragraph, "\n", -1);
      if (is_list (lines))
        {
          render_list (out, lines);
          continue;
        }
      g_string_append (out, "<p>");
      render_text (out, paragraph);
      g_string_append (out, "</p>\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
