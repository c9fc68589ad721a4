/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-access.h"

/*
 * roles (#17): who the store is working for, and the one place the app
 * checks what that role may read and write (save and query call here).
 *
 * Who: on a shared server the database account that logged in, and its
 * role is the group role it is a member of (amparo_staff_role() in
 * resources/sql/pg/0016-staff.sql); the server enforces the same table
 * with GRANTs and row-level security, so these checks only make the
 * answers polite. On one desk the OS user, and its role is its row in
 * `staff`.
 *
 * The rule that keeps existing desks working: a store whose staff list
 * is empty has one user, its administrator — whoever opens it. The
 * first staff member saved on such a store makes the account saving it
 * an administrator first, if it did not name itself as one, so nobody
 * locks themselves out; on a server the database's owner is always an
 * administrator. Once there is a list, an account not on it sees nothing
 * (AMPARO_STAFF_ROLE_NONE) until an administrator adds it.
 */

#define ROLE_KEY "amparo-access-role"

static gint64
count_live_staff (AmparoStore *self)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (self, "SELECT count(*) FROM staff WHERE deleted_at IS NULL", NULL);

  if (stmt == NULL || amparo_db_step (stmt, NULL) != AMPARO_DB_ROW)
    return -1;
  return amparo_db_column_int64 (stmt, 0);
}

static AmparoStaffRole
role_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_STAFF_ROLE);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

  return value ? (AmparoStaffRole) value->value : AMPARO_STAFF_ROLE_NONE;
}

static AmparoStaffRole
read_role (AmparoStore *self)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG)
    {
      stmt = amparo_store_prepare_stmt (self, "SELECT amparo_staff_role ()", &error);
      if (stmt != NULL && amparo_db_step (stmt, &error) == AMPARO_DB_ROW)
        return role_from_nick (amparo_db_column_text (stmt, 0));
      /* The server still enforces its GRANTs; the window just shows all. */
      g_warning ("Could not read this account's role: %s", error ? error->message : "?");
      return AMPARO_STAFF_ROLE_ADMINISTRATOR;
    }

  stmt = amparo_store_prepare_stmt (self, "SELECT role FROM staff WHERE deleted_at IS NULL AND account = ?", NULL);
  if (stmt == NULL)
    return AMPARO_STAFF_ROLE_ADMINISTRATOR;  /* a store before migration 0016 */
  amparo_db_bind_text (stmt, 1, self->actor);
  if (amparo_db_step (stmt, NULL) == AMPARO_DB_ROW)
    return role_from_nick (amparo_db_column_text (stmt, 0));
  return count_live_staff (self) > 0 ? AMPARO_STAFF_ROLE_NONE : AMPARO_STAFF_ROLE_ADMINISTRATOR;
}

/**
 * amparo_store_get_role:
 *
 * Returns: the role of the staff member this store works for (see the
 *   rule at the top of amparo-store-access.c)
 */
AmparoStaffRole
amparo_store_get_role (AmparoStore *self)
{
  gpointer cached;

  g_return_val_if_fail (AMPARO_IS_STORE (self), AMPARO_STAFF_ROLE_NONE);

  cached = g_object_get_data (G_OBJECT (self), ROLE_KEY);
  if (cached == NULL)
    {
      cached = GINT_TO_POINTER (read_role (self) + 1);
      g_object_set_data (G_OBJECT (self), ROLE_KEY, cached);
    }
  return GPOINTER_TO_INT (cached) - 1;
}

void
amparo_store_access_forget_role (AmparoStore *self)
{
  g_object_set_data (G_OBJECT (self), ROLE_KEY, NULL);
}

/* The OS account a desk's store works for: a desk shared by several OS
 * users is told by its login, tests tell it here. */
void
amparo_store_access_set_account (AmparoStore *self,
                                 const char  *account)
{
  g_return_if_fail (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_SQLITE);

  g_free (self->actor);
  self->actor = g_strdup (account);
  amparo_store_access_forget_role (self);
}

/**
 * amparo_store_may:
 * @record_type: a record kind
 *
 * Returns: whether this store's staff member may read (or write) records
 *   of @record_type
 */
gboolean
amparo_store_may (AmparoStore        *self,
                  GType               record_type,
                  AmparoAccessAction  action)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  return amparo_access_allows (amparo_store_get_role (self), table_of (record_type), action);
}

/**
 * amparo_store_may_see_case_notes:
 *
 * Returns: whether the staff member may read and write case notes
 */
gboolean
amparo_store_may_see_case_notes (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  return amparo_access_allows_case_notes (amparo_store_get_role (self), AMPARO_ACCESS_READ);
}

