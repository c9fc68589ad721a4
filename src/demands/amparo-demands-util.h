/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/* Small helpers the Demands widgets share: which wording to show, how a
 * status looks, and what the store knows about a demand's statements. */

const char *amparo_demands_get_text            (AmparoDemand  *demand,
                                                const char    *language,
                                                gboolean      *missing);
const char *amparo_demands_get_release_title   (AmparoRelease *release,
                                                const char    *language);
const char *amparo_demands_status_style_class  (AmparoDemandStatus status);
void        amparo_demands_style_badge         (GtkWidget     *badge,
                                                AmparoDemandStatus status);
guint       amparo_demands_count_statements    (AmparoStore   *store,
                                                AmparoDemand  *demand,
                                                char         **first_date,
                                                char         **latest_date);
int         amparo_demands_get_number_in_release (AmparoStore *store,
                                                AmparoRelease *release,
                                                AmparoDemand  *demand);
GListModel *amparo_demands_list_release_links  (AmparoStore   *store,
                                                AmparoDemand  *demand);
char       *amparo_demands_format_date         (const char    *iso_date);
gboolean    amparo_demands_differ              (AmparoDemand  *a,
                                                AmparoDemand  *b);
gboolean    amparo_demands_add_update          (AmparoStore   *store,
                                                AmparoDemand  *demand,
                                                AmparoDemandUpdate *update,
                                                GError       **error);
void        amparo_demands_toast               (GtkWidget     *widget,
                                                AdwToast      *toast);
GBinding   *amparo_demands_bind_text           (gpointer       record,
                                                const char    *property,
                                                gpointer       target,
                                                const char    *target_property);
GBinding   *amparo_demands_bind_enum           (gpointer       record,
                                                const char    *property,
                                                AdwComboRow   *row);
void        amparo_demands_setup_combo         (AdwComboRow   *row,
                                                GType          enum_type);

G_END_DECLS
