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

int amparo_cli_export_csv        (const char  *db_path,
                                  const char  *path);
int amparo_cli_import_csv        (const char  *db_path,
                                  const char  *path);

int amparo_cli_restore           (const char  *db_path,
                                  const char  *backup);

/* postgres (#10) */
/* store (#11): a --database that is not there is refused unless
 * --create was given (a typo must not start an empty store). */
gboolean amparo_cli_store_may_open (const char  *db_path,
                                    gboolean     create);
int amparo_cli_copy_store        (const char  *from,
                                  const char  *to);

/* backup (#10): the shared server's daily backup, on the server host */
int amparo_cli_daily_backup      (const char  *db_path,
                                  const char  *dir,
                                  int          keep);

G_END_DECLS
