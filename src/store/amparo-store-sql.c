/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-query-model.h"
#include "amparo-record-private.h"

/* SQL plumbing shared by the store: statements, values, errors. */

/* Validation errors carry the property at fault next to the message. */
typedef struct
{
  char *field;
  /* A conflict: the stored version, who saved it and when. */
  AmparoRecord *theirs;
  char *who;
  char *when;
} AmparoStoreErrorPrivate;

static void
amparo_store_error_private_init (AmparoStoreErrorPrivate *priv)
{
  priv->field = NULL;
  priv->theirs = NULL;
  priv->who = NULL;
  priv->when = NULL;
}

static void
amparo_store_error_private_copy (const AmparoStoreErrorPrivate *src,
                                 AmparoStoreErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
  dest->theirs = src->theirs ? g_object_ref (src->theirs) : NULL;
  dest->who = g_strdup (src->who);
  dest->when = g_strdup (src->when);
}

static void
amparo_store_error_private_clear (AmparoStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
  g_clear_object (&priv->theirs);
  g_clear_pointer (&priv->who, g_free);
  g_clear_pointer (&priv->when, g_free);
}

G_DEFINE_EXTENDED_ERROR (AmparoStoreError, amparo_store_error)

void
amparo_store_bind_value (AmparoDbStmt *stmt,
                         int           index,
                         GParamSpec   *pspec,
                         const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    amparo_db_bind_text (stmt, index, g_value_get_string (value));
  else if (type == G_TYPE_BOOLEAN)
    amparo_db_bind_int64 (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_INT)
    amparo_db_bind_int64 (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    {
      if (property_is_reference (pspec) && g_value_get_int64 (value) == 0)
        amparo_db_bind_null (stmt, index);
      else
        amparo_db_bind_int64 (stmt, index, g_value_get_int64 (value));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      amparo_db_bind_text (stmt, index, enum_value ? enum_value->value_nick : "");
    }
  else
    g_return_if_reached ();
}

static void
read_value (AmparoDbStmt *stmt,
            int           column,
            GParamSpec   *pspec,
            GValue       *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);
  if (amparo_db_column_is_null (stmt, column))
    {
      g_param_value_set_default (pspec, value);
      return;
    }

  if (type == G_TYPE_STRING)
    g_value_set_string (value, amparo_db_column_text (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, amparo_db_column_int64 (stmt, column) != 0);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, (int) amparo_db_column_int64 (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, amparo_db_column_int64 (stmt, column));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      const char *nick = amparo_db_column_text (stmt, column);
      GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, nick);

      /* A value from a newer Amparo: keep the default rather than fail. */
      if (enum_value != NULL)
        g_value_set_enum (value, enum_value->value);
      else
        g_param_value_set_default (pspec, value);
    }
}

AmparoDb *
amparo_store_get_conn (AmparoStore *self)
{
  return self->conn;
}

AmparoDbStmt *
amparo_store_prepare_stmt (AmparoStore  *self,
                           const char   *sql,
                           GError      **error)
{
  return amparo_db_prepare (self->conn, sql, error);
}

gboolean
amparo_store_exec (AmparoStore  *self,
                   const char   *sql,
                   GError      **error)
{
  return amparo_db_exec (self->conn, sql, error);
}

gboolean
amparo_store_is_shared (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  return amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG;
}

void
amparo_store_error_set_field (GError     *error,
                              const char *property)
{
  AmparoStoreErrorPrivate *priv;

  if (error == NULL || error->domain != AMPARO_STORE_ERROR)
    return;
  priv = amparo_store_error_get_private (error);
  g_free (priv->field);
  priv->field = g_strdup (property);
}

void
amparo_store_error_set_conflict (GError       *error,
                                 AmparoRecord *theirs,
                                 const char   *who,
                                 const char   *when)
{
  AmparoStoreErrorPrivate *priv;

  if (error == NULL || error->domain != AMPARO_STORE_ERROR)
    return;
  priv = amparo_store_error_get_private (error);
  g_set_object (&priv->theirs, theirs);
  g_free (priv->who);
  priv->who = g_strdup (who);
  g_free (priv->when);
  priv->when = g_strdup (when);
}

