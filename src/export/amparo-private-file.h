/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * AmparoPrivateFileJournal:
 * @path: where the file is about to appear
 * @user_data: closure
 * @error: return location
 *
 * Journals the export of the file. Called after the file's bytes are on
 * disk under a temporary name, before it takes its own: if this fails,
 * the file never appears.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
typedef gboolean (*AmparoPrivateFileJournal) (const char  *path,
                                              gpointer     user_data,
                                              GError     **error);

gboolean  amparo_private_file_write  (const char                *path,
                                      const void                *data,
                                      gsize                      length,
                                      AmparoPrivateFileJournal   journal,
                                      gpointer                   user_data,
                                      GError                   **error);
char     *amparo_private_file_begin  (const char                *path,
                                      GError                   **error);
gboolean  amparo_private_file_finish (const char                *temp_path,
                                      const char                *path,
                                      AmparoPrivateFileJournal   journal,
                                      gpointer                   user_data,
                                      GError                   **error);
void      amparo_private_file_abort  (const char                *temp_path);

G_END_DECLS
