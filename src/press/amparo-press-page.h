/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-section-page.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_PRESS_PAGE (amparo_press_page_get_type ())

G_DECLARE_FINAL_TYPE (AmparoPressPage, amparo_press_page, AMPARO, PRESS_PAGE, AmparoSectionPage)

G_END_DECLS
