/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "amparo-store.h"

G_BEGIN_DECLS

GListStore *amparo_press_get_demands       (AmparoStore   *store,
                                            AmparoRelease *release);
gboolean    amparo_press_demands_changed   (AmparoRelease *release);
void        amparo_press_set_demands_changed (AmparoRelease *release,
                                            gboolean       changed);
gboolean    amparo_press_releases_differ   (AmparoRelease *a,
                                            AmparoRelease *b);
gboolean    amparo_press_is_correcting     (AmparoRelease *release);
void        amparo_press_set_correcting    (AmparoRelease *release,
                                            gboolean       correcting);
gboolean    amparo_press_save_release      (AmparoStore   *store,
                                            AmparoRelease *release,
                                            GError       **error);
const char *amparo_press_title             (AmparoRelease *release,
                                            const char    *language);
gboolean    amparo_press_is_blank          (const char    *text);

G_END_DECLS
