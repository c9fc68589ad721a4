/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AMPARO_TYPE_WINDOW_STATE (amparo_window_state_get_type ())

G_DECLARE_FINAL_TYPE (AmparoWindowState, amparo_window_state, AMPARO, WINDOW_STATE, GObject)

AmparoWindowState *amparo_window_state_new         (void);
const char        *amparo_window_state_get_section (AmparoWindowState *self);
void               amparo_window_state_set_section (AmparoWindowState *self,
                                                    const char        *section);
const char        *amparo_window_state_get_search_text (AmparoWindowState *self);
void               amparo_window_state_set_search_text (AmparoWindowState *self,
                                                        const char        *text);
GObject           *amparo_window_state_get_object  (AmparoWindowState *self,
                                                    const char        *key);
void               amparo_window_state_set_object  (AmparoWindowState *self,
                                                    const char        *key,
                                                    GObject           *object);

G_END_DECLS
