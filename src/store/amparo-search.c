/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-search.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/* More words than this in a search box are noise; each one costs a
 * doclist merge per keystroke. */
#define MAX_WORDS 8

static gboolean
is_a_number_separator (gunichar ch)
{
  return ch == '-' || ch == '.' || ch == '#' || g_unichar_isspace (ch);
}

/* "A-012-345-678", "a 0123", "12345678": an optional A, then only digits
 * and the separators people type between them. */
static char *
extract_a_number_digits (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  while (g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == 'A' || *p == 'a')
    p++;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_ascii_isdigit (ch))
        g_string_append_c (digits, (char) ch);
      else if (!is_a_number_separator (ch))
        return NULL;
    }

  if (digits->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static void
append_a_number_terms (GString    *match,
                       const char *digits)
{
  gsize len = strlen (digits);

  g_string_append_printf (match, "\"%s\"*", digits);
  /* Old eight-digit A-numbers are stored with a leading zero, but people
   * type them as printed: "A12345678" must find 012345678. */
  if (len <= 8 && digits[0] != '0')
    g_string_append_printf (match, " OR \"0%s\"*", digits);
}

/* Only letters and digits make a word: quotes, stars, parentheses,
 * "NEAR(", "-" and every other character the FTS5 query syntax gives a
 * meaning to separate words instead, so no input can be a syntax error. */
static gboolean
is_word_char (gunichar ch)
{
  return g_unichar_isalnum (ch) && !g_unichar_ismark (ch);
}

static void
append_word_terms (GString    *match,
                   const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_words = 0;

  for (const char *p = composed; n_words < MAX_WORDS; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != 0 && is_word_char (ch))
        {
          g_string_append_unichar (word, ch);
          continue;
        }
      if (word->len > 0)
        {
          if (match->len > 0)
            g_string_append (match, " AND ");
          g_string_append_printf (match, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
          n_words++;
        }
      if (ch == 0)
        break;
    }
}

static void
set_search_error (GError     **error,
                  GError      *db_error,
                  const char  *what)
{
  g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
               /* Translators: %s is a technical message from the database */
               _("Searching failed: %s. Try again; if it keeps failing, ask your administrator to check the database."),
               db_error ? db_error->message : "");
  g_debug ("%s: %s", what, db_error ? db_error->message : "");
}

/* The shared server's dialect (pg/0017-search.sql): the same match
 * expression, read by amparo_search_query() against persons_search. */
#define PG_HITS_SQL "SELECT person_id FROM persons_search WHERE doc @@ amparo_search_query (?)"
#define PG_FILTER_SQL "id IN (" PG_HITS_SQL ")"
#define SQLITE_HITS_SQL "SELECT rowid FROM persons_fts WHERE persons_fts MATCH ?"

static gboolean
is_pg (AmparoStore *store)
{
  return amparo_db_get_engine (amparo_store_get_conn (store)) == AMPARO_DB_ENGINE_PG;
}

/**
 * amparo_search_hits_sql:
 * @store: the store
 *
 * Returns: (transfer none): a query of one column, the ids of the live
 *   persons that match its one parameter (from
 *   amparo_search_build_match()), in the store's dialect
 */
const char *
amparo_search_hits_sql (AmparoStore *store)
{
  return is_pg (store) ? PG_HITS_SQL : SQLITE_HITS_SQL;
}

/**
 * amparo_search_dialect_where:
 * @store: the store
 * @where: (nullable): a WHERE clause that may hold
 *   %AMPARO_SEARCH_PERSONS_FILTER_SQL
 *
 * Callers write the person filter once; on the shared server its
 * SQLite text becomes the server's (postgres #10).
 *
 * Returns: (transfer full) (nullable): @where for @store's engine
 */
char *
amparo_search_dialect_where (AmparoStore *store,
                             const char  *where)
{
  g_auto(GStrv) parts = NULL;

  if (where == NULL || !is_pg (store) || strstr (where, AMPARO_SEARCH_PERSONS_FILTER_SQL) == NULL)
    return g_strdup (where);
  parts = g_strsplit (where, AMPARO_SEARCH_PERSONS_FILTER_SQL, -1);
  return g_strjoinv (PG_FILTER_SQL, parts);
}

/* A query with the text of a search box can only fail for reasons the
 * text cannot cause (a damaged file, a full disk, a server away…);
 * those are errors. */
