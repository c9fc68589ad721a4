/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_ORGANIZATION_PREFERENCES (amparo_organization_preferences_get_type ())

G_DECLARE_FINAL_TYPE (AmparoOrganizationPreferences, amparo_organization_preferences, AMPARO, ORGANIZATION_PREFERENCES, AdwPreferencesPage)

void amparo_organization_preferences_set_store (AmparoOrganizationPreferences *self,
                                                AmparoStore                   *store);
gboolean amparo_organization_preferences_save  (AmparoOrganizationPreferences *self,
                                                GError                       **error);

G_END_DECLS
