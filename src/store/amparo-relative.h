/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-person.h"
#include "amparo-relationship.h"

G_BEGIN_DECLS

/**
 * AmparoRelative:
 *
 * One row of a person's family panel: a relationship seen from one side.
 * A relationship is stored once (“María is Ana's parent”); listed for Ana
 * it reads kind parent with person María, listed for María it reads kind
 * child with person Ana.
 *
 * Properties (read-only):
 * - `relationship` (#AmparoRelationship): the stored row, to edit and save
 * - `person` (#AmparoPerson): the other person
 * - `kind` (#AmparoRelationshipKind): what `person` is to the listed one
 */
#define AMPARO_TYPE_RELATIVE (amparo_relative_get_type ())
G_DECLARE_FINAL_TYPE (AmparoRelative, amparo_relative, AMPARO, RELATIVE, GObject)

AmparoRelative         *amparo_relative_new              (AmparoRelationship     *relationship,
                                                          AmparoPerson           *person,
                                                          AmparoRelationshipKind  kind);
AmparoRelationship     *amparo_relative_get_relationship (AmparoRelative         *self);
AmparoPerson           *amparo_relative_get_person       (AmparoRelative         *self);
AmparoRelationshipKind  amparo_relative_get_kind         (AmparoRelative         *self);

AmparoRelationshipKind  amparo_relationship_kind_inverse (AmparoRelationshipKind  kind);

G_END_DECLS
