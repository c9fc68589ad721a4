/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-name-matcher.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "amparo-name-matcher-private.h"
#include "amparo-phonetic.h"
#include "amparo-db.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"

/* Family tracing: "we are looking for Yoselin López, about 7, from
 * Guatemala". Names were written down by many hands, so the index is
 * phonetic (see amparo-phonetic.c) and the ranking forgiving; a bounded
 * candidate set is scored here in C. */

#define MAX_GIVEN_WORDS 2
#define MAX_FAMILY_WORDS 3
#define MAX_ALIAS_WORDS 4
/* Letters of the given-name key the first index range must share. */
#define GIVEN_PREFIX_LEN 4
/* Scoring this many candidates takes a few milliseconds. */
#define MAX_CANDIDATES 3000
/* A candidate this good ends the widening of the search (see
 * count_strong()). */
#define STRONG_SCORE 0.9
/* … or once this many were scored: a wider range of a common family name
 * holds tens of thousands at a million persons. */
#define MAX_WIDENED 400
/* Years of age either way that still score (see score_age()). */
#define AGE_WINDOW 5

#define WEIGHT_FAMILY 0.40
#define WEIGHT_GIVEN 0.35
#define WEIGHT_AGE 0.15
#define WEIGHT_COUNTRY 0.10
/* Neither for nor against: the record does not say. */
#define SCORE_UNKNOWN 0.3
/* A family name sought that the person has only as their second
 * (maternal) one, while their first matches nothing sought: a person
 * known by one family name is known by the first, so this is weaker
 * evidence. An exact match then ranks below a sound-alike of the first
 * family name (0.92), yet the person is still proposed: US forms often
 * keep the last word as "the" last name (see docs/decisions.md). */
#define SECOND_FAMILY_NAME_ONLY 0.85

typedef struct
{
  char *normalized;
  char *key;
} Word;

typedef enum
{
  MATCH_NONE,
  MATCH_SIMILAR,
  MATCH_SOUNDS,
  MATCH_SAME,
} MatchKind;

typedef struct
{
  double score;
  MatchKind kind;
  guint n_query_words;
  guint n_matched;
  gboolean swapped;
  /* Some word sought matches, but not the found name's first word. */
  gboolean first_unmatched;
} PartMatch;

typedef struct
{
  GArray *given;
  GArray *family;
  int age;
  char *country;
  /* Looking for a relative of a person of this age (else -1): the
   * candidate's age must differ from it by min_gap … max_gap years
   * (negative: younger), as the relationship sought allows. */
  int own_age;
  int min_gap;
  int max_gap;
} PreparedQuery;

/* What a relationship allows between two ages, in years (candidate's
 * age minus the person's): a parent is at least 13 years older, a
 * grandparent at least 26, a sibling within 20 either way. */
static const struct
{
  AmparoRelationshipKind kind;
  int min_gap, max_gap;
  int typical_min, typical_max;     /* the best score inside these */
} age_gaps[] = {
  { AMPARO_RELATIONSHIP_KIND_PARENT, 13, 65, 18, 45 },
  { AMPARO_RELATIONSHIP_KIND_CHILD, -65, -13, -45, -18 },
  { AMPARO_RELATIONSHIP_KIND_SIBLING, -20, 20, -8, 8 },
  { AMPARO_RELATIONSHIP_KIND_GRANDPARENT, 26, 100, 36, 80 },
  { AMPARO_RELATIONSHIP_KIND_GRANDCHILD, -100, -26, -80, -36 },
};

static const char * const particles[] = { "de", "del", "la", "las", "los", "y", NULL };
/* The same particles written together with the name: "Delacruz",
 * "Delosreyes". Not "del" alone: "Delgado" is a name of its own. */
static const char * const joined_particles[] = { "dela", "delas", "delos", NULL };

/* People write countries as names, in either language, or as codes. */
static const struct { const char *code; const char *names[3]; } countries[] = {
  { "gt", { "guatemala" } },
  { "hn", { "honduras" } },
  { "sv", { "el salvador", "salvador" } },
  { "mx", { "mexico" } },
  { "ni", { "nicaragua" } },
  { "cr", { "costa rica" } },
  { "pa", { "panama" } },
  { "co", { "colombia" } },
  { "ve", { "venezuela" } },
  { "ec", { "ecuador" } },
  { "pe", { "peru" } },
  { "cu", { "cuba" } },
  { "ht", { "haiti" } },
  { "br", { "brazil", "brasil" } },
  { "us", { "united states", "estados unidos", "usa" } },
};

static void
word_clear (Word *word)
{
  g_clear_pointer (&word->normalized, g_free);
  g_clear_pointer (&word->key, g_free);
}

/* "delacruz" → "cruz", as "de la Cruz" is found by "Cruz"; the rest
 * must still be a name ("Delas" stays). */
static const char *
skip_joined_particle (const char *word)
{
  for (guint i = 0; joined_particles[i] != NULL; i++)
    {
      gsize n = strlen (joined_particles[i]);

      if (g_str_has_prefix (word, joined_particles[i]) && strlen (word) >= n + 3)
        return word + n;
    }
  return word;
}

static GArray *
split_name (const char *text,
            guint       max_words)
{
  g_auto(GStrv) parts = amparo_phonetic_split_words (text);
  guint n_parts = g_strv_length (parts);
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);

  for (guint i = 0; i < n_parts && words->len < max_words; i++)
    {
      Word word;

      /* "de la Cruz" is found by "Cruz"; a lone "De" stays a name */
      const char *name;

      if (n_parts > 1 && g_strv_contains (particles, parts[i]))
        continue;
      name = skip_joined_particle (parts[i]);
      word.key = amparo_phonetic_key (name);
      if (word.key[0] == '\0')
        {
          g_free (word.key);
          continue;
        }
      word.normalized = g_strdup (name);
      g_array_append_val (words, word);
    }

  return words;
}

