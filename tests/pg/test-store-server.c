/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-db.h"
#include "amparo-test-store.h"
#include "amparo-store.h"

/* Opening a shared case store: TLS by default away from this computer,
 * a newer server schema refused, the journal's actor named by the server. */

static void
test_sslmode_defaults (void)
{
  static const struct { const char *uri; const char *sslmode; } cases[] = {
    { "postgresql://amparo@cases.example.org/amparo", "verify-full" },
    { "postgresql://amparo@10.0.0.5:5433/amparo", "verify-full" },
    { "postgresql://amparo@cases.example.org/amparo?sslmode=require", "require" },
    { "postgresql://amparo@localhost/amparo", NULL },
    { "postgresql://amparo@127.0.0.1:5432/amparo", NULL },
    { "postgresql:///amparo", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sslmode = amparo_db_pg_effective_sslmode (cases[i].uri);
      g_assert_cmpstr (sslmode, ==, cases[i].sslmode);
    }
}

/* A password in the address never reaches messages or the window title. */
static void
test_display_uri_hides_password (void)
{
  g_autofree char *shown = amparo_db_pg_display_uri ("postgresql://ana:s3cret@cases.example.org:5433/amparo");

  g_assert_cmpstr (shown, ==, "postgresql://ana@cases.example.org:5433/amparo");
}

static void
test_bad_address (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoStore) store = amparo_store_open ("postgresql://a@127.0.0.1:1/amparo", &error);

  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_UNREACHABLE);
}

static AmparoDb *
open_raw (const char *location)
{
  g_autoptr(GError) error = NULL;
  AmparoDb *db = amparo_db_pg_open (location, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *location = amparo_test_store_location (dir, "newer");
  g_autoptr(GError) error = NULL;
  AmparoStore *store;
  AmparoDb *db;

  if (!amparo_test_engine_is_pg ())
    {
      g_test_skip ("needs the PostgreSQL test server (suite store-pg)");
      return;
    }
  g_object_unref (amparo_test_open_store (dir, "newer"));
  db = open_raw (location);
  g_assert_true (amparo_db_exec (db, "INSERT INTO amparo_migrations VALUES (9999, 'later')", &error));
  amparo_db_close (db);

  store = amparo_store_open (location, &error);
  g_assert_null (store);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NEWER_VERSION);
  amparo_test_remove_dir (dir);
}

/* Whatever a client sends as the actor, the server writes its account. */
static void
test_actor_set_by_server (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *location = amparo_test_store_location (dir, "actor");
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  AmparoDb *db;

  if (!amparo_test_engine_is_pg ())
    {
      g_test_skip ("needs the PostgreSQL test server (suite store-pg)");
      return;
    }
  store = amparo_test_open_store (dir, "actor");
  db = open_raw (location);
  g_assert_true (amparo_db_exec (db, "INSERT INTO journal (uid, created_at, updated_at, actor, action)"
                                     " VALUES ('x', 'now', 'now', 'mallory', 'view')", &error));
  stmt = amparo_db_prepare (db, "SELECT actor FROM journal WHERE uid = ?", &error);
  amparo_db_bind_text (stmt, 1, "x");
  g_assert_cmpint (amparo_db_step (stmt, &error), ==, AMPARO_DB_ROW);
  g_assert_cmpstr (amparo_db_column_text (stmt, 0), ==, "postgres");
  g_clear_pointer (&stmt, amparo_db_stmt_free);
  amparo_db_close (db);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-pg/sslmode-defaults", test_sslmode_defaults);
  g_test_add_func ("/store-pg/display-uri-hides-password", test_display_uri_hides_password);
  g_test_add_func ("/store-pg/bad-address", test_bad_address);
  g_test_add_func ("/store-pg/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/store-pg/actor-set-by-server", test_actor_set_by_server);

  return g_test_run ();
}
