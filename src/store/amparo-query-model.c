/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <string.h>

#include "amparo-query-model.h"
#include "amparo-query-hits.h"
#include "amparo-record-private.h"
#include "amparo-search.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

#define PAGE_SIZE 200
#define MAX_PAGES 8
/* Reading a page this far down by OFFSET costs a few milliseconds. */
#define CHEAP_OFFSET 10000

typedef struct
{
  guint index;
  GPtrArray *items;           /* AmparoRecord */
  /* Sort key of the last row (order terms, then id), to read the next
   * page by key instead of by OFFSET, as text (NULL for SQL NULL); the
   * array is NULL when it cannot be used. */
  char **last_key;
  guint n_keys;
} Page;

struct _AmparoQueryModel
{
  GObject parent_instance;

  AmparoStore *store;
  GType item_type;
  char *where;
  GStrv params;
  GStrv order_terms;
  gboolean keyset;            /* every order term plain, all one way */
  gboolean descending;        /* … and that way is down */

  GArray *watched;            /* other kinds the rows depend on */
  /* The person list searched, in name order (see amparo-query-hits.c). */
  gboolean by_hits;
  AmparoQueryHits *hits;
  GArray *row_sources;        /* RowSource: kinds that rows show */
  GStrv extra_columns;        /* SQL shown with each row (see set_extra_columns) */

  guint n_items;
  /* Counted when first asked: a page set up but not shown (the Agenda
   * behind the client list) costs nothing before the first frame. */
  gboolean counted;
  GHashTable *pages;          /* page index → Page */
  GQueue lru;                 /* page indices, most recent first */
  guint n_reads;
};

typedef struct
{
  GType record_type;
  char *properties[3];        /* id properties naming the row's record */
} RowSource;

static GQuark extras_quark;

static void free_key (Page *page);
static void read_rows (AmparoQueryModel *self, AmparoDbStmt *stmt, Page *page, gboolean reverse);

static void amparo_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmparoQueryModel, amparo_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      amparo_query_model_list_model_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  free_key (page);
  g_free (page);
}

static guint
count_params (AmparoQueryModel *self)
{
  return self->params ? g_strv_length (self->params) : 0;
}

static gboolean
is_descending (const char *term)
{
  return g_str_has_suffix (term, " DESC");
}

/* @reverse: the other way round, to read the end of the list from the
 * end instead of skipping every row before it. */
static char *
build_order_by (AmparoQueryModel *self,
                gboolean          reverse)
{
  g_autoptr(GString) order = g_string_new (NULL);
  gboolean any_descending = FALSE;

  for (guint i = 0; self->order_terms[i] != NULL; i++)
    {
      const char *term = self->order_terms[i];
      gboolean descending = is_descending (term);

      any_descending |= descending;
      if (descending)
        g_string_append_len (order, term, (gssize) (strlen (term) - strlen (" DESC")));
      else
        g_string_append (order, term);
      g_string_append (order, descending != reverse ? " DESC, " : ", ");
    }
  /* The id breaks ties, so pages never overlap or skip rows. */
  g_string_append (order, any_descending != reverse ? "id DESC" : "id");
  return g_string_free (g_steal_pointer (&order), FALSE);
}

static void
append_term_value (GString    *sql,
                   const char *term)
{
  if (is_descending (term))
    g_string_append_len (sql, term, (gssize) (strlen (term) - strlen (" DESC")));
  else
    g_string_append (sql, term);
}

/* Rows are always chosen by an inner query that selects only ids, then
 * read in full with what they show of other records: a sort never
 * carries whole rows, and the extra columns are computed for the rows of
 * the page only.
 *
 * By key:    … WHERE (where) AND (<order terms>, id) > (<previous page's
 *            last key>) ORDER BY … LIMIT n (< when the order descends):
 *            a seek in the index that serves the order.
 * By offset: … ORDER BY … LIMIT n OFFSET k, from whichever end of the
 *            list is nearer (@reverse: from the end). */
