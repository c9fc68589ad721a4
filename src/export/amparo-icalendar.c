/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-icalendar.h"
#include "amparo-date-format.h"
#include "amparo-private-file.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

/* RFC 5545 written by libical, as GNOME Calendar and Evolution do: it
 * escapes TEXT values, folds lines at 75 octets and ends them with CRLF.
 * A timed event is written in its zone (TZID=America/Los_Angeles) with
 * that zone's VTIMEZONE in the file, so a hearing at 09:30 in Los Angeles
 * stays 09:30 Pacific on a desk in New York. METHOD:PUBLISH, because
 * Outlook treats a file without it as an invitation. */

#define HEARING_LENGTH_SECONDS 3600

typedef struct
{
  AmparoStore *store;
  GHashTable  *persons;      /* id → AmparoPerson */
  GHashTable  *proceedings;  /* id → AmparoProceeding */
  GHashTable  *zones;        /* IANA name → ZoneUse */
  GPtrArray   *vevents;      /* icalcomponent, written after the zones */
} Lookup;

/* A zone the file needs, and its earliest use: its VTIMEZONE is cut to the
 * rules in force from then on, not every change since 1883. */
typedef struct
{
  icaltimezone        *zone;
  struct icaltimetype  earliest_utc;
} ZoneUse;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->persons, g_hash_table_unref);
  g_clear_pointer (&lookup->proceedings, g_hash_table_unref);
  g_clear_pointer (&lookup->zones, g_hash_table_unref);
  g_clear_pointer (&lookup->vevents, g_ptr_array_unref);
}

static gpointer
lookup_record (Lookup     *lookup,
               GHashTable *cache,
               GType       type,
               gint64      id)
{
  gpointer record;

  if (id == 0)
    return NULL;
  if (g_hash_table_lookup_extended (cache, &id, NULL, &record))
    return record;
  record = amparo_store_get_by_id (lookup->store, type, id, NULL);
  g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), record);
  return record;
}

static void
lookup_init (Lookup      *lookup,
             AmparoStore *store)
{
  lookup->store = store;
  lookup->persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_object_unref);
  lookup->proceedings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_object_unref);
  lookup->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookup->vevents = g_ptr_array_new_with_free_func ((GDestroyNotify) icalcomponent_free);
}

static char *
person_name (AmparoPerson *person)
{
  if (person == NULL)
    return g_strdup ("");
  return g_strstrip (g_strdup_printf ("%s %s",
                                      amparo_person_get_given_names (person) ?: "",
                                      amparo_person_get_family_names (person) ?: ""));
}

/* No TEXT may hold control characters but line breaks; libical escapes
 * the rest (backslash, semicolon, comma, newline). */
static char *
clean_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (*p == '\n' || ((guchar) *p >= 0x20 && *p != 0x7f))
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
add_text (icalcomponent *component,
          icalproperty  *(*make) (const char *),
          const char    *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL || *text == '\0')
    return;
  clean = clean_text (text);
  icalcomponent_add_property (component, make (clean));
}

static gboolean
parse_start (const char *starts_at,
             int        *y,
             int        *m,
             int        *d,
             int        *hour,
             int        *minute)
{
  *hour = *minute = -1;
  if (starts_at == NULL || sscanf (starts_at, "%4d-%2d-%2d", y, m, d) != 3)
    return FALSE;
  if (!g_date_valid_dmy (*d, *m, *y))
    return FALSE;
  if (strlen (starts_at) >= 16 && starts_at[10] == 'T' &&
      sscanf (starts_at + 11, "%2d:%2d", hour, minute) == 2 &&
      (*hour < 0 || *hour > 23 || *minute < 0 || *minute > 59))
    *hour = *minute = -1;
  return TRUE;
}

/* The one place that says in which zone an event's wall-clock time is:
 * the event's own time-zone (the court's), else the store's default (the
 * machine's, which is the office's).
 *
 * Returns: (transfer full): an IANA name such as America/Los_Angeles */
