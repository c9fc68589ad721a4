/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Binding records to the widgets that edit them, the same way in every
 * section: what is typed lives in the record, never only in a widget. */

GBinding *amparo_bind_text         (gpointer     record,
                                    const char  *property,
                                    gpointer     widget,
                                    const char  *widget_property);
GBinding *amparo_bind_enum         (gpointer     record,
                                    const char  *property,
                                    AdwComboRow *row);
void      amparo_combo_row_set_enum (AdwComboRow *row,
                                    GType        enum_type);

G_END_DECLS
