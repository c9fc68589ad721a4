/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"
#include "amparo-window-state.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_PROCEEDINGS_PANEL (amparo_proceedings_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmparoProceedingsPanel, amparo_proceedings_panel, AMPARO, PROCEEDINGS_PANEL, AdwBin)

void     amparo_proceedings_panel_set_person    (AmparoProceedingsPanel *self,
                                                 AmparoStore            *store,
                                                 AmparoPerson           *person);
gboolean amparo_proceedings_panel_add_event     (AmparoProceedingsPanel *self);
void     amparo_proceedings_panel_save_draft    (AmparoProceedingsPanel *self,
                                                 AmparoWindowState      *state);
void     amparo_proceedings_panel_restore_draft (AmparoProceedingsPanel *self,
                                                 AmparoWindowState      *state);

G_END_DECLS
