/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-record.h"

G_BEGIN_DECLS

/* Used by the record kinds' class_init: each call adds one column. */
void amparo_record_class_add_string  (AmparoRecordClass *klass,
                                      const char        *name);
void amparo_record_class_add_boolean (AmparoRecordClass *klass,
                                      const char        *name);
void amparo_record_class_add_int64   (AmparoRecordClass *klass,
                                      const char        *name);
void amparo_record_class_add_int     (AmparoRecordClass *klass,
                                      const char        *name,
                                      int                minimum,
                                      int                maximum,
                                      int                default_value);
void amparo_record_class_add_enum    (AmparoRecordClass *klass,
                                      const char        *name,
                                      GType              enum_type,
                                      int                default_value);

/* The column properties of a kind, base columns first (transfer full: a
 * reference to a shared array; never modify it). */
GPtrArray  *amparo_record_class_list_column_pspecs (GType record_type);

/* The stored value of a property, or NULL when it holds its default. */
const GValue *amparo_record_peek_value (AmparoRecord *self,
                                        GParamSpec   *pspec);
/* Sets a value and notifies when it changed. */
void          amparo_record_take_value (AmparoRecord *self,
                                        GParamSpec   *pspec,
                                        const GValue *value);

/* For records being read: takes @value (left unset) without comparing
 * or notifying. Only for a freshly created record. */
void          amparo_record_init_value (AmparoRecord *self,
                                        GParamSpec   *pspec,
                                        GValue       *value);

char *amparo_property_to_column (const char *property);

G_END_DECLS
