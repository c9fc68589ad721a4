/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "amparo-store.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_AGENDA_NOTIFIER (amparo_agenda_notifier_get_type ())

G_DECLARE_FINAL_TYPE (AmparoAgendaNotifier, amparo_agenda_notifier, AMPARO, AGENDA_NOTIFIER, GObject)

AmparoAgendaNotifier *amparo_agenda_notifier_new    (AmparoStore          *store,
                                                     GApplication         *application);
guint                 amparo_agenda_notifier_check  (AmparoAgendaNotifier *self);
void                  amparo_agenda_notifier_ensure (AmparoStore          *store,
                                                     GtkWidget            *shown);

G_END_DECLS
