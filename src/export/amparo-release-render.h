/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-markup.h"
#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoReleaseLanguage:
 * @AMPARO_RELEASE_ENGLISH: the English version
 * @AMPARO_RELEASE_SPANISH: the Spanish version
 * @AMPARO_RELEASE_COMBINED: English, "Español abajo", then Spanish
 */
typedef enum {
  AMPARO_RELEASE_ENGLISH,
  AMPARO_RELEASE_SPANISH,
  AMPARO_RELEASE_COMBINED,
} AmparoReleaseLanguage;

/**
 * AmparoReleaseFile:
 * @AMPARO_RELEASE_FILE_HTML: a standalone HTML page
 * @AMPARO_RELEASE_FILE_MARKDOWN: Markdown
 * @AMPARO_RELEASE_FILE_TEXT: plain text
 * @AMPARO_RELEASE_FILE_PDF: a PDF drawn with cairo and Pango
 */
typedef enum {
  AMPARO_RELEASE_FILE_HTML,
  AMPARO_RELEASE_FILE_MARKDOWN,
  AMPARO_RELEASE_FILE_TEXT,
  AMPARO_RELEASE_FILE_PDF,
} AmparoReleaseFile;

const char *amparo_release_phrase      (const char            *key,
                                        const char            *language);
char       *amparo_release_render      (AmparoRelease         *release,
                                        GPtrArray             *demands,
                                        AmparoOrganization    *organization,
                                        AmparoReleaseLanguage  language,
                                        AmparoMarkupFormat     format);
gboolean    amparo_release_write_file  (AmparoRelease         *release,
                                        GPtrArray             *demands,
                                        AmparoOrganization    *organization,
                                        AmparoReleaseLanguage  language,
                                        AmparoReleaseFile      file,
                                        const char            *path,
                                        GError               **error);
const char *amparo_release_file_extension (AmparoReleaseFile   file);

G_END_DECLS
