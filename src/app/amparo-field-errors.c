/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-field-errors.h"

#include <adwaita.h>

#include "amparo-store.h"

/* Every problem amparo_store_validate_all() finds, each shown under its
 * own field at once, in the order of the form (the store sorts them so).
 * The messages are the store's, translated when it checked: a page that
 * is rebuilt in another language checks again and shows them anew. */

static void
set_message (GtkWidget  *message,
             const char *text)
{
  if (ADW_IS_PREFERENCES_ROW (message))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message), text != NULL ? text : "");
  else if (GTK_IS_LABEL (message))
    gtk_label_set_text (GTK_LABEL (message), text != NULL ? text : "");
  gtk_widget_set_visible (message, text != NULL);
}

static const GError *
error_for (GPtrArray  *errors,
           const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    if (g_strcmp0 (amparo_store_error_get_field (g_ptr_array_index (errors, i)), field) == 0)
      return g_ptr_array_index (errors, i);
  return NULL;
}

static const AmparoFieldError *
place_of (const AmparoFieldError *fields,
          guint                   n_fields,
          const GError           *error)
{
  const char *field = amparo_store_error_get_field (error);

  for (guint i = 0; i < n_fields; i++)
    if (field != NULL && g_strcmp0 (fields[i].field, field) == 0)
      return &fields[i];
  return NULL;
}

/**
 * amparo_field_errors_show:
 * @fields: the form's fields and where their messages go
 * @other: (nullable): a label for errors of fields the form has no place for
 * @errors: (element-type GError): from amparo_store_validate_all()
 * @focus: move the keyboard focus to the first field at fault
 *
 * Returns: %TRUE when at least one message is shown
 */
gboolean
amparo_field_errors_show (const AmparoFieldError *fields,
                          guint                   n_fields,
                          GtkLabel               *other,
                          GPtrArray              *errors,
                          gboolean                focus)
{
  g_autoptr(GString) rest = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      const GError *error = error_for (errors, fields[i].field);

      set_message (fields[i].message, error != NULL ? error->message : NULL);
    }
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      const AmparoFieldError *place = place_of (fields, n_fields, error);

      if (place == NULL)
        g_string_append_printf (rest, "%s%s", rest->len > 0 ? "\n" : "", error->message);
      else if (first == NULL)
        first = place->message;
    }
  if (other != NULL)
    set_message (GTK_WIDGET (other), rest->len > 0 ? rest->str : NULL);
  /* The input is the widget just before its message. */
  if (focus && first != NULL && gtk_widget_get_prev_sibling (first) != NULL)
    {
      GtkWidget *input = gtk_widget_get_prev_sibling (first);

      /* A text view sits in a frame: the focus goes into it. */
      if (!gtk_widget_grab_focus (input))
        gtk_widget_child_focus (input, GTK_DIR_TAB_FORWARD);
    }
  return errors->len > 0;
}

#define CHECKING_KEY "amparo-field-errors-checking"

/**
 * amparo_field_errors_get_checking:
 * @record: the record a form edits
 *
 * Whether the form showed errors for @record and checks it again on
 * every change until it is right. Kept on the record itself, which the
 * window state keeps, so a form rebuilt in another language shows the
 * same errors, translated, over the same typed text.
 */
gboolean
amparo_field_errors_get_checking (GObject *record)
{
  return record != NULL && g_object_get_data (record, CHECKING_KEY) != NULL;
}

void
amparo_field_errors_set_checking (GObject  *record,
                                  gboolean  checking)
{
  g_object_set_data (record, CHECKING_KEY, checking ? GINT_TO_POINTER (1) : NULL);
}

void
amparo_field_errors_clear (const AmparoFieldError *fields,
                           guint                   n_fields,
                           GtkLabel               *other)
{
  for (guint i = 0; i < n_fields; i++)
    set_message (fields[i].message, NULL);
  if (other != NULL)
    set_message (GTK_WIDGET (other), NULL);
}
