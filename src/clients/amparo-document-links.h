/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-record-form.h"
#include "amparo-store.h"

G_BEGIN_DECLS

char *amparo_document_links_describe (AmparoStore      *store,
                                      AmparoDocument   *document);
void  amparo_document_links_add_rows (AmparoRecordForm *form,
                                      AmparoStore      *store,
                                      AmparoPerson     *person);

G_END_DECLS
