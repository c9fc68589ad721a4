/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmparoMarkupFormat:
 * @AMPARO_MARKUP_HTML: escaped HTML (`<p>`, `<ol>`, `<strong>`, `<em>`, `<a>`)
 * @AMPARO_MARKUP_MARKDOWN: Markdown with `<`, `>` and `&` as entities
 * @AMPARO_MARKUP_PLAIN: plain text, links written as "text (URL)"
 * @AMPARO_MARKUP_PANGO: Pango markup for labels and PDF layouts
 *
 * What the simple text format of release bodies (HACKING.md) turns into.
 */
typedef enum {
  AMPARO_MARKUP_HTML,
  AMPARO_MARKUP_MARKDOWN,
  AMPARO_MARKUP_PLAIN,
  AMPARO_MARKUP_PANGO,
} AmparoMarkupFormat;

char  *amparo_markup_render      (const char         *text,
                                  AmparoMarkupFormat  format);
char  *amparo_markup_escape      (const char         *text,
                                  AmparoMarkupFormat  format);
gboolean amparo_markup_is_safe_link (const char      *url);
guint  amparo_markup_count_words (const char         *text);

G_END_DECLS