static char *
canonical_country (const char *text)
{
  g_autofree char *normalized = amparo_phonetic_normalize (text);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      if (g_str_equal (normalized, countries[i].code))
        return g_strdup (countries[i].code);
      for (guint j = 0; j < G_N_ELEMENTS (countries[i].names) && countries[i].names[j]; j++)
        if (g_str_equal (normalized, countries[i].names[j]))
          return g_strdup (countries[i].code);
    }

  return g_steal_pointer (&normalized);
}

static void
add_key (GPtrArray  *keys,
         GHashTable *seen,
         const Word *family,
         const Word *given)
{
  char *key = g_strconcat (family->key, "|", given != NULL ? given->key : "", NULL);

  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_add (seen, key);
  g_ptr_array_add (keys, key);
}

/* An alias line does not say which word is the family name: every word
 * may be either. */
static void
add_alias_keys (GPtrArray  *keys,
                GHashTable *seen,
                const char *alias)
{
  g_autoptr(GArray) words = split_name (alias, MAX_ALIAS_WORDS);

  for (guint i = 0; i < words->len; i++)
    for (guint j = 0; j < words->len; j++)
      if (i != j)
        add_key (keys, seen, &g_array_index (words, Word, i), &g_array_index (words, Word, j));
}

static MatchKind
compare_words (const Word *a,
               const Word *b,
               double     *score)
{
  double spelled, sounded;

  if (g_str_equal (a->normalized, b->normalized))
    {
      *score = 1.0;
      return MATCH_SAME;
    }
  if (g_str_equal (a->key, b->key))
    {
      *score = 0.92;
      return MATCH_SOUNDS;
    }

  spelled = amparo_phonetic_similarity (a->normalized, b->normalized);
  sounded = 0.9 * amparo_phonetic_similarity (a->key, b->key);
  *score = MAX (spelled, sounded);

  return *score >= 0.6 ? MATCH_SIMILAR : MATCH_NONE;
}

static int
compare_doubles_descending (gconstpointer a,
                            gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x < y) - (x > y);
}

/* A compound name written as one word: "Juancarlos" for "Juan Carlos",
 * "Mariajose" for "María José". Returns how well the words of @several
 * run together match one word of @other, or MATCH_NONE. */
static MatchKind
match_joined (GArray *several,
              GArray *other,
              double *score)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  Word word = { NULL };
  MatchKind best = MATCH_NONE;

  *score = 0.0;
  if (several->len < 2)
    return MATCH_NONE;
  for (guint i = 0; i < several->len; i++)
    g_string_append (joined, g_array_index (several, Word, i).normalized);
  word.normalized = joined->str;
  word.key = amparo_phonetic_key (joined->str);

  for (guint j = 0; j < other->len; j++)
    {
      double candidate;
      MatchKind kind = compare_words (&word, &g_array_index (other, Word, j), &candidate);

      /* only near-exact: a joined name is long, so "similar" is loose */
      if (kind >= MATCH_SOUNDS && candidate > *score)
        {
          *score = candidate;
          best = kind;
        }
    }
  g_free (word.key);
  return best;
}

static void
apply_joined (PartMatch *match,
              GArray    *sought,
              GArray    *found)
{
  double score;
  MatchKind kind = match_joined (sought, found, &score);

  if (kind == MATCH_NONE)
    kind = match_joined (found, sought, &score);
  if (kind == MATCH_NONE || score <= match->score)
    return;
  match->score = score;
  match->kind = kind;
  match->n_matched = match->n_query_words;
  match->swapped = FALSE;
  match->first_unmatched = FALSE;
}

/* How many of the record's @n_found words no word sought was paired with */
static guint
n_unpaired_words (const int *paired,
                  guint      n_sought,
                  guint      n_found)
{
  guint n = n_found;

  for (guint j = 0; j < n_found; j++)
    for (guint i = 0; i < n_sought; i++)
      if (paired[i] == (int) j)
        {
          n--;
          break;
        }
  return n;
}

/* Each word sought is paired with its best counterpart; the best pair
 * counts most, so one family name of two still scores well. */
