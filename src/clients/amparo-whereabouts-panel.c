/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-whereabouts-panel.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-record-form.h"

/* Where a person is and was, current place first: a family cannot be
 * reunited with a child nobody can find, so a place is never edited
 * away — a move is a new location with its own date and source. */

#define DRAFT_KEY "clients:location-draft"

struct _AmparoWhereaboutsPanel
{
  AdwBin          parent_instance;

  AmparoStore    *store;
  AmparoPerson   *person;
  AmparoLocation *draft;
  GListModel     *locations;
  GPtrArray      *bindings;

  GtkListBox     *locations_list;
  AdwExpanderRow *add_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *facility_row;
  AdwEntryRow    *city_row;
  AmparoIsoPicker *country_row;
  AdwEntryRow    *since_row;
  AdwEntryRow    *until_row;
  AdwEntryRow    *source_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (AmparoWhereaboutsPanel, amparo_whereabouts_panel, ADW_TYPE_BIN)

static char *
format_period (AmparoLocation *location)
{
  g_autofree char *since = amparo_clients_format_date (amparo_location_get_since (location));
  g_autofree char *until = amparo_clients_format_date (amparo_location_get_until (location));
  const char *source = amparo_location_get_source (location);
  g_autoptr(GString) text = g_string_new (NULL);

  if (*since != '\0' && *until != '\0')
    /* Translators: a period, e.g. "Mar 3, 2024 – Jun 1, 2024" */
    g_string_append_printf (text, _("%s – %s"), since, until);
  else if (*since != '\0')
    /* Translators: %s is a date */
    g_string_append_printf (text, _("Since %s"), since);
  else if (*until != '\0')
    /* Translators: %s is a date */
    g_string_append_printf (text, _("Until %s"), until);
  else
    g_string_append (text, _("Dates unknown"));

  if (source != NULL && *source != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: who reported a location, e.g. "Source: ORR case manager" */
      g_string_append_printf (text, _("Source: %s"), source);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The first row is the current place (the store lists open-ended and
 * newest places first). */
static GtkWidget *
create_location_row (gpointer item,
                     gpointer user_data)
{
  AmparoWhereaboutsPanel *self = user_data;
  AmparoLocation *location = item;
  g_autofree char *title = amparo_clients_format_location (location);
  g_autofree char *period = format_period (location);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), period);
  if (g_list_model_get_n_items (self->locations) > 0)
    {
      g_autoptr(AmparoLocation) first = g_list_model_get_item (self->locations, 0);

      if (amparo_record_get_id (AMPARO_RECORD (first)) == amparo_record_get_id (AMPARO_RECORD (location))
          && amparo_location_get_until (location) == NULL)
        {
          GtkWidget *badge = gtk_label_new (C_("badge", "Current"));

          gtk_widget_add_css_class (badge, "badge");
          gtk_widget_add_css_class (badge, "success");
          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
    }
  amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit Place"), "whereabouts.edit",
                                      amparo_record_get_uid (AMPARO_RECORD (location)));
  return row;
}

static void
on_form_saved_cb (AmparoRecordForm *form,
                  AmparoRecord     *record,
                  GtkWidget        *self)
{
  amparo_clients_toast (self, adw_toast_new (_("Place saved")));
}

/* An earlier place can be corrected (its end date, the facility); the
 * change shows in the client's history like any other. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmparoWhereaboutsPanel *self = AMPARO_WHEREABOUTS_PANEL (widget);
  g_autoptr(AmparoLocation) stored = amparo_store_get_by_uid (self->store, AMPARO_TYPE_LOCATION,
                                                              g_variant_get_string (parameter, NULL), NULL);
  g_autoptr(AmparoRecord) copy = NULL;
  AmparoRecordForm *form;

  if (stored == NULL)
    return;
  copy = amparo_record_copy (AMPARO_RECORD (stored));
  form = amparo_record_form_new (widget, self->store, copy, _("Edit Place"));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
  amparo_record_form_add_combo (form, "kind", _("Kind of place"), AMPARO_TYPE_LOCATION_KIND);
  amparo_record_form_add_entry (form, "facility", _("Facility"));
  amparo_record_form_add_entry (form, "city", _("City"));
  amparo_record_form_add_country (form, "country", _("Country"));
  amparo_record_form_add_date (form, "since", _("Since"), FALSE);
  amparo_record_form_add_date (form, "until", _("Until"), FALSE);
  amparo_record_form_add_entry (form, "source", _("Source"));
  amparo_record_form_add_entry (form, "notes", _("Notes"));
  gtk_window_present (GTK_WINDOW (form));
}

static void
bind_draft (AmparoWhereaboutsPanel *self)
{
  amparo_clients_unbind_all (self->bindings);
  amparo_clients_bind_combo (self->bindings, self->kind_row, self->draft, "kind");
  amparo_clients_bind_entry (self->bindings, self->facility_row, self->draft, "facility");
  amparo_clients_bind_entry (self->bindings, self->city_row, self->draft, "city");
  /* An ISO code, named in the interface language, as in the edit form. */
  amparo_clients_bind_picker (self->bindings, self->country_row, self->draft, "country");
  amparo_clients_bind_entry (self->bindings, self->since_row, self->draft, "since");
  amparo_clients_bind_entry (self->bindings, self->until_row, self->draft, "until");
  amparo_clients_bind_entry (self->bindings, self->source_row, self->draft, "source");
}

