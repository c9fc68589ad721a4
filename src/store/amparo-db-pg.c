/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include <glib/gi18n.h>

#include "amparo-db.h"
#include "amparo-store.h"

/*
 * The PostgreSQL driver of amparo-db.h, through libpq: the only file that
 * calls PQ*. Statements are sent with PQexecParams when first stepped;
 * every value travels as text. Integers are typed int8 so that `$1 IS
 * NULL` and `$1 = $1` have a type; text is left for the server to infer
 * from the column it meets.
 */

#define INT8OID 20

typedef struct
{
  AmparoDb parent;
  PGconn *conn;
} PgDb;

typedef struct
{
  AmparoDbStmt parent;
  char *sql;
  int n_params;
  char **values;
  Oid *types;
  PGresult *result;
  int row;
} PgStmt;

static PGconn *
conn_of (AmparoDbStmt *stmt)
{
  return ((PgDb *) stmt->db)->conn;
}

/* Error mapping: SQLSTATE classes to the store's codes. */
static void
set_pg_error (AmparoDb    *db,
              PGconn      *conn,
              PGresult    *result,
              GError     **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *detail = result ? PQresultErrorMessage (result) : PQerrorMessage (conn);
  g_autofree char *message = g_strstrip (g_strdup (detail ? detail : ""));

  g_debug ("PostgreSQL error %s: %s", state ? state : "-", message);
  if (PQstatus (conn) != CONNECTION_OK || (state && g_str_has_prefix (state, "08")) ||
      g_strcmp0 (state, "57P01") == 0)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_UNREACHABLE,
                 _("The shared case store cannot be reached; your typing is kept. (%s)"), message);
  else if (g_strcmp0 (state, "23505") == 0)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE,
                 _("This record already exists."));
  else if (state && g_str_has_prefix (state, "23"))
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                 _("This record refers to a record that does not exist (%s)."), message);
  else if (g_strcmp0 (state, "53100") == 0)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DISK_FULL,
                 _("The server's disk is full. Nothing was saved; ask your administrator to free some space."));
  else if (g_strcmp0 (state, "25006") == 0 || g_strcmp0 (state, "42501") == 0)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                 _("Your account cannot change the shared case store “%s”. Ask your administrator for write access."),
                 db->label);
  else if (g_strcmp0 (state, "40001") == 0 || g_strcmp0 (state, "40P01") == 0 ||
           g_strcmp0 (state, "55P03") == 0)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                 _("The database is busy in another window or program. Try again in a moment."));
  else
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                 _("Could not read or write the database: %s"), message);
}

static void
pg_close (AmparoDb *db)
{
  PgDb *self = (PgDb *) db;

  PQfinish (self->conn);
  g_free (db->label);
  g_free (self);
}

/* `?` and `?N` (SQLite's) become `$N`, outside quotes. */
static char *
translate_placeholders (const char *sql,
                        int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int highest = 0;
  char quote = 0;

  for (const char *p = sql; *p; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
        }
      else if (*p == '\'' || *p == '"')
        {
          quote = *p;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          int number;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;
              number = (int) strtol (p + 1, &end, 10);
              p = end - 1;
            }
          else
            number = highest + 1;
          highest = MAX (highest, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = highest;
  return g_string_free (out, FALSE);
}

static AmparoDbStmt *
pg_prepare (AmparoDb    *db,
            const char  *sql,
            GError     **error)
{
  PgStmt *stmt = g_new0 (PgStmt, 1);

  stmt->parent.db = db;
  stmt->sql = translate_placeholders (sql, &stmt->n_params);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  stmt->row = -1;
  return &stmt->parent;
}

static gboolean
check_result (AmparoDb  *db,
              PGresult  *result,
              GError   **error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      const char *tuples = PQcmdTuples (result);
      db->changes = tuples && *tuples ? g_ascii_strtoll (tuples, NULL, 10) : 0;
      return TRUE;
    }
  set_pg_error (db, ((PgDb *) db)->conn, result, error);
  return FALSE;
}

static gboolean
pg_exec (AmparoDb    *db,
         const char  *sql,
         GError     **error)
{
  PGresult *result = PQexec (((PgDb *) db)->conn, sql);
  gboolean ok = check_result (db, result, error);

  PQclear (result);
  return ok;
}

