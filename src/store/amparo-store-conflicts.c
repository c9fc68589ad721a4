/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-store-reports.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amparo-name-matcher.h"
#include "amparo-query-model.h"
#include "amparo-relative.h"
#include "amparo-server-list.h"
#include "amparo-store-internal.h"
#include "amparo-store-private.h"

/* The conflict check at intake: before the organization takes a case, is
 * the person, or anyone in their family, already a client, a client's
 * relative, or an adverse party in a client's case? Names are looked up
 * with the Spanish-aware family-tracing matcher, so "Rosa Lopes" finds
 * "Rosa López". Each finding says in one sentence why it may be a
 * conflict; someone then decides (cleared, declined, waived with
 * consent) and the decision is saved and journaled with who and when. */

/* Below this a namesake is more likely someone else. */
#define MIN_SCORE 0.8
#define MAX_MATCHES 10

typedef struct
{
  char *given;
  char *family;
  int kind;            /* AmparoRelationshipKind, or -1 for the person */
  gint64 known_id;     /* a relative recorded in the store: no lookup */
  int age;
  char *country;
} Sought;

static void
sought_free (gpointer data)
{
  Sought *sought = data;

  g_free (sought->given);
  g_free (sought->family);
  g_free (sought->country);
  g_free (sought);
}

static Sought *
sought_new (const char *given,
            const char *family,
            int         kind,
            gint64      known_id)
{
  Sought *sought = g_new0 (Sought, 1);

  sought->given = g_strdup (given);
  sought->family = g_strdup (family);
  sought->kind = kind;
  sought->known_id = known_id;
  sought->age = AMPARO_NAME_MATCHER_AGE_UNKNOWN;
  return sought;
}

void
amparo_conflict_finding_free (AmparoConflictFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->searched);
  g_free (finding->relation);
  g_free (finding->found_name);
  g_free (finding->client_name);
  g_free (finding->reason);
  g_free (finding);
}

static char *
full_name (const char *given,
           const char *family)
{
  return g_strstrip (g_strdup_printf ("%s %s", given ?: "", family ?: ""));
}

static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buf[8];
  int len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);

  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}

/* "the mother", "the brother": what the relative is, with the article
 * Spanish needs ("la madre", "el hermano"). */
static const char *
relation_phrase (AmparoRelationshipKind kind,
                 const char            *sex)
{
  gboolean female = g_strcmp0 (sex, "female") == 0;
  gboolean male = g_strcmp0 (sex, "male") == 0;

  switch (kind)
    {
    case AMPARO_RELATIONSHIP_KIND_PARENT:
      return female ? C_("relation", "the mother") : male ? C_("relation", "the father") : C_("relation", "the parent");
    case AMPARO_RELATIONSHIP_KIND_CHILD:
      return female ? C_("relation", "the daughter") : male ? C_("relation", "the son") : C_("relation", "the child");
    case AMPARO_RELATIONSHIP_KIND_SIBLING:
      return female ? C_("relation", "the sister") : male ? C_("relation", "the brother") : C_("relation", "the sibling");
    case AMPARO_RELATIONSHIP_KIND_GRANDPARENT:
      return female ? C_("relation", "the grandmother") : male ? C_("relation", "the grandfather") : C_("relation", "the grandparent");
    case AMPARO_RELATIONSHIP_KIND_GRANDCHILD:
      return female ? C_("relation", "the granddaughter") : male ? C_("relation", "the grandson") : C_("relation", "the grandchild");
    case AMPARO_RELATIONSHIP_KIND_GUARDIAN:
      return C_("relation", "the guardian");
    case AMPARO_RELATIONSHIP_KIND_WARD:
      return C_("relation", "the ward");
    case AMPARO_RELATIONSHIP_KIND_SPONSOR:
      return C_("relation", "the sponsor");
    case AMPARO_RELATIONSHIP_KIND_SPONSORED:
      return C_("relation", "the sponsored child");
    case AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE:
    default:
      return C_("relation", "the relative");
    }
}

typedef struct
{
  gint64 id;
  char *name;
  char *sex;
  char *status;
} Found;

