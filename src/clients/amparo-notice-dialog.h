/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_NOTICE_DIALOG (amparo_notice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AmparoNoticeDialog, amparo_notice_dialog, AMPARO, NOTICE_DIALOG, AdwWindow)

AmparoNoticeDialog *amparo_notice_dialog_new     (GtkWindow    *parent,
                                                  AmparoStore  *store,
                                                  AmparoPerson *person,
                                                  GBytes       *document,
                                                  const char   *content_type);
void                amparo_notice_dialog_present (GtkWidget    *parent,
                                                  AmparoStore  *store,
                                                  AmparoPerson *person,
                                                  GBytes       *document,
                                                  const char   *content_type);

G_END_DECLS
