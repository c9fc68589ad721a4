/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_HISTORY_PANEL (amparo_history_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmparoHistoryPanel, amparo_history_panel, AMPARO, HISTORY_PANEL, AdwBin)

void amparo_history_panel_set_person (AmparoHistoryPanel *self,
                                      AmparoStore        *store,
                                      AmparoPerson       *person);

G_END_DECLS
