/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *amparo_html_to_simple_text            (const char *html,
                                             gssize      length);
char *amparo_html_to_plain_text             (const char *html,
                                             gssize      length);
char *amparo_text_collapse_whitespace       (const char *text);
char *amparo_text_collapse_whitespace_take  (char       *text);
char *amparo_simple_text_escape             (const char *text);

G_END_DECLS
