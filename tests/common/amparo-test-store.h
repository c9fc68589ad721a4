/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

char        *amparo_test_make_dir   (void);
void         amparo_test_remove_dir (const char *dir);
AmparoStore *amparo_test_open_store (const char *dir,
                                     const char *name);

G_END_DECLS
