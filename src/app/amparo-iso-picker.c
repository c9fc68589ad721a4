/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-iso-picker.h"

#include <glib/gi18n.h>
#include <string.h>

struct _AmparoIsoPicker
{
  AdwActionRow    parent_instance;

  AmparoIsoTable  table;
  char           *value;
  GPtrArray      *codes;     /* position → code; NULL for "as typed" / none */
  GtkDropDown    *drop_down;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (AmparoIsoPicker, amparo_iso_picker, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *code;
  const char *name;
  char       *key;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Entry *) a)->key, ((const Entry *) b)->key);
}

/* Names sorted as the interface language sorts them; first "Not
 * recorded", then a value kept as typed, if any. */
static void
fill (AmparoIsoPicker *self)
{
  const char * const *codes = amparo_iso_codes_list (self->table);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint selected = 0;

  g_ptr_array_set_size (self->codes, 0);
  gtk_string_list_append (names, C_("country or language", "Not recorded"));
  g_ptr_array_add (self->codes, NULL);
  if (self->value != NULL && amparo_iso_codes_get_name (self->table, self->value) == NULL)
    {
      /* Translators: a country or language typed before the list existed */
      g_autofree char *typed = g_strdup_printf (_("%s (as typed)"), self->value);

      gtk_string_list_append (names, typed);
      g_ptr_array_add (self->codes, NULL);
      selected = 1;
    }
  for (guint i = 0; codes[i] != NULL; i++)
    {
      Entry entry = { codes[i], amparo_iso_codes_get_name (self->table, codes[i]), NULL };

      entry.key = g_utf8_collate_key (entry.name, -1);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      gtk_string_list_append (names, entry->name);
      g_ptr_array_add (self->codes, (gpointer) entry->code);
      if (g_strcmp0 (entry->code, self->value) == 0)
        selected = self->codes->len - 1;
      g_free (entry->key);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->drop_down, selected);
  self->filling = FALSE;
}

static void
on_selected_cb (AmparoIsoPicker *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);
  const char *code;

  if (self->filling || selected >= self->codes->len)
    return;
  code = g_ptr_array_index (self->codes, selected);
  /* The "as typed" entry keeps the old text. */
  if (code == NULL && selected != 0)
    return;
  if (g_strcmp0 (code, self->value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
amparo_iso_picker_set_value (AmparoIsoPicker *self,
                             const char      *value)
{
  g_return_if_fail (AMPARO_IS_ISO_PICKER (self));

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->value, value) == 0 && self->codes->len > 0)
    return;
  g_free (self->value);
  self->value = g_strdup (value);
  fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
amparo_iso_picker_get_value (AmparoIsoPicker *self)
{
  g_return_val_if_fail (AMPARO_IS_ISO_PICKER (self), NULL);
  return self->value;
}

GtkDropDown *
amparo_iso_picker_get_drop_down (AmparoIsoPicker *self)
{
  return self->drop_down;
}

static void
amparo_iso_picker_finalize (GObject *object)
{
  AmparoIsoPicker *self = (AmparoIsoPicker *)object;

  g_free (self->value);
  g_ptr_array_unref (self->codes);
  G_OBJECT_CLASS (amparo_iso_picker_parent_class)->finalize (object);
}

static void
amparo_iso_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmparoIsoPicker *self = AMPARO_ISO_PICKER (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_TABLE:
      g_value_set_int (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_iso_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmparoIsoPicker *self = AMPARO_ISO_PICKER (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      amparo_iso_picker_set_value (self, g_value_get_string (value));
      break;
    case PROP_TABLE:
      self->table = g_value_get_int (value);
      fill (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_iso_picker_class_init (AmparoIsoPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_iso_picker_finalize;
  object_class->get_property = amparo_iso_picker_get_property;
  object_class->set_property = amparo_iso_picker_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_int ("table", NULL, NULL, AMPARO_ISO_COUNTRIES, AMPARO_ISO_LANGUAGES, AMPARO_ISO_COUNTRIES,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The list is labelled by the row's title for screen readers. */
static void
on_title_changed_cb (AmparoIsoPicker *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
}

static void
amparo_iso_picker_init (AmparoIsoPicker *self)
{
  self->codes = g_ptr_array_new ();
  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  /* Typing in the open list finds a name. */
  gtk_drop_down_set_enable_search (self->drop_down, TRUE);
  gtk_drop_down_set_expression (self->drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_valign (GTK_WIDGET (self->drop_down), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (on_selected_cb), self);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
}

/**
 * amparo_iso_picker_new:
 * @table: countries or languages
 */
GtkWidget *
amparo_iso_picker_new (AmparoIsoTable table)
{
  return g_object_new (AMPARO_TYPE_ISO_PICKER, "table", table, NULL);
}
