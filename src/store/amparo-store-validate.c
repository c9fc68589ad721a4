/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amparo-adverse-party.h"
#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-store-case-private.h"
#include "amparo-record-private.h"

/*
 * The rules a record must meet before it is written. Messages are shown
 * under the field named by amparo_store_error_get_field(), so they speak
 * about that field and say what is wrong and what to enter instead.
 *
 * Every rule runs, so a form can show all that is wrong at once
 * (amparo_store_validate_all()); a field gets at most one message, the
 * first rule it breaks.
 */

typedef struct
{
  GPtrArray *errors;   /* GError*, each naming its field */
} Check;

static gboolean
field_has_error (Check      *check,
                 const char *field)
{
  for (guint i = 0; i < check->errors->len; i++)
    if (field != NULL &&
        g_strcmp0 (amparo_store_error_get_field (g_ptr_array_index (check->errors, i)), field) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
fail (Check       *check,
      int          code,
      const char  *field,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Check       *check,
      int          code,
      const char  *field,
      const char  *format,
      ...)
{
  va_list args;
  GError *local;

  if (field_has_error (check, field))
    return FALSE;
  va_start (args, format);
  local = g_error_new_valist (AMPARO_STORE_ERROR, code, format, args);
  va_end (args);
  amparo_store_error_set_field (local, field);
  g_ptr_array_add (check->errors, local);
  return FALSE;
}

/* An error from a helper that reports through GError (A-number, dates). */
static gboolean
fail_with (Check      *check,
           const char *field,
           GError     *error)
{
  if (field_has_error (check, field))
    {
      g_error_free (error);
      return FALSE;
    }
  amparo_store_error_set_field (error, field);
  g_ptr_array_add (check->errors, error);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Today on this computer's calendar. GLib 2.74's g_time_zone_new_local()
 * reads /etc/localtime again on every call when TZ is unset (its cache
 * compares the zone's name with TZ), which was a tenth of a large
 * import's time: the zone is kept while TZ stays the same. */
void
amparo_store_today (GDate *date)
{
  static GMutex lock;
  static GTimeZone *zone;
  static char *zone_tz;
  g_autoptr(GDateTime) now = NULL;
  const char *tz = g_getenv ("TZ");

  g_mutex_lock (&lock);
  if (zone == NULL || g_strcmp0 (tz, zone_tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone_tz = g_strdup (tz);
      zone = g_time_zone_new_local ();
    }
  now = g_date_time_new_now (zone);
  g_mutex_unlock (&lock);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static void
today (GDate *date)
{
  amparo_store_today (date);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  if (error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID, format, args);
      va_end (args);
    }
  return FALSE;
}

/* Reads exactly @len digits. */
static gboolean
read_digits (const char *text,
             guint       len,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/* The day part of "YYYY-MM-DD…", with a message that names what is wrong:
 * the form, the year, the month, or a day the month does not have. */
static gboolean
parse_day (const char  *text,
           GDate       *date,
           GError     **error)
{
  int year, month, day;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-' ||
      !read_digits (text, 4, &year) || !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day))
    return set_invalid (error, _("“%s” is not a date. Enter it as year-month-day, for example 2021-02-03."),
                        text ? text : "");
  if (year < 1)
    return set_invalid (error, _("There is no year 0000. Check the year."));
  if (month < 1 || month > 12)
    return set_invalid (error, _("There is no month %02d. The month goes from 01 to 12."), month);
  if (day < 1 || !g_date_valid_dmy (day, month, year))
    return set_invalid (error, _("%04d-%02d has no day %02d: that month has %d days."),
                        year, month, day,
                        g_date_get_days_in_month (month, year));
  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, day, month, year);
    }
  return TRUE;
}

/* Skips "am", "a.m.", "a. m.", "a" (and the same with p); returns 0 for
 * none, 'a' or 'p', or -1 for something else after the time. */
static int
read_meridiem (const char *text)
{
  char letter;

  while (*text == ' ')
    text++;
  if (*text == '\0')
    return 0;
  letter = g_ascii_tolower (*text);
  if (letter != 'a' && letter != 'p')
    return -1;
  text++;
  if (*text == '.')
    text++;
  while (*text == ' ')
    text++;
  if (g_ascii_tolower (*text) == 'm')
    {
      text++;
      if (*text == '.')
        text++;
    }
  while (*text == ' ')
    text++;
  return *text == '\0' ? letter : -1;
}

/**
 * amparo_parse_time:
 * @text: a time of day as people type it: `9:30`, `09:30`, `9.30`,
 *   `9:30 am`, `9:30 p. m.`, `9 pm`, `21:30`, `21:30:00`
 * @error: return location for a message that says what is wrong
 *
 * The one parser for times of day: every caller stores what it returns,
 * so the Agenda, the iCalendar export and the client notice all read
 * the same form.
 *
 * Returns: (transfer full) (nullable): `HH:MM` on the 24-hour clock, or
 *   %NULL with @error set (%AMPARO_STORE_ERROR_INVALID)
 */
char *
amparo_parse_time (const char  *text,
                   GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *p = copy;
  int hour = 0, minute = 0, second = 0, digits = 0, meridiem;
  gboolean has_minutes = FALSE;

  for (; g_ascii_isdigit (*p) && digits < 3; p++, digits++)
    hour = hour * 10 + (*p - '0');
  if (digits == 0 || digits > 2)
    goto not_a_time;
  if ((*p == ':' || *p == '.' || *p == 'h' || *p == 'H') && g_ascii_isdigit (p[1]))
    {
      if (!read_digits (p + 1, 2, &minute) || g_ascii_isdigit (p[3]))
        goto not_a_time;
      p += 3;
      has_minutes = TRUE;
      if (*p == ':' && (!read_digits (p + 1, 2, &second) || g_ascii_isdigit (p[3])))
        goto not_a_time;
      if (*p == ':')
        p += 3;
    }
  meridiem = read_meridiem (p);
  if (meridiem < 0 || (!has_minutes && meridiem == 0))
    goto not_a_time;

  if (minute > 59 || second > 59)
    {
      set_invalid (error, _("“%s”: minutes go from 00 to 59."), copy);
      return NULL;
    }
  if (meridiem != 0)
    {
      if (hour < 1 || hour > 12)
        {
          set_invalid (error, _("“%s”: with am or pm the hour goes from 1 to 12. Write 21:30 or 9:30 pm."), copy);
          return NULL;
        }
      hour = (hour % 12) + (meridiem == 'p' ? 12 : 0);
    }
  else if (hour > 23)
    {
      set_invalid (error, _("“%s”: the hour goes from 0 to 23."), copy);
      return NULL;
    }
  return g_strdup_printf ("%02d:%02d", hour, minute);

not_a_time:
  set_invalid (error, _("“%s” is not a time. Write it like 9:30, 9:30 pm or 21:30."), copy);
  return NULL;
}

/**
 * amparo_normalize_date_time:
 * @text: a day, optionally followed by a space or `T` and a time as
 *   amparo_parse_time() reads it: `2026-12-10 9:30`, `2026-12-10T21:30`
 * @error: return location for a message that says what is wrong
 *
 * Returns: (transfer full) (nullable): `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`,
 *   or %NULL with @error set
 */
char *
amparo_normalize_date_time (const char  *text,
                            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *time = NULL;
  const char *rest;

  if (!parse_day (copy, NULL, error))
    return NULL;
  rest = copy + 10;
  if (*rest == '\0')
    return g_strndup (copy, 10);
  if (*rest != 'T' && *rest != 't' && *rest != ' ')
    {
      set_invalid (error, _("“%s” has something after the date that is not a time. Write it like 2021-02-03 9:30."),
                   copy);
      return NULL;
    }
  time = amparo_parse_time (rest + 1, error);
  if (time == NULL)
    return NULL;
  return g_strdup_printf ("%.10sT%s", copy, time);
}

/* A date property must be empty or a real calendar day, and nothing else. */
static gboolean
check_date (Check         *check,
            AmparoRecord  *record,
            const char    *property,
            GDate         *date)
{
  const char *text = amparo_record_get_string (record, property);
  GError *local = NULL;

  if (text == NULL)
    return TRUE;
  if (!parse_day (text, date, &local))
    return fail_with (check, property, local);
  if (text[10] != '\0')
    {
      g_date_clear (date, 1);
      return fail (check, AMPARO_STORE_ERROR_INVALID, property,
                   _("“%s” has something after the date. Enter only year-month-day, for example 2021-02-03."),
                   text);
    }
  return TRUE;
}

static gboolean
check_required (Check         *check,
                AmparoRecord  *record,
                const char    *property,
                const char    *message)
{
  if (is_blank (amparo_record_get_string (record, property)))
    return fail (check, AMPARO_STORE_ERROR_INVALID, property, "%s", message);
  return TRUE;
}

/* Names, titles and other one-line values: a line break or a tab pasted
 * from elsewhere would break lists, exports and printed notices. */
static gboolean
check_one_line (Check         *check,
                AmparoRecord  *record,
                const char    *property)
{
  const char *text = amparo_record_get_string (record, property);

  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20)
      return fail (check, AMPARO_STORE_ERROR_INVALID, property,
                   _("This field is one line: remove the line break or tab from it."));
  return TRUE;
}

static gboolean
check_reference (Check         *check,
                 AmparoRecord  *record,
                 const char    *property,
                 const char    *message)
{
  if (amparo_record_get_int64 (record, property) <= 0)
    return fail (check, AMPARO_STORE_ERROR_INVALID, property, "%s", message);
  return TRUE;
}

/* The earliest day a person can have an event: their birth, or for an
 * estimated birth date the first day of that year. */
static gboolean
get_birth_limit (AmparoStore *self,
                 gint64       person_id,
                 GDate       *limit)
{
  g_autoptr(AmparoPerson) person = NULL;

  if (person_id <= 0)
    return FALSE;
  person = amparo_store_get_by_id (self, AMPARO_TYPE_PERSON, person_id, NULL);
  if (person == NULL || !amparo_parse_date (amparo_person_get_birth_date (person), limit))
    return FALSE;
  if (amparo_person_get_birth_date_estimated (person))
    g_date_set_dmy (limit, 1, G_DATE_JANUARY, g_date_get_year (limit));
  return TRUE;
}

/* @date: the day already read from @property, or an invalid date */
static gboolean
check_after_birth (Check         *check,
                   AmparoStore   *self,
                   AmparoRecord  *record,
                   const char    *property,
                   const GDate   *date)
{
  GDate birth;

  if (!g_date_valid (date) ||
      !get_birth_limit (self, amparo_record_get_int64 (record, "person-id"), &birth))
    return TRUE;
  if (g_date_compare (date, &birth) < 0)
    {
      g_autofree char *birth_text = format_date (&birth);
      return fail (check, AMPARO_STORE_ERROR_INVALID, property,
                   _("This date is before the person's date of birth (%s). Check both dates."),
                   birth_text);
    }
  return TRUE;
}

static void
check_date_after_birth (Check         *check,
                        AmparoStore   *self,
                        AmparoRecord  *record,
                        const char    *property)
{
  GDate date;

  g_date_clear (&date, 1);
  if (check_date (check, record, property, &date))
    check_after_birth (check, self, record, property, &date);
}

static void
validate_person (Check         *check,
                 AmparoStore   *self,
                 AmparoPerson  *person)
{
  AmparoRecord *record = AMPARO_RECORD (person);
  GDate birth, intake, now;

  if (check_required (check, record, "given-names",
                      _("Enter the given names. If they are not known, write “Unknown”.")))
    check_one_line (check, record, "given-names");
  if (check_required (check, record, "family-names",
                      _("Enter the family names. If they are not known, write “Unknown”.")))
    check_one_line (check, record, "family-names");

  g_date_clear (&birth, 1);
  g_date_clear (&intake, 1);
  today (&now);
  if (check_date (check, record, "birth-date", &birth) &&
      g_date_valid (&birth) && g_date_compare (&birth, &now) > 0)
    fail (check, AMPARO_STORE_ERROR_INVALID, "birth-date",
          _("The date of birth cannot be in the future."));

  if (amparo_person_get_a_number (person) != NULL)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(AmparoPerson) holder = NULL;
      GError *invalid = NULL;
      g_autofree char *a_number = amparo_a_number_normalize (amparo_person_get_a_number (person),
                                                             &invalid);

      if (invalid != NULL)
        fail_with (check, "a-number", invalid);
      else if (a_number != NULL)
        {
          amparo_person_set_a_number (person, a_number);
          holder = amparo_store_find_person_by_a_number (self, a_number, &local);
          if (holder != NULL && !amparo_record_is_deleted (record) &&
              amparo_record_get_id (AMPARO_RECORD (holder)) != amparo_record_get_id (record))
            {
              g_autofree char *formatted = amparo_a_number_format (a_number);
              fail (check, AMPARO_STORE_ERROR_DUPLICATE, "a-number",
                    _("A-Number %s already belongs to %s %s. Check the number, or open that client's record."),
                    formatted, amparo_person_get_given_names (holder),
                    amparo_person_get_family_names (holder));
            }
        }
    }

  check_date (check, record, "intake-date", &intake);
}

