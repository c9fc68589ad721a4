/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMPARO_TYPE_PREFERENCES_WINDOW (amparo_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AmparoPreferencesWindow, amparo_preferences_window, AMPARO, PREFERENCES_WINDOW, AdwPreferencesWindow)

AmparoPreferencesWindow *amparo_preferences_window_new (GtkWindow  *parent,
                                                        const char *database_path);

G_END_DECLS
