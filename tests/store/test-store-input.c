/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "amparo-store-private.h"

/* Every way staff type a time of day becomes one stored form, or a
 * message that says what is wrong; nothing half-read is ever stored. */
static void
test_time_forms (void)
{
  const struct { const char *typed, *stored; } good[] = {
    { "9:30", "09:30" }, { "09:30", "09:30" }, { "9.30", "09:30" },
    { "9:30 am", "09:30" }, { "9:30am", "09:30" }, { "9:30 a.m.", "09:30" },
    { "9:30 p. m.", "21:30" }, { "21:30", "21:30" }, { "12:15 am", "00:15" },
    { "12:00 pm", "12:00" }, { "9 pm", "21:00" }, { " 7:05 ", "07:05" },
    { "21:30:00", "21:30" }, { "0:00", "00:00" }, { "9h30", "09:30" },
  };
  const char *bad[] = { "", "9", "930", "25:00", "9:60", "13:00 pm", "0:30 am",
                        "9:3", "9:30 xyz", "half past nine", "9:30:61" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = amparo_parse_time (good[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, good[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = amparo_parse_time (bad[i], &error);

      g_assert_null (stored);
      g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
      g_assert_true (strlen (error->message) > 10);
    }
}

/* A hearing typed "2026-12-10 9:30" is stored so the Agenda, the iCalendar
 * export and the notice all see 09:30, not an all-day event. */
static void
test_event_time_stored_once (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(AmparoPerson) client = store_test_add_person (fixture->store, "Wilmer", "Tzul", "2015-06-10");
  const char *typed[] = { "2026-12-10 9:30", "2026-12-10T9:30", "2026-12-10 9.30",
                          "2026-12-10 9:30 am", " 2026-12-10  09:30 " };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(AmparoEvent) event = amparo_event_new ();
      g_autoptr(AmparoEvent) loaded = NULL;
      g_autoptr(GError) error = NULL;

      g_object_set (event, "person-id", amparo_record_get_id (AMPARO_RECORD (client)),
                    "kind", AMPARO_EVENT_KIND_HEARING, "starts-at", typed[i], NULL);
      g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
      g_assert_no_error (error);
      loaded = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_EVENT,
                                       amparo_record_get_id (AMPARO_RECORD (event)), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (amparo_event_get_starts_at (loaded), ==, "2026-12-10T09:30");
    }
}

static void
test_event_time_refused (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AmparoPerson) client = store_test_add_person (fixture->store, "Wilmer", "Tzul", "2015-06-10");
  const char *typed[] = { "2026-12-10 25:00", "2026-12-10T9", "2026-12-10xyz", "2026-12-10 soon" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(AmparoEvent) event = amparo_event_new ();
      g_autoptr(GError) error = NULL;

      g_object_set (event, "person-id", amparo_record_get_id (AMPARO_RECORD (client)),
                    "kind", AMPARO_EVENT_KIND_HEARING, "starts-at", typed[i], NULL);
      g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
      g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
      g_assert_cmpstr (amparo_store_error_get_field (error), ==, "starts-at");
    }
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_EVENT, AMPARO_LIST_LIVE), ==, 0);
}

static char *
birth_date_message (AmparoStore *store,
                    const char  *birth_date)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (person, "given-names", "Ana", "family-names", "Pérez",
                "birth-date", birth_date, NULL);
  g_assert_false (amparo_store_validate (store, AMPARO_RECORD (person), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "birth-date");
  return g_strdup (error->message);
}

/* A date field holds a date and nothing else, and the message says what
 * is actually wrong: not "write it as year-month-day" when it was. */
static void
test_date_messages (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *junk = birth_date_message (fixture->store, "2015-01-02xyz");
  g_autofree char *junk_time = birth_date_message (fixture->store, "2015-01-02T09:00");
  g_autofree char *year0 = birth_date_message (fixture->store, "0000-01-01");
  g_autofree char *feb30 = birth_date_message (fixture->store, "2021-02-30");
  g_autofree char *month13 = birth_date_message (fixture->store, "2021-13-01");
  g_autofree char *slashes = birth_date_message (fixture->store, "03/02/2019");
  GDate date;

  g_assert_nonnull (strstr (junk, "after the date"));
  g_assert_nonnull (strstr (junk_time, "after the date"));
  g_assert_nonnull (strstr (year0, "year 0000"));
  g_assert_null (strstr (feb30, "year-month-day"));
  g_assert_nonnull (strstr (feb30, "28 days"));
  g_assert_nonnull (strstr (month13, "month 13"));
  g_assert_nonnull (strstr (slashes, "year-month-day"));

  g_assert_false (amparo_parse_date ("2015-01-02xyz", &date));
  g_assert_false (amparo_parse_date ("2015-01-02Txyz", &date));
  g_assert_false (amparo_parse_date ("2015-01-02 ", &date));
  g_assert_true (amparo_parse_date ("2015-01-02T09:30", &date));
}

/* A name is one line: a pasted line break would break lists and notices. */
static void
test_names_one_line (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (person, "given-names", "Ana\nMaría", "family-names", "Pérez", NULL);
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "given-names");
  g_clear_error (&error);
  g_object_set (person, "given-names", "Ana María", "family-names", "Pérez\r", NULL);
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "family-names");
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 0);
}

/* Every problem at once, one per field, in the order the form shows them. */
static void
test_all_errors_at_once (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GPtrArray) errors = NULL;
  const char *expected[] = { "given-names", "family-names", "birth-date", "a-number", "intake-date" };

  g_object_set (person, "birth-date", "2021-02-30", "a-number", "12",
                "intake-date", "soon", NULL);
  errors = amparo_store_validate_all (fixture->store, AMPARO_RECORD (person));
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < errors->len; i++)
    g_assert_cmpstr (amparo_store_error_get_field (g_ptr_array_index (errors, i)), ==, expected[i]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/input/time-forms", test_time_forms);
  STORE_TEST ("/store/input/event-time-stored-once", test_event_time_stored_once);
  STORE_TEST ("/store/input/event-time-refused", test_event_time_refused);
  STORE_TEST ("/store/input/date-messages", test_date_messages);
  STORE_TEST ("/store/input/names-one-line", test_names_one_line);
  STORE_TEST ("/store/input/all-errors-at-once", test_all_errors_at_once);
  return g_test_run ();
}
