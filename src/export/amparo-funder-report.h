/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store-reports.h"

G_BEGIN_DECLS

char     *amparo_funder_report_format_csv (AmparoFunderReport      *report,
                                           gsize                   *length);
GBytes   *amparo_funder_report_render_pdf (AmparoFunderReport      *report,
                                           const char              *organization,
                                           GError                 **error);
gboolean  amparo_funder_report_export     (AmparoStore             *store,
                                           const AmparoReportScope *scope,
                                           const char              *format,
                                           const char              *path,
                                           GError                 **error);

G_END_DECLS
