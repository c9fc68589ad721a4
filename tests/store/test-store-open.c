/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "amparo-db-sqlite.h"
#include "amparo-query-model.h"
#include "amparo-store-private.h"
#include "amparo-store-trace.h"
#include "store-test-util.h"

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("amparo-open-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A new database is private to the user (0600), in WAL mode with full
 * sync, and carries Amparo's application id and the latest schema. */
static void
test_new_file (StoreFixture  *fixture,
               gconstpointer  data)
{
  GStatBuf st;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (amparo_store_get_schema_version (fixture->store), >=, 1);

  stmt = amparo_store_prepare (fixture->store,
                               "SELECT * FROM pragma_journal_mode, pragma_synchronous,"
                               " pragma_foreign_keys, pragma_application_id", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, AMPARO_APPLICATION_ID);

  /* Reopening an up-to-date file just works. */
  g_clear_object (&fixture->store);
  fixture->store = amparo_store_open (fixture->path, NULL);
  g_assert_nonnull (fixture->store);
}

/* A database from a newer Amparo is refused and not modified at all. */
static void
test_newer_version_refused (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  run_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 9999;");
  before = read_bytes (path);

  store = amparo_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  store_test_remove_tree (dir);
}

/* Any other file is refused with a clear message and left alone. */
static void
test_not_amparo (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (g_file_set_contents (text, "Lista de clientes\nJosé Núñez\n" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", -1, NULL));
  before = read_bytes (text);
  store = amparo_store_open (text, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO);
  after = read_bytes (text);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_error (&error);

  run_sql (other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  store = amparo_store_open (other, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO);
  g_clear_error (&error);

  /* A folder is not a database either. */
  store = amparo_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO);

  store_test_remove_tree (dir);
}

/* A damaged file gives a "damaged, restore a backup" error, never a crash,
 * and --check reports it. */
static void
test_corrupt_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "corrupt.db", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 50; i++)
    g_object_unref (store_test_add_person (store, "Ana", "Pérez", NULL));
  g_clear_object (&store);

  /* Scribble over the schema page after the 100-byte header, and over
   * the second page. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 100; i < 8192; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = amparo_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "backup"));
  g_clear_error (&error);

  g_assert_false (amparo_store_check_file (path, &report, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (report, !=, "ok");

  store_test_remove_tree (dir);
}

/* A read-only file is refused up front, rather than failing at the first
 * save. */
static void
test_read_only (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);

  store = amparo_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));

  g_chmod (path, 0600);
  store_test_remove_tree (dir);
}

/* With the disk full the save fails with a clear message, and nothing of
 * the record (row or journal) is left half-written. */
static void
test_disk_full (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GListModel) journal = amparo_store_list_journal (fixture->store);
  guint journal_before = g_list_model_get_n_items (journal);
  gint64 persons_before = amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);
  g_autofree char *limit = NULL;
  g_autoptr(sqlite3_stmt) stmt = amparo_store_prepare (fixture->store, "PRAGMA page_count", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  g_assert_true (amparo_store_exec (fixture->store, limit, NULL));

  for (int i = 0; i < 20000; i++)
    g_string_append (notes, "Notas de la entrevista. ");
  g_object_set (person, "given-names", "Brayan", "family-names", "Mejía", "notes", notes->str, NULL);

  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DISK_FULL);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (person)), ==, 0);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, persons_before);
  amparo_query_model_refresh ((AmparoQueryModel *) journal);
  g_assert_cmpuint (g_list_model_get_n_items (journal), ==, journal_before);

  /* Once there is room again the same record saves. */
  g_assert_true (amparo_store_exec (fixture->store, "PRAGMA max_page_count = 1073741823", NULL));
  g_clear_error (&error);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
}

/* --check says the store is whole, then, once @breaking_sql has changed
 * it behind Amparo's back, that it is damaged, naming @named. */