static void
found_clear (Found *found)
{
  g_free (found->name);
  g_free (found->sex);
  g_free (found->status);
}

static gboolean
read_found (AmparoStore *self,
            gint64       id,
            Found       *found,
            GError     **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;

  memset (found, 0, sizeof *found);
  if (!(stmt = amparo_store_prepare_stmt (self, "SELECT given_names, family_names, sex, client_status"
                                           " FROM persons WHERE id = ? AND deleted_at IS NULL", error)))
    return FALSE;
  amparo_db_bind_int64 (stmt, 1, id);
  if (amparo_db_step (stmt, error) != AMPARO_DB_ROW)
    return FALSE;
  found->id = id;
  found->name = full_name (amparo_db_column_text (stmt, 0),
                           amparo_db_column_text (stmt, 1));
  found->sex = g_strdup (amparo_db_column_text (stmt, 2));
  found->status = g_strdup (amparo_db_column_text (stmt, 3));
  return TRUE;
}

static gboolean
is_client_status (const char *status)
{
  return g_strcmp0 (status, "prospective") == 0 || g_strcmp0 (status, "active") == 0 ||
         g_strcmp0 (status, "closed") == 0;
}

typedef struct
{
  AmparoStore *store;
  gint64 self_id;
  GPtrArray *findings;
  GHashTable *seen;
} Check;

static void
add_finding (Check                 *check,
             AmparoConflictKind     kind,
             const Sought          *sought,
             const Found           *found,
             const char            *found_name,
             gint64                 client_id,
             const char            *client_name,
             double                 score,
             char                  *reason)
{
  g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                          kind, found != NULL ? found->id : 0, client_id, found_name);
  AmparoConflictFinding *finding;

  if (g_hash_table_contains (check->seen, key))
    {
      g_free (reason);
      return;
    }
  g_hash_table_add (check->seen, g_steal_pointer (&key));

  finding = g_new0 (AmparoConflictFinding, 1);
  finding->kind = kind;
  finding->searched = full_name (sought->given, sought->family);
  finding->relation = sought->kind >= 0
    ? g_strdup (relation_phrase (sought->kind, found != NULL ? found->sex : NULL)) : NULL;
  finding->found_id = found != NULL ? found->id : 0;
  finding->found_name = g_strdup (found_name);
  finding->client_id = client_id;
  finding->client_name = g_strdup (client_name);
  finding->reason = reason;
  finding->score = score;
  g_ptr_array_add (check->findings, finding);
}

/* "The mother, Rosa López," or "Yoselin López" at the start of a sentence. */
static char *
subject_of (const Sought *sought,
            const char   *sex,
            const char   *found_name)
{
  g_autofree char *relation = NULL;

  if (sought->kind < 0)
    return g_strdup (found_name);
  relation = capitalize (relation_phrase (sought->kind, sex));
  /* Translators: "The mother, Rosa López" — a relation and a name */
  return g_strdup_printf (C_("conflict", "%s, %s,"), relation, found_name);
}

static gboolean
check_client (Check        *check,
              const Sought *sought,
              const Found  *found,
              double        score)
{
  g_autofree char *subject = NULL;

  if (!is_client_status (found->status))
    return TRUE;
  subject = subject_of (sought, found->sex, found->name);
  add_finding (check, AMPARO_CONFLICT_IS_CLIENT, sought, found, found->name, found->id, found->name, score,
               /* Translators: %s is "Yoselin López" or "The mother, Rosa López," */
               g_strdup_printf (_("%s may already be a client of the organization."), subject));
  return TRUE;
}

