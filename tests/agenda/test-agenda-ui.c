/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "amparo-agenda-notifier.h"
#include "amparo-client-notice.h"
#include "amparo-agenda-page.h"
#include "amparo-application.h"
#include "amparo-window.h"
#include "amparo-csv-import-dialog.h"
#include "amparo-notice-printer.h"
#include "amparo-date-format.h"
#include "amparo-icalendar.h"
#include "amparo-language.h"
#include "amparo-store.h"
#include "amparo-test-ui.h"

/* The Agenda as a person sees it: a hearing added to a client shows under
 * its day, an overdue deadline comes first and is marked, filters and
 * the search narrow the list, and a row opens its client — in English
 * and in Spanish. */

typedef struct
{
  char              *dir;
  AmparoStore       *store;
  AmparoWindowState *state;
  GtkWindow         *window;
  AmparoAgendaPage  *page;
  AmparoPerson      *jose;
  AmparoPerson      *rosa;
} Fixture;

static void
wait_for_frames (void)
{
  gint64 until = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    amparo_test_iterate ();
}

static char *
day_string (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, offset);

  return g_date_time_format (day, "%Y-%m-%d");
}

static AmparoPerson *
add_person (AmparoStore *store,
            const char  *given,
            const char  *family,
            const char  *staff)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_assigned_staff (person, staff);
  amparo_store_save (store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&person);
}

static void
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
}

