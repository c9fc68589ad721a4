/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMPARO_TYPE_WEBSITE_PREFERENCES (amparo_website_preferences_get_type ())

G_DECLARE_FINAL_TYPE (AmparoWebsitePreferences, amparo_website_preferences, AMPARO, WEBSITE_PREFERENCES, AdwPreferencesPage)

const char *amparo_website_preferences_get_status (AmparoWebsitePreferences *self);

G_END_DECLS
