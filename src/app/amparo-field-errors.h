/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * AmparoFieldError:
 * @field: the record property the store names in its errors
 *   (amparo_store_error_get_field())
 * @message: the widget right after the field's input that shows the
 *   message: an #AdwPreferencesRow (its title) or a #GtkLabel, hidden
 *   while the field is right
 *
 * One field of a form and the place of its message, as the client
 * editor lays them out: the message right under the field.
 */
typedef struct
{
  const char *field;
  GtkWidget  *message;
} AmparoFieldError;

gboolean amparo_field_errors_show  (const AmparoFieldError *fields,
                                    guint                   n_fields,
                                    GtkLabel               *other,
                                    GPtrArray              *errors,
                                    gboolean                focus);
void     amparo_field_errors_clear (const AmparoFieldError *fields,
                                    guint                   n_fields,
                                    GtkLabel               *other);
gboolean amparo_field_errors_get_checking (GObject  *record);
void     amparo_field_errors_set_checking (GObject  *record,
                                           gboolean  checking);

G_END_DECLS