static void
set_draft (AmparoWhereaboutsPanel *self,
           AmparoLocation         *draft)
{
  g_autoptr(AmparoLocation) fresh = NULL;

  if (draft == NULL)
    {
      g_autofree char *today = amparo_clients_today ();

      draft = fresh = amparo_location_new ();
      amparo_location_set_since (fresh, today);
    }
  g_set_object (&self->draft, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  bind_draft (self);
}

static void
on_entry_activated_cb (AmparoWhereaboutsPanel *self,
                       AdwEntryRow            *row)
{
  amparo_clients_focus_next (GTK_WIDGET (row));
}

static void
on_add_clicked_cb (AmparoWhereaboutsPanel *self,
                   GtkButton              *button)
{
  amparo_whereabouts_panel_add (self);
}

static void
amparo_whereabouts_panel_dispose (GObject *object)
{
  AmparoWhereaboutsPanel *self = (AmparoWhereaboutsPanel *)object;

  if (self->bindings != NULL)
    amparo_clients_unbind_all (self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_WHEREABOUTS_PANEL);
  g_clear_object (&self->draft);
  g_clear_object (&self->locations);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_whereabouts_panel_parent_class)->dispose (object);
}

static void
amparo_whereabouts_panel_finalize (GObject *object)
{
  AmparoWhereaboutsPanel *self = (AmparoWhereaboutsPanel *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (amparo_whereabouts_panel_parent_class)->finalize (object);
}

static void
amparo_whereabouts_panel_class_init (AmparoWhereaboutsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_whereabouts_panel_dispose;
  object_class->finalize = amparo_whereabouts_panel_finalize;

  g_type_ensure (AMPARO_TYPE_ISO_PICKER);

  gtk_widget_class_install_action (widget_class, "whereabouts.edit", "s", edit_action);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-whereabouts-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, locations_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, add_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, facility_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, city_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, country_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, since_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, until_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, source_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoWhereaboutsPanel, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
amparo_whereabouts_panel_init (AmparoWhereaboutsPanel *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  amparo_clients_setup_combo (self->kind_row, AMPARO_TYPE_LOCATION_KIND);
  set_draft (self, NULL);
}

/**
 * amparo_whereabouts_panel_set_person:
 * @person: a saved person
 *
 * Lists @person's locations; the list follows the store.
 */
void
amparo_whereabouts_panel_set_person (AmparoWhereaboutsPanel *self,
                                     AmparoStore            *store,
                                     AmparoPerson           *person)
{
  g_return_if_fail (AMPARO_IS_WHEREABOUTS_PANEL (self));

  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  g_clear_object (&self->locations);
  self->locations = amparo_store_list_locations (store, person);
  gtk_list_box_bind_model (self->locations_list, self->locations,
                           create_location_row, self, NULL);
}

/**
 * amparo_whereabouts_panel_add:
 *
 * Saves the location typed in the "Add a location" form.
 *
 * Returns: whether it was saved; otherwise the form shows why
 */
gboolean
amparo_whereabouts_panel_add (AmparoWhereaboutsPanel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AMPARO_IS_WHEREABOUTS_PANEL (self), FALSE);

  amparo_location_set_person_id (self->draft, amparo_record_get_id (AMPARO_RECORD (self->person)));
  if (!amparo_store_save (self->store, AMPARO_RECORD (self->draft), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  set_draft (self, NULL);
  adw_expander_row_set_expanded (self->add_row, FALSE);
  amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (_("Location added")));
  return TRUE;
}

void
amparo_whereabouts_panel_save_draft (AmparoWhereaboutsPanel *self,
                                     AmparoWindowState      *state)
{
  amparo_window_state_set_object (state, DRAFT_KEY, G_OBJECT (self->draft));
}

void
amparo_whereabouts_panel_restore_draft (AmparoWhereaboutsPanel *self,
                                        AmparoWindowState      *state)
{
  GObject *draft = amparo_window_state_get_object (state, DRAFT_KEY);

  if (AMPARO_IS_LOCATION (draft))
    set_draft (self, AMPARO_LOCATION (draft));
}
