/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: whatever a spreadsheet holds goes through the CSV
 * reader and the row checks against a real store, as the window's and
 * the command line's import do, and the accepted rows are saved inside a
 * transaction that is then rolled back (so the store stays small). Any
 * input must end in a preview with one line per row, never a crash. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "amparo-csv.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static AmparoStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amparo-fuzz-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(AmparoPerson) known = amparo_person_new ();

  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = amparo_store_open (path, &error);
  g_assert_no_error (error);

  /* One person already in the store, so rows can match an A-Number. */
  amparo_person_set_given_names (known, "Ana");
  amparo_person_set_family_names (known, "López");
  amparo_person_set_a_number (known, "123456789");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (known), &error));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  import = amparo_csv_import_new (store, (const char *) data, size, &error);
  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  report = amparo_csv_import_format_report (import);
  g_assert_true (g_utf8_validate (report, -1, NULL));
  for (guint i = 0; i < amparo_csv_import_get_n_rows (import); i++)
    {
      g_autofree char *line = amparo_csv_import_describe_row (import, i);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      if (amparo_csv_import_get_action (import, i) == AMPARO_CSV_ROW_REJECT)
        g_assert_nonnull (amparo_csv_import_get_reason (import, i));
    }

  g_assert_true (amparo_store_begin (store, NULL));
  g_clear_error (&error);
  if (!amparo_csv_import_apply (import, &error))
    g_assert_nonnull (error);
  amparo_store_rollback (store);
  return 0;
}
