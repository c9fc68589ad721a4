/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-relative.h"

struct _AmparoRelative
{
  GObject parent_instance;

  AmparoRelationship *relationship;
  AmparoPerson *person;
  AmparoRelationshipKind kind;
};

G_DEFINE_FINAL_TYPE (AmparoRelative, amparo_relative, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RELATIONSHIP,
  PROP_PERSON,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
amparo_relative_dispose (GObject *object)
{
  AmparoRelative *self = AMPARO_RELATIVE (object);

  g_clear_object (&self->relationship);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (amparo_relative_parent_class)->dispose (object);
}

static void
amparo_relative_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmparoRelative *self = AMPARO_RELATIVE (object);

  switch (prop_id)
    {
    case PROP_RELATIONSHIP:
      g_value_set_object (value, self->relationship);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_relative_class_init (AmparoRelativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amparo_relative_dispose;
  object_class->get_property = amparo_relative_get_property;

  properties[PROP_RELATIONSHIP] =
    g_param_spec_object ("relationship", NULL, NULL, AMPARO_TYPE_RELATIONSHIP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, AMPARO_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, AMPARO_TYPE_RELATIONSHIP_KIND,
                       AMPARO_RELATIONSHIP_KIND_PARENT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amparo_relative_init (AmparoRelative *self)
{
}

/**
 * amparo_relative_new:
 *
 * Returns: (transfer full): a relative row
 */
AmparoRelative *
amparo_relative_new (AmparoRelationship     *relationship,
                     AmparoPerson           *person,
                     AmparoRelationshipKind  kind)
{
  AmparoRelative *self = g_object_new (AMPARO_TYPE_RELATIVE, NULL);

  self->relationship = g_object_ref (relationship);
  self->person = g_object_ref (person);
  self->kind = kind;
  return self;
}

/**
 * amparo_relative_get_relationship:
 *
 * Returns: (transfer none): the stored relationship
 */
AmparoRelationship *
amparo_relative_get_relationship (AmparoRelative *self)
{
  g_return_val_if_fail (AMPARO_IS_RELATIVE (self), NULL);
  return self->relationship;
}

/**
 * amparo_relative_get_person:
 *
 * Returns: (transfer none): the other person
 */
AmparoPerson *
amparo_relative_get_person (AmparoRelative *self)
{
  g_return_val_if_fail (AMPARO_IS_RELATIVE (self), NULL);
  return self->person;
}

AmparoRelationshipKind
amparo_relative_get_kind (AmparoRelative *self)
{
  g_return_val_if_fail (AMPARO_IS_RELATIVE (self), AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE);
  return self->kind;
}

/**
 * amparo_relationship_kind_inverse:
 *
 * Returns: the kind seen from the other side (parent ↔ child)
 */
AmparoRelationshipKind
amparo_relationship_kind_inverse (AmparoRelationshipKind kind)
{
  switch (kind)
    {
    case AMPARO_RELATIONSHIP_KIND_PARENT: return AMPARO_RELATIONSHIP_KIND_CHILD;
    case AMPARO_RELATIONSHIP_KIND_CHILD: return AMPARO_RELATIONSHIP_KIND_PARENT;
    case AMPARO_RELATIONSHIP_KIND_GRANDPARENT: return AMPARO_RELATIONSHIP_KIND_GRANDCHILD;
    case AMPARO_RELATIONSHIP_KIND_GRANDCHILD: return AMPARO_RELATIONSHIP_KIND_GRANDPARENT;
    case AMPARO_RELATIONSHIP_KIND_GUARDIAN: return AMPARO_RELATIONSHIP_KIND_WARD;
    case AMPARO_RELATIONSHIP_KIND_WARD: return AMPARO_RELATIONSHIP_KIND_GUARDIAN;
    case AMPARO_RELATIONSHIP_KIND_SPONSOR: return AMPARO_RELATIONSHIP_KIND_SPONSORED;
    case AMPARO_RELATIONSHIP_KIND_SPONSORED: return AMPARO_RELATIONSHIP_KIND_SPONSOR;
    case AMPARO_RELATIONSHIP_KIND_SIBLING:
    case AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE:
    default:
      return kind;
    }
}