static void
assert_check_finds (StoreFixture *fixture,
                    const char   *breaking_sql,
                    const char   *named)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_assert_true (amparo_store_check (fixture->store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");
  g_clear_pointer (&report, g_free);

  g_assert_true (amparo_store_exec (fixture->store, breaking_sql, NULL));
  g_assert_false (amparo_store_check (fixture->store, &report, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report, named));
}

/* --check finds a whereabouts row pointing at a person who is not there
 * and names the table. */
static void
test_check_finds_broken_links (StoreFixture  *fixture,
                               gconstpointer  data)
{
  assert_check_finds (fixture,
                      "PRAGMA foreign_keys = OFF;"
                      "INSERT INTO locations (uid, created_at, updated_at, person_id, kind)"
                      " VALUES ('x', '2024-01-01', '2024-01-01', 4242, 'unknown');"
                      "PRAGMA foreign_keys = ON;", "locations");
}

/* The number of persons the Clients list's length comes from (0027)
 * follows every insert and delete, and --check says when it does not. */
static void
test_check_finds_wrong_count (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "Pérez", NULL);
  g_autoptr(AmparoPerson) luis = store_test_add_person (fixture->store, "Luis", "Pérez", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (luis), &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
  g_assert_true (amparo_store_exec (fixture->store, "DELETE FROM persons WHERE id = (SELECT max (id) FROM persons)",
                                    NULL));
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
  assert_check_finds (fixture, "UPDATE row_counts SET n = 7 WHERE table_name = 'persons'",
                      "counts 7 persons but holds 1");
}

/* An upgrade from a recent store (here from 0026 to 0027) rewrites no
 * record: only one from before the last migration that changes rows
 * writes every checksum again, which took minutes at a million persons
 * before the window opened. The store is whole afterwards. */
static void
test_upgrade_rewrites_no_row (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "Pérez", NULL);
  g_autoptr(GPtrArray) taken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_clear_object (&fixture->store);
  run_sql (fixture->path, "DROP TRIGGER persons_counted_after_insert; DROP TRIGGER persons_counted_after_delete;"
                          " DROP TABLE row_counts; PRAGMA user_version = 26;");
  amparo_store_trace_enable ();
  fixture->store = amparo_store_open (fixture->path, &error);
  g_assert_no_error (error);
  taken = amparo_store_trace_take ();
  g_assert_cmpint (amparo_store_get_schema_version (fixture->store), ==, 27);
  g_assert_true (g_ptr_array_find_with_equal_func (taken, "INSERT INTO row_counts", (GEqualFunc) g_str_has_prefix,
                                                   NULL));
  for (guint i = 0; i < taken->len; i++)
    g_assert_null (strstr (taken->pdata[i], "SET checksum ="));
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
  g_assert_true (amparo_store_check (fixture->store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");
}

static gboolean
file_bytes_equal (const char *path,
                  GBytes     *expected)
{
  g_autoptr(GBytes) now = NULL;

  if (expected == NULL)
    return !g_file_test (path, G_FILE_TEST_EXISTS);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  now = read_bytes (path);
  return g_bytes_equal (now, expected);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  g_assert_true (g_file_set_contents (to, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
}

/* A -wal file from another database beside the store (a copy made while
 * the other one was open) must not be written into the store: a failed
 * open leaves the file, its -wal and its -shm exactly as they were, and
 * says to move the stray files aside. */
static void
test_foreign_wal (gconstpointer data)
{
  gboolean from_amparo = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GBytes) db_before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 300; i++)
    g_object_unref (store_test_add_person (store, "Ana", "Pérez", NULL));
  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Another database, caught with its WAL not yet written back: a plain
   * SQLite file, or another Amparo store (same schema, other pages). */
  if (from_amparo)
    {
      g_autoptr(AmparoStore) second = amparo_store_open (other, &error);
      g_assert_no_error (error);
      for (int i = 0; i < 20; i++)
        g_object_unref (store_test_add_person (second, "Luis", "Otro", NULL));
      copy_file (other_wal, wal);
    }
  else
    {
      g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                     "CREATE TABLE t (x); INSERT INTO t VALUES (randomblob (3000));"
                                     "INSERT INTO t SELECT randomblob (3000) FROM t;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      copy_file (other_wal, wal);
      sqlite3_close (db);
    }

  db_before = read_bytes (path);
  wal_before = read_bytes (wal);
  g_assert_cmpuint (g_bytes_get_size (db_before), >, 100000);

  store = amparo_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "store.db-wal"));
  g_clear_error (&error);

  g_assert_true (file_bytes_equal (path, db_before));
  g_assert_true (file_bytes_equal (wal, wal_before));
  g_assert_true (file_bytes_equal (shm, NULL));

  /* Moving the stray file aside, as the message says, gets the store back. */
  {
    g_autofree char *aside = g_build_filename (dir, "aside-wal", NULL);
    g_assert_cmpint (g_rename (wal, aside), ==, 0);
  }
  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 300);
  g_clear_object (&store);

  store_test_remove_tree (dir);
}

/* A 0-byte file is refused by the app exactly as --check refuses it
 * (it used to be initialised as a new store by one, and called "not an
 * Amparo database" by the other). */
static void
test_zero_byte_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GError) check_error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = amparo_store_open (path, &open_error);
  g_assert_null (store);
  g_assert_error (open_error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO);
  g_assert_false (amparo_store_check_file (path, NULL, &check_error));
  g_assert_error (check_error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_AMPARO);
  g_assert_cmpstr (open_error->message, ==, check_error->message);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  store_test_remove_tree (dir);
}