static char *
build_page_sql (AmparoQueryModel *self,
                Page             *previous,
                gboolean          reverse)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *order_by = build_order_by (self, reverse);
  const char *table = amparo_record_type_get_table_name (self->item_type);
  guint n_terms = g_strv_length (self->order_terms);
  guint first_key_param = count_params (self) + 1;

  g_string_append (sql, amparo_store_access_select_columns (self->store, self->item_type));
  for (guint i = 0; i < n_terms; i++)
    {
      g_string_append (sql, ", ");
      append_term_value (sql, self->order_terms[i]);
    }
  for (guint i = 0; self->extra_columns != NULL && self->extra_columns[i] != NULL; i++)
    g_string_append_printf (sql, ", %s", self->extra_columns[i]);

  g_string_append_printf (sql, " FROM %s WHERE id IN (SELECT id FROM %s WHERE (%s)",
                          table, table, self->where ? self->where : "TRUE");
  if (previous != NULL)
    {
      g_string_append (sql, " AND (");
      for (guint i = 0; i < n_terms; i++)
        {
          append_term_value (sql, self->order_terms[i]);
          g_string_append (sql, ", ");
        }
      g_string_append_printf (sql, "id) %s (", self->descending ? "<" : ">");
      for (guint i = 0; i <= n_terms; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", first_key_param + i);
      g_string_append_printf (sql, ") ORDER BY %s LIMIT %d)", order_by, PAGE_SIZE);
    }
  else
    g_string_append_printf (sql, " ORDER BY %s LIMIT ?%u OFFSET ?%u)",
                            order_by, first_key_param, first_key_param + 1);
  g_string_append_printf (sql, " ORDER BY %s", order_by);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
key_is_usable (Page *page)
{
  if (page == NULL || page->last_key == NULL)
    return FALSE;
  /* NULL never compares greater than anything: fall back to OFFSET. */
  for (guint i = 0; i < page->n_keys; i++)
    if (page->last_key[i] == NULL)
      return FALSE;
  return TRUE;
}

/* NULL becomes "": a GStrv cannot hold NULL, and no extra needs both. */
static GStrv
read_extras (AmparoQueryModel *self,
             AmparoDbStmt     *stmt,
             guint             first)
{
  guint n = g_strv_length (self->extra_columns);
  GStrv extras = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    extras[i] = g_strdup (amparo_db_column_text (stmt, (int) (first + i)) ?: "");
  return extras;
}

static void
free_key (Page *page)
{
  for (guint i = 0; page->last_key != NULL && i < page->n_keys; i++)
    g_free (page->last_key[i]);
  g_clear_pointer (&page->last_key, g_free);
  page->n_keys = 0;
}

/* Keeps the sort key of the row that ends the page (the first one read
 * when reading backwards), for the next page's seek. */
static void
keep_key (AmparoQueryModel *self,
          AmparoDbStmt     *stmt,
          Page             *page)
{
  guint n_terms = g_strv_length (self->order_terms);
  guint n_columns = amparo_store_get_n_columns (self->item_type);

  free_key (page);
  page->n_keys = n_terms + 1;
  page->last_key = g_new0 (char *, page->n_keys);
  for (guint i = 0; i < n_terms; i++)
    page->last_key[i] = g_strdup (amparo_db_column_text (stmt, (int) (n_columns + i)));
  page->last_key[n_terms] = g_strdup (amparo_db_column_text (stmt, 0));
}

static void
read_rows (AmparoQueryModel *self,
           AmparoDbStmt     *stmt,
           Page             *page,
           gboolean          reverse)
{
  guint n_terms = g_strv_length (self->order_terms);
  guint n_columns = amparo_store_get_n_columns (self->item_type);
  g_autoptr(GError) error = NULL;
  AmparoDbStep rc;

  while ((rc = amparo_db_step (stmt, &error)) == AMPARO_DB_ROW)
    {
      AmparoRecord *record = amparo_store_record_from_db_row (self->item_type, stmt, 0);

      if (self->extra_columns != NULL)
        g_object_set_qdata_full (G_OBJECT (record), extras_quark,
                                 read_extras (self, stmt, n_columns + n_terms), (GDestroyNotify) g_strfreev);
      g_ptr_array_add (page->items, record);
      if (self->keyset && (!reverse || page->items->len == 1))
        keep_key (self, stmt, page);
    }
  if (rc != AMPARO_DB_DONE)
    g_debug ("Reading page %u of %s failed: %s", page->index, g_type_name (self->item_type),
             error ? error->message : "");
  /* Only a full page has a next one to seek to. */
  if (page->items->len < PAGE_SIZE)
    free_key (page);
}

/* A page of a search: its ids from the walk, its rows by id. */
static Page *
read_page_of_hits (AmparoQueryModel *self,
                   guint             index)
{
  guint start = index * PAGE_SIZE;
  guint size = self->n_items > start ? MIN (PAGE_SIZE, self->n_items - start) : 0;
  g_autofree gint64 *ids = g_new0 (gint64, MAX (size, 1));
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree gint64 *read_ids = NULL;
  Page *page, *read;

  if (!amparo_query_hits_get_ids (self->hits, start, size, ids))
    return NULL;
  g_string_append (sql, amparo_store_access_select_columns (self->store, self->item_type));
  g_string_append (sql, ", sort_name");
  for (guint i = 0; self->extra_columns != NULL && self->extra_columns[i] != NULL; i++)
    g_string_append_printf (sql, ", %s", self->extra_columns[i]);
  g_string_append (sql, " FROM persons WHERE id IN (");
  for (guint i = 0; i < size; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, size > 0 ? ")" : "NULL)");
  stmt = amparo_store_prepare_stmt (self->store, sql->str, NULL);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < size; i++)
    amparo_db_bind_int64 (stmt, (int) i + 1, ids[i]);

  read = g_new0 (Page, 1);
  read->items = g_ptr_array_new_full (size, g_object_unref);
  read_rows (self, stmt, read, FALSE);
  self->n_reads++;

  read_ids = g_new0 (gint64, MAX (read->items->len, 1));
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < read->items->len; i++)
    {
      read_ids[i] = amparo_record_get_id (read->items->pdata[i]);
      g_hash_table_insert (by_id, &read_ids[i], read->items->pdata[i]);
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (size, g_object_unref);
  for (guint i = 0; i < size; i++)
    {
      AmparoRecord *record = g_hash_table_lookup (by_id, &ids[i]);

      if (record != NULL)
        g_ptr_array_add (page->items, g_object_ref (record));
    }
  page_free (read);
  return page;
}