static char *
event_zone_name (AmparoEvent *event)
{
  const char *zone = amparo_event_get_time_zone (event);

  if (zone == NULL || *zone == '\0')
    return amparo_store_default_time_zone ();
  /* TZ=":America/New_York" is a valid spelling of the same zone. */
  return g_strdup (zone[0] == ':' ? zone + 1 : zone);
}

static void
note_zone_use (Lookup              *lookup,
               icaltimezone        *zone,
               struct icaltimetype  start)
{
  const char *name = icaltimezone_get_location (zone);
  struct icaltimetype utc = icaltime_convert_to_zone (start, icaltimezone_get_utc_timezone ());
  ZoneUse *use = g_hash_table_lookup (lookup->zones, name);

  if (use == NULL)
    {
      use = g_new0 (ZoneUse, 1);
      use->zone = zone;
      use->earliest_utc = utc;
      g_hash_table_insert (lookup->zones, g_strdup (name), use);
    }
  else if (icaltime_compare (utc, use->earliest_utc) < 0)
    use->earliest_utc = utc;
}

/* libical names a system zone "/freeassociation.sourceforge.net/America/…";
 * Google, Outlook and Python resolve the IANA name alone, so the file uses
 * that in the VTIMEZONE and in every TZID parameter. */
static void
add_zones (Lookup        *lookup,
           icalcomponent *calendar)
{
  GHashTableIter iter;
  const char *name;
  ZoneUse *use;

  g_hash_table_iter_init (&iter, lookup->zones);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &use))
    {
      icalcomponent *vtimezone = icalcomponent_new_clone (icaltimezone_get_component (use->zone));
      icalproperty *tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      icaltimezone_truncate_vtimezone (vtimezone, use->earliest_utc, icaltime_null_time (), 1);
      if (tzid != NULL)
        icalproperty_set_tzid (tzid, name);
      icalcomponent_add_component (calendar, vtimezone);
    }
}

static icalproperty *
with_tzid (icalproperty *property,
           icaltimezone *zone)
{
  if (zone != NULL)
    icalproperty_add_parameter (property, icalparameter_new_tzid (icaltimezone_get_location (zone)));
  return property;
}

static void
set_all_day (icalcomponent *vevent,
             int            y,
             int            m,
             int            d)
{
  struct icaltimetype start = icaltime_null_date ();
  struct icaltimetype end;

  start.year = y;
  start.month = m;
  start.day = d;
  /* DTEND is exclusive; Outlook shows an all-day event only with it. */
  end = start;
  icaltime_adjust (&end, 1, 0, 0, 0);
  icalcomponent_set_dtstart (vevent, start);
  icalcomponent_set_dtend (vevent, end);
}

static void
set_timed (Lookup        *lookup,
           icalcomponent *vevent,
           AmparoEvent   *event,
           int            y,
           int            m,
           int            d,
           int            hour,
           int            minute)
{
  g_autofree char *zone_name = event_zone_name (event);
  icaltimezone *zone = icaltimezone_get_builtin_timezone (zone_name);
  struct icaltimetype start = icaltime_null_time ();
  struct icaltimetype end;

  start.year = y;
  start.month = m;
  start.day = d;
  start.hour = hour;
  start.minute = minute;
  if (zone != NULL && icaltimezone_get_component (zone) != NULL)
    {
      /* Wall-clock time with TZID=<zone>: written as typed, no Z. */
      note_zone_use (lookup, zone, icaltime_set_timezone (&start, zone));
    }
  else
    {
      /* UTC, or a zone libical cannot describe: the same instant in UTC. */
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone_name);
      g_autoptr(GDateTime) local = NULL;

      if (tz == NULL)
        tz = g_time_zone_new_local ();
      local = g_date_time_new (tz, y, m, d, hour, minute, 0);
      zone = NULL;
      start = icaltime_from_timet_with_zone (g_date_time_to_unix (local), 0,
                                             icaltimezone_get_utc_timezone ());
    }
  end = start;
  icaltime_adjust (&end, 0, 0, 0, HEARING_LENGTH_SECONDS);
  icalcomponent_add_property (vevent, with_tzid (icalproperty_new_dtstart (start), zone));
  icalcomponent_add_property (vevent, with_tzid (icalproperty_new_dtend (end), zone));
}

