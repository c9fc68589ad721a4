/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-field-change.h"

struct _AmparoFieldChange
{
  GObject parent_instance;

  char *time;
  char *actor;
  char *host;
  AmparoJournalAction action;
  char *old_value;
  char *new_value;
};

G_DEFINE_FINAL_TYPE (AmparoFieldChange, amparo_field_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIME,
  PROP_ACTOR,
  PROP_HOST,
  PROP_ACTION,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
amparo_field_change_finalize (GObject *object)
{
  AmparoFieldChange *self = AMPARO_FIELD_CHANGE (object);

  g_free (self->time);
  g_free (self->actor);
  g_free (self->host);
  g_free (self->old_value);
  g_free (self->new_value);

  G_OBJECT_CLASS (amparo_field_change_parent_class)->finalize (object);
}

static void
amparo_field_change_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmparoFieldChange *self = AMPARO_FIELD_CHANGE (object);

  switch (prop_id)
    {
    case PROP_TIME: g_value_set_string (value, self->time); break;
    case PROP_ACTOR: g_value_set_string (value, self->actor); break;
    case PROP_HOST: g_value_set_string (value, self->host); break;
    case PROP_ACTION: g_value_set_enum (value, self->action); break;
    case PROP_OLD_VALUE: g_value_set_string (value, self->old_value); break;
    case PROP_NEW_VALUE: g_value_set_string (value, self->new_value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_field_change_class_init (AmparoFieldChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = amparo_field_change_finalize;
  object_class->get_property = amparo_field_change_get_property;

  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, flags);
  properties[PROP_ACTION] = g_param_spec_enum ("action", NULL, NULL, AMPARO_TYPE_JOURNAL_ACTION,
                                               AMPARO_JOURNAL_ACTION_UPDATE, flags);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, flags);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amparo_field_change_init (AmparoFieldChange *self)
{
}

/**
 * amparo_field_change_new:
 *
 * Returns: (transfer full): a field change
 */
AmparoFieldChange *
amparo_field_change_new (const char          *time,
                         const char          *actor,
                         const char          *host,
                         AmparoJournalAction  action,
                         const char          *old_value,
                         const char          *new_value)
{
  AmparoFieldChange *self = g_object_new (AMPARO_TYPE_FIELD_CHANGE, NULL);

  self->time = g_strdup (time);
  self->actor = g_strdup (actor);
  self->host = g_strdup (host);
  self->action = action;
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);
  return self;
}

const char *
amparo_field_change_get_time (AmparoFieldChange *self)
{
  g_return_val_if_fail (AMPARO_IS_FIELD_CHANGE (self), NULL);
  return self->time;
}

const char *
amparo_field_change_get_actor (AmparoFieldChange *self)
{
  g_return_val_if_fail (AMPARO_IS_FIELD_CHANGE (self), NULL);
  return self->actor;
}

const char *
amparo_field_change_get_host (AmparoFieldChange *self)
{
  g_return_val_if_fail (AMPARO_IS_FIELD_CHANGE (self), NULL);
  return self->host;
}

AmparoJournalAction
amparo_field_change_get_action (AmparoFieldChange *self)
{
  g_return_val_if_fail (AMPARO_IS_FIELD_CHANGE (self), AMPARO_JOURNAL_ACTION_UPDATE);
  return self->action;
}

const char *
amparo_field_change_get_old_value (AmparoFieldChange *self)
{
  g_return_val_if_fail (AMPARO_IS_FIELD_CHANGE (self), NULL);
  return self->old_value;
}

const char *
amparo_field_change_get_new_value (AmparoFieldChange *self)
{
  g_return_val_if_fail (AMPARO_IS_FIELD_CHANGE (self), NULL);
  return self->new_value;
}
