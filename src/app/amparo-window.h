/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-main-view.h"
#include "amparo-window-state.h"
#include "amparo-privacy-view.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_WINDOW (amparo_window_get_type ())

G_DECLARE_FINAL_TYPE (AmparoWindow, amparo_window, AMPARO, WINDOW, AdwApplicationWindow)

AmparoWindow      *amparo_window_new           (GtkApplication *application,
                                                AmparoStore    *store);
void               amparo_window_rebuild       (AmparoWindow   *self);
void               amparo_window_add_toast     (AmparoWindow   *self,
                                                AdwToast       *toast);
AmparoMainView    *amparo_window_get_main_view (AmparoWindow   *self);
AmparoWindowState *amparo_window_get_state     (AmparoWindow   *self);
/* privacy (#17) */
gboolean           amparo_window_is_locked     (AmparoWindow   *self);
AmparoPrivacyView *amparo_window_get_privacy_view (AmparoWindow *self);

G_END_DECLS