static gboolean
is_integer_text (const char *text)
{
  gint64 value;

  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL);
}

/* The key was read back as text. The server infers each parameter's type
 * from the term it meets, so text is right there. SQLite compares an
 * integer below any text unless a column's affinity converts it: a term
 * such as `last_verified IS NOT NULL` has none, so what reads as an
 * integer is bound as one (a TEXT column turns it back into text). The
 * id, last, is an integer. */
static void
bind_key (AmparoDbStmt *stmt,
          guint         first,
          Page         *previous,
          gboolean      shared)
{
  guint last = previous->n_keys - 1;

  for (guint i = 0; i < last; i++)
    {
      const char *text = previous->last_key[i];

      if (!shared && is_integer_text (text))
        amparo_db_bind_int64 (stmt, (int) (first + i), g_ascii_strtoll (text, NULL, 10));
      else
        amparo_db_bind_text (stmt, (int) (first + i), text);
    }
  amparo_db_bind_int64 (stmt, (int) (first + last), g_ascii_strtoll (previous->last_key[last], NULL, 10));
}

static void
reverse_items (GPtrArray *items)
{
  for (guint i = 0, j = items->len; i + 1 < j; i++, j--)
    {
      gpointer tmp = items->pdata[i];

      items->pdata[i] = items->pdata[j - 1];
      items->pdata[j - 1] = tmp;
    }
}

