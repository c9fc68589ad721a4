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
} AmparoStoreErrorPrivate;

static void
amparo_store_error_private_init (AmparoStoreErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
amparo_store_error_private_copy (const AmparoStoreErrorPrivate *src,
                                 AmparoStoreErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
amparo_store_error_private_clear (AmparoStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (AmparoStoreError, amparo_store_error)

void
amparo_store_bind_value (sqlite3_stmt *stmt,
                         int           index,
                         GParamSpec   *pspec,
                         const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text != NULL)
        sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, index);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    {
      if (property_is_reference (pspec) && g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      sqlite3_bind_text (stmt, index, enum_value ? enum_value->value_nick : "", -1, SQLITE_STATIC);
    }
  else
    g_return_if_reached ();
}

static void
read_value (sqlite3_stmt *stmt,
            int           column,
            GParamSpec   *pspec,
            GValue       *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      g_param_value_set_default (pspec, value);
      return;
    }

  if (type == G_TYPE_STRING)
    g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      const char *nick = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, nick);

      /* A value from a newer Amparo: keep the default rather than fail. */
      if (enum_value != NULL)
        g_value_set_enum (value, enum_value->value);
      else
        g_param_value_set_default (pspec, value);
    }
}

sqlite3_stmt *
amparo_store_prepare (AmparoStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      amparo_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
amparo_store_exec (AmparoStore  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return amparo_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

void
amparo_set_sqlite_error (sqlite3     *db,
                         int          rc,
                         const char  *path,
                         GError     **error)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DISK_FULL,
                   _("The disk is full. Nothing was saved; free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written. Check the file's permissions, or open a copy."),
                   path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. Restore the latest backup from its “backups” folder."),
                   path);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                   _("“%s” is not an Amparo database. Choose another file."), path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not open the database “%s”. Check that the file and its folder exist and can be written."),
                   path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("The database is busy in another window or program. Try again in a moment."));
      break;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE,
                     _("This record already exists."));
      else
        g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                     _("This record refers to a record that does not exist (%s)."), detail);
      break;
    default:
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("Could not read or write the database: %s"), detail);
    }
}

gboolean
amparo_store_set_sqlite_error (AmparoStore  *self,
                               int           rc,
                               GError      **error)
{
  amparo_set_sqlite_error (self->db, rc, self->path, error);
  return FALSE;
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
amparo_store_record_from_row (GType         record_type,
                              sqlite3_stmt *stmt,
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

void
amparo_store_bind_params (sqlite3_stmt       *stmt,
                          int                 first,
                          const char * const *params)
{
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    sqlite3_bind_text (stmt, first + i, params[i], -1, SQLITE_TRANSIENT);
}

gint64
amparo_store_count_where (AmparoStore         *self,
                          GType                record_type,
                          const char          *where,
                          const char * const  *params,
                          GError             **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The length of a whole list: the table's count (which SQLite keeps
   * cheap) minus the Trash (a small partial index), instead of a scan of
   * a million rows. */
  if (g_strcmp0 (where, "deleted_at IS NULL") == 0)
    sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s)"
                           " - (SELECT count(*) FROM %s WHERE deleted_at IS NOT NULL)",
                           table_of (record_type), table_of (record_type));
  else if (where == NULL)
    sql = g_strdup_printf ("SELECT count(*) FROM %s", table_of (record_type));
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", table_of (record_type), where);
  if (!(stmt = amparo_store_prepare (self, sql, error)))
    return -1;
  amparo_store_bind_params (stmt, 1, params);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      amparo_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
