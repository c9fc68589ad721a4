/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * AmparoIsoTable:
 * @AMPARO_ISO_COUNTRIES: ISO 3166-1 countries, by alpha-2 code ("US")
 * @AMPARO_ISO_LANGUAGES: ISO 639-3 living languages, by code ("quc")
 *
 * Countries and languages come from the iso-codes package and its
 * translations (gettext domains `iso_3166-1` and `iso_639-3`), not from
 * Amparo's own catalog: the store keeps codes, the UI shows names in its
 * language.
 */
typedef enum {
  AMPARO_ISO_COUNTRIES,
  AMPARO_ISO_LANGUAGES,
} AmparoIsoTable;

void                amparo_iso_codes_preload        (GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            amparo_iso_codes_preload_finish (GAsyncResult         *result,
                                                     GError              **error);
const char * const *amparo_iso_codes_list      (AmparoIsoTable  table);
const char         *amparo_iso_codes_get_name  (AmparoIsoTable  table,
                                                const char     *code);
char               *amparo_iso_codes_display   (AmparoIsoTable  table,
                                                const char     *value);
const char         *amparo_iso_codes_find_code (AmparoIsoTable  table,
                                                const char     *name);

G_END_DECLS
