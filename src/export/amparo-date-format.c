/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-date-format.h"

#include <stdio.h>

/* Dates are formatted here rather than with strftime() because the C
 * library's LC_TIME needs a generated locale: on a machine with only
 * C.UTF-8, "%B" would stay English while the UI is in Spanish. A client
 * notice also needs the client's language, not the UI's, so the language
 * is always an argument. */

static const char * const month_en[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};
static const char * const month_es[] = {
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
  "agosto", "septiembre", "octubre", "noviembre", "diciembre",
};
static const char * const month_short_en[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
  "Nov", "Dec",
};
static const char * const month_short_es[] = {
  "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct",
  "nov", "dic",
};
/* Indexed by g_date_time_get_day_of_week () - 1 (Monday first). */
static const char * const weekday_en[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  "Sunday",
};
static const char * const weekday_es[] = {
  "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
};

static gboolean
is_spanish (const char *language)
{
  return language != NULL && g_str_has_prefix (language, "es");
}

/**
 * amparo_date_month_name:
 * @month: 1 to 12
 * @language: "en" or "es"
 *
 * Returns: (transfer full): the month's name in @language
 */
char *
amparo_date_month_name (guint       month,
                        const char *language)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return g_strdup (is_spanish (language) ? month_es[month - 1]
                                         : month_en[month - 1]);
}

/**
 * amparo_date_format:
 * @datetime: the date to show
 * @language: "en" or "es"
 * @style: how much to say
 *
 * Returns: (transfer full): the date as a person reading @language writes it
 */
char *
amparo_date_format (GDateTime       *datetime,
                    const char      *language,
                    AmparoDateStyle  style)
{
  int y, m, d, wd;
  gboolean es = is_spanish (language);

  g_return_val_if_fail (datetime != NULL, NULL);

  g_date_time_get_ymd (datetime, &y, &m, &d);
  wd = g_date_time_get_day_of_week (datetime) - 1;

  switch (style)
    {
    case AMPARO_DATE_NUMERIC:
      return es ? g_strdup_printf ("%02d/%02d/%04d", d, m, y)
                : g_strdup_printf ("%02d/%02d/%04d", m, d, y);
    case AMPARO_DATE_MEDIUM:
      return es ? g_strdup_printf ("%d %s %d", d, month_short_es[m - 1], y)
                : g_strdup_printf ("%s %d, %d", month_short_en[m - 1], d, y);
    case AMPARO_DATE_LONG:
      return es ? g_strdup_printf ("%d de %s de %d", d, month_es[m - 1], y)
                : g_strdup_printf ("%s %d, %d", month_en[m - 1], d, y);
    case AMPARO_DATE_WEEKDAY:
      return es ? g_strdup_printf ("%s, %d de %s de %d", weekday_es[wd], d,
                                   month_es[m - 1], y)
                : g_strdup_printf ("%s, %s %d, %d", weekday_en[wd],
                                   month_en[m - 1], d, y);
    case AMPARO_DATE_DAY_HEADING:
      return es ? g_strdup_printf ("%s %d de %s", weekday_es[wd], d,
                                   month_es[m - 1])
                : g_strdup_printf ("%s, %s %d", weekday_en[wd],
                                   month_en[m - 1], d);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * amparo_date_format_iso:
 * @iso_date: a date as stored, "YYYY-MM-DD" (a time part is ignored)
 * @language: "en" or "es"
 * @style: how much to say
 *
 * Returns: (transfer full) (nullable): the formatted date, or %NULL when
 *   @iso_date is not a valid date
 */
char *
amparo_date_format_iso (const char      *iso_date,
                        const char      *language,
                        AmparoDateStyle  style)
{
  g_autoptr(GDateTime) datetime = NULL;
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;

  datetime = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return amparo_date_format (datetime, language, style);
}

/**
 * amparo_time_format:
 * @datetime: a time of day
 * @language: "en" or "es"
 *
 * Returns: (transfer full): "9:30 AM" in English, "9:30" (24-hour) in Spanish
 */
char *
amparo_time_format (GDateTime  *datetime,
                    const char *language)
{
  int h, min;

  g_return_val_if_fail (datetime != NULL, NULL);

  h = g_date_time_get_hour (datetime);
  min = g_date_time_get_minute (datetime);
  if (is_spanish (language))
    return g_strdup_printf ("%d:%02d", h, min);
  return g_strdup_printf ("%d:%02d %s", h % 12 == 0 ? 12 : h % 12, min,
                          h < 12 ? "AM" : "PM");
}
