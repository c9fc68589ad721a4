/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"
#include "amparo-window-state.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_ADVERSE_PANEL (amparo_adverse_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmparoAdversePanel, amparo_adverse_panel, AMPARO, ADVERSE_PANEL, AdwBin)

void     amparo_adverse_panel_set_person    (AmparoAdversePanel *self,
                                             AmparoStore        *store,
                                             AmparoPerson       *person);
gboolean amparo_adverse_panel_add           (AmparoAdversePanel *self);
void     amparo_adverse_panel_save_draft    (AmparoAdversePanel *self,
                                             AmparoWindowState  *state);
void     amparo_adverse_panel_restore_draft (AmparoAdversePanel *self,
                                             AmparoWindowState  *state);

G_END_DECLS
