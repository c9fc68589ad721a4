/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

void  amparo_backup_dialog_choose_and_run (GtkWindow   *parent,
                                           AmparoStore *store);
void  amparo_backup_dialog_run            (GtkWindow   *parent,
                                           AmparoStore *store,
                                           const char  *dest);

G_END_DECLS
