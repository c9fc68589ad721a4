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
#include "amparo-query-model.h"
#include "amparo-record-private.h"

#define MIGRATIONS_PATH "/io/github/amparo/Amparo/sql"

struct _AmparoStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  int schema_version;

  /* Nesting depth of amparo_store_begin(); inner levels are savepoints. */
  guint tx_depth;
  /* Records saved in the open transaction: announced after COMMIT, and
   * given back their unsaved state if it rolls back. */
  GPtrArray *tx_changed;
  GPtrArray *tx_inserted;
  GArray *tx_inserted_depth;  /* the level each was inserted at */

  char *actor;
  char *host;

  /* The daily backup copies the file in a thread of its own (with its own
   * connection), so a large store opens at once. */
  GThread *backup_thread;
  GCancellable *backup_cancellable;
};

G_DEFINE_FINAL_TYPE (AmparoStore, amparo_store, G_TYPE_OBJECT)

enum {
  RECORD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* Helpers */

static const char *
table_of (GType record_type)
{
  return amparo_record_type_get_table_name (record_type);
}

static gboolean
property_is_reference (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_INT64 && g_str_has_suffix (pspec->name, "-id");
}

static void
bind_value (sqlite3_stmt *stmt,
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

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (json, "\\%c", c);
      else if (c == '\n')
        g_string_append (json, "\\n");
      else if (c == '\t')
        g_string_append (json, "\\t");
      else if (c == '\r')
        g_string_append (json, "\\r");
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, c);
    }
  g_string_append_c (json, '"');
}

