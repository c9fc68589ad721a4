/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-store-internal.h"
#include "amparo-store-private.h"

#include <glib/gi18n-lib.h>

#include "amparo-private-file.h"

/* The journal made readable (privacy, #17): who viewed, changed,
 * exported, printed or published which record, when, from which desk.
 * The journal grows with every view of a client, so it is only ever read
 * a page at a time, newest first (by id, the primary key), and filters
 * are SQL both engines speak. Each row carries the name of what it is
 * about: the client for a person or any part of their record, the title
 * of a release or demand. */

#define LABEL_KEY "amparo-journal-record-label"
#define CSV_PAGE 500

/* The client a journal row is about, by the table it names: a person, or
 * a part of a person's record (record_id is the row's id in its table). */
#define PERSON_ID_SQL \
  "CASE journal.table_name" \
  " WHEN 'persons' THEN journal.record_id" \
  " WHEN 'contacts' THEN (SELECT person_id FROM contacts WHERE id = journal.record_id)" \
  " WHEN 'locations' THEN (SELECT person_id FROM locations WHERE id = journal.record_id)" \
  " WHEN 'relationships' THEN (SELECT person_id FROM relationships WHERE id = journal.record_id)" \
  " WHEN 'proceedings' THEN (SELECT person_id FROM proceedings WHERE id = journal.record_id)" \
  " WHEN 'events' THEN (SELECT person_id FROM events WHERE id = journal.record_id)" \
  " WHEN 'memberships' THEN (SELECT person_id FROM memberships WHERE id = journal.record_id)" \
  " WHEN 'adverse_parties' THEN (SELECT person_id FROM adverse_parties WHERE id = journal.record_id)" \
  " WHEN 'relationship_evidence' THEN (SELECT r.person_id FROM relationship_evidence e" \
  "   JOIN relationships r ON r.id = e.relationship_id WHERE e.id = journal.record_id)" \
  " WHEN 'benefits' THEN (SELECT m.person_id FROM benefits b" \
  "   JOIN memberships m ON m.id = b.membership_id WHERE b.id = journal.record_id)" \
  " END"

/* What the row is about, in words; the person's part comes from the
 * outer query, which has their id. */
#define OTHER_LABEL_SQL \
  "CASE journal.table_name" \
  " WHEN 'releases' THEN (SELECT COALESCE(NULLIF(title_en, ''), title_es) FROM releases WHERE id = journal.record_id)" \
  " WHEN 'demands' THEN (SELECT COALESCE(NULLIF(title_en, ''), title_es) FROM demands WHERE id = journal.record_id)" \
  " WHEN 'organization' THEN (SELECT name FROM organization WHERE id = journal.record_id)" \
  " END"

typedef struct
{
  GString   *where;
  GPtrArray *params;  /* char *, bound as ?1, ?2… */
} Filter;

static void
filter_add (Filter     *filter,
            const char *condition,
            const char *param)
{
  g_autofree char *number = NULL;
  g_autoptr(GString) sql = g_string_new (condition);

  /* "@" stands for this parameter's number. */
  g_ptr_array_add (filter->params, g_strdup (param));
  number = g_strdup_printf ("?%u", filter->params->len);
  g_string_replace (sql, "@", number, 0);
  g_string_append (filter->where, filter->where->len > 0 ? " AND " : " WHERE ");
  g_string_append (filter->where, sql->str);
}

/* LIKE on both engines, any case, with the user's % and _ taken literally. */
static char *
like_pattern (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *pattern = g_string_new ("%");

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static char *
day_after (const char *iso_date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *midnight = g_strdup_printf ("%sT00:00:00Z", iso_date);
  g_autoptr(GDateTime) next = NULL;

  day = g_date_time_new_from_iso8601 (midnight, NULL);
  if (day == NULL)
    return NULL;
  next = g_date_time_add_days (day, 1);
  return g_date_time_format (next, "%Y-%m-%d");
}

static gboolean
is_iso_date (const char *text)
{
  g_autofree char *midnight = g_strdup_printf ("%sT00:00:00Z", text);
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (midnight, NULL);

  return day != NULL && strlen (text) == 10;
}

static gboolean
build_filter (const AmparoJournalQuery *query,
              Filter                   *filter,
              GError                  **error)
{
  g_autoptr(GEnumClass) actions = g_type_class_ref (AMPARO_TYPE_JOURNAL_ACTION);

  if ((query->since != NULL && *query->since != '\0' && !is_iso_date (query->since))
      || (query->until != NULL && *query->until != '\0' && !is_iso_date (query->until)))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                   _("A date in the journal’s filter is not a date. Use the form 2025-03-31."));
      return FALSE;
    }

  if (query->action >= 0)
    {
      GEnumValue *value = g_enum_get_value (actions, query->action);

      g_return_val_if_fail (value != NULL, FALSE);
      filter_add (filter, "action = @", value->value_nick);
    }
  if (query->printed)
    filter_add (filter, "details LIKE @", "%: printed");
  if (query->person_uid != NULL && *query->person_uid != '\0')
    filter_add (filter, "person_id = (SELECT id FROM persons WHERE uid = @)", query->person_uid);
  if (query->actor != NULL && *query->actor != '\0')
    {
      g_autofree char *pattern = like_pattern (query->actor);

      filter_add (filter, "lower(actor) LIKE @ ESCAPE '\\'", pattern);
    }
  if (query->record_text != NULL && *query->record_text != '\0')
    {
      g_autofree char *pattern = like_pattern (query->record_text);

      filter_add (filter, "lower(COALESCE(person_name, other_label, '')) LIKE @ ESCAPE '\\'", pattern);
    }
  if (query->since != NULL && *query->since != '\0')
    filter_add (filter, "created_at >= @", query->since);
  if (query->until != NULL && *query->until != '\0')
    {
      g_autofree char *next = day_after (query->until);

      filter_add (filter, "created_at < @", next);
    }
  return TRUE;
}

