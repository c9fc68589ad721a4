/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_IDLE_LOCK (amparo_idle_lock_get_type ())

G_DECLARE_FINAL_TYPE (AmparoIdleLock, amparo_idle_lock, AMPARO, IDLE_LOCK, AdwBin)

AmparoIdleLock *amparo_idle_lock_new          (AmparoStore    *store);
void            amparo_idle_lock_prepare      (AmparoIdleLock *self,
                                               guint           idle_minutes);
gboolean        amparo_idle_lock_needs_password (AmparoIdleLock *self);

G_END_DECLS