static void
append_json_value (GString      *json,
                   GParamSpec   *pspec,
                   const GValue *value)
{
  GType type = pspec->value_type;

  if (value == NULL)
    g_string_append (json, "null");
  else if (type == G_TYPE_STRING)
    {
      if (g_value_get_string (value) != NULL)
        append_json_string (json, g_value_get_string (value));
      else
        g_string_append (json, "null");
    }
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (json, g_value_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_INT)
    g_string_append_printf (json, "%d", g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    {
      if (property_is_reference (pspec) && g_value_get_int64 (value) == 0)
        g_string_append (json, "null");
      else
        g_string_append_printf (json, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      append_json_string (json, enum_value ? enum_value->value_nick : "");
    }
}

static gboolean
is_bookkeeping_column (GParamSpec *pspec)
{
  return pspec->owner_type == AMPARO_TYPE_RECORD;
}

/* Adds `"column": {"old": …, "new": …}` when the values differ. */
static gboolean
append_change (GString      *json,
               GParamSpec   *pspec,
               const GValue *old_value,
               const GValue *new_value)
{
  g_auto(GValue) old_default = G_VALUE_INIT;
  g_auto(GValue) new_default = G_VALUE_INIT;
  g_autofree char *column = NULL;

  if (old_value == NULL)
    {
      g_value_init (&old_default, pspec->value_type);
      g_param_value_set_default (pspec, &old_default);
    }
  if (new_value == NULL)
    {
      g_value_init (&new_default, pspec->value_type);
      g_param_value_set_default (pspec, &new_default);
    }
  if (g_param_values_cmp (pspec, old_value ? old_value : &old_default,
                          new_value ? new_value : &new_default) == 0)
    return FALSE;

  column = amparo_property_to_column (pspec->name);
  if (json->len > 1)
    g_string_append_c (json, ',');
  append_json_string (json, column);
  g_string_append (json, ":{\"old\":");
  append_json_value (json, pspec, old_value);
  g_string_append (json, ",\"new\":");
  append_json_value (json, pspec, new_value);
  g_string_append_c (json, '}');
  return TRUE;
}

static gboolean
write_journal (AmparoStore         *self,
               AmparoJournalAction  action,
               AmparoRecord        *record,
               const char          *changes,
               const char          *details,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_JOURNAL_ACTION);
  g_autofree char *uid = g_uuid_string_random ();
  g_autofree char *now = amparo_store_now ();
  int rc;

  stmt = amparo_store_prepare (self,
                               "INSERT INTO journal (uid, created_at, updated_at, actor, host,"
                               " action, table_name, record_uid, record_id, changes, details)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, self->host, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, g_enum_get_value (enum_class, action)->value_nick, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, amparo_record_get_table_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, amparo_record_get_uid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, amparo_record_get_id (record));
  sqlite3_bind_text (stmt, 10, changes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, details, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return amparo_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static void
set_property_value (AmparoRecord *record,
                    const char   *property,
                    const char   *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  amparo_record_take_value (record,
                            g_object_class_find_property (G_OBJECT_GET_CLASS (record), property),
                            &value);
}

static gboolean
insert_record (AmparoStore   *self,
               AmparoRecord  *record,
               GError       **error)
{
  GType type = G_OBJECT_TYPE (record);
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (type);
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(GString) changes = g_string_new ("{");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = amparo_store_now ();
  int rc;

  if (amparo_record_get_uid (record) == NULL)
    {
      g_autofree char *uid = g_uuid_string_random ();
      set_property_value (record, "uid", uid);
    }
  set_property_value (record, "created-at", now);
  set_property_value (record, "updated-at", now);

  g_string_append_printf (sql, "%s (", table_of (type));
  for (guint i = 1; i < pspecs->len; i++)
    {
      g_autofree char *column = amparo_property_to_column (((GParamSpec *) pspecs->pdata[i])->name);
      g_string_append_printf (sql, "%s%s", i > 1 ? ", " : "", column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 1; i < pspecs->len; i++)
    g_string_append (sql, i > 1 ? ", ?" : "?");
  g_string_append (sql, ")");

  if (!(stmt = amparo_store_prepare (self, sql->str, error)))
    return FALSE;

  for (guint i = 1; i < pspecs->len; i++)
    {
      GParamSpec *pspec = pspecs->pdata[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);
      bind_value (stmt, i, pspec, &value);
      if (!is_bookkeeping_column (pspec))
        append_change (changes, pspec, NULL, amparo_record_peek_value (record, pspec));
    }
  g_string_append_c (changes, '}');

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return amparo_store_set_sqlite_error (self, rc, error);

  amparo_record_set_int64 (record, "id", sqlite3_last_insert_rowid (self->db));
  g_ptr_array_add (self->tx_inserted, g_object_ref (record));
  g_array_append_val (self->tx_inserted_depth, self->tx_depth);

  return write_journal (self, AMPARO_JOURNAL_ACTION_INSERT, record, changes->str, NULL, error);
}

static gboolean
update_record (AmparoStore   *self,
               AmparoRecord  *record,
               gboolean      *changed_any,
               GError       **error)
{
  GType type = G_OBJECT_TYPE (record);
  g_autoptr(AmparoRecord) stored = NULL;
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (type);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) changes = g_string_new ("{");
  g_autoptr(GString) sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  int rc;

  stored = amparo_store_get_by_id (self, type, amparo_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = pspecs->pdata[i];

      if (is_bookkeeping_column (pspec))
        continue;
      if (append_change (changes, pspec, amparo_record_peek_value (stored, pspec),
                         amparo_record_peek_value (record, pspec)))
        g_ptr_array_add (changed, pspec);
    }
  g_string_append_c (changes, '}');

  /* Nothing changed: no write, no journal row, no signal. */
  *changed_any = changed->len > 0;
  if (changed->len == 0)
    return TRUE;

  now = amparo_store_now ();
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?", table_of (type));
  for (guint i = 0; i < changed->len; i++)
    {
      g_autofree char *column = amparo_property_to_column (((GParamSpec *) changed->pdata[i])->name);
      g_string_append_printf (sql, ", %s = ?", column);
    }
  g_string_append (sql, " WHERE id = ?");

  if (!(stmt = amparo_store_prepare (self, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  for (guint i = 0; i < changed->len; i++)
    {
      GParamSpec *pspec = changed->pdata[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);
      bind_value (stmt, i + 2, pspec, &value);
    }
  sqlite3_bind_int64 (stmt, changed->len + 2, amparo_record_get_id (record));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return amparo_store_set_sqlite_error (self, rc, error);

  set_property_value (record, "updated-at", now);
  return write_journal (self, AMPARO_JOURNAL_ACTION_UPDATE, record, changes->str, NULL, error);
}

/* Records inserted at @depth or deeper are gone with the rollback: make
 * them unsaved again, so saving them once more inserts them. */
static void
forget_inserted (AmparoStore *self,
                 guint        depth)
{
  for (guint i = self->tx_inserted->len; i > 0; i--)
    if (g_array_index (self->tx_inserted_depth, guint, i - 1) >= depth)
      {
        amparo_record_set_int64 (self->tx_inserted->pdata[i - 1], "id", 0);
        g_ptr_array_remove_index (self->tx_inserted, i - 1);
        g_array_remove_index (self->tx_inserted_depth, i - 1);
      }
}

static void
queue_changed (AmparoStore  *self,
               AmparoRecord *record)
{
  if (!g_ptr_array_find (self->tx_changed, record, NULL))
    g_ptr_array_add (self->tx_changed, g_object_ref (record));
}

/* A membership owes its benefits: one per term of its litigation, each
 * ending `months` after the start, each end a dated event on the agenda. */
static gboolean
sync_benefits (AmparoStore       *self,
               AmparoMembership  *membership,
               GError           **error);

static gboolean
run_rules_after_save (AmparoStore   *self,
                      AmparoRecord  *record,
                      GError       **error)
{
  if (AMPARO_IS_MEMBERSHIP (record))
    return sync_benefits (self, AMPARO_MEMBERSHIP (record), error);
  return TRUE;
}

static gpointer
find_one (AmparoStore  *self,
          GType         record_type,
          const char   *where,
          gint64        id,
          const char   *text)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s LIMIT 1",
                         amparo_store_get_select_columns (record_type),
                         table_of (record_type), where);
  if (!(stmt = amparo_store_prepare (self, sql, NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return amparo_store_record_from_row (record_type, stmt, 0);
}

static const char *
benefit_end_title (AmparoBenefitKind kind)
{
  switch (kind)
    {
    case AMPARO_BENEFIT_KIND_HOUSING: return _("Housing support ends");
    case AMPARO_BENEFIT_KIND_MEDICAL: return _("Medical support ends");
    case AMPARO_BENEFIT_KIND_MENTAL_HEALTH: return _("Mental health support ends");
    case AMPARO_BENEFIT_KIND_OTHER:
    default:
      return _("Benefit ends");
    }
}

static gboolean
sync_one_benefit (AmparoStore       *self,
                  AmparoMembership  *membership,
                  AmparoBenefitKind  kind,
                  int                months,
                  GError           **error)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_BENEFIT_KIND);
  const char *start = amparo_membership_get_benefits_start (membership);
  g_autofree char *end = amparo_date_add_months (start, months);
  g_autoptr(AmparoBenefit) benefit = NULL;
  g_autoptr(AmparoEvent) event = NULL;

  benefit = find_one (self, AMPARO_TYPE_BENEFIT,
                      "membership_id = ? AND kind = ? AND deleted_at IS NULL",
                      amparo_record_get_id (AMPARO_RECORD (membership)),
                      g_enum_get_value (enum_class, kind)->value_nick);
  if (benefit == NULL)
    {
      benefit = amparo_benefit_new ();
      amparo_benefit_set_membership_id (benefit, amparo_record_get_id (AMPARO_RECORD (membership)));
      amparo_benefit_set_kind (benefit, kind);
    }
  amparo_benefit_set_months (benefit, months);
  amparo_benefit_set_starts_on (benefit, start);
  amparo_benefit_set_ends_on (benefit, end);
  if (!amparo_store_save_in_transaction (self, AMPARO_RECORD (benefit), error))
    return FALSE;

  event = find_one (self, AMPARO_TYPE_EVENT, "benefit_id = ? AND deleted_at IS NULL",
                    amparo_record_get_id (AMPARO_RECORD (benefit)), NULL);
  if (event == NULL)
    {
      event = amparo_event_new ();
      amparo_event_set_benefit_id (event, amparo_record_get_id (AMPARO_RECORD (benefit)));
      amparo_event_set_kind (event, AMPARO_EVENT_KIND_BENEFIT_END);
      amparo_event_set_source (event, AMPARO_EVENT_SOURCE_COMPUTED);
      amparo_event_set_title (event, benefit_end_title (kind));
    }
  amparo_event_set_person_id (event, amparo_membership_get_person_id (membership));
  amparo_event_set_starts_at (event, end);
  return amparo_store_save_in_transaction (self, AMPARO_RECORD (event), error);
}

static gboolean
sync_benefits (AmparoStore       *self,
               AmparoMembership  *membership,
               GError           **error)
{
  g_autoptr(AmparoLitigation) litigation = NULL;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_BENEFIT_KIND);
  g_auto(GStrv) terms = NULL;

  /* Without a start date nothing can be computed; earlier benefits stay. */
  if (amparo_membership_get_benefits_start (membership) == NULL)
    return TRUE;

  litigation = amparo_store_get_by_id (self, AMPARO_TYPE_LITIGATION,
                                       amparo_membership_get_litigation_id (membership), error);
  if (litigation == NULL)
    return FALSE;
  if (amparo_litigation_get_benefit_terms (litigation) == NULL)
    return TRUE;

  terms = g_strsplit (amparo_litigation_get_benefit_terms (litigation), "\n", -1);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (terms[i]), "=", 2);
      GEnumValue *kind;
      guint64 months;

      if (g_strv_length (parts) != 2)
        continue;
      kind = g_enum_get_value_by_nick (enum_class, g_strstrip (parts[0]));
      if (kind == NULL ||
          !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 1, 1200, &months, NULL))
        continue;
      if (!sync_one_benefit (self, membership, kind->value, (int) months, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_deleted (AmparoStore          *self,
             AmparoRecord         *record,
             gboolean              deleted,
             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *now = amparo_store_now ();
  const char *old = amparo_record_get_deleted_at (record);
  int rc;

  sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?, updated_at = ? WHERE id = ?",
                         amparo_record_get_table_name (record));
  if (!(stmt = amparo_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, deleted ? now : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, amparo_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return amparo_store_set_sqlite_error (self, rc, error);

  g_string_append (changes, "{\"deleted_at\":{\"old\":");
  if (old != NULL)
    append_json_string (changes, old);
  else
    g_string_append (changes, "null");
  g_string_append (changes, ",\"new\":");
  if (deleted)
    append_json_string (changes, now);
  else
    g_string_append (changes, "null");
  g_string_append (changes, "}}");

  if (!write_journal (self, deleted ? AMPARO_JOURNAL_ACTION_DELETE : AMPARO_JOURNAL_ACTION_RESTORE,
                      record, changes->str, NULL, error))
    return FALSE;

  set_property_value (record, "deleted-at", deleted ? now : NULL);
  set_property_value (record, "updated-at", now);
  queue_changed (self, record);
  return TRUE;
}

static GListModel *
list_for (AmparoStore  *self,
          GType         record_type,
          const char   *where,
          gint64        id,
          const char   *order)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_text, NULL };
  const char *order_by[] = { order, NULL };

  return G_LIST_MODEL (amparo_query_model_new (self, record_type, where, params,
                                               order ? order_by : NULL));
}

static GListModel *
list_watching (AmparoStore  *self,
               GType         record_type,
               GType         link_type,
               const char   *where,
               gint64        id,
               const char   *order)
{
  GListModel *model = list_for (self, record_type, where, id, order);

  amparo_query_model_watch_type (AMPARO_QUERY_MODEL (model), link_type);
  return model;
}

/* Migrations */

static int
parse_migration_version (const char *name)
{
  guint64 version = 0;
  g_autofree char *digits = g_strndup (name, 4);

  if (strlen (name) < 6 || name[4] != '-' || !g_str_has_suffix (name, ".sql") ||
      !g_ascii_string_to_unsigned (digits, 10, 1, 9999, &version, NULL))
    return 0;
  return (int) version;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *migrations = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (parse_migration_version (names[i]) > 0)
      g_ptr_array_add (migrations, g_strdup (names[i]));
  g_ptr_array_sort (migrations, compare_names);

  /* Two files with one number: the second would silently never run. */
  for (guint i = 1; i < migrations->len; i++)
    if (parse_migration_version (migrations->pdata[i]) == parse_migration_version (migrations->pdata[i - 1]))
      g_critical ("Migrations %s and %s have the same number; renumber one",
                  (char *) migrations->pdata[i - 1], (char *) migrations->pdata[i]);
  return migrations;
}

static int
latest_known_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  if (migrations->len == 0)
    return 0;
  return parse_migration_version (g_ptr_array_index (migrations, migrations->len - 1));
}

static gboolean
apply_migration (AmparoStore  *self,
                 const char   *name,
                 int           version,
                 GError      **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragmas = NULL;

  bytes = g_resources_lookup_data (resource, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                             version, AMPARO_APPLICATION_ID);

  if (!amparo_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!amparo_store_exec (self, sql, error) || !amparo_store_exec (self, pragmas, error) ||
      !amparo_store_exec (self, "COMMIT", error))
    {
      g_prefix_error (error, _("Could not update the database to version %d: "), version);
      amparo_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  self->schema_version = version;
  g_debug ("Applied migration %s", name);
  return TRUE;
}

static gboolean
migrate (AmparoStore  *self,
         GError      **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int version = parse_migration_version (name);

      if (version > self->schema_version &&
          !apply_migration (self, name, version, error))
        return FALSE;
    }
  return TRUE;
}

/* Opening */

static gboolean
query_int (AmparoStore  *self,
           const char   *sql,
           int          *result,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = amparo_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return amparo_store_set_sqlite_error (self, rc, error);
  *result = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Creates the file ourselves so it is 0600 from its first byte; SQLite
 * gives its -wal and -shm files the same mode. */
static gboolean
prepare_file (const char  *path,
              gboolean    *created,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  int fd;

  *created = FALSE;
  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                       _("“%s” is not an Amparo database. Choose another file."), path);
          return FALSE;
        }
      /* Honour a file someone marked read-only, even when running as root. */
      if ((st.st_mode & S_IWUSR) == 0 || g_access (path, W_OK) != 0)
        {
          g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                       _("The database “%s” is read-only. Ask your administrator to make it writable, or open a copy."),
                       path);
          return FALSE;
        }
      if (st.st_size > 0)
        return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR,
                   saved_errno == ENOSPC ? AMPARO_STORE_ERROR_DISK_FULL : AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AMPARO_STORE_ERROR,
                   saved_errno == ENOSPC ? AMPARO_STORE_ERROR_DISK_FULL : AMPARO_STORE_ERROR_READ_ONLY,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  *created = TRUE;
  return TRUE;
}

/* Reads only the header and the schema: nothing is written before we
 * know the file is ours and not from a newer Amparo. */
static gboolean
check_identity (AmparoStore  *self,
                GError      **error)
{
  int application_id = 0;
  int n_objects = 0;
  int known = latest_known_version ();

  /* A build whose resource was dropped by the linker would otherwise
   * "open" an empty file without any tables. */
  if (known == 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
                   _("This copy of Amparo is incomplete: its database schema is missing. Reinstall Amparo."));
      return FALSE;
    }

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id != AMPARO_APPLICATION_ID &&
      !(application_id == 0 && self->schema_version == 0 && n_objects == 0))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO,
                   _("“%s” is a database, but not an Amparo database. Choose another file."),
                   self->path);
      return FALSE;
    }

  if (self->schema_version > known)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Amparo (database version %d; this version knows up to %d). Update Amparo to open it; the file was not changed."),
                   self->path, self->schema_version, known);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_pragmas (AmparoStore  *self,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;

  if (!amparo_store_exec (self,
                          "PRAGMA busy_timeout = 5000;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA synchronous = FULL;", error))
    return FALSE;

  if (!(stmt = amparo_store_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return amparo_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written. Check that its folder is writable and on this computer (not a network drive)."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *path;
  GCancellable *cancellable;
} DailyBackup;

static gpointer
daily_backup_thread (gpointer data)
{
  DailyBackup *job = data;
  g_autoptr(GError) error = NULL;

  /* A failed daily backup must not keep staff from their records; it is
   * tried again at the next start. */
  if (!amparo_store_run_daily_backup (job->path, job->cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Daily backup of %s failed: %s", job->path, error->message);

  g_free (job->path);
  g_object_unref (job->cancellable);
  g_free (job);
  return NULL;
}

static void
start_daily_backup (AmparoStore *self)
{
  DailyBackup *job = g_new0 (DailyBackup, 1);

  self->backup_cancellable = g_cancellable_new ();
  job->path = g_strdup (self->path);
  job->cancellable = g_object_ref (self->backup_cancellable);
  self->backup_thread = g_thread_new ("amparo-daily-backup", daily_backup_thread, job);
}

static gboolean
open_database (AmparoStore  *self,
               GError      **error)
{
  gboolean created;
  int rc;

  if (!prepare_file (self->path, &created, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    return amparo_store_set_sqlite_error (self, rc, error);
  sqlite3_extended_result_codes (self->db, 1);

  if (!check_identity (self, error) || !set_pragmas (self, error) || !migrate (self, error))
    return FALSE;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is read-only. Ask your administrator to make it writable, or open a copy."),
                   self->path);
      return FALSE;
    }

  if (!created)
    start_daily_backup (self);
  return TRUE;
}

/* Overrides */

static void
amparo_store_finalize (GObject *object)
{
  AmparoStore *self = AMPARO_STORE (object);

  /* Quitting must not wait for a long copy: stop it; the next start
   * makes the day's backup again. */
  if (self->backup_thread != NULL)
    {
      g_cancellable_cancel (self->backup_cancellable);
      amparo_store_wait_for_daily_backup (self);
    }

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->tx_changed, g_ptr_array_unref);
  g_clear_pointer (&self->tx_inserted, g_ptr_array_unref);
  g_clear_pointer (&self->tx_inserted_depth, g_array_unref);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (amparo_store_parent_class)->finalize (object);
}

static void
amparo_store_class_init (AmparoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_store_finalize;

  /**
   * AmparoStore::record-changed:
   * @record: the record saved, moved to the Trash or restored
   *
   * Emitted after the change is committed. Lists of the record's kind
   * refresh themselves on it.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMPARO_TYPE_RECORD);
}

static void
amparo_store_init (AmparoStore *self)
{
  self->tx_changed = g_ptr_array_new_with_free_func (g_object_unref);
  self->tx_inserted = g_ptr_array_new_with_free_func (g_object_unref);
  self->tx_inserted_depth = g_array_new (FALSE, FALSE, sizeof (guint));
  self->actor = g_strdup (g_get_user_name ());
  self->host = g_strdup (g_get_host_name ());
}

/* Private API */

void
amparo_store_wait_for_daily_backup (AmparoStore *self)
{
  if (self->backup_thread != NULL)
    g_thread_join (g_steal_pointer (&self->backup_thread));
  g_clear_object (&self->backup_cancellable);
}

sqlite3 *
amparo_store_get_db (AmparoStore *self)
{
  return self->db;
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

gboolean
amparo_store_save_in_transaction (AmparoStore   *self,
                                  AmparoRecord  *record,
                                  GError       **error)
{
  gboolean inserting = amparo_record_get_id (record) == 0;
  gboolean changed = TRUE;

  if (!amparo_store_normalize_and_validate (self, record, error))
    return FALSE;
  if (!(inserting ? insert_record (self, record, error)
                  : update_record (self, record, &changed, error)))
    return FALSE;
  if (!changed)
    return TRUE;
  if (!run_rules_after_save (self, record, error))
    return FALSE;
  queue_changed (self, record);
  return TRUE;
}

/* Public API */

/**
 * amparo_store_open:
 * @path: the database file; created (mode 0600) if missing
 * @error: return location for an #AMPARO_STORE_ERROR
 *
 * Opens the case store, creating or updating its schema. A file that is
 * not an Amparo database, or was written by a newer Amparo, is refused and
 * left unchanged. Once a day the open also starts a backup, in a
 * background thread, into the `backups` folder next to the file (the
 * last 7 are kept); closing the store stops it if it is still running.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AmparoStore *
amparo_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(AmparoStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (AMPARO_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  if (!open_database (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * amparo_store_get_path:
 *
 * Returns: (transfer none): the database file's absolute path
 */
const char *
amparo_store_get_path (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  return self->path;
}

/**
 * amparo_store_get_schema_version:
 *
 * Returns: the schema version (`user_version`) of the open file
 */
int
amparo_store_get_schema_version (AmparoStore *self)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * amparo_store_default_path:
 *
 * `$AMPARO_DATABASE` if set, else `$XDG_DATA_HOME/amparo/amparo.db`.
 *
 * Returns: (transfer full): the path
 */
char *
amparo_store_default_path (void)
{
  const char *env = g_getenv ("AMPARO_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "amparo", "amparo.db", NULL);
}

/**
 * amparo_store_begin:
 *
 * Opens a transaction; calls nest (inner ones are savepoints). Every
 * begin must be matched by amparo_store_commit() or
 * amparo_store_rollback(). Saves inside it become visible, and are
 * announced through #AmparoStore::record-changed, at the outermost commit.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_begin (AmparoStore  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);

  sql = self->tx_depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                            : g_strdup_printf ("SAVEPOINT level%u", self->tx_depth);
  if (!amparo_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

/**
 * amparo_store_commit:
 *
 * Commits the innermost transaction. If the outermost commit fails (a
 * full disk), everything since amparo_store_begin() is rolled back.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_commit (AmparoStore  *self,
                     GError      **error)
{
  g_autoptr(GPtrArray) changed = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE level%u", self->tx_depth - 1);

      if (!amparo_store_exec (self, sql, error))
        return FALSE;
      self->tx_depth--;
      /* Their fate is now the enclosing level's. */
      for (guint i = 0; i < self->tx_inserted_depth->len; i++)
        if (g_array_index (self->tx_inserted_depth, guint, i) > self->tx_depth)
          g_array_index (self->tx_inserted_depth, guint, i) = self->tx_depth;
      return TRUE;
    }

  if (!amparo_store_exec (self, "COMMIT", error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  self->tx_depth = 0;
  g_ptr_array_set_size (self->tx_inserted, 0);
  g_array_set_size (self->tx_inserted_depth, 0);

  changed = g_steal_pointer (&self->tx_changed);
  self->tx_changed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[RECORD_CHANGED], 0, changed->pdata[i]);
  return TRUE;
}

/**
 * amparo_store_rollback:
 *
 * Undoes the innermost transaction. Records inserted in it become
 * unsaved again (id 0), so saving them later inserts them.
 */
void
amparo_store_rollback (AmparoStore *self)
{
  g_return_if_fail (AMPARO_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO level%u; RELEASE level%u",
                                              self->tx_depth - 1, self->tx_depth - 1);
      amparo_store_exec (self, sql, NULL);
      forget_inserted (self, self->tx_depth);
      self->tx_depth--;
      return;
    }

  /* Fails harmlessly when SQLite already rolled back (e.g. disk full). */
  amparo_store_exec (self, "ROLLBACK", NULL);
  forget_inserted (self, 1);
  self->tx_depth = 0;
  g_ptr_array_set_size (self->tx_changed, 0);
}

/**
 * amparo_store_validate:
 * @record: a record, saved or not
 *
 * Checks the record as amparo_store_save() would, without saving. It
 * may normalize values (an A-number typed `A-12-345-678` becomes
 * `012345678`).
 *
 * Returns: %TRUE if it can be saved; else %FALSE with @error set to
 *   %AMPARO_STORE_ERROR_INVALID or %AMPARO_STORE_ERROR_DUPLICATE and
 *   amparo_store_error_get_field() naming the property at fault
 */
gboolean
amparo_store_validate (AmparoStore   *self,
                       AmparoRecord  *record,
                       GError       **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  return amparo_store_normalize_and_validate (self, record, error);
}

/**
 * amparo_store_save:
 * @record: a new record (id 0) or a loaded one
 *
 * Validates, then inserts or updates the record and writes a journal row
 * with the changed fields, in one transaction. Saving a record without
 * changes writes nothing. A new record gets its id, uid and times.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
amparo_store_save (AmparoStore   *self,
                   AmparoRecord  *record,
                   GError       **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!amparo_store_save_in_transaction (self, record, error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

/**
 * amparo_store_delete:
 *
 * Moves a record to the Trash (sets `deleted-at`). Nothing that refers to
 * it is touched: a person's relationships, locations and proceedings stay,
 * and come back with amparo_store_restore().
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_delete (AmparoStore   *self,
                     AmparoRecord  *record,
                     GError       **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (amparo_record_get_id (record) == 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                   _("This record was never saved, so there is nothing to delete."));
      return FALSE;
    }
  if (amparo_record_is_deleted (record))
    return TRUE;

  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!set_deleted (self, record, TRUE, error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

/**
 * amparo_store_restore:
 *
 * Takes a record out of the Trash. Refused (with
 * %AMPARO_STORE_ERROR_DUPLICATE) when a live record now holds the same
 * A-number or family link.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_restore (AmparoStore   *self,
                      AmparoRecord  *record,
                      GError       **error)
{
  g_autofree char *deleted_at = NULL;
  gboolean valid;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (!amparo_record_is_deleted (record))
    return TRUE;

  if (!amparo_store_begin (self, error))
    return FALSE;

  /* Validate it as the live record it would become: its A-number or family
   * link may have been given to someone else meanwhile. */
  deleted_at = g_strdup (amparo_record_get_deleted_at (record));
  set_property_value (record, "deleted-at", NULL);
  valid = amparo_store_normalize_and_validate (self, record, error);
  set_property_value (record, "deleted-at", deleted_at);
  if (!valid || !set_deleted (self, record, FALSE, error))
    {
      amparo_store_rollback (self);
      amparo_store_reload (self, record, NULL);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

/**
 * amparo_store_get_by_uid:
 * @record_type: the kind, e.g. %AMPARO_TYPE_PERSON
 *
 * Loads a record, also from the Trash.
 *
 * Returns: (transfer full) (type AmparoRecord): the record, or %NULL with
 *   @error set (%AMPARO_STORE_ERROR_NOT_FOUND)
 */
gpointer
amparo_store_get_by_uid (AmparoStore  *self,
                         GType         record_type,
                         const char   *uid,
                         GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AMPARO_TYPE_RECORD), NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE uid = ?",
                         amparo_store_get_select_columns (record_type), table_of (record_type));
  if (!(stmt = amparo_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return amparo_store_record_from_row (record_type, stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                 _("The record was not found. It may have been removed by someone else."));
  else
    amparo_store_set_sqlite_error (self, rc, error);
  return NULL;
}

/**
 * amparo_store_get_by_id:
 *
 * Like amparo_store_get_by_uid(), by row id.
 *
 * Returns: (transfer full) (type AmparoRecord): the record, or %NULL with
 *   @error set
 */
gpointer
amparo_store_get_by_id (AmparoStore  *self,
                        GType         record_type,
                        gint64        id,
                        GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AMPARO_TYPE_RECORD), NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?",
                         amparo_store_get_select_columns (record_type), table_of (record_type));
  if (!(stmt = amparo_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return amparo_store_record_from_row (record_type, stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                 _("The record was not found. It may have been removed by someone else."));
  else
    amparo_store_set_sqlite_error (self, rc, error);
  return NULL;
}

/**
 * amparo_store_reload:
 *
 * Discards unsaved changes: sets every property back to the stored value
 * (notifying those that change).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_reload (AmparoStore   *self,
                     AmparoRecord  *record,
                     GError       **error)
{
  g_autoptr(AmparoRecord) stored = NULL;
  g_autoptr(GPtrArray) pspecs = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  stored = amparo_store_get_by_id (self, G_OBJECT_TYPE (record), amparo_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  pspecs = amparo_record_class_list_column_pspecs (G_OBJECT_TYPE (record));
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < pspecs->len; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, ((GParamSpec *) pspecs->pdata[i])->value_type);
      g_object_get_property (G_OBJECT (stored), ((GParamSpec *) pspecs->pdata[i])->name, &value);
      amparo_record_take_value (record, pspecs->pdata[i], &value);
    }
  g_object_thaw_notify (G_OBJECT (record));
  return TRUE;
}

/**
 * amparo_store_count:
 *
 * Returns: the number of records of a kind, or -1 on a read error
 */
gint64
amparo_store_count (AmparoStore     *self,
                    GType            record_type,
                    AmparoListScope  scope)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), -1);

  return amparo_store_count_where (self, record_type,
                                   scope == AMPARO_LIST_TRASH ? "deleted_at IS NOT NULL"
                                                              : "deleted_at IS NULL",
                                   NULL, NULL);
}

/**
 * amparo_store_list:
 * @record_type: the kind
 * @scope: live records or the Trash
 *
 * Every record of a kind, in the kind's default order (releases newest
 * first, demands in the order they were made…).
 *
 * Returns: (transfer full): a lazy #GListModel of @record_type
 */
GListModel *
amparo_store_list (AmparoStore     *self,
                   GType            record_type,
                   AmparoListScope  scope)
{
  g_autoptr(GTypeClass) klass = NULL;
  const char *order_by[] = { NULL, NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AMPARO_TYPE_RECORD), NULL);

  klass = g_type_class_ref (record_type);
  order_by[0] = scope == AMPARO_LIST_TRASH ? "deleted_at DESC"
                                           : AMPARO_RECORD_CLASS (klass)->default_order;
  return G_LIST_MODEL (amparo_query_model_new (self, record_type,
                                               scope == AMPARO_LIST_TRASH ? "deleted_at IS NOT NULL"
                                                                          : "deleted_at IS NULL",
                                               NULL, order_by));
}

/**
 * amparo_store_list_persons:
 * @scope: live persons or the Trash
 * @sort: the order
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoPerson
 */
GListModel *
amparo_store_list_persons (AmparoStore      *self,
                           AmparoListScope   scope,
                           AmparoPersonSort  sort)
{
  static const char *orders[][4] = {
    { "family_names COLLATE NOCASE", "given_names COLLATE NOCASE", NULL },
    { "given_names COLLATE NOCASE", "family_names COLLATE NOCASE", NULL },
    { "intake_date DESC", NULL },
    { "updated_at DESC", NULL },
  };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (orders), NULL);

  return G_LIST_MODEL (amparo_query_model_new (self, AMPARO_TYPE_PERSON,
                                               scope == AMPARO_LIST_TRASH ? "deleted_at IS NOT NULL"
                                                                          : "deleted_at IS NULL",
                                               NULL, orders[sort]));
}

