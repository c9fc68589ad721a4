/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/*
 * Moving in: a whole case store copied to another, SQLite to a shared
 * server or back. Every row of every kind keeps its id, uid, times and
 * revision; the journal is copied as it is (who did what, when), so the
 * history reads the same on the other side. The target must be empty.
 */

/* Referenced tables before the tables that refer to them. */
static const char *const copy_order[] = {
  "organization", "litigation", "persons", "contacts", "locations", "relationships",
  "relationship_evidence", "proceedings", "memberships", "benefits", "events",
  "releases", "demands", "release_demands", "demand_updates", "journal",
};

static GPtrArray *
kinds_in_copy_order (void)
{
  guint n_kinds;
  const GType *kinds = amparo_record_get_kinds (&n_kinds);
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (copy_order); i++)
    for (guint k = 0; k < n_kinds; k++)
      if (g_strcmp0 (amparo_record_type_get_table_name (kinds[k]), copy_order[i]) == 0)
        g_ptr_array_add (ordered, GSIZE_TO_POINTER (kinds[k]));
  /* Kinds added since (by other areas) come last. */
  for (guint k = 0; k < n_kinds; k++)
    if (!g_ptr_array_find (ordered, GSIZE_TO_POINTER (kinds[k]), NULL))
      g_ptr_array_add (ordered, GSIZE_TO_POINTER (kinds[k]));
  return ordered;
}

static gboolean
check_empty (AmparoStore  *target,
             GPtrArray    *kinds,
             GError      **error)
{
  for (guint i = 0; i < kinds->len; i++)
    {
      GType kind = GPOINTER_TO_SIZE (kinds->pdata[i]);
      gint64 n = amparo_store_count_where (target, kind, NULL, NULL, error);

      if (n < 0)
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                       _("The case store “%s” already has records. Copy into a new, empty one; nothing was copied."),
                       amparo_store_get_path (target));
          return FALSE;
        }
    }
  return TRUE;
}

/* Rows per INSERT: one round trip to the server for this many, instead
 * of one each (18.6 minutes per 100,000 persons row by row). Kept under
 * SQLite's 32,766 parameters for the widest table. */
#define BATCH_ROWS 200

static char *
insert_sql (GType kind,
            guint n_rows)
{
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (kind);
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s (%s) VALUES ", amparo_record_type_get_table_name (kind),
                   amparo_store_get_select_columns (kind));
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint i = 0; i < pspecs->len; i++)
        g_string_append (sql, i > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

/* Writes the rows gathered so far in one statement (a full batch's is
 * prepared once and reused from the driver's cache). */
static gboolean
flush_rows (AmparoStore  *target,
            GType         kind,
            GPtrArray    *pspecs,
            GPtrArray    *rows,
            GError      **error)
{
  g_autofree char *insert = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  int index = 1;

  if (rows->len == 0)
    return TRUE;
  insert = insert_sql (kind, rows->len);
  if (!(stmt = amparo_store_prepare_stmt (target, insert, error)))
    return FALSE;
  for (guint r = 0; r < rows->len; r++)
    for (guint i = 0; i < pspecs->len; i++)
      {
        GParamSpec *pspec = pspecs->pdata[i];
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, pspec->value_type);
        g_object_get_property (G_OBJECT (rows->pdata[r]), pspec->name, &value);
        amparo_store_bind_value (stmt, index++, pspec, &value);
      }
  g_ptr_array_set_size (rows, 0);
  return amparo_db_step_done (stmt, error);
}

static gboolean
copy_kind (AmparoStore  *source,
           AmparoStore  *target,
           GType         kind,
           GError      **error)
{
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (kind);
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s ORDER BY id",
                                             amparo_store_get_select_columns (kind),
                                             amparo_record_type_get_table_name (kind));
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  guint batch_rows = MAX (1, MIN (BATCH_ROWS, 30000 / MAX (pspecs->len, 1)));
  g_autoptr(AmparoDbStmt) rows = NULL;
  AmparoDbStep rc;

  if (!(rows = amparo_store_prepare_stmt (source, select, error)))
    return FALSE;
  while ((rc = amparo_db_step (rows, error)) == AMPARO_DB_ROW)
    {
      g_ptr_array_add (batch, amparo_store_record_from_db_row (kind, rows, 0));
      if (batch->len == batch_rows && !flush_rows (target, kind, pspecs, batch, error))
        return FALSE;
    }
  if (rc == AMPARO_DB_ERROR || !flush_rows (target, kind, pspecs, batch, error))
    return FALSE;

  /* Ids were given, not drawn: the server's counter must continue after. */
  if (amparo_db_get_engine (amparo_store_get_conn (target)) == AMPARO_DB_ENGINE_PG)
    {
      const char *table = amparo_record_type_get_table_name (kind);
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                                              " coalesce ((SELECT max(id) FROM %s), 0) + 1, false)",
                                              table, table);
      if (!amparo_db_exec (amparo_store_get_conn (target), sql, error))
        return FALSE;
    }
  return TRUE;
}

