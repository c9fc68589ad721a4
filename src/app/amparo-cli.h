/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int amparo_cli_run_store_command (const char  *db_path,
                                  const char  *backup_to,
                                  gboolean     check,
                                  gboolean     load_sample,
                                  GError     **error);

int amparo_cli_import_feed       (const char  *db_path,
                                  const char  *url);

G_END_DECLS
