/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

/* Internal to AmparoQueryModel: a search of the person list in name
 * order, paged through the full-text index and the name index. */
typedef struct _AmparoQueryHits AmparoQueryHits;

gboolean         amparo_query_hits_applies   (GType               item_type,
                                              const char         *where,
                                              const char * const *params,
                                              const char * const *order_terms);
AmparoQueryHits *amparo_query_hits_new       (AmparoStore        *store,
                                              const char         *match);
guint            amparo_query_hits_get_count (AmparoQueryHits    *self);
gboolean         amparo_query_hits_get_ids   (AmparoQueryHits    *self,
                                              guint               start,
                                              guint               n,
                                              gint64             *ids);
void             amparo_query_hits_free      (AmparoQueryHits    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoQueryHits, amparo_query_hits_free)

G_END_DECLS