static gint64
pg_last_insert_id (AmparoDb *db)
{
  PGresult *result = PQexec (((PgDb *) db)->conn, "SELECT lastval()");
  gint64 id = 0;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

static const char *
pg_begin_sql (AmparoDb *db)
{
  return "BEGIN";
}

static void
pg_reset (AmparoDbStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
}

static void
pg_clear_bindings (AmparoDbStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;

  for (int i = 0; i < self->n_params; i++)
    {
      g_clear_pointer (&self->values[i], g_free);
      self->types[i] = 0;
    }
}

static void
pg_stmt_free (AmparoDbStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;

  pg_reset (stmt);
  for (int i = 0; i < self->n_params; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->types);
  g_free (self->sql);
  g_free (self);
}

static void
set_param (PgStmt *self,
           int     index,
           char   *text,
           Oid     type)
{
  if (index < 1 || index > self->n_params)
    {
      g_free (text);
      g_return_if_reached ();
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = text;
  self->types[index - 1] = type;
}

static void
pg_bind_text (AmparoDbStmt *stmt,
              int           index,
              const char   *text)
{
  set_param ((PgStmt *) stmt, index, g_strdup (text), 0);
}

static void
pg_bind_int64 (AmparoDbStmt *stmt,
               int           index,
               gint64        value)
{
  set_param ((PgStmt *) stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), INT8OID);
}

static void
pg_bind_null (AmparoDbStmt *stmt,
              int           index)
{
  set_param ((PgStmt *) stmt, index, NULL, 0);
}

static AmparoDbStep
pg_step (AmparoDbStmt  *stmt,
         GError       **error)
{
  PgStmt *self = (PgStmt *) stmt;

  if (self->result == NULL)
    {
      self->result = PQexecParams (conn_of (stmt), self->sql, self->n_params, self->types,
                                   (const char * const *) self->values, NULL, NULL, 0);
      if (!check_result (stmt->db, self->result, error))
        {
          g_debug ("Failed: %s", self->sql);
          g_clear_pointer (&self->result, PQclear);
          return AMPARO_DB_ERROR;
        }
    }
  if (self->row + 1 < PQntuples (self->result))
    {
      self->row++;
      return AMPARO_DB_ROW;
    }
  self->row = PQntuples (self->result);
  return AMPARO_DB_DONE;
}

static gboolean
pg_column_is_null (AmparoDbStmt *stmt,
                   int           column)
{
  PgStmt *self = (PgStmt *) stmt;

  return PQgetisnull (self->result, self->row, column);
}

static const char *
pg_column_text (AmparoDbStmt *stmt,
                int           column)
{
  PgStmt *self = (PgStmt *) stmt;

  if (PQgetisnull (self->result, self->row, column))
    return NULL;
  return PQgetvalue (self->result, self->row, column);
}

/* Booleans come back as "t"/"f" where SQLite gives 1/0. */
static gint64
pg_column_int64 (AmparoDbStmt *stmt,
                 int           column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  if (text[0] == 'f' && text[1] == '\0')
    return 0;
  return g_ascii_strtoll (text, NULL, 10);
}

static int
pg_n_columns (AmparoDbStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;

  return self->result ? PQnfields (self->result) : 0;
}

static const AmparoDbClass pg_class = {
  .close = pg_close,
  .prepare = pg_prepare,
  .exec = pg_exec,
  .last_insert_id = pg_last_insert_id,
  .begin_sql = pg_begin_sql,
  .stmt_free = pg_stmt_free,
  .bind_text = pg_bind_text,
  .bind_int64 = pg_bind_int64,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .reset = pg_reset,
  .clear_bindings = pg_clear_bindings,
  .column_is_null = pg_column_is_null,
  .column_text = pg_column_text,
  .column_int64 = pg_column_int64,
  .n_columns = pg_n_columns,
};

gboolean
amparo_db_is_server_uri (const char *uri)
{
  return uri != NULL &&
         (g_str_has_prefix (uri, "postgresql://") || g_str_has_prefix (uri, "postgres://"));
}

static gboolean
is_loopback (const char *host)
{
  /* No host means the local socket; a path is a socket folder. */
  return host == NULL || host[0] == '\0' || host[0] == '/' ||
         g_ascii_strcasecmp (host, "localhost") == 0 ||
         g_str_has_prefix (host, "127.") || g_strcmp0 (host, "::1") == 0;
}

static PQconninfoOption *
parse_uri (const char  *uri,
           GError     **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (uri, &message);

  if (options == NULL)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                   _("“%s” is not a valid address of a shared case store: %s"),
                   uri, message ? g_strstrip (message) : "");
      PQfreemem (message);
    }
  return options;
}

static const char *
option_value (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    if (strcmp (o->keyword, keyword) == 0)
      return o->val;
  return NULL;
}

char *
amparo_db_pg_effective_sslmode (const char *uri)
{
  PQconninfoOption *options = parse_uri (uri, NULL);
  const char *host, *hostaddr, *sslmode;
  char *result = NULL;

  if (options == NULL)
    return NULL;
  host = option_value (options, "host");
  hostaddr = option_value (options, "hostaddr");
  sslmode = option_value (options, "sslmode");
  if (sslmode != NULL)
    result = g_strdup (sslmode);
  else if (!is_loopback (hostaddr ? hostaddr : host))
    result = g_strdup ("verify-full");
  PQconninfoFree (options);
  return result;
}

char *
amparo_db_pg_display_uri (const char *uri)
{
  PQconninfoOption *options = parse_uri (uri, NULL);
  const char *user, *host, *port, *dbname;
  char *text;

  if (options == NULL)
    return g_strdup ("postgresql://");
  user = option_value (options, "user");
  host = option_value (options, "host");
  port = option_value (options, "port");
  dbname = option_value (options, "dbname");
  text = g_strdup_printf ("postgresql://%s%s%s%s%s/%s",
                          user ? user : "", user ? "@" : "",
                          host && host[0] != '/' ? host : "",
                          port ? ":" : "", port ? port : "",
                          dbname ? dbname : "");
  PQconninfoFree (options);
  return text;
}

