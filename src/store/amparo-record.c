/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <string.h>

#include "amparo-record.h"
#include "amparo-record-private.h"

#include "amparo-benefit.h"
#include "amparo-contact.h"
#include "amparo-demand.h"
#include "amparo-demand-update.h"
#include "amparo-event.h"
#include "amparo-evidence.h"
#include "amparo-journal-entry.h"
#include "amparo-litigation.h"
#include "amparo-location.h"
#include "amparo-membership.h"
#include "amparo-organization.h"
#include "amparo-person.h"
#include "amparo-proceeding.h"
#include "amparo-relationship.h"
#include "amparo-release.h"
#include "amparo-release-demand.h"

/*
 * Values live in one table per instance, keyed by GParamSpec, instead of a
 * struct field per column: that is what lets fifteen record kinds share
 * one get_property/set_property pair and one save/load path in the store.
 */
typedef struct
{
  GHashTable *values;   /* GParamSpec* → GValue* */
} AmparoRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AmparoRecord, amparo_record, G_TYPE_OBJECT)

static void
free_value (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static void
amparo_record_generic_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  const GValue *stored = amparo_record_peek_value (AMPARO_RECORD (object), pspec);

  if (stored != NULL)
    g_value_copy (stored, value);
  else
    g_param_value_set_default (pspec, value);
}

static void
amparo_record_generic_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  amparo_record_take_value (AMPARO_RECORD (object), pspec, value);
}

static void
amparo_record_finalize (GObject *object)
{
  AmparoRecordPrivate *priv = amparo_record_get_instance_private (AMPARO_RECORD (object));

  g_clear_pointer (&priv->values, g_hash_table_unref);

  G_OBJECT_CLASS (amparo_record_parent_class)->finalize (object);
}

static void
install (AmparoRecordClass *klass,
         GParamSpec        *pspec)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = amparo_record_generic_get_property;
  object_class->set_property = amparo_record_generic_set_property;
  g_object_class_install_property (object_class, ++klass->n_installed, pspec);
}

#define FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
amparo_record_class_init (AmparoRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_record_finalize;

  install (klass, g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS));
  amparo_record_class_add_string (klass, "uid");
  amparo_record_class_add_string (klass, "created-at");
  amparo_record_class_add_string (klass, "updated-at");
  amparo_record_class_add_string (klass, "deleted-at");
  /* No lost edits (postgres #10): raised by one at every save, so a save
   * over a version someone else saved since is recognized and refused. */
  amparo_record_class_add_int64 (klass, "revision");
}

static void
amparo_record_init (AmparoRecord *self)
{
  AmparoRecordPrivate *priv = amparo_record_get_instance_private (self);

  priv->values = g_hash_table_new_full (NULL, NULL, NULL, free_value);
}

void
amparo_record_class_add_string (AmparoRecordClass *klass,
                                const char        *name)
{
  install (klass, g_param_spec_string (name, NULL, NULL, NULL, FLAGS));
}

void
amparo_record_class_add_boolean (AmparoRecordClass *klass,
                                 const char        *name)
{
  install (klass, g_param_spec_boolean (name, NULL, NULL, FALSE, FLAGS));
}

void
amparo_record_class_add_int64 (AmparoRecordClass *klass,
                               const char        *name)
{
  install (klass, g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, FLAGS));
}

void
amparo_record_class_add_int (AmparoRecordClass *klass,
                             const char        *name,
                             int                minimum,
                             int                maximum,
                             int                default_value)
{
  install (klass, g_param_spec_int (name, NULL, NULL, minimum, maximum, default_value, FLAGS));
}

void
amparo_record_class_add_enum (AmparoRecordClass *klass,
                              const char        *name,
                              GType              enum_type,
                              int                default_value)
{
  install (klass, g_param_spec_enum (name, NULL, NULL, enum_type, default_value, FLAGS));
}

static GPtrArray *
collect_column_pspecs (GType record_type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *columns = g_ptr_array_new ();
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  /* Base columns first, so every kind's column list starts the same way. */
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type == AMPARO_TYPE_RECORD)
      g_ptr_array_add (columns, pspecs[i]);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type != AMPARO_TYPE_RECORD &&
        g_type_is_a (pspecs[i]->owner_type, AMPARO_TYPE_RECORD))
      g_ptr_array_add (columns, pspecs[i]);

  return columns;
}

/* Looked up for every row read, so computed once per kind. Record
 * classes are static types: their pspecs live as long as the process. */
GPtrArray *
amparo_record_class_list_column_pspecs (GType record_type)
{
  static GHashTable *cache;
  static GMutex mutex;
  GPtrArray *columns;

  g_mutex_lock (&mutex);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  columns = g_hash_table_lookup (cache, GSIZE_TO_POINTER (record_type));
  if (columns == NULL)
    {
      columns = collect_column_pspecs (record_type);
      g_hash_table_insert (cache, GSIZE_TO_POINTER (record_type), columns);
    }
  g_ptr_array_ref (columns);
  g_mutex_unlock (&mutex);
  return columns;
}