static Page *
read_page (AmparoQueryModel *self,
           guint             index,
           gboolean          by_offset)
{
  Page *previous = index > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index - 1)) : NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  guint n_params = count_params (self);
  guint start = index * PAGE_SIZE;
  guint size = self->n_items > start ? MIN (PAGE_SIZE, self->n_items - start) : 0;
  gboolean reverse = FALSE;
  Page *page;

  if (self->hits != NULL)
    return read_page_of_hits (self, index);

  if (by_offset || !self->keyset || !key_is_usable (previous))
    previous = NULL;
  /* Far down, the end is nearer: read backwards from it. */
  reverse = previous == NULL && start > self->n_items / 2 && size > 0;

  sql = build_page_sql (self, previous, reverse);
  stmt = amparo_store_prepare_stmt (self->store, sql, NULL);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_params; i++)
    amparo_db_bind_text (stmt, (int) i + 1, self->params[i]);
  if (previous != NULL)
    bind_key (stmt, n_params + 1, previous, amparo_store_is_shared (self->store));
  else
    {
      amparo_db_bind_int64 (stmt, n_params + 1, reverse ? size : PAGE_SIZE);
      amparo_db_bind_int64 (stmt, n_params + 2, reverse ? self->n_items - start - size : start);
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  self->n_reads++;
  read_rows (self, stmt, page, reverse);
  if (reverse)
    reverse_items (page->items);
  return page;
}

static void
trim_pages (AmparoQueryModel *self)
{
  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->lru);
      g_hash_table_remove (self->pages, oldest);
    }
}

static Page *
get_page (AmparoQueryModel *self,
          guint             index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page != NULL)
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (index));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (index));
      return page;
    }

  page = read_page (self, index, FALSE);
  if (page == NULL)
    return NULL;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (index));
  trim_pages (self);
  return page;
}

static guint
count_items (AmparoQueryModel *self)
{
  gint64 n;

  /* A search counts its hits in the full-text index, and keeps them for
   * its pages. */
  if (self->by_hits)
    {
      g_clear_pointer (&self->hits, amparo_query_hits_free);
      self->hits = amparo_query_hits_new (self->store, self->params[0]);
      return self->hits != NULL ? amparo_query_hits_get_count (self->hits) : 0;
    }
  n = amparo_store_count_where (self->store, self->item_type, self->where,
                                (const char * const *) self->params, NULL);
  return n < 0 ? 0 : (guint) MIN (n, G_MAXUINT);
}

static guint
ensure_counted (AmparoQueryModel *self)
{
  if (!self->counted)
    {
      self->n_items = count_items (self);
      self->counted = TRUE;
    }
  return self->n_items;
}

static void
copy_values (AmparoRecord *to,
             AmparoRecord *from)
{
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (G_OBJECT_TYPE (to));

  g_object_freeze_notify (G_OBJECT (to));
  for (guint i = 0; i < pspecs->len; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, ((GParamSpec *) pspecs->pdata[i])->value_type);
      g_object_get_property (G_OBJECT (from), ((GParamSpec *) pspecs->pdata[i])->name, &value);
      amparo_record_take_value (to, pspecs->pdata[i], &value);
    }
  g_object_thaw_notify (G_OBJECT (to));
}

/* Reads a cached page again and merges it into the old one: the same
 * record at the same place keeps its object (updated in place, so
 * bindings follow and a selection on it survives). Marks in @changed
 * the rows that differ. Returns FALSE when the page no longer lines up. */
