/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-date-format.h"

/* Dates must read naturally in both languages even on a machine with only
 * the C.UTF-8 locale, where strftime would print English month names. */

static void
test_long_dates (void)
{
  g_autofree char *es = amparo_date_format_iso ("2026-11-22", "es", AMPARO_DATE_LONG);
  g_autofree char *en = amparo_date_format_iso ("2026-11-22", "en", AMPARO_DATE_LONG);
  g_autofree char *es_week = amparo_date_format_iso ("2023-12-14", "es", AMPARO_DATE_WEEKDAY);
  g_autofree char *en_week = amparo_date_format_iso ("2023-12-14", "en", AMPARO_DATE_WEEKDAY);

  g_assert_cmpstr (es, ==, "22 de noviembre de 2026");
  g_assert_cmpstr (en, ==, "November 22, 2026");
  g_assert_cmpstr (es_week, ==, "jueves, 14 de diciembre de 2023");
  g_assert_cmpstr (en_week, ==, "Thursday, December 14, 2023");
}

static void
test_short_dates_order (void)
{
  g_autofree char *es = amparo_date_format_iso ("2021-02-03", "es", AMPARO_DATE_NUMERIC);
  g_autofree char *en = amparo_date_format_iso ("2021-02-03", "en", AMPARO_DATE_NUMERIC);
  g_autofree char *es_medium = amparo_date_format_iso ("2021-09-03", "es", AMPARO_DATE_MEDIUM);
  g_autofree char *en_medium = amparo_date_format_iso ("2021-09-03", "en", AMPARO_DATE_MEDIUM);

  /* Day first in Spanish, month first in (US) English. */
  g_assert_cmpstr (es, ==, "03/02/2021");
  g_assert_cmpstr (en, ==, "02/03/2021");
  g_assert_cmpstr (es_medium, ==, "3 sept 2021");
  g_assert_cmpstr (en_medium, ==, "Sep 3, 2021");
}

static void
test_times (void)
{
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2026, 1, 5, 9, 5, 0);
  g_autoptr(GDateTime) afternoon = g_date_time_new_utc (2026, 1, 5, 15, 30, 0);
  g_autoptr(GDateTime) noon = g_date_time_new_utc (2026, 1, 5, 12, 0, 0);
  g_autofree char *a = amparo_time_format (morning, "en");
  g_autofree char *b = amparo_time_format (afternoon, "en");
  g_autofree char *c = amparo_time_format (afternoon, "es");
  g_autofree char *d = amparo_time_format (noon, "en");

  g_assert_cmpstr (a, ==, "9:05 AM");
  g_assert_cmpstr (b, ==, "3:30 PM");
  g_assert_cmpstr (c, ==, "15:30");
  g_assert_cmpstr (d, ==, "12:00 PM");
}

static void
test_invalid_dates (void)
{
  g_assert_null (amparo_date_format_iso ("2021-02-30", "es", AMPARO_DATE_LONG));
  g_assert_null (amparo_date_format_iso ("not a date", "en", AMPARO_DATE_LONG));
  g_assert_null (amparo_date_format_iso (NULL, "en", AMPARO_DATE_LONG));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-format/long", test_long_dates);
  g_test_add_func ("/date-format/numeric-order", test_short_dates_order);
  g_test_add_func ("/date-format/times", test_times);
  g_test_add_func ("/date-format/invalid", test_invalid_dates);

  return g_test_run ();
}
