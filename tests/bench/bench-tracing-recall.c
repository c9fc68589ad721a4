/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "amparo-bench-data.h"
#include "amparo-name-matcher.h"
#include "amparo-name-matcher-private.h"
#include "amparo-phonetic.h"
#include "amparo-store.h"

/* Tracing recall: among N synthetic persons, 20 relatives written down
 * with ordinary spelling variants (b/v, s/z/c, ll/y, a dropped h,
 * x/j/s, k/qu, double letters, dropped accents, family names swapped or
 * only one of them, compound given names, "de la Cruz" as "Delacruz") — is each among the first five proposed
 * when sought with the other spelling, and how long does it take?
 * Prints recall@5 and times; never fails on them. N from the argument
 * (100000), or a store to copy from AMPARO_BENCH_STORE;
 * AMPARO_BENCH_KEEP_DIR keeps the store (planted persons included) there
 * for a closer look or the next run.
 *
 * Beside the plain recall (the figure of record, always printed first)
 * it prints recall over "answerable" targets: those with at most four
 * exact namesakes (every word sought, given and family, spelled the
 * same) of the same country and an age within AGE_BAND years. With five
 * or more such persons no tool could put the one planted among the
 * first five without more facts. Namesakes are counted among the first
 * 100 proposals, so the count is a lower bound. */

#define AGE_BAND 2
#define MAX_NAMESAKES 4

typedef struct
{
  const char *sought_given, *sought_family;
  const char *written_given, *written_family;
  int age;
  const char *country;
} Planted;

static const Planted planted[] = {
  /* y/j, s/z, accents dropped */
  { "Yoselin", "López Ixcot", "Joselyn", "Lopes Ixcot", 7, "Guatemala" },
  /* h dropped, accent dropped, s/z */
  { "Brayan", "Hernández Tum", "Bryan", "Ernandes Tum", 12, "Guatemala" },
  { "Wilmer", "Velásquez", "Guilmer", "Velazquez", 15, "Honduras" },
  { "Jesús", "Gutiérrez Pu", "Jesus", "Gutierres Pu", 9, "El Salvador" },
  { "Heidy", "Xiloj Batz", "Eidy", "Siloj Batz", 6, "Guatemala" },
  { "Kevin", "Quiché Coj", "Kebin", "Kiche Coj", 13, "Guatemala" },
  { "Ximena", "Zelaya Funes", "Jimena", "Selaya Funes", 8, "Honduras" },
  /* double letters, ll/y */
  { "Josué", "Bonilla Cerna", "Jossue", "Boniya Cerna", 16, "El Salvador" },
  /* a compound given name, accents dropped */
  { "María José", "Cabrera Yax", "Maria Jose", "Cabrera Yax", 11, "Guatemala" },
  { "Yordi", "Tzul Ajanel", "Jordy", "Sul Ajanel", 10, "Guatemala" },
  { "Génesis", "Yax Tum", "Jenesis", "Llax Tum", 5, "Guatemala" },
  /* family names swapped */
  { "Zoila", "Ajanel Cux", "Soila", "Cux Ajanel", 14, "Guatemala" },
  { "Guillermo", "Villatoro", "Guiyermo", "Billatoro", 17, "Honduras" },
  /* the record has only one of the two family names */
  { "Anderson", "Chiquín Xiloj", "Anderzon", "Chiquin", 12, "Guatemala" },
  { "Darwin", "Quintanilla Solís", "Darwin", "Kintanilla Solis", 15, "El Salvador" },
  { "Maricela", "Girón Barrios", "Marisela", "Jirón Barrios", 9, "Honduras" },
  /* a compound given name written as one word */
  { "Juan Carlos", "Cux Coj", "Juancarlos", "Cuz Coj", 7, "Guatemala" },
  /* "de la Cruz" written as one word */
  { "Elmer", "de la Cruz Pineda", "Elmer", "Delacruz Pineda", 13, "Guatemala" },
  { "Rigoberto", "Batz Coj", "Rigoverto", "Bats Coj", 16, "Guatemala" },
  /* only one family name sought */
  { "Dilcia", "Portillo", "Dilsia", "Portiyo Orellana", 10, "Honduras" },
};

