/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoFileSavedFunc:
 * @widget: the widget that asked
 * @path: the file written
 * @user_data: closure
 *
 * Called once the file is on disk, to journal the export.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
typedef gboolean (*AmparoFileSavedFunc) (GtkWidget   *widget,
                                         const char  *path,
                                         gpointer     user_data,
                                         GError     **error);

void  amparo_show_toast            (GtkWidget           *widget,
                                    const char          *text);
void  amparo_save_bytes_with_chooser (GtkWidget         *widget,
                                    const char          *title,
                                    const char          *suggested_name,
                                    GBytes              *contents,
                                    AmparoFileSavedFunc  saved,
                                    gpointer             user_data,
                                    GDestroyNotify       destroy);
char *amparo_event_person_name     (GObject             *person);
void  amparo_export_persons_csv    (GtkWidget           *widget,
                                    AmparoStore         *store,
                                    GListModel          *persons);
void  amparo_export_person_calendar (GtkWidget          *widget,
                                    AmparoStore         *store,
                                    AmparoPerson        *person);

G_END_DECLS
