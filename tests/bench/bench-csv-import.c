/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "amparo-bench-data.h"
#include "amparo-csv.h"
#include "amparo-store.h"

/* CSV import through the import's public API (parse, validate, apply
 * with the journal) against sqlite3's `.import` of the same file into a
 * bare table. The CSV is Amparo's own export of N synthetic persons
 * (argument, 2000 by default). Prints rows per second and the ratio;
 * never fails on them. */

/* CPU time of this process: on a shared machine the wall time is mostly
 * other people's work. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* How big the batch's writes were beside the 32 MB page cache: a
 * transaction whose dirty pages outgrow it spills them to the WAL and
 * reads them back, one suspect for the per-row cost growing with N. */
static void
print_sizes (const char *db_path)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  GStatBuf db_st = { 0, }, wal_st = { 0, };

  g_stat (db_path, &db_st);
  g_stat (wal_path, &wal_st);
  printf ("# after the import: database file %.1f MB, WAL %.1f MB\n",
          db_st.st_size / 1e6, wal_st.st_size / 1e6);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 2000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amparo-bench-csv-XXXXXX", &error);
  g_autofree char *source_path = g_build_filename (dir, "source.db", NULL);
  g_autofree char *target_path = g_build_filename (dir, "target.db", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "persons.csv", NULL);
  g_autofree char *command = NULL;
  AmparoBenchCounts counts;
  double import_ms, check_ms, sqlite_ms, cpu_start, check_cpu_ms;
  guint imported;
  gint64 start;

  {
    g_autoptr(AmparoStore) source = amparo_store_open (source_path, &error);
    g_autoptr(GListModel) persons = NULL;

    if (source == NULL || !amparo_bench_generate_persons (source, n, 42, &counts, &error))
      g_error ("%s", error->message);
    persons = amparo_store_list_persons (source, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);
    if (!amparo_csv_write_persons (source, persons, csv, &error))
      g_error ("%s", error->message);
    /* Where a person too many or too few would come from: the
     * generator, the list, or the import. */
    printf ("# generated %" G_GUINT64_FORMAT " persons; the store counts %" G_GINT64_FORMAT "; the list exported %u\n",
            counts.persons, amparo_store_count (source, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE),
            g_list_model_get_n_items (persons));
  }

  {
    g_autoptr(AmparoStore) target = amparo_store_open (target_path, &error);
    g_autoptr(AmparoCsvImport) import = NULL;

    if (target == NULL)
      g_error ("%s", error->message);
    start = g_get_monotonic_time ();
    cpu_start = cpu_ms ();
    import = amparo_csv_import_new_from_file (target, csv, &error);
    check_ms = ms_since (start);
    check_cpu_ms = cpu_ms () - cpu_start;
    if (import == NULL)
      g_error ("%s", error->message);
    printf ("# the import read %u rows: %u new, %u matched, %u rejected\n",
            amparo_csv_import_get_n_rows (import),
            amparo_csv_import_count (import, AMPARO_CSV_ROW_CREATE),
            amparo_csv_import_count (import, AMPARO_CSV_ROW_UPDATE),
            amparo_csv_import_count (import, AMPARO_CSV_ROW_REJECT));
    if (!amparo_csv_import_apply (import, &error))
      g_error ("%s", error->message);
    import_ms = ms_since (start);
    printf ("# reading and checking %u rows: %.0f ms (CPU %.0f ms); saving them: %.0f ms (CPU %.0f ms); CPU time of both: %.0f ms (%.0f rows per CPU second)\n",
            n, check_ms, check_cpu_ms, import_ms - check_ms, cpu_ms () - cpu_start - check_cpu_ms,
            cpu_ms () - cpu_start, n / ((cpu_ms () - cpu_start) / 1000.0));
    imported = (guint) amparo_store_count (target, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE);
    print_sizes (target_path);
  }

  command = g_strdup_printf ("sqlite3 '%s' '.import --csv %s persons'", bare_path, csv);
  start = g_get_monotonic_time ();
  if (system (command) != 0)
    {
      printf ("# sqlite3 not found; CSV import of %u rows: %.0f ms (%.0f rows/s)\n",
              imported, import_ms, imported / (import_ms / 1000.0));
      sqlite_ms = -1;
    }
  else
    {
      sqlite_ms = ms_since (start);
      printf ("# CSV import, %u rows (%u imported): %.0f ms, %.0f rows/s; sqlite3 .import %.0f ms, %.0f rows/s (×%.0f)\n",
              n, imported, import_ms, imported / (import_ms / 1000.0), sqlite_ms,
              n / (sqlite_ms / 1000.0), import_ms / sqlite_ms);
    }

  g_free (command);
  command = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (command) != 0)
    g_printerr ("# could not remove %s\n", dir);
  printf ("1..1\nok 1 /bench/csv-import\n");
  return 0;
}