static char *
birth_date_for_age (int years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) birth = g_date_time_add_full (now, -years, -2, 0, 0, 0, 0);

  return g_date_time_format (birth, "%Y-%m-%d");
}

static gint64
plant (AmparoStore   *store,
       const Planted *p)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autofree char *birth = birth_date_for_age (p->age);
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (person, p->written_given);
  amparo_person_set_family_names (person, p->written_family);
  amparo_person_set_birth_date (person, birth);
  amparo_person_set_country_of_birth (person, p->country);
  if (!amparo_store_save (store, AMPARO_RECORD (person), &error))
    g_error ("%s", error->message);
  return amparo_record_get_id (AMPARO_RECORD (person));
}

/* Every word of @sought is among the words of @have, accents and case
 * aside. */
static gboolean
has_all_words (const char *have,
               const char *sought)
{
  g_auto(GStrv) have_words = amparo_phonetic_split_words (have != NULL ? have : "");
  g_auto(GStrv) sought_words = amparo_phonetic_split_words (sought);

  for (guint i = 0; sought_words[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) have_words, sought_words[i]))
      return FALSE;
  return TRUE;
}

/* Persons other than the planted one who carry exactly the name sought,
 * with its country and about its age. */
static guint
count_namesakes (GListModel    *matches,
                 const Planted *p,
                 gint64         planted_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n = 0;

  for (guint j = 0; matches != NULL && j < g_list_model_get_n_items (matches); j++)
    {
      g_autoptr(AmparoNameMatch) match = g_list_model_get_item (matches, j);
      const char *birth = amparo_name_match_get_birth_date (match);
      int age = birth != NULL ? g_date_time_get_year (now) - atoi (birth) : -100;

      if (amparo_name_match_get_person_id (match) != planted_id
          && has_all_words (amparo_name_match_get_given_names (match), p->sought_given)
          && has_all_words (amparo_name_match_get_family_names (match), p->sought_family)
          && g_strcmp0 (amparo_name_match_get_country_of_birth (match), p->country) == 0
          && ABS (age - p->age) <= AGE_BAND)
        n++;
    }
  return n;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  const char *given_store = g_getenv ("AMPARO_BENCH_STORE");
  g_autoptr(GError) error = NULL;
  const char *keep = g_getenv ("AMPARO_BENCH_KEEP_DIR");
  g_autofree char *dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("amparo-bench-tracing-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(AmparoStore) store = NULL;
  gint64 ids[G_N_ELEMENTS (planted)];
  double times[G_N_ELEMENTS (planted)];
  double cpu_times[G_N_ELEMENTS (planted)];
  guint found = 0, outranked = 0;
  guint answerable = 0, answerable_found = 0;

  if (given_store != NULL)
    {
      g_autofree char *command = g_strdup_printf ("cp '%s' '%s'", given_store, path);

      if (system (command) != 0)
        g_error ("could not copy %s", given_store);
    }
  store = amparo_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (given_store == NULL)
    {
      AmparoBenchCounts counts;

      if (!amparo_bench_generate_persons (store, n, 42, &counts, &error))
        g_error ("%s", error->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    ids[i] = plant (store, &planted[i]);
  if (!amparo_name_matcher_update_keys (store, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      const Planted *p = &planted[i];
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();
      g_autoptr(GListModel) matches = amparo_name_matcher_find (store, p->sought_given, p->sought_family,
                                                                p->age + 1, p->country, 5, &error);
      int rank = -1;

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      /* CPU time too: on a loaded machine the wall time says little */
      cpu_times[i] = (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC;
      for (guint j = 0; matches != NULL && j < g_list_model_get_n_items (matches); j++)
        {
          g_autoptr(AmparoNameMatch) match = g_list_model_get_item (matches, j);

          if (amparo_name_match_get_person_id (match) == ids[i] && rank < 0)
            rank = (int) j;
        }
      if (rank >= 0)
        found++;
      {
        g_autoptr(GListModel) hundred = amparo_name_matcher_find (store, p->sought_given, p->sought_family,
                                                                  p->age + 1, p->country, 100, NULL);
        guint namesakes = count_namesakes (hundred, p, ids[i]);

        if (namesakes <= MAX_NAMESAKES)
          {
            answerable++;
            answerable_found += rank >= 0;
          }
        printf ("#   %-10s %-18s → %-10s %-18s %s (%.1f ms, CPU %.1f ms); exact namesakes %u\n",
                p->sought_given, p->sought_family, p->written_given, p->written_family,
                rank >= 0 ? "found" : "MISSED", times[i], cpu_times[i], namesakes);
      }
      /* what came first instead, to see why: a planted person who
       * scores above the fifth was never collected */
      if (rank < 0)
        {
          g_autofree char *birth = birth_date_for_age (p->age);
          AmparoNameQuery query = { p->sought_given, p->sought_family, p->age + 1, p->country };
          AmparoNameCandidate candidate = { ids[i], NULL, p->written_given, p->written_family, NULL,
                                            birth, p->country };
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                                   g_date_time_get_month (now), g_date_time_get_year (now));
          g_autoptr(AmparoNameMatch) own = amparo_name_matcher_score (&query, &candidate, today);

          g_autoptr(GListModel) wider = amparo_name_matcher_find (store, p->sought_given, p->sought_family,
                                                                  p->age + 1, p->country, 100, NULL);
          int wide_rank = -1;
          guint better = 0;

          for (guint j = 0; wider != NULL && j < g_list_model_get_n_items (wider); j++)
            {
              g_autoptr(AmparoNameMatch) match = g_list_model_get_item (wider, j);

              if (amparo_name_match_get_person_id (match) == ids[i] && wide_rank < 0)
                wide_rank = (int) j;
              if (own != NULL && amparo_name_match_get_score (match) > amparo_name_match_get_score (own))
                better++;
            }
          printf ("#       the planted person scores %.3f, %u of the first 100 score higher;"
                  " asked for 100 it comes %d%s\n",
                  own != NULL ? amparo_name_match_get_score (own) : -1.0, better, wide_rank + 1,
                  wide_rank < 0 ? " (not among them)" : "");
          if (better >= 5)
            outranked++;
        }
      /* what came first instead, to see why */
      for (guint j = 0; rank < 0 && matches != NULL && j < g_list_model_get_n_items (matches); j++)
        {
          g_autoptr(AmparoNameMatch) match = g_list_model_get_item (matches, j);

          printf ("#       %u. %s %s, born %s, %s: %.3f\n", j + 1, amparo_name_match_get_given_names (match),
                  amparo_name_match_get_family_names (match),
                  amparo_name_match_get_birth_date (match) ? amparo_name_match_get_birth_date (match) : "?",
                  amparo_name_match_get_country_of_birth (match) ? amparo_name_match_get_country_of_birth (match) : "?",
                  amparo_name_match_get_score (match));
        }
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  qsort (cpu_times, G_N_ELEMENTS (cpu_times), sizeof (double), compare_doubles);
  g_print ("# tracing recall@5 over %u persons: %u/%u; median %.1f ms, max %.1f ms\n",
           (guint) amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE),
           found, (guint) G_N_ELEMENTS (planted), times[G_N_ELEMENTS (times) / 2],
           times[G_N_ELEMENTS (times) - 1]);
  g_print ("# CPU: median %.1f ms, max %.1f ms\n", cpu_times[G_N_ELEMENTS (cpu_times) / 2],
           cpu_times[G_N_ELEMENTS (cpu_times) - 1]);
  g_print ("# beside it, recall@5 over answerable targets (at most %d exact namesakes of the same"
           " country, age within %d): %u/%u\n", MAX_NAMESAKES, AGE_BAND, answerable_found, answerable);
  /* A big store holds true namesakes of the right age and country: a
   * planted variant they outscore is ranked right, not lost. */
  g_print ("# missed with five or more persons matching better (namesakes, ranked right): %u;"
           " missed otherwise: %u\n", outranked, (guint) G_N_ELEMENTS (planted) - found - outranked);

  g_clear_object (&store);
  if (keep == NULL)
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (command) != 0)
      g_printerr ("# could not remove %s\n", dir);
  }
  g_print ("1..1\nok 1 /bench/tracing-recall\n");
  return 0;
}
