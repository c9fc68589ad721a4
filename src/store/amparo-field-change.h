/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "amparo-enums.h"

G_BEGIN_DECLS

/**
 * AmparoFieldChange:
 *
 * One earlier change of one field of a record, from the journal: when,
 * who, where, and the value before and after (as stored: text, a number,
 * an enum nick, or %NULL).
 *
 * Properties (read-only): `time`, `actor`, `host` (strings), `action`
 * (#AmparoJournalAction), `old-value`, `new-value` (nullable strings).
 */
#define AMPARO_TYPE_FIELD_CHANGE (amparo_field_change_get_type ())
G_DECLARE_FINAL_TYPE (AmparoFieldChange, amparo_field_change, AMPARO, FIELD_CHANGE, GObject)

AmparoFieldChange   *amparo_field_change_new           (const char          *time,
                                                        const char          *actor,
                                                        const char          *host,
                                                        AmparoJournalAction  action,
                                                        const char          *old_value,
                                                        const char          *new_value);
const char          *amparo_field_change_get_time      (AmparoFieldChange   *self);
const char          *amparo_field_change_get_actor     (AmparoFieldChange   *self);
const char          *amparo_field_change_get_host      (AmparoFieldChange   *self);
AmparoJournalAction  amparo_field_change_get_action    (AmparoFieldChange   *self);
const char          *amparo_field_change_get_old_value (AmparoFieldChange   *self);
const char          *amparo_field_change_get_new_value (AmparoFieldChange   *self);

G_END_DECLS
