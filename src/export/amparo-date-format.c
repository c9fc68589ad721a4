/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include <string.h>

#include "amparo-date-format.h"

#include <glib/gi18n.h>

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

/* The zones of the United States and its neighbours, by name. */
static const struct { const char *id, *en, *es; } named_zones[] = {
  { "America/Los_Angeles", "Pacific time", "hora del Pacífico" },
  { "America/Tijuana", "Pacific time", "hora del Pacífico" },
  { "America/Denver", "Mountain time", "hora de la Montaña" },
  { "America/Phoenix", "Mountain time (Arizona)", "hora de la Montaña (Arizona)" },
  { "America/Chicago", "Central time", "hora del Centro" },
  { "America/Mexico_City", "Central Mexico time", "hora del centro de México" },
  { "America/New_York", "Eastern time", "hora del Este" },
  { "America/Anchorage", "Alaska time", "hora de Alaska" },
  { "Pacific/Honolulu", "Hawaii time", "hora de Hawái" },
  { "America/Puerto_Rico", "Atlantic time (Puerto Rico)", "hora del Atlántico (Puerto Rico)" },
  { "America/Guatemala", "Central America time", "hora de Centroamérica" },
  { "America/El_Salvador", "Central America time", "hora de Centroamérica" },
  { "America/Tegucigalpa", "Central America time", "hora de Centroamérica" },
  { "Etc/UTC", "UTC", "UTC" },
  { "UTC", "UTC", "UTC" },
};

/**
 * amparo_time_zone_describe:
 * @identifier: a time zone as stored, `America/Los_Angeles`
 * @language: "en" or "es"
 *
 * The zone in words for a reader, in @language: "Pacific time", "hora del
 * Pacífico". The zones of the United States and its neighbours have a
 * name; any other is shown as its city ("Madrid time").
 *
 * Returns: (transfer full): the zone in words
 */
char *
amparo_time_zone_describe (const char *identifier,
                           const char *language)
{
  gboolean spanish = language != NULL && g_str_has_prefix (language, "es");
  const char *city;
  g_autofree char *words = NULL;

  g_return_val_if_fail (identifier != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (named_zones); i++)
    if (g_str_equal (identifier, named_zones[i].id))
      return g_strdup (spanish ? named_zones[i].es : named_zones[i].en);
  city = strrchr (identifier, '/');
  words = g_strdelimit (g_strdup (city != NULL ? city + 1 : identifier), "_", ' ');
  return spanish ? g_strdup_printf ("hora de %s", words) : g_strdup_printf ("%s time", words);
}

/**
 * amparo_translation_language:
 *
 * The language gettext writes in now, read from the header of the loaded
 * translation (the entry of the empty string): what code without GTK
 * uses to name things in the language its `_()` strings come out in.
 *
 * Returns: "es" while the Spanish translation is in force, else "en"
 */
const char *
amparo_translation_language (void)
{
  const char *header = dgettext (GETTEXT_PACKAGE, "");

  return header != NULL && strstr (header, "\nLanguage: es") != NULL ? "es" : "en";
}

/**
 * amparo_time_zone_list_named:
 *
 * The zones amparo_time_zone_describe() has a name for, one per name
 * (Los Angeles for Pacific time, not Tijuana too), for a list to pick
 * from.
 *
 * Returns: (transfer container): IANA names
 */
GPtrArray *
amparo_time_zone_list_named (void)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (named_zones); i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < i; j++)
        seen = seen || g_str_equal (named_zones[j].en, named_zones[i].en);
      if (!seen)
        g_ptr_array_add (ids, (gpointer) named_zones[i].id);
    }
  return ids;
}

static void
add_choice (GPtrArray  *ids,
            const char *id)
{
  if (id == NULL || *id == '\0' || g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
    return;
  g_ptr_array_add (ids, g_strdup (id));
}

/**
 * amparo_time_zone_choices:
 * @first: (nullable): the zone to offer first (the office's)
 * @current: (nullable): the zone the record has now, offered too when it
 *   is none of the named ones (an import, an older record)
 *
 * The zones a person picks from, in words through
 * amparo_time_zone_describe(): the embargo of a release, the court of a
 * hearing. One list for both, so they read alike.
 *
 * Returns: (transfer full) (element-type utf8): IANA names, each once
 */
GPtrArray *
amparo_time_zone_choices (const char *first,
                          const char *current)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) named = amparo_time_zone_list_named ();

  add_choice (ids, first);
  for (guint i = 0; i < named->len; i++)
    add_choice (ids, g_ptr_array_index (named, i));
  add_choice (ids, current);
  return ids;
}
