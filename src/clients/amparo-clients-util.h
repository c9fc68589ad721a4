/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-iso-picker.h"
#include "amparo-store.h"

G_BEGIN_DECLS

/* Small helpers the Clients widgets share: binding record properties to
 * rows, and turning stored values into what a person reads. */

void        amparo_clients_bind_entry        (GPtrArray    *bindings,
                                              AdwEntryRow  *row,
                                              gpointer      record,
                                              const char   *property);
void        amparo_clients_bind_switch       (GPtrArray    *bindings,
                                              GtkSwitch    *button,
                                              gpointer      record,
                                              const char   *property);
void        amparo_clients_bind_combo        (GPtrArray    *bindings,
                                              AdwComboRow  *row,
                                              gpointer      record,
                                              const char   *property);
void        amparo_clients_bind_picker       (GPtrArray    *bindings,
                                              AmparoIsoPicker *picker,
                                              gpointer      record,
                                              const char   *property);
void        amparo_clients_unbind_all        (GPtrArray    *bindings);
const char *amparo_clients_enum_label       (GType         enum_type,
                                              int           value);
void        amparo_clients_setup_combo       (AdwComboRow  *row,
                                              GType         enum_type);
char       *amparo_clients_format_date       (const char   *iso_date);
char       *amparo_clients_format_date_time  (const char   *iso_date_time);
char       *amparo_clients_format_age        (AmparoPerson *person);
int         amparo_clients_get_age           (AmparoPerson *person);
char       *amparo_clients_dup_name          (AmparoPerson *person);
char       *amparo_clients_format_location   (AmparoLocation *location);
AmparoEvent *amparo_clients_find_next_hearing (AmparoStore  *store,
                                              AmparoPerson *person);
gboolean    amparo_clients_is_separated      (AmparoStore  *store,
                                              AmparoPerson *person);
void        amparo_clients_focus_next        (GtkWidget    *widget);
gpointer    amparo_clients_find_copy         (AmparoStore  *store,
                                              GType         type,
                                              GVariant     *uid);
void        amparo_clients_row_add_button    (GtkWidget    *row,
                                              GtkWidget    *button,
                                              const char   *label,
                                              const char   *action,
                                              const char   *uid);
void        amparo_clients_row_add_icon_button (GtkWidget  *row,
                                                const char *icon,
                                                const char *label,
                                                const char *action,
                                                const char *uid);
void        amparo_clients_toast             (GtkWidget    *widget,
                                              AdwToast     *toast);
char       *amparo_clients_today             (void);
void        amparo_clients_trash_with_undo   (GtkWidget    *widget,
                                              AmparoStore  *store,
                                              AmparoRecord *record,
                                              const char   *message);

G_END_DECLS