/**
 * amparo_store_error_get_conflict:
 * @error: an %AMPARO_STORE_ERROR_CONFLICT from amparo_store_save()
 * @theirs: (out) (optional) (transfer full): the record as now stored
 * @who: (out) (optional) (transfer full) (nullable): who saved it last
 * @when: (out) (optional) (transfer full) (nullable): when (ISO 8601)
 *
 * What someone else saved since the record was loaded: compare it field
 * by field with the record the caller tried to save. Saving again after
 * amparo_store_take_revision() keeps the caller's values.
 *
 * Returns: %TRUE if @error is a conflict
 */
gboolean
amparo_store_error_get_conflict (const GError  *error,
                                 AmparoRecord **theirs,
                                 char         **who,
                                 char         **when)
{
  AmparoStoreErrorPrivate *priv;

  if (!g_error_matches (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CONFLICT))
    return FALSE;
  priv = amparo_store_error_get_private (error);
  if (priv == NULL || priv->theirs == NULL)
    return FALSE;
  if (theirs)
    *theirs = g_object_ref (priv->theirs);
  if (who)
    *who = g_strdup (priv->who);
  if (when)
    *when = g_strdup (priv->when);
  return TRUE;
}

const char *
amparo_store_error_get_field (const GError *error)
{
  AmparoStoreErrorPrivate *priv;

  if (error == NULL || error->domain != AMPARO_STORE_ERROR)
    return NULL;
  priv = amparo_store_error_get_private (error);
  return priv ? priv->field : NULL;
}

const char *
amparo_store_get_select_columns (GType record_type)
{
  static GHashTable *cache;
  static GMutex mutex;
  const char *columns;

  g_mutex_lock (&mutex);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  columns = g_hash_table_lookup (cache, GSIZE_TO_POINTER (record_type));
  if (columns == NULL)
    {
      g_auto(GStrv) names = amparo_record_list_columns (record_type);
      columns = g_strjoinv (", ", names);
      g_hash_table_insert (cache, GSIZE_TO_POINTER (record_type), (gpointer) columns);
    }
  g_mutex_unlock (&mutex);
  return columns;
}

guint
amparo_store_get_n_columns (GType record_type)
{
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (record_type);

  return pspecs->len;
}

gpointer
amparo_store_record_from_db_row (GType         record_type,
                                 AmparoDbStmt *stmt,
                                 int           first_column)
{
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (record_type);
  AmparoRecord *record = g_object_new (record_type, NULL);

  for (guint i = 0; i < pspecs->len; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      read_value (stmt, first_column + i, pspecs->pdata[i], &value);
      amparo_record_init_value (record, pspecs->pdata[i], &value);
    }
  return record;
}

gint64
amparo_store_count_where (AmparoStore         *self,
                          GType                record_type,
                          const char          *where,
                          const char * const  *params,
                          GError             **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;

  /* The length of a whole list: the table's length less the Trash (a
   * small partial index), instead of a scan of a million rows. On one
   * desk the persons table's length is a number triggers keep (0027):
   * SQLite's count(*) walks a whole index, 22 ms at a million. */
  if (g_strcmp0 (where, "deleted_at IS NULL") == 0 && record_type == AMPARO_TYPE_PERSON
      && !amparo_store_is_shared (self))
    sql = g_strdup ("SELECT n - (SELECT count(*) FROM persons WHERE deleted_at IS NOT NULL)"
                    " FROM row_counts WHERE table_name = 'persons'");
  else if (g_strcmp0 (where, "deleted_at IS NULL") == 0)
    sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s)"
                           " - (SELECT count(*) FROM %s WHERE deleted_at IS NOT NULL)",
                           table_of (record_type), table_of (record_type));
  else if (where == NULL)
    sql = g_strdup_printf ("SELECT count(*) FROM %s", table_of (record_type));
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table_of (record_type), where);
  if (!(stmt = amparo_store_prepare_stmt (self, sql, error)))
    return -1;
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    amparo_db_bind_text (stmt, i + 1, params[i]);
  if (amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    {
      if (error && *error == NULL)
        g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                     _("Could not read or write the database: %s"), "count");
      return -1;
    }
  return amparo_db_column_int64 (stmt, 0);
}
