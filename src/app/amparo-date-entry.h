/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * AmparoDateEntry:
 *
 * An entry row for a date (or a date and time) that accepts what people
 * type in their language — 05/12/2026 is 5 December in Spanish and
 * 12 May in English — and ISO 2026-12-05 in both, and offers a calendar
 * in a popover. Its `date` property is the ISO form the store keeps
 * (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` with `with-time`); text it cannot
 * read is passed on as typed, so the store's validation says what is
 * wrong beside the field and nothing typed is lost.
 */
#define AMPARO_TYPE_DATE_ENTRY (amparo_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (AmparoDateEntry, amparo_date_entry, AMPARO, DATE_ENTRY, AdwEntryRow)

GtkWidget  *amparo_date_entry_new          (gboolean         with_time);
const char *amparo_date_entry_get_date     (AmparoDateEntry *self);
void        amparo_date_entry_set_date     (AmparoDateEntry *self,
                                            const char      *iso);

char       *amparo_date_entry_parse        (const char      *text,
                                            const char      *language,
                                            gboolean         with_time);
char       *amparo_date_entry_format       (const char      *iso,
                                            const char      *language);

G_END_DECLS