/* Once a check has found the store damaged, Amparo does not open it for
 * writing until a check passes again (or a backup is restored). */
static void
test_refuses_damaged_store (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autofree char *mark = g_strconcat (path, ".damaged", NULL);
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store_test_add_person (store, "Ana", "Pérez", NULL));
  g_clear_object (&store);
  run_sql (path, "PRAGMA foreign_keys = OFF;"
                 "INSERT INTO locations (uid, created_at, updated_at, person_id, kind)"
                 " VALUES ('x', '2024-01-01', '2024-01-01', 4242, 'unknown');");

  g_assert_false (amparo_store_check_file (path, NULL, &error));
  g_clear_error (&error);
  g_assert_true (g_file_test (mark, G_FILE_TEST_EXISTS));
  before = read_bytes (path);

  store = amparo_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "--restore"));
  g_clear_error (&error);
  g_assert_true (file_bytes_equal (path, before));

  /* Repaired by hand: the next check clears the mark. */
  run_sql (path, "DELETE FROM locations WHERE uid = 'x';");
  g_assert_true (amparo_store_check_file (path, NULL, &error));
  g_assert_false (g_file_test (mark, G_FILE_TEST_EXISTS));
  store = amparo_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store_test_remove_tree (dir);
}

/* postgres (#10): what opening means on a shared server. A new store
 * has the whole schema and reopens; a server updated by a newer Amparo
 * is refused and left alone. */
static void
test_server_new_and_newer (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(AmparoStore) again = NULL;
  g_autoptr(GError) error = NULL;
  int version = amparo_store_get_schema_version (fixture->store);

  g_assert_cmpint (version, >=, 17);
  g_assert_true (amparo_store_is_shared (fixture->store));
  again = amparo_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amparo_store_get_schema_version (again), ==, version);
  g_clear_object (&again);

  g_assert_true (amparo_store_exec (fixture->store,
                                    "INSERT INTO amparo_migrations VALUES (9999, now()::text)", NULL));
  again = amparo_store_open (fixture->path, &error);
  g_assert_null (again);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
}

/* --check on the server names a record whose link points nowhere (let
 * in past the server's own checks, as a careless restore would), and a
 * person the search index misses. */
static void
test_server_check (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = store_test_add_person (fixture->store, "Yoselin", "Ixcot", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_assert_true (amparo_store_check (fixture->store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
  g_clear_pointer (&report, g_free);

  g_assert_true (amparo_store_exec (fixture->store,
                                    "SET session_replication_role = replica;"
                                    "INSERT INTO locations (uid, created_at, updated_at, person_id, kind)"
                                    " VALUES ('x', '2024-01-01', '2024-01-01', 4242, 'unknown');"
                                    "DELETE FROM persons_search;"
                                    "SET session_replication_role = origin;", NULL));

  g_assert_false (amparo_store_check (fixture->store, &report, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report, "locations"));
  g_assert_nonnull (strstr (report, "search"));
}

/* A store's connection takes no lock per call: each thread that works
 * on a store opens its own, so SQLite's serialized mode only cost a
 * mutex on every step and column (a third of a search's read at 1M). */
static void
test_connection_unlocked (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_assert_null (sqlite3_db_mutex (amparo_store_get_db (fixture->store)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The rest is about files: their mode, sidecars, pages and disk. */
  if (amparo_test_engine_is_pg ())
    {
      STORE_TEST ("/store/open/server/new-and-newer", test_server_new_and_newer);
      STORE_TEST ("/store/open/server/check", test_server_check);
      return g_test_run ();
    }

  STORE_TEST ("/store/open/new-file", test_new_file);
  STORE_TEST ("/store/open/connection-unlocked", test_connection_unlocked);
  g_test_add_func ("/store/open/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/open/not-amparo", test_not_amparo);
  g_test_add_func ("/store/open/corrupt", test_corrupt_file);
  g_test_add_func ("/store/open/read-only", test_read_only);
  g_test_add_func ("/store/open/zero-byte-file", test_zero_byte_file);
  g_test_add_func ("/store/open/refuses-damaged-store", test_refuses_damaged_store);
  g_test_add_data_func ("/store/open/foreign-wal/sqlite", GINT_TO_POINTER (FALSE), test_foreign_wal);
  g_test_add_data_func ("/store/open/foreign-wal/amparo", GINT_TO_POINTER (TRUE), test_foreign_wal);
  STORE_TEST ("/store/open/disk-full", test_disk_full);
  STORE_TEST ("/store/open/check-finds-broken-links", test_check_finds_broken_links);
  STORE_TEST ("/store/open/check-finds-wrong-count", test_check_finds_wrong_count);
  STORE_TEST ("/store/open/upgrade-rewrites-no-row", test_upgrade_rewrites_no_row);

  return g_test_run ();
}
