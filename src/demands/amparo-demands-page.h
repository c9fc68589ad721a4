/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-section-page.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_DEMANDS_PAGE (amparo_demands_page_get_type ())

G_DECLARE_FINAL_TYPE (AmparoDemandsPage, amparo_demands_page, AMPARO, DEMANDS_PAGE, AmparoSectionPage)

G_END_DECLS
