/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_APPLICATION (amparo_application_get_type ())

G_DECLARE_FINAL_TYPE (AmparoApplication, amparo_application, AMPARO, APPLICATION, AdwApplication)

AmparoApplication *amparo_application_new               (void);
const char        *amparo_application_get_database_path (AmparoApplication *self);
void               amparo_application_use_store         (AmparoApplication *self,
                                                         AmparoStore       *store);

G_END_DECLS
