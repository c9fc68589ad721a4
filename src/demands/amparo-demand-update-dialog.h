/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DEMAND_UPDATE_DIALOG (amparo_demand_update_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDemandUpdateDialog, amparo_demand_update_dialog, AMPARO, DEMAND_UPDATE_DIALOG, AdwMessageDialog)

AmparoDemandUpdateDialog *amparo_demand_update_dialog_new        (GtkWindow    *parent,
                                                                  AmparoDemand *demand);
AmparoDemandUpdate       *amparo_demand_update_dialog_get_update (AmparoDemandUpdateDialog *self);

G_END_DECLS