static PartMatch
match_part (GArray *sought,
            GArray *found)
{
  PartMatch match = { 0.0, MATCH_NONE, sought->len, 0, FALSE, FALSE };
  double scores[MAX_ALIAS_WORDS] = { 0 };
  int paired[MAX_ALIAS_WORDS] = { -1, -1, -1, -1 };
  MatchKind weakest = MATCH_SAME;
  double rest = 0.0;

  for (guint i = 0; i < sought->len && i < MAX_ALIAS_WORDS; i++)
    {
      MatchKind best_kind = MATCH_NONE;

      for (guint j = 0; j < found->len; j++)
        {
          double score;
          MatchKind kind = compare_words (&g_array_index (sought, Word, i),
                                          &g_array_index (found, Word, j), &score);

          if (score > scores[i])
            {
              scores[i] = score;
              best_kind = kind;
              paired[i] = kind != MATCH_NONE ? (int) j : -1;
            }
        }
      if (best_kind != MATCH_NONE)
        {
          match.n_matched++;
          weakest = MIN (weakest, best_kind);
        }
    }

  if (sought->len == 0 || found->len == 0)
    return match;

  match.kind = match.n_matched > 0 ? weakest : MATCH_NONE;
  /* A word sought with no counterpart is no evidence, however many
   * letters it shares: "Xiloj" adds nothing for a "Yax". But where the
   * record has no word left over, it leaves the name out rather than
   * saying another ("Chiquin" for "Chiquín Xiloj"; US forms often keep
   * one family name): neither for nor against, as an unknown age. */
  for (guint i = 0; match.n_matched > 0 && i < sought->len && i < MAX_ALIAS_WORDS; i++)
    if (paired[i] < 0)
      scores[i] = n_unpaired_words (paired, MIN (sought->len, MAX_ALIAS_WORDS), found->len) > 0
                  ? 0.0 : SCORE_UNKNOWN;
  match.swapped = paired[0] >= 0 && paired[1] >= 0 && paired[0] > paired[1];
  match.first_unmatched = match.n_matched > 0 && found->len > 1;
  for (guint i = 0; i < sought->len && i < MAX_ALIAS_WORDS; i++)
    if (paired[i] == 0)
      match.first_unmatched = FALSE;

  qsort (scores, MIN (sought->len, MAX_ALIAS_WORDS), sizeof (double), compare_doubles_descending);
  for (guint i = 1; i < sought->len && i < MAX_ALIAS_WORDS; i++)
    rest += scores[i];
  match.score = sought->len == 1 ? scores[0]
                                 : 0.7 * scores[0] + 0.3 * rest / (MIN (sought->len, MAX_ALIAS_WORDS) - 1);
  apply_joined (&match, sought, found);
  return match;
}

static void
add_family_reasons (GPtrArray       *reasons,
                    const PartMatch *family)
{
  if (family->kind == MATCH_SAME)
    g_ptr_array_add (reasons, g_strdup (family->n_query_words > 1 && family->n_matched > 1
                                        ? _("Same family names")
                                        : _("Same family name")));
  else if (family->kind == MATCH_SOUNDS)
    g_ptr_array_add (reasons, g_strdup (_("Family name sounds the same")));
  else if (family->kind == MATCH_SIMILAR)
    g_ptr_array_add (reasons, g_strdup (_("Family name spelled similarly")));

  if (family->swapped)
    g_ptr_array_add (reasons, g_strdup (_("Family names in the other order")));
  else if (family->n_query_words > 1 && family->n_matched == 1)
    g_ptr_array_add (reasons, g_strdup (_("Only one of the family names matches")));
  /* says why the person ranks lower (see SECOND_FAMILY_NAME_ONLY) */
  if (family->first_unmatched)
    g_ptr_array_add (reasons, g_strdup (_("Matches only their second family name")));
}

static void
add_given_reasons (GPtrArray       *reasons,
                   const PartMatch *given)
{
  if (given->kind == MATCH_SAME)
    g_ptr_array_add (reasons, g_strdup (_("Same given name")));
  else if (given->kind == MATCH_SOUNDS)
    g_ptr_array_add (reasons, g_strdup (_("Given name sounds the same")));
  else if (given->kind == MATCH_SIMILAR)
    g_ptr_array_add (reasons, g_strdup (_("Given name spelled similarly")));
}

/* Age in whole years on @today, or -1 when the birth date is missing or
 * not a date; an estimate of only a year counts from its middle. */
static int
age_on (const char *birth_date,
        GDate      *today)
{
  int year = 0, month = 7, day = 1;
  int age;

  if (birth_date == NULL || sscanf (birth_date, "%d-%d-%d", &year, &month, &day) < 1)
    return -1;
  if (year < 1850 || month < 1 || month > 12 || day < 1 || day > 31)
    return -1;

  age = g_date_get_year (today) - year;
  if ((int) g_date_get_month (today) < month
      || ((int) g_date_get_month (today) == month && g_date_get_day (today) < day))
    age--;

  return age;
}

static double
score_age (int        sought,
           int        actual,
           GPtrArray *reasons)
{
  int difference;

  if (actual < 0)
    return SCORE_UNKNOWN;

  difference = ABS (sought - actual);
  if (difference == 0)
    g_ptr_array_add (reasons, g_strdup (_("Same age")));
  else if (difference <= 5)
    g_ptr_array_add (reasons,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Age within %d year",
                                                   "Age within %d years",
                                                   difference),
                                      difference));

  switch (difference)
    {
    case 0: return 1.0;
    case 1: return 0.9;
    case 2: return 0.75;
    case 3: case 4: case 5: return 0.4;
    default: return 0.0;
    }
}

static int
find_age_gap (int min_gap,
              int max_gap)
{
  for (guint i = 0; i < G_N_ELEMENTS (age_gaps); i++)
    if (age_gaps[i].min_gap == min_gap && age_gaps[i].max_gap == max_gap)
      return (int) i;
  return -1;
}

/* The age difference as it is, never an expected age: "27 years older". */
static void
add_gap_reason (GPtrArray *reasons,
                int        gap)
{
  if (gap == 0)
    g_ptr_array_add (reasons, g_strdup (_("Same age")));
  else if (gap > 0)
    g_ptr_array_add (reasons,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year older", "%d years older", gap),
                                      gap));
  else
    g_ptr_array_add (reasons,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year younger", "%d years younger", -gap),
                                      -gap));
}

/* Returns: the score, or a negative number when the ages rule the
 * relationship out (a 14-year-old is nobody's parent at 11). */
