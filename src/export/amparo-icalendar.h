/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/* The domain after "@" in every exported UID, so a UID stays stable and
 * unique across exports: "<event uid>@" AMPARO_ICALENDAR_UID_DOMAIN. */
#define AMPARO_ICALENDAR_UID_DOMAIN "amparo.io.github"

char     *amparo_icalendar_build         (AmparoStore  *store,
                                          GListModel   *events,
                                          GDateTime    *stamp);
gboolean  amparo_icalendar_journal       (AmparoStore  *store,
                                          GListModel   *events,
                                          const char   *destination,
                                          GError      **error);
gboolean  amparo_icalendar_write         (AmparoStore  *store,
                                          GListModel   *events,
                                          const char   *path,
                                          GError      **error);
gboolean  amparo_icalendar_write_person  (AmparoStore  *store,
                                          AmparoPerson *person,
                                          const char   *path,
                                          GError      **error);

G_END_DECLS
