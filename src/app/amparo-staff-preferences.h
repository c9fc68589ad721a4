/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_STAFF_PREFERENCES (amparo_staff_preferences_get_type ())
G_DECLARE_FINAL_TYPE (AmparoStaffPreferences, amparo_staff_preferences, AMPARO, STAFF_PREFERENCES, AdwPreferencesPage)

AmparoStaffPreferences *amparo_staff_preferences_new (AmparoStore *store);

G_END_DECLS