/* Appends one "Label: value" line, unless @value is empty. */
static void append_labelled (GString    *text,
                             const char *value,
                             const char *format,
                             ...) G_GNUC_PRINTF (3, 4);

static void
append_labelled (GString    *text,
                 const char *value,
                 const char *format,
                 ...)
{
  va_list args;

  if (value == NULL || *value == '\0')
    return;
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
  g_string_append_c (text, '\n');
}

static char *
describe_event (const char       *title,
                AmparoPerson     *person,
                AmparoProceeding *proceeding)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *a_number = NULL;

  append_labelled (text, title, "%s", title);
  if (person != NULL)
    a_number = amparo_a_number_format (amparo_person_get_a_number (person));
  append_labelled (text, a_number, _("A-Number: %s"), a_number);
  if (proceeding != NULL)
    {
      append_labelled (text, amparo_proceeding_get_court (proceeding), _("Court: %s"),
                       amparo_proceeding_get_court (proceeding));
      append_labelled (text, amparo_proceeding_get_case_number (proceeding), _("Case number: %s"),
                       amparo_proceeding_get_case_number (proceeding));
      append_labelled (text, amparo_proceeding_get_judge (proceeding), _("Judge: %s"),
                       amparo_proceeding_get_judge (proceeding));
    }

  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static icalcomponent *
new_alarm (const char *summary)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger = { 0 };

  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_from_int (-24 * 60 * 60);
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  add_text (alarm, icalproperty_new_description, summary);
  return alarm;
}

static void
add_event (Lookup              *lookup,
           AmparoEvent         *event,
           struct icaltimetype  stamp)
{
  AmparoPerson *person = lookup_record (lookup, lookup->persons, AMPARO_TYPE_PERSON,
                                        amparo_event_get_person_id (event));
  AmparoProceeding *proceeding = lookup_record (lookup, lookup->proceedings, AMPARO_TYPE_PROCEEDING,
                                                amparo_event_get_proceeding_id (event));
  g_autofree char *uid = g_strconcat (amparo_record_get_uid (AMPARO_RECORD (event)),
                                      "@" AMPARO_ICALENDAR_UID_DOMAIN, NULL);
  g_autofree char *name = person_name (person);
  /* Named in the language of the file's other words; a benefit's end
   * says which benefit. */
  g_autofree char *title = amparo_event_dup_title (lookup->store, event, amparo_translation_language ());
  gboolean benefit = amparo_event_get_kind (event) == AMPARO_EVENT_KIND_BENEFIT_END && title != NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = describe_event (title, person, proceeding);
  icalcomponent *vevent;
  int y, m, d, hour, minute;

  if (!parse_start (amparo_event_get_starts_at (event), &y, &m, &d, &hour, &minute))
    return;

  /* Translators: an exported calendar event's title: "Hearing: María López" */
  summary = g_strdup_printf (_("%s: %s"), benefit ? title : amparo_event_kind_get_label (amparo_event_get_kind (event)),
                             name);

  vevent = icalcomponent_new_vevent ();
  add_text (vevent, icalproperty_new_uid, uid);
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (stamp));
  if (hour < 0)
    set_all_day (vevent, y, m, d);
  else
    set_timed (lookup, vevent, event, y, m, d, hour, minute);
  add_text (vevent, icalproperty_new_summary, summary);
  add_text (vevent, icalproperty_new_location, amparo_event_get_place (event));
  add_text (vevent, icalproperty_new_description, description);
  icalcomponent_add_property (vevent, icalproperty_new_transp (hour < 0 ? ICAL_TRANSP_TRANSPARENT
                                                                        : ICAL_TRANSP_OPAQUE));
  if (amparo_event_get_done (event))
    icalcomponent_add_property (vevent, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  else
    icalcomponent_add_component (vevent, new_alarm (summary));
  g_ptr_array_add (lookup->vevents, vevent);
}

