/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_RESTRICTION_GROUP (amparo_restriction_group_get_type ())
G_DECLARE_FINAL_TYPE (AmparoRestrictionGroup, amparo_restriction_group, AMPARO, RESTRICTION_GROUP, AdwPreferencesGroup)

void amparo_restriction_group_set_person (AmparoRestrictionGroup *self,
                                          AmparoStore            *store,
                                          AmparoPerson           *person);

G_END_DECLS
