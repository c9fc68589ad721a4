/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "amparo-date-entry.h"
#include "amparo-language.h"
#include "amparo-notice-dialog.h"
#include "amparo-notice-reader.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-test-wait.h"
#include "test-notice-fixture.h"

/* Read Hearing Notice (#18) in a real window: the notice the test drew
 * is read, its values proposed in the fields with the line each came
 * from; nothing is in the store until Save Hearing, and then the
 * client's hearing is there with "hearing notice" as its source. */

/* The AMPARO_TESSERACT the run started with, put back after a fake. */
static char *tesseract_at_start;

typedef struct
{
  char         *dir;
  AmparoStore  *store;
  AmparoPerson *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  amparo_language_set (data != NULL ? data : "en");
  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "notice.db");
  fixture->client = amparo_person_new ();
  amparo_person_set_given_names (fixture->client, "María");
  amparo_person_set_family_names (fixture->client, "López García");
  amparo_person_set_client_status (fixture->client, AMPARO_CLIENT_STATUS_ACTIVE);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (fixture->client), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_setenv ("AMPARO_TESSERACT", tesseract_at_start != NULL ? tesseract_at_start : "", TRUE);
}

static void
set_client_a_number (Fixture    *fixture,
                     const char *a_number)
{
  g_autoptr(GError) error = NULL;

  amparo_person_set_a_number (fixture->client, a_number);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (fixture->client), &error));
  g_assert_no_error (error);
}

static gboolean
have_ocr (void)
{
  g_autofree char *languages = NULL;
  g_autofree char *program = amparo_notice_reader_find_ocr (&languages);

  if (program == NULL || strstr (languages, "spa") == NULL || strstr (languages, "eng") == NULL)
    {
      g_test_skip ("tesseract with its English and Spanish data is not installed; `make deps` installs it");
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_entry_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) && amparo_test_row_titled (widget, title);
}