/**
 * amparo_store_list_upcoming_events:
 * @from_date: (nullable): first day, `YYYY-MM-DD`; %NULL for today
 * @days: how many days ahead
 *
 * The Agenda: events not yet done, of persons not in the Trash, in date
 * order.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoEvent
 */
GListModel *
amparo_store_list_upcoming_events (AmparoStore *self,
                                   const char  *from_date,
                                   int          days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *until = NULL;
  const char *order_by[] = { "starts_at", NULL };
  const char *params[3] = { NULL, NULL, NULL };
  AmparoQueryModel *model;
  GDate date;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  if (from_date == NULL || !amparo_parse_date (from_date, &date))
    amparo_parse_date (today, &date);
  params[0] = today;
  if (from_date != NULL && amparo_parse_date (from_date, &date))
    params[0] = from_date;
  g_date_add_days (&date, MAX (days, 0));
  until = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                           g_date_get_month (&date), g_date_get_day (&date));
  params[1] = until;

  /* `until` is exclusive and compares as text, so "2024-05-01T09:00" sorts
   * inside its day. */
  model = amparo_query_model_new (self, AMPARO_TYPE_EVENT,
                                  "deleted_at IS NULL AND done = 0"
                                  " AND starts_at >= ? AND starts_at < ?"
                                  " AND person_id IN (SELECT id FROM persons WHERE deleted_at IS NULL)",
                                  params, order_by);
  amparo_query_model_watch_type (model, AMPARO_TYPE_PERSON);
  return G_LIST_MODEL (model);
}