static double
score_relative_age (const PreparedQuery *query,
                    int                  actual,
                    GPtrArray           *reasons)
{
  int gap, row = find_age_gap (query->min_gap, query->max_gap);

  if (actual < 0)
    return SCORE_UNKNOWN;
  gap = actual - query->own_age;
  if (gap < query->min_gap || gap > query->max_gap)
    return -1.0;
  add_gap_reason (reasons, gap);
  if (row < 0 || (gap >= age_gaps[row].typical_min && gap <= age_gaps[row].typical_max))
    return 1.0;
  return 0.6;
}

static double
score_country (const char *sought,
               const char *actual,
               GPtrArray  *reasons)
{
  g_autofree char *canonical = NULL;

  if (actual == NULL || actual[0] == '\0')
    return SCORE_UNKNOWN;

  canonical = canonical_country (actual);
  if (!g_str_equal (canonical, sought))
    return 0.0;

  g_ptr_array_add (reasons, g_strdup (_("Same country of birth")));
  return 1.0;
}

static void
prepared_query_clear (PreparedQuery *prepared)
{
  g_clear_pointer (&prepared->given, g_array_unref);
  g_clear_pointer (&prepared->family, g_array_unref);
  g_clear_pointer (&prepared->country, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PreparedQuery, prepared_query_clear)

static void
prepare_query (PreparedQuery         *prepared,
               const AmparoNameQuery *query)
{
  g_autofree char *country = amparo_phonetic_normalize (query->country_of_birth);

  prepared->given = split_name (query->given_names, MAX_GIVEN_WORDS);
  prepared->family = split_name (query->family_names, MAX_FAMILY_WORDS);
  prepared->age = query->approximate_age;
  prepared->country = country[0] != '\0' ? canonical_country (country) : NULL;
  prepared->own_age = -1;
}

/* The best of the person's own name and aliases, as family + given. */
static double
match_names (const PreparedQuery       *query,
             const AmparoNameCandidate *candidate,
             PartMatch                 *best_family,
             PartMatch                 *best_given,
             gboolean                  *by_alias)
{
  g_autoptr(GArray) given = split_name (candidate->given_names, MAX_ALIAS_WORDS);
  g_autoptr(GArray) family = split_name (candidate->family_names, MAX_ALIAS_WORDS);
  g_auto(GStrv) aliases = g_strsplit (candidate->aliases ? candidate->aliases : "", "\n", 8);
  double best;

  *best_family = match_part (query->family, family);
  /* Only the person's own family names have an order: an alias line
   * does not say which word is which, and many are known by their
   * second given name. */
  if (best_family->first_unmatched)
    best_family->score *= SECOND_FAMILY_NAME_ONLY;
  *best_given = match_part (query->given, given);
  best = WEIGHT_FAMILY * best_family->score + WEIGHT_GIVEN * best_given->score;
  *by_alias = FALSE;

  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autoptr(GArray) words = split_name (aliases[i], MAX_ALIAS_WORDS);
      PartMatch alias_family = match_part (query->family, words);
      PartMatch alias_given = match_part (query->given, words);

      alias_family.first_unmatched = FALSE;
      double score = WEIGHT_FAMILY * alias_family.score + WEIGHT_GIVEN * alias_given.score;

      if (score > best + 0.01)
        {
          best = score;
          *best_family = alias_family;
          *best_given = alias_given;
          *by_alias = TRUE;
        }
    }

  return best;
}

static AmparoNameMatch *
score_candidate (const PreparedQuery       *query,
                 const AmparoNameCandidate *candidate,
                 GDate                     *today)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  PartMatch family, given;
  gboolean by_alias;
  double total, weights = 0.0;

  total = match_names (query, candidate, &family, &given, &by_alias);
  if (query->family->len > 0)
    weights += WEIGHT_FAMILY;
  if (query->given->len > 0)
    weights += WEIGHT_GIVEN;

  add_family_reasons (reasons, &family);
  add_given_reasons (reasons, &given);
  if (by_alias)
    g_ptr_array_add (reasons, g_strdup (_("Matches a name the person is also known by")));

  if (query->own_age >= 0)
    {
      double age_score = score_relative_age (query, age_on (candidate->birth_date, today), reasons);

      if (age_score < 0.0)
        return NULL;
      total += WEIGHT_AGE * age_score;
      weights += WEIGHT_AGE;
    }
  else if (query->age >= 0)
    {
      total += WEIGHT_AGE * score_age (query->age, age_on (candidate->birth_date, today), reasons);
      weights += WEIGHT_AGE;
    }
  if (query->country != NULL)
    {
      total += WEIGHT_COUNTRY * score_country (query->country, candidate->country_of_birth, reasons);
      weights += WEIGHT_COUNTRY;
    }
  g_ptr_array_add (reasons, NULL);

  return amparo_name_match_new (candidate->id, candidate->uid,
                                candidate->given_names, candidate->family_names,
                                candidate->birth_date, candidate->country_of_birth,
                                weights > 0.0 ? total / weights : 0.0,
                                (const char * const *) reasons->pdata);
}

/* The driver's message (already translated) inside the matcher's own. */
static void
set_error_from_db (GError **error,
                   GError  *db_error)
{
  g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_FAILED,
               /* Translators: %s is a technical message from the database */
               _("Looking for possible family matches failed: %s. Try again; if it keeps failing, ask your administrator to check the database."),
               db_error != NULL ? db_error->message : "?");
}

static gboolean
has_pending_keys (AmparoDb *db)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM person_name_keys_pending)", NULL);

  return stmt != NULL && amparo_db_step (stmt, NULL) == AMPARO_DB_ROW
         && amparo_db_column_int64 (stmt, 0) != 0;
}

/* Persons and keys written per statement: on a server each statement is
 * a round trip, and one per key made the first fill after a copy take
 * minutes (#10). 3 × 500 parameters stay far below both engines' limits
 * (SQLite 32766, PostgreSQL 65535). */
