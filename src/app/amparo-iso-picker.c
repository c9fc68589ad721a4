/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-iso-picker.h"
#include "amparo-tooltip.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

struct _AmparoIsoPicker
{
  AdwActionRow    parent_instance;

  AmparoIsoTable  table;
  char           *value;
  GPtrArray      *codes;     /* the shared sorted codes, after `head` entries */
  guint           head;      /* "Not recorded" and "as typed" entries before them */
  GtkStringList  *typed_list;   /* for a value kept as typed */
  GPtrArray      *typed_codes;  /* the codes typed_list was made from */
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

/* #14: sorting ~7,800 language names (a collation key each) and filling
 * a list with them took most of a client page's time, and it ran for
 * every picker and again whenever a country changed. The sorted list is
 * made once per process and interface language, and every picker shows
 * the same list model; only a value kept "as typed" needs a list of its
 * own. Widgets live on the main thread, so no lock. */
typedef struct
{
  char          *language;
  GPtrArray     *codes;       /* sorted by name; borrowed from iso-codes */
  GHashTable    *positions;   /* code → position in codes + 1 */
  GtkStringList *lists[2];    /* [multiple]: the first entry, then the names */
} Sorted;

static Sorted sorted[AMPARO_ISO_LANGUAGES + 1];
static guint n_sorts;

static char *
current_language (void)
{
  return g_strdup_printf ("%s|%s", g_getenv ("LANGUAGE") ?: "", setlocale (LC_MESSAGES, NULL) ?: "");
}

static void
sort_table (AmparoIsoTable  table,
            Sorted         *out)
{
  const char * const *codes = amparo_iso_codes_list (table);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint i = 0; codes[i] != NULL; i++)
    {
      Entry entry = { codes[i], amparo_iso_codes_get_name (table, codes[i]), NULL };

      entry.key = g_utf8_collate_key (entry.name, -1);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  out->codes = g_ptr_array_sized_new (entries->len);
  out->positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      g_ptr_array_add (out->codes, (gpointer) entry->code);
      g_hash_table_insert (out->positions, (gpointer) entry->code, GUINT_TO_POINTER (i + 1));
      g_free (entry->key);
    }
  n_sorts++;
}

static Sorted *
get_sorted (AmparoIsoTable table)
{
  Sorted *s = &sorted[table];
  g_autofree char *language = current_language ();

  if (g_strcmp0 (s->language, language) == 0)
    return s;
  /* Another interface language: pickers made before keep their list
   * (they hold references); new ones get names in the new language. */
  g_clear_pointer (&s->codes, g_ptr_array_unref);
  g_clear_pointer (&s->positions, g_hash_table_unref);
  g_clear_object (&s->lists[0]);
  g_clear_object (&s->lists[1]);
  g_free (s->language);
  s->language = g_steal_pointer (&language);
  sort_table (table, s);
  return s;
}

/**
 * amparo_iso_picker_get_n_sorts:
 *
 * For tests (#14): how many times this process sorted a table's names.
 */
guint
amparo_iso_picker_get_n_sorts (void)
{
  return n_sorts;
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

static GtkStringList *
new_list (AmparoIsoPicker *self,
          Sorted          *s,
          const char      *typed)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autofree const char **strings = g_new (const char *, s->codes->len + 3);
  guint n = 0;

  strings[n++] = first_entry (self);
  if (typed != NULL)
    strings[n++] = typed;
  for (guint i = 0; i < s->codes->len; i++)
    strings[n++] = amparo_iso_codes_get_name (self->table, g_ptr_array_index (s->codes, i));
  strings[n] = NULL;
  /* One splice, one items-changed, rather than one per name. */
  gtk_string_list_splice (names, 0, 0, strings);
  return names;
}

/* Names sorted as the interface language sorts them; first "Not
 * recorded" (or "Add a language…"), then a value kept as typed, if any.
 * Choosing another known value only moves the selection. */
static void
fill (AmparoIsoPicker *self)
{
  Sorted *s = get_sorted (self->table);
  g_autoptr(GtkStringList) names = NULL;
  guint position = 0;
  guint selected = 0;

  if (!self->multiple && self->value != NULL)
    position = GPOINTER_TO_UINT (g_hash_table_lookup (s->positions, self->value));
  if (!self->multiple && self->value != NULL && position == 0)
    {
      /* Translators: a country or language typed before the list existed */
      g_autofree char *typed = g_strdup_printf (_("%s (as typed)"), self->value);

      /* A picker keeps its own typed list across clients and only
       * swaps the typed entry: one changed item, not a new list the
       * drop-down would set up again. */
      if (self->typed_list == NULL || self->typed_codes != s->codes)
        {
          g_clear_object (&self->typed_list);
          self->typed_list = new_list (self, s, typed);
          self->typed_codes = s->codes;
        }
      else
        {
          const char *replace[] = { typed, NULL };

          /* The selected entry is replaced: not a choice of the user's. */
          self->filling = TRUE;
          gtk_string_list_splice (self->typed_list, 1, 1, replace);
        }
      names = g_object_ref (self->typed_list);
      self->head = 2;
      selected = 1;
    }
  else
    {
      if (s->lists[self->multiple] == NULL)
        s->lists[self->multiple] = new_list (self, s, NULL);
      names = g_object_ref (s->lists[self->multiple]);
      self->head = 1;
      selected = position;
    }
  if (self->codes != s->codes)
    {
      g_clear_pointer (&self->codes, g_ptr_array_unref);
      self->codes = g_ptr_array_ref (s->codes);
    }
  self->filling = TRUE;
  if (gtk_drop_down_get_model (self->drop_down) != G_LIST_MODEL (names))
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

  if (self->filling || self->codes == NULL || selected >= self->head + self->codes->len)
    return;
  code = selected < self->head ? NULL : g_ptr_array_index (self->codes, selected - self->head);
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
  if (g_strcmp0 (self->value, value) == 0 && self->codes != NULL)
    return;
  g_free (self->value);
  self->value = g_strdup (value);
  if (self->multiple)
    show_list (self);
  /* The list of several never changes with the value. */
  if (!self->multiple || self->codes == NULL)
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
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_object (&self->typed_list);
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

      amparo_tooltip_set (GTK_WIDGET (self->remove_button), label);
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
