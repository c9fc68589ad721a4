/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_CLIENT_ROW (amparo_client_row_get_type ())

G_DECLARE_FINAL_TYPE (AmparoClientRow, amparo_client_row, AMPARO, CLIENT_ROW, GtkBox)

GtkWidget *amparo_client_row_new  (void);
void       amparo_client_row_bind (AmparoClientRow *self,
                                   AmparoStore     *store,
                                   AmparoPerson    *person);

G_END_DECLS