gboolean
amparo_store_access_check (AmparoStore         *self,
                           GType                record_type,
                           AmparoAccessAction   action,
                           GError             **error)
{
  AmparoStaffRole role = amparo_store_get_role (self);
  const char *table = table_of (record_type);

  if (amparo_access_allows (role, table, action))
    return TRUE;
  if (action == AMPARO_ACCESS_WRITE && amparo_access_allows (role, table, AMPARO_ACCESS_READ))
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FORBIDDEN,
                 _("Your role (%s) may read these records but not change them. Nothing was saved."),
                 amparo_staff_role_get_label (role));
  else
    g_set_error_literal (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FORBIDDEN,
                         amparo_access_explain (table));
  return FALSE;
}

static void
append_literal (GString    *sql,
                const char *text)
{
  g_string_append_c (sql, '\'');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (sql, '\'');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '\'');
}

static char *
read_own_programs (AmparoStore *self)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (self, "SELECT programs FROM staff WHERE deleted_at IS NULL AND account = ?", NULL);

  if (stmt == NULL)
    return NULL;
  amparo_db_bind_text (stmt, 1, self->actor);
  if (amparo_db_step (stmt, NULL) != AMPARO_DB_ROW)
    return NULL;
  return g_strdup (amparo_db_column_text (stmt, 0));
}

/* The persons this desk's staff member may not see: restricted to others,
 * or (an attorney with programs) in another program. */
static char *
hidden_persons (AmparoStore *self)
{
  g_autoptr(GString) sql = g_string_new ("SELECT person_id FROM case_restrictions WHERE deleted_at IS NULL"
                                         " GROUP BY person_id HAVING sum (account = ");
  g_autofree char *programs = NULL;

  append_literal (sql, self->actor);
  g_string_append (sql, ") = 0");
  if (amparo_store_get_role (self) == AMPARO_STAFF_ROLE_ATTORNEY &&
      (programs = read_own_programs (self)) != NULL && *g_strstrip (programs) != '\0')
    {
      g_auto(GStrv) names = g_strsplit (programs, ",", -1);

      g_string_append (sql, " UNION SELECT id FROM persons WHERE coalesce (program, '') <> '' AND program NOT IN (");
      for (guint i = 0; names[i]; i++)
        {
          if (i > 0)
            g_string_append (sql, ", ");
          append_literal (sql, g_strstrip (names[i]));
        }
      g_string_append_c (sql, ')');
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* SQL to AND into a query of @record_type so that restricted client
 * records stay out of it, or %NULL when nothing needs leaving out (an
 * administrator; the server, whose row-level security does it). */
char *
amparo_store_access_filter (AmparoStore *self,
                            GType        record_type)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *hidden = NULL;

  if (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG ||
      amparo_store_get_role (self) == AMPARO_STAFF_ROLE_ADMINISTRATOR ||
      self->schema_version < 16)
    return NULL;

  hidden = hidden_persons (self);
  if (record_type == AMPARO_TYPE_PERSON)
    return g_strdup_printf ("id NOT IN (%s)", hidden);
  if (record_type == AMPARO_TYPE_RELATIONSHIP)
    return g_strdup_printf ("person_id NOT IN (%s) AND relative_id NOT IN (%s)", hidden, hidden);
  if (record_type == AMPARO_TYPE_JOURNAL_ENTRY)
    return g_strdup_printf ("NOT (coalesce (table_name, '') = 'persons' AND record_id IN (%s))", hidden);
  klass = g_type_class_ref (record_type);
  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "person-id") != NULL)
    return g_strdup_printf ("coalesce (person_id, 0) NOT IN (%s)", hidden);
  return NULL;
}

/* The columns a SELECT of @record_type reads for this store's staff
 * member: all of them, but case notes for a role without them are read
 * as `NULL AS notes`. On the server that role may not select the column
 * at all (migration 0021's column GRANTs), so a whole-row SELECT would be
 * refused; this one keeps the row's shape, and the record comes without
 * notes. Copy, checksums and the journal read whole rows: they run as
 * the owner or an administrator. */