/* Clients this person is recorded as family of. */
static gboolean
check_relative_of_client (Check        *check,
                          const Sought *sought,
                          const Found  *found,
                          double        score,
                          GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  int rc;

  stmt = amparo_store_prepare_stmt (check->store,
                               "SELECT c.id, c.given_names, c.family_names, r.kind, CASE WHEN r.person_id = c.id THEN 1 ELSE 0 END"
                               " FROM relationships r"
                               " JOIN persons c ON c.id = CASE WHEN r.relative_id = ?1 THEN r.person_id ELSE r.relative_id END"
                               " WHERE (r.relative_id = ?1 OR r.person_id = ?1) AND r.deleted_at IS NULL"
                               " AND c.deleted_at IS NULL AND c.id <> ?2"
                               " AND c.client_status IN ('prospective', 'active', 'closed')", error);
  if (stmt == NULL)
    return FALSE;
  amparo_db_bind_int64 (stmt, 1, found->id);
  amparo_db_bind_int64 (stmt, 2, check->self_id);
  while ((rc = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      g_autofree char *client = full_name (amparo_db_column_text (stmt, 1),
                                           amparo_db_column_text (stmt, 2));
      g_autoptr(GEnumClass) klass = g_type_class_ref (AMPARO_TYPE_RELATIONSHIP_KIND);
      GEnumValue *value = g_enum_get_value_by_nick (klass, amparo_db_column_text (stmt, 3));
      AmparoRelationshipKind kind = value != NULL ? value->value : AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE;
      g_autofree char *subject = subject_of (sought, found->sex, found->name);

      /* The row says what the relative is to the person; seen from the
       * client's side when the client is the relative. */
      if (amparo_db_column_int64 (stmt, 4) == 0)
        kind = amparo_relationship_kind_inverse (kind);
      add_finding (check, AMPARO_CONFLICT_IS_RELATIVE_OF_CLIENT, sought, found, found->name,
                   amparo_db_column_int64 (stmt, 0), client, score,
                   /* Translators: "Yoselin López is recorded as the sister of the client Kevin López." */
                   g_strdup_printf (_("%s is recorded as %s of the client %s."),
                                    subject, relation_phrase (kind, found->sex), client));
    }
  if (rc != AMPARO_DB_DONE)
    return FALSE;
  return TRUE;
}

static char *
case_phrase (const char *proceeding_kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AMPARO_TYPE_PROCEEDING_KIND);
  GEnumValue *value = proceeding_kind != NULL ? g_enum_get_value_by_nick (klass, proceeding_kind) : NULL;

  if (value == NULL)
    return g_strdup (C_("conflict", "a case"));
  /* Translators: %s is the kind of proceeding, e.g. "SIJS" */
  return g_strdup_printf (C_("conflict", "the %s case"), amparo_proceeding_kind_get_label (value->value));
}

static const char *
role_label (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AMPARO_TYPE_ADVERSE_ROLE);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return amparo_adverse_role_get_label (value != NULL ? value->value : AMPARO_ADVERSE_ROLE_OTHER);
}

static void
add_adverse_row (Check        *check,
                 const Sought *sought,
                 const Found  *found,
                 const char   *found_name,
                 double        score,
                 AmparoDbStmt *stmt)
{
  g_autofree char *client = full_name (amparo_db_column_text (stmt, 0),
                                       amparo_db_column_text (stmt, 1));
  g_autofree char *in_case = case_phrase (amparo_db_column_text (stmt, 3));
  g_autofree char *subject = subject_of (sought, found != NULL ? found->sex : NULL, found_name);

  add_finding (check, AMPARO_CONFLICT_IS_ADVERSE_PARTY, sought, found, found_name,
               amparo_db_column_int64 (stmt, 4), client, score,
               /* Translators: "The mother, Rosa López, is an adverse party (Parent accused of
                * abuse or neglect) in the SIJS case of the client Kevin López." */
               g_strdup_printf (_("%s is an adverse party (%s) in %s of the client %s."),
                                subject, role_label (amparo_db_column_text (stmt, 2)),
                                in_case, client));
}

#define ADVERSE_SELECT \
  "SELECT c.given_names, c.family_names, a.role, pr.kind, c.id, a.party_name FROM adverse_parties a" \
  " JOIN persons c ON c.id = a.person_id" \
  " LEFT JOIN proceedings pr ON pr.id = a.proceeding_id AND pr.deleted_at IS NULL" \
  " WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND c.id <> ?2 AND "