static void
show_page (Fixture *fixture)
{
  fixture->page = g_object_new (AMPARO_TYPE_AGENDA_PAGE,
                                "store", fixture->store, "state", fixture->state, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  wait_for_frames ();
}

static void
hide_page (Fixture *fixture)
{
  amparo_section_page_save_state (AMPARO_SECTION_PAGE (fixture->page));
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;
  wait_for_frames ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *yesterday = day_string (-1);
  g_autofree char *tomorrow = day_string (1);
  g_autofree char *later = day_string (3);
  g_autofree char *hearing = g_strconcat (tomorrow, "T09:30", NULL);
  g_autofree char *check_in = g_strconcat (later, "T08:00", NULL);

  fixture->dir = g_dir_make_tmp ("amparo-agenda-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  fixture->state = amparo_window_state_new ();

  fixture->jose = add_person (fixture->store, "José", "Núñez", "Ana Ruiz");
  fixture->rosa = add_person (fixture->store, "Rosa", "Tum", "Beto Paz");
  amparo_person_set_a_number (fixture->rosa, "A-555-123-456");
  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->rosa), &error);
  g_assert_no_error (error);
  add_event (fixture->store, fixture->jose, AMPARO_EVENT_KIND_HEARING, hearing, "Immigration Court, 606 S. Olive St.");
  add_event (fixture->store, fixture->jose, AMPARO_EVENT_KIND_FILING_DEADLINE, yesterday, NULL);
  add_event (fixture->store, fixture->rosa, AMPARO_EVENT_KIND_CHECK_IN, check_in, "ICE Los Angeles");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "test.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", fixture->dir);

  if (fixture->window != NULL)
    hide_page (fixture);
  g_clear_object (&fixture->jose);
  g_clear_object (&fixture->rosa);
  g_clear_object (&fixture->state);
  g_assert_finalize_object (fixture->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (fixture->dir);
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Where @text is among the visible labels, in reading order; -1 if not. */
static int
text_position (Fixture    *fixture,
               const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (GTK_WIDGET (fixture->window), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return i;
  return -1;
}

static gboolean
shows_text_containing (Fixture    *fixture,
                       const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (GTK_WIDGET (fixture->window), texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (texts->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static char *
heading_for (int         offset,
             const char *language)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, offset);
  g_autofree char *heading = amparo_date_format (day, language, AMPARO_DATE_DAY_HEADING);
  gunichar first = g_utf8_get_char (heading);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (heading), NULL);
}

static void
collect_type (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

static AdwActionRow *
find_row (Fixture    *fixture,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_type (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static void
check_agenda (Fixture    *fixture,
              const char *language,
              const char *overdue,
              const char *hearing_label,
              const char *tomorrow_label)
{
  g_autofree char *tomorrow = heading_for (1, language);
  g_autofree char *yesterday = heading_for (-1, language);
  int overdue_at, day_at, hearing_at;

  show_page (fixture);

  overdue_at = text_position (fixture, overdue);
  day_at = text_position (fixture, tomorrow);
  hearing_at = text_position (fixture, "José Núñez");
  g_assert_cmpint (overdue_at, >=, 0);
  g_assert_cmpint (day_at, >, overdue_at);
  g_assert_cmpint (text_position (fixture, tomorrow_label), >, overdue_at);
  /* José's deadline (overdue) first, then his hearing under tomorrow. */
  g_assert_cmpint (hearing_at, >, overdue_at);
  g_assert_true (shows_text_containing (fixture, hearing_label));
  g_assert_true (shows_text_containing (fixture, "Immigration Court, 606 S. Olive St."));
  g_assert_true (shows_text_containing (fixture, "9:30"));
  g_assert_cmpint (text_position (fixture, "Rosa Tum"), >, day_at);
  /* The overdue day is not a heading of its own. */
  g_assert_cmpint (text_position (fixture, yesterday), ==, -1);

  hide_page (fixture);
}

static void
test_agenda_english (Fixture       *fixture,
                     gconstpointer  data)
{
  amparo_language_set ("en");
  check_agenda (fixture, "en", "Overdue", "Hearing", "Tomorrow");
}

static void
test_agenda_spanish (Fixture       *fixture,
                     gconstpointer  data)
{
  amparo_language_set ("es");
  check_agenda (fixture, "es", "Vencidos", "Audiencia", "Mañana");
  /* The store's kind labels, which GLib alone would leave in English. */
  show_page (fixture);
  g_assert_true (shows_text_containing (fixture, "Presentación ante ICE"));
  g_assert_true (shows_text_containing (fixture, "Vencido"));
  g_assert_false (shows_text_containing (fixture, "Hearing"));
  hide_page (fixture);
  amparo_language_set ("en");
}

static void
test_agenda_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GListModel *staff;

  amparo_language_set ("en");
  show_page (fixture);
  collect_type (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 2);

  /* Staff: "All staff", then the names in order. */
  staff = gtk_drop_down_get_model (dropdowns->pdata[0]);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (staff), 1), ==, "Ana Ruiz");
  gtk_drop_down_set_selected (dropdowns->pdata[0], 2);
  wait_for_frames ();
  amparo_test_until (((find_row (fixture, "Rosa Tum")) != NULL) && ((find_row (fixture, "José Núñez")) == NULL));
  g_assert_nonnull (find_row (fixture, "Rosa Tum"));
  g_assert_null (find_row (fixture, "José Núñez"));
  gtk_drop_down_set_selected (dropdowns->pdata[0], 0);

  /* Kind: hearings only. */
  gtk_drop_down_set_selected (dropdowns->pdata[1], 1 + AMPARO_EVENT_KIND_HEARING);
  wait_for_frames ();
  amparo_test_until (((find_row (fixture, "José Núñez")) != NULL) && ((find_row (fixture, "Rosa Tum")) == NULL) && ((text_position (fixture, "Overdue")) == (-1)) && ((g_list_model_get_n_items (amparo_agenda_page_get_visible_events (fixture->page))) == (1)));
  g_assert_nonnull (find_row (fixture, "José Núñez"));
  g_assert_null (find_row (fixture, "Rosa Tum"));
  g_assert_cmpint (text_position (fixture, "Overdue"), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (amparo_agenda_page_get_visible_events (fixture->page)), ==, 1);
  gtk_drop_down_set_selected (dropdowns->pdata[1], 0);

  /* The header's search: by client name, accents optional. */
  amparo_window_state_set_search_text (fixture->state, "nunez");
  wait_for_frames ();
  amparo_test_until (((find_row (fixture, "José Núñez")) != NULL) && ((find_row (fixture, "Rosa Tum")) == NULL));
  g_assert_nonnull (find_row (fixture, "José Núñez"));
  g_assert_null (find_row (fixture, "Rosa Tum"));
  amparo_window_state_set_search_text (fixture->state, "A-555-12");
  wait_for_frames ();
  amparo_test_until (((find_row (fixture, "Rosa Tum")) != NULL) && ((find_row (fixture, "José Núñez")) == NULL));
  g_assert_nonnull (find_row (fixture, "Rosa Tum"));
  g_assert_null (find_row (fixture, "José Núñez"));
  amparo_window_state_set_search_text (fixture->state, "zzz");
  wait_for_frames ();
  amparo_test_until (shows_text_containing (fixture, "No Matching Events"));
  g_assert_true (shows_text_containing (fixture, "No Matching Events"));
  amparo_window_state_set_search_text (fixture->state, "");
  wait_for_frames ();

  /* A row opens its client. */
  g_signal_emit_by_name (find_row (fixture, "Rosa Tum"), "activated");
  g_assert_cmpstr (amparo_window_state_get_section (fixture->state), ==, "clients");
  g_assert_true (amparo_window_state_get_object (fixture->state, "clients:open") == G_OBJECT (fixture->rosa) ||
                 amparo_record_get_id (AMPARO_RECORD (amparo_window_state_get_object (fixture->state, "clients:open"))) ==
                 amparo_record_get_id (AMPARO_RECORD (fixture->rosa)));
  hide_page (fixture);
}

static void
test_agenda_live_and_empty (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GListModel) events = amparo_store_list_upcoming_events (fixture->store, "2000-01-01", 365 * 100);
  g_autoptr(GError) error = NULL;
  g_autofree char *later = day_string (10);
  g_autofree char *heading = NULL;

  amparo_language_set ("en");
  show_page (fixture);

  /* A hearing added while the Agenda shows appears under its day. */
  add_event (fixture->store, fixture->rosa, AMPARO_EVENT_KIND_INTERVIEW, later, "USCIS Field Office");
  wait_for_frames ();
  heading = heading_for (10, "en");
  g_assert_cmpint (text_position (fixture, heading), >=, 0);
  g_assert_true (shows_text_containing (fixture, "USCIS Field Office"));

  /* Everything done: the empty state. */
  for (guint i = g_list_model_get_n_items (events); i > 0; i--)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, 0);
      amparo_event_set_done (event, TRUE);
      amparo_store_save (fixture->store, AMPARO_RECORD (event), &error);
      g_assert_no_error (error);
    }
  wait_for_frames ();
  amparo_test_until (shows_text_containing (fixture, "Nothing Scheduled"));
  g_assert_true (shows_text_containing (fixture, "Nothing Scheduled"));
  hide_page (fixture);
}

