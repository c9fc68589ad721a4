/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "amparo-enums.h"

G_BEGIN_DECLS

/*
 * roles (#17): who may read and write which kind of record. One table,
 * the same rules the PostgreSQL twin of migration 0016 gives as GRANTs:
 *
 *   kind (table)                                   front desk  attorney  communications  administrator
 *   persons, contacts, locations, relationships,
 *   events (intake, whereabouts, the agenda)        read write  read write  —               read write
 *   persons.notes (case notes)                       —          read write  —               read write
 *   proceedings, relationship_evidence,
 *   memberships, benefits, adverse_parties,
 *   conflict_decisions                               —          read write  —               read write
 *   litigation, releases, release_demands,
 *   demands, demand_updates                          —          read        read write      read write
 *   organization, staff                              read       read        read            read write
 *   case_restrictions                                read       read write  read            read write
 *   journal                                          —          read        —               read
 *
 * Nobody writes the journal through a save: the store writes it itself.
 * A kind this table does not know (a later migration's) is the
 * attorneys' and administrators'.
 */

typedef enum {
  AMPARO_ACCESS_READ,
  AMPARO_ACCESS_WRITE,
} AmparoAccessAction;

gboolean    amparo_access_allows            (AmparoStaffRole     role,
                                             const char         *table,
                                             AmparoAccessAction  action);
gboolean    amparo_access_allows_case_notes (AmparoStaffRole     role,
                                             AmparoAccessAction  action);
gboolean    amparo_access_sees_clients      (AmparoStaffRole     role);
const char *amparo_access_explain           (const char         *what);

G_END_DECLS
