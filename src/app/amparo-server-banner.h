/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_SERVER_BANNER (amparo_server_banner_get_type ())
G_DECLARE_FINAL_TYPE (AmparoServerBanner, amparo_server_banner, AMPARO, SERVER_BANNER, GtkWidget)

GtkWidget *amparo_server_banner_new            (AmparoStore        *store);
gboolean   amparo_server_banner_handle_error   (AmparoServerBanner *self,
                                                const GError       *error);
gboolean   amparo_server_banner_handle_error_for (GtkWidget    *widget,
                                                  const GError *error);
/* banner (#10): what a page runs to save again once the server is back. */
typedef void (*AmparoServerSaveAgain) (GtkWidget *widget);

gboolean   amparo_server_banner_save_again_for (GtkWidget             *widget,
                                                const GError          *error,
                                                AmparoServerSaveAgain  save_again);
gboolean   amparo_server_banner_get_shown      (AmparoServerBanner *self);
guint      amparo_server_banner_get_next_delay (AmparoServerBanner *self);

G_END_DECLS
