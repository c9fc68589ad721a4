/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_CONTACTS_PANEL (amparo_contacts_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmparoContactsPanel, amparo_contacts_panel, AMPARO, CONTACTS_PANEL, AdwBin)

void amparo_contacts_panel_set_person (AmparoContactsPanel *self,
                                       AmparoStore         *store,
                                       AmparoPerson        *person);

G_END_DECLS
