/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_RECORD_FORM (amparo_record_form_get_type ())
G_DECLARE_FINAL_TYPE (AmparoRecordForm, amparo_record_form, AMPARO, RECORD_FORM, AdwWindow)

/* Saves the form's record its own way (a reschedule…); same contract as
 * amparo_store_save(). */
typedef gboolean (*AmparoRecordFormSaveFunc) (AmparoRecordForm *form,
                                              AmparoRecord     *record,
                                              gpointer          user_data,
                                              GError          **error);

AmparoRecordForm *amparo_record_form_new         (GtkWidget        *parent,
                                                  AmparoStore      *store,
                                                  AmparoRecord     *record,
                                                  const char       *title);
AmparoRecord     *amparo_record_form_get_record  (AmparoRecordForm *self);
GtkWidget        *amparo_record_form_add_entry   (AmparoRecordForm *self,
                                                  const char       *property,
                                                  const char       *title);
GtkWidget        *amparo_record_form_add_date    (AmparoRecordForm *self,
                                                  const char       *property,
                                                  const char       *title,
                                                  gboolean          with_time);
GtkWidget        *amparo_record_form_add_combo   (AmparoRecordForm *self,
                                                  const char       *property,
                                                  const char       *title,
                                                  GType             enum_type);
GtkWidget        *amparo_record_form_add_choice  (AmparoRecordForm *self,
                                                  const char       *property,
                                                  const char       *title,
                                                  GListModel       *records,
                                                  const char       *label_property);
GtkWidget        *amparo_record_form_add_country (AmparoRecordForm *self,
                                                  const char       *property,
                                                  const char       *title);
GtkWidget        *amparo_record_form_add_time_zone (AmparoRecordForm *self,
                                                   const char       *property,
                                                   const char       *title);
GtkWidget        *amparo_record_form_add_switch  (AmparoRecordForm *self,
                                                  const char       *property,
                                                  const char       *title);
GtkLabel         *amparo_record_form_add_note    (AmparoRecordForm *self,
                                                  const char       *text);
void              amparo_record_form_set_save_func (AmparoRecordForm *self,
                                                  AmparoRecordFormSaveFunc func,
                                                  gpointer          user_data);
void              amparo_record_form_set_save_label (AmparoRecordForm *self,
                                                  const char       *label);
gboolean          amparo_record_form_save        (AmparoRecordForm *self);

G_END_DECLS
