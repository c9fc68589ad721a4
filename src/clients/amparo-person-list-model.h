/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AMPARO_TYPE_PERSON_LIST_MODEL (amparo_person_list_model_get_type ())

G_DECLARE_FINAL_TYPE (AmparoPersonListModel, amparo_person_list_model, AMPARO, PERSON_LIST_MODEL, GObject)

AmparoPersonListModel *amparo_person_list_model_new (GListModel *model);

G_END_DECLS