static gboolean
check_adverse_party (Check        *check,
                     const Sought *sought,
                     const Found  *found,
                     double        score,
                     GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  int rc;

  if (!(stmt = amparo_store_prepare_stmt (check->store, ADVERSE_SELECT "a.party_id = ?1", error)))
    return FALSE;
  amparo_db_bind_int64 (stmt, 1, found->id);
  amparo_db_bind_int64 (stmt, 2, check->self_id);
  while ((rc = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    add_adverse_row (check, sought, found, found->name, score, stmt);
  if (rc != AMPARO_DB_DONE)
    return FALSE;
  return TRUE;
}

/* Lower case, no accents: "Núñez" and "Nunez" are one word here. */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");

  return g_ascii_strdown (ascii, -1);
}

static gboolean
all_words_in (const char *sought,
              const char *written)
{
  g_autofree char *a = fold (sought);
  g_autofree char *b = fold (written);
  g_auto(GStrv) words = g_strsplit_set (a, " ,.-", -1);
  g_auto(GStrv) have = g_strsplit_set (b, " ,.-", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!g_strv_contains ((const char * const *) have, words[i]))
        return FALSE;
      n++;
    }
  return n >= 2 || (n == 1 && g_strv_length (have) == 1);
}

/* Adverse parties recorded by name only: organizations, and people who
 * are not in the store. They are few, so they are compared one by one. */
