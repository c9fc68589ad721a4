/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-release-render.h"
#include "amparo-section-page.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_PRESS_PAGE (amparo_press_page_get_type ())

G_DECLARE_FINAL_TYPE (AmparoPressPage, amparo_press_page, AMPARO, PRESS_PAGE, AmparoSectionPage)

gboolean       amparo_press_page_open_release (AmparoPressPage       *self,
                                               AmparoRelease         *release);
AmparoRelease *amparo_press_page_get_draft    (AmparoPressPage       *self);
gboolean       amparo_press_page_export_to    (AmparoPressPage       *self,
                                               const char            *path,
                                               AmparoReleaseLanguage  language,
                                               AmparoReleaseFile      file,
                                               GError               **error);
void           amparo_press_page_show_preview (AmparoPressPage       *self,
                                               AmparoReleaseLanguage  language);
AmparoReleaseLanguage
               amparo_press_page_get_export_language (AmparoPressPage *self);
char          *amparo_press_page_get_export_name (AmparoPressPage   *self,
                                                  AmparoReleaseFile  format);

G_END_DECLS
