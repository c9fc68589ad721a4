/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The width of every section's list, in every language. */
#define AMPARO_SIDEBAR_WIDTH 320
/* The narrowest a section's detail may be before the section folds. */
#define AMPARO_DETAIL_MIN_WIDTH 360

#define AMPARO_TYPE_SIDEBAR (amparo_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AmparoSidebar, amparo_sidebar, AMPARO, SIDEBAR, AdwBin)

G_END_DECLS