static void
test_notifier_once_a_day (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AmparoAgendaNotifier) notifier = amparo_agenda_notifier_new (fixture->store, NULL);

  /* The first check ran at creation: José's hearing is tomorrow. */
  g_assert_cmpuint (amparo_agenda_notifier_check (notifier), ==, 0);
}

/* "Print for client" through GtkPrintOperation, into a PDF instead of a
 * printer: the client's language, whatever the UI's. */
static void
test_notice_printer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoNoticePrinter) printer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "notice.pdf", NULL);
  g_autofree char *cmd = g_strdup_printf ("pdftotext %s -", pdf);
  g_autofree char *text = NULL;
  int status;

  if (!g_file_test ("/usr/bin/pdftotext", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }
  amparo_language_set ("en");
  g_assert_cmpstr (amparo_client_notice_guess_language (fixture->jose), ==, "es");
  printer = amparo_notice_printer_new (fixture->store, fixture->jose, "es");
  g_assert_true (amparo_notice_printer_export (printer, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (cmd, &text, NULL, &status, NULL));
  g_assert_nonnull (strstr (text, "Sus próximas citas"));
  g_assert_nonnull (strstr (text, "Audiencia en la corte de inmigración"));
  g_assert_nonnull (strstr (text, "9:30"));
}

static gboolean
window_shows_text (GtkWidget  *widget,
                   const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (texts->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static char *
notice_text (Fixture    *fixture,
             const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "notice-text.pdf", NULL);
  g_autofree char *cmd = g_strdup_printf ("pdftotext %s -", pdf);
  char *text = NULL;
  int status;

  g_assert_true (amparo_client_notice_write_pdf (fixture->store, fixture->jose, language, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (cmd, &text, NULL, &status, NULL));
  return text;
}

/* Benefit ends computed while the UI was in English are named in the
 * language they are shown or printed in, and say which benefit. */
static void
test_benefit_titles_follow_language (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(AmparoLitigation) litigation = amparo_litigation_new ();
  g_autoptr(AmparoMembership) membership = amparo_membership_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start = day_string (-20);
  g_autofree char *es = NULL;
  g_autofree char *en = NULL;

  if (!g_file_test ("/usr/bin/pdftotext", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }
  amparo_language_set ("en");
  amparo_litigation_set_name (litigation, "Ms. L v. ICE");
  amparo_litigation_set_benefit_terms (litigation, "housing=12\nmedical=6");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (litigation), &error));
  amparo_membership_set_person_id (membership, amparo_record_get_id (AMPARO_RECORD (fixture->jose)));
  amparo_membership_set_litigation_id (membership, amparo_record_get_id (AMPARO_RECORD (litigation)));
  amparo_membership_set_benefits_start (membership, start);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (membership), &error));
  g_assert_no_error (error);

  es = notice_text (fixture, "es");
  g_assert_nonnull (strstr (es, "Fin del apoyo de vivienda"));
  g_assert_nonnull (strstr (es, "Fin del apoyo médico"));
  g_assert_null (strstr (es, "support ends"));
  en = notice_text (fixture, "en");
  g_assert_nonnull (strstr (en, "Housing support ends"));

  /* The calendar file too, in the language of its other words. */
  {
    g_autoptr(GListModel) events = amparo_store_list_events (fixture->store, fixture->jose);
    g_autofree char *ics_en = amparo_icalendar_build (fixture->store, events, NULL);
    g_autofree char *ics_es = NULL;

    g_assert_nonnull (strstr (ics_en, "SUMMARY:Housing support ends: José"));
    amparo_language_set ("es");
    ics_es = amparo_icalendar_build (fixture->store, events, NULL);
    g_assert_nonnull (strstr (ics_es, "SUMMARY:Fin del apoyo de vivienda: José"));
    g_assert_nonnull (strstr (ics_es, "SUMMARY:Fin del apoyo médico: José"));
    amparo_language_set ("en");
  }

  amparo_language_set ("es");
  show_page (fixture);
  g_assert_true (window_shows_text (GTK_WIDGET (fixture->window), "Fin del apoyo de vivienda"));
  g_assert_false (window_shows_text (GTK_WIDGET (fixture->window), "Housing support ends"));
  hide_page (fixture);
  amparo_language_set ("en");
}

