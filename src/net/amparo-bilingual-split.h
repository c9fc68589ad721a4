/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmparoBilingualText:
 * @title_en: the English title (the post's title when no split is found)
 * @body_en: the English body, simple text
 * @title_es: (nullable): the Spanish title, when the post shows one
 * @body_es: (nullable): the Spanish body, %NULL when the post has no
 *   Spanish part
 * @demands_en: (array zero-terminated=1): numbered demands in the English
 *   body, in order (item n is demand n + 1); empty when there are none
 * @demands_es: (array zero-terminated=1): the same for the Spanish body
 */
typedef struct
{
  char  *title_en;
  char  *body_en;
  char  *title_es;
  char  *body_es;
  char **demands_en;
  char **demands_es;
} AmparoBilingualText;

void                  amparo_bilingual_text_free (AmparoBilingualText *text);

AmparoBilingualText  *amparo_bilingual_split     (const char *title,
                                                  const char *body);
char                **amparo_extract_demands     (const char *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoBilingualText, amparo_bilingual_text_free)

G_END_DECLS