static gboolean
merge_page (AmparoQueryModel *self,
            Page             *page,
            gboolean         *changed,
            gboolean         *moved)
{
  Page *fresh = read_page (self, page->index, TRUE);

  if (fresh == NULL || fresh->items->len != page->items->len)
    {
      g_clear_pointer (&fresh, page_free);
      return FALSE;
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      AmparoRecord *old = g_ptr_array_index (page->items, i);
      AmparoRecord *new = g_ptr_array_index (fresh->items, i);

      changed[i] = FALSE;
      if (amparo_record_get_id (old) == amparo_record_get_id (new))
        {
          const char * const *old_extras = g_object_get_qdata (G_OBJECT (old), extras_quark);
          GStrv new_extras = g_object_steal_qdata (G_OBJECT (new), extras_quark);

          if (g_strcmp0 (amparo_record_get_updated_at (old), amparo_record_get_updated_at (new)) != 0 ||
              g_strcmp0 (amparo_record_get_deleted_at (old), amparo_record_get_deleted_at (new)) != 0)
            {
              copy_values (old, new);
              changed[i] = TRUE;
            }
          /* What the row shows of other records (its whereabouts, next
           * hearing…) changes without the record itself changing. */
          if (new_extras != NULL && (old_extras == NULL ||
                                     !g_strv_equal (old_extras, (const char * const *) new_extras)))
            changed[i] = TRUE;
          if (new_extras != NULL)
            g_object_set_qdata_full (G_OBJECT (old), extras_quark, new_extras, (GDestroyNotify) g_strfreev);
        }
      else
        {
          g_ptr_array_index (page->items, i) = g_object_ref (new);
          g_object_unref (old);
          changed[i] = *moved = TRUE;
        }
    }

  /* Keys may have moved with the rows. */
  free_key (page);
  page->last_key = g_steal_pointer (&fresh->last_key);
  page->n_keys = fresh->n_keys;
  page_free (fresh);
  return TRUE;
}

static gboolean
page_holds (Page   *page,
            gint64  id)
{
  for (guint i = 0; i < page->items->len; i++)
    if (amparo_record_get_id (g_ptr_array_index (page->items, i)) == id)
      return TRUE;
  return FALSE;
}

/* Which cached pages to read again after @id changed: the one holding
 * it, when it is cached; else every page, unless one is so far down that
 * reading it by offset costs more than starting over. NULL: start over. */
static GList *
pages_to_merge (AmparoQueryModel *self,
                gint64            id,
                gboolean         *holding)
{
  GList *indices = g_hash_table_get_keys (self->pages);

  *holding = FALSE;
  for (GList *l = indices; l != NULL; l = l->next)
    if (page_holds (g_hash_table_lookup (self->pages, l->data), id))
      {
        GList *one = g_list_prepend (NULL, l->data);

        g_list_free (indices);
        *holding = TRUE;
        return one;
      }

  for (GList *l = indices; l != NULL; l = l->next)
    if (GPOINTER_TO_UINT (l->data) * PAGE_SIZE > CHEAP_OFFSET)
      {
        g_list_free (indices);
        return NULL;
      }
  return indices;
}

/* An edit that keeps the number of rows is announced row by row, so
 * lists keep their scroll position and selection. Signals go out only
 * after the pages are merged: handlers may read (and evict) pages. */
static void
refresh_in_place (AmparoQueryModel *self,
                  gint64            id)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  gboolean changed[PAGE_SIZE];
  gboolean holding;
  GList *indices = pages_to_merge (self, id, &holding);

  if (indices == NULL && g_hash_table_size (self->pages) > 0)
    {
      amparo_query_model_refresh (self);
      return;
    }

  for (GList *l = indices; l != NULL; l = l->next)
    {
      Page *page = g_hash_table_lookup (self->pages, l->data);
      gboolean moved = FALSE;
      guint start = 0;

      /* A record that changed place (renamed, say) reorders rows beyond
       * its page: start over. */
      if (!merge_page (self, page, changed, &moved) || (holding && moved))
        {
          g_list_free (indices);
          amparo_query_model_refresh (self);
          return;
        }
      for (guint i = 0; i <= page->items->len; i++)
        {
          gboolean here = i < page->items->len && changed[i];

          if (here && (i == 0 || !changed[i - 1]))
            start = i;
          if (!here && i > 0 && changed[i - 1])
            {
              guint run[2] = { page->index * PAGE_SIZE + start, i - start };
              g_array_append_vals (runs, run, 1);
            }
        }
    }
  g_list_free (indices);

  for (guint i = 0; i < runs->len; i++)
    {
      guint *run = &g_array_index (runs, guint, i * 2);
      g_list_model_items_changed (G_LIST_MODEL (self), run[0], run[1], run[1]);
    }
}

