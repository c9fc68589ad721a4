/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "amparo-csv.h"
#include "amparo-store.h"
#include "amparo-test-store.h"

/* Spreadsheets as an administrator really gets them — blank cells, stray
 * bytes, broken quotes, typos in A-Numbers — imported into a real store
 * in a temporary file. Every row must end in the report, never a crash. */

typedef struct
{
  char        *dir;
  AmparoStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "test.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static AmparoCsvImport *
import_text (Fixture    *fixture,
             const char *text,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  AmparoCsvImport *import = amparo_csv_import_new (fixture->store, text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  for (guint i = 0; i < amparo_csv_import_get_n_rows (import); i++)
    {
      g_autofree char *line = amparo_csv_import_describe_row (import, i);
      g_test_message ("%s", line);
    }
  return import;
}

/* A cell holding only a space used to dereference a missing GError. */
static void
test_blank_a_number (Fixture       *fixture,
                     gconstpointer  data)
{
  const char text[] = "Given names,Family names,A-Number\n"
                      "Ana,López, \n"
                      "Luis,Paz,\t\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, strlen (text));

  g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpint (amparo_csv_import_get_action (import, 0), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_cmpint (amparo_csv_import_get_action (import, 1), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_null (amparo_person_get_a_number (amparo_csv_import_get_person (import, 0)));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv-import/blank-a-number", test_blank_a_number);
#undef ADD

  return g_test_run ();
}
