/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amparo-name-matcher-private.h"
#include "amparo-phonetic.h"
#include "amparo-store.h"
#include "amparo-test-store.h"

/* Family tracing: a caseworker looks for a child whose name was written
 * down differently by every agency. These tests are the spellings staff
 * actually meet. */

typedef AmparoTestStoreFixture Fixture;

static char *
birth_date_for_age (int years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* a month before the birthday, so the age is exactly @years */
  g_autoptr(GDateTime) birth = g_date_time_add_full (now, -years, -1, 0, 0, 0, 0);

  return g_date_time_format (birth, "%Y-%m-%d");
}

static AmparoPerson *
add_person (Fixture    *fixture,
            const char *given,
            const char *family,
            int         age,
            const char *country)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *birth = age >= 0 ? birth_date_for_age (age) : NULL;
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_birth_date (person, birth);
  amparo_person_set_country_of_birth (person, country);
  amparo_store_save (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);

  return person;
}

static GListModel *
find (Fixture    *fixture,
      const char *given,
      const char *family,
      int         age,
      const char *country)
{
  g_autoptr(GError) error = NULL;
  GListModel *matches = amparo_name_matcher_find (fixture->store, given, family, age,
                                                  country, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matches);
  return matches;
}

/* The position of @person in @matches, or -1 */
static int
rank_of (GListModel   *matches,
         AmparoPerson *person)
{
  gint64 id = amparo_record_get_id (AMPARO_RECORD (person));

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(AmparoNameMatch) match = g_list_model_get_item (matches, i);

      if (amparo_name_match_get_person_id (match) == id)
        return (int) i;
    }
  return -1;
}

static AmparoNameMatch *
match_at (GListModel *matches,
          int         position)
{
  g_assert_cmpint (position, >=, 0);
  return g_list_model_get_item (matches, position);
}

static void
assert_same_key (const char *a,
                 const char *b)
{
  g_autofree char *key_a = amparo_phonetic_key (a);
  g_autofree char *key_b = amparo_phonetic_key (b);

  if (g_strcmp0 (key_a, key_b) != 0)
    g_error ("“%s” (%s) and “%s” (%s) should sound the same", a, key_a, b, key_b);
}

static void
assert_different_key (const char *a,
                      const char *b)
{
  g_autofree char *key_a = amparo_phonetic_key (a);
  g_autofree char *key_b = amparo_phonetic_key (b);

  if (g_strcmp0 (key_a, key_b) == 0)
    g_error ("“%s” and “%s” should not sound the same (both %s)", a, b, key_a);
}

static void
test_phonetic_key (void)
{
  /* b/v */
  assert_same_key ("Valeria", "Baleria");
  assert_same_key ("Velásquez", "Belásquez");
  /* ll/y */
  assert_same_key ("Guillermo", "Guiyermo");
  assert_same_key ("Yamileth", "Llamileth");
  /* silent h */
  assert_same_key ("Hilda", "Ilda");
  assert_same_key ("Hernández", "Ernandez");
  /* z/s and c before e, i */
  assert_same_key ("Zoila", "Soila");
  assert_same_key ("López", "Lopes");
  assert_same_key ("Cecilia", "Sesilia");
  /* ñ and accents */
  assert_same_key ("Núñez", "Nunez");
  assert_same_key ("María", "MARIA");
  /* qu/k/c, g(e,i)/j, x/j */
  assert_same_key ("Quiroz", "Kiroz");
  assert_same_key ("Carlos", "Karlos");
  assert_same_key ("Giménez", "Jiménez");
  assert_same_key ("Ximena", "Jimena");
  /* doubled letters */
  assert_same_key ("Rossana", "Rosana");
  /* the same given name, as different agencies wrote it */
  assert_same_key ("Yoselin", "Joselyn");
  assert_same_key ("Yoselin", "Yocelin");
  assert_same_key ("Yesenia", "Jesenia");
  /* a dropped h, doubled letters */
  assert_same_key ("Heidy", "Eidy");
  assert_same_key ("Josué", "Jossue");

  /* different names stay apart */
  assert_different_key ("López", "Lozano");
  assert_different_key ("María", "Mario");
  assert_different_key ("Gómez", "Pérez");

  {
    g_autofree char *normalized = amparo_phonetic_normalize ("  Núñez-López, K'iche' ");

    g_assert_cmpstr (normalized, ==, "nunez lopez kiche");
  }
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (amparo_phonetic_edit_distance ("lopez", "lopez"), ==, 0);
  /* a swap of neighbouring letters is one typo */
  g_assert_cmpuint (amparo_phonetic_edit_distance ("lopez", "lopze"), ==, 1);
  g_assert_cmpuint (amparo_phonetic_edit_distance ("kitten", "sitting"), ==, 3);
  g_assert_cmpuint (amparo_phonetic_edit_distance ("", "ana"), ==, 3);
  g_assert_cmpfloat (amparo_phonetic_similarity ("ana", "ana"), ==, 1.0);
  g_assert_cmpfloat (amparo_phonetic_similarity ("ana", "xyz"), ==, 0.0);
}

