/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "amparo-client-notice.h"
#include "amparo-csv.h"
#include "amparo-icalendar.h"
#include "amparo-store.h"

/* The client-facing outputs on a real store in a temporary file: the
 * calendar file as strict calendar programs read it, the PDF notice as a
 * client reads it, and the spreadsheet both ways. */

typedef struct
{
  char        *dir;
  AmparoStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("amparo-agenda-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = amparo_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", path);
          g_assert_cmpint (system (cmd), ==, 0);
        }
      else
        g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static AmparoPerson *
add_person (AmparoStore *store,
            const char  *given,
            const char  *family,
            const char  *a_number)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_a_number (person, a_number);
  amparo_person_set_assigned_staff (person, "Ana Ruiz");
  amparo_store_save (store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&person);
}

static AmparoEvent *
add_event (AmparoStore     *store,
           AmparoPerson    *person,
           AmparoEventKind  kind,
           const char      *starts_at,
           const char      *place)
{
  g_autoptr(AmparoEvent) event = amparo_event_new ();
  g_autoptr(GError) error = NULL;

  amparo_event_set_person_id (event, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_event_set_kind (event, kind);
  amparo_event_set_starts_at (event, starts_at);
  amparo_event_set_place (event, place);
  amparo_store_save (store, AMPARO_RECORD (event), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

/* A date in December that is still ahead, so the notice lists it. */
static int
coming_december_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (g_date_time_get_month (now) == 12 && g_date_time_get_day_of_month (now) >= 15)
    year++;
  return year;
}

static gboolean
run (const char  *command_line,
     char       **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored = NULL;
  int status = -1;

  /* Always capture: the child's report must not mix with our TAP output. */
  if (!g_spawn_command_line_sync (command_line, out ? out : &ignored, NULL, &status, &error))
    return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* iCalendar */

static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_ics_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* No bare LF and no bare CR. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_assert_true (p > text && p[-1] == '\r');
      if (*p == '\r')
        g_assert_true (p[1] == '\n');
    }
  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* Folding never splits a UTF-8 character. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_cmpuint (strlen (lines[i]), >, 0);
    }
}

