/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"
#include "amparo-store-backup.h"

G_BEGIN_DECLS

/* backup (#10): the shared server's daily backup, made on the server
 * host (`amparo --database=postgresql://… --daily-backup=DIR`) and
 * recorded on the server (pg migration 0025). */

/* Older than this, the newest backup is reported as stale: a daily timer
 * with a random delay of an hour is never this late unless it stopped. */
#define AMPARO_SERVER_BACKUP_STALE_HOURS 36
#define AMPARO_SERVER_BACKUP_KEEP 7

typedef struct
{
  char   *file_name;    /* amparo-2026-12-02.amparo */
  char   *actor;        /* the account that made it, as the server saw it */
  char   *made_at;      /* local time, "2026-12-02 03:14" */
  gint64  age_seconds;  /* by the server's clock */
  gint64  persons;      /* persons in the copy, the Trash included */
  gint64  records;      /* records of every kind in the copy */
  gint64  size_bytes;
} AmparoServerBackupInfo;

void amparo_server_backup_info_free (AmparoServerBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoServerBackupInfo, amparo_server_backup_info_free)

AmparoDailyBackupResult amparo_store_server_daily_backup (AmparoStore             *self,
                                                          const char              *dir,
                                                          guint                    keep,
                                                          char                   **dest,
                                                          AmparoServerBackupInfo **made,
                                                          GError                 **error);

gboolean amparo_store_get_last_server_backup (AmparoStore             *self,
                                              gboolean                *readable,
                                              AmparoServerBackupInfo **info,
                                              GError                 **error);

char *amparo_store_describe_server_backup (AmparoStore  *self,
                                           gboolean     *stale,
                                           GError      **error);

G_END_DECLS