/* The rows with their person and label worked out once, so the filters
 * and the page read them as plain columns. */
static char *
journal_sql (const char *where,
             guint       n_params)
{
  /* Numbered after the filter's own: PostgreSQL refuses a gap. */
  return g_strdup_printf ("SELECT %s, COALESCE(person_name, other_label) FROM ("
                          " SELECT j.*, (SELECT trim(COALESCE(p.given_names, '') || ' ' || COALESCE(p.family_names, ''))"
                          "   FROM persons p WHERE p.id = j.person_id) AS person_name"
                          " FROM (SELECT journal.*, " PERSON_ID_SQL " AS person_id, " OTHER_LABEL_SQL " AS other_label"
                          "   FROM journal) j) jr%s ORDER BY id DESC LIMIT ?%u OFFSET ?%u",
                          amparo_store_get_select_columns (AMPARO_TYPE_JOURNAL_ENTRY),
                          where, n_params + 1, n_params + 2);
}

static GPtrArray *
run_page (AmparoStore              *self,
          const AmparoJournalQuery *query,
          guint                     offset,
          guint                     limit,
          GError                  **error)
{
  Filter filter = { g_string_new (NULL), g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  guint n_columns = amparo_store_get_n_columns (AMPARO_TYPE_JOURNAL_ENTRY);
  AmparoDbStep step;
  gboolean ok;

  ok = build_filter (query, &filter, error);
  if (ok)
    {
      sql = journal_sql (filter.where->str, filter.params->len);
      stmt = amparo_store_prepare_stmt (self, sql, error);
    }
  if (stmt != NULL)
    {
      for (guint i = 0; i < filter.params->len; i++)
        amparo_db_bind_text (stmt, i + 1, filter.params->pdata[i]);
      amparo_db_bind_int64 (stmt, filter.params->len + 1, limit);
      amparo_db_bind_int64 (stmt, filter.params->len + 2, offset);
    }
  g_string_free (filter.where, TRUE);
  g_ptr_array_unref (filter.params);
  if (stmt == NULL)
    return NULL;

  while ((step = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      AmparoJournalEntry *entry = amparo_store_record_from_db_row (AMPARO_TYPE_JOURNAL_ENTRY, stmt, 0);

      if (!amparo_db_column_is_null (stmt, n_columns))
        g_object_set_data_full (G_OBJECT (entry), LABEL_KEY,
                                g_strdup (amparo_db_column_text (stmt, n_columns)), g_free);
      g_ptr_array_add (entries, entry);
    }
  if (step == AMPARO_DB_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

/**
 * amparo_store_query_journal:
 * @query: which rows; %AMPARO_JOURNAL_QUERY_INIT for all
 * @offset: rows to skip (the pages already shown)
 * @limit: at most this many rows
 *
 * One page of the journal, newest first. Reads only what is asked for,
 * on either engine.
 *
 * Returns: (transfer full) (element-type AmparoJournalEntry): the rows,
 *   or %NULL with @error set (a filter that is not valid, a read error)
 */
GPtrArray *
amparo_store_query_journal (AmparoStore              *self,
                            const AmparoJournalQuery *query,
                            guint                     offset,
                            guint                     limit,
                            GError                  **error)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return run_page (self, query, offset, limit, error);
}

/**
 * amparo_store_journal_record_label:
 * @entry: a row read by amparo_store_query_journal()
 *
 * Returns: (nullable): the client's name for a row about a client's
 *   record, the title of a release or demand, else %NULL
 */
const char *
amparo_store_journal_record_label (AmparoJournalEntry *entry)
{
  g_return_val_if_fail (AMPARO_IS_JOURNAL_ENTRY (entry), NULL);

  return g_object_get_data (G_OBJECT (entry), LABEL_KEY);
}

/**
 * amparo_store_journal_is_print:
 *
 * Printing is journaled as an export whose destination is "printed"
 * (amparo_client_notice_journal()).
 *
 * Returns: whether @entry records a printout
 */
gboolean
amparo_store_journal_is_print (AmparoJournalEntry *entry)
{
  g_return_val_if_fail (AMPARO_IS_JOURNAL_ENTRY (entry), FALSE);

  return amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_EXPORT
    && g_str_has_suffix (amparo_journal_entry_get_details (entry) ?: "", ": printed");
}

/**
 * amparo_store_list_record_views:
 * @person: a saved person
 * @limit: at most this many
 *
 * Who opened @person's record, newest first. Views are journaled on the
 * person (amparo_store_log_view()), so this reads the journal's index by
 * record, not the whole journal.
 *
 * Returns: (transfer full) (element-type AmparoJournalEntry): the views,
 *   or %NULL with @error set
 */
GPtrArray *
amparo_store_list_record_views (AmparoStore   *self,
                                AmparoPerson  *person,
                                guint          limit,
                                GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  AmparoDbStep step;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  sql = g_strdup_printf ("SELECT %s FROM journal WHERE record_uid = ?1 AND action = 'view'"
                         " ORDER BY id DESC LIMIT ?2",
                         amparo_store_get_select_columns (AMPARO_TYPE_JOURNAL_ENTRY));
  if (!(stmt = amparo_store_prepare_stmt (self, sql, error)))
    return NULL;
  amparo_db_bind_text (stmt, 1, amparo_record_get_uid (AMPARO_RECORD (person)) ?: "");
  amparo_db_bind_int64 (stmt, 2, limit);
  while ((step = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    g_ptr_array_add (entries, amparo_store_record_from_db_row (AMPARO_TYPE_JOURNAL_ENTRY, stmt, 0));
  if (step == AMPARO_DB_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

static void
append_csv_field (GString    *csv,
                  const char *text,
                  gboolean    last)
{
  g_autoptr(GString) quoted = g_string_new (NULL);

  text = text != NULL ? text : "";
  /* A spreadsheet runs a cell that starts with = + - @ as a formula. */
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (quoted, '\'');
  g_string_append (quoted, text);
  if (strpbrk (quoted->str, ",\"\r\n") != NULL)
    {
      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (csv, "\"%s\"", quoted->str);
    }
  else
    g_string_append (csv, quoted->str);
  g_string_append (csv, last ? "\r\n" : ",");
}

static void
append_csv_row (GString            *csv,
                AmparoJournalEntry *entry)
{
  const char *action = amparo_store_journal_is_print (entry)
    ? C_("journal action", "Printed")
    : amparo_journal_action_get_label (amparo_journal_entry_get_action (entry));

  append_csv_field (csv, amparo_record_get_created_at (AMPARO_RECORD (entry)), FALSE);
  append_csv_field (csv, amparo_journal_entry_get_actor (entry), FALSE);
  append_csv_field (csv, amparo_journal_entry_get_host (entry), FALSE);
  append_csv_field (csv, action, FALSE);
  append_csv_field (csv, amparo_journal_entry_get_table_name (entry), FALSE);
  append_csv_field (csv, amparo_store_journal_record_label (entry), FALSE);
  append_csv_field (csv, amparo_journal_entry_get_record_uid (entry), FALSE);
  append_csv_field (csv, amparo_journal_entry_get_details (entry), FALSE);
  append_csv_field (csv, amparo_journal_entry_get_changes (entry), TRUE);
}

typedef struct
{
  AmparoStore *store;
  guint        n_rows;
} ExportJournal;

/* The export of the journal is itself journaled, before the file takes
 * its name: who took a copy of who-saw-what is worth knowing too. */
static gboolean
journal_export_cb (const char  *path,
                   gpointer     user_data,
                   GError     **error)
{
  ExportJournal *export = user_data;
  g_autoptr(AmparoOrganization) organization = amparo_store_get_organization (export->store, NULL);
  g_autofree char *details = g_strdup_printf ("Journal exported to CSV (%u rows): %s", export->n_rows, path);

  return amparo_store_log_action (export->store, AMPARO_JOURNAL_ACTION_EXPORT,
                                  AMPARO_RECORD (organization), details, error);
}

/**
 * amparo_store_export_journal_csv:
 * @query: which rows, as shown
 * @path: the file to write (created 0600; replaced only when complete)
 * @n_rows: (out) (optional): how many rows were written
 *
 * Writes the rows @query selects as CSV (UTF-8 with a BOM, RFC 4180),
 * reading a page at a time, and journals the export.
 *
 * Returns: %TRUE, or %FALSE with @error set and no file written
 */
gboolean
amparo_store_export_journal_csv (AmparoStore              *self,
                                 const AmparoJournalQuery *query,
                                 const char               *path,
                                 guint                    *n_rows,
                                 GError                  **error)
{
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
  ExportJournal export = { self, 0 };
  const char *headers[] = {
    N_("When (UTC)"), N_("Staff member"), N_("Workstation"), N_("Action"),
    N_("Table"), N_("Record"), N_("Record ID"), N_("Details"), N_("Changes"),
  };

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && path != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    append_csv_field (csv, _(headers[i]), i + 1 == G_N_ELEMENTS (headers));
  for (;;)
    {
      g_autoptr(GPtrArray) page = run_page (self, query, export.n_rows, CSV_PAGE, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        append_csv_row (csv, page->pdata[i]);
      export.n_rows += page->len;
      if (page->len < CSV_PAGE)
        break;
    }
  if (!amparo_private_file_write (path, csv->str, csv->len, journal_export_cb, &export, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = export.n_rows;
  return TRUE;
}