/* @password: (nullable): from the keyring; never part of @uri, which is
 * shown and kept in settings. */
static PGconn *
connect_with (const char  *uri,
              const char  *password,
              GError     **error)
{
  g_autofree char *sslmode = amparo_db_pg_effective_sslmode (uri);
  const char *keywords[5] = { "dbname", "application_name", NULL, NULL, NULL };
  const char *values[5] = { uri, "Amparo", NULL, NULL, NULL };
  guint n = 2;
  PQconninfoOption *options;
  PGconn *conn;

  if (!(options = parse_uri (uri, error)))
    return NULL;
  PQconninfoFree (options);
  if (sslmode != NULL)
    keywords[n] = "sslmode", values[n++] = sslmode;
  if (password != NULL)
    keywords[n] = "password", values[n++] = password;

  conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));
      g_autofree char *shown = amparo_db_pg_display_uri (uri);

      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_UNREACHABLE,
                   _("Could not connect to the shared case store “%s”: %s"), shown, message);
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

static void set_session (PGconn *conn);

static PGconn *
connect_to (const char  *uri,
            GError     **error)
{
  return connect_with (uri, NULL, error);
}

AmparoDb *
amparo_db_pg_open (const char  *uri,
                   GError     **error)
{
  return amparo_db_pg_open_with_password (uri, NULL, error);
}

AmparoDb *
amparo_db_pg_open_with_password (const char  *uri,
                                 const char  *password,
                                 GError     **error)
{
  PGconn *conn = connect_with (uri, password, error);
  PgDb *self;

  if (conn == NULL)
    return NULL;
  /* Dates and text compare as the SQLite store's do. */
  set_session (conn);

  self = g_new0 (PgDb, 1);
  self->parent.klass = &pg_class;
  self->parent.engine = AMPARO_DB_ENGINE_PG;
  self->parent.label = amparo_db_pg_display_uri (uri);
  self->conn = conn;
  return &self->parent;
}

/* Said again on every new connection (the first and each reconnect). */
static void
set_session (PGconn *conn)
{
  PGresult *result = PQexec (conn, "SET client_encoding = 'UTF8'; SET client_min_messages = warning");

  PQclear (result);
}

/**
 * amparo_db_pg_reconnect:
 *
 * After the server went away (restarted, the network down), connects
 * again with the same parameters (password included, which libpq kept).
 * Statements here hold no server-side state, so the cached ones work on
 * the new connection; LISTEN must be said again by the caller.
 *
 * Returns: %TRUE when the connection works (again), else %FALSE with an
 *   %AMPARO_STORE_ERROR_UNREACHABLE error
 */
gboolean
amparo_db_pg_reconnect (AmparoDb  *db,
                        GError   **error)
{
  PgDb *self = (PgDb *) db;
  PGresult *result;
  gboolean alive;

  g_return_val_if_fail (db->engine == AMPARO_DB_ENGINE_PG, FALSE);
  result = PQstatus (self->conn) == CONNECTION_OK ? PQexec (self->conn, "SELECT 1") : NULL;
  alive = result != NULL && PQresultStatus (result) == PGRES_TUPLES_OK;
  PQclear (result);
  if (alive)
    return TRUE;

  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_UNREACHABLE,
                   _("The shared case store cannot be reached; your typing is kept. (%s)"), message);
      return FALSE;
    }
  set_session (self->conn);
  return TRUE;
}

gboolean
amparo_db_pg_create_database (const char  *uri,
                              const char  *name,
                              GError     **error)
{
  PGconn *conn = connect_to (uri, error);
  g_autofree char *sql = NULL;
  char *quoted;
  PGresult *result;
  gboolean ok;

  if (conn == NULL)
    return FALSE;
  quoted = PQescapeIdentifier (conn, name, strlen (name));
  sql = g_strdup_printf ("CREATE DATABASE %s", quoted);
  PQfreemem (quoted);
  result = PQexec (conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    {
      AmparoDb label = { .label = (char *) name };
      set_pg_error (&label, conn, result, error);
    }
  PQclear (result);
  PQfinish (conn);
  return ok;
}

int
amparo_db_pg_socket (AmparoDb *db)
{
  g_return_val_if_fail (db->engine == AMPARO_DB_ENGINE_PG, -1);
  return PQsocket (((PgDb *) db)->conn);
}

/* Reads what the server sent since (without blocking) and returns the
 * payloads of the notifications received. */
GPtrArray *
amparo_db_pg_take_notifications (AmparoDb *db)
{
  PgDb *self = (PgDb *) db;
  GPtrArray *payloads = g_ptr_array_new_with_free_func (g_free);
  PGnotify *notify;

  g_return_val_if_fail (db->engine == AMPARO_DB_ENGINE_PG, payloads);
  PQconsumeInput (self->conn);
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      g_ptr_array_add (payloads, g_strdup (notify->extra));
      PQfreemem (notify);
    }
  return payloads;
}
