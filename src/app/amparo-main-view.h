/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"
#include "amparo-window-state.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_MAIN_VIEW (amparo_main_view_get_type ())

G_DECLARE_FINAL_TYPE (AmparoMainView, amparo_main_view, AMPARO, MAIN_VIEW, AdwBin)

AmparoMainView *amparo_main_view_new          (AmparoStore       *store,
                                               AmparoWindowState *state);
void            amparo_main_view_focus_search (AmparoMainView    *self);
void            amparo_main_view_save_state   (AmparoMainView    *self);
GtkWidget      *amparo_main_view_get_page     (AmparoMainView    *self,
                                               const char        *section);
GtkWidget      *amparo_main_view_get_built_page (AmparoMainView  *self,
                                                 const char      *section);

G_END_DECLS
