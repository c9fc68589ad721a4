/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * AmparoRecord:
 *
 * The base class of every record kind the store keeps (a person, a
 * location, a press release, …).
 *
 * A record's GObject properties *are* its columns: property
 * `family-names` is column `family_names` of the record's table. The
 * store saves, loads, compares and journals every kind generically by
 * walking the properties, so a new column is one line in the subclass's
 * `class_init` plus a migration.
 *
 * Property types map to columns like this:
 * - string properties hold TEXT; an empty string is stored as NULL.
 *   Dates are ISO 8601 strings (`YYYY-MM-DD`), times are ISO 8601 in UTC
 *   (`2024-05-13T17:00:00Z`) unless the property says otherwise.
 * - boolean and integer properties hold INTEGER; an int64 property whose
 *   name ends in `-id` is a reference to another record and 0 means NULL.
 * - enum properties hold the value's nick as TEXT (`orr-shelter`).
 *
 * Every property emits `notify` only when its value changes, so widgets
 * can use g_object_bind_property() both ways. Setting properties changes
 * only the object: amparo_store_save() writes it.
 *
 * Every record has:
 * - `id` (int64): the row id, 0 until saved
 * - `uid` (string): a random UUID, set on first save; stable across
 *   exports and merges
 * - `created-at`, `updated-at` (string): UTC times set by the store
 * - `deleted-at` (string): set when the record is in the Trash, else NULL
 */
#define AMPARO_TYPE_RECORD (amparo_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (AmparoRecord, amparo_record, AMPARO, RECORD, GObject)

struct _AmparoRecordClass
{
  GObjectClass parent_class;

  /*< public >*/
  /* The SQL table holding this kind, e.g. "persons". Set in class_init. */
  const char *table_name;
  /* ORDER BY used when the store lists this kind without a chosen sort. */
  const char *default_order;

  /*< private >*/
  guint n_installed;
  gpointer padding[8];
};

gint64       amparo_record_get_id            (AmparoRecord *self);
const char  *amparo_record_get_uid           (AmparoRecord *self);
const char  *amparo_record_get_created_at    (AmparoRecord *self);
const char  *amparo_record_get_updated_at    (AmparoRecord *self);
const char  *amparo_record_get_deleted_at    (AmparoRecord *self);
gboolean     amparo_record_is_deleted        (AmparoRecord *self);
gint64       amparo_record_get_revision      (AmparoRecord *self);
const char  *amparo_record_get_table_name    (AmparoRecord *self);
const char  *amparo_record_type_get_table_name (GType      record_type);

const char  *amparo_record_get_string        (AmparoRecord *self,
                                              const char   *property);
void         amparo_record_set_string        (AmparoRecord *self,
                                              const char   *property,
                                              const char   *value);
gboolean     amparo_record_get_boolean       (AmparoRecord *self,
                                              const char   *property);
void         amparo_record_set_boolean       (AmparoRecord *self,
                                              const char   *property,
                                              gboolean      value);
gint64       amparo_record_get_int64         (AmparoRecord *self,
                                              const char   *property);
void         amparo_record_set_int64         (AmparoRecord *self,
                                              const char   *property,
                                              gint64        value);
int          amparo_record_get_int           (AmparoRecord *self,
                                              const char   *property);
void         amparo_record_set_int           (AmparoRecord *self,
                                              const char   *property,
                                              int           value);
int          amparo_record_get_enum          (AmparoRecord *self,
                                              const char   *property);
void         amparo_record_set_enum          (AmparoRecord *self,
                                              const char   *property,
                                              int           value);

AmparoRecord *amparo_record_copy             (AmparoRecord *self);

char       **amparo_record_list_columns      (GType         record_type);
const GType *amparo_record_get_kinds         (guint        *n_kinds);

/*
 * Typed accessors for subclasses' headers: one line per column gives
 * `amparo_person_get_given_names()` and `amparo_person_set_given_names()`
 * as thin inline wrappers over the generic getters above. Strings returned
 * are owned by the record and valid until the property changes.
 */
#define AMPARO_RECORD_STRING_ACCESSORS(TypeName, type_name, field, prop) \
  static inline const char *type_name##_get_##field (TypeName *self) \
  { return amparo_record_get_string ((AmparoRecord *) self, prop); } \
  static inline void type_name##_set_##field (TypeName *self, const char *value) \
  { amparo_record_set_string ((AmparoRecord *) self, prop, value); }

#define AMPARO_RECORD_BOOLEAN_ACCESSORS(TypeName, type_name, field, prop) \
  static inline gboolean type_name##_get_##field (TypeName *self) \
  { return amparo_record_get_boolean ((AmparoRecord *) self, prop); } \
  static inline void type_name##_set_##field (TypeName *self, gboolean value) \
  { amparo_record_set_boolean ((AmparoRecord *) self, prop, value); }

#define AMPARO_RECORD_INT64_ACCESSORS(TypeName, type_name, field, prop) \
  static inline gint64 type_name##_get_##field (TypeName *self) \
  { return amparo_record_get_int64 ((AmparoRecord *) self, prop); } \
  static inline void type_name##_set_##field (TypeName *self, gint64 value) \
  { amparo_record_set_int64 ((AmparoRecord *) self, prop, value); }

#define AMPARO_RECORD_INT_ACCESSORS(TypeName, type_name, field, prop) \
  static inline int type_name##_get_##field (TypeName *self) \
  { return amparo_record_get_int ((AmparoRecord *) self, prop); } \
  static inline void type_name##_set_##field (TypeName *self, int value) \
  { amparo_record_set_int ((AmparoRecord *) self, prop, value); }

#define AMPARO_RECORD_ENUM_ACCESSORS(TypeName, type_name, field, prop, EnumType) \
  static inline EnumType type_name##_get_##field (TypeName *self) \
  { return (EnumType) amparo_record_get_enum ((AmparoRecord *) self, prop); } \
  static inline void type_name##_set_##field (TypeName *self, EnumType value) \
  { amparo_record_set_enum ((AmparoRecord *) self, prop, (int) value); }

G_END_DECLS
