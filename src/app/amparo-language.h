/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        amparo_language_init          (void);
const char *amparo_language_get           (void);
gboolean    amparo_language_is_supported  (const char *code);
const char *amparo_language_from_desktop  (void);
void        amparo_language_set           (const char *code);

G_END_DECLS
