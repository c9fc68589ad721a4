/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"
#include "amparo-window-state.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_CLIENT_EDITOR (amparo_client_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmparoClientEditor, amparo_client_editor, AMPARO, CLIENT_EDITOR, AdwBin)

void          amparo_client_editor_edit         (AmparoClientEditor *self,
                                                 AmparoStore        *store,
                                                 AmparoPerson       *person,
                                                 AmparoPerson       *original);
AmparoPerson *amparo_client_editor_get_person   (AmparoClientEditor *self);
AmparoPerson *amparo_client_editor_get_original (AmparoClientEditor *self);
gboolean      amparo_client_editor_get_dirty    (AmparoClientEditor *self);
gboolean      amparo_client_editor_save         (AmparoClientEditor *self);
void          amparo_client_editor_revert       (AmparoClientEditor *self);
void          amparo_client_editor_focus_first  (AmparoClientEditor *self);
void          amparo_client_editor_save_drafts  (AmparoClientEditor *self,
                                                 AmparoWindowState  *state);
void          amparo_client_editor_restore_drafts (AmparoClientEditor *self,
                                                 AmparoWindowState  *state);

void          amparo_client_editor_activate     (AmparoClientEditor *self,
                                                 const char         *action,
                                                 const char         *uid);

G_END_DECLS
