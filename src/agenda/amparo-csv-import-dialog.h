/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-csv.h"
#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_CSV_IMPORT_DIALOG (amparo_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmparoCsvImportDialog, amparo_csv_import_dialog, AMPARO, CSV_IMPORT_DIALOG, AdwWindow)

AmparoCsvImportDialog *amparo_csv_import_dialog_new    (GtkWindow       *parent,
                                                        AmparoCsvImport *import,
                                                        const char      *file_name);
AmparoCsvImportDialog *amparo_csv_import_dialog_new_for_data (GtkWindow *parent,
                                                        AmparoStore     *store,
                                                        GBytes          *data,
                                                        const char      *file_name);
void                   amparo_csv_import_dialog_choose (GtkWindow       *parent,
                                                        AmparoStore     *store);

G_END_DECLS