/**
 * amparo_icalendar_build:
 * @store: the case store the events belong to
 * @events: a #GListModel of #AmparoEvent
 * @stamp: (nullable): the DTSTAMP to write; now when %NULL
 *
 * Returns: (transfer full): a VCALENDAR with one VEVENT per event
 */
char *
amparo_icalendar_build (AmparoStore *store,
                        GListModel  *events,
                        GDateTime   *stamp)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  icalcomponent *calendar;
  icalproperty *name;
  struct icaltimetype stamp_time;
  Lookup lookup;
  char *text;
  guint n;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  stamp_time = icaltime_from_timet_with_zone (g_date_time_to_unix (stamp != NULL ? stamp : now), 0,
                                              icaltimezone_get_utc_timezone ());
  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Amparo//Amparo " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  name = icalproperty_new_x (_("Amparo Agenda"));
  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, name);

  lookup_init (&lookup, store);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);

      add_event (&lookup, event, stamp_time);
    }
  /* The zones first: some readers resolve a TZID only once they saw it. */
  add_zones (&lookup, calendar);
  while (lookup.vevents->len > 0)
    icalcomponent_add_component (calendar, g_ptr_array_steal_index (lookup.vevents, 0));
  lookup_clear (&lookup);

  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
  return text;
}

/**
 * amparo_icalendar_journal:
 * @destination: (nullable): where the file went, for the journal
 *
 * Journals the export once for each client whose events are in @events,
 * in one transaction: who took a child's court dates out of the store.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_icalendar_journal (AmparoStore  *store,
                          GListModel   *events,
                          const char   *destination,
                          GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *details = g_strdup_printf ("iCalendar: %s", destination ?: "");
  guint n = g_list_model_get_n_items (events);

  if (!amparo_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);
      g_autoptr(AmparoPerson) person = NULL;
      gint64 id = amparo_event_get_person_id (event);

      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      person = amparo_store_get_by_id (store, AMPARO_TYPE_PERSON, id, NULL);
      if (person != NULL &&
          !amparo_store_log_action (store, AMPARO_JOURNAL_ACTION_EXPORT,
                                    AMPARO_RECORD (person), details, error))
        {
          amparo_store_rollback (store);
          return FALSE;
        }
    }
  return amparo_store_commit (store, error);
}

typedef struct
{
  AmparoStore *store;
  GListModel  *events;
} JournalEvents;

static gboolean
journal_events_cb (const char  *path,
                   gpointer     user_data,
                   GError     **error)
{
  JournalEvents *journal = user_data;

  return amparo_icalendar_journal (journal->store, journal->events, path, error);
}

/**
 * amparo_icalendar_write:
 * @path: the file to write (replaced if it exists)
 *
 * Writes @events as an `.ics` file and journals the export.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_icalendar_write (AmparoStore  *store,
                        GListModel   *events,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *text = amparo_icalendar_build (store, events, NULL);
  JournalEvents journal = { store, events };

  /* 0600, and only once journaled (reliability, #11). */
  return amparo_private_file_write (path, text, strlen (text), journal_events_cb, &journal, error);
}

/**
 * amparo_icalendar_write_person:
 * @person: a saved person
 *
 * Writes all of @person's events (past and done ones too) as an `.ics`
 * file and journals the export.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_icalendar_write_person (AmparoStore  *store,
                               AmparoPerson *person,
                               const char   *path,
                               GError      **error)
{
  g_autoptr(GListModel) events = NULL;

  g_return_val_if_fail (AMPARO_IS_PERSON (person), FALSE);

  events = amparo_store_list_events (store, person);
  return amparo_icalendar_write (store, events, path, error);
}
