/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_PRIVACY_VIEW (amparo_privacy_view_get_type ())

G_DECLARE_FINAL_TYPE (AmparoPrivacyView, amparo_privacy_view, AMPARO, PRIVACY_VIEW, AdwBin)

AmparoPrivacyView *amparo_privacy_view_new            (AmparoStore       *store,
                                                       AmparoPerson      *person);
const char        *amparo_privacy_view_get_language   (AmparoPrivacyView *self);
AdwMessageDialog  *amparo_privacy_view_ask_to_leave   (AmparoPrivacyView *self);
const char        *amparo_privacy_view_get_leave_code (AmparoPrivacyView *self);
const char        *amparo_privacy_language_for        (AmparoPerson      *person);

G_END_DECLS
