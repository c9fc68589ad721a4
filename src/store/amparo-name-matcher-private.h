/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-name-matcher.h"

G_BEGIN_DECLS

/* What a tracing search asks for; any field may be NULL or unknown. */
typedef struct
{
  const char *given_names;
  const char *family_names;
  int approximate_age;
  const char *country_of_birth;
} AmparoNameQuery;

/* One person as the matcher reads it from the store. */
typedef struct
{
  gint64 id;
  const char *uid;
  const char *given_names;
  const char *family_names;
  const char *aliases;
  const char *birth_date;
  const char *country_of_birth;
} AmparoNameCandidate;

/* The index keys of a person ("familykey|givenkey"), without duplicates. */
GPtrArray       *amparo_name_matcher_compute_keys (const char                *given_names,
                                                   const char                *family_names,
                                                   const char                *aliases);
AmparoNameMatch *amparo_name_matcher_score        (const AmparoNameQuery     *query,
                                                   const AmparoNameCandidate *candidate,
                                                   GDate                     *today);

G_END_DECLS