#define KEY_BATCH_PERSONS 200
#define KEY_BATCH_ROWS 500

typedef struct
{
  AmparoDb *db;
  GArray *ids;                       /* gint64: persons read, to dequeue */
  GPtrArray *keys;                   /* "key" strings, KEY_BATCH_ROWS at most */
  GArray *key_ids;                   /* gint64, one per key */
  GPtrArray *key_births;             /* birth date or NULL, one per key */
} KeyBatch;

static char *
placeholders (guint       n,
              const char *one)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", one);
  return g_string_free (sql, FALSE);
}

static gboolean
run_for_ids (AmparoDb    *db,
             const char  *sql_start,
             GArray      *ids,
             GError     **error)
{
  g_autofree char *marks = placeholders (ids->len, "?");
  g_autofree char *sql = g_strconcat (sql_start, " (", marks, ")", NULL);
  g_autoptr(AmparoDbStmt) stmt = amparo_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    amparo_db_bind_int64 (stmt, (int) i + 1, g_array_index (ids, gint64, i));
  return amparo_db_step_done (stmt, error);
}

static gboolean
flush_keys (KeyBatch  *batch,
            GError   **error)
{
  g_autofree char *rows = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;

  if (batch->keys->len == 0)
    return TRUE;
  rows = placeholders (batch->keys->len, "(?, ?, ?)");
  sql = g_strconcat ("INSERT INTO person_name_keys (key, person_id, birth_date) VALUES ", rows,
                     " ON CONFLICT DO NOTHING", NULL);
  if ((stmt = amparo_db_prepare (batch->db, sql, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < batch->keys->len; i++)
    {
      amparo_db_bind_text (stmt, (int) (3 * i + 1), g_ptr_array_index (batch->keys, i));
      amparo_db_bind_int64 (stmt, (int) (3 * i + 2), g_array_index (batch->key_ids, gint64, i));
      if (g_ptr_array_index (batch->key_births, i) != NULL)
        amparo_db_bind_text (stmt, (int) (3 * i + 3), g_ptr_array_index (batch->key_births, i));
      else
        amparo_db_bind_null (stmt, (int) (3 * i + 3));
    }
  g_ptr_array_set_size (batch->keys, 0);
  g_array_set_size (batch->key_ids, 0);
  g_ptr_array_set_size (batch->key_births, 0);
  return amparo_db_step_done (stmt, error);
}

/* The persons read so far: old keys out, off the queue, new keys in.
 * Only the persons read are dequeued: on a server another connection
 * may queue more meanwhile, and those must wait for the next run. */
static gboolean
flush_persons (KeyBatch  *batch,
               GError   **error)
{
  gboolean ok;

  if (batch->ids->len == 0)
    return flush_keys (batch, error);
  ok = run_for_ids (batch->db, "DELETE FROM person_name_keys WHERE person_id IN", batch->ids, error)
       && run_for_ids (batch->db, "DELETE FROM person_name_keys_pending WHERE person_id IN", batch->ids, error)
       && flush_keys (batch, error);
  g_array_set_size (batch->ids, 0);
  return ok;
}

/* One queued person into the batch; its keys are written with those of
 * the others, after their old keys are deleted. */
static gboolean
batch_person (KeyBatch     *batch,
              AmparoDbStmt *select_stmt,
              GError      **error)
{
  gint64 id = amparo_db_column_int64 (select_stmt, 0);
  gboolean live = amparo_db_column_int64 (select_stmt, 4) != 0;
  const char *birth_date = amparo_db_column_text (select_stmt, 5);
  g_autoptr(GPtrArray) keys = NULL;

  g_array_append_val (batch->ids, id);
  if (live)
    keys = amparo_name_matcher_compute_keys (amparo_db_column_text (select_stmt, 1),
                                             amparo_db_column_text (select_stmt, 2),
                                             amparo_db_column_text (select_stmt, 3));
  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      /* a full insert waits for the deletes of the persons it holds;
       * this person's old keys are gone after it, so the rest of its
       * keys only need inserting */
      if (batch->keys->len == KEY_BATCH_ROWS && !flush_persons (batch, error))
        return FALSE;
      g_ptr_array_add (batch->keys, g_strdup (g_ptr_array_index (keys, i)));
      g_array_append_val (batch->key_ids, id);
      g_ptr_array_add (batch->key_births, g_strdup (birth_date));
    }
  if (batch->ids->len >= KEY_BATCH_PERSONS)
    return flush_persons (batch, error);
  return TRUE;
}

/* Both engines take this SQL as it is (SQLite ≥ 3.24 has ON CONFLICT;
 * the CASE gives 1/0 where PostgreSQL would give a boolean). */
static gboolean
write_pending_keys (AmparoDb  *db,
                    GError   **error)
{
  g_autoptr(AmparoDbStmt) select_stmt = NULL;
  KeyBatch batch = {
    db, g_array_new (FALSE, FALSE, sizeof (gint64)), g_ptr_array_new_with_free_func (g_free),
    g_array_new (FALSE, FALSE, sizeof (gint64)), g_ptr_array_new_with_free_func (g_free),
  };
  AmparoDbStep rc = AMPARO_DB_ERROR;
  gboolean ok;

  ok = (select_stmt = amparo_db_prepare (db,
                                         "SELECT q.person_id, p.given_names, p.family_names, p.aliases,"
                                         "       CASE WHEN p.id IS NOT NULL AND p.deleted_at IS NULL THEN 1 ELSE 0 END,"
                                         "       p.birth_date"
                                         "  FROM person_name_keys_pending q"
                                         "  LEFT JOIN persons p ON p.id = q.person_id",
                                         error)) != NULL;

  while (ok && (rc = amparo_db_step (select_stmt, error)) == AMPARO_DB_ROW)
    ok = batch_person (&batch, select_stmt, error);
  ok = ok && rc == AMPARO_DB_DONE && flush_persons (&batch, error);

  g_array_unref (batch.ids);
  g_ptr_array_unref (batch.keys);
  g_array_unref (batch.key_ids);
  g_ptr_array_unref (batch.key_births);
  return ok;
}

/* Birth dates of persons whose age is @min_age … @max_age, as ISO
 * strings (a year-only estimate compares correctly too). */
static void
birth_window (int    min_age,
              int    max_age,
              GDate *today,
              char  *born_from,
              char  *born_until)
{
  GDate from = *today, until = *today;

  g_date_subtract_years (&from, MAX (max_age, 0) + 1);
  g_date_add_days (&from, 1);
  if (min_age > 0)
    g_date_subtract_years (&until, min_age);
  g_snprintf (born_from, 11, "%04d-%02d-%02d", g_date_get_year (&from),
              g_date_get_month (&from), g_date_get_day (&from));
  g_snprintf (born_until, 11, "%04d-%02d-%02d", g_date_get_year (&until),
              g_date_get_month (&until), g_date_get_day (&until));
}

/* Persons under both key ranges: the two family names together. A
 * common family name's range alone holds thousands of namesakes at a
 * million persons, read in id order; the person sought, recorded last,
 * fell past the limit. */
static const char both_sql[] =
  "SELECT p.id, p.uid, p.given_names, p.family_names, p.aliases,"
  "       p.birth_date, p.country_of_birth"
  "  FROM persons p"
  " WHERE p.id IN (SELECT person_id FROM person_name_keys WHERE key >= ?1 AND key < ?2"
  "                INTERSECT"
  "                SELECT person_id FROM person_name_keys WHERE key >= ?6 AND key < ?7)"
  "   AND p.deleted_at IS NULL"
  "   AND (CAST (?4 AS TEXT) IS NULL OR p.birth_date IS NULL OR p.birth_date BETWEEN ?4 AND ?5)"
  " LIMIT ?3";

static const char one_sql[] =
  "SELECT p.id, p.uid, p.given_names, p.family_names, p.aliases,"
  "       p.birth_date, p.country_of_birth"
  "  FROM person_name_keys k JOIN persons p ON p.id = k.person_id"
  " WHERE k.key >= ?1 AND k.key < ?2 AND p.deleted_at IS NULL"
  "   AND (CAST (?4 AS TEXT) IS NULL OR k.birth_date IS NULL"
  "        OR k.birth_date BETWEEN ?4 AND ?5)"
  " LIMIT ?3";

static gboolean
read_candidates (AmparoDb            *db,
                 const char          *prefix,
                 const char          *other_prefix,
                 const char          *born_from,
                 const char          *born_until,
                 GHashTable          *seen,
                 GPtrArray           *matches,
                 const PreparedQuery *query,
                 GDate               *today,
                 GError             **error)
{
  g_autofree char *upper = g_strconcat (prefix, "~", NULL);
  g_autofree char *other_upper = other_prefix != NULL ? g_strconcat (other_prefix, "~", NULL) : NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GError) db_error = NULL;
  AmparoDbStep rc;

  stmt = amparo_db_prepare (db, other_prefix != NULL ? both_sql : one_sql, &db_error);
  if (stmt == NULL)
    {
      set_error_from_db (error, db_error);
      return FALSE;
    }
  if (other_prefix != NULL)
    {
      amparo_db_bind_text (stmt, 6, other_prefix);
      amparo_db_bind_text (stmt, 7, other_upper);
    }
  amparo_db_bind_text (stmt, 1, prefix);
  amparo_db_bind_text (stmt, 2, upper);
  amparo_db_bind_int64 (stmt, 3, MAX_CANDIDATES - g_hash_table_size (seen));
  amparo_db_bind_text (stmt, 4, born_from);
  amparo_db_bind_text (stmt, 5, born_until);

  while ((rc = amparo_db_step (stmt, &db_error)) == AMPARO_DB_ROW)
    {
      AmparoNameCandidate candidate = {
        amparo_db_column_int64 (stmt, 0),
        amparo_db_column_text (stmt, 1),
        amparo_db_column_text (stmt, 2),
        amparo_db_column_text (stmt, 3),
        amparo_db_column_text (stmt, 4),
        amparo_db_column_text (stmt, 5),
        amparo_db_column_text (stmt, 6),
      };
      gint64 *key;

      if (g_hash_table_contains (seen, &candidate.id))
        continue;
      key = g_new (gint64, 1);
      *key = candidate.id;
      g_hash_table_add (seen, key);
      AmparoNameMatch *match = score_candidate (query, &candidate, today);

      /* NULL: ruled out by age for the relationship sought. */
      if (match != NULL)
        g_ptr_array_add (matches, match);
    }
  if (rc != AMPARO_DB_DONE)
    set_error_from_db (error, db_error);

  return rc == AMPARO_DB_DONE;
}

