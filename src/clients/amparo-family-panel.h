/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"
#include "amparo-window-state.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_FAMILY_PANEL (amparo_family_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmparoFamilyPanel, amparo_family_panel, AMPARO, FAMILY_PANEL, AdwBin)

void     amparo_family_panel_set_person    (AmparoFamilyPanel *self,
                                            AmparoStore       *store,
                                            AmparoPerson      *person);
gboolean amparo_family_panel_add           (AmparoFamilyPanel *self);
guint    amparo_family_panel_find_relatives (AmparoFamilyPanel *self);
gboolean amparo_family_panel_link          (AmparoFamilyPanel *self,
                                            const char        *uid);
void     amparo_family_panel_save_draft    (AmparoFamilyPanel *self,
                                            AmparoWindowState *state);
void     amparo_family_panel_restore_draft (AmparoFamilyPanel *self,
                                            AmparoWindowState *state);

G_END_DECLS
