/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-query-hits.h"

#include <stdlib.h>

#include "amparo-person.h"
#include "amparo-search.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/* Typing "mar" over a million persons matches 300,000 of them. Asked of
 * SQL in one query ("matching, in name order, rows 295,000 to 295,200"),
 * SQLite gathers every hit, looks each one up and sorts them all, for
 * every page. Here instead:
 *
 * - the hits are the full-text index's own list of row ids, read once per
 *   search (a few tens of milliseconds for the commonest letters) — and
 *   their number is the list's exact length, since the index holds live
 *   persons only;
 * - pages come from walking the name index (persons_by_sort_name) and
 *   keeping the ids that are hits, from the start for the first pages and
 *   from the end for the last ones, each walk resuming by key where it
 *   stopped. A screenful costs a few hundred index entries when hits are
 *   common; rare hits (fewer than one person in SPARSE_RATIO) are sorted
 *   outright instead, once per search.
 *
 * The two walks never overlap: the one from the start stops where the
 * one from the end has come to, and the other way round. */

/* Hits fewer than one live person in SPARSE_RATIO are sorted outright. */
#define SPARSE_RATIO 16

struct _AmparoQueryHits
{
  AmparoStore *store;
  GArray *hits;               /* gint64, ascending */

  GArray *walked[2];          /* [0] from the start, [1] from the end (last first) */
  char *key_name[2];          /* where each walk stopped */
  gint64 key_id[2];
  gboolean done[2];
};

static const char * const walk_sql[2][2] = {
  { "SELECT id, sort_name FROM persons WHERE deleted_at IS NULL ORDER BY sort_name, id",
    "SELECT id, sort_name FROM persons WHERE deleted_at IS NULL AND (sort_name, id) > (?1, ?2)"
    " ORDER BY sort_name, id" },
  { "SELECT id, sort_name FROM persons WHERE deleted_at IS NULL ORDER BY sort_name DESC, id DESC",
    "SELECT id, sort_name FROM persons WHERE deleted_at IS NULL AND (sort_name, id) < (?1, ?2)"
    " ORDER BY sort_name DESC, id DESC" },
};

/**
 * amparo_query_hits_applies:
 *
 * Returns: whether a query model of @item_type over @where and
 *   @order_terms is the person list searched and sorted by name
 */
gboolean
amparo_query_hits_applies (GType               item_type,
                           const char         *where,
                           const char * const *params,
                           const char * const *order_terms)
{
  return item_type == AMPARO_TYPE_PERSON
         && g_strcmp0 (where, "deleted_at IS NULL AND " AMPARO_SEARCH_PERSONS_FILTER_SQL) == 0
         && params != NULL && params[0] != NULL && params[1] == NULL
         && order_terms != NULL && g_strcmp0 (order_terms[0], "sort_name") == 0
         && order_terms[1] == NULL;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
read_hits (AmparoQueryHits *self,
           const char      *match)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (self->store,
                                                            amparo_search_hits_sql (self->store),
                                                            NULL);
  gboolean sorted = TRUE;
  AmparoDbStep rc;

  if (stmt == NULL)
    return FALSE;
  amparo_db_bind_text (stmt, 1, match);
  while ((rc = amparo_db_step (stmt, NULL)) == AMPARO_DB_ROW)
    {
      gint64 id = amparo_db_column_int64 (stmt, 0);

      if (self->hits->len > 0 && id < g_array_index (self->hits, gint64, self->hits->len - 1))
        sorted = FALSE;
      g_array_append_val (self->hits, id);
    }
  if (!sorted)
    g_array_sort (self->hits, compare_ids);
  return rc == AMPARO_DB_DONE;
}

/* How many persons the store holds at most: its largest id, read from
 * the end of the primary key, the same on both engines. Only the choice
 * between walking and sorting depends on it; on the server the exact
 * count walks the whole table (one desk keeps it, 0027, but the server
 * cannot), and ids of persons deleted for good make this a little high,
 * which only ever means sorting a few more rare hits. */
static gint64
count_persons_at_most (AmparoStore *store)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (store, "SELECT coalesce (max (id), 0) FROM persons",
                                                            NULL);

  if (stmt == NULL || amparo_db_step (stmt, NULL) != AMPARO_DB_ROW)
    return 0;
  return amparo_db_column_int64 (stmt, 0);
}

/* All hits in name order, as the walk from the start would find them. */
static gboolean
sort_all (AmparoQueryHits *self,
          const char      *match)
{
  g_autofree char *where = amparo_search_dialect_where (self->store, AMPARO_SEARCH_PERSONS_FILTER_SQL);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM persons WHERE deleted_at IS NULL AND %s"
                                          " ORDER BY sort_name, id", where);
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (self->store, sql, NULL);
  AmparoDbStep rc;

  if (stmt == NULL)
    return FALSE;
  amparo_db_bind_text (stmt, 1, match);
  while ((rc = amparo_db_step (stmt, NULL)) == AMPARO_DB_ROW)
    {
      gint64 id = amparo_db_column_int64 (stmt, 0);

      g_array_append_val (self->walked[0], id);
    }
  self->done[0] = TRUE;
  /* The list's length is the sorted list's, should the index and the
   * table ever disagree. */
  if (rc == AMPARO_DB_DONE && self->walked[0]->len != self->hits->len)
    g_array_set_size (self->hits, self->walked[0]->len);
  return rc == AMPARO_DB_DONE;
}