static void
validate_relationship (Check               *check,
                       AmparoStore         *self,
                       AmparoRelationship  *relationship)
{
  AmparoRecord *record = AMPARO_RECORD (relationship);
  gint64 person_id = amparo_relationship_get_person_id (relationship);
  gint64 relative_id = amparo_relationship_get_relative_id (relationship);
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  GDate date;

  check_reference (check, record, "person-id", _("Choose the person this relationship belongs to."));
  if (check_reference (check, record, "relative-id", _("Choose the relative.")) &&
      person_id == relative_id)
    fail (check, AMPARO_STORE_ERROR_INVALID, "relative-id",
          _("A person cannot be their own relative. Choose another person."));

  check_date (check, record, "separation-date", &date);
  check_date (check, record, "reunification-date", &date);
  check_date (check, record, "status-date", &date);

  if (amparo_record_is_deleted (record) || person_id <= 0 || relative_id <= 0)
    return;
  /* Through the driver: family links are saved on a shared server too
   * (postgres #10). */
  stmt = amparo_store_prepare_stmt (self,
                               "SELECT count(*) FROM relationships WHERE deleted_at IS NULL AND id != ?3"
                               " AND ((person_id = ?1 AND relative_id = ?2) OR (person_id = ?2 AND relative_id = ?1))",
                               &local);
  if (stmt == NULL)
    {
      fail (check, AMPARO_STORE_ERROR_FAILED, NULL, "%s", local->message);
      return;
    }
  amparo_db_bind_int64 (stmt, 1, person_id);
  amparo_db_bind_int64 (stmt, 2, relative_id);
  amparo_db_bind_int64 (stmt, 3, amparo_record_get_id (record));
  if (amparo_db_step (stmt, NULL) == AMPARO_DB_ROW && amparo_db_column_int64 (stmt, 0) > 0)
    fail (check, AMPARO_STORE_ERROR_DUPLICATE, "relative-id",
          _("These two persons are already linked. Edit the existing relationship instead."));
}

