/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-store-private.h"
#include "amparo-store-reports.h"

/* For the screenshots (tests/screenshots/take.sh): records, through the
 * store like the panel does, two adverse parties in Brayan Mejía Cruz's
 * cases of the sample data, so his page shows its "Adverse Parties".
 *   adverse-shots-seed STORE */

static gint64
one_id (AmparoStore *store,
        const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = amparo_store_prepare (store, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("Not in the sample data: %s", sql);
  return sqlite3_column_int64 (stmt, 0);
}

static void
add_party (AmparoStore       *store,
           gint64             person_id,
           gint64             proceeding_id,
           const char        *name,
           gboolean           organization,
           AmparoAdverseRole  role,
           const char        *notes)
{
  g_autoptr(AmparoAdverseParty) party = amparo_adverse_party_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (party, "person-id", person_id, "proceeding-id", proceeding_id, "party-name", name,
                "organization", organization, "role", role, "notes", notes, NULL);
  if (!amparo_store_save (store, AMPARO_RECORD (party), &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 brayan, sijs;

  if (argc != 2)
    g_error ("Usage: adverse-shots-seed STORE");
  if (!(store = amparo_store_open (argv[1], &error)))
    g_error ("%s", error->message);
  brayan = one_id (store, "SELECT id FROM persons WHERE given_names = 'Brayan Alexis' AND deleted_at IS NULL");
  sijs = one_id (store, "SELECT p.id FROM proceedings p JOIN persons c ON c.id = p.person_id"
                        " WHERE c.given_names = 'Brayan Alexis' AND p.kind = 'sijs'");
  add_party (store, brayan, sijs, "Julio César Mejía Ramos", FALSE, AMPARO_ADVERSE_ROLE_ACCUSED_PARENT,
             "Left him with his grandmother at 6; the SIJS petition rests on his abandonment");
  add_party (store, brayan, 0, "Transportes El Norteño", TRUE, AMPARO_ADVERSE_ROLE_TRAFFICKER, NULL);
  return 0;
}