/* First, with two family names sought: persons who have both, with
 * the given name's first letters (or any given name). Few, and the
 * likeliest. */
static gboolean
read_both_family_names (AmparoDb            *db,
                        const PreparedQuery *query,
                        GHashTable          *seen,
                        GPtrArray           *matches,
                        GDate               *today,
                        GError             **error)
{
  for (guint f = 0; f + 1 < query->family->len; f++)
    for (guint o = f + 1; o < query->family->len; o++)
      for (guint g = 0; g < MAX (query->given->len, 1); g++)
        {
          const char *given_key = query->given->len > 0 ? g_array_index (query->given, Word, g).key : "";
          int n = (int) MIN (2, strlen (given_key));
          g_autofree char *prefix = g_strdup_printf ("%s|%.*s", g_array_index (query->family, Word, f).key,
                                                     n, given_key);
          g_autofree char *other = g_strdup_printf ("%s|%.*s", g_array_index (query->family, Word, o).key,
                                                    n, given_key);

          if (!read_candidates (db, prefix, other, NULL, NULL, seen, matches, query, today, error))
            return FALSE;
        }
  return TRUE;
}

/* Candidates good enough that a wider search could not bring better
 * ones to the top: "as many candidates as asked for" is not enough, as
 * namesakes of the wrong age would hide the person sought. */