static void
validate_location (Check           *check,
                   AmparoStore     *self,
                   AmparoLocation  *location)
{
  AmparoRecord *record = AMPARO_RECORD (location);
  GDate since, until;

  g_date_clear (&since, 1);
  g_date_clear (&until, 1);
  check_reference (check, record, "person-id", _("Choose the person who is or was at this place."));
  if (check_date (check, record, "since", &since))
    check_after_birth (check, self, record, "since", &since);
  check_date (check, record, "until", &until);
  if (g_date_valid (&since) && g_date_valid (&until) && g_date_compare (&until, &since) < 0)
    fail (check, AMPARO_STORE_ERROR_INVALID, "until",
          _("The end date is before the start date."));
}

/* The start is stored in one form ("2024-05-01" or "2024-05-01T09:30")
 * whatever way the time was typed, so every reader finds the time. */
static void
validate_event (Check        *check,
                AmparoStore  *self,
                AmparoEvent  *event)
{
  AmparoRecord *record = AMPARO_RECORD (event);
  const char *starts_at = amparo_event_get_starts_at (event);
  g_autofree char *normalized = NULL;
  GError *local = NULL;
  GDate date;

  check_reference (check, record, "person-id", _("Choose the client this event is for."));
  if (is_blank (starts_at))
    {
      fail (check, AMPARO_STORE_ERROR_INVALID, "starts-at", _("Enter the date of the event."));
      return;
    }
  normalized = amparo_normalize_date_time (starts_at, &local);
  if (normalized == NULL)
    {
      fail_with (check, "starts-at", local);
      return;
    }
  if (g_strcmp0 (normalized, starts_at) != 0)
    amparo_event_set_starts_at (event, normalized);
  if (amparo_parse_date (normalized, &date))
    check_after_birth (check, self, record, "starts-at", &date);
}