static void
assert_ics_structure (const char *unfolded,
                      guint       expected_events)
{
  g_auto(GStrv) lines = g_strsplit (unfolded, "\r\n", -1);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint events = 0;
  gboolean uid = FALSE, stamp = FALSE, start = FALSE;

  g_assert_cmpstr (lines[0], ==, "BEGIN:VCALENDAR");
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "BEGIN:"))
        g_ptr_array_add (stack, (gpointer) (line + 6));
      else if (g_str_has_prefix (line, "END:"))
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, line + 4);
          if (g_str_equal (line, "END:VEVENT"))
            {
              g_assert_true (uid && stamp && start);
              uid = stamp = start = FALSE;
              events++;
            }
          g_ptr_array_remove_index (stack, stack->len - 1);
        }
      uid |= g_str_has_prefix (line, "UID:");
      stamp |= g_str_has_prefix (line, "DTSTAMP:");
      start |= g_str_has_prefix (line, "DTSTART");
      g_assert_nonnull (strchr (line, ':'));
    }
  g_assert_cmpuint (stack->len, ==, 0);
  g_assert_cmpuint (events, ==, expected_events);
  g_assert_nonnull (strstr (unfolded, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nPRODID:"));
}

static const char python_check[] =
  "import sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "events = cal.walk('VEVENT')\n"
  "for e in events:\n"
  "    assert e.get('uid') and e.get('dtstart') and e.get('dtstamp')\n"
  "print(len(events))\n"
  "print(events[0].get('location'))\n";

static void
test_icalendar_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "José Ángel", "Núñez; \"Pepe\", Jr.", "A-012-345-678");
  g_autofree char *path = fixture_path (fixture, "agenda.ics");
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *uid_line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoEvent) hearing = NULL;
  g_autoptr(AmparoEvent) deadline = NULL;
  g_autoptr(GListStore) events = g_list_store_new (AMPARO_TYPE_EVENT);
  g_autoptr(GListModel) journal = NULL;
  g_autofree char *python = NULL;
  g_autofree char *out = NULL;

  hearing = add_event (fixture->store, person, AMPARO_EVENT_KIND_HEARING, "2026-12-15T09:30",
                       "Immigration Court, 606 S. Olive St.; Room 1520\nLos Ángeles, CA — señalización «ñ» ✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓ \\ end");
  deadline = add_event (fixture->store, person, AMPARO_EVENT_KIND_FILING_DEADLINE, "2026-12-20", NULL);
  g_list_store_append (events, hearing);
  g_list_store_append (events, deadline);

  g_assert_true (amparo_icalendar_write (fixture->store, G_LIST_MODEL (events), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  assert_ics_lines (text);
  unfolded = unfold (text);
  assert_ics_structure (unfolded, 2);

  uid_line = g_strdup_printf ("\r\nUID:%s@" AMPARO_ICALENDAR_UID_DOMAIN "\r\n",
                              amparo_record_get_uid (AMPARO_RECORD (hearing)));
  g_assert_nonnull (strstr (unfolded, uid_line));
  g_assert_nonnull (strstr (unfolded, "\r\nDTSTART;VALUE=DATE:20261220\r\nDTEND;VALUE=DATE:20261221\r\n"));
  /* In this machine's zone (TZID and a VTIMEZONE), or in UTC when libical
   * cannot describe the zone. */
  g_assert_true (strstr (unfolded, "\r\nDTSTART;TZID=") != NULL ||
                 strstr (unfolded, "\r\nDTSTART:20261215T") != NULL);
  g_assert_nonnull (strstr (unfolded, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTRIGGER:-P1D\r\n"));
  g_assert_nonnull (strstr (unfolded, "LOCATION:Immigration Court\\, 606 S. Olive St.\\; Room 1520\\nLos Ángeles"));
  g_assert_nonnull (strstr (unfolded, "\\\\ end"));
  g_assert_nonnull (strstr (unfolded, "Núñez\\; \"Pepe\"\\, Jr."));
  g_assert_nonnull (strstr (unfolded, "A-012-345-678"));
  /* The long LOCATION had to be folded. */
  g_assert_nonnull (strstr (text, "\r\n "));

  /* Who exported the client's dates is in the journal. */
  journal = amparo_store_list_journal (fixture->store);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
      {
        g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);
        found |= amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_EXPORT &&
                 g_strcmp0 (amparo_journal_entry_get_record_uid (entry),
                            amparo_record_get_uid (AMPARO_RECORD (person))) == 0;
      }
    g_assert_true (found);
  }

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ||
      !run ("/usr/bin/python3 -c 'import icalendar'", NULL))
    {
      g_test_message ("python3-icalendar not installed; strict line check only");
      return;
    }
  python = g_strdup_printf ("/usr/bin/python3 -c \"%s\" %s", python_check, path);
  {
    g_autofree char *script = fixture_path (fixture, "check.py");
    g_autofree char *cmd = NULL;

    g_assert_true (g_file_set_contents (script, python_check, -1, NULL));
    cmd = g_strdup_printf ("/usr/bin/python3 %s %s", script, path);
    g_assert_true (run (cmd, &out));
  }
  g_assert_true (g_str_has_prefix (out, "2\n"));
  g_assert_nonnull (strstr (out, "Room 1520\nLos Ángeles"));
}

static void
test_icalendar_person (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "Lucía", "Pérez", NULL);
  g_autoptr(AmparoPerson) other = add_person (fixture->store, "Mario", "Soto", NULL);
  g_autoptr(AmparoEvent) mine = add_event (fixture->store, person, AMPARO_EVENT_KIND_CHECK_IN, "2026-12-01T08:00", "ICE, 300 N Los Angeles St");
  g_autoptr(AmparoEvent) theirs = add_event (fixture->store, other, AMPARO_EVENT_KIND_HEARING, "2026-12-02T08:00", NULL);
  g_autofree char *path = fixture_path (fixture, "lucia.ics");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_icalendar_write_person (fixture->store, person, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  assert_ics_structure (text, 1);
  g_assert_nonnull (strstr (text, amparo_record_get_uid (AMPARO_RECORD (mine))));
  g_assert_null (strstr (text, amparo_record_get_uid (AMPARO_RECORD (theirs))));
}

/* A long title of accented letters folds at 75 octets without splitting
 * a character, and unfolds to the same text. */