void
amparo_record_init_value (AmparoRecord *self,
                          GParamSpec   *pspec,
                          GValue       *value)
{
  AmparoRecordPrivate *priv = amparo_record_get_instance_private (self);
  GValue *stored;

  if (g_param_value_defaults (pspec, value))
    return;
  stored = g_new0 (GValue, 1);
  *stored = *value;
  memset (value, 0, sizeof *value);
  g_hash_table_replace (priv->values, pspec, stored);
}

const GValue *
amparo_record_peek_value (AmparoRecord *self,
                          GParamSpec   *pspec)
{
  AmparoRecordPrivate *priv = amparo_record_get_instance_private (self);

  return g_hash_table_lookup (priv->values, pspec);
}

void
amparo_record_take_value (AmparoRecord *self,
                          GParamSpec   *pspec,
                          const GValue *value)
{
  AmparoRecordPrivate *priv = amparo_record_get_instance_private (self);
  g_auto(GValue) current = G_VALUE_INIT;
  GValue *stored;

  g_value_init (&current, pspec->value_type);
  amparo_record_generic_get_property (G_OBJECT (self), 0, &current, pspec);

  stored = g_new0 (GValue, 1);
  g_value_init (stored, pspec->value_type);
  g_value_copy (value, stored);

  /* Empty strings and NULL mean the same to a user: store one of them. */
  if (G_VALUE_HOLDS_STRING (stored) && g_value_get_string (stored) != NULL &&
      g_value_get_string (stored)[0] == '\0')
    g_value_set_string (stored, NULL);

  if (g_param_values_cmp (pspec, &current, stored) == 0)
    {
      free_value (stored);
      return;
    }

  g_hash_table_replace (priv->values, pspec, stored);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

char *
amparo_property_to_column (const char *property)
{
  char *column = g_strdup (property);

  g_strdelimit (column, "-", '_');
  return column;
}

static GParamSpec *
find_pspec (AmparoRecord *self,
            const char   *property,
            GType         value_type)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  if (pspec == NULL)
    {
      g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (self), property);
      return NULL;
    }
  if (!g_type_is_a (pspec->value_type, value_type))
    {
      g_critical ("Property “%s” of %s is not a %s", property,
                  G_OBJECT_TYPE_NAME (self), g_type_name (value_type));
      return NULL;
    }
  return pspec;
}

gint64
amparo_record_get_id (AmparoRecord *self)
{
  return amparo_record_get_int64 (self, "id");
}

const char *
amparo_record_get_uid (AmparoRecord *self)
{
  return amparo_record_get_string (self, "uid");
}

const char *
amparo_record_get_created_at (AmparoRecord *self)
{
  return amparo_record_get_string (self, "created-at");
}

const char *
amparo_record_get_updated_at (AmparoRecord *self)
{
  return amparo_record_get_string (self, "updated-at");
}

const char *
amparo_record_get_deleted_at (AmparoRecord *self)
{
  return amparo_record_get_string (self, "deleted-at");
}

/**
 * amparo_record_get_revision:
 *
 * Returns: how many times the record was saved (0: never, or before
 *   revisions were kept)
 */
gint64
amparo_record_get_revision (AmparoRecord *self)
{
  return amparo_record_get_int64 (self, "revision");
}

/**
 * amparo_record_is_deleted:
 *
 * Returns: whether the record is in the Trash.
 */
gboolean
amparo_record_is_deleted (AmparoRecord *self)
{
  return amparo_record_get_deleted_at (self) != NULL;
}

/**
 * amparo_record_get_table_name:
 *
 * Returns: (transfer none): the table this kind is stored in
 */
const char *
amparo_record_get_table_name (AmparoRecord *self)
{
  g_return_val_if_fail (AMPARO_IS_RECORD (self), NULL);

  return AMPARO_RECORD_GET_CLASS (self)->table_name;
}

/**
 * amparo_record_type_get_table_name:
 * @record_type: a subtype of #AmparoRecord
 *
 * Returns: (transfer none): the table this kind is stored in
 */
const char *
amparo_record_type_get_table_name (GType record_type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (record_type, AMPARO_TYPE_RECORD), NULL);

  /* Record classes are static types: the class and its table name live
   * for the whole process once referenced. */
  klass = g_type_class_ref (record_type);
  return AMPARO_RECORD_CLASS (klass)->table_name;
}

/**
 * amparo_record_get_string:
 *
 * Returns: (transfer none) (nullable): the value, owned by the record and
 *   valid until the property changes
 */
const char *
amparo_record_get_string (AmparoRecord *self,
                          const char   *property)
{
  GParamSpec *pspec;
  const GValue *value;

  g_return_val_if_fail (AMPARO_IS_RECORD (self), NULL);

  if (!(pspec = find_pspec (self, property, G_TYPE_STRING)))
    return NULL;
  value = amparo_record_peek_value (self, pspec);
  return value ? g_value_get_string (value) : G_PARAM_SPEC_STRING (pspec)->default_value;
}

