/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "amparo-client-notice.h"
#include "amparo-csv.h"
#include "amparo-icalendar.h"
#include "amparo-store.h"
#include "amparo-test-store.h"

/* Files of children's data — spreadsheet, calendar, notice, backup — are
 * created 0600 whatever the umask, and appear only once their export is
 * journaled: a store that cannot take the journal row leaves no file. */

typedef struct
{
  AmparoTestStoreFixture base;
  AmparoPerson          *person;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoEvent) hearing = amparo_event_new ();

  umask (022);
  amparo_test_store_fixture_set_up (&fixture->base, data);
  fixture->person = amparo_person_new ();
  amparo_person_set_given_names (fixture->person, "Ana");
  amparo_person_set_family_names (fixture->person, "López");
  g_assert_true (amparo_store_save (fixture->base.store, AMPARO_RECORD (fixture->person), &error));
  amparo_event_set_person_id (hearing, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  amparo_event_set_title (hearing, "Master calendar hearing");
  amparo_event_set_starts_at (hearing, "2027-01-15T09:00");
  g_assert_true (amparo_store_save (fixture->base.store, AMPARO_RECORD (hearing), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->person);
  amparo_test_store_fixture_tear_down (&fixture->base, data);
}

typedef enum { EXPORT_CSV, EXPORT_ICALENDAR, EXPORT_NOTICE, EXPORT_BACKUP } ExportKind;

static gboolean
run_export (Fixture     *fixture,
            ExportKind   kind,
            const char  *path,
            GError     **error)
{
  g_autoptr(GListModel) persons = NULL;

  switch (kind)
    {
    case EXPORT_CSV:
      persons = amparo_store_list_persons (fixture->base.store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
      return amparo_csv_write_persons (fixture->base.store, persons, path, error);
    case EXPORT_ICALENDAR:
      return amparo_icalendar_write_person (fixture->base.store, fixture->person, path, error);
    case EXPORT_NOTICE:
      return amparo_client_notice_write_pdf (fixture->base.store, fixture->person, "es", path, error);
    case EXPORT_BACKUP:
    default:
      return amparo_store_backup_to_file (fixture->base.store, path, NULL, error);
    }
}

static const char *names[] = { "clients.csv", "ana.ics", "aviso.pdf", "copy.db" };

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static gint64
count_exports (Fixture *fixture)
{
  g_autoptr(GListModel) journal = amparo_store_list_journal (fixture->base.store);
  gint64 n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);
      n += amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_EXPORT;
    }
  return n;
}

static void
test_private_mode (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->base.dir, "out", NULL);

  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  for (ExportKind kind = EXPORT_CSV; kind <= EXPORT_BACKUP; kind++)
    {
      g_autofree char *path = g_build_filename (out, names[kind], NULL);
      g_autoptr(GError) error = NULL;
      gint64 before = count_exports (fixture);
      GStatBuf st;

      g_test_message ("%s", names[kind]);
      g_assert_true (run_export (fixture, kind, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpint (st.st_size, >, 0);
      g_assert_cmpint (count_exports (fixture), >, before);
    }
  /* Nothing else was left in the folder. */
  g_assert_cmpuint (count_files (out), ==, 4);
}

/* The journal refuses every row, as a store that is full would. */
static void
test_unjournaled_leaves_no_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *db_path = amparo_store_get_path (fixture->base.store);
  g_autofree char *out = g_build_filename (fixture->base.dir, "out", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON journal"
                                 " BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  for (ExportKind kind = EXPORT_CSV; kind <= EXPORT_BACKUP; kind++)
    {
      g_autofree char *path = g_build_filename (out, names[kind], NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", names[kind]);
      g_assert_false (run_export (fixture, kind, path, &error));
      g_assert_nonnull (error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (count_files (out), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/private-mode", test_private_mode);
  ADD ("/export/unjournaled-leaves-no-file", test_unjournaled_leaves_no_file);
#undef ADD

  return g_test_run ();
}
