/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-section-page.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_CLIENTS_PAGE (amparo_clients_page_get_type ())

G_DECLARE_FINAL_TYPE (AmparoClientsPage, amparo_clients_page, AMPARO, CLIENTS_PAGE, AmparoSectionPage)

G_END_DECLS
