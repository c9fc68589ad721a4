/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_CONFLICT_DIALOG (amparo_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AmparoConflictDialog, amparo_conflict_dialog, AMPARO, CONFLICT_DIALOG, AdwWindow)

typedef void (*AmparoConflictResolved) (gpointer user_data);

AmparoConflictDialog *amparo_conflict_dialog_new     (GtkWindow    *parent,
                                                      AmparoRecord *mine,
                                                      AmparoRecord *theirs,
                                                      const char   *who,
                                                      const char   *message);
void                  amparo_conflict_dialog_choose_theirs (AmparoConflictDialog *self,
                                                            const char           *property);
void                  amparo_conflict_dialog_apply   (AmparoConflictDialog *self);
gboolean              amparo_conflict_dialog_present_for (GtkWidget              *widget,
                                                          AmparoRecord           *mine,
                                                          const GError           *error,
                                                          AmparoConflictResolved  resolved,
                                                          gpointer                user_data);

G_END_DECLS
