/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmparoDateStyle:
 * @AMPARO_DATE_NUMERIC: 11/22/2026 or 22/11/2026
 * @AMPARO_DATE_MEDIUM: Nov 22, 2026 or 22 nov 2026
 * @AMPARO_DATE_LONG: November 22, 2026 or 22 de noviembre de 2026
 * @AMPARO_DATE_WEEKDAY: Sunday, November 22, 2026 or domingo, 22 de noviembre de 2026
 * @AMPARO_DATE_DAY_HEADING: Sunday, November 22 or domingo 22 de noviembre
 */
typedef enum {
  AMPARO_DATE_NUMERIC,
  AMPARO_DATE_MEDIUM,
  AMPARO_DATE_LONG,
  AMPARO_DATE_WEEKDAY,
  AMPARO_DATE_DAY_HEADING,
} AmparoDateStyle;

char     *amparo_date_format          (GDateTime       *datetime,
                                       const char      *language,
                                       AmparoDateStyle  style);
char     *amparo_date_format_iso      (const char      *iso_date,
                                       const char      *language,
                                       AmparoDateStyle  style);
char     *amparo_time_format          (GDateTime       *datetime,
                                       const char      *language);
char     *amparo_date_month_name      (guint            month,
                                       const char      *language);
char     *amparo_time_zone_describe   (const char      *identifier,
                                       const char      *language);
const char *amparo_translation_language (void);
GPtrArray *amparo_time_zone_list_named (void);
GPtrArray *amparo_time_zone_choices    (const char *first,
                                        const char *current);

G_END_DECLS
