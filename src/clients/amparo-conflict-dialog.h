/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store-reports.h"

G_BEGIN_DECLS

/**
 * AmparoConflictDialog:
 *
 * The conflict check: the person's name and the relatives they name,
 * what the store holds about them (clients, clients' relatives, adverse
 * parties) and why each may be a conflict, and the decision — cleared,
 * declined, or waived with consent — which is saved and journaled.
 * #AmparoConflictDialog::decided reports it; closing without deciding
 * decides nothing.
 */
#define AMPARO_TYPE_CONFLICT_DIALOG (amparo_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AmparoConflictDialog, amparo_conflict_dialog, AMPARO, CONFLICT_DIALOG, AdwWindow)

AmparoConflictDialog *amparo_conflict_dialog_new     (AmparoStore          *store,
                                                      AmparoPerson         *person);
void                  amparo_conflict_dialog_present (GtkWidget            *parent,
                                                      AmparoStore          *store,
                                                      AmparoPerson         *person);
void                  amparo_conflict_dialog_check   (AmparoConflictDialog *self);
guint                 amparo_conflict_dialog_get_n_findings (AmparoConflictDialog *self);
char                 *amparo_conflict_dialog_dup_findings_text (AmparoConflictDialog *self);
void                  amparo_conflict_dialog_set_relative (AmparoConflictDialog   *self,
                                                           AmparoRelationshipKind  kind,
                                                           const char             *full_name);
gboolean              amparo_conflict_dialog_decide  (AmparoConflictDialog        *self,
                                                      AmparoConflictDecisionKind   decision,
                                                      const char                  *notes);

G_END_DECLS
