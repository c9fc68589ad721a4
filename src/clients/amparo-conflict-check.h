/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-client-editor.h"

G_BEGIN_DECLS

gboolean amparo_conflict_check_before_save (AmparoClientEditor *editor,
                                            AmparoStore        *store,
                                            AmparoPerson       *person);

G_END_DECLS
