/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-case-private.h"

/*
 * The rules a record must meet before it is written. Messages are shown
 * under the field named by amparo_store_error_get_field(), so they speak
 * about that field and say what to enter instead.
 */

static gboolean
fail (GError     **error,
      int          code,
      const char  *field,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      int          code,
      const char  *field,
      const char  *format,
      ...)
{
  va_list args;
  GError *local;

  va_start (args, format);
  local = g_error_new_valist (AMPARO_STORE_ERROR, code, format, args);
  va_end (args);
  amparo_store_error_set_field (local, field);
  g_propagate_error (error, local);
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

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* A date property must be empty or a real calendar day. */
static gboolean
check_date (AmparoRecord  *record,
            const char    *property,
            GDate         *date,
            GError       **error)
{
  const char *text = amparo_record_get_string (record, property);

  if (text == NULL)
    return TRUE;
  if (!amparo_parse_date (text, date))
    return fail (error, AMPARO_STORE_ERROR_INVALID, property,
                 _("“%s” is not a date. Enter it as year-month-day, for example 2021-02-03."),
                 text);
  return TRUE;
}

static gboolean
check_required (AmparoRecord  *record,
                const char    *property,
                const char    *message,
                GError       **error)
{
  if (is_blank (amparo_record_get_string (record, property)))
    return fail (error, AMPARO_STORE_ERROR_INVALID, property, "%s", message);
  return TRUE;
}

static gboolean
check_reference (AmparoRecord  *record,
                 const char    *property,
                 const char    *message,
                 GError       **error)
{
  if (amparo_record_get_int64 (record, property) <= 0)
    return fail (error, AMPARO_STORE_ERROR_INVALID, property, "%s", message);
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

static gboolean
check_after_birth (AmparoStore   *self,
                   AmparoRecord  *record,
                   const char    *property,
                   GError       **error)
{
  GDate date, birth;

  g_date_clear (&date, 1);
  if (!check_date (record, property, &date, error))
    return FALSE;
  if (!g_date_valid (&date) ||
      !get_birth_limit (self, amparo_record_get_int64 (record, "person-id"), &birth))
    return TRUE;
  if (g_date_compare (&date, &birth) < 0)
    {
      g_autofree char *birth_text = format_date (&birth);
      return fail (error, AMPARO_STORE_ERROR_INVALID, property,
                   _("This date is before the person's date of birth (%s). Check both dates."),
                   birth_text);
    }
  return TRUE;
}

static gboolean
validate_person (AmparoStore   *self,
                 AmparoPerson  *person,
                 GError       **error)
{
  AmparoRecord *record = AMPARO_RECORD (person);
  g_autofree char *a_number = NULL;
  GDate birth, now;

  if (!check_required (record, "given-names",
                       _("Enter the given names. If they are not known, write “Unknown”."), error) ||
      !check_required (record, "family-names",
                       _("Enter the family names. If they are not known, write “Unknown”."), error))
    return FALSE;

  g_date_clear (&birth, 1);
  if (!check_date (record, "birth-date", &birth, error))
    return FALSE;
  today (&now);
  if (g_date_valid (&birth) && g_date_compare (&birth, &now) > 0)
    return fail (error, AMPARO_STORE_ERROR_INVALID, "birth-date",
                 _("The date of birth cannot be in the future."));
  if (!check_date (record, "intake-date", &birth, error))
    return FALSE;

  if (amparo_person_get_a_number (person) != NULL)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(AmparoPerson) holder = NULL;

      a_number = amparo_a_number_normalize (amparo_person_get_a_number (person), error);
      if (a_number == NULL)
        return FALSE;
      amparo_person_set_a_number (person, a_number);

      holder = amparo_store_find_person_by_a_number (self, a_number, &local);
      if (holder != NULL && !amparo_record_is_deleted (record) &&
          amparo_record_get_id (AMPARO_RECORD (holder)) != amparo_record_get_id (record))
        {
          g_autofree char *formatted = amparo_a_number_format (a_number);
          return fail (error, AMPARO_STORE_ERROR_DUPLICATE, "a-number",
                       _("A-Number %s already belongs to %s %s. Check the number, or open that client's record."),
                       formatted, amparo_person_get_given_names (holder),
                       amparo_person_get_family_names (holder));
        }
    }
  return TRUE;
}

static gboolean
validate_relationship (AmparoStore         *self,
                       AmparoRelationship  *relationship,
                       GError             **error)
{
  AmparoRecord *record = AMPARO_RECORD (relationship);
  gint64 person_id = amparo_relationship_get_person_id (relationship);
  gint64 relative_id = amparo_relationship_get_relative_id (relationship);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate date;

  if (!check_reference (record, "person-id", _("Choose the person this relationship belongs to."), error) ||
      !check_reference (record, "relative-id", _("Choose the relative."), error))
    return FALSE;
  if (person_id == relative_id)
    return fail (error, AMPARO_STORE_ERROR_INVALID, "relative-id",
                 _("A person cannot be their own relative. Choose another person."));

  g_date_clear (&date, 1);
  if (!check_date (record, "separation-date", &date, error) ||
      !check_date (record, "reunification-date", &date, error) ||
      !check_date (record, "status-date", &date, error))
    return FALSE;

  if (amparo_record_is_deleted (record))
    return TRUE;
  stmt = amparo_store_prepare (self,
                               "SELECT count(*) FROM relationships WHERE deleted_at IS NULL AND id != ?3"
                               " AND ((person_id = ?1 AND relative_id = ?2) OR (person_id = ?2 AND relative_id = ?1))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, relative_id);
  sqlite3_bind_int64 (stmt, 3, amparo_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    return fail (error, AMPARO_STORE_ERROR_DUPLICATE, "relative-id",
                 _("These two persons are already linked. Edit the existing relationship instead."));
  return TRUE;
}

static gboolean
validate_location (AmparoStore     *self,
                   AmparoLocation  *location,
                   GError         **error)
{
  AmparoRecord *record = AMPARO_RECORD (location);
  GDate since, until;

  g_date_clear (&since, 1);
  g_date_clear (&until, 1);
  if (!check_reference (record, "person-id", _("Choose the person who is or was at this place."), error) ||
      !check_after_birth (self, record, "since", error) ||
      !check_date (record, "since", &since, error) ||
      !check_date (record, "until", &until, error))
    return FALSE;
  if (g_date_valid (&since) && g_date_valid (&until) && g_date_compare (&until, &since) < 0)
    return fail (error, AMPARO_STORE_ERROR_INVALID, "until",
                 _("The end date is before the start date."));
  return TRUE;
}

static gboolean
validate_event (AmparoStore  *self,
                AmparoEvent  *event,
                GError      **error)
{
  AmparoRecord *record = AMPARO_RECORD (event);
  const char *starts_at = amparo_event_get_starts_at (event);
  GDate date;

  if (!check_reference (record, "person-id", _("Choose the client this event is for."), error))
    return FALSE;
  if (starts_at == NULL)
    return fail (error, AMPARO_STORE_ERROR_INVALID, "starts-at", _("Enter the date of the event."));

  /* "2024-05-01" or "2024-05-01T09:30": the day must be real either way. */
  if (!amparo_parse_date (starts_at, &date) ||
      (strlen (starts_at) > 10 && (starts_at[10] != 'T' && starts_at[10] != ' ')))
    return fail (error, AMPARO_STORE_ERROR_INVALID, "starts-at",
                 _("“%s” is not a date. Enter it as year-month-day, for example 2021-02-03."),
                 starts_at);
  return check_after_birth (self, record, "starts-at", error);
}

static gboolean
validate_membership (AmparoStore       *self,
                     AmparoMembership  *membership,
                     GError           **error)
{
  AmparoRecord *record = AMPARO_RECORD (membership);
  g_autoptr(AmparoLitigation) litigation = NULL;
  GDate separation, from, until;
  gboolean eligible = TRUE;

  g_date_clear (&separation, 1);
  if (!check_reference (record, "person-id", _("Choose the class member."), error) ||
      !check_reference (record, "litigation-id", _("Choose the case this membership is in."), error) ||
      !check_date (record, "separation-date", &separation, error) ||
      !check_after_birth (self, record, "benefits-start", error))
    return FALSE;

  litigation = amparo_store_get_by_id (self, AMPARO_TYPE_LITIGATION,
                                       amparo_membership_get_litigation_id (membership), NULL);
  if (litigation == NULL)
    return fail (error, AMPARO_STORE_ERROR_INVALID, "litigation-id",
                 _("Choose the case this membership is in."));

  /* Where the case defines a class period (Ms. L: separated between
   * 2017-01-20 and 2021-01-20), membership depends on the separation date. */
  if (amparo_parse_date (amparo_litigation_get_class_from (litigation), &from))
    eligible = g_date_valid (&separation) && g_date_compare (&separation, &from) >= 0;
  if (eligible && amparo_parse_date (amparo_litigation_get_class_until (litigation), &until))
    eligible = g_date_valid (&separation) && g_date_compare (&separation, &until) <= 0;
  amparo_membership_set_eligible (membership, eligible);
  return TRUE;
}

static gboolean
validate_release (AmparoRelease  *release,
                  GError        **error)
{
  AmparoRecord *record = AMPARO_RECORD (release);
  const char *embargo = amparo_release_get_embargo_until (release);
  GDate date;

  if (is_blank (amparo_release_get_title_en (release)) &&
      is_blank (amparo_release_get_title_es (release)))
    return fail (error, AMPARO_STORE_ERROR_INVALID, "title-en",
                 _("Give the release a title in English or in Spanish."));
  if (!check_date (record, "release-date", &date, error))
    return FALSE;
  if (embargo != NULL)
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (embargo, NULL);

      if (parsed == NULL)
        return fail (error, AMPARO_STORE_ERROR_INVALID, "embargo-until",
                     _("The embargo needs a date, a time and a time zone."));
    }
  return TRUE;
}

static gboolean
validate_other (AmparoStore   *self,
                AmparoRecord  *record,
                GError       **error)
{
  GDate date;

  if (AMPARO_IS_CONTACT (record))
    return check_reference (record, "person-id", _("Choose the person this contact belongs to."), error) &&
           check_required (record, "value", _("Enter the phone number, email or address."), error) &&
           check_date (record, "last-verified", &date, error);
  if (AMPARO_IS_PROCEEDING (record))
    return check_reference (record, "person-id", _("Choose the client of this proceeding."), error) &&
           check_date (record, "opened-on", &date, error);
  if (AMPARO_IS_EVIDENCE (record))
    return check_reference (record, "relationship-id", _("Choose the relationship this evidence is for."), error) &&
           check_date (record, "verified-on", &date, error);
  if (AMPARO_IS_LITIGATION (record))
    return check_required (record, "name", _("Enter the name of the case, for example Ms. L v. ICE."), error) &&
           check_date (record, "filed-on", &date, error) &&
           check_date (record, "class-from", &date, error) &&
           check_date (record, "class-until", &date, error);
  if (AMPARO_IS_BENEFIT (record))
    return check_reference (record, "membership-id", _("Choose the membership this benefit comes from."), error);
  if (AMPARO_IS_DEMAND (record))
    {
      if (is_blank (amparo_record_get_string (record, "text-en")) &&
          is_blank (amparo_record_get_string (record, "text-es")))
        return fail (error, AMPARO_STORE_ERROR_INVALID, "text-en",
                     _("Write the demand in English or in Spanish."));
      return check_date (record, "first-stated", &date, error);
    }
  if (AMPARO_IS_RELEASE_DEMAND (record))
    return check_reference (record, "release-id", _("Choose the release."), error) &&
           check_reference (record, "demand-id", _("Choose the demand."), error);
  if (AMPARO_IS_DEMAND_UPDATE (record))
    return check_reference (record, "demand-id", _("Choose the demand."), error) &&
           check_required (record, "update-date", _("Enter the date of the update."), error) &&
           check_date (record, "update-date", &date, error);
  if (AMPARO_IS_ORGANIZATION (record))
    return check_required (record, "name", _("Enter the organization's name."), error);
  if (AMPARO_IS_JOURNAL_ENTRY (record))
    return fail (error, AMPARO_STORE_ERROR_INVALID, NULL, _("The journal cannot be changed."));
  return TRUE;
}

gboolean
amparo_store_normalize_and_validate (AmparoStore   *self,
                                     AmparoRecord  *record,
                                     GError       **error)
{
  /* caserecord (#9): hearings' outcomes, consent, evidence… */
  if (!amparo_store_case_validate (self, record, error))
    return FALSE;
  if (AMPARO_IS_PERSON (record))
    return validate_person (self, AMPARO_PERSON (record), error);
  if (AMPARO_IS_RELATIONSHIP (record))
    return validate_relationship (self, AMPARO_RELATIONSHIP (record), error);
  if (AMPARO_IS_LOCATION (record))
    return validate_location (self, AMPARO_LOCATION (record), error);
  if (AMPARO_IS_EVENT (record))
    return validate_event (self, AMPARO_EVENT (record), error);
  if (AMPARO_IS_MEMBERSHIP (record))
    return validate_membership (self, AMPARO_MEMBERSHIP (record), error);
  if (AMPARO_IS_RELEASE (record))
    return validate_release (AMPARO_RELEASE (record), error);
  return validate_other (self, record, error);
}

/* Accepts `YYYY-MM-DD`, optionally followed by a time (`T09:30…`). */
gboolean
amparo_parse_date (const char *text,
                   GDate      *date)
{
  guint64 year, month, day;
  char buf[5];

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-' ||
      (text[10] != '\0' && text[10] != 'T' && text[10] != ' '))
    return FALSE;

  memcpy (buf, text, 4); buf[4] = '\0';
  if (!g_ascii_string_to_unsigned (buf, 10, 1, 9999, &year, NULL))
    return FALSE;
  memcpy (buf, text + 5, 2); buf[2] = '\0';
  if (!g_ascii_string_to_unsigned (buf, 10, 1, 12, &month, NULL))
    return FALSE;
  memcpy (buf, text + 8, 2); buf[2] = '\0';
  if (!g_ascii_string_to_unsigned (buf, 10, 1, 31, &day, NULL))
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
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