const char *
amparo_store_access_select_columns (AmparoStore *self,
                                    GType        record_type)
{
  static gsize without_notes;

  if (record_type != AMPARO_TYPE_PERSON || amparo_store_may_see_case_notes (self))
    return amparo_store_get_select_columns (record_type);

  if (g_once_init_enter (&without_notes))
    {
      g_auto(GStrv) names = g_strsplit (amparo_store_get_select_columns (record_type), ", ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "notes"))
          {
            g_free (names[i]);
            names[i] = g_strdup ("NULL AS notes");
          }
      g_once_init_leave (&without_notes, (gsize) g_strjoinv (", ", names));
    }
  return (const char *) without_notes;
}

/* Before a save: the role may write the kind; case notes only by those
 * who may; the first staff member of a store keeps its user an
 * administrator. */
gboolean
amparo_store_access_before_save (AmparoStore   *self,
                                 AmparoRecord  *record,
                                 GError       **error)
{
  GType type = G_OBJECT_TYPE (record);

  if (!amparo_store_access_check (self, type, AMPARO_ACCESS_WRITE, error))
    return FALSE;

  if (AMPARO_IS_PERSON (record) && !amparo_store_may_see_case_notes (self))
    {
      g_autoptr(AmparoRecord) stored = NULL;
      const char *notes = amparo_person_get_notes (AMPARO_PERSON (record));

      if (amparo_record_get_id (record) != 0)
        stored = amparo_store_get_by_id (self, type, amparo_record_get_id (record), NULL);
      if (g_strcmp0 (notes && *notes ? notes : NULL,
                     stored ? amparo_person_get_notes (AMPARO_PERSON (stored)) : NULL) != 0)
        {
          g_set_error_literal (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FORBIDDEN,
                               amparo_access_explain ("notes"));
          return FALSE;
        }
    }

  if (AMPARO_IS_STAFF (record) && amparo_record_get_id (record) == 0 &&
      amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_SQLITE &&
      count_live_staff (self) == 0 &&
      (g_strcmp0 (amparo_staff_get_account (AMPARO_STAFF (record)), self->actor) != 0 ||
       amparo_staff_get_role (AMPARO_STAFF (record)) != AMPARO_STAFF_ROLE_ADMINISTRATOR))
    {
      g_autoptr(AmparoStaff) first = amparo_staff_new ();

      amparo_staff_set_account (first, self->actor);
      amparo_staff_set_role (first, AMPARO_STAFF_ROLE_ADMINISTRATOR);
      if (!amparo_store_save_in_transaction (self, AMPARO_RECORD (first), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * amparo_store_get_restriction:
 * @person: a saved person
 *
 * Returns: (transfer full): the accounts the client record is restricted
 *   to, sorted; empty when it is not restricted
 */
char **
amparo_store_get_restriction (AmparoStore  *self,
                              AmparoPerson *person)
{
  g_autoptr(GStrvBuilder) accounts = g_strv_builder_new ();
  g_autoptr(AmparoDbStmt) stmt = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  stmt = amparo_store_prepare_stmt (self, "SELECT account FROM case_restrictions"
                                    " WHERE person_id = ? AND deleted_at IS NULL ORDER BY account", NULL);
  if (stmt != NULL)
    {
      amparo_db_bind_int64 (stmt, 1, amparo_record_get_id (AMPARO_RECORD (person)));
      while (amparo_db_step (stmt, NULL) == AMPARO_DB_ROW)
        g_strv_builder_add (accounts, amparo_db_column_text (stmt, 0));
    }
  return g_strv_builder_end (accounts);
}

static GPtrArray *
load_restrictions (AmparoStore  *self,
                   AmparoPerson *person,
                   GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AmparoDbStep rc;

  stmt = amparo_store_prepare_stmt (self, "SELECT id FROM case_restrictions WHERE person_id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  amparo_db_bind_int64 (stmt, 1, amparo_record_get_id (AMPARO_RECORD (person)));
  while ((rc = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      gint64 id = amparo_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != AMPARO_DB_DONE)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      AmparoRecord *row = amparo_store_get_by_id (self, AMPARO_TYPE_CASE_RESTRICTION,
                                                  g_array_index (ids, gint64, i), error);
      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/**
 * amparo_store_set_restriction:
 * @person: a saved person
 * @accounts: (array zero-terminated=1) (nullable): the staff accounts
 *   allowed; empty or %NULL lifts the restriction
 *
 * Restricts a client record to named staff (and administrators): on a
 * server no other account's connection can read it, nor what hangs from
 * it. Journaled like any save.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed
 */
gboolean
amparo_store_set_restriction (AmparoStore         *self,
                              AmparoPerson        *person,
                              const char * const  *accounts,
                              GError             **error)
{
  g_autoptr(GPtrArray) current = NULL;
  gint64 person_id;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), FALSE);

  person_id = amparo_record_get_id (AMPARO_RECORD (person));
  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!(current = load_restrictions (self, person, error)))
    goto failed;
  for (guint i = 0; i < current->len; i++)
    {
      AmparoCaseRestriction *row = current->pdata[i];

      if ((accounts == NULL || !g_strv_contains (accounts, amparo_case_restriction_get_account (row))) &&
          !amparo_store_set_deleted (self, AMPARO_RECORD (row), TRUE, error))
        goto failed;
    }
  for (guint i = 0; accounts != NULL && accounts[i] != NULL; i++)
    {
      g_autoptr(AmparoCaseRestriction) row = NULL;
      gboolean have = FALSE;

      for (guint j = 0; j < current->len; j++)
        have |= g_strcmp0 (amparo_case_restriction_get_account (current->pdata[j]), accounts[i]) == 0;
      if (have || *accounts[i] == '\0')
        continue;
      row = amparo_case_restriction_new ();
      amparo_case_restriction_set_person_id (row, person_id);
      amparo_case_restriction_set_account (row, accounts[i]);
      if (!amparo_store_save_in_transaction (self, AMPARO_RECORD (row), error))
        goto failed;
    }
  amparo_store_queue_changed (self, AMPARO_RECORD (person));
  return amparo_store_commit (self, error);

failed:
  amparo_store_rollback (self);
  return FALSE;
}
