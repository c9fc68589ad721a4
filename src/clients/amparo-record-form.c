/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-record-form.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-date-format.h"
#include "amparo-language.h"
#include "amparo-date-entry.h"
#include "amparo-iso-picker.h"
#include "amparo-server-banner.h"  /* banner (#10) */

/* One dialog for every part of a client's record that is added or
 * corrected apart from the profile: a proceeding, a hearing, a family
 * link, a piece of evidence, a contact, a membership, a place. The form
 * edits a copy of the record (what is typed lives there, never only in a
 * widget), saves it through the store, and shows the store's message
 * under the field it is about, focusing it. Enter moves to the next
 * field, Ctrl+S or Ctrl+Enter saves, Escape cancels. */

struct _AmparoRecordForm
{
  AdwWindow      parent_instance;

  AmparoStore   *store;
  AmparoRecord  *record;
  GPtrArray     *bindings;
  GHashTable    *error_rows;   /* property → AdwActionRow */
  GHashTable    *field_rows;   /* property → the input row */
  AmparoRecordFormSaveFunc save_func;
  gpointer       save_data;

  GtkListBox    *fields_list;
  GtkBox        *notes_box;
  GtkLabel      *form_error_label;
  GtkButton     *save_button;
};

G_DEFINE_FINAL_TYPE (AmparoRecordForm, amparo_record_form, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (AmparoRecordForm *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->error_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), FALSE);
}

static void
show_error (AmparoRecordForm *self,
            const GError     *error)
{
  const char *field = amparo_store_error_get_field (error);
  AdwActionRow *row = field != NULL ? g_hash_table_lookup (self->error_rows, field) : NULL;
  GtkWidget *input = field != NULL ? g_hash_table_lookup (self->field_rows, field) : NULL;

  clear_errors (self);
  if (row == NULL)
    {
      gtk_label_set_text (self->form_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
      return;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
  if (input != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_widget_grab_focus (input);
    }
}

/* banner (#10): the server is back; the form saves what is typed. */
static void
save_when_back (GtkWidget *widget)
{
  amparo_record_form_save (AMPARO_RECORD_FORM (widget));
}

/**
 * amparo_record_form_save:
 *
 * Saves the record; on failure the message shows beside the field.
 *
 * Returns: whether it was saved (the form then closes)
 */
gboolean
amparo_record_form_save (AmparoRecordForm *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_val_if_fail (AMPARO_IS_RECORD_FORM (self), FALSE);

  if (self->save_func != NULL)
    saved = self->save_func (self, self->record, self->save_data, &error);
  else
    saved = amparo_store_save (self->store, self->record, &error);
  if (!saved)
    {
      if (amparo_server_banner_save_again_for (GTK_WIDGET (self), error, save_when_back))
        return FALSE;
      show_error (self, error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, self->record);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  amparo_record_form_save (AMPARO_RECORD_FORM (widget));
}

static void
on_entry_activated_cb (GtkWidget *row)
{
  amparo_clients_focus_next (row);
}

/* Every field is followed by its (hidden) message row. */
static void
append_field (AmparoRecordForm *self,
              const char       *property,
              GtkWidget        *row)
{
  GtkWidget *error_row = adw_action_row_new ();

  gtk_list_box_append (self->fields_list, row);
  gtk_widget_add_css_class (error_row, "error");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_focusable (error_row, FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (error_row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (error_row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (error_row),
                             gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_append (self->fields_list, error_row);
  g_hash_table_insert (self->error_rows, g_strdup (property), error_row);
  g_hash_table_insert (self->field_rows, g_strdup (property), row);
}

GtkWidget *
amparo_record_form_add_entry (AmparoRecordForm *self,
                              const char       *property,
                              const char       *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  amparo_clients_bind_entry (self->bindings, ADW_ENTRY_ROW (row), self->record, property);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
  append_field (self, property, row);
  return row;
}

GtkWidget *
amparo_record_form_add_date (AmparoRecordForm *self,
                             const char       *property,
                             const char       *title,
                             gboolean          with_time)
{
  GtkWidget *row = amparo_date_entry_new (with_time);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->record, property, row, "date",
                                                         G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL)));
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
  append_field (self, property, row);
  return row;
}

GtkWidget *
amparo_record_form_add_combo (AmparoRecordForm *self,
                              const char       *property,
                              const char       *title,
                              GType             enum_type)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  amparo_clients_setup_combo (ADW_COMBO_ROW (row), enum_type);
  amparo_clients_bind_combo (self->bindings, ADW_COMBO_ROW (row), self->record, property);
  append_field (self, property, row);
  return row;
}

typedef struct
{
  GArray *ids;
  char   *property;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_array_unref (choice->ids);
  g_free (choice->property);
  g_free (choice);
}

static void
on_choice_selected_cb (AdwComboRow      *row,
                       GParamSpec       *pspec,
                       AmparoRecordForm *self)
{
  Choice *choice = g_object_get_data (G_OBJECT (row), "choice");
  guint selected = adw_combo_row_get_selected (row);

  if (selected < choice->ids->len)
    amparo_record_set_int64 (self->record, choice->property,
                             g_array_index (choice->ids, gint64, selected));
}

/**
 * amparo_record_form_add_choice:
 * @records: the records to choose among (a litigation case…)
 * @label_property: the property shown for each
 *
 * A combo row setting the int64 reference @property to the chosen
 * record's id.
 */
GtkWidget *
amparo_record_form_add_choice (AmparoRecordForm *self,
                               const char       *property,
                               const char       *title,
                               GListModel       *records,
                               const char       *label_property)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  Choice *choice = g_new0 (Choice, 1);
  gint64 current = amparo_record_get_int64 (self->record, property);
  guint n = g_list_model_get_n_items (records), selected = 0;

  choice->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choice->property = g_strdup (property);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRecord) item = g_list_model_get_item (records, i);
      gint64 id = amparo_record_get_id (item);
      const char *label = amparo_record_get_string (item, label_property);

      gtk_string_list_append (labels, label != NULL ? label : "");
      g_array_append_val (choice->ids, id);
      if (id == current)
        selected = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_set_data_full (G_OBJECT (row), "choice", choice, choice_free);
  if (n > 0)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      on_choice_selected_cb (ADW_COMBO_ROW (row), NULL, self);
    }
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_choice_selected_cb), self, 0);
  append_field (self, property, row);
  return row;
}