static gboolean
has_reason (AmparoNameMatch *match,
            const char      *reason)
{
  return g_strv_contains (amparo_name_match_get_reasons (match), reason);
}

static void
test_tracing_acceptance (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AmparoPerson) joselyn = add_person (fixture, "Joselyn", "López", 7, "Guatemala");
  g_autoptr(AmparoPerson) older = add_person (fixture, "Joselyn", "López", 30, "Honduras");
  g_autoptr(AmparoPerson) yolanda = add_person (fixture, "Yolanda", "López", 7, "Guatemala");
  g_autoptr(AmparoPerson) other_family = add_person (fixture, "Joselyn", "Martínez", 7, "Guatemala");
  g_autoptr(AmparoPerson) unrelated = add_person (fixture, "Brayan", "Pérez", 7, "Guatemala");
  g_autoptr(GListModel) matches = find (fixture, "Yoselin", "Lopez", 7, "Guatemala");
  g_autoptr(AmparoNameMatch) best = match_at (matches, 0);
  g_autoptr(AmparoNameMatch) second = NULL;

  /* The girl sought comes first, with a high score and the reasons */
  g_assert_cmpint (amparo_name_match_get_person_id (best), ==,
                   amparo_record_get_id (AMPARO_RECORD (joselyn)));
  g_assert_cmpfloat (amparo_name_match_get_score (best), >, 0.9);
  g_assert_true (has_reason (best, "Given name sounds the same"));
  g_assert_true (has_reason (best, "Same family name"));
  g_assert_true (has_reason (best, "Same age"));
  g_assert_true (has_reason (best, "Same country of birth"));

  /* Her namesake aged 30 is less likely; unrelated persons rank lower
   * or are not proposed at all */
  g_assert_cmpint (rank_of (matches, older), >, 0);
  second = match_at (matches, 1);
  g_assert_cmpfloat (amparo_name_match_get_score (second), <, amparo_name_match_get_score (best));
  g_assert_true (rank_of (matches, yolanda) < 0 || rank_of (matches, yolanda) > 0);
  g_assert_true (rank_of (matches, other_family) < 0 || rank_of (matches, other_family) > 0);
  g_assert_cmpint (rank_of (matches, unrelated), <, 0);
}

static void
test_tracing_family_names_swapped_or_one (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = add_person (fixture, "Ana Lucía", "Hernández López", 12, "El Salvador");
  g_autoptr(AmparoPerson) other = add_person (fixture, "Ana", "Ramírez Flores", 12, "El Salvador");
  g_autoptr(GListModel) swapped = find (fixture, "Ana", "López Hernández", 12, "SV");
  g_autoptr(GListModel) one = find (fixture, "Ana", "Lopes", -1, NULL);
  g_autoptr(AmparoNameMatch) best = match_at (swapped, 0);
  g_autoptr(AmparoNameMatch) by_one = match_at (one, 0);

  g_assert_cmpint (amparo_name_match_get_person_id (best), ==, amparo_record_get_id (AMPARO_RECORD (ana)));
  g_assert_true (has_reason (best, "Family names in the other order"));
  g_assert_true (has_reason (best, "Same country of birth"));
  g_assert_cmpfloat (amparo_name_match_get_score (best), >, 0.9);
  g_assert_cmpint (rank_of (swapped, other), <, 0);

  /* Only one family name, misspelled, still finds her */
  g_assert_cmpint (amparo_name_match_get_person_id (by_one), ==, amparo_record_get_id (AMPARO_RECORD (ana)));
  g_assert_true (has_reason (by_one, "Family name sounds the same"));
}

