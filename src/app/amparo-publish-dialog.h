/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

GtkWindow *amparo_publish_dialog_present (GtkWindow     *parent,
                                          AmparoStore   *store,
                                          AmparoRelease *release);

G_END_DECLS