static const char *
entry_text (GtkWidget  *dialog,
            const char *title)
{
  GtkWidget *row = amparo_test_find_mapped (dialog, ADW_TYPE_ENTRY_ROW, is_entry_titled, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry_text (GtkWidget  *dialog,
                const char *title,
                const char *text)
{
  GtkWidget *row = amparo_test_find_mapped (dialog, ADW_TYPE_ENTRY_ROW, is_entry_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
date_proposed (GtkWidget *dialog)
{
  GtkWidget *row = amparo_test_find_widget (dialog, AMPARO_TYPE_DATE_ENTRY);

  g_assert_nonnull (row);
  return amparo_date_entry_get_date (AMPARO_DATE_ENTRY (row));
}

static void
assert_shows (GtkWidget  *dialog,
              const char *text)
{
  if (amparo_test_find_text (dialog, text, TRUE) < 1)
    {
      g_autoptr(GPtrArray) texts = amparo_test_visible_texts (dialog);

      for (guint i = 0; i < texts->len; i++)
        g_printerr ("  shown: %s\n", (char *) g_ptr_array_index (texts, i));
      g_error ("not shown: %s", text);
    }
}

/* Reading is done when Save Hearing can be pressed; a reading that never
 * ends fails the test at its own timeout, not at a guess of ours. */
static GtkWidget *
open_and_wait (Fixture    *fixture,
               GBytes     *document,
               const char *content_type)
{
  GtkWidget *dialog = GTK_WIDGET (amparo_notice_dialog_new (NULL, fixture->store, fixture->client,
                                                            document, content_type));
  GtkWidget *save;
  const char *label = g_str_equal (amparo_language_get (), "es") ? "Guardar audiencia" : "Save Hearing";

  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 900);
  gtk_window_present (GTK_WINDOW (dialog));
  save = amparo_test_find_button (dialog, label);
  g_assert_nonnull (save);
  while (!gtk_widget_get_sensitive (save))
    amparo_test_wait (100);
  amparo_test_wait (100);
  return dialog;
}

static guint
count_hearings (Fixture *fixture)
{
  g_autoptr(GListModel) events = amparo_store_list_events (fixture->store, fixture->client);

  return g_list_model_get_n_items (events);
}

static AmparoEvent *
only_hearing (Fixture *fixture)
{
  g_autoptr(GListModel) events = amparo_store_list_events (fixture->store, fixture->client);

  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  return g_list_model_get_item (events, 0);
}

/* Whether the journal has @action on the record @uid (with @details). */
static gboolean
journaled (Fixture             *fixture,
           AmparoJournalAction  action,
           const char          *uid,
           const char          *details)
{
  g_autoptr(GListModel) journal = amparo_store_list_journal (fixture->store);

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);

      if (amparo_journal_entry_get_action (entry) == action
          && g_strcmp0 (amparo_journal_entry_get_record_uid (entry), uid) == 0
          && (details == NULL || g_strcmp0 (amparo_journal_entry_get_details (entry), details) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
click (GtkWidget  *dialog,
       const char *label)
{
  GtkWidget *button = amparo_test_find_button (dialog, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* The button closes the dialog: wait until it is gone. */
static void
click_closing (GtkWidget  **dialog,
               const char  *label)
{
  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  click (*dialog, label);
  while (*dialog != NULL)
    amparo_test_wait (50);
}

/* The PDF's text layer: proposals, their lines, and the same A-Number. */
static void
test_pdf_english (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) pdf = render_pdf (english.text);
  g_autoptr(AmparoEvent) hearing = NULL;
  GtkWidget *dialog;

  set_client_a_number (fixture, "123456789");
  dialog = open_and_wait (fixture, pdf, "application/pdf");
  g_assert_cmpstr (date_proposed (dialog), ==, "2026-12-05");
  g_assert_cmpstr (entry_text (dialog, "Time"), ==, "08:30");
  g_assert_true (g_str_has_prefix (entry_text (dialog, "Court and address"), "Los Angeles Immigration Court, 606 S. Olive Street"));
  g_assert_cmpstr (entry_text (dialog, "A-Number on the notice"), ==, "A-123-456-789");
  assert_shows (dialog, "Judge on Dec 5, 2026 at 8:30 AM at the court above.");
  assert_shows (dialog, "A-Number: 123-456-789");
  assert_shows (dialog, "The same as the client’s A-Number.");
  assert_shows (dialog, "Read from the text of the PDF.");

  /* Nothing saved before the user confirms. */
  g_assert_cmpuint (count_hearings (fixture), ==, 0);
  click_closing (&dialog, "Save Hearing");

  hearing = only_hearing (fixture);
  g_assert_cmpint (amparo_event_get_kind (hearing), ==, AMPARO_EVENT_KIND_HEARING);
  g_assert_cmpint (amparo_event_get_source (hearing), ==, AMPARO_EVENT_SOURCE_HEARING_NOTICE);
  g_assert_cmpstr (amparo_event_get_starts_at (hearing), ==, "2026-12-05T08:30");
  g_assert_cmpstr (amparo_event_get_place (hearing), ==,
                   "Los Angeles Immigration Court, 606 S. Olive Street, 15th Floor, Los Angeles, CA 90014");
  g_assert_cmpstr (amparo_event_source_get_label (amparo_event_get_source (hearing)), ==, "Hearing notice");
  /* Showing the notice was a view of the client; the hearing a save. */
  g_assert_true (journaled (fixture, AMPARO_JOURNAL_ACTION_VIEW,
                            amparo_record_get_uid (AMPARO_RECORD (fixture->client)), "hearing notice"));
  g_assert_true (journaled (fixture, AMPARO_JOURNAL_ACTION_INSERT, amparo_record_get_uid (AMPARO_RECORD (hearing)), NULL));
}

/* The scan, in Spanish, for a client with another A-Number and a hearing
 * already scheduled: the mismatch is flagged, the user corrects the time,
 * and the hearing is moved, not doubled. */
static void
test_scan_spanish (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(AmparoEvent) old = amparo_event_new ();
  g_autoptr(AmparoEvent) hearing = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (!have_ocr ())
    return;
  set_client_a_number (fixture, "111222333");
  amparo_event_set_person_id (old, amparo_record_get_id (AMPARO_RECORD (fixture->client)));
  amparo_event_set_kind (old, AMPARO_EVENT_KIND_HEARING);
  amparo_event_set_starts_at (old, "2099-03-01T09:00");
  amparo_event_set_source (old, AMPARO_EVENT_SOURCE_COURT_NOTICE);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (old), &error));
  g_assert_no_error (error);

  png = render_png (spanish.text, "DejaVu Serif 11", 300, 0);
  dialog = open_and_wait (fixture, png, "image/png");
  g_assert_cmpstr (date_proposed (dialog), ==, "2027-01-14");
  g_assert_cmpstr (entry_text (dialog, "Hora"), ==, "13:00");
  g_assert_true (g_str_has_prefix (entry_text (dialog, "Corte y dirección"), "Corte de Inmigración de San Antonio"));
  g_assert_cmpstr (entry_text (dialog, "Número A del aviso"), ==, "A-987-654-321");
  assert_shows (dialog, "14 de enero de 2027");
  assert_shows (dialog, "A-111-222-333");  /* the mismatch names the client's own */
  assert_shows (dialog, "reconocimiento de texto");
  g_assert_cmpuint (count_hearings (fixture), ==, 1);

  set_entry_text (dialog, "Hora", "2:30 p. m.");
  click_closing (&dialog, "Guardar audiencia");

  hearing = only_hearing (fixture);
  g_assert_cmpstr (amparo_record_get_uid (AMPARO_RECORD (hearing)), ==, amparo_record_get_uid (AMPARO_RECORD (old)));
  g_assert_cmpstr (amparo_event_get_starts_at (hearing), ==, "2027-01-14T14:30");
  g_assert_cmpstr (amparo_event_get_moved_from (hearing), ==, "2099-03-01T09:00");
  g_assert_cmpint (amparo_event_get_moved_by (hearing), ==, AMPARO_EVENT_SOURCE_HEARING_NOTICE);
  g_assert_cmpint (amparo_event_get_source (hearing), ==, AMPARO_EVENT_SOURCE_HEARING_NOTICE);
  g_assert_true (g_str_has_prefix (amparo_event_get_place (hearing), "Corte de Inmigración de San Antonio"));
}

/* Stop while tesseract works: the fields are left to type by hand, and
 * Cancel saves nothing. A bad date typed is refused beside nothing lost. */
static void
test_stop_and_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *slow = g_build_filename (fixture->dir, "slow-tesseract", NULL);
  g_autoptr(GBytes) png = render_png ("A-Number: 123-456-789", "DejaVu Sans 10", 72, 0);
  GtkWidget *dialog, *stop;

  g_assert_true (g_file_set_contents (slow, "#!/bin/sh\n"
                                      "if [ \"$1\" = --list-langs ]; then printf 'x\\neng\\nspa\\n'; exit 0; fi\n"
                                      "exec sleep 60\n", -1, NULL));
  g_assert_cmpint (g_chmod (slow, 0700), ==, 0);
  g_setenv ("AMPARO_TESSERACT", slow, TRUE);

  dialog = GTK_WIDGET (amparo_notice_dialog_new (NULL, fixture->store, fixture->client, png, "image/png"));
  gtk_window_present (GTK_WINDOW (dialog));
  amparo_test_wait (200);
  assert_shows (dialog, "Reading the notice…");
  g_assert_false (gtk_widget_get_sensitive (amparo_test_find_button (dialog, "Save Hearing")));
  stop = amparo_test_find_button (dialog, "Stop Reading");
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");
  while (!gtk_widget_get_sensitive (amparo_test_find_button (dialog, "Save Hearing")))
    amparo_test_wait (50);
  assert_shows (dialog, "Reading was stopped. Enter the hearing by hand from the notice.");

  /* Saving with no date says so, and saves nothing. */
  click (dialog, "Save Hearing");
  amparo_test_wait (100);
  assert_shows (dialog, "Enter the hearing’s date, as on the notice.");
  g_assert_cmpuint (count_hearings (fixture), ==, 0);

  click_closing (&dialog, "Cancel");
  g_assert_cmpuint (count_hearings (fixture), ==, 0);
}

/* At 600 px the notice goes above the fields. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) pdf = render_pdf (spanish.text);
  GtkWidget *dialog = open_and_wait (fixture, pdf, "application/pdf");
  GtkWidget *picture = amparo_test_find_widget (dialog, GTK_TYPE_PICTURE);
  GtkWidget *values = amparo_test_find_widget (dialog, AMPARO_TYPE_DATE_ENTRY);
  double x, picture_y, values_y;

  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 900);
  amparo_test_wait (300);
  g_assert_true (gtk_widget_translate_coordinates (picture, dialog, 0, 0, &x, &picture_y));
  g_assert_true (gtk_widget_translate_coordinates (values, dialog, 0, 0, &x, &values_y));
  g_assert_cmpfloat (values_y, >, picture_y + gtk_widget_get_height (picture) - 1);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 600);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  amparo_language_init ();
  g_test_init (&argc, &argv, NULL);
  tesseract_at_start = g_strdup (g_getenv ("AMPARO_TESSERACT"));
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add ("/notice-ui/pdf-en", Fixture, "en", fixture_set_up, test_pdf_english, fixture_tear_down);
  g_test_add ("/notice-ui/scan-es", Fixture, "es", fixture_set_up, test_scan_spanish, fixture_tear_down);
  g_test_add ("/notice-ui/stop-and-cancel", Fixture, "en", fixture_set_up, test_stop_and_cancel, fixture_tear_down);
  g_test_add ("/notice-ui/narrow-es", Fixture, "es", fixture_set_up, test_narrow, fixture_tear_down);
  return g_test_run ();
}