static gboolean
check_adverse_by_name (Check        *check,
                       const Sought *sought,
                       GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autofree char *name = full_name (sought->given, sought->family);
  int rc;

  if (!(stmt = amparo_store_prepare_stmt (check->store, ADVERSE_SELECT "a.party_id IS NULL AND CAST(?1 AS INTEGER) = 0", error)))
    return FALSE;
  amparo_db_bind_int64 (stmt, 1, 0);
  amparo_db_bind_int64 (stmt, 2, check->self_id);
  while ((rc = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      const char *written = amparo_db_column_text (stmt, 5);

      if (written != NULL && all_words_in (name, written))
        add_adverse_row (check, sought, NULL, written, 1.0, stmt);
    }
  if (rc != AMPARO_DB_DONE)
    return FALSE;
  return TRUE;
}

static gboolean
check_found (Check        *check,
             const Sought *sought,
             gint64        id,
             double        score,
             GError      **error)
{
  Found found;
  gboolean ok;

  if (id == check->self_id || !read_found (check->store, id, &found, error))
    return error == NULL || *error == NULL;
  ok = check_client (check, sought, &found, score) &&
       check_relative_of_client (check, sought, &found, score, error) &&
       check_adverse_party (check, sought, &found, score, error);
  found_clear (&found);
  return ok;
}

/* The matcher's candidates for a name, good enough to mention. */
static GArray *
match_ids (AmparoStore  *store,
           const Sought *sought,
           GArray      **scores,
           GError      **error)
{
  g_autoptr(GListModel) matches = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  *scores = g_array_new (FALSE, FALSE, sizeof (double));
  if (sought->known_id > 0)
    {
      double one = 1.0;

      g_array_append_val (ids, sought->known_id);
      g_array_append_val (*scores, one);
      return ids;
    }
  if ((sought->family == NULL || *sought->family == '\0'))
    return ids;
  matches = amparo_name_matcher_find (store, sought->given, sought->family, sought->age,
                                      sought->country, MAX_MATCHES, error);
  if (matches == NULL)
    {
      g_array_unref (*scores);
      *scores = NULL;
      g_array_unref (ids);
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(AmparoNameMatch) match = g_list_model_get_item (matches, i);
      gint64 id = amparo_name_match_get_person_id (match);
      double score = amparo_name_match_get_score (match);

      if (score < MIN_SCORE)
        continue;
      g_array_append_val (ids, id);
      g_array_append_val (*scores, score);
    }
  return ids;
}

/* A person's family as recorded, to be checked by id. */
static gboolean
add_recorded_relatives (AmparoStore *store,
                        gint64       person_id,
                        GPtrArray   *sought,
                        GError     **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;
  int rc;

  stmt = amparo_store_prepare_stmt (store,
                               "SELECT p.id, p.given_names, p.family_names, r.kind, CASE WHEN r.person_id = ?1 THEN 1 ELSE 0 END"
                               " FROM relationships r"
                               " JOIN persons p ON p.id = CASE WHEN r.person_id = ?1 THEN r.relative_id ELSE r.person_id END"
                               " WHERE (r.person_id = ?1 OR r.relative_id = ?1) AND r.deleted_at IS NULL"
                               " AND p.deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  amparo_db_bind_int64 (stmt, 1, person_id);
  while ((rc = amparo_db_step (stmt, error)) == AMPARO_DB_ROW)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (AMPARO_TYPE_RELATIONSHIP_KIND);
      GEnumValue *value = g_enum_get_value_by_nick (klass, amparo_db_column_text (stmt, 3));
      int kind = value != NULL ? value->value : AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE;

      if (amparo_db_column_int64 (stmt, 4) == 0)
        kind = amparo_relationship_kind_inverse (kind);
      g_ptr_array_add (sought, sought_new (amparo_db_column_text (stmt, 1),
                                           amparo_db_column_text (stmt, 2),
                                           kind, amparo_db_column_int64 (stmt, 0)));
    }
  if (rc != AMPARO_DB_DONE)
    return FALSE;
  return TRUE;
}

static int
age_of (AmparoPerson *person)
{
  GDate birth, today;
  int age;

  if (!amparo_parse_date (amparo_person_get_birth_date (person), &birth))
    return AMPARO_NAME_MATCHER_AGE_UNKNOWN;
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  age = g_date_get_year (&today) - g_date_get_year (&birth);
  if (g_date_get_month (&today) < g_date_get_month (&birth) ||
      (g_date_get_month (&today) == g_date_get_month (&birth) && g_date_get_day (&today) < g_date_get_day (&birth)))
    age--;
  return MAX (age, 0);
}

/* The person, the relatives named, and the family recorded for them (or,
 * for a new person, for whoever in the store they already are). */
static GPtrArray *
gather_sought (AmparoStore              *self,
               AmparoPerson             *person,
               const AmparoConflictName *relatives,
               guint                     n_relatives,
               GError                  **error)
{
  g_autoptr(GPtrArray) sought = g_ptr_array_new_with_free_func (sought_free);
  Sought *subject = sought_new (amparo_person_get_given_names (person),
                                amparo_person_get_family_names (person), -1, 0);
  gint64 id = amparo_record_get_id (AMPARO_RECORD (person));

  subject->age = age_of (person);
  subject->country = g_strdup (amparo_person_get_country_of_birth (person));
  g_ptr_array_add (sought, subject);
  for (guint i = 0; i < n_relatives; i++)
    if (relatives[i].family_names != NULL && *relatives[i].family_names != '\0')
      g_ptr_array_add (sought, sought_new (relatives[i].given_names, relatives[i].family_names,
                                           relatives[i].kind, 0));

  if (id > 0)
    {
      if (!add_recorded_relatives (self, id, sought, error))
        return NULL;
    }
  else
    {
      g_autoptr(GArray) scores = NULL;
      g_autoptr(GArray) ids = match_ids (self, subject, &scores, error);

      if (ids == NULL)
        return NULL;
      for (guint i = 0; i < ids->len; i++)
        if (!add_recorded_relatives (self, g_array_index (ids, gint64, i), sought, error))
          return NULL;
    }
  return g_steal_pointer (&sought);
}

/**
 * amparo_store_find_conflicts:
 * @person: the person to be taken on (saved or not)
 * @relatives: (array length=n_relatives) (nullable): relatives named at
 *   intake, besides those recorded in the store
 *
 * Looks for the person and their relatives among existing clients,
 * clients' relatives and adverse parties.
 *
 * Returns: (transfer full) (element-type AmparoConflictFinding) (nullable):
 *   what was found, possibly nothing; %NULL with @error set
 */
GPtrArray *
amparo_store_find_conflicts (AmparoStore              *self,
                             AmparoPerson             *person,
                             const AmparoConflictName *relatives,
                             guint                     n_relatives,
                             GError                  **error)
{
  g_autoptr(GPtrArray) sought = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amparo_conflict_finding_free);
  Check check = { self, amparo_record_get_id (AMPARO_RECORD (person)), findings, seen };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  if (!(sought = gather_sought (self, person, relatives, n_relatives, error)))
    return NULL;
  for (guint i = 0; i < sought->len; i++)
    {
      Sought *one = g_ptr_array_index (sought, i);
      g_autoptr(GArray) scores = NULL;
      g_autoptr(GArray) ids = match_ids (self, one, &scores, error);

      if (ids == NULL)
        return NULL;
      for (guint j = 0; j < ids->len; j++)
        if (!check_found (&check, one, g_array_index (ids, gint64, j), g_array_index (scores, double, j), error))
          return NULL;
      if (!check_adverse_by_name (&check, one, error))
        return NULL;
    }
  return g_steal_pointer (&findings);
}