static void
test_icalendar_fold_utf8 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) family = g_string_new (NULL);
  g_autoptr(AmparoPerson) person = NULL;
  g_autoptr(AmparoEvent) event = NULL;
  g_autoptr(GListStore) events = g_list_store_new (AMPARO_TYPE_EVENT);
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *expected = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append (family, "ñ");
  person = add_person (fixture->store, "Íñigo", family->str, NULL);
  event = add_event (fixture->store, person, AMPARO_EVENT_KIND_HEARING, "2026-12-15",
                     "a\\b;c,d\ne\r\nf\001g");
  g_list_store_append (events, event);
  text = amparo_icalendar_build (fixture->store, G_LIST_MODEL (events), NULL);
  assert_ics_lines (text);
  unfolded = unfold (text);
  assert_ics_structure (unfolded, 1);
  expected = g_strdup_printf ("Íñigo %s", family->str);
  g_assert_nonnull (strstr (unfolded, expected));
  /* TEXT escaped as RFC 5545 3.3.11 asks; the control character dropped. */
  g_assert_nonnull (strstr (unfolded, "\r\nLOCATION:a\\\\b\\;c\\,d\\ne\\nfg\r\n"));
}

static const char python_zone_check[] =
  "import sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "start = cal.walk('VEVENT')[0].get('dtstart').dt\n"
  "print(start.strftime('%Y-%m-%d %H:%M'), start.utcoffset().total_seconds() / 3600,\n"
  "      str(start.tzinfo))\n";

/* The court's zone travels with the file: a hearing at 09:30 in Los
 * Angeles reads 09:30 Pacific (UTC-8 in December) on a desk whose zone is
 * New York, instead of 09:30 there or a bare UTC time. */
static void
test_icalendar_court_zone (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "Rosa", "Ixcoy", NULL);
  g_autoptr(AmparoEvent) hearing = NULL;
  g_autoptr(AmparoEvent) utc_interview = NULL;
  g_autoptr(GListStore) events = g_list_store_new (AMPARO_TYPE_EVENT);
  g_autofree char *path = fixture_path (fixture, "court.ics");
  g_autofree char *script = fixture_path (fixture, "zone.py");
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  hearing = add_event (fixture->store, person, AMPARO_EVENT_KIND_HEARING, "2026-12-15T09:30",
                       "Los Angeles Immigration Court");
  /* The court's zone is the hearing's; the desk exporting it is in New
   * York, and so is the one reading it. */
  amparo_event_set_time_zone (hearing, "America/Los_Angeles");
  g_setenv ("TZ", "America/New_York", TRUE);
  g_list_store_append (events, hearing);
  /* A date kept in UTC is written as that instant, not the desk's 09:30. */
  utc_interview = add_event (fixture->store, person, AMPARO_EVENT_KIND_INTERVIEW, "2026-12-16T09:30", NULL);
  amparo_event_set_time_zone (utc_interview, "UTC");
  g_list_store_append (events, utc_interview);
  g_assert_true (amparo_icalendar_write (fixture->store, G_LIST_MODEL (events), path, &error));
  g_assert_no_error (error);
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  assert_ics_lines (text);
  unfolded = unfold (text);
  g_assert_nonnull (strstr (unfolded, "\r\nDTSTART;TZID=America/Los_Angeles:20261215T093000\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nDTEND;TZID=America/Los_Angeles:20261215T103000\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nBEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nDTSTART:20261216T093000Z\r\n"));

  if (!run ("/usr/bin/python3 -c 'import icalendar'", NULL))
    {
      g_test_skip ("python3-icalendar not installed");
      return;
    }
  g_assert_true (g_file_set_contents (script, python_zone_check, -1, NULL));
  cmd = g_strdup_printf ("env TZ=America/New_York /usr/bin/python3 %s %s", script, path);
  g_assert_true (run (cmd, &out));
  g_test_message ("python3-icalendar in New York reads: %s", out);
  g_assert_true (g_str_has_prefix (out, "2026-12-15 09:30 -8.0 "));
  g_assert_nonnull (strstr (out, "Los_Angeles"));
}

/* The notice */

static char *
notice_text (Fixture      *fixture,
             AmparoPerson *person,
             const char   *language,
             const char   *name)
{
  g_autofree char *pdf = fixture_path (fixture, name);
  g_autofree char *cmd = NULL;
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_client_notice_write_pdf (fixture->store, person, language, pdf, &error));
  g_assert_no_error (error);

  /* It renders, and on one page. */
  png = fixture_path (fixture, "notice");
  cmd = g_strdup_printf ("pdftoppm -r 40 -png -singlefile %s %s", pdf, png);
  g_assert_true (run (cmd, NULL));
  g_free (png);
  png = fixture_path (fixture, "notice.png");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_free (cmd);
  cmd = g_strdup_printf ("pdfinfo %s", pdf);
  g_assert_true (run (cmd, &text));
  g_assert_true (g_regex_match_simple ("Pages:\\s+1\\n", text, 0, 0));
  g_clear_pointer (&text, g_free);

  g_free (cmd);
  cmd = g_strdup_printf ("pdftotext -layout %s -", pdf);
  g_assert_true (run (cmd, &text));
  return g_steal_pointer (&text);
}

