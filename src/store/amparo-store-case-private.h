/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

/* caserecord (#9): the rules of the case record, called by the store's
 * validation (before a save) and its rules (after a save, inside the
 * same transaction). See amparo-store-case.c. */
gboolean amparo_store_case_validate   (AmparoStore   *self,
                                       AmparoRecord  *record,
                                       GError       **error);
gboolean amparo_store_case_after_save (AmparoStore   *self,
                                       AmparoRecord  *record,
                                       GError       **error);

G_END_DECLS
