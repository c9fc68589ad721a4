/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_TRASH_DIALOG (amparo_trash_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AmparoTrashDialog, amparo_trash_dialog, AMPARO, TRASH_DIALOG, AdwWindow)

AmparoTrashDialog *amparo_trash_dialog_new (GtkWindow   *parent,
                                            AmparoStore *store);

G_END_DECLS
