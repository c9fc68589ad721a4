/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DEMAND_MERGE_DIALOG (amparo_demand_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDemandMergeDialog, amparo_demand_merge_dialog, AMPARO, DEMAND_MERGE_DIALOG, AdwMessageDialog)

AmparoDemandMergeDialog *amparo_demand_merge_dialog_new       (GtkWindow    *parent,
                                                               AmparoStore  *store,
                                                               AmparoDemand *survivor);
AmparoDemand            *amparo_demand_merge_dialog_get_other (AmparoDemandMergeDialog *self);
gboolean                 amparo_demand_merge_dialog_select    (AmparoDemandMergeDialog *self,
                                                               AmparoDemand            *other);

G_END_DECLS