static AmparoDbStmt *
prepare_search (AmparoStore *store,
                const char  *sql,
                const char  *match,
                GError     **error)
{
  g_autoptr(GError) local = NULL;
  AmparoDbStmt *stmt = amparo_store_prepare_stmt (store, sql, &local);

  if (stmt == NULL)
    {
      set_search_error (error, local, sql);
      return NULL;
    }
  amparo_db_bind_text (stmt, 1, match);
  return stmt;
}

static gboolean
count_matches (AmparoStore *store,
               const char  *match,
               guint       *n_matches,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (%s LIMIT ?2) AS hits",
                                          amparo_search_hits_sql (store));
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GError) local = NULL;

  if (!(stmt = prepare_search (store, sql, match, error)))
    return FALSE;
  amparo_db_bind_int64 (stmt, 2, AMPARO_SEARCH_MAX_COUNT);
  if (amparo_db_step (stmt, &local) != AMPARO_DB_ROW)
    {
      set_search_error (error, local, "count");
      return FALSE;
    }
  *n_matches = (guint) amparo_db_column_int64 (stmt, 0);
  return TRUE;
}

/* Small hit sets are sorted like the person list; large ones come in
 * the index's own order (newest first), which costs nothing to produce. */
static GArray *
list_matches (AmparoStore *store,
              const char  *match,
              guint        n_matches,
              guint        limit,
              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *sql = NULL;
  AmparoDbStep rc;

  if (n_matches <= AMPARO_SEARCH_SORTED_MAX)
    sql = g_strdup_printf ("SELECT id FROM persons WHERE %s ORDER BY sort_name, id LIMIT ?2",
                           is_pg (store) ? PG_FILTER_SQL : AMPARO_SEARCH_PERSONS_FILTER_SQL);
  else if (is_pg (store))
    sql = g_strdup (PG_HITS_SQL " ORDER BY person_id DESC LIMIT ?2");
  else
    sql = g_strdup (SQLITE_HITS_SQL " ORDER BY rowid DESC LIMIT ?2");

  if (!(stmt = prepare_search (store, sql, match, error)))
    return NULL;
  amparo_db_bind_int64 (stmt, 2, limit);

  while ((rc = amparo_db_step (stmt, &local)) == AMPARO_DB_ROW)
    {
      gint64 id = amparo_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != AMPARO_DB_DONE)
    {
      set_search_error (error, local, sql);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * amparo_search_build_match:
 * @text: (nullable): what the user typed in a search box
 *
 * Turns free text into an FTS5 query for the persons index: every word
 * becomes a prefix term ("mar" finds "María", "Maricela"), all words must
 * match ("jose nunez" finds "José Núñez"), accents and case are ignored.
 * Text that looks like an A-number ("A-012-345-678", "0123") searches
 * the digits. Nothing the user types can make the query invalid.
 *
 * Returns: (transfer full) (nullable): the expression to bind to
 *   %AMPARO_SEARCH_PERSONS_FILTER_SQL, or %NULL when @text holds nothing
 *   to search for (show everything)
 */
char *
amparo_search_build_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autofree char *digits = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  digits = extract_a_number_digits (text);
  if (digits != NULL)
    append_a_number_terms (match, digits);
  else
    append_word_terms (match, text);

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/**
 * amparo_search_persons:
 * @store: the store
 * @text: (nullable): what the user typed
 * @limit: how many ids to return at most
 * @n_matches: (out) (optional): how many live persons match, counted up
 *   to %AMPARO_SEARCH_MAX_COUNT (a value of %AMPARO_SEARCH_MAX_COUNT
 *   means "at least that many")
 * @error: return location for an error
 *
 * Searches live persons (not those in the Trash) by given and family
 * names, aliases, A-number and the facility and city of their locations,
 * as described for amparo_search_build_match(). Fast enough to run on
 * every keystroke over a million persons.
 *
 * Up to %AMPARO_SEARCH_SORTED_MAX matches come back in the person list's
 * order (family names, given names); more come back newest first.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the first
 *   @limit matching persons (empty when @text holds nothing to search),
 *   or %NULL with @error set
 */
GArray *
amparo_search_persons (AmparoStore  *store,
                       const char   *text,
                       guint         limit,
                       guint        *n_matches,
                       GError      **error)
{
  g_autofree char *match = NULL;
  guint count = 0;
  GArray *ids;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_matches != NULL)
    *n_matches = 0;

  match = amparo_search_build_match (text);
  if (match == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!count_matches (store, match, &count, error))
    return NULL;

  ids = list_matches (store, match, count, limit, error);
  if (ids != NULL && n_matches != NULL)
    *n_matches = count;

  return ids;
}