/**
 * amparo_store_find_person_by_a_number:
 * @a_number: an A-number in any accepted form
 *
 * Returns: (transfer full) (nullable): the live person with this A-number,
 *   or %NULL (with @error set only if @a_number is not valid)
 */
AmparoPerson *
amparo_store_find_person_by_a_number (AmparoStore  *self,
                                      const char   *a_number,
                                      GError      **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  if (!(canonical = amparo_a_number_normalize (a_number, error)))
    return NULL;
  return find_one (self, AMPARO_TYPE_PERSON, "?1 IS NOT NULL AND a_number = ?2 AND deleted_at IS NULL",
                   1, canonical);
}

/**
 * amparo_store_list_relatives:
 * @person: a saved person
 *
 * The person's family, each relationship seen from @person's side. Not
 * live: call again on #AmparoStore::record-changed of a relationship.
 *
 * Returns: (transfer full): a #GListModel of #AmparoRelative
 */
GListModel *
amparo_store_list_relatives (AmparoStore  *self,
                             AmparoPerson *person)
{
  GListStore *relatives = g_list_store_new (AMPARO_TYPE_RELATIVE);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  id = amparo_record_get_id (AMPARO_RECORD (person));
  sql = g_strdup_printf ("SELECT r.id, p.id, r.person_id = ?1 FROM relationships r"
                         " JOIN persons p ON p.id = (CASE WHEN r.person_id = ?1 THEN r.relative_id ELSE r.person_id END)"
                         " WHERE (r.person_id = ?1 OR r.relative_id = ?1) AND r.deleted_at IS NULL"
                         " ORDER BY p.family_names COLLATE NOCASE, p.given_names COLLATE NOCASE, r.id");
  if (!(stmt = amparo_store_prepare (self, sql, NULL)))
    return G_LIST_MODEL (relatives);
  sqlite3_bind_int64 (stmt, 1, id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(AmparoRelationship) relationship = amparo_store_get_by_id (self, AMPARO_TYPE_RELATIONSHIP, sqlite3_column_int64 (stmt, 0), NULL);
      g_autoptr(AmparoPerson) other = amparo_store_get_by_id (self, AMPARO_TYPE_PERSON, sqlite3_column_int64 (stmt, 1), NULL);
      g_autoptr(AmparoRelative) relative = NULL;
      AmparoRelationshipKind kind;

      if (relationship == NULL || other == NULL)
        continue;
      kind = amparo_relationship_get_kind (relationship);
      if (sqlite3_column_int (stmt, 2) == 0)
        kind = amparo_relationship_kind_inverse (kind);
      relative = amparo_relative_new (relationship, other, kind);
      g_list_store_append (relatives, relative);
    }
  return G_LIST_MODEL (relatives);
}

