/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "amparo-location.h"
#include "amparo-person.h"
#include "amparo-search.h"
#include "store-test-util.h"

/* The search index without its own copy of the text (#14, migration
 * 0026): it is smaller, and after every kind of change it still holds
 * exactly the words of the live persons and their live places. SQLite
 * only: the server's index (pg/0017) is a column of its own table. */

static guint
count_hits (AmparoStore *store,
            const char  *text)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  g_autoptr(GArray) ids = amparo_search_persons (store, text, 50, &n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids->len;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The index against one built afresh from the persons as they are now:
 * the same words, each in as many persons (fts5vocab), and the same
 * persons indexed. FTS5's own integrity-check cannot tell: an
 * external-content index that kept a word the person lost passes it. */
static void
assert_index_matches_persons (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE VIRTUAL TABLE temp.fresh USING fts5 (names, aliases, a_number, places,"
                                 " tokenize = 'unicode61 remove_diacritics 2', detail = none);"
                                 "INSERT INTO temp.fresh (rowid, names, aliases, a_number, places)"
                                 " SELECT p.id, coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),"
                                 "  p.aliases, p.a_number,"
                                 "  (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')"
                                 "     FROM locations l WHERE l.person_id = p.id AND l.deleted_at IS NULL)"
                                 "  FROM persons p WHERE p.deleted_at IS NULL;"
                                 "CREATE VIRTUAL TABLE temp.v_index USING fts5vocab (main, persons_fts, 'row');"
                                 "CREATE VIRTUAL TABLE temp.v_fresh USING fts5vocab (temp, fresh, 'row');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT term, doc FROM temp.v_index"
                                  " EXCEPT SELECT term, doc FROM temp.v_fresh)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT term, doc FROM temp.v_fresh"
                                  " EXCEPT SELECT term, doc FROM temp.v_index)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM persons_fts_docsize"), ==,
                   query_int (db, "SELECT count(*) FROM persons WHERE deleted_at IS NULL"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM persons_fts_docsize d"
                                  " JOIN persons p ON p.id = d.id AND p.deleted_at IS NULL"), ==,
                   query_int (db, "SELECT count(*) FROM persons WHERE deleted_at IS NULL"));
  sqlite3_close (db);
}

static AmparoLocation *
add_location (AmparoStore  *store,
              AmparoPerson *person,
              const char   *facility,
              const char   *city)
{
  g_autoptr(GError) error = NULL;
  AmparoLocation *location = amparo_location_new ();

  amparo_location_set_person_id (location, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_location_set_kind (location, AMPARO_LOCATION_KIND_ORR_SHELTER);
  amparo_location_set_facility (location, facility);
  amparo_location_set_city (location, city);
  amparo_store_save (store, AMPARO_RECORD (location), &error);
  g_assert_no_error (error);
  return location;
}

static void
save (AmparoStore  *store,
      AmparoRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_save (store, record, &error));
  g_assert_no_error (error);
}

/* The index keeps no copy of the text; the view it reads is the text. */
static void
test_no_copy (StoreFixture  *fixture,
              gconstpointer  data)
{
  sqlite3 *db = NULL;

  if (amparo_test_skip_on_pg ("the SQLite search index"))
    return;
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'persons_fts_content'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"
                                  " WHERE name = 'persons_fts' AND sql LIKE '%content = ''persons_fts_source''%'"), ==, 1);
  sqlite3_close (db);
}

/* Names, places, trash and restore, a place moved to another person, a
 * batch: what the search finds follows, and the index holds nothing
 * else. */
static void
test_follows_changes (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = NULL;
  g_autoptr(AmparoPerson) luis = NULL;
  g_autoptr(AmparoLocation) shelter = NULL;
  g_autoptr(AmparoLocation) home = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (amparo_test_skip_on_pg ("the SQLite search index"))
    return;
  ana = store_test_add_person (fixture->store, "Ana Lucía", "Xiloj Batz", "2015-03-01");
  luis = store_test_add_person (fixture->store, "Luis", "Tzul", "2012-07-09");
  shelter = add_location (fixture->store, ana, "Casa Padre", "Brownsville");
  home = add_location (fixture->store, ana, NULL, "Houston");
  g_assert_cmpuint (count_hits (fixture->store, "brownsville"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "houston"), ==, 1);

  /* a place edited: the old word is gone */
  amparo_location_set_city (shelter, "Harlingen");
  save (fixture->store, AMPARO_RECORD (shelter));
  g_assert_cmpuint (count_hits (fixture->store, "brownsville"), ==, 0);
  g_assert_cmpuint (count_hits (fixture->store, "harlingen"), ==, 1);

  /* a place moved to another person */
  amparo_location_set_person_id (home, amparo_record_get_id (AMPARO_RECORD (luis)));
  save (fixture->store, AMPARO_RECORD (home));
  g_assert_cmpuint (count_hits (fixture->store, "houston tzul"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "houston xiloj"), ==, 0);

  /* a place trashed and back */
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (shelter), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (fixture->store, "harlingen"), ==, 0);
  g_assert_true (amparo_store_restore (fixture->store, AMPARO_RECORD (shelter), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (fixture->store, "harlingen"), ==, 1);

  /* a name changed, a person trashed and back */
  amparo_person_set_family_names (ana, "Xiloj Coj");
  save (fixture->store, AMPARO_RECORD (ana));
  g_assert_cmpuint (count_hits (fixture->store, "batz"), ==, 0);
  g_assert_cmpuint (count_hits (fixture->store, "coj"), ==, 1);
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (ana), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (fixture->store, "xiloj"), ==, 0);
  g_assert_cmpuint (count_hits (fixture->store, "harlingen"), ==, 0);
  /* a trashed person's place changes while they are out of the index */
  amparo_location_set_city (shelter, "Homestead");
  save (fixture->store, AMPARO_RECORD (shelter));
  g_assert_true (amparo_store_restore (fixture->store, AMPARO_RECORD (ana), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (fixture->store, "homestead xiloj"), ==, 1);

  /* a batch: its new persons are indexed at its end, the others at once */
  for (guint i = 0; i < 3; i++)
    {
      AmparoPerson *person = amparo_person_new ();

      amparo_person_set_given_names (person, "Yordi");
      amparo_person_set_family_names (person, i == 0 ? "Ajanel" : "Cux");
      g_ptr_array_add (batch, person);
    }
  amparo_person_set_given_names (luis, "Luis Fernando");
  g_ptr_array_add (batch, g_object_ref (luis));
  g_assert_true (amparo_store_save_many (fixture->store, batch, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (fixture->store, "yordi"), ==, 3);
  g_assert_cmpuint (count_hits (fixture->store, "fernando houston"), ==, 1);

  assert_index_matches_persons (fixture->path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search-index/no-copy", StoreFixture, NULL,
              store_fixture_set_up, test_no_copy, store_fixture_tear_down);
  g_test_add ("/search-index/follows-changes", StoreFixture, NULL,
              store_fixture_set_up, test_follows_changes, store_fixture_tear_down);

  return g_test_run ();
}