/* A person known by one family name is known by the first (paternal)
 * one: "Wilmer Velásquez" is more likely a Velásquez Tzul, or even a
 * Velasques written by ear, than a González Velásquez, who would go by
 * "Wilmer González". The latter is still proposed, lower, with the
 * reason. */
static void
test_tracing_first_family_name_counts_more (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(AmparoPerson) maternal = add_person (fixture, "Wilmer", "González Velásquez", 15, "Honduras");
  g_autoptr(AmparoPerson) paternal = add_person (fixture, "Wilmer", "Velásquez Tzul", 15, "Honduras");
  g_autoptr(AmparoPerson) by_ear = add_person (fixture, "Wilmer", "Velasques Tzul", 15, "Honduras");
  g_autoptr(GListModel) matches = find (fixture, "Wilmer", "Velásquez", 15, "Honduras");
  g_autoptr(AmparoNameMatch) second_only = NULL;
  g_autoptr(AmparoNameMatch) first = NULL;
  g_autoptr(GListModel) both = NULL;
  g_autoptr(AmparoNameMatch) swapped = NULL;

  g_assert_cmpint (rank_of (matches, paternal), ==, 0);
  g_assert_cmpint (rank_of (matches, by_ear), ==, 1);
  g_assert_cmpint (rank_of (matches, maternal), ==, 2);
  first = match_at (matches, 0);
  second_only = match_at (matches, 2);
  g_assert_true (has_reason (second_only, "Matches only their second family name"));
  g_assert_false (has_reason (first, "Matches only their second family name"));
  g_assert_cmpfloat (amparo_name_match_get_score (second_only), >, 0.8);

  /* Both family names sought, in the other order: no weaker evidence */
  both = find (fixture, "Wilmer", "Velásquez González", 15, "Honduras");
  swapped = match_at (both, 0);
  g_assert_cmpint (amparo_name_match_get_person_id (swapped), ==, amparo_record_get_id (AMPARO_RECORD (maternal)));
  g_assert_true (has_reason (swapped, "Family names in the other order"));
  g_assert_false (has_reason (swapped, "Matches only their second family name"));
}

/* Two family names sought, the record has one: the one it has is the
 * first, so "Anderzon Chiquin" is a better lead for "Anderson Chiquín
 * Xiloj" than "Anderson Yax Chiquín", a Yax. It is a better lead, too,
 * than "Anderson Chiquín Tum", whose record says his second family name
 * is another: a record that leaves a name out does not contradict it. */
static void
test_tracing_one_of_two_family_names_first (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(AmparoPerson) yax = add_person (fixture, "Anderson", "Yax Chiquín", 12, "Guatemala");
  g_autoptr(AmparoPerson) written = add_person (fixture, "Anderzon", "Chiquin", 12, "Guatemala");
  g_autoptr(AmparoPerson) other = add_person (fixture, "Anderson", "Chiquín Tum", 12, "Guatemala");
  g_autoptr(GListModel) matches = find (fixture, "Anderson", "Chiquín Xiloj", 12, "Guatemala");
  g_autoptr(AmparoNameMatch) lower = NULL;

  g_assert_cmpint (rank_of (matches, written), ==, 0);
  g_assert_cmpint (rank_of (matches, other), ==, 1);
  g_assert_cmpint (rank_of (matches, yax), ==, 2);
  lower = match_at (matches, 2);
  g_assert_true (has_reason (lower, "Only one of the family names matches"));
  g_assert_true (has_reason (lower, "Matches only their second family name"));
}

