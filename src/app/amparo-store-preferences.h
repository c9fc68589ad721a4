/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_STORE_PREFERENCES (amparo_store_preferences_get_type ())

G_DECLARE_FINAL_TYPE (AmparoStorePreferences, amparo_store_preferences, AMPARO, STORE_PREFERENCES, AdwPreferencesPage)

void        amparo_store_preferences_set_path   (AmparoStorePreferences *self,
                                                 const char             *path);
const char *amparo_store_preferences_get_status (AmparoStorePreferences *self);

char       *amparo_store_server_uri_from_settings (GSettings *settings);
/* backup (#10) */
void        amparo_store_preferences_set_store  (AmparoStorePreferences *self,
                                                 AmparoStore            *store);
const char *amparo_store_preferences_get_backup_status (AmparoStorePreferences *self,
                                                        gboolean               *stale);

G_END_DECLS
