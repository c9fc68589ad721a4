/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_EDIT_CONFLICT_DIALOG (amparo_edit_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AmparoEditConflictDialog, amparo_edit_conflict_dialog, AMPARO, EDIT_CONFLICT_DIALOG, AdwWindow)

typedef void (*AmparoConflictResolved) (gpointer user_data);

AmparoEditConflictDialog *amparo_edit_conflict_dialog_new     (GtkWindow    *parent,
                                                      AmparoRecord *mine,
                                                      AmparoRecord *theirs,
                                                      const char   *who,
                                                      const char   *message);
void                  amparo_edit_conflict_dialog_choose_theirs (AmparoEditConflictDialog *self,
                                                            const char           *property);
void                  amparo_edit_conflict_dialog_apply   (AmparoEditConflictDialog *self);
gboolean              amparo_edit_conflict_dialog_present_for (GtkWidget              *widget,
                                                          AmparoRecord           *mine,
                                                          const GError           *error,
                                                          AmparoConflictResolved  resolved,
                                                          gpointer                user_data);

G_END_DECLS