static guint
count_strong (GPtrArray *matches)
{
  guint n = 0;

  for (guint i = 0; i < matches->len; i++)
    if (amparo_name_match_get_score (g_ptr_array_index (matches, i)) >= STRONG_SCORE)
      n++;
  return n;
}

/* Index ranges from narrow to wide: same family and given keys; same
 * family key and the first letters of the given key; then the first
 * letter; then the family key alone. Wider ones only run while too few
 * strong candidates were found, so a common name scores only its
 * namesakes.
 * With an age, a first pass keeps to persons of about that age (or of
 * unknown age): the others could not outrank them. */
static gboolean
collect_candidates (AmparoDb            *db,
                    const PreparedQuery *query,
                    guint                wanted,
                    GPtrArray           *matches,
                    GDate               *today,
                    GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  static const guint given_prefix[] = { G_MAXINT, GIVEN_PREFIX_LEN, 1, 0 };
  char born_from[16], born_until[16];
  guint first_pass = query->age >= 0 ? 0 : 1;


  if (query->own_age >= 0)
    {
      first_pass = 0;
      birth_window (query->own_age + query->min_gap, query->own_age + query->max_gap,
                    today, born_from, born_until);
    }
  else if (query->age >= 0)
    birth_window (query->age - AGE_WINDOW, query->age + AGE_WINDOW, today, born_from, born_until);

  if (!read_both_family_names (db, query, seen, matches, today, error))
    return FALSE;

  for (guint pass = first_pass; pass < 2; pass++)
    for (guint tier = 0; tier < G_N_ELEMENTS (given_prefix); tier++)
      {
        if ((pass > first_pass || tier > 0)
            && (count_strong (matches) >= wanted || g_hash_table_size (seen) >= MAX_WIDENED))
          return TRUE;
        if (tier > 0 && query->given->len == 0)
          break;

        for (guint f = 0; f < query->family->len; f++)
          for (guint g = 0; g < MAX (query->given->len, 1); g++)
            {
              const Word *family = &g_array_index (query->family, Word, f);
              const char *given_key = query->given->len > 0
                                      ? g_array_index (query->given, Word, g).key : "";
              g_autofree char *prefix = g_strdup_printf ("%s|%.*s", family->key,
                                                         (int) MIN (given_prefix[tier], strlen (given_key)),
                                                         given_key);

              if (g_hash_table_size (seen) >= MAX_CANDIDATES)
                return TRUE;
              if (!read_candidates (db, prefix, NULL, pass == 0 ? born_from : NULL,
                                    pass == 0 ? born_until : NULL,
                                    seen, matches, query, today, error))
                return FALSE;
            }
      }

  return TRUE;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  AmparoNameMatch *x = *(AmparoNameMatch **) a;
  AmparoNameMatch *y = *(AmparoNameMatch **) b;
  double sx = amparo_name_match_get_score (x);
  double sy = amparo_name_match_get_score (y);
  gint64 ix = amparo_name_match_get_person_id (x);
  gint64 iy = amparo_name_match_get_person_id (y);

  if (sx != sy)
    return sx < sy ? 1 : -1;
  return (ix > iy) - (ix < iy);
}

/**
 * amparo_name_matcher_compute_keys:
 *
 * Returns: (transfer full) (element-type utf8): the keys under which the
 *   matcher finds a person: "familykey|givenkey" for each pair of family
 *   and given name, and for each pair of words of each alias
 */
GPtrArray *
amparo_name_matcher_compute_keys (const char *given_names,
                                  const char *family_names,
                                  const char *aliases)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) given = split_name (given_names, MAX_GIVEN_WORDS);
  g_autoptr(GArray) family = split_name (family_names, MAX_FAMILY_WORDS);
  g_auto(GStrv) alias_lines = g_strsplit (aliases ? aliases : "", "\n", 8);

  for (guint f = 0; f < family->len; f++)
    {
      for (guint g = 0; g < given->len; g++)
        add_key (keys, seen, &g_array_index (family, Word, f), &g_array_index (given, Word, g));
      if (given->len == 0)
        add_key (keys, seen, &g_array_index (family, Word, f), NULL);
    }

  for (guint i = 0; alias_lines[i] != NULL; i++)
    add_alias_keys (keys, seen, alias_lines[i]);

  return keys;
}

/**
 * amparo_name_matcher_score:
 * @query: what is sought
 * @candidate: one person
 * @today: the day ages are counted on
 *
 * Returns: (transfer full): the candidate's score and reasons
 */
AmparoNameMatch *
amparo_name_matcher_score (const AmparoNameQuery     *query,
                           const AmparoNameCandidate *candidate,
                           GDate                     *today)
{
  g_auto(PreparedQuery) prepared = { NULL };

  prepare_query (&prepared, query);
  return score_candidate (&prepared, candidate, today);
}