static void
test_tracing_age_and_alias (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AmparoPerson) child = add_person (fixture, "Heidy", "Cux Tum", 9, "Guatemala");
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(AmparoNameMatch) best = NULL;
  g_autoptr(GError) error = NULL;

  /* Registered at the border under another name */
  amparo_person_set_aliases (child, "Heydi Batz");
  amparo_store_save (fixture->store, AMPARO_RECORD (child), &error);
  g_assert_no_error (error);

  matches = find (fixture, "Heidi", "Batz", 11, NULL);
  best = match_at (matches, 0);
  g_assert_cmpint (amparo_name_match_get_person_id (best), ==, amparo_record_get_id (AMPARO_RECORD (child)));
  g_assert_true (has_reason (best, "Matches a name the person is also known by"));
  g_assert_true (has_reason (best, "Age within 2 years"));
  g_assert_true (has_reason (best, "Given name sounds the same"));
}

static void
test_tracing_follows_changes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture, "Wilmer", "Orellana", 15, "Honduras");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GListModel) matches = find (fixture, "Guilmer", "Orellana", 15, "Honduras");

    g_assert_cmpint (rank_of (matches, person), ==, 0);
  }

  /* Trashed persons are not proposed; restored ones are again */
  amparo_store_delete (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) matches = find (fixture, "Wilmer", "Orellana", 15, NULL);

    g_assert_cmpint (rank_of (matches, person), <, 0);
  }
  amparo_store_restore (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);

  /* A corrected family name is found under the new one only */
  amparo_person_set_family_names (person, "Zelaya");
  amparo_store_save (fixture->store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) old_name = find (fixture, "Wilmer", "Orellana", 15, NULL);
    g_autoptr(GListModel) new_name = find (fixture, "Wilmer", "Selaya", 15, NULL);

    g_assert_cmpint (rank_of (old_name, person), <, 0);
    g_assert_cmpint (rank_of (new_name, person), ==, 0);
  }
}

static void
test_tracing_follows_birth_dates (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AmparoPerson) father = add_person (fixture, "Selvin", "Argueta", 40, "Honduras");
  g_autoptr(AmparoPerson) son = add_person (fixture, "Selvin", "Argueta", 15, "Honduras");
  g_autofree char *fifteen = birth_date_for_age (15);
  g_autofree char *forty = birth_date_for_age (40);
  g_autoptr(GError) error = NULL;

  /* Asked for one candidate of about 15, the matcher proposes the son */
  {
    g_autoptr(GListModel) matches = amparo_name_matcher_find (fixture->store, "Selvin", "Argueta",
                                                              15, NULL, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (rank_of (matches, son), ==, 0);
  }

  /* The birth dates were swapped at intake; once corrected, the other */
  amparo_person_set_birth_date (father, fifteen);
  amparo_person_set_birth_date (son, forty);
  amparo_store_save (fixture->store, AMPARO_RECORD (father), &error);
  g_assert_no_error (error);
  amparo_store_save (fixture->store, AMPARO_RECORD (son), &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) matches = amparo_name_matcher_find (fixture->store, "Selvin", "Argueta",
                                                              15, NULL, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (rank_of (matches, father), ==, 0);
  }
}

/* Compound names written as one word, and "de la" joined to the name:
 * both spellings find each other, either way round. */
