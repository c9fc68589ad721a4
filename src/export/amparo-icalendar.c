/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-icalendar.h"
#include "amparo-private-file.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* RFC 5545 as the four calendars we must feed actually read it: CRLF
 * line ends, lines folded at 75 octets without splitting a UTF-8
 * character, TEXT values escaped, METHOD:PUBLISH (Outlook treats a file
 * without it as an invitation), and timed events in UTC so no VTIMEZONE
 * is needed (Outlook and Google reject a TZID they cannot resolve). */

#define MAX_LINE_OCTETS 75

typedef struct
{
  AmparoStore *store;
  GHashTable  *persons;      /* id → AmparoPerson */
  GHashTable  *proceedings;  /* id → AmparoProceeding */
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->persons, g_hash_table_unref);
  g_clear_pointer (&lookup->proceedings, g_hash_table_unref);
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

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = g_strconcat (name, ":", value, NULL);
  amparo_icalendar_append_line (out, line);
}

static void
append_text_property (GString    *out,
                      const char *name,
                      const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = amparo_icalendar_escape_text (text);
  append_property (out, name, escaped);
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

static void
append_all_day (GString *out,
                int      y,
                int      m,
                int      d)
{
  GDate date;
  g_autofree char *start = g_strdup_printf ("DTSTART;VALUE=DATE:%04d%02d%02d", y, m, d);
  g_autofree char *end = NULL;

  /* DTEND is exclusive; Outlook shows an all-day event only with it. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_add_days (&date, 1);
  end = g_strdup_printf ("DTEND;VALUE=DATE:%04d%02d%02d", g_date_get_year (&date),
                         g_date_get_month (&date), g_date_get_day (&date));
  amparo_icalendar_append_line (out, start);
  amparo_icalendar_append_line (out, end);
}

static void
append_timed (GString *out,
              int      y,
              int      m,
              int      d,
              int      hour,
              int      minute)
{
  /* starts-at is the office's local time. */
  g_autoptr(GDateTime) local = g_date_time_new_local (y, m, d, hour, minute, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);
  g_autoptr(GDateTime) utc_end = g_date_time_add_hours (utc, 1);
  g_autofree char *start = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  g_autofree char *end = g_date_time_format (utc_end, "%Y%m%dT%H%M%SZ");

  append_property (out, "DTSTART", start);
  append_property (out, "DTEND", end);
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
describe_event (AmparoEvent      *event,
                AmparoPerson     *person,
                AmparoProceeding *proceeding)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *a_number = NULL;

  append_labelled (text, amparo_event_get_title (event), "%s", amparo_event_get_title (event));
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

static void
append_alarm (GString    *out,
              const char *summary)
{
  amparo_icalendar_append_line (out, "BEGIN:VALARM");
  amparo_icalendar_append_line (out, "ACTION:DISPLAY");
  amparo_icalendar_append_line (out, "TRIGGER:-P1D");
  append_text_property (out, "DESCRIPTION", summary);
  amparo_icalendar_append_line (out, "END:VALARM");
}

static void
append_event (GString     *out,
              Lookup      *lookup,
              AmparoEvent *event,
              const char  *stamp)
{
  AmparoPerson *person = lookup_record (lookup, lookup->persons, AMPARO_TYPE_PERSON,
                                        amparo_event_get_person_id (event));
  AmparoProceeding *proceeding = lookup_record (lookup, lookup->proceedings, AMPARO_TYPE_PROCEEDING,
                                                amparo_event_get_proceeding_id (event));
  g_autofree char *uid = g_strconcat (amparo_record_get_uid (AMPARO_RECORD (event)),
                                      "@" AMPARO_ICALENDAR_UID_DOMAIN, NULL);
  g_autofree char *name = person_name (person);
  g_autofree char *summary = NULL;
  g_autofree char *description = describe_event (event, person, proceeding);
  int y, m, d, hour, minute;

  if (!parse_start (amparo_event_get_starts_at (event), &y, &m, &d, &hour, &minute))
    return;

  /* Translators: an exported calendar event's title: "Hearing: María López" */
  summary = g_strdup_printf (_("%s: %s"), amparo_event_kind_get_label (amparo_event_get_kind (event)), name);

  amparo_icalendar_append_line (out, "BEGIN:VEVENT");
  append_text_property (out, "UID", uid);
  append_property (out, "DTSTAMP", stamp);
  if (hour < 0)
    append_all_day (out, y, m, d);
  else
    append_timed (out, y, m, d, hour, minute);
  append_text_property (out, "SUMMARY", summary);
  append_text_property (out, "LOCATION", amparo_event_get_place (event));
  append_text_property (out, "DESCRIPTION", description);
  amparo_icalendar_append_line (out, hour < 0 ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE");
  if (amparo_event_get_done (event))
    amparo_icalendar_append_line (out, "STATUS:CONFIRMED");
  else
    append_alarm (out, summary);
  amparo_icalendar_append_line (out, "END:VEVENT");
}

/**
 * amparo_icalendar_escape_text:
 * @text: a TEXT value as typed
 *
 * Escapes backslash, semicolon, comma and line breaks as RFC 5545 3.3.11
 * asks, and drops other control characters, which no TEXT may hold.
 *
 * Returns: (transfer full): the escaped value
 */
char *
amparo_icalendar_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * amparo_icalendar_append_line:
 * @out: the file being written
 * @line: one content line, without its line end
 *
 * Appends @line folded to lines of at most 75 octets (continuations start
 * with a space, which counts), never inside a UTF-8 character, each ended
 * by CRLF.
 */
void
amparo_icalendar_append_line (GString    *out,
                              const char *line)
{
  gsize len = strlen (line);
  gsize start = 0;
  gsize limit = MAX_LINE_OCTETS;

  while (len - start > limit)
    {
      gsize cut = start + limit;

      /* Step back to the first byte of a UTF-8 character. */
      while (cut > start && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, cut - start);
      g_string_append (out, "\r\n ");
      start = cut;
      limit = MAX_LINE_OCTETS - 1;
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
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
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) stamp_utc = g_date_time_to_utc (stamp != NULL ? stamp : now);
  g_autofree char *stamp_text = g_date_time_format (stamp_utc, "%Y%m%dT%H%M%SZ");
  Lookup lookup;
  guint n;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  lookup_init (&lookup, store);
  amparo_icalendar_append_line (out, "BEGIN:VCALENDAR");
  amparo_icalendar_append_line (out, "VERSION:2.0");
  amparo_icalendar_append_line (out, "PRODID:-//Amparo//Amparo " PACKAGE_VERSION "//EN");
  amparo_icalendar_append_line (out, "CALSCALE:GREGORIAN");
  amparo_icalendar_append_line (out, "METHOD:PUBLISH");
  append_text_property (out, "X-WR-CALNAME", _("Amparo Agenda"));

  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);

      append_event (out, &lookup, event, stamp_text);
    }

  amparo_icalendar_append_line (out, "END:VCALENDAR");
  lookup_clear (&lookup);
  return g_string_free (g_steal_pointer (&out), FALSE);
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