static void
validate_membership (Check             *check,
                     AmparoStore       *self,
                     AmparoMembership  *membership)
{
  AmparoRecord *record = AMPARO_RECORD (membership);
  g_autoptr(AmparoLitigation) litigation = NULL;
  GDate separation, from, until;
  gboolean eligible = TRUE;

  g_date_clear (&separation, 1);
  check_reference (check, record, "person-id", _("Choose the class member."));
  check_reference (check, record, "litigation-id", _("Choose the case this membership is in."));
  check_date (check, record, "separation-date", &separation);
  check_date_after_birth (check, self, record, "benefits-start");

  if (amparo_membership_get_litigation_id (membership) <= 0)
    return;
  litigation = amparo_store_get_by_id (self, AMPARO_TYPE_LITIGATION,
                                       amparo_membership_get_litigation_id (membership), NULL);
  if (litigation == NULL)
    {
      fail (check, AMPARO_STORE_ERROR_INVALID, "litigation-id",
            _("Choose the case this membership is in."));
      return;
    }

  /* Where the case defines a class period (Ms. L: separated between
   * 2017-01-20 and 2021-01-20), membership depends on the separation date. */
  if (amparo_parse_date (amparo_litigation_get_class_from (litigation), &from))
    eligible = g_date_valid (&separation) && g_date_compare (&separation, &from) >= 0;
  if (eligible && amparo_parse_date (amparo_litigation_get_class_until (litigation), &until))
    eligible = g_date_valid (&separation) && g_date_compare (&separation, &until) <= 0;
  amparo_membership_set_eligible (membership, eligible);
}

