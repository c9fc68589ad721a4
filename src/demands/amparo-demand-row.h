/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DEMAND_ROW (amparo_demand_row_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDemandRow, amparo_demand_row, AMPARO, DEMAND_ROW, GtkBox)

GtkWidget *amparo_demand_row_new  (void);
void       amparo_demand_row_bind (AmparoDemandRow *self,
                                   AmparoStore     *store,
                                   AmparoDemand    *demand);
void       amparo_demand_row_set_edited (AmparoDemandRow *self,
                                   gboolean         edited);

G_END_DECLS