/* With the organization's details unset the notice still tells the client
 * whom to ask for, and the file offered is named for the client. */
static void
test_notice_contact_never_blank (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *es = NULL;
  g_autofree char *basename = amparo_notice_printer_file_basename (fixture->jose, "es");

  g_assert_true (g_str_has_prefix (basename, "Aviso José Núñez 20"));
  if (!g_file_test ("/usr/bin/pdftotext", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }
  g_assert_true (amparo_client_notice_contact_missing (fixture->store));
  es = notice_text (fixture, "es");
  g_assert_nonnull (strstr (es, "Pregunte por: Ana Ruiz"));
  g_assert_nonnull (strstr (es, "nuestro teléfono"));
}

static void
test_import_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char csv[] =
    "Given names,Family names,A-Number,Date of birth\r\n"
    "Ana,Díaz,A-111-222-333,2012-03-04\r\n"
    "Bad,Row,12,\r\n"
    "Sin,Fecha,,2021-02-30\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoPerson) ana = NULL;
  AmparoCsvImport *import;
  GtkWidget *dialog;
  gint64 before = amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);

  amparo_language_set ("en");
  import = amparo_csv_import_new (fixture->store, csv, strlen (csv), &error);
  g_assert_no_error (error);
  dialog = GTK_WIDGET (amparo_csv_import_dialog_new (NULL, import, "old-clients.csv"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_frames ();

  /* The preview: what would be created and what is rejected, and why. */
  g_assert_true (window_shows_text (dialog, "1 new client, 0 matched, 2 rejected"));
  g_assert_true (window_shows_text (dialog, "Line 2: Ana Díaz"));
  g_assert_true (window_shows_text (dialog, "Line 3: Bad Row"));
  g_assert_true (window_shows_text (dialog, "8 or 9 digits"));
  g_assert_true (window_shows_text (dialog, "“2021-02-30” is not a real date"));
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, before);

  g_assert_true (gtk_widget_activate_action (dialog, "import.apply", NULL));
  wait_for_frames ();
  amparo_test_until (((dialog) == NULL) && ((amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE)) == (before + 1)));
  g_assert_null (dialog);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, before + 1);
  ana = amparo_store_find_person_by_a_number (fixture->store, "111222333", &error);
  g_assert_nonnull (ana);
  g_assert_cmpstr (amparo_person_get_birth_date (ana), ==, "2012-03-04");
}

