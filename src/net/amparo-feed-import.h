/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoImportSkip:
 * @position: the item's position in the feed, from 1
 * @title: (nullable): its title, if it had one
 * @reason: a translated sentence saying why it was not imported
 */
typedef struct
{
  guint  position;
  char  *title;
  char  *reason;
} AmparoImportSkip;

/**
 * AmparoImportDemands:
 * @release: the new or updated release
 * @demands_en: (array zero-terminated=1): numbered demands in English
 * @demands_es: (array zero-terminated=1): numbered demands in Spanish
 *
 * Demands found in an imported release, to offer for linking to the
 * demands already tracked (amparo_store_set_release_demands()).
 */
typedef struct
{
  AmparoRelease  *release;
  char          **demands_en;
  char          **demands_es;
} AmparoImportDemands;

/**
 * AmparoImportReport:
 * @n_new: releases created
 * @n_updated: releases whose post changed on the site
 * @n_unchanged: releases already up to date
 * @skipped: (element-type AmparoImportSkip): items not imported, in order
 * @demands: (element-type AmparoImportDemands): demands found in new or
 *   updated releases
 * @n_summaries: posts of a WordPress feed that gave only a summary
 * @timezone: the zone the release dates are in: the site's when it says
 *   (WordPress), else the computer's
 */
typedef struct
{
  guint      n_new;
  guint      n_updated;
  guint      n_unchanged;
  GPtrArray *skipped;
  GPtrArray *demands;
  guint      n_summaries;
  char      *timezone;
} AmparoImportReport;

/**
 * AmparoImportProgressFunc:
 * @done: items read so far
 * @total: items in the feed, 0 while it is still being downloaded
 * @user_data: closure
 *
 * Called in the main context of the caller of amparo_feed_import_async().
 */
typedef void (*AmparoImportProgressFunc) (guint    done,
                                          guint    total,
                                          gpointer user_data);

void                amparo_import_report_free    (AmparoImportReport *report);
char               *amparo_import_report_to_text (AmparoImportReport *report);
char               *amparo_import_report_notes   (AmparoImportReport *report);

void                amparo_feed_import_async     (AmparoStore              *store,
                                                  const char               *address,
                                                  AmparoImportProgressFunc  progress,
                                                  gpointer                  progress_data,
                                                  GDestroyNotify            progress_data_free,
                                                  GCancellable             *cancellable,
                                                  GAsyncReadyCallback       callback,
                                                  gpointer                  user_data);
AmparoImportReport *amparo_feed_import_finish    (AmparoStore              *store,
                                                  GAsyncResult             *result,
                                                  GError                  **error);

AmparoDemand       *amparo_import_suggest_demand (AmparoStore              *store,
                                                  const char               *demand_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoImportReport, amparo_import_report_free)

G_END_DECLS
