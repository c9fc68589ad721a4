/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoStaff:
 *
 * roles (#17): one staff member of the organization and their role.
 *
 * Table `staff`; columns (properties):
 * - `account`: the OS user on one desk, the database account on a server
 * - `display-name`: how colleagues know them
 * - `role`: what they may read and write (amparo-access.h)
 * - `programs`: for a case worker or attorney, the programs whose client
 *   records they see, comma separated; empty for all of them
 */
#define AMPARO_TYPE_STAFF (amparo_staff_get_type ())
G_DECLARE_FINAL_TYPE (AmparoStaff, amparo_staff, AMPARO, STAFF, AmparoRecord)

AmparoStaff *amparo_staff_new (void);

AMPARO_RECORD_STRING_ACCESSORS (AmparoStaff, amparo_staff, account, "account")
AMPARO_RECORD_STRING_ACCESSORS (AmparoStaff, amparo_staff, display_name, "display-name")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoStaff, amparo_staff, role, "role", AmparoStaffRole)
AMPARO_RECORD_STRING_ACCESSORS (AmparoStaff, amparo_staff, programs, "programs")

G_END_DECLS
