/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

/*
 * One mechanism for a folder of daily backups (amparo-store-backup.c),
 * used by a desk's `backups` folder and by the shared server's
 * `--daily-backup=DIR`: today's copy PREFIX-YYYY-MM-DD SUFFIX, made
 * under a lock unless a sound one exists, stale partial copies removed,
 * the last @keep kept. Only how the copy is made differs.
 */

typedef enum
{
  AMPARO_DAILY_BACKUP_FAILED,   /* error set; the folder's backups untouched */
  AMPARO_DAILY_BACKUP_MADE,     /* today's copy was made now */
  AMPARO_DAILY_BACKUP_EXISTED,  /* today's sound copy was already there */
  AMPARO_DAILY_BACKUP_BUSY,     /* another process is making it now */
} AmparoDailyBackupResult;

typedef struct
{
  const char *dir;     /* made (0700) if missing */
  const char *prefix;  /* "amparo-" */
  const char *suffix;  /* ".db", ".amparo" */
  guint       keep;    /* how many days to keep, at least 1 */
} AmparoDailyBackupFolder;

/* Writes a checked copy at @dest (through partial files whose names
 * start with @dest followed by ".partial"), or sets @error and leaves
 * nothing behind. */
typedef gboolean (*AmparoDailyCopyFunc) (const char  *dest,
                                         gpointer     user_data,
                                         GError     **error);

AmparoDailyBackupResult amparo_store_daily_backup_in (const AmparoDailyBackupFolder *folder,
                                                      AmparoDailyCopyFunc            copy,
                                                      gpointer                       user_data,
                                                      char                         **dest,
                                                      GError                       **error);

gboolean amparo_store_journal_backup (AmparoStore  *self,
                                      const char   *dest,
                                      GError      **error);

G_END_DECLS