void
amparo_record_set_string (AmparoRecord *self,
                          const char   *property,
                          const char   *value)
{
  g_return_if_fail (AMPARO_IS_RECORD (self));
  g_object_set (self, property, value, NULL);
}

gboolean
amparo_record_get_boolean (AmparoRecord *self,
                           const char   *property)
{
  gboolean value = FALSE;

  g_return_val_if_fail (AMPARO_IS_RECORD (self), FALSE);
  g_object_get (self, property, &value, NULL);
  return value;
}

void
amparo_record_set_boolean (AmparoRecord *self,
                           const char   *property,
                           gboolean      value)
{
  g_return_if_fail (AMPARO_IS_RECORD (self));
  g_object_set (self, property, !!value, NULL);
}

gint64
amparo_record_get_int64 (AmparoRecord *self,
                         const char   *property)
{
  gint64 value = 0;

  g_return_val_if_fail (AMPARO_IS_RECORD (self), 0);
  g_object_get (self, property, &value, NULL);
  return value;
}

void
amparo_record_set_int64 (AmparoRecord *self,
                         const char   *property,
                         gint64        value)
{
  g_return_if_fail (AMPARO_IS_RECORD (self));
  g_object_set (self, property, value, NULL);
}

int
amparo_record_get_int (AmparoRecord *self,
                       const char   *property)
{
  int value = 0;

  g_return_val_if_fail (AMPARO_IS_RECORD (self), 0);
  g_object_get (self, property, &value, NULL);
  return value;
}

void
amparo_record_set_int (AmparoRecord *self,
                       const char   *property,
                       int           value)
{
  g_return_if_fail (AMPARO_IS_RECORD (self));
  g_object_set (self, property, value, NULL);
}

int
amparo_record_get_enum (AmparoRecord *self,
                        const char   *property)
{
  int value = 0;

  g_return_val_if_fail (AMPARO_IS_RECORD (self), 0);
  g_object_get (self, property, &value, NULL);
  return value;
}

void
amparo_record_set_enum (AmparoRecord *self,
                        const char   *property,
                        int           value)
{
  g_return_if_fail (AMPARO_IS_RECORD (self));
  g_object_set (self, property, value, NULL);
}

/**
 * amparo_record_copy:
 *
 * Makes an independent copy with the same values (id and uid included),
 * e.g. for an editor that must be able to discard its changes.
 *
 * Returns: (transfer full): the copy
 */
AmparoRecord *
amparo_record_copy (AmparoRecord *self)
{
  g_autoptr(GPtrArray) pspecs = NULL;
  AmparoRecord *copy;

  g_return_val_if_fail (AMPARO_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  pspecs = amparo_record_class_list_column_pspecs (G_OBJECT_TYPE (self));
  for (guint i = 0; i < pspecs->len; i++)
    {
      const GValue *value = amparo_record_peek_value (self, pspecs->pdata[i]);

      if (value != NULL)
        amparo_record_take_value (copy, pspecs->pdata[i], value);
    }
  return copy;
}

/**
 * amparo_record_list_columns:
 * @record_type: a subtype of #AmparoRecord
 *
 * Returns: (transfer full): the SQL column names of a kind, in order
 */
char **
amparo_record_list_columns (GType record_type)
{
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (record_type);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **columns;

  for (guint i = 0; i < pspecs->len; i++)
    {
      g_autofree char *column = amparo_property_to_column (((GParamSpec *) pspecs->pdata[i])->name);
      g_strv_builder_add (builder, column);
    }
  columns = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return columns;
}

/**
 * amparo_record_get_kinds:
 * @n_kinds: (out): the number of kinds
 *
 * Returns: (transfer none) (array length=n_kinds): every record kind the
 *   store keeps
 */
const GType *
amparo_record_get_kinds (guint *n_kinds)
{
  static GType kinds[16];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GType all[] = {
        AMPARO_TYPE_PERSON, AMPARO_TYPE_CONTACT, AMPARO_TYPE_LOCATION,
        AMPARO_TYPE_RELATIONSHIP, AMPARO_TYPE_EVIDENCE, AMPARO_TYPE_PROCEEDING,
        AMPARO_TYPE_EVENT, AMPARO_TYPE_LITIGATION, AMPARO_TYPE_MEMBERSHIP,
        AMPARO_TYPE_BENEFIT, AMPARO_TYPE_RELEASE, AMPARO_TYPE_DEMAND,
        AMPARO_TYPE_RELEASE_DEMAND, AMPARO_TYPE_DEMAND_UPDATE,
        AMPARO_TYPE_ORGANIZATION, AMPARO_TYPE_JOURNAL_ENTRY,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (kinds));

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        kinds[i] = all[i];
      g_once_init_leave (&initialized, 1);
    }

  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}