static void
test_notice_languages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "María", "López García", "12345678");
  g_autoptr(AmparoOrganization) organization = amparo_store_get_organization (fixture->store, NULL);
  g_autoptr(AmparoProceeding) proceeding = amparo_proceeding_new ();
  g_autoptr(AmparoEvent) hearing = NULL;
  g_autoptr(GError) error = NULL;
  int year = coming_december_year ();
  g_autofree char *starts_at = g_strdup_printf ("%d-12-15T09:00", year);
  g_autofree char *es_date = g_strdup_printf ("15 de diciembre de %d", year);
  g_autofree char *en_date = g_strdup_printf ("December 15, %d", year);
  g_autofree char *spanish = NULL;
  g_autofree char *english = NULL;

  if (!g_file_test ("/usr/bin/pdftotext", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }

  if (organization == NULL)
    organization = amparo_organization_new ();
  amparo_organization_set_name (organization, "Centro de Defensa");
  amparo_organization_set_media_contact_phone (organization, "(213) 555-0100");
  amparo_store_save (fixture->store, AMPARO_RECORD (organization), &error);
  g_assert_no_error (error);

  amparo_proceeding_set_person_id (proceeding, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_proceeding_set_court (proceeding, "Los Angeles Immigration Court");
  amparo_store_save (fixture->store, AMPARO_RECORD (proceeding), &error);
  g_assert_no_error (error);
  hearing = add_event (fixture->store, person, AMPARO_EVENT_KIND_HEARING, starts_at, "606 S. Olive St., Suite 1500");
  amparo_event_set_proceeding_id (hearing, amparo_record_get_id (AMPARO_RECORD (proceeding)));
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (hearing), &error));

  /* The UI language must not matter: English UI, Spanish notice… */
  g_setenv ("LANGUAGE", "en", TRUE);
  spanish = notice_text (fixture, person, "es", "es.pdf");
  g_assert_nonnull (strstr (spanish, es_date));
  g_assert_nonnull (strstr (spanish, "Sus próximas citas"));
  g_assert_nonnull (strstr (spanish, "Los Angeles Immigration Court"));
  g_assert_nonnull (strstr (spanish, "9:00"));
  g_assert_nonnull (strstr (spanish, "(213) 555-0100"));
  g_assert_null (strstr (spanish, "December"));

  /* …and Spanish UI, English notice. */
  g_setenv ("LANGUAGE", "es", TRUE);
  english = notice_text (fixture, person, "en", "en.pdf");
  g_assert_nonnull (strstr (english, en_date));
  g_assert_nonnull (strstr (english, "9:00 AM"));
  g_assert_nonnull (strstr (english, "What to bring"));
  g_assert_null (strstr (english, "diciembre"));
  g_unsetenv ("LANGUAGE");
}

/* CSV */

static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoPerson) a = add_person (fixture->store, "Ana", "Díaz", "A-012-345-678");
  g_autoptr(AmparoPerson) b = add_person (fixture->store, "Luis \"Lucho\"", "Ramos, Jr.", "23456789");
  g_autoptr(AmparoPerson) c = add_person (fixture->store, "Rosa", "K'iche' Tum", "A 987 654 321");
  g_autoptr(GListModel) persons = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE,
                                                             AMPARO_PERSON_SORT_FAMILY_NAMES);
  g_autofree char *path = fixture_path (fixture, "persons.csv");
  g_autofree char *text = NULL;
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  amparo_person_set_notes (c, "=HYPERLINK(\"http://x\")\nsecond line");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (c), &error));
  g_assert_cmpstr (amparo_person_get_a_number (b), ==, "023456789");
  g_assert_cmpstr (amparo_person_get_a_number (c), ==, "987654321");

  g_assert_true (amparo_csv_write_persons (fixture->store, persons, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "A-Number,Given names,Family names,"));
  g_assert_nonnull (strstr (text, "\"Luis \"\"Lucho\"\"\",\"Ramos, Jr.\""));
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x\"\")\nsecond line\""));
  g_assert_nonnull (strstr (text, "\r\n"));

  import = amparo_csv_import_new_from_file (fixture->store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (amparo_csv_import_count (import, AMPARO_CSV_ROW_UPDATE), ==, 3);
  g_assert_cmpuint (amparo_csv_import_count (import, AMPARO_CSV_ROW_CREATE), ==, 0);
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 3);

  g_assert_true (amparo_store_reload (fixture->store, AMPARO_RECORD (c), &error));
  g_assert_cmpstr (amparo_person_get_notes (c), ==, "=HYPERLINK(\"http://x\")\nsecond line");
}

