/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

gboolean amparo_sample_data_load (AmparoStore  *store,
                                  GError      **error);

G_END_DECLS
