/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/*
 * A WHERE clause that keeps the persons matching a search; it takes one
 * parameter, the expression from amparo_search_build_match(). For the lazy
 * person list: `SELECT … FROM persons WHERE deleted_at IS NULL AND <this>`.
 */
#define AMPARO_SEARCH_PERSONS_FILTER_SQL \
  "id IN (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ?)"

/*
 * Counting stops here: "m" matches most of a million persons, and
 * counting them all would cost more than a keystroke may take. The UI
 * shows "more than 1,000" instead.
 */
#define AMPARO_SEARCH_MAX_COUNT 1000

/*
 * Hit sets up to this size come back sorted by family and given names;
 * larger ones (a first letter or two) come back newest first, because
 * sorting them would cost more than a frame.
 */
#define AMPARO_SEARCH_SORTED_MAX 300

char    *amparo_search_build_match (const char   *text);
GArray  *amparo_search_persons     (AmparoStore  *store,
                                    const char   *text,
                                    guint         limit,
                                    guint        *n_matches,
                                    GError      **error);

/* postgres (#10): the same filter in the store's dialect */
const char *amparo_search_hits_sql      (AmparoStore *store);
char       *amparo_search_dialect_where (AmparoStore *store,
                                         const char  *where);

G_END_DECLS