/* A record of another kind that a row shows (a person's location or
 * hearing): the rows of the records it names are read again. */
static gboolean
refresh_rows_shown (AmparoQueryModel *self,
                    AmparoRecord     *record)
{
  for (guint i = 0; self->row_sources != NULL && i < self->row_sources->len; i++)
    {
      RowSource *source = &g_array_index (self->row_sources, RowSource, i);

      if (G_OBJECT_TYPE (record) != source->record_type)
        continue;
      if (!self->counted)
        return TRUE;
      if (count_items (self) != self->n_items)
        {
          amparo_query_model_refresh (self);
          return TRUE;
        }
      for (guint j = 0; j < G_N_ELEMENTS (source->properties) && source->properties[j] != NULL; j++)
        {
          gint64 id = 0;

          g_object_get (record, source->properties[j], &id, NULL);
          if (id > 0)
            refresh_in_place (self, id);
        }
      return TRUE;
    }
  return FALSE;
}

/* One of a large batch (an import): each record's own notice would
 * count and re-read the list once per record; the batch's
 * records-changed reads it once instead. */
#define BATCH_READ_ONCE 50

static void
on_store_records_changed_cb (AmparoQueryModel *self,
                             GType             kind,
                             guint             n_records,
                             AmparoStore      *store)
{
  if (n_records > BATCH_READ_ONCE)
    amparo_query_model_refresh (self);
}

static void
on_store_record_changed_cb (AmparoQueryModel *self,
                            AmparoRecord     *record,
                            AmparoStore      *store)
{
  if (amparo_store_get_batch_size (store, G_OBJECT_TYPE (record)) > BATCH_READ_ONCE)
    return;
  if (G_OBJECT_TYPE (record) != self->item_type)
    {
      if (refresh_rows_shown (self, record))
        return;
      for (guint i = 0; self->watched != NULL && i < self->watched->len; i++)
        if (G_OBJECT_TYPE (record) == g_array_index (self->watched, GType, i))
          {
            amparo_query_model_refresh (self);
            return;
          }
      return;
    }

  /* Nobody has looked at the list yet: nothing to announce. */
  if (!self->counted)
    return;
  if (count_items (self) == self->n_items)
    refresh_in_place (self, amparo_record_get_id (record));
  else
    amparo_query_model_refresh (self);
}

static GType
amparo_query_model_get_item_type (GListModel *model)
{
  return AMPARO_QUERY_MODEL (model)->item_type;
}

static guint
amparo_query_model_get_n_items (GListModel *model)
{
  return ensure_counted (AMPARO_QUERY_MODEL (model));
}

static gpointer
amparo_query_model_get_item (GListModel *model,
                             guint       position)
{
  AmparoQueryModel *self = AMPARO_QUERY_MODEL (model);
  Page *page;
  guint offset = position % PAGE_SIZE;

  if (position >= ensure_counted (self))
    return NULL;
  page = get_page (self, position / PAGE_SIZE);
  if (page == NULL || offset >= page->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
amparo_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amparo_query_model_get_item_type;
  iface->get_n_items = amparo_query_model_get_n_items;
  iface->get_item = amparo_query_model_get_item;
}

static void
amparo_query_model_finalize (GObject *object)
{
  AmparoQueryModel *self = AMPARO_QUERY_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->params, g_strfreev);
  g_clear_pointer (&self->order_terms, g_strfreev);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->watched, g_array_unref);
  g_clear_pointer (&self->row_sources, g_array_unref);
  g_clear_pointer (&self->hits, amparo_query_hits_free);
  g_clear_pointer (&self->extra_columns, g_strfreev);
  g_queue_clear (&self->lru);

  G_OBJECT_CLASS (amparo_query_model_parent_class)->finalize (object);
}

