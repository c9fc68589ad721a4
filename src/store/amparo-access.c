/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-access.h"

/* The table in amparo-access.h, one row per group of kinds. */
typedef struct
{
  const char *const *tables;
  /* Per role, in AmparoStaffRole order: 0 none, 1 read, 2 read and write. */
  guint8 level[4];
} AccessRow;

static const char *const intake[] = { "persons", "contacts", "locations", "relationships", "events", NULL };
static const char *const casework[] = { "proceedings", "relationship_evidence", "memberships", "benefits",
                                        "adverse_parties", "conflict_decisions", NULL };
static const char *const press[] = { "litigation", "releases", "release_demands", "demands",
                                     "demand_updates", NULL };
static const char *const settings[] = { "organization", "staff", NULL };
static const char *const restrictions[] = { "case_restrictions", NULL };
static const char *const journal[] = { "journal", NULL };

static const AccessRow rows[] = {
  /*                    front desk  attorney  communications  administrator */
  { intake,         { 2,          2,        0,              2 } },
  { casework,       { 0,          2,        0,              2 } },
  { press,          { 0,          1,        2,              2 } },
  { settings,       { 1,          1,        1,              2 } },
  { restrictions,   { 1,          2,        1,              2 } },
  { journal,        { 0,          1,        0,              1 } },
};

/* Kinds added later (another area's migration) default to this. */
static const guint8 unknown_kind[4] = { 0, 2, 0, 2 };

static const guint8 *
levels_for (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strv_contains (rows[i].tables, table))
      return rows[i].level;
  return unknown_kind;
}

/**
 * amparo_access_allows:
 * @role: the staff member's role
 * @table: the record kind's table, e.g. `"proceedings"`
 *
 * Returns: whether @role may read (or read and write) records of @table
 */
gboolean
amparo_access_allows (AmparoStaffRole     role,
                      const char         *table,
                      AmparoAccessAction  action)
{
  g_return_val_if_fail (table != NULL, FALSE);

  if ((guint) role >= 4)
    return FALSE;
  return levels_for (table)[role] > (action == AMPARO_ACCESS_WRITE ? 1 : 0);
}

/**
 * amparo_access_allows_case_notes:
 *
 * Returns: whether @role may see or change a client's case notes (the
 *   person's `notes`): attorneys and administrators only
 */
gboolean
amparo_access_allows_case_notes (AmparoStaffRole     role,
                                 AmparoAccessAction  action)
{
  return role == AMPARO_STAFF_ROLE_ATTORNEY || role == AMPARO_STAFF_ROLE_ADMINISTRATOR;
}

/**
 * amparo_access_sees_clients:
 *
 * Returns: whether @role has a Clients section at all
 */
gboolean
amparo_access_sees_clients (AmparoStaffRole role)
{
  return amparo_access_allows (role, "persons", AMPARO_ACCESS_READ);
}

/**
 * amparo_access_explain:
 * @what: `"notes"` (case notes) or a table name
 *
 * Returns: a translated sentence saying who sees what is hidden, to show
 *   in its place (never an error)
 */
const char *
amparo_access_explain (const char *what)
{
  if (g_strcmp0 (what, "notes") == 0)
    return _("Case notes are visible to attorneys.");
  if (g_strcmp0 (what, "proceedings") == 0)
    return _("Proceedings and their notes are visible to attorneys.");
  if (g_strcmp0 (what, "relationship_evidence") == 0)
    return _("Evidence of family links is visible to attorneys.");
  if (g_strcmp0 (what, "memberships") == 0 || g_strcmp0 (what, "benefits") == 0)
    return _("Class membership and benefits are visible to attorneys.");
  if (g_strcmp0 (what, "adverse_parties") == 0)
    return _("Adverse parties are visible to attorneys.");
  if (g_strcmp0 (what, "persons") == 0)
    return _("Client records are not part of your role.");
  if (g_strcmp0 (what, "journal") == 0)
    return _("The journal is visible to administrators.");
  return _("This is not part of your role.");
}
