/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-section-page.h"
#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_AGENDA_PAGE (amparo_agenda_page_get_type ())

G_DECLARE_FINAL_TYPE (AmparoAgendaPage, amparo_agenda_page, AMPARO, AGENDA_PAGE, AmparoSectionPage)

void        amparo_agenda_page_open_person         (AmparoAgendaPage *self,
                                                    AmparoPerson     *person);
GListModel *amparo_agenda_page_get_visible_events  (AmparoAgendaPage *self);

G_END_DECLS
