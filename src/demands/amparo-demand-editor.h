/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DEMAND_EDITOR (amparo_demand_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDemandEditor, amparo_demand_editor, AMPARO, DEMAND_EDITOR, AdwBin)

void           amparo_demand_editor_set_store  (AmparoDemandEditor *self,
                                                AmparoStore        *store);
AmparoDemand  *amparo_demand_editor_get_demand (AmparoDemandEditor *self);
void           amparo_demand_editor_set_demand (AmparoDemandEditor *self,
                                                AmparoDemand       *demand);
GtkTextBuffer *amparo_demand_editor_get_buffer (AmparoDemandEditor *self,
                                                const char         *language);
void           amparo_demand_editor_focus_text (AmparoDemandEditor *self);
gboolean       amparo_demand_editor_check      (AmparoDemandEditor *self,
                                                gboolean            focus);

G_END_DECLS
