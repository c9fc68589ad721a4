/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The window-state key the Clients list reads its report filter from. */
#define AMPARO_REPORT_FILTER_KEY "clients:filter"

/**
 * AmparoReportFilter:
 *
 * The persons behind one bar of a chart in the Reports section, as a
 * condition over the persons table, for the Clients list: the Reports
 * page puts one in the window state under %AMPARO_REPORT_FILTER_KEY and
 * shows the Clients section, which adds it to its own filters.
 */
#define AMPARO_TYPE_REPORT_FILTER (amparo_report_filter_get_type ())
G_DECLARE_FINAL_TYPE (AmparoReportFilter, amparo_report_filter, AMPARO, REPORT_FILTER, GObject)

AmparoReportFilter *amparo_report_filter_new           (const char         *label,
                                                        const char         *condition,
                                                        const char * const *params);
const char         *amparo_report_filter_get_label     (AmparoReportFilter *self);
void                amparo_report_filter_add_condition (AmparoReportFilter *self,
                                                        GString            *where,
                                                        GPtrArray          *params);

G_END_DECLS
