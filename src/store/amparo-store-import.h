/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

typedef struct _AmparoStoreSearchBatch AmparoStoreSearchBatch;

AmparoStoreSearchBatch *amparo_store_search_batch_begin  (AmparoStore             *store,
                                                          GError                 **error);
void                    amparo_store_search_batch_note_inserted (AmparoStoreSearchBatch  *batch,
                                                          AmparoRecord            *record);
gboolean                amparo_store_search_batch_finish (AmparoStoreSearchBatch  *batch,
                                                          GError                 **error);
void                    amparo_store_search_batch_free   (AmparoStoreSearchBatch  *batch);

G_END_DECLS