/* One snapshot of the source, whatever other desks save meanwhile. */
static gboolean
begin_snapshot (AmparoStore  *source,
                GError      **error)
{
  if (amparo_store_is_shared (source))
    return amparo_db_exec (source->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
  return amparo_db_exec (source->conn, "BEGIN", error);
}

/**
 * amparo_store_copy_into:
 * @source: an open store
 * @target: an open, empty store
 *
 * The copy of amparo_store_copy() between two open stores: the backup of
 * a shared server uses it (amparo-store-server-backup.c).
 *
 * Returns: %TRUE, or %FALSE with @error set and @target left as it was
 */
gboolean
amparo_store_copy_into (AmparoStore  *source,
                        AmparoStore  *target,
                        GError      **error)
{
  g_autoptr(GPtrArray) kinds = kinds_in_copy_order ();

  if (!check_empty (target, kinds, error))
    return FALSE;
  if (!begin_snapshot (source, error))
    return FALSE;
  if (!amparo_store_begin (target, error))
    {
      amparo_db_exec (source->conn, "ROLLBACK", NULL);
      return FALSE;
    }
  /* The journal keeps its actors (see pg/0009-revisions.sql). */
  if (amparo_store_is_shared (target) &&
      !amparo_db_exec (target->conn, "SET LOCAL amparo.copy_store = 'on'", error))
    goto failed;
  for (guint i = 0; i < kinds->len; i++)
    if (!copy_kind (source, target, GPOINTER_TO_SIZE (kinds->pdata[i]), error))
      goto failed;
  /* documents (#18): the documents' bytes, then the records naming them */
  if (!amparo_store_copy_document_contents (source, target, error) ||
      !copy_kind (source, target, AMPARO_TYPE_DOCUMENT, error))
    goto failed;
  /* The server's search index and tracing queue, skipped row by row
   * while copying (pg/0017-search.sql), in one pass each. */
  if (amparo_store_is_shared (target) &&
      !amparo_db_exec (target->conn,
                       "INSERT INTO persons_search (person_id, doc)"
                       " SELECT id, amparo_person_search_doc (id) FROM persons WHERE deleted_at IS NULL;"
                       "INSERT INTO person_name_keys_pending (person_id) SELECT id FROM persons", error))
    goto failed;
  /* Copied rows carry no checksum (a server keeps none): a file gets
   * them here, so its first check can judge every record. */
  if (!amparo_store_fill_checksums (target, error))
    goto failed;
  amparo_db_exec (source->conn, "ROLLBACK", NULL);
  return amparo_store_commit (target, error);

failed:
  g_prefix_error (error, _("Nothing was copied: "));
  amparo_store_rollback (target);
  amparo_db_exec (source->conn, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * amparo_store_copy:
 * @from: a store's file or `postgresql://` address
 * @to: an empty (or new) store's file or address
 *
 * Copies every record, with its uid, history and journal, in one
 * transaction on @to. Refused when @to has any record.
 *
 * Returns: %TRUE, or %FALSE with @error set and @to left as it was
 */
gboolean
amparo_store_copy (const char  *from,
                   const char  *to,
                   GError     **error)
{
  g_autoptr(AmparoStore) source = NULL;
  g_autoptr(AmparoStore) target = NULL;

  /* Opening would create a missing file: a mistyped name copies nothing. */
  if (!amparo_db_is_server_uri (from) && !g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), from);
      return FALSE;
    }
  if (!(source = amparo_store_open (from, error)) || !(target = amparo_store_open (to, error)))
    return FALSE;
  return amparo_store_copy_into (source, target, error);
}