static void
validate_release (Check          *check,
                  AmparoRelease  *release)
{
  AmparoRecord *record = AMPARO_RECORD (release);
  const char *embargo = amparo_release_get_embargo_until (release);
  GDate date;

  if (is_blank (amparo_release_get_title_en (release)) &&
      is_blank (amparo_release_get_title_es (release)))
    fail (check, AMPARO_STORE_ERROR_INVALID, "title-en",
          _("Give the release a title in English or in Spanish."));
  check_one_line (check, record, "title-en");
  check_one_line (check, record, "title-es");
  check_date (check, record, "release-date", &date);
  if (embargo != NULL)
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (embargo, NULL);

      if (parsed == NULL)
        fail (check, AMPARO_STORE_ERROR_INVALID, "embargo-until",
              _("The embargo needs a date, a time and a time zone."));
    }
}

static void
validate_other (Check         *check,
                AmparoRecord  *record)
{
  GDate date;

  if (AMPARO_IS_CONTACT (record))
    {
      check_reference (check, record, "person-id", _("Choose the person this contact belongs to."));
      check_required (check, record, "value", _("Enter the phone number, email or address."));
      check_date (check, record, "last-verified", &date);
    }
  else if (AMPARO_IS_PROCEEDING (record))
    {
      check_reference (check, record, "person-id", _("Choose the client of this proceeding."));
      check_date (check, record, "opened-on", &date);
    }
  else if (AMPARO_IS_EVIDENCE (record))
    {
      check_reference (check, record, "relationship-id", _("Choose the relationship this evidence is for."));
      check_date (check, record, "verified-on", &date);
    }
  else if (AMPARO_IS_LITIGATION (record))
    {
      if (check_required (check, record, "name", _("Enter the name of the case, for example Ms. L v. ICE.")))
        check_one_line (check, record, "name");
      check_date (check, record, "filed-on", &date);
      check_date (check, record, "class-from", &date);
      check_date (check, record, "class-until", &date);
    }
  else if (AMPARO_IS_BENEFIT (record))
    check_reference (check, record, "membership-id", _("Choose the membership this benefit comes from."));
  else if (AMPARO_IS_DEMAND (record))
    {
      if (is_blank (amparo_record_get_string (record, "text-en")) &&
          is_blank (amparo_record_get_string (record, "text-es")))
        fail (check, AMPARO_STORE_ERROR_INVALID, "text-en",
              _("Write the demand in English or in Spanish."));
      check_date (check, record, "first-stated", &date);
    }
  else if (AMPARO_IS_RELEASE_DEMAND (record))
    {
      check_reference (check, record, "release-id", _("Choose the release."));
      check_reference (check, record, "demand-id", _("Choose the demand."));
    }
  else if (AMPARO_IS_DEMAND_UPDATE (record))
    {
      check_reference (check, record, "demand-id", _("Choose the demand."));
      if (check_required (check, record, "update-date", _("Enter the date of the update.")))
        check_date (check, record, "update-date", &date);
    }
  else if (AMPARO_IS_ORGANIZATION (record))
    {
      if (check_required (check, record, "name", _("Enter the organization's name.")))
        check_one_line (check, record, "name");
    }
  /* Reports (#16): the conflict check finds an adverse party by name. */
  else if (AMPARO_IS_ADVERSE_PARTY (record))
    {
      check_reference (check, record, "person-id", _("Choose the client whose case this is."));
      if (check_required (check, record, "party-name", _("Enter the name of the person or organization.")))
        check_one_line (check, record, "party-name");
    }
  else if (AMPARO_IS_JOURNAL_ENTRY (record))
    fail (check, AMPARO_STORE_ERROR_INVALID, NULL, _("The journal cannot be changed."));
}

