/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 persons;
  guint64 locations;
  guint64 relationships;
  /* A real A-number of the data, for A-number searches. */
  char a_number[10];
} AmparoBenchCounts;

/* Always among the generated persons, so benchmarks and tests have
 * something to find: "José Núñez" (search) and "Joselyn López", 7,
 * Guatemala (tracing). */
#define AMPARO_BENCH_SEARCH_TARGET_GIVEN "José"
#define AMPARO_BENCH_SEARCH_TARGET_FAMILY "Núñez Hernández"
#define AMPARO_BENCH_TRACING_TARGET_GIVEN "Joselyn"
#define AMPARO_BENCH_TRACING_TARGET_FAMILY "López Ixcot"

gboolean amparo_bench_generate_persons (AmparoStore       *store,
                                        guint              n_persons,
                                        guint32            seed,
                                        AmparoBenchCounts *counts,
                                        GError           **error);

G_END_DECLS
