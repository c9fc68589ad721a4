/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-record-private.h"

/*
 * Per-record checksums (store, #11; migration 0012). A flipped bit inside
 * a record's text leaves every page well formed, so PRAGMA
 * integrity_check passes; SQLite's cksumvfs would see it but is not in
 * Debian 12's libsqlite3. So every record table has a `checksum` column:
 * amparo_checksum() of the row's columns, computed by SQLite itself from
 * the values as stored (after type affinity), written after every save
 * and compared by `amparo --check` and before a backup is kept.
 *
 * The SQL function and the check, which speak SQLite itself, are in the
 * SQLite driver (amparo-db-sqlite.c); this file writes the checksums
 * through the driver seam.
 */

/* The tables migration 0012 gave a checksum column. A record kind added
 * later gets one only with a migration of its own, and an entry here. */
static const char * const checksummed_tables[] = {
  "persons", "contacts", "locations", "relationships", "relationship_evidence",
  "proceedings", "litigation", "memberships", "benefits", "events", "releases",
  "demands", "release_demands", "demand_updates", "organization",
  "adverse_parties", "conflict_decisions",
};

gboolean
amparo_store_has_checksum (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (checksummed_tables); i++)
    if (g_strcmp0 (checksummed_tables[i], table) == 0)
      return TRUE;
  return FALSE;
}

/* "amparo_checksum(id, uid, …)" over every column the record kind has. */
char *
amparo_store_checksum_expression (GType record_type)
{
  return g_strdup_printf ("amparo_checksum (%s)", amparo_store_get_select_columns (record_type));
}

/* Whether rows of @record_type carry a checksum in this store. */
gboolean
amparo_store_checksum_applies (AmparoStore *self,
                               GType        record_type)
{
  return !amparo_store_is_shared (self) && self->schema_version >= AMPARO_STORE_CHECKSUM_MIGRATION &&
         amparo_store_has_checksum (table_of (record_type));
}

/*
 * The INSERT of a new record that writes its checksum in the same
 * statement (#14): a second UPDATE per row was a quarter of an import's
 * saving time. The checksum covers the id, which SQLite would choose
 * only while inserting, so the statement chooses it the way SQLite does
 * for an INTEGER PRIMARY KEY without AUTOINCREMENT (the largest plus
 * one; the write transaction keeps other connections out), once for the
 * column and once for the checksum, both evaluated before the row is
 * written. The other values are the parameters ?1… in column order.
 *
 * The checksum is meant to be of the row *as stored*, after type
 * affinity, and a parameter is hashed as bound. So RETURNING gives back,
 * beside the id, whether the stored row hashes to what was written; on
 * a mismatch (a value SQLite converted) the caller writes it again with
 * amparo_store_update_checksum(), which reads the stored row.
 */
static char *
build_insert_sql (GType record_type)
{
  g_autofree char *expression = amparo_store_checksum_expression (record_type);
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (record_type);
  const char *table = table_of (record_type);
  g_autofree char *next_id = g_strdup_printf ("(SELECT coalesce (max (id), 0) + 1 FROM %s)", table);
  GString *sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (id", table);
  for (guint i = 1; i < pspecs->len; i++)
    {
      g_autofree char *column = amparo_property_to_column (((GParamSpec *) pspecs->pdata[i])->name);

      g_string_append_printf (sql, ", %s", column);
      g_string_append_printf (params, ", ?%u", i);
    }
  g_string_append_printf (sql, ", checksum) VALUES (%s%s, amparo_checksum (%s%s))"
                          " RETURNING id, checksum IS %s",
                          next_id, params->str, next_id, params->str, expression);
  return g_string_free (sql, FALSE);
}

/* Built once per kind: an import inserts 100,000 rows of one kind. */
const char *
amparo_store_checksum_insert_sql (GType record_type)
{
  static GHashTable *cache;
  static GMutex mutex;
  const char *sql;

  g_mutex_lock (&mutex);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  sql = g_hash_table_lookup (cache, GSIZE_TO_POINTER (record_type));
  if (sql == NULL)
    {
      sql = build_insert_sql (record_type);
      g_hash_table_insert (cache, GSIZE_TO_POINTER (record_type), (gpointer) sql);
    }
  g_mutex_unlock (&mutex);
  return sql;
}

/**
 * amparo_store_update_checksum:
 * @record: a record just inserted or updated in the open transaction
 *
 * Writes the record's checksum from its row as stored. Nothing to do on
 * a shared server, or for a kind without a checksum column.
 */
gboolean
amparo_store_update_checksum (AmparoStore   *self,
                              AmparoRecord  *record,
                              GError       **error)
{
  GType type = G_OBJECT_TYPE (record);
  g_autofree char *expression = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;

  if (!amparo_store_checksum_applies (self, type))
    return TRUE;
  expression = amparo_store_checksum_expression (type);
  sql = g_strdup_printf ("UPDATE %s SET checksum = %s WHERE id = ?", table_of (type), expression);
  if (!(stmt = amparo_store_prepare_stmt (self, sql, error)))
    return FALSE;
  amparo_db_bind_int64 (stmt, 1, amparo_record_get_id (record));
  return amparo_db_step_done (stmt, error);
}

/**
 * amparo_store_fill_checksums:
 *
 * Writes every record's checksum again: after the last migration of a
 * run from 0012 on (which may have rewritten rows), and after a copy
 * into a file. Called in a transaction.
 */
gboolean
amparo_store_fill_checksums (AmparoStore  *self,
                             GError      **error)
{
  guint n_kinds;
  const GType *kinds = amparo_record_get_kinds (&n_kinds);

  if (amparo_store_is_shared (self))
    return TRUE;
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *expression = NULL;
      g_autofree char *sql = NULL;

      if (!amparo_store_has_checksum (table_of (kinds[i])))
        continue;
      expression = amparo_store_checksum_expression (kinds[i]);
      /* Every row: a migration may have rewritten rows that had one. */
      sql = g_strdup_printf ("UPDATE %s SET checksum = %s", table_of (kinds[i]), expression);
      if (!amparo_db_exec (self->conn, sql, error))
        return FALSE;
    }
  return TRUE;
}
