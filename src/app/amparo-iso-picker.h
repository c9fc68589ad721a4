/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-iso-codes.h"

G_BEGIN_DECLS

/**
 * AmparoIsoPicker:
 *
 * A row to pick a country or a language from a searchable list of names
 * in the interface language (from iso-codes). Its `value` is the code
 * the store keeps ("US", "quc"); a value that is no code (typed before
 * codes were used) is kept and shown as typed, first in the list.
 */
#define AMPARO_TYPE_ISO_PICKER (amparo_iso_picker_get_type ())
G_DECLARE_FINAL_TYPE (AmparoIsoPicker, amparo_iso_picker, AMPARO, ISO_PICKER, AdwActionRow)

GtkWidget  *amparo_iso_picker_new       (AmparoIsoTable   table);
const char *amparo_iso_picker_get_value (AmparoIsoPicker *self);
void        amparo_iso_picker_set_value (AmparoIsoPicker *self,
                                         const char      *value);
GtkDropDown *amparo_iso_picker_get_drop_down (AmparoIsoPicker *self);
GtkMenuButton *amparo_iso_picker_get_remove_button (AmparoIsoPicker *self);

guint       amparo_iso_picker_get_n_sorts   (void);

GStrv       amparo_iso_picker_split        (const char      *value);
char       *amparo_iso_picker_display_list (AmparoIsoTable   table,
                                            const char      *value);

G_END_DECLS
