/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

char        *amparo_test_make_dir   (void);
void         amparo_test_remove_dir (const char *dir);
AmparoStore *amparo_test_open_store (const char *dir,
                                     const char *name);

/* The fixture of most store tests: a private folder and a store in it
 * (named AMPARO_TEST_STORE_NAME), for g_test_add (). Embed it first in a
 * larger fixture to add more. */
#define AMPARO_TEST_STORE_NAME "amparo.db"

typedef struct
{
  char        *dir;
  AmparoStore *store;
} AmparoTestStoreFixture;

void         amparo_test_store_fixture_set_up    (AmparoTestStoreFixture *fixture,
                                                  gconstpointer           data);
void         amparo_test_store_fixture_tear_down (AmparoTestStoreFixture *fixture,
                                                  gconstpointer           data);

/* postgres (#10): one test program, both engines */
gboolean     amparo_test_engine_is_pg   (void);
char        *amparo_test_store_location (const char *dir,
                                         const char *name);
gboolean     amparo_test_skip_on_pg     (const char *why);
void         amparo_test_pg_run         (const char *variable);

G_END_DECLS