/**
 * amparo_store_list_contacts:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoContact
 */
GListModel *
amparo_store_list_contacts (AmparoStore  *self,
                            AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_CONTACT, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "kind");
}

/**
 * amparo_store_list_locations:
 *
 * Where the person is and was, newest first (by `since`).
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoLocation
 */
GListModel *
amparo_store_list_locations (AmparoStore  *self,
                             AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_LOCATION, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "since DESC");
}

/**
 * amparo_store_get_current_location:
 *
 * Returns: (transfer full) (nullable): the newest location without an
 *   end date, else the newest one, else %NULL
 */
AmparoLocation *
amparo_store_get_current_location (AmparoStore  *self,
                                   AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  return find_one (self, AMPARO_TYPE_LOCATION,
                   "person_id = ? AND deleted_at IS NULL"
                   " ORDER BY (until IS NULL) DESC, since DESC, id DESC",
                   amparo_record_get_id (AMPARO_RECORD (person)), NULL);
}

/**
 * amparo_store_list_proceedings:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoProceeding
 */
GListModel *
amparo_store_list_proceedings (AmparoStore  *self,
                               AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_PROCEEDING, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "opened_on DESC");
}

/**
 * amparo_store_list_events:
 *
 * All the person's events (done ones too, benefit ends included), by date.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoEvent
 */