/* The order the record class declares its columns in, which is the
 * order forms show them in; errors without a field come last. */
static guint
property_rank (GPtrArray    *pspecs,
               const GError *error)
{
  const char *field = amparo_store_error_get_field (error);

  if (field == NULL)
    return G_MAXUINT;
  for (guint i = 0; i < pspecs->len; i++)
    if (g_str_equal (((GParamSpec *) g_ptr_array_index (pspecs, i))->name, field))
      return i;
  return G_MAXUINT - 1;
}

static void
sort_by_property (GPtrArray    *errors,
                  AmparoRecord *record)
{
  g_autoptr(GPtrArray) pspecs = amparo_record_class_list_column_pspecs (G_OBJECT_TYPE (record));

  /* Insertion sort: a handful of errors, and it keeps equal ranks stable. */
  for (guint i = 1; i < errors->len; i++)
    for (guint j = i; j > 0; j--)
      {
        gpointer *data = errors->pdata;

        if (property_rank (pspecs, data[j - 1]) <= property_rank (pspecs, data[j]))
          break;
        gpointer tmp = data[j - 1];
        data[j - 1] = data[j];
        data[j] = tmp;
      }
}

/**
 * amparo_store_validate_all:
 * @record: a record, saved or not
 *
 * Runs every rule amparo_store_save() runs, normalizing values as it does,
 * and gathers every problem instead of stopping at the first, so a form
 * can show each message beside its field at once.
 *
 * Returns: (transfer container) (element-type GError): one error per field
 *   at fault (amparo_store_error_get_field() names it), in the order the
 *   record declares its properties; empty when the record can be saved
 */
GPtrArray *
amparo_store_validate_all (AmparoStore  *self,
                           AmparoRecord *record)
{
  Check check = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free) };

  g_return_val_if_fail (AMPARO_IS_STORE (self), check.errors);
  g_return_val_if_fail (AMPARO_IS_RECORD (record), check.errors);

  if (AMPARO_IS_PERSON (record))
    validate_person (&check, self, AMPARO_PERSON (record));
  else if (AMPARO_IS_RELATIONSHIP (record))
    validate_relationship (&check, self, AMPARO_RELATIONSHIP (record));
  else if (AMPARO_IS_LOCATION (record))
    validate_location (&check, self, AMPARO_LOCATION (record));
  else if (AMPARO_IS_EVENT (record))
    validate_event (&check, self, AMPARO_EVENT (record));
  else if (AMPARO_IS_MEMBERSHIP (record))
    validate_membership (&check, self, AMPARO_MEMBERSHIP (record));
  else if (AMPARO_IS_RELEASE (record))
    validate_release (&check, AMPARO_RELEASE (record));
  else
    validate_other (&check, record);
  sort_by_property (check.errors, record);
  return check.errors;
}

gboolean
amparo_store_normalize_and_validate (AmparoStore   *self,
                                     AmparoRecord  *record,
                                     GError       **error)
{
  g_autoptr(GPtrArray) errors = NULL;

  /* caserecord (#9): hearings' outcomes, consent, evidence… */
  if (!amparo_store_case_validate (self, record, error))
    return FALSE;
  errors = amparo_store_validate_all (self, record);
  if (errors->len == 0)
    return !AMPARO_IS_RELEASE (record) ||
           amparo_store_apply_release_rules (self, AMPARO_RELEASE (record), error);
  g_propagate_error (error, g_ptr_array_steal_index (errors, 0));
  return FALSE;
}

/* Accepts `YYYY-MM-DD`, optionally followed by a time (`T09:30`) as
 * amparo_parse_time() reads it; anything else after the day is refused. */
gboolean
amparo_parse_date (const char *text,
                   GDate      *date)
{
  g_autofree char *time = NULL;

  if (text == NULL || !parse_day (text, NULL, NULL))
    return FALSE;
  if (text[10] != '\0')
    {
      if (text[10] != 'T' && text[10] != ' ')
        return FALSE;
      time = amparo_parse_time (text + 11, NULL);
      if (time == NULL)
        return FALSE;
    }
  return parse_day (text, date, NULL);
}

char *
amparo_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* 2024-01-31 + 1 month = 2024-02-29: GDate clamps to the month's end. */
char *
amparo_date_add_months (const char *iso_date,
                        int         months)
{
  GDate date;

  if (!amparo_parse_date (iso_date, &date))
    return NULL;
  g_date_add_months (&date, months);
  return format_date (&date);
}