/**
 * amparo_name_matcher_find:
 * @store: the store
 * @given_names: (nullable): given names sought, as heard or written
 * @family_names: family names sought, one or both, in any order
 * @approximate_age: age in years, or %AMPARO_NAME_MATCHER_AGE_UNKNOWN
 * @country_of_birth: (nullable): a country name (English or Spanish) or
 *   its two-letter code
 * @limit: how many candidates to return at most
 * @error: return location for an error
 *
 * Proposes live persons who may be the one sought, for family tracing:
 * names that sound alike in Spanish (b/v, s/z/c, ll/y, silent h, …),
 * family names in either order or only one of them, spelling variants
 * of given names, aliases, then closeness of age and the country of
 * birth. Takes well under 100 ms on a million persons.
 *
 * Returns: (transfer full): a #GListModel of #AmparoNameMatch, best
 *   first; empty when no family name was given; %NULL with @error set
 */
static GListModel *
find_prepared (AmparoStore         *store,
               const PreparedQuery *prepared,
               guint                limit,
               GError             **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) result = g_list_store_new (AMPARO_TYPE_NAME_MATCH);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GError) keys_error = NULL;
  AmparoDb *db;

  /* A store that cannot be written (a read-only copy) is still searched,
   * with the keys it has. */
  if (!amparo_name_matcher_update_keys (store, &keys_error))
    g_debug ("Name keys not brought up to date: %s", keys_error->message);

  db = amparo_store_get_conn (store);
  if (!collect_candidates (db, prepared, limit, matches, today, error))
    return NULL;

  g_ptr_array_sort (matches, compare_matches);
  if (matches->len > limit)
    g_ptr_array_set_size (matches, limit);
  g_list_store_splice (result, 0, 0, matches->pdata, matches->len);

  return G_LIST_MODEL (g_steal_pointer (&result));
}

GListModel *
amparo_name_matcher_find (AmparoStore  *store,
                          const char   *given_names,
                          const char   *family_names,
                          int           approximate_age,
                          const char   *country_of_birth,
                          guint         limit,
                          GError      **error)
{
  AmparoNameQuery query = { given_names, family_names, approximate_age, country_of_birth };
  g_auto(PreparedQuery) prepared = { NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  prepare_query (&prepared, &query);
  return find_prepared (store, &prepared, limit, error);
}

/**
 * amparo_name_matcher_find_relatives:
 * @store: the store
 * @family_names: the person's family names
 * @own_age: the person's age in years, or %AMPARO_NAME_MATCHER_AGE_UNKNOWN
 * @kind: the relationship sought (the relative is the person's @kind)
 * @country_of_birth: (nullable): the person's country of birth
 * @limit: how many candidates to return at most
 * @error: return location for an error
 *
 * Like amparo_name_matcher_find(), for relatives of a person: the ages
 * must fit the relationship (a parent at least 13 years older, a
 * grandparent at least 26, a sibling within 20 years either way) and
 * the reasons say the true difference ("27 years older"). Candidates of
 * unknown age are kept; those whose age rules the relationship out are
 * never proposed.
 *
 * Returns: (transfer full): a #GListModel of #AmparoNameMatch, best
 *   first; %NULL with @error set
 */
GListModel *
amparo_name_matcher_find_relatives (AmparoStore            *store,
                                    const char             *family_names,
                                    int                     own_age,
                                    AmparoRelationshipKind  kind,
                                    const char             *country_of_birth,
                                    guint                   limit,
                                    GError                **error)
{
  AmparoNameQuery query = { NULL, family_names, AMPARO_NAME_MATCHER_AGE_UNKNOWN, country_of_birth };
  g_auto(PreparedQuery) prepared = { NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  prepare_query (&prepared, &query);
  for (guint i = 0; own_age >= 0 && i < G_N_ELEMENTS (age_gaps); i++)
    if (age_gaps[i].kind == kind)
      {
        prepared.own_age = own_age;
        prepared.min_gap = age_gaps[i].min_gap;
        prepared.max_gap = age_gaps[i].max_gap;
      }
  return find_prepared (store, &prepared, limit, error);
}

/**
 * amparo_name_matcher_update_keys:
 * @store: the store
 * @error: return location for an error
 *
 * Brings the phonetic name index up to date with every person added,
 * renamed, trashed or restored since it last ran (triggers queue them).
 * amparo_name_matcher_find() calls it; call it yourself after loading
 * many persons at once, so the first search is not the one that waits.
 *
 * Returns: %TRUE on success
 */
gboolean
amparo_name_matcher_update_keys (AmparoStore  *store,
                                 GError      **error)
{
  g_autoptr(GError) db_error = NULL;
  AmparoDb *db;

  g_return_val_if_fail (AMPARO_IS_STORE (store), FALSE);

  db = amparo_store_get_conn (store);
  if (!has_pending_keys (db))
    return TRUE;

  /* A transaction of the store's (a savepoint inside one the caller has
   * open): PostgreSQL takes no savepoint outside a transaction. */
  if (!amparo_store_begin (store, &db_error))
    {
      set_error_from_db (error, db_error);
      return FALSE;
    }
  if (!write_pending_keys (db, &db_error))
    {
      set_error_from_db (error, db_error);
      amparo_store_rollback (store);
      return FALSE;
    }
  if (!amparo_store_commit (store, &db_error))
    {
      set_error_from_db (error, db_error);
      return FALSE;
    }
  return TRUE;
}
