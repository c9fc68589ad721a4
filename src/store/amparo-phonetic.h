/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *amparo_phonetic_normalize      (const char *text);
char   **amparo_phonetic_split_words    (const char *text);
char    *amparo_phonetic_key            (const char *word);
guint    amparo_phonetic_edit_distance  (const char *a,
                                         const char *b);
double   amparo_phonetic_similarity     (const char *a,
                                         const char *b);

G_END_DECLS