static void
amparo_query_model_class_init (AmparoQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_query_model_finalize;
  extras_quark = g_quark_from_static_string ("amparo-query-model-extras");
}

static void
amparo_query_model_init (AmparoQueryModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  g_queue_init (&self->lru);
}

/**
 * amparo_query_model_new:
 * @store: the store
 * @item_type: the record kind, e.g. %AMPARO_TYPE_PERSON
 * @where: (nullable): an SQL condition on the kind's table, with `?`
 *   placeholders (or `?1`, `?2` when one is used twice)
 * @params: (nullable) (array zero-terminated=1): text values for the
 *   placeholders, in order
 * @order_by: (nullable) (array zero-terminated=1): ORDER BY terms, e.g.
 *   `"family_names COLLATE NOCASE"` or `"since DESC"`; the row id is
 *   always added last
 *
 * For use inside src/store (the search and the store's own lists);
 * @where and @order_by are SQL and must never come from user input.
 *
 * Returns: (transfer full): the model
 */
AmparoQueryModel *
amparo_query_model_new (AmparoStore        *store,
                        GType               item_type,
                        const char         *where,
                        const char * const *params,
                        const char * const *order_by)
{
  AmparoQueryModel *self;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, AMPARO_TYPE_RECORD), NULL);

  self = g_object_new (AMPARO_TYPE_QUERY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  /* The person filter in the store's dialect (postgres #10). */
  self->where = amparo_search_dialect_where (store, where);
  self->params = g_strdupv ((char **) params);
  self->order_terms = order_by ? g_strdupv ((char **) order_by) : g_new0 (char *, 1);

  /* The walk of the name index reads its rows one by one, which only an
   * embedded engine does cheaply: the server seeks by key instead. */
  self->by_hits = !amparo_store_is_shared (store) &&
                  amparo_query_hits_applies (item_type, where, params, order_by);
  self->keyset = TRUE;
  self->descending = self->order_terms[0] != NULL && is_descending (self->order_terms[0]);
  for (guint i = 0; self->order_terms[i] != NULL; i++)
    if (is_descending (self->order_terms[i]) != self->descending ||
        strchr (self->order_terms[i], '?') || strchr (self->order_terms[i], '('))
      self->keyset = FALSE;

  g_signal_connect_object (store, "record-changed",
                           G_CALLBACK (on_store_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "records-changed",
                           G_CALLBACK (on_store_records_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * amparo_query_model_refresh:
 *
 * Forgets every page, counts again, and announces the whole list as
 * changed. Called by itself when a record of its kind changes.
 */
void
amparo_query_model_refresh (AmparoQueryModel *self)
{
  guint old_n_items;

  g_return_if_fail (AMPARO_IS_QUERY_MODEL (self));

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  if (!self->counted)
    return;
  old_n_items = self->n_items;
  self->n_items = count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

/**
 * amparo_query_model_watch_type:
 * @record_type: another record kind
 *
 * Also refreshes when a record of @record_type changes: for rows chosen
 * through another table (the Agenda hides events of clients moved to the
 * Trash; a release's demands come through release_demands).
 */
void
amparo_query_model_watch_type (AmparoQueryModel *self,
                               GType             record_type)
{
  g_return_if_fail (AMPARO_IS_QUERY_MODEL (self));

  if (self->watched == NULL)
    self->watched = g_array_new (FALSE, FALSE, sizeof (GType));
  g_array_append_val (self->watched, record_type);
}

/**
 * amparo_query_model_find_cached:
 * @id: a record's id
 *
 * Where the record with @id is among the rows already read, reading
 * none: the rows a list shows are always among them, and finding one
 * further down by reading pages costs a page per 200 rows.
 *
 * Returns: its position, or %G_MAXUINT when no page read holds it
 */
guint
amparo_query_model_find_cached (AmparoQueryModel *self,
                                gint64            id)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (AMPARO_IS_QUERY_MODEL (self), G_MAXUINT);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      for (guint i = 0; i < page->items->len; i++)
        if (amparo_record_get_id (g_ptr_array_index (page->items, i)) == id)
          return page->index * PAGE_SIZE + i;
    }
  return G_MAXUINT;
}

/**
 * amparo_query_model_get_n_cached:
 *
 * Returns: how many records the model holds in memory now
 */
guint
amparo_query_model_get_n_cached (AmparoQueryModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (AMPARO_IS_QUERY_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Page *) value)->items->len;
  return n;
}

/**
 * amparo_query_model_get_store:
 *
 * Returns: (transfer none): the store the list reads
 */
AmparoStore *
amparo_query_model_get_store (AmparoQueryModel *self)
{
  g_return_val_if_fail (AMPARO_IS_QUERY_MODEL (self), NULL);
  return self->store;
}

/**
 * amparo_query_model_get_n_reads:
 *
 * Returns: how many pages were read from the store so far
 */
guint
amparo_query_model_get_n_reads (AmparoQueryModel *self)
{
  g_return_val_if_fail (AMPARO_IS_QUERY_MODEL (self), 0);
  return self->n_reads;
}

static void
row_source_clear (gpointer data)
{
  RowSource *source = data;

  for (guint i = 0; i < G_N_ELEMENTS (source->properties); i++)
    g_free (source->properties[i]);
}

/**
 * amparo_query_model_set_extra_columns:
 * @columns: (array zero-terminated=1): SQL expressions over the kind's
 *   table (by its name, e.g. `persons.id`), read with each row
 *
 * What a row shows of other records comes with the page that holds it,
 * instead of a query per row when the row is bound. Read them with
 * amparo_query_model_get_extra(). Call before any item is read; for use
 * inside the app's own lists, never with user input.
 */
void
amparo_query_model_set_extra_columns (AmparoQueryModel   *self,
                                      const char * const *columns)
{
  g_return_if_fail (AMPARO_IS_QUERY_MODEL (self));

  g_strfreev (self->extra_columns);
  self->extra_columns = g_strdupv ((char **) columns);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

/**
 * amparo_query_model_get_extra:
 * @record: an item of a model with extra columns
 * @column: which extra column
 *
 * Returns: (nullable): its value as text ("" for SQL NULL), or %NULL when
 *   @record did not come from such a model
 */
const char *
amparo_query_model_get_extra (gpointer record,
                              guint    column)
{
  const char * const *extras;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  if (extras_quark == 0)
    return NULL;
  extras = g_object_get_qdata (record, extras_quark);
  if (extras == NULL || column >= g_strv_length ((char **) extras))
    return NULL;
  return extras[column];
}

/**
 * amparo_query_model_watch_rows:
 * @record_type: a kind that rows show (through extra columns)
 * @property: the int64 property of @record_type naming the row's record,
 *   e.g. "person-id"
 * @other_property: (nullable): a second one ("relative-id")
 *
 * When a record of @record_type changes, the rows of the records it names
 * are read again and announced as changed, in place: the list keeps its
 * scroll position and selection, and every place that shows the row
 * follows.
 */
void
amparo_query_model_watch_rows (AmparoQueryModel *self,
                               GType             record_type,
                               const char       *property,
                               const char       *other_property)
{
  RowSource source = { record_type, { g_strdup (property), g_strdup (other_property), NULL } };

  g_return_if_fail (AMPARO_IS_QUERY_MODEL (self));
  g_return_if_fail (property != NULL);

  if (self->row_sources == NULL)
    {
      self->row_sources = g_array_new (FALSE, FALSE, sizeof (RowSource));
      g_array_set_clear_func (self->row_sources, row_source_clear);
    }
  g_array_append_val (self->row_sources, source);
}
