/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"
#include "amparo-window-state.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_WHEREABOUTS_PANEL (amparo_whereabouts_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmparoWhereaboutsPanel, amparo_whereabouts_panel, AMPARO, WHEREABOUTS_PANEL, AdwBin)

void     amparo_whereabouts_panel_set_person    (AmparoWhereaboutsPanel *self,
                                                 AmparoStore            *store,
                                                 AmparoPerson           *person);
gboolean amparo_whereabouts_panel_add           (AmparoWhereaboutsPanel *self);
void     amparo_whereabouts_panel_save_draft    (AmparoWhereaboutsPanel *self,
                                                 AmparoWindowState      *state);
void     amparo_whereabouts_panel_restore_draft (AmparoWhereaboutsPanel *self,
                                                 AmparoWindowState      *state);

G_END_DECLS