/**
 * amparo_query_hits_new:
 * @match: an expression from amparo_search_build_match()
 *
 * Returns: (transfer full) (nullable): the search, or %NULL if the store
 *   could not be read
 */
AmparoQueryHits *
amparo_query_hits_new (AmparoStore *store,
                       const char  *match)
{
  g_autoptr(AmparoQueryHits) self = g_new0 (AmparoQueryHits, 1);

  self->store = g_object_ref (store);
  self->hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < 2; i++)
    self->walked[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!read_hits (self, match))
    return NULL;
  /* Rare hits: a walk would pass over most of the index for a page;
   * sorting them outright is cheaper. */
  if ((gint64) self->hits->len * SPARSE_RATIO < count_persons_at_most (store)
      && !sort_all (self, match))
    return NULL;
  return g_steal_pointer (&self);
}

guint
amparo_query_hits_get_count (AmparoQueryHits *self)
{
  return self->hits->len;
}

static gboolean
is_hit (AmparoQueryHits *self,
        gint64           id)
{
  return bsearch (&id, self->hits->data, self->hits->len, sizeof (gint64), compare_ids) != NULL;
}

/* Walks one way until it holds @wanted ids, or meets the other walk. */
static void
walk (AmparoQueryHits *self,
      guint            way,
      guint            wanted)
{
  GArray *walked = self->walked[way];
  guint limit = self->hits->len - self->walked[!way]->len;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  gboolean resume = self->key_name[way] != NULL;
  AmparoDbStep rc = AMPARO_DB_DONE;

  wanted = MIN (wanted, limit);
  if (walked->len >= wanted || self->done[way])
    return;
  stmt = amparo_store_prepare_stmt (self->store, walk_sql[way][resume], NULL);
  if (stmt == NULL)
    return;
  if (resume)
    {
      amparo_db_bind_text (stmt, 1, self->key_name[way]);
      amparo_db_bind_int64 (stmt, 2, self->key_id[way]);
    }

  while (walked->len < wanted && (rc = amparo_db_step (stmt, NULL)) == AMPARO_DB_ROW)
    {
      gint64 id = amparo_db_column_int64 (stmt, 0);

      if (is_hit (self, id))
        g_array_append_val (walked, id);
    }
  if (rc == AMPARO_DB_ROW)
    {
      char *name = g_strdup (amparo_db_column_text (stmt, 1));

      g_free (self->key_name[way]);
      self->key_name[way] = name;
      self->key_id[way] = amparo_db_column_int64 (stmt, 0);
    }
  else
    self->done[way] = TRUE;
}

static gboolean
lookup (AmparoQueryHits *self,
        guint            position,
        gint64          *id)
{
  guint n = self->hits->len;
  GArray *head = self->walked[0], *tail = self->walked[1];

  if (position < head->len)
    *id = g_array_index (head, gint64, position);
  else if (position >= n - tail->len)
    *id = g_array_index (tail, gint64, n - 1 - position);
  else
    return FALSE;
  return TRUE;
}

/**
 * amparo_query_hits_get_ids:
 * @start: the first position
 * @n: how many
 * @ids: (out caller-allocates) (array length=n): the persons' ids
 *
 * Walks from whichever end of the list is nearer to the page, once: the
 * walk stops only at the page's far end or where the other walk begins,
 * so every position of the page is then known.
 *
 * Returns: whether every position is in the list
 */
gboolean
amparo_query_hits_get_ids (AmparoQueryHits *self,
                           guint            start,
                           guint            n,
                           gint64          *ids)
{
  guint count = self->hits->len;
  guint end = start + n;
  guint head_end = self->walked[0]->len;
  guint tail_start = count - self->walked[1]->len;

  if (end > count || end < start)
    return FALSE;
  if (start >= head_end && end <= tail_start && n > 0)
    {
      if (start - head_end <= tail_start - end)
        walk (self, 0, end);
      else
        walk (self, 1, count - start);
    }
  else if (start < head_end && end > head_end && end <= tail_start)
    walk (self, 0, end);
  else if (end > tail_start && start < tail_start && start >= head_end)
    walk (self, 1, count - start);

  for (guint i = 0; i < n; i++)
    if (!lookup (self, start + i, &ids[i]))
      return FALSE;
  return TRUE;
}

void
amparo_query_hits_free (AmparoQueryHits *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_clear_pointer (&self->hits, g_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->walked[i], g_array_unref);
      g_free (self->key_name[i]);
    }
  g_free (self);
}
