/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-test-store.h"

/* Each test gets its own real database file in a fresh temporary folder. */
typedef struct
{
  char *dir;
  char *path;
  AmparoStore *store;
} StoreFixture;

static inline void
store_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            store_test_remove_tree (child);
          else
            g_unlink (child);
          g_free (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static inline void
store_fixture_set_up (StoreFixture  *fixture,
                      gconstpointer  data)
{
  GError *error = NULL;

  fixture->dir = g_dir_make_tmp ("amparo-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* A file, or a database on the test server (postgres #10). */
  fixture->path = amparo_test_store_location (fixture->dir, "amparo.db");
  fixture->store = amparo_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
store_fixture_tear_down (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static inline AmparoPerson *
store_test_add_person (AmparoStore *store,
                       const char  *given,
                       const char  *family,
                       const char  *birth_date)
{
  GError *error = NULL;
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_birth_date (person, birth_date);
  amparo_store_save (store, AMPARO_RECORD (person), &error);
  g_assert_no_error (error);
  return person;
}

static inline char *
store_test_days_from_today (int days)
{
  GDateTime *now = g_date_time_new_now_local ();
  GDateTime *then = g_date_time_add_days (now, days);
  char *text = g_date_time_format (then, "%Y-%m-%d");

  g_date_time_unref (now);
  g_date_time_unref (then);
  return text;
}

#define STORE_TEST(name, func) \
  g_test_add (name, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)
