/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/* Paper sizes in points (1/72 inch). */
#define AMPARO_NOTICE_LETTER_WIDTH  612.0
#define AMPARO_NOTICE_LETTER_HEIGHT 792.0
#define AMPARO_NOTICE_A4_WIDTH      595.28
#define AMPARO_NOTICE_A4_HEIGHT     841.89

const char *amparo_client_notice_guess_language (AmparoPerson  *person);
gboolean    amparo_client_notice_contact_missing (AmparoStore  *store);
GPtrArray  *amparo_client_notice_list_events    (AmparoStore   *store,
                                                 AmparoPerson  *person);
void        amparo_client_notice_render         (AmparoStore   *store,
                                                 AmparoPerson  *person,
                                                 const char    *language,
                                                 cairo_t       *cr,
                                                 double         width,
                                                 double         height);
gboolean    amparo_client_notice_journal        (AmparoStore   *store,
                                                 AmparoPerson  *person,
                                                 const char    *language,
                                                 const char    *destination,
                                                 GError       **error);
gboolean    amparo_client_notice_write_pdf_sized (AmparoStore  *store,
                                                 AmparoPerson  *person,
                                                 const char    *language,
                                                 const char    *path,
                                                 double         width,
                                                 double         height,
                                                 GError       **error);
gboolean    amparo_client_notice_write_pdf      (AmparoStore   *store,
                                                 AmparoPerson  *person,
                                                 const char    *language,
                                                 const char    *path,
                                                 GError       **error);

G_END_DECLS