static void
test_tracing_joined_names (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AmparoPerson) elmer = add_person (fixture, "Elmer", "Delacruz Pineda", 13, "Guatemala");
  g_autoptr(AmparoPerson) rosa = add_person (fixture, "Rosa", "de los Reyes", 30, "Honduras");
  g_autoptr(AmparoPerson) juan = add_person (fixture, "Juancarlos", "Cuz Coj", 7, "Guatemala");
  g_autoptr(AmparoPerson) maria = add_person (fixture, "María José", "Cabrera", 11, "Guatemala");
  g_autoptr(AmparoPerson) juana = add_person (fixture, "Juana", "Cux Coj", 7, "Guatemala");
  g_autoptr(AmparoPerson) delgado = add_person (fixture, "Elmer", "Delgado", 13, "Guatemala");
  g_autoptr(GListModel) cruz = find (fixture, "Elmer", "de la Cruz Pineda", 13, "Guatemala");
  g_autoptr(GListModel) reyes = find (fixture, "Rosa", "Delosreyes", 30, NULL);
  g_autoptr(GListModel) carlos = find (fixture, "Juan Carlos", "Cux Coj", 7, "Guatemala");
  g_autoptr(GListModel) mariajose = find (fixture, "Mariajose", "Cabrera", 11, NULL);
  g_autoptr(AmparoNameMatch) best_cruz = match_at (cruz, 0);
  g_autoptr(AmparoNameMatch) best_carlos = match_at (carlos, 0);
  g_autoptr(AmparoNameMatch) best_maria = match_at (mariajose, 0);

  g_assert_cmpint (amparo_name_match_get_person_id (best_cruz), ==,
                   amparo_record_get_id (AMPARO_RECORD (elmer)));
  g_assert_true (has_reason (best_cruz, "Same family names"));
  /* "Del" alone is not a particle: Delgado stays Delgado */
  g_assert_cmpint (rank_of (cruz, delgado), !=, 0);
  g_assert_cmpint (rank_of (reyes, rosa), ==, 0);

  g_assert_cmpint (amparo_name_match_get_person_id (best_carlos), ==,
                   amparo_record_get_id (AMPARO_RECORD (juan)));
  g_assert_true (has_reason (best_carlos, "Same given name"));
  g_assert_cmpfloat (amparo_name_match_get_score (best_carlos), >, 0.9);
  g_assert_cmpint (rank_of (carlos, juana), >, 0);

  g_assert_cmpint (amparo_name_match_get_person_id (best_maria), ==,
                   amparo_record_get_id (AMPARO_RECORD (maria)));
  g_assert_true (has_reason (best_maria, "Same given name"));
}

/* The keys are written in batches (#10): persons and keys past one
 * batch's size are all indexed, none twice, and a person whose keys
 * straddle two batches keeps all of them. */
static void
test_keys_in_batches (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  /* 3 × 2 keys each: 1,500 keys over 250 persons */
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *given = g_strdup_printf ("Ana Lucía%u", i);

      g_ptr_array_add (persons, add_person (fixture, given, "Pérez Cux Tum", 20, NULL));
    }
  g_assert_true (amparo_name_matcher_update_keys (fixture->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 250; i += 83)
    {
      g_autofree char *given = g_strdup_printf ("Lucía%u", i);
      /* by the last family name and the second given name: the last key */
      g_autoptr(GListModel) matches = find (fixture, given, "Tum", 20, NULL);

      g_assert_cmpint (rank_of (matches, g_ptr_array_index (persons, i)), ==, 0);
    }
}