/**
 * amparo_conflict_findings_to_text:
 * @findings: (element-type AmparoConflictFinding) (nullable): from
 *   amparo_store_find_conflicts()
 *
 * Returns: (transfer full): the findings' sentences, one a line
 */
char *
amparo_conflict_findings_to_text (GPtrArray *findings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      AmparoConflictFinding *finding = g_ptr_array_index (findings, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, finding->reason);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * amparo_store_record_conflict_decision:
 * @person: the person checked; unsaved when the intake was declined
 * @findings: (element-type AmparoConflictFinding) (nullable): what was found
 * @notes: (nullable): why; for a waiver, how consent was given
 *
 * Saves the decision, who made it and when; the save journals it.
 *
 * Returns: (transfer full) (nullable): the saved decision, or %NULL with
 *   @error set
 */
AmparoConflictDecision *
amparo_store_record_conflict_decision (AmparoStore                *self,
                                       AmparoPerson               *person,
                                       GPtrArray                  *findings,
                                       AmparoConflictDecisionKind  decision,
                                       const char                 *notes,
                                       GError                    **error)
{
  g_autoptr(AmparoConflictDecision) record = amparo_conflict_decision_new ();
  g_autofree char *name = full_name (amparo_person_get_given_names (person),
                                     amparo_person_get_family_names (person));
  g_autofree char *text = amparo_conflict_findings_to_text (findings);
  g_autofree char *now = amparo_store_now ();

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  amparo_conflict_decision_set_person_id (record, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_conflict_decision_set_subject_name (record, name);
  amparo_conflict_decision_set_findings (record, text);
  amparo_conflict_decision_set_decision (record, decision);
  amparo_conflict_decision_set_decided_by (record, self->actor);
  amparo_conflict_decision_set_decided_at (record, now);
  amparo_conflict_decision_set_notes (record, notes != NULL && *notes != '\0' ? notes : NULL);
  if (!amparo_store_save (self, AMPARO_RECORD (record), error))
    return NULL;
  return g_steal_pointer (&record);
}

/**
 * amparo_store_list_adverse_parties:
 * @person: a saved client
 *
 * The adverse parties recorded in @person's cases, oldest first (the
 * client page's "Adverse Parties", amparo-adverse-panel.c).
 *
 * Returns: (transfer full): a #GListModel of #AmparoAdverseParty
 */
GListModel *
amparo_store_list_adverse_parties (AmparoStore  *self,
                                   AmparoPerson *person)
{
  g_autofree char *id = NULL;
  const char *where = "person_id = ? AND deleted_at IS NULL";
  const char *order_by[] = { "id", NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_record_get_id (AMPARO_RECORD (person)));
  /* As every list shown: other desks' saves reach it, and a shared
   * server reads it through the driver (amparo-store-query.c). */
  amparo_store_watch_others (self);
  if (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG)
    return G_LIST_MODEL (amparo_server_list_new (self, AMPARO_TYPE_ADVERSE_PARTY, where,
                                                 (const char * const[]) { id, NULL }, order_by));
  return G_LIST_MODEL (amparo_query_model_new (self, AMPARO_TYPE_ADVERSE_PARTY, where,
                                               (const char * const[]) { id, NULL }, order_by));
}
