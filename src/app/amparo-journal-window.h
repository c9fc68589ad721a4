/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_JOURNAL_WINDOW (amparo_journal_window_get_type ())

G_DECLARE_FINAL_TYPE (AmparoJournalWindow, amparo_journal_window, AMPARO, JOURNAL_WINDOW, AdwWindow)

AmparoJournalWindow *amparo_journal_window_new        (AmparoStore         *store);
void                 amparo_journal_window_reload     (AmparoJournalWindow *self);
guint                amparo_journal_window_get_n_shown (AmparoJournalWindow *self);
gboolean             amparo_journal_window_export_to  (AmparoJournalWindow *self,
                                                       const char          *path,
                                                       GError             **error);

G_END_DECLS
