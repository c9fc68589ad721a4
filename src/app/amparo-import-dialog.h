/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_IMPORT_DIALOG (amparo_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmparoImportDialog, amparo_import_dialog, AMPARO, IMPORT_DIALOG, AdwWindow)

AmparoImportDialog *amparo_import_dialog_new         (GtkWindow          *parent,
                                                      AmparoStore        *store);
void                amparo_import_dialog_set_address (AmparoImportDialog *self,
                                                      const char         *address);
void                amparo_import_dialog_start       (AmparoImportDialog *self);
const char         *amparo_import_dialog_get_stage   (AmparoImportDialog *self);

G_END_DECLS
