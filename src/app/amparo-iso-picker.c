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
  /* Several values (a person's languages): the drop-down adds one, the
   * remove button's menu takes one off, the subtitle lists them. */
  gboolean        multiple;
  GtkMenuButton  *remove_button;
};

G_DEFINE_FINAL_TYPE (AmparoIsoPicker, amparo_iso_picker, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_TABLE,
  PROP_MULTIPLE,
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

/**
 * amparo_iso_picker_split:
 * @value: (nullable): several values as the store keeps them, "quc,spa"
 *
 * Returns: (transfer full): each value, trimmed, none empty
 */
GStrv
amparo_iso_picker_split (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value ?: "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/**
 * amparo_iso_picker_display_list:
 * @value: (nullable): several values, "quc,spa"
 *
 * Returns: (transfer full): their names in the interface language,
 *   "K'iche', Spanish" (text typed before codes were used as typed)
 */
char *
amparo_iso_picker_display_list (AmparoIsoTable  table,
                                const char     *value)
{
  g_auto(GStrv) items = amparo_iso_picker_split (value);
  GString *out = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *name = amparo_iso_codes_display (table, items[i]);

      if (i > 0)
        /* Translators: between two names in a list of languages */
        g_string_append (out, C_("list", ", "));
      g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

/* The first entry: nothing chosen, or in a list of several, the prompt
 * to add one. */
static const char *
first_entry (AmparoIsoPicker *self)
{
  if (self->multiple)
    return self->table == AMPARO_ISO_LANGUAGES ? _("Add a language…") : _("Add a country…");
  return C_("country or language", "Not recorded");
}

/* Names sorted as the interface language sorts them; first "Not
 * recorded" (or "Add a language…"), then a value kept as typed, if any. */
static void
fill (AmparoIsoPicker *self)
{
  const char * const *codes = amparo_iso_codes_list (self->table);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint selected = 0;

  g_ptr_array_set_size (self->codes, 0);
  gtk_string_list_append (names, first_entry (self));
  g_ptr_array_add (self->codes, NULL);
  if (!self->multiple && self->value != NULL && amparo_iso_codes_get_name (self->table, self->value) == NULL)
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
      if (!self->multiple && g_strcmp0 (entry->code, self->value) == 0)
        selected = self->codes->len - 1;
      g_free (entry->key);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->drop_down, selected);
  self->filling = FALSE;
}

/* The subtitle names every value; the remove menu offers each. */
static void
show_list (AmparoIsoPicker *self)
{
  g_auto(GStrv) items = amparo_iso_picker_split (self->value);
  g_autofree char *names = amparo_iso_picker_display_list (self->table, self->value);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *name = amparo_iso_codes_display (self->table, items[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "iso-picker.remove", "s", items[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->remove_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), items[0] != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               *names != '\0' ? names : C_("country or language", "Not recorded"));
}

static void
set_list (AmparoIsoPicker    *self,
          const char * const *items)
{
  g_autofree char *joined = g_strjoinv (",", (char **) items);

  amparo_iso_picker_set_value (self, *joined != '\0' ? joined : NULL);
}

/* A value picked from the list is added at the end, once. */
static void
add_to_list (AmparoIsoPicker *self,
             const char      *code)
{
  g_auto(GStrv) items = amparo_iso_picker_split (self->value);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) added = NULL;

  if (g_strv_contains ((const char * const *) items, code))
    return;
  g_strv_builder_addv (builder, (const char **) items);
  g_strv_builder_add (builder, code);
  added = g_strv_builder_end (builder);
  set_list (self, (const char * const *) added);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoIsoPicker *self = AMPARO_ISO_PICKER (widget);
  const char *gone = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) items = amparo_iso_picker_split (self->value);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; items[i] != NULL; i++)
    if (!g_str_equal (items[i], gone))
      g_strv_builder_add (builder, items[i]);
  kept = g_strv_builder_end (builder);
  set_list (self, (const char * const *) kept);
}

static void
on_selected_cb (AmparoIsoPicker *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);
  const char *code;

  if (self->filling || selected >= self->codes->len)
    return;
  code = g_ptr_array_index (self->codes, selected);
  if (self->multiple)
    {
      /* Back to "Add a language…", ready for the next one. */
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->drop_down, 0);
      self->filling = FALSE;
      if (code != NULL)
        add_to_list (self, code);
      return;
    }
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
  if (self->multiple)
    show_list (self);
  /* The list of several never changes with the value. */
  if (!self->multiple || self->codes->len == 0)
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

GtkMenuButton *
amparo_iso_picker_get_remove_button (AmparoIsoPicker *self)
{
  return self->remove_button;
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
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
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
      break;
    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void amparo_iso_picker_constructed (GObject *object);

static void
amparo_iso_picker_class_init (AmparoIsoPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_iso_picker_finalize;
  object_class->constructed = amparo_iso_picker_constructed;
  object_class->get_property = amparo_iso_picker_get_property;
  object_class->set_property = amparo_iso_picker_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_int ("table", NULL, NULL, AMPARO_ISO_COUNTRIES, AMPARO_ISO_LANGUAGES, AMPARO_ISO_COUNTRIES,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Several values, separated by commas in `value` ("quc,spa"). */
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "iso-picker.remove", "s", remove_action);
}

/* Filled once the construct properties are known. */
static void
amparo_iso_picker_constructed (GObject *object)
{
  AmparoIsoPicker *self = AMPARO_ISO_PICKER (object);

  G_OBJECT_CLASS (amparo_iso_picker_parent_class)->constructed (object);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), FALSE);
  if (self->multiple)
    {
      const char *label = self->table == AMPARO_ISO_LANGUAGES ? _("Remove a language") : _("Remove a country");

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      show_list (self);
    }
  fill (self);
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
  self->remove_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->remove_button, "list-remove-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->remove_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->remove_button), "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->remove_button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->drop_down));
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (on_selected_cb), self);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
}

/**
 * amparo_iso_picker_new:
 * @table: countries or languages
 *
 * One value; in a .ui file, set `multiple` for several.
 */
GtkWidget *
amparo_iso_picker_new (AmparoIsoTable table)
{
  return g_object_new (AMPARO_TYPE_ISO_PICKER, "table", table, NULL);
}
