/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-name-match.h"

#include <glib/gi18n-lib.h>

struct _AmparoNameMatch
{
  GObject parent_instance;

  gint64 person_id;
  char *uid;
  char *given_names;
  char *family_names;
  char *birth_date;
  char *country_of_birth;
  double score;
  char **reasons;
};

G_DEFINE_FINAL_TYPE (AmparoNameMatch, amparo_name_match, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_UID,
  PROP_GIVEN_NAMES,
  PROP_FAMILY_NAMES,
  PROP_BIRTH_DATE,
  PROP_COUNTRY_OF_BIRTH,
  PROP_SCORE,
  PROP_REASONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
amparo_name_match_finalize (GObject *object)
{
  AmparoNameMatch *self = AMPARO_NAME_MATCH (object);

  g_free (self->uid);
  g_free (self->given_names);
  g_free (self->family_names);
  g_free (self->birth_date);
  g_free (self->country_of_birth);
  g_strfreev (self->reasons);

  G_OBJECT_CLASS (amparo_name_match_parent_class)->finalize (object);
}

static void
amparo_name_match_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmparoNameMatch *self = AMPARO_NAME_MATCH (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_GIVEN_NAMES:
      g_value_set_string (value, self->given_names);
      break;
    case PROP_FAMILY_NAMES:
      g_value_set_string (value, self->family_names);
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_COUNTRY_OF_BIRTH:
      g_value_set_string (value, self->country_of_birth);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_REASONS:
      g_value_set_boxed (value, self->reasons);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
amparo_name_match_class_init (AmparoNameMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_name_match_finalize;
  object_class->get_property = amparo_name_match_get_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UID] = string_property ("uid");
  properties[PROP_GIVEN_NAMES] = string_property ("given-names");
  properties[PROP_FAMILY_NAMES] = string_property ("family-names");
  properties[PROP_BIRTH_DATE] = string_property ("birth-date");
  properties[PROP_COUNTRY_OF_BIRTH] = string_property ("country-of-birth");
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASONS] =
    g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amparo_name_match_init (AmparoNameMatch *self)
{
}

/**
 * amparo_name_match_new:
 *
 * The match is immutable: a new search makes new matches.
 *
 * Returns: (transfer full): a new match
 */
AmparoNameMatch *
amparo_name_match_new (gint64              person_id,
                       const char         *uid,
                       const char         *given_names,
                       const char         *family_names,
                       const char         *birth_date,
                       const char         *country_of_birth,
                       double              score,
                       const char * const *reasons)
{
  AmparoNameMatch *self = g_object_new (AMPARO_TYPE_NAME_MATCH, NULL);

  self->person_id = person_id;
  self->uid = g_strdup (uid);
  self->given_names = g_strdup (given_names);
  self->family_names = g_strdup (family_names);
  self->birth_date = g_strdup (birth_date);
  self->country_of_birth = g_strdup (country_of_birth);
  self->score = CLAMP (score, 0.0, 1.0);
  self->reasons = reasons != NULL ? g_strdupv ((char **) reasons) : g_new0 (char *, 1);

  return self;
}

gint64
amparo_name_match_get_person_id (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), 0);
  return self->person_id;
}

const char *
amparo_name_match_get_uid (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), NULL);
  return self->uid;
}

const char *
amparo_name_match_get_given_names (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), NULL);
  return self->given_names;
}

const char *
amparo_name_match_get_family_names (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), NULL);
  return self->family_names;
}

const char *
amparo_name_match_get_birth_date (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), NULL);
  return self->birth_date;
}

const char *
amparo_name_match_get_country_of_birth (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), NULL);
  return self->country_of_birth;
}

/**
 * amparo_name_match_get_score:
 *
 * Returns: how alike the person is to the one sought, 0.0 to 1.0
 */
double
amparo_name_match_get_score (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), 0.0);
  return self->score;
}

/**
 * amparo_name_match_get_reasons:
 *
 * Returns: (transfer none): why the person was proposed, translated
 *   sentences such as "Family name sounds the same"
 */
const char * const *
amparo_name_match_get_reasons (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), NULL);
  return (const char * const *) self->reasons;
}

/**
 * amparo_name_match_dup_reasons_text:
 *
 * Returns: (transfer full): the reasons on one line, for a row subtitle
 */
char *
amparo_name_match_dup_reasons_text (AmparoNameMatch *self)
{
  g_return_val_if_fail (AMPARO_IS_NAME_MATCH (self), NULL);
  /* Translators: separates the reasons of a possible family match */
  return g_strjoinv (C_("reasons separator", " · "), self->reasons);
}
