/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-bar-chart.h"
#include "amparo-section-page.h"
#include "amparo-store-reports.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_REPORTS_PAGE (amparo_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (AmparoReportsPage, amparo_reports_page, AMPARO, REPORTS_PAGE, AmparoSectionPage)

void            amparo_reports_page_refresh             (AmparoReportsPage      *self);
void            amparo_reports_page_open_bar            (AmparoReportsPage      *self,
                                                         AmparoReportFigureKind  kind,
                                                         const char             *key);
AmparoBarChart *amparo_reports_page_get_chart           (AmparoReportsPage      *self,
                                                         AmparoReportFigureKind  kind);
double          amparo_reports_page_get_last_refresh_ms (AmparoReportsPage      *self);
gboolean        amparo_reports_page_is_counting         (AmparoReportsPage      *self);

G_END_DECLS
