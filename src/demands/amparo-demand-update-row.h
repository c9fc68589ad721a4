/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DEMAND_UPDATE_ROW (amparo_demand_update_row_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDemandUpdateRow, amparo_demand_update_row, AMPARO, DEMAND_UPDATE_ROW, GtkListBoxRow)

GtkWidget *amparo_demand_update_row_new (AmparoDemandUpdate *update);

G_END_DECLS
