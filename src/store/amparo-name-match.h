/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * AmparoNameMatch:
 *
 * One candidate of a family-tracing search: which person, how likely it
 * is the one sought (score, 0.0 to 1.0) and why, as translated sentences
 * the UI can list under the name.
 */
#define AMPARO_TYPE_NAME_MATCH (amparo_name_match_get_type ())
G_DECLARE_FINAL_TYPE (AmparoNameMatch, amparo_name_match, AMPARO, NAME_MATCH, GObject)

AmparoNameMatch     *amparo_name_match_new                  (gint64              person_id,
                                                             const char         *uid,
                                                             const char         *given_names,
                                                             const char         *family_names,
                                                             const char         *birth_date,
                                                             const char         *country_of_birth,
                                                             double              score,
                                                             const char * const *reasons);
gint64               amparo_name_match_get_person_id        (AmparoNameMatch    *self);
const char          *amparo_name_match_get_uid              (AmparoNameMatch    *self);
const char          *amparo_name_match_get_given_names      (AmparoNameMatch    *self);
const char          *amparo_name_match_get_family_names     (AmparoNameMatch    *self);
const char          *amparo_name_match_get_birth_date       (AmparoNameMatch    *self);
const char          *amparo_name_match_get_country_of_birth (AmparoNameMatch    *self);
double               amparo_name_match_get_score            (AmparoNameMatch    *self);
const char * const  *amparo_name_match_get_reasons          (AmparoNameMatch    *self);
char                *amparo_name_match_dup_reasons_text     (AmparoNameMatch    *self);

G_END_DECLS
