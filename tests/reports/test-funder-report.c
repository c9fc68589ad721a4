/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "amparo-funder-report.h"
#include "amparo-store-private.h"
#include "amparo-test-store.h"
#include "reports-test-data.h"

/* The funder report as files: the counts of test-store-reports.c in CSV
 * and a bilingual PDF, each readable by its owner only (even over a file
 * that was not), and each export journaled. */

#define TODAY "2026-05-20"

typedef ReportsFixture Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  reports_fixture_set_up (fixture, TODAY);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  reports_fixture_tear_down (fixture, user_data);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static gint64
exports_journaled (AmparoStore *store)
{
  const char *params[] = { NULL };

  return amparo_store_count_where (store, AMPARO_TYPE_JOURNAL_ENTRY,
                                   "action = 'export' AND details LIKE 'Funder report%'", params, NULL);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_THIS_MONTH, TODAY, NULL, NULL, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "funder.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* A file left readable by others is replaced by a private one. */
  g_assert_true (g_file_set_contents_full (path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_true (amparo_funder_report_export (fixture->store, scope, "csv", path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  g_assert_true (g_str_has_prefix (text, "table,key,label,count\r\n"));
  g_assert_nonnull (strstr (text, "period,from,,2026-05-01\r\n"));
  g_assert_nonnull (strstr (text, "program," REPORTS_TEST_CRP "," REPORTS_TEST_CRP ",2\r\n"));
  g_assert_nonnull (strstr (text, "funding-source,ORR,ORR,2\r\n"));
  g_assert_nonnull (strstr (text, "new-intakes," REPORTS_TEST_FR "," REPORTS_TEST_FR ",2\r\n"));
  g_assert_nonnull (strstr (text, "age-group,13-17,13 to 17 years,2\r\n"));
  g_assert_nonnull (strstr (text, "unaccompanied,yes,Unaccompanied,1\r\n"));
  g_assert_nonnull (strstr (text, "country,El Salvador,El Salvador,1\r\n"));
  g_assert_cmpint (exports_journaled (fixture->store), ==, 1);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_LAST_QUARTER, TODAY, NULL, NULL,
                                                                REPORTS_TEST_CRP);
  g_autofree char *path = g_build_filename (fixture->dir, "funder.pdf", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_funder_report_export (fixture->store, scope, "pdf", path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "%PDF", 4) == 0);
  g_assert_cmpint (exports_journaled (fixture->store), ==, 1);
}

/* A folder that does not exist: a clear error, nothing journaled. */
static void
test_bad_folder (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AmparoReportScope) scope = amparo_report_scope_new (AMPARO_REPORT_PERIOD_THIS_MONTH, TODAY, NULL, NULL, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "no", "such", "funder.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (amparo_funder_report_export (fixture->store, scope, "csv", path, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "The funder report was not saved: "));
  g_assert_cmpint (exports_journaled (fixture->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/funder/csv", Fixture, NULL, fixture_setup, test_csv, fixture_teardown);
  g_test_add ("/funder/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/funder/bad-folder", Fixture, NULL, fixture_setup, test_bad_folder, fixture_teardown);
  return g_test_run ();
}