static const char old_spreadsheet[] =
  "Nombres;Apellidos;Número A;Fecha de nacimiento;Sexo;Menor no acompañado;Color favorito\n"
  "Carmen;Vega;a123-456-789;2010-05-04;F;sí;azul\n"
  "Pedro;Mena;A-12-34;;M;no;\n"
  "Elena;Soto;;2021-02-30;;;\n"
  ";Sin Nombre;;;;;\n"
  "Juan;Cruz;;03/04/2015;;;\n"
  "Rita;Vega;123 456 789;15/12/2012;;;\n"
  "Otra;Persona;A123456789;;;;\n"
  "\n"
  "Marta;\"Ruiz; Paz\";;1999-12-31;mujer;x;\n";

static void
test_csv_import_preview (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoPerson) carmen = NULL;
  g_autofree char *report = NULL;
  const AmparoCsvRowAction expected[] = {
    AMPARO_CSV_ROW_CREATE, AMPARO_CSV_ROW_REJECT, AMPARO_CSV_ROW_REJECT, AMPARO_CSV_ROW_REJECT,
    AMPARO_CSV_ROW_REJECT, AMPARO_CSV_ROW_REJECT, AMPARO_CSV_ROW_REJECT, AMPARO_CSV_ROW_CREATE,
  };

  import = amparo_csv_import_new (fixture->store, old_spreadsheet, strlen (old_spreadsheet), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = amparo_csv_import_describe_row (import, i);
      g_test_message ("%s", line);
      g_assert_cmpint (amparo_csv_import_get_action (import, i), ==, expected[i]);
      if (expected[i] == AMPARO_CSV_ROW_REJECT)
        g_assert_nonnull (amparo_csv_import_get_reason (import, i));
    }
  g_assert_cmpuint (amparo_csv_import_get_line (import, 0), ==, 2);
  g_assert_cmpuint (amparo_csv_import_get_line (import, 7), ==, 10);
  /* Rita's A-number is Carmen's, typed another way. */
  g_assert_nonnull (strstr (amparo_csv_import_get_reason (import, 5), "line 2"));
  g_assert_nonnull (strstr (amparo_csv_import_get_reason (import, 4), "03/04/2015"));

  report = amparo_csv_import_format_report (import);
  g_assert_nonnull (strstr (report, "Color favorito"));
  g_assert_nonnull (strstr (report, "2 new clients, 0 matched, 6 rejected"));

  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 2);

  carmen = amparo_store_find_person_by_a_number (fixture->store, "A-123-456-789", &error);
  g_assert_nonnull (carmen);
  g_assert_cmpstr (amparo_person_get_a_number (carmen), ==, "123456789");
  g_assert_cmpstr (amparo_person_get_birth_date (carmen), ==, "2010-05-04");
  g_assert_cmpint (amparo_person_get_sex (carmen), ==, AMPARO_SEX_FEMALE);
  g_assert_true (amparo_person_get_unaccompanied_minor (carmen));
}

/* The commands print for a person at a terminal; the test keeps what
 * they print out of its TAP output and reads it. */
static GString *printed;

static void
capture_print (const char *text)
{
  g_string_append (printed, text);
}

static int
run_captured (int (*command) (AmparoStore *, const char *),
              AmparoStore *store,
              const char  *path)
{
  GPrintFunc old_print, old_printerr;
  int status;

  g_string_truncate (printed, 0);
  old_print = g_set_print_handler (capture_print);
  old_printerr = g_set_printerr_handler (capture_print);
  status = command (store, path);
  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);
  return status;
}

