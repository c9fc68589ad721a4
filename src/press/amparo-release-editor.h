/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_RELEASE_EDITOR (amparo_release_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmparoReleaseEditor, amparo_release_editor, AMPARO, RELEASE_EDITOR, AdwBin)

void           amparo_release_editor_set_store    (AmparoReleaseEditor *self,
                                                   AmparoStore         *store);
void           amparo_release_editor_set_release  (AmparoReleaseEditor *self,
                                                   AmparoRelease       *release);
void           amparo_release_editor_set_editable (AmparoReleaseEditor *self,
                                                   gboolean             editable);
gboolean       amparo_release_editor_check        (AmparoReleaseEditor *self,
                                                   gboolean             focus);
void           amparo_release_editor_focus_title  (AmparoReleaseEditor *self);

G_END_DECLS
