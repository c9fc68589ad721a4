/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoQueryModel:
 *
 * A #GListModel of records of one kind, read lazily from the store.
 *
 * The number of items comes from a `count(*)`; items are read a page
 * (200 rows) at a time when asked for, and only a few pages are kept
 * (least recently used are dropped), so a list over a million persons
 * opens at once and stays small in memory. Walking forward, the next page
 * is found by the sort key of the last row (no OFFSET scan).
 *
 * The model listens to #AmparoStore::record-changed and refreshes itself
 * (one `items-changed` for the whole list) when a record of its kind
 * changes.
 *
 * Properties: `store`, `item-type` (construct-only).
 */
#define AMPARO_TYPE_QUERY_MODEL (amparo_query_model_get_type ())
G_DECLARE_FINAL_TYPE (AmparoQueryModel, amparo_query_model, AMPARO, QUERY_MODEL, GObject)

AmparoQueryModel *amparo_query_model_new         (AmparoStore        *store,
                                                  GType               item_type,
                                                  const char         *where,
                                                  const char * const *params,
                                                  const char * const *order_by);
void              amparo_query_model_refresh     (AmparoQueryModel   *self);
void              amparo_query_model_watch_type  (AmparoQueryModel   *self,
                                                  GType               record_type);
guint             amparo_query_model_get_n_cached (AmparoQueryModel  *self);
guint             amparo_query_model_find_cached (AmparoQueryModel   *self,
                                                  gint64              id);
guint             amparo_query_model_get_n_reads (AmparoQueryModel   *self);
AmparoStore      *amparo_query_model_get_store   (AmparoQueryModel   *self);

/* Performance (#14): what rows show of other records, read with the page. */
void              amparo_query_model_set_extra_columns (AmparoQueryModel   *self,
                                                        const char * const *columns);
const char       *amparo_query_model_get_extra         (gpointer            record,
                                                        guint               column);
void              amparo_query_model_watch_rows        (AmparoQueryModel   *self,
                                                        GType               record_type,
                                                        const char         *property,
                                                        const char         *other_property);

G_END_DECLS
