/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "amparo-store.h"
#include "amparo-test-store.h"

/* The journal, readable (privacy, #17): filtered pages of who did what,
 * on a file and on the real PostgreSQL server (with-pg-server.sh). */

typedef struct
{
  char *dir;
  char *location;
  AmparoStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = amparo_test_make_dir ();
  fixture->location = amparo_test_store_location (fixture->dir, "journal.db");
  fixture->store = amparo_store_open (fixture->location, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->location);
  g_free (fixture->dir);
}

static AmparoPerson *
add_person (AmparoStore *store,
            const char  *given,
            const char  *family)
{
  g_autoptr(GError) error = NULL;
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_store_save (store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  return person;
}

static GPtrArray *
query (AmparoStore              *store,
       const AmparoJournalQuery *q,
       guint                     offset,
       guint                     limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = amparo_store_query_journal (store, q, offset, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* A view made at another desk (a second connection to the same store)
 * is in this desk's journal view, with the client's name. */
static void
test_view_from_other_connection (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "Yesenia", "Coj Tum");
  g_autoptr(AmparoPerson) other = add_person (fixture->store, "Brayan", "Pop");
  g_autoptr(AmparoStore) second = NULL;
  g_autoptr(AmparoPerson) seen = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  AmparoJournalQuery q = AMPARO_JOURNAL_QUERY_INIT;

  second = amparo_store_open (fixture->location, &error);
  g_assert_no_error (error);
  seen = amparo_store_get_by_uid (second, AMPARO_TYPE_PERSON, amparo_record_get_uid (AMPARO_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_true (amparo_store_log_view (second, AMPARO_RECORD (seen), &error));
  g_assert_true (amparo_store_log_view (fixture->store, AMPARO_RECORD (other), &error));
  g_assert_no_error (error);

  q.action = AMPARO_JOURNAL_ACTION_VIEW;
  q.person_uid = amparo_record_get_uid (AMPARO_RECORD (person));
  rows = query (fixture->store, &q, 0, 50);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (amparo_store_journal_record_label (rows->pdata[0]), ==, "Yesenia Coj Tum");
  g_assert_cmpstr (amparo_journal_entry_get_host (rows->pdata[0]), ==, g_get_host_name ());

  views = amparo_store_list_record_views (fixture->store, person, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_cmpint (amparo_journal_entry_get_action (views->pdata[0]), ==, AMPARO_JOURNAL_ACTION_VIEW);
}

/* A change to a part of the record (a contact) is about the client too. */
static void
test_part_of_record_is_the_client (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "Dilcia", "Xol");
  g_autoptr(AmparoContact) contact = amparo_contact_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AmparoJournalQuery q = AMPARO_JOURNAL_QUERY_INIT;

  amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_contact_set_kind (contact, AMPARO_CONTACT_KIND_PHONE);
  amparo_contact_set_value (contact, "+502 5555 1234");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (contact), &error));
  g_assert_no_error (error);

  q.record_text = "xOL";
  rows = query (fixture->store, &q, 0, 50);
  /* The contact's insert, then the person's. */
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (amparo_journal_entry_get_table_name (rows->pdata[0]), ==, "contacts");
  g_assert_cmpstr (amparo_store_journal_record_label (rows->pdata[0]), ==, "Dilcia Xol");
}

/* Pages are newest first and do not overlap; the filters combine. */
static void
test_pages_and_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "Wilmer", "Caal");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AmparoJournalQuery q = AMPARO_JOURNAL_QUERY_INIT;

  for (guint i = 0; i < 25; i++)
    g_assert_true (amparo_store_log_view (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_true (amparo_store_log_action (fixture->store, AMPARO_JOURNAL_ACTION_EXPORT, AMPARO_RECORD (person),
                                          "Client notice (es): printed", &error));
  g_assert_no_error (error);

  q.action = AMPARO_JOURNAL_ACTION_VIEW;
  first = query (fixture->store, &q, 0, 10);
  second = query (fixture->store, &q, 10, 10);
  g_assert_cmpuint (first->len, ==, 10);
  g_assert_cmpuint (second->len, ==, 10);
  g_assert_cmpint (amparo_record_get_id (first->pdata[0]), >, amparo_record_get_id (first->pdata[9]));
  g_assert_cmpint (amparo_record_get_id (first->pdata[9]), >, amparo_record_get_id (second->pdata[0]));
  g_clear_pointer (&first, g_ptr_array_unref);
  first = query (fixture->store, &q, 20, 10);
  g_assert_cmpuint (first->len, ==, 5);

  /* Printed, today, by someone whose account is not "nobody-here". */
  q = (AmparoJournalQuery) AMPARO_JOURNAL_QUERY_INIT;
  q.action = AMPARO_JOURNAL_ACTION_EXPORT;
  q.printed = TRUE;
  q.since = today;
  q.until = today;
  rows = query (fixture->store, &q, 0, 10);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (amparo_store_journal_is_print (rows->pdata[0]));
  g_clear_pointer (&rows, g_ptr_array_unref);
  q.actor = "nobody-here";
  rows = query (fixture->store, &q, 0, 10);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Yesterday and before: nothing. */
  q = (AmparoJournalQuery) AMPARO_JOURNAL_QUERY_INIT;
  q.until = "2000-01-01";
  rows = query (fixture->store, &q, 0, 10);
  g_assert_cmpuint (rows->len, ==, 0);

  /* A filter that is not a date is refused, with words a person reads. */
  q.until = "31/02/2025";
  g_assert_null (amparo_store_query_journal (fixture->store, &q, 0, 10, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
}

/* The CSV is private (0600), complete, safe to open in a spreadsheet,
 * and its export is journaled. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = add_person (fixture->store, "=HYPERLINK(\"x\")", "Ac, \"Tiul\"");
  g_autofree char *path = g_build_filename (fixture->dir, "journal.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AmparoJournalQuery q = AMPARO_JOURNAL_QUERY_INIT;
  struct stat st;
  guint n_rows = 0;

  g_assert_true (amparo_store_log_view (fixture->store, AMPARO_RECORD (person), &error));
  q.person_uid = amparo_record_get_uid (AMPARO_RECORD (person));
  g_assert_true (amparo_store_export_journal_csv (fixture->store, &q, path, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFWhen (UTC),Staff member,Workstation,Action,"));
  /* Quoted, and the formula turned into text. */
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"x\"\") Ac, \"\"Tiul\"\"\","));
  g_assert_nonnull (strstr (contents, ",Viewed,"));

  q = (AmparoJournalQuery) AMPARO_JOURNAL_QUERY_INIT;
  q.action = AMPARO_JOURNAL_ACTION_EXPORT;
  rows = query (fixture->store, &q, 0, 10);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (strstr (amparo_journal_entry_get_details (rows->pdata[0]), "Journal exported to CSV (2 rows)"));

  /* A folder that is not there: an error, and nothing journaled. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_free (path);
  path = g_build_filename (fixture->dir, "missing", "journal.csv", NULL);
  g_assert_false (amparo_store_export_journal_csv (fixture->store, &q, path, NULL, &error));
  g_assert_nonnull (error);
  rows = query (fixture->store, &q, 0, 10);
  g_assert_cmpuint (rows->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/journal/store/view-from-other-connection", Fixture, NULL,
              fixture_set_up, test_view_from_other_connection, fixture_tear_down);
  g_test_add ("/journal/store/part-of-record-is-the-client", Fixture, NULL,
              fixture_set_up, test_part_of_record_is_the_client, fixture_tear_down);
  g_test_add ("/journal/store/pages-and-filters", Fixture, NULL,
              fixture_set_up, test_pages_and_filters, fixture_tear_down);
  g_test_add ("/journal/store/export-csv", Fixture, NULL,
              fixture_set_up, test_export_csv, fixture_tear_down);
  return g_test_run ();
}