static void
test_csv_commands (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AmparoPerson) a = add_person (fixture->store, "Ana", "Díaz", "A-012-345-678");
  g_autofree char *path = fixture_path (fixture, "all.csv");
  g_autofree char *bad = fixture_path (fixture, "bad.csv");

  printed = g_string_new (NULL);
  g_assert_cmpint (run_captured (amparo_csv_run_export_command, fixture->store, path), ==, 0);
  g_assert_nonnull (strstr (printed->str, "Exported 1 client to "));
  /* Everything matches: something was imported (updated). */
  g_assert_cmpint (run_captured (amparo_csv_run_import_command, fixture->store, path), ==, 0);
  g_assert_nonnull (strstr (printed->str, "Line 2: matches Ana Díaz (A-012-345-678): will be updated\n"));
  g_assert_nonnull (strstr (printed->str, "0 new clients, 1 matched, 0 rejected\n"));

  g_assert_true (g_file_set_contents (bad, "Given names,Family names,A-Number\nX,Y,12\n", -1, NULL));
  g_assert_cmpint (run_captured (amparo_csv_run_import_command, fixture->store, bad), ==, 1);
  g_assert_nonnull (strstr (printed->str, "Line 2: rejected: An A-Number has 8 or 9 digits"));
  g_assert_nonnull (strstr (printed->str, "Nothing was imported."));
  g_assert_true (g_file_set_contents (bad, "just,some,words\n", -1, NULL));
  g_assert_cmpint (run_captured (amparo_csv_run_import_command, fixture->store, bad), ==, 1);
  g_assert_nonnull (strstr (printed->str, "Given names"));
  g_string_free (printed, TRUE);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
}

/* The real binary, when the lead has wired the options. */
static void
test_csv_cli (Fixture       *fixture,
              gconstpointer  data)
{
  const char *binary = g_getenv ("AMPARO_BINARY");
  g_autofree char *help = NULL;
  g_autofree char *db = fixture_path (fixture, "cli.db");
  g_autofree char *csv = fixture_path (fixture, "cli.csv");
  g_autofree char *bad = fixture_path (fixture, "cli-bad.csv");
  g_autofree char *cmd = NULL;
  g_autofree char *out = NULL;

  cmd = g_strdup_printf ("%s --help", binary);
  if (binary == NULL || !run (cmd, &help) || strstr (help, "--export-csv") == NULL)
    {
      g_test_skip ("amparo has no --export-csv option yet");
      return;
    }
  g_free (cmd);
  cmd = g_strdup_printf ("%s --database=%s --create --load-sample-data", binary, db);
  g_assert_true (run (cmd, NULL));
  g_free (cmd);
  cmd = g_strdup_printf ("%s --database=%s --export-csv=%s", binary, db, csv);
  g_assert_true (run (cmd, NULL));
  g_free (cmd);
  cmd = g_strdup_printf ("%s --database=%s --import-csv=%s", binary, db, csv);
  g_assert_true (run (cmd, &out));
  /* Re-importing its own export matches every sample person by A-Number
   * or Amparo ID and creates nobody. */
  g_assert_nonnull (strstr (out, "0 new clients, 12 matched, 0 rejected"));
  g_assert_true (g_file_set_contents (bad, "Given names,Family names,A-Number\nX,Y,12\n", -1, NULL));
  g_free (cmd);
  cmd = g_strdup_printf ("%s --database=%s --import-csv=%s", binary, db, bad);
  g_assert_false (run (cmd, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/agenda/icalendar/fold-utf8", Fixture, NULL, fixture_set_up, test_icalendar_fold_utf8, fixture_tear_down);
  g_test_add ("/agenda/icalendar/court-zone", Fixture, NULL, fixture_set_up, test_icalendar_court_zone, fixture_tear_down);
  g_test_add ("/agenda/icalendar/file", Fixture, NULL, fixture_set_up, test_icalendar_file, fixture_tear_down);
  g_test_add ("/agenda/icalendar/person", Fixture, NULL, fixture_set_up, test_icalendar_person, fixture_tear_down);
  g_test_add ("/agenda/notice/languages", Fixture, NULL, fixture_set_up, test_notice_languages, fixture_tear_down);
  g_test_add ("/agenda/csv/round-trip", Fixture, NULL, fixture_set_up, test_csv_round_trip, fixture_tear_down);
  g_test_add ("/agenda/csv/import-preview", Fixture, NULL, fixture_set_up, test_csv_import_preview, fixture_tear_down);
  g_test_add ("/agenda/csv/commands", Fixture, NULL, fixture_set_up, test_csv_commands, fixture_tear_down);
  g_test_add ("/agenda/csv/cli", Fixture, NULL, fixture_set_up, test_csv_cli, fixture_tear_down);

  return g_test_run ();
}
