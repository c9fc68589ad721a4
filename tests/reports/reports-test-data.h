/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store-reports.h"

G_BEGIN_DECLS

#define REPORTS_TEST_CRP "Children's Representation"
#define REPORTS_TEST_FR "Family Reunification"

typedef struct
{
  AmparoPerson *kevin;   /* active, CRP, intake last quarter, SIJS case */
  AmparoPerson *rosa;    /* Kevin's mother, adverse party in his case */
  AmparoPerson *yoselin; /* Rosa's daughter, recorded, not a client */
  AmparoPerson *marta;   /* active, FR, intake today */
  AmparoPerson *luis;    /* prospective, FR, intake today */
  AmparoPerson *carlos;  /* closed, CRP */
} ReportsTestData;

/* A store of its own in a temporary folder, filled with the data above:
 * the fixture of the reports' store tests. */
typedef struct
{
  char *dir;
  AmparoStore *store;
  ReportsTestData data;
} ReportsFixture;

void reports_fixture_set_up    (ReportsFixture *fixture,
                                const char     *today);
void reports_fixture_tear_down (ReportsFixture *fixture,
                                gconstpointer   user_data);

void reports_test_data_fill  (AmparoStore     *store,
                              const char      *today,
                              ReportsTestData *data);
void reports_test_data_clear (ReportsTestData *data);
char *reports_test_days_from (const char *today,
                              int         days);

G_END_DECLS