GListModel *
amparo_store_list_events (AmparoStore  *self,
                          AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_EVENT, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), "starts_at");
}

/**
 * amparo_store_list_memberships:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoMembership
 */
GListModel *
amparo_store_list_memberships (AmparoStore  *self,
                               AmparoPerson *person)
{
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);
  return list_for (self, AMPARO_TYPE_MEMBERSHIP, "person_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (person)), NULL);
}

/**
 * amparo_store_list_benefits:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoBenefit
 */
GListModel *
amparo_store_list_benefits (AmparoStore      *self,
                            AmparoMembership *membership)
{
  g_return_val_if_fail (AMPARO_IS_MEMBERSHIP (membership), NULL);
  return list_for (self, AMPARO_TYPE_BENEFIT, "membership_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (membership)), "ends_on");
}

/**
 * amparo_store_list_evidence:
 *
 * The relationship's verification log, oldest first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoEvidence
 */
GListModel *
amparo_store_list_evidence (AmparoStore        *self,
                            AmparoRelationship *relationship)
{
  g_return_val_if_fail (AMPARO_IS_RELATIONSHIP (relationship), NULL);
  return list_for (self, AMPARO_TYPE_EVIDENCE, "relationship_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (relationship)), "verified_on");
}

/**
 * amparo_store_list_release_demands:
 *
 * The demands a release states, in its numbering.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoDemand
 */
GListModel *
amparo_store_list_release_demands (AmparoStore   *self,
                                   AmparoRelease *release)
{
  g_return_val_if_fail (AMPARO_IS_RELEASE (release), NULL);
  return list_watching (self, AMPARO_TYPE_DEMAND, AMPARO_TYPE_RELEASE_DEMAND,
                   "deleted_at IS NULL AND id IN (SELECT demand_id FROM release_demands"
                   " WHERE release_id = ?1 AND deleted_at IS NULL)",
                   amparo_record_get_id (AMPARO_RECORD (release)),
                   "(SELECT min(number) FROM release_demands rd WHERE rd.demand_id = demands.id"
                   " AND rd.release_id = ?1 AND rd.deleted_at IS NULL)");
}

/**
 * amparo_store_set_release_demands:
 * @demands: (array length=n_demands): saved demands, in order
 *
 * Makes @demands the release's numbered list (1, 2, 3…), keeping rows
 * that did not change and moving dropped ones to the Trash.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed
 */
gboolean
amparo_store_set_release_demands (AmparoStore   *self,
                                  AmparoRelease *release,
                                  AmparoDemand **demands,
                                  guint          n_demands,
                                  GError       **error)
{
  g_autoptr(GListModel) current = NULL;
  gint64 release_id;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RELEASE (release), FALSE);

  release_id = amparo_record_get_id (AMPARO_RECORD (release));
  if (!amparo_store_begin (self, error))
    return FALSE;

  current = list_for (self, AMPARO_TYPE_RELEASE_DEMAND, "release_id = ? AND deleted_at IS NULL",
                      release_id, "number");
  for (guint i = 0; i < g_list_model_get_n_items (current); i++)
    {
      g_autoptr(AmparoRecord) row = g_list_model_get_item (current, i);

      if (!set_deleted (self, row, TRUE, error))
        goto failed;
    }
  for (guint i = 0; i < n_demands; i++)
    {
      g_autoptr(AmparoReleaseDemand) row = amparo_release_demand_new ();

      amparo_release_demand_set_release_id (row, release_id);
      amparo_release_demand_set_demand_id (row, amparo_record_get_id (AMPARO_RECORD (demands[i])));
      amparo_release_demand_set_number (row, i + 1);
      if (!amparo_store_save_in_transaction (self, AMPARO_RECORD (row), error))
        goto failed;
    }
  queue_changed (self, AMPARO_RECORD (release));
  return amparo_store_commit (self, error);

failed:
  amparo_store_rollback (self);
  return FALSE;
}

/**
 * amparo_store_list_demand_updates:
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoDemandUpdate,
 *   newest first
 */
GListModel *
amparo_store_list_demand_updates (AmparoStore  *self,
                                  AmparoDemand *demand)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND (demand), NULL);
  return list_for (self, AMPARO_TYPE_DEMAND_UPDATE, "demand_id = ? AND deleted_at IS NULL",
                   amparo_record_get_id (AMPARO_RECORD (demand)), "update_date DESC");
}

