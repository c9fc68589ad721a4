/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DOCUMENTS_PANEL (amparo_documents_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDocumentsPanel, amparo_documents_panel, AMPARO, DOCUMENTS_PANEL, AdwBin)

/* The thumbnails' largest side, in pixels. */
#define AMPARO_DOCUMENTS_THUMBNAIL_SIZE 64

void     amparo_documents_panel_set_person   (AmparoDocumentsPanel *self,
                                              AmparoStore          *store,
                                              AmparoPerson         *person);
void     amparo_documents_panel_accept_drops (AmparoDocumentsPanel *self,
                                              GtkWidget            *page);
void     amparo_documents_panel_add_files    (AmparoDocumentsPanel *self,
                                              GSList               *files);
gboolean amparo_documents_panel_add_bytes    (AmparoDocumentsPanel *self,
                                              GBytes               *bytes,
                                              const char           *file_name,
                                              GError              **error);
guint    amparo_documents_panel_get_n_pending (AmparoDocumentsPanel *self);

G_END_DECLS
