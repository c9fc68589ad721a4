/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-bind.h"

/* The longest choice still shown beside a combo row's title. */
#define AMPARO_COMBO_BESIDE_MAX_CHARS 20

#include "amparo-enums.h"

/* A record's unset string is NULL; an entry's empty text is "". */
static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static gboolean
text_to_string (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL && *text != '\0' ? text : NULL);
  return TRUE;
}

/* Combo rows list an enum's values in order, so position = value. */
static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, (int) position);
  return TRUE;
}

/**
 * amparo_bind_text:
 * @record: a record
 * @property: one of its string properties
 * @widget: an entry, entry row, label…
 * @widget_property: usually "text"
 *
 * Binds both ways; the record's %NULL shows as "" and "" is stored as %NULL.
 *
 * Returns: (transfer none): the binding, owned by the two objects
 */
GBinding *
amparo_bind_text (gpointer    record,
                  const char *property,
                  gpointer    widget,
                  const char *widget_property)
{
  return g_object_bind_property_full (record, property, widget, widget_property,
                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                      string_to_text, text_to_string, NULL, NULL);
}

/**
 * amparo_bind_enum:
 * @record: a record
 * @property: one of its enum properties
 * @row: a row filled by amparo_combo_row_set_enum()
 *
 * Returns: (transfer none): the binding, owned by the two objects
 */
GBinding *
amparo_bind_enum (gpointer     record,
                  const char  *property,
                  AdwComboRow *row)
{
  return g_object_bind_property_full (record, property, row, "selected",
                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                      enum_to_position, position_to_enum, NULL, NULL);
}

/**
 * amparo_combo_row_set_enum:
 *
 * Fills @row with the translated labels of @enum_type's values, in order.
 */
void
amparo_combo_row_set_enum (AdwComboRow *row,
                           GType        enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  glong longest = 0;

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *label = amparo_enum_get_label (enum_type, klass->values[i].value);

      gtk_string_list_append (labels, label);
      longest = MAX (longest, g_utf8_strlen (label, -1));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  /* Beside its title a long choice is cut ("Reunificación planifica…"):
   * libadwaita 1.2 gives the value what the title leaves. Long ones go
   * under the title, where the row's whole width is theirs. */
  adw_combo_row_set_use_subtitle (row, longest > AMPARO_COMBO_BESIDE_MAX_CHARS);
}