/**
 * amparo_store_list_demand_releases:
 *
 * The releases that state a demand, newest first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoRelease
 */
GListModel *
amparo_store_list_demand_releases (AmparoStore  *self,
                                   AmparoDemand *demand)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND (demand), NULL);
  return list_watching (self, AMPARO_TYPE_RELEASE, AMPARO_TYPE_RELEASE_DEMAND,
                   "deleted_at IS NULL AND id IN (SELECT release_id FROM release_demands"
                   " WHERE demand_id = ? AND deleted_at IS NULL)",
                   amparo_record_get_id (AMPARO_RECORD (demand)), "release_date DESC");
}

/**
 * amparo_store_get_organization:
 *
 * Returns: (transfer full): the organization, or a new unsaved one when
 *   none was saved yet; %NULL only on a read error
 */
AmparoOrganization *
amparo_store_get_organization (AmparoStore  *self,
                               GError      **error)
{
  AmparoOrganization *organization;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  organization = find_one (self, AMPARO_TYPE_ORGANIZATION, "?1 = ?1 AND deleted_at IS NULL ORDER BY id",
                           0, NULL);
  if (organization == NULL)
    organization = amparo_organization_new ();
  return organization;
}

/**
 * amparo_store_list_history:
 *
 * The journal of one record, newest first: every change, view, export
 * and publication. It refreshes itself when a record of the same kind is
 * saved; views and exports show at the next refresh.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoJournalEntry
 */
GListModel *
amparo_store_list_history (AmparoStore  *self,
                           AmparoRecord *record)
{
  const char *params[] = { NULL, NULL };
  const char *order_by[] = { "id DESC", NULL };
  AmparoQueryModel *model;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), NULL);

  params[0] = amparo_record_get_uid (record) ? amparo_record_get_uid (record) : "";
  model = amparo_query_model_new (self, AMPARO_TYPE_JOURNAL_ENTRY, "record_uid = ?", params, order_by);
  amparo_query_model_watch_type (model, G_OBJECT_TYPE (record));
  return G_LIST_MODEL (model);
}

