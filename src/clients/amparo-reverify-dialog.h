/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_REVERIFY_DIALOG (amparo_reverify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AmparoReverifyDialog, amparo_reverify_dialog, AMPARO, REVERIFY_DIALOG, AdwWindow)

AmparoReverifyDialog *amparo_reverify_dialog_new (GtkWindow   *parent,
                                                  AmparoStore *store);

G_END_DECLS
