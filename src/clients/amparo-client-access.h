/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/* roles (#17): on a client page, what the role may not see is hidden
 * and a line in its place says who sees it. */
void amparo_client_access_apply (AmparoStore         *store,
                                 AdwPreferencesGroup *profile_group,
                                 GtkWidget           *notes_row,
                                 GtkBox              *record_box,
                                 GtkWidget           *proceedings_panel,
                                 GtkWidget           *adverse_panel);

G_END_DECLS