/* A stand-in desktop notification server on the test's session bus. */
static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

static void
on_notifications_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *path,
                          const char            *interface,
                          const char            *method,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  GPtrArray *summaries = user_data;

  if (g_str_equal (method, "Notify"))
    {
      const char *summary = NULL;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_ptr_array_add (summaries, g_strdup (summary));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", summaries->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@as [],)"));
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "amparo", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static guint
serve_notifications (GPtrArray *summaries)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;

  if (bus == NULL)
    return 0;
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, summaries, NULL, NULL);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  return reply != NULL;
}

static void
on_activate_open_client_cb (GApplication *app,
                            gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoWindowState *state = amparo_window_get_state (AMPARO_WINDOW (window));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  AdwActionRow *row = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section",
                                  g_variant_new_string ("agenda"));
  wait_for_frames ();
  collect_type (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Rosa Tum") == 0)
      row = rows->pdata[i];
  g_assert_nonnull (row);

  /* The clients page takes the person through its own "clients.open". */
  g_signal_emit_by_name (row, "activated");
  wait_for_frames ();
  amparo_test_until ((g_strcmp0 (amparo_window_state_get_section (state), "clients") == 0) && ((amparo_window_state_get_object (state, "clients:open")) == NULL));
  g_assert_cmpstr (amparo_window_state_get_section (state), ==, "clients");
  g_assert_null (amparo_window_state_get_object (state, "clients:open"));

  gtk_window_destroy (window);
}

static void
test_opens_client_in_window (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", amparo_store_get_path (fixture->store));
  char *argv[] = { "amparo", "--language=en", db_arg, NULL };

  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_free);
  gboolean serving = serve_notifications (summaries);

  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_open_client_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);

  g_test_message ("notification server: %s, %u received", serving ? "yes" : "no", summaries->len);
  /* The day before José's hearing, the desktop heard of it, once. */
  if (!serving)
    return;
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpstr (summaries->pdata[0], ==, "Hearing tomorrow: José Núñez");
}

int
main (int   argc,
      char *argv[])
{
  /* As main() does: the text domain before anything GTK translates, so
   * the store's labels meet the same GLib translation gate as in the app. */
  amparo_language_init ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  /* gtk_test_init set the C locale; translations need a UTF-8 one. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add ("/agenda/ui/english", Fixture, NULL, fixture_set_up, test_agenda_english, fixture_tear_down);
  g_test_add ("/agenda/ui/spanish", Fixture, NULL, fixture_set_up, test_agenda_spanish, fixture_tear_down);
  g_test_add ("/agenda/ui/filters", Fixture, NULL, fixture_set_up, test_agenda_filters, fixture_tear_down);
  g_test_add ("/agenda/ui/live-and-empty", Fixture, NULL, fixture_set_up, test_agenda_live_and_empty, fixture_tear_down);
  g_test_add ("/agenda/ui/import-dialog", Fixture, NULL, fixture_set_up, test_import_dialog, fixture_tear_down);
  g_test_add ("/agenda/ui/opens-client-in-window", Fixture, NULL, fixture_set_up, test_opens_client_in_window, fixture_tear_down);
  g_test_add ("/agenda/ui/notice-printer", Fixture, NULL, fixture_set_up, test_notice_printer, fixture_tear_down);
  g_test_add ("/agenda/ui/benefit-titles-language", Fixture, NULL, fixture_set_up, test_benefit_titles_follow_language, fixture_tear_down);
  g_test_add ("/agenda/ui/notice-contact", Fixture, NULL, fixture_set_up, test_notice_contact_never_blank, fixture_tear_down);
  g_test_add ("/agenda/notifier/once-a-day", Fixture, NULL, fixture_set_up, test_notifier_once_a_day, fixture_tear_down);

  return g_test_run ();
}
