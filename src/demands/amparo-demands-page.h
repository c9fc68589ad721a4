/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-section-page.h"
#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DEMANDS_PAGE (amparo_demands_page_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDemandsPage, amparo_demands_page, AMPARO, DEMANDS_PAGE, AmparoSectionPage)

gboolean      amparo_demands_page_open_demand (AmparoDemandsPage *self,
                                               AmparoDemand      *demand);
AmparoDemand *amparo_demands_page_get_draft   (AmparoDemandsPage *self);
GListModel   *amparo_demands_page_get_list    (AmparoDemandsPage *self);

G_END_DECLS
