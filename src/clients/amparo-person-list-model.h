/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_PERSON_LIST_MODEL (amparo_person_list_model_get_type ())

G_DECLARE_FINAL_TYPE (AmparoPersonListModel, amparo_person_list_model, AMPARO, PERSON_LIST_MODEL, GObject)

/* What a client row shows of other records, read with the list's pages. */
typedef enum
{
  AMPARO_PERSON_ROW_LOCATION,
  AMPARO_PERSON_ROW_NEXT_HEARING,
  AMPARO_PERSON_ROW_SEPARATED,
  AMPARO_PERSON_ROW_STALE_CONTACTS,
} AmparoPersonRowText;

AmparoPersonListModel *amparo_person_list_model_new           (GListModel          *model);
void                   amparo_person_list_model_begin_swap    (AmparoPersonListModel *self,
                                                               GListModel          *model);
guint                  amparo_person_list_model_get_swap_position (AmparoPersonListModel *self);
void                   amparo_person_list_model_finish_swap   (AmparoPersonListModel *self);
GListModel            *amparo_person_list_model_get_model     (AmparoPersonListModel *self);
guint                  amparo_person_list_model_find_cached   (AmparoPersonListModel *self,
                                                               gint64                 id);
const char            *amparo_person_list_model_get_row_text  (AmparoPerson        *person,
                                                               AmparoPersonRowText  column);
AmparoLocation        *amparo_person_list_model_dup_location  (AmparoPerson        *person,
                                                               gboolean            *known);

G_END_DECLS