/**
 * amparo_record_form_add_country:
 *
 * A searchable list of countries in the interface language; the record
 * keeps the ISO 3166 code (text typed before is kept as typed).
 */
GtkWidget *
amparo_record_form_add_country (AmparoRecordForm *self,
                                const char       *property,
                                const char       *title)
{
  GtkWidget *row = amparo_iso_picker_new (AMPARO_ISO_COUNTRIES);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (amparo_iso_picker_get_drop_down (AMPARO_ISO_PICKER (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->record, property, row, "value",
                                                         G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL)));
  append_field (self, property, row);
  return row;
}

static void
on_zone_selected_cb (AdwComboRow      *row,
                     GParamSpec       *pspec,
                     AmparoRecordForm *self)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (row), "zone-ids");
  guint selected = adw_combo_row_get_selected (row);

  if (selected < ids->len)
    g_object_set (self->record, g_object_get_data (G_OBJECT (row), "property"),
                  g_ptr_array_index (ids, selected), NULL);
}

/**
 * amparo_record_form_add_time_zone:
 *
 * A time zone picked from a list in words ("Pacific time", "hora del
 * Pacífico"), the office's first: the same list as a release's embargo
 * (amparo_time_zone_choices()), never a free "America/Los_Angeles".
 */
GtkWidget *
amparo_record_form_add_time_zone (AmparoRecordForm *self,
                                  const char       *property,
                                  const char       *title)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *office = amparo_store_default_time_zone ();
  g_autofree char *current = NULL;
  GPtrArray *ids;
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_object_get (self->record, property, &current, NULL);
  ids = amparo_time_zone_choices (office, current);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *words = amparo_time_zone_describe (g_ptr_array_index (ids, i),
                                                          amparo_language_get ());

      gtk_string_list_append (names, words);
      if (g_strcmp0 (g_ptr_array_index (ids, i), current) == 0)
        selected = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  g_object_unref (names);
  g_object_set_data_full (G_OBJECT (row), "zone-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (row), "property", g_strdup (property), g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_zone_selected_cb), self, 0);
  append_field (self, property, row);
  return row;
}

GtkWidget *
amparo_record_form_add_switch (AmparoRecordForm *self,
                               const char       *property,
                               const char       *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  amparo_clients_bind_switch (self->bindings, GTK_SWITCH (button), self->record, property);
  append_field (self, property, row);
  return row;
}

/**
 * amparo_record_form_add_note:
 *
 * A paragraph under the fields (why a person is eligible…).
 *
 * Returns: (transfer none): its label, to update
 */
GtkLabel *
amparo_record_form_add_note (AmparoRecordForm *self,
                             const char       *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (self->notes_box, label);
  return GTK_LABEL (label);
}

void
amparo_record_form_set_save_func (AmparoRecordForm        *self,
                                  AmparoRecordFormSaveFunc func,
                                  gpointer                 user_data)
{
  self->save_func = func;
  self->save_data = user_data;
}

void
amparo_record_form_set_save_label (AmparoRecordForm *self,
                                   const char       *label)
{
  gtk_button_set_label (self->save_button, label);
}

AmparoRecord *
amparo_record_form_get_record (AmparoRecordForm *self)
{
  return self->record;
}

static void
amparo_record_form_dispose (GObject *object)
{
  AmparoRecordForm *self = (AmparoRecordForm *)object;

  if (self->bindings != NULL)
    amparo_clients_unbind_all (self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_RECORD_FORM);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_record_form_parent_class)->dispose (object);
}

static void
amparo_record_form_finalize (GObject *object)
{
  AmparoRecordForm *self = (AmparoRecordForm *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->error_rows, g_hash_table_unref);
  g_clear_pointer (&self->field_rows, g_hash_table_unref);

  G_OBJECT_CLASS (amparo_record_form_parent_class)->finalize (object);
}

static void
amparo_record_form_class_init (AmparoRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_record_form_dispose;
  object_class->finalize = amparo_record_form_finalize;

  /**
   * AmparoRecordForm::saved:
   * @record: the record as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMPARO_TYPE_RECORD);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoRecordForm, fields_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoRecordForm, notes_box);
  gtk_widget_class_bind_template_child (widget_class, AmparoRecordForm, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoRecordForm, save_button);
}

static void
amparo_record_form_init (AmparoRecordForm *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->error_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->field_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_record_form_new:
 * @parent: a widget of the window the form belongs to
 * @record: (transfer none): the record to edit — give a copy of a stored
 *   one, so Cancel leaves it as it was
 * @title: the window's title ("Edit Proceeding")
 *
 * Returns: (transfer none): the form, not yet shown; it closes itself
 */
AmparoRecordForm *
amparo_record_form_new (GtkWidget    *parent,
                        AmparoStore  *store,
                        AmparoRecord *record,
                        const char   *title)
{
  AmparoRecordForm *self = g_object_new (AMPARO_TYPE_RECORD_FORM, "title", title, NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  return self;
}
