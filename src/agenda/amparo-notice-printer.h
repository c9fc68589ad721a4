/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_NOTICE_PRINTER (amparo_notice_printer_get_type ())

G_DECLARE_FINAL_TYPE (AmparoNoticePrinter, amparo_notice_printer, AMPARO, NOTICE_PRINTER, GObject)

AmparoNoticePrinter *amparo_notice_printer_new      (AmparoStore         *store,
                                                     AmparoPerson        *person,
                                                     const char          *language);
GtkPrintOperationResult
                     amparo_notice_printer_print    (AmparoNoticePrinter *self,
                                                     GtkWindow           *parent,
                                                     GError             **error);
gboolean             amparo_notice_printer_export   (AmparoNoticePrinter *self,
                                                     const char          *path,
                                                     GError             **error);
char                *amparo_notice_printer_file_basename (AmparoPerson *person,
                                                     const char          *language);
void                 amparo_notice_printer_run      (GtkWidget           *widget,
                                                     AmparoStore         *store,
                                                     AmparoPerson        *person);

G_END_DECLS