/**
 * amparo_store_list_client_history:
 * @person: a saved person
 *
 * The whole client record's journal, newest first: the person's own rows
 * plus those of their contacts, locations, family links (either side),
 * proceedings, events and memberships, so a moved location or a new
 * family link shows in the client's history.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoJournalEntry
 */
GListModel *
amparo_store_list_client_history (AmparoStore  *self,
                                  AmparoPerson *person)
{
  g_autofree char *id = NULL;
  const char *params[] = { NULL, NULL, NULL };
  const char *order_by[] = { "id DESC", NULL };
  AmparoQueryModel *model;
  const GType parts[] = {
    AMPARO_TYPE_PERSON, AMPARO_TYPE_CONTACT, AMPARO_TYPE_LOCATION, AMPARO_TYPE_RELATIONSHIP,
    AMPARO_TYPE_PROCEEDING, AMPARO_TYPE_EVENT, AMPARO_TYPE_MEMBERSHIP,
  };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_record_get_id (AMPARO_RECORD (person)));
  params[0] = amparo_record_get_uid (AMPARO_RECORD (person)) ? amparo_record_get_uid (AMPARO_RECORD (person)) : "";
  params[1] = id;
  model = amparo_query_model_new (self, AMPARO_TYPE_JOURNAL_ENTRY,
                                  "record_uid = ?1 OR record_uid IN ("
                                  " SELECT uid FROM contacts WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM locations WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM relationships WHERE person_id = ?2 OR relative_id = ?2"
                                  " UNION ALL SELECT uid FROM proceedings WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM events WHERE person_id = ?2"
                                  " UNION ALL SELECT uid FROM memberships WHERE person_id = ?2)",
                                  params, order_by);
  /* Journal rows announce nothing themselves; the records they are about do. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    amparo_query_model_watch_type (model, parts[i]);
  return G_LIST_MODEL (model);
}

/**
 * amparo_store_list_field_history:
 * @property: a property name, e.g. `"a-number"`
 *
 * Every earlier value of one field, oldest first, with who changed it.
 *
 * Returns: (transfer full): a #GListModel of #AmparoFieldChange
 */
GListModel *
amparo_store_list_field_history (AmparoStore  *self,
                                 AmparoRecord *record,
                                 const char   *property)
{
  GListStore *changes = g_list_store_new (AMPARO_TYPE_FIELD_CHANGE);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_JOURNAL_ACTION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *column = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), NULL);

  column = amparo_property_to_column (property);
  path = g_strdup_printf ("$.\"%s\"", column);
  stmt = amparo_store_prepare (self,
                               "SELECT created_at, actor, host, action,"
                               " json_extract(changes, ?2 || '.old'), json_extract(changes, ?2 || '.new')"
                               " FROM journal WHERE record_uid = ?1 AND changes IS NOT NULL"
                               " AND json_type(changes, ?2) IS NOT NULL ORDER BY id", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (changes);
  sqlite3_bind_text (stmt, 1, amparo_record_get_uid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GEnumValue *action = g_enum_get_value_by_nick (enum_class, (const char *) sqlite3_column_text (stmt, 3));
      g_autoptr(AmparoFieldChange) change = NULL;

      change = amparo_field_change_new ((const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        action ? action->value : AMPARO_JOURNAL_ACTION_UPDATE,
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        (const char *) sqlite3_column_text (stmt, 5));
      g_list_store_append (changes, change);
    }
  return G_LIST_MODEL (changes);
}

/**
 * amparo_store_list_journal:
 *
 * The whole journal, newest first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoJournalEntry
 */
GListModel *
amparo_store_list_journal (AmparoStore *self)
{
  const char *order_by[] = { "id DESC", NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  return G_LIST_MODEL (amparo_query_model_new (self, AMPARO_TYPE_JOURNAL_ENTRY, NULL, NULL, order_by));
}

/**
 * amparo_store_log_view:
 * @record: the record shown, usually an #AmparoPerson
 *
 * Journals that the current user opened a client record. Call it each
 * time a client record is shown.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_log_view (AmparoStore   *self,
                       AmparoRecord  *record,
                       GError       **error)
{
  return amparo_store_log_action (self, AMPARO_JOURNAL_ACTION_VIEW, record, NULL, error);
}

/**
 * amparo_store_log_action:
 * @action: %AMPARO_JOURNAL_ACTION_EXPORT, _PUBLISH or _VIEW
 * @details: (nullable): what and where, e.g. the export file or post URL
 *
 * Journals an export or publication of a record.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_store_log_action (AmparoStore          *self,
                         AmparoJournalAction   action,
                         AmparoRecord         *record,
                         const char           *details,
                         GError              **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), FALSE);

  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!write_journal (self, action, record, NULL, details, error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

/**
 * amparo_a_number_normalize:
 * @text: (nullable): an A-number as typed: `A-123-456-789`, `A 12345678`,
 *   `123456789`…
 *
 * Returns: (transfer full) (nullable): the 9 digits (8-digit numbers get a
 *   leading 0), or %NULL for empty input (no error) or invalid input
 *   (@error set, field `a-number`)
 */
char *
amparo_a_number_normalize (const char  *text,
                           GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return NULL;
  if (*p == 'A' || *p == 'a')
    p++;

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '-' && *p != ' ' && *p != '.')
        break;
    }

  if (*p != '\0' || (digits->len != 8 && digits->len != 9))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                   _("An A-Number has 8 or 9 digits, for example A-123-456-789."));
      if (error)
        amparo_store_error_set_field (*error, "a-number");
      return NULL;
    }
  if (digits->len == 8)
    g_string_prepend_c (digits, '0');
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * amparo_a_number_format:
 * @a_number: (nullable): 9 digits as stored
 *
 * Returns: (transfer full) (nullable): `A-012-345-678` for display
 */
char *
amparo_a_number_format (const char *a_number)
{
  if (a_number == NULL || strlen (a_number) != 9)
    return g_strdup (a_number);
  return g_strdup_printf ("A-%.3s-%.3s-%.3s", a_number, a_number + 3, a_number + 6);
}

/**
 * amparo_contact_is_stale:
 * @today: (nullable): the day to compare with, %NULL for today
 *
 * A contact not verified in the last 90 days may have gone stale and
 * should be called again before it is needed.
 *
 * Returns: whether the contact needs verifying
 */
gboolean
amparo_contact_is_stale (AmparoContact *contact,
                         GDate         *today)
{
  GDate verified, now;

  g_return_val_if_fail (AMPARO_IS_CONTACT (contact), TRUE);

  if (!amparo_parse_date (amparo_contact_get_last_verified (contact), &verified))
    return TRUE;
  if (today != NULL)
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }
  return g_date_days_between (&verified, &now) > 90;
}