static void
test_score_without_store (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2025);
  AmparoNameQuery query = { "Yoselin", "Lopez", 7, "Guatemala" };
  AmparoNameCandidate close_match = { 1, "uid-1", "Joselyn", "López Hernández", NULL, "2018-02-10", "GT" };
  AmparoNameCandidate wrong_age = { 2, "uid-2", "Joselyn", "López Hernández", NULL, "2005-02-10", "GT" };
  AmparoNameCandidate no_birth_date = { 3, "uid-3", "Joselyn", "López", NULL, NULL, "Guatemala" };
  g_autoptr(AmparoNameMatch) a = amparo_name_matcher_score (&query, &close_match, today);
  g_autoptr(AmparoNameMatch) b = amparo_name_matcher_score (&query, &wrong_age, today);
  g_autoptr(AmparoNameMatch) c = amparo_name_matcher_score (&query, &no_birth_date, today);
  g_autoptr(GPtrArray) keys = amparo_name_matcher_compute_keys ("José Antonio", "Núñez de León", "Pepe Nunes");
  g_autofree char *reasons = amparo_name_match_dup_reasons_text (a);

  g_assert_true (has_reason (a, "Same age"));
  g_assert_true (has_reason (a, "Same country of birth"));
  g_assert_nonnull (strstr (reasons, "Given name sounds the same"));
  g_assert_cmpfloat (amparo_name_match_get_score (a), >, amparo_name_match_get_score (c));
  g_assert_cmpfloat (amparo_name_match_get_score (c), >, amparo_name_match_get_score (b));
  g_assert_false (has_reason (b, "Same age"));

  /* Keys pair each family name with each given name; "de" is dropped */
  g_assert_true (g_ptr_array_find_with_equal_func (keys, "nunes|jose", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (keys, "leon|antonio", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (keys, "nunes|pepe", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (keys, "de|jose", g_str_equal, NULL));
}
static GListModel *
find_relatives (Fixture                *fixture,
                int                     own_age,
                AmparoRelationshipKind  kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *matches = amparo_name_matcher_find_relatives (fixture->store, "Tum Batz", own_age, kind,
                                                            "Guatemala", 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matches);
  return matches;
}

static gboolean
shows_reason (GListModel   *matches,
              AmparoPerson *person,
              const char   *reason)
{
  g_autoptr(AmparoNameMatch) match = match_at (matches, rank_of (matches, person));

  return g_strv_contains (amparo_name_match_get_reasons (match), reason);
}

/* "Find possible relatives" of an 11-year-old: the relationship sought
 * shapes the age test, and the reason shown is the true difference. */
static void
test_relatives_by_age (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoPerson) rosa = add_person (fixture, "Rosa", "Tum Batz", 11, "Guatemala");
  g_autoptr(AmparoPerson) cousin = add_person (fixture, "Juana", "Tum Batz", 14, "Guatemala");
  g_autoptr(AmparoPerson) father = add_person (fixture, "Pedro", "Tum Batz", 34, "Guatemala");
  g_autoptr(AmparoPerson) grandmother = add_person (fixture, "Catarina", "Tum", 70, "Guatemala");
  g_autoptr(AmparoPerson) unknown = add_person (fixture, "Tomás", "Tum Batz", -1, "Guatemala");
  g_autoptr(GListModel) parents = find_relatives (fixture, 11, AMPARO_RELATIONSHIP_KIND_PARENT);
  g_autoptr(GListModel) siblings = find_relatives (fixture, 11, AMPARO_RELATIONSHIP_KIND_SIBLING);
  g_autoptr(GListModel) grandparents = find_relatives (fixture, 11, AMPARO_RELATIONSHIP_KIND_GRANDPARENT);

  /* A 14-year-old is nobody's parent at 11; a 34-year-old may be. */
  g_assert_cmpint (rank_of (parents, cousin), ==, -1);
  g_assert_cmpint (rank_of (parents, father), >=, 0);
  g_assert_true (shows_reason (parents, father, "23 years older"));
  g_assert_false (shows_reason (parents, father, "Age within 2 years"));
  g_assert_cmpint (rank_of (parents, unknown), >=, 0);

  /* Siblings: within 20 years either way. */
  g_assert_cmpint (rank_of (siblings, cousin), >=, 0);
  g_assert_true (shows_reason (siblings, cousin, "3 years older"));
  g_assert_cmpint (rank_of (siblings, father), ==, -1);
  g_assert_cmpint (rank_of (siblings, grandmother), ==, -1);

  /* A grandparent is older again. */
  g_assert_cmpint (rank_of (grandparents, grandmother), >=, 0);
  g_assert_true (shows_reason (grandparents, grandmother, "59 years older"));
  g_assert_cmpint (rank_of (grandparents, father), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/name-matcher/phonetic-key", test_phonetic_key);
  g_test_add_func ("/name-matcher/edit-distance", test_edit_distance);
  g_test_add_func ("/name-matcher/score-without-store", test_score_without_store);

#define ADD(path, func) \
  g_test_add ("/name-matcher/" path, Fixture, NULL, amparo_test_store_fixture_set_up, func, amparo_test_store_fixture_tear_down)

  ADD ("tracing-acceptance", test_tracing_acceptance);
  ADD ("family-names-swapped-or-one", test_tracing_family_names_swapped_or_one);
  ADD ("first-family-name-counts-more", test_tracing_first_family_name_counts_more);
  ADD ("one-of-two-family-names-first", test_tracing_one_of_two_family_names_first);
  ADD ("age-and-alias", test_tracing_age_and_alias);
  ADD ("follows-changes", test_tracing_follows_changes);
  ADD ("follows-birth-dates", test_tracing_follows_birth_dates);
  ADD ("relatives-by-age", test_relatives_by_age);
  ADD ("joined-names", test_tracing_joined_names);
  ADD ("keys-in-batches", test_keys_in_batches);

#undef ADD

  return g_test_run ();
}
