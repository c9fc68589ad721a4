/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-clients-util.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-bind.h"
#include "amparo-date-format.h"
#include "amparo-iso-codes.h"
#include "amparo-language.h"
#include "amparo-tooltip.h"
#include "amparo-window.h"

static void
keep_binding (GPtrArray *bindings,
              GBinding  *binding)
{
  if (bindings != NULL)
    g_ptr_array_add (bindings, g_object_ref (binding));
}

/**
 * amparo_clients_bind_entry:
 * @bindings: (nullable): where to keep the binding, to undo it later
 *
 * Binds an entry row's text both ways to a string property of @record,
 * so what is typed lives in the record, never only in the widget.
 */
void
amparo_clients_bind_entry (GPtrArray   *bindings,
                           AdwEntryRow *row,
                           gpointer     record,
                           const char  *property)
{
  keep_binding (bindings,
                amparo_bind_text (record, property, row, "text"));
}

/* A country or languages picker: the record keeps ISO codes. */
void
amparo_clients_bind_picker (GPtrArray       *bindings,
                            AmparoIsoPicker *picker,
                            gpointer         record,
                            const char      *property)
{
  keep_binding (bindings,
                g_object_bind_property (record, property, picker, "value",
                                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
}

void
amparo_clients_bind_switch (GPtrArray *bindings,
                            GtkSwitch *button,
                            gpointer   record,
                            const char *property)
{
  keep_binding (bindings,
                g_object_bind_property (record, property, button, "active",
                                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
}

void
amparo_clients_bind_combo (GPtrArray   *bindings,
                           AdwComboRow *row,
                           gpointer     record,
                           const char  *property)
{
  keep_binding (bindings,
                amparo_bind_enum (record, property, row));
}

void
amparo_clients_unbind_all (GPtrArray *bindings)
{
  for (guint i = 0; i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_ptr_array_set_size (bindings, 0);
}

/**
 * amparo_clients_enum_label:
 *
 * The store's translated label of an enum value; one place for the
 * Clients widgets to ask, whatever enum it is.
 *
 * Returns: (transfer none): the label in the interface language
 */
const char *
amparo_clients_enum_label (GType enum_type,
                           int   value)
{
  return amparo_enum_get_label (enum_type, value);
}

/**
 * amparo_clients_setup_combo:
 *
 * Fills a combo row with the translated labels of @enum_type, in the
 * order of its values.
 */
void
amparo_clients_setup_combo (AdwComboRow *row,
                            GType        enum_type)
{
  amparo_combo_row_set_enum (row, enum_type);
}

/**
 * amparo_clients_format_date:
 * @iso_date: (nullable): `YYYY-MM-DD`, possibly followed by a time
 *
 * Returns: (transfer full): the date as the interface language writes
 *   it, the text as is when it is not a date, or "" for %NULL
 */
char *
amparo_clients_format_date (const char *iso_date)
{
  char *text;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  text = amparo_date_format_iso (iso_date, amparo_language_get (), AMPARO_DATE_MEDIUM);
  return text != NULL ? text : g_strdup (iso_date);
}

/**
 * amparo_clients_format_date_time:
 * @iso_date_time: (nullable): `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
 *
 * Returns: (transfer full): the date and, when there is one, the time
 */
char *
amparo_clients_format_date_time (const char *iso_date_time)
{
  g_autofree char *date = amparo_clients_format_date (iso_date_time);
  int y, m, d, h, min;
  g_autoptr(GDateTime) datetime = NULL;
  g_autofree char *time = NULL;

  if (iso_date_time == NULL
      || sscanf (iso_date_time, "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &h, &min) != 5)
    return g_steal_pointer (&date);

  datetime = g_date_time_new_local (y, m, d, h, min, 0);
  if (datetime == NULL)
    return g_steal_pointer (&date);
  time = amparo_time_format (datetime, amparo_language_get ());
  return g_strdup_printf ("%s, %s", date, time);
}

/**
 * amparo_clients_get_age:
 *
 * Returns: the person's age in whole years today, or -1 when the birth
 *   date is unknown
 */
int
amparo_clients_get_age (AmparoPerson *person)
{
  const char *birth = amparo_person_get_birth_date (person);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int y, m, d, age;

  if (birth == NULL || sscanf (birth, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return -1;

  age = g_date_time_get_year (now) - y;
  if (g_date_time_get_month (now) < m
      || (g_date_time_get_month (now) == m && g_date_time_get_day_of_month (now) < d))
    age--;
  return age >= 0 ? age : -1;
}

char *
amparo_clients_format_age (AmparoPerson *person)
{
  int age = amparo_clients_get_age (person);

  if (age < 0)
    return g_strdup (_("Age unknown"));
  if (amparo_person_get_birth_date_estimated (person))
    /* Translators: an estimated age in years, e.g. "about 9 years old" */
    return g_strdup_printf (ngettext ("about %d year old", "about %d years old", age), age);
  /* Translators: an age in years, e.g. "9 years old" */
  return g_strdup_printf (ngettext ("%d year old", "%d years old", age), age);
}

/**
 * amparo_clients_dup_name:
 *
 * Returns: (transfer full): "Family names, Given names" as the list sorts
 *   them, or a placeholder when neither is known
 */
char *
amparo_clients_dup_name (AmparoPerson *person)
{
  const char *given = amparo_person_get_given_names (person);
  const char *family = amparo_person_get_family_names (person);
  gboolean has_given = given != NULL && *given != '\0';
  gboolean has_family = family != NULL && *family != '\0';

  if (has_given && has_family)
    /* Translators: a person's name as lists show it: family names, given names */
    return g_strdup_printf (_("%s, %s"), family, given);
  if (has_family)
    return g_strdup (family);
  if (has_given)
    return g_strdup (given);
  return g_strdup (_("Unnamed person"));
}

/**
 * amparo_clients_format_location:
 * @location: (nullable): a location
 *
 * Returns: (transfer full): "ORR shelter · Casa Libre, Los Angeles"
 */
char *
amparo_clients_format_location (AmparoLocation *location)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *country = NULL;
  const char *parts[3];

  if (location == NULL)
    return g_strdup (_("Whereabouts unknown"));

  text = g_string_new (amparo_clients_enum_label (AMPARO_TYPE_LOCATION_KIND, amparo_location_get_kind (location)));
  parts[0] = amparo_location_get_facility (location);
  parts[1] = amparo_location_get_city (location);
  /* A country code shows as its name in the interface language. */
  country = amparo_iso_codes_display (AMPARO_ISO_COUNTRIES, amparo_location_get_country (location));
  parts[2] = country;
  for (guint i = 0, n = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      g_string_append (text, n++ == 0 ? " · " : ", ");
      g_string_append (text, parts[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
amparo_clients_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * amparo_clients_find_next_hearing:
 *
 * Returns: (transfer full) (nullable): the person's first hearing from
 *   today on that is not done
 */
AmparoEvent *
amparo_clients_find_next_hearing (AmparoStore  *store,
                                  AmparoPerson *person)
{
  g_autoptr(GListModel) events = amparo_store_list_events (store, person);
  g_autofree char *today = amparo_clients_today ();
  guint n = g_list_model_get_n_items (events);

  /* Events come in date order, so the first match is the next one. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);
      const char *starts_at = amparo_event_get_starts_at (event);

      if (amparo_event_get_kind (event) == AMPARO_EVENT_KIND_HEARING
          && !amparo_event_get_done (event)
          && starts_at != NULL && strcmp (starts_at, today) >= 0)
        return g_steal_pointer (&event);
    }
  return NULL;
}

/**
 * amparo_clients_is_separated:
 *
 * Returns: whether a family link of the person is separated and not yet
 *   reunified
 */
gboolean
amparo_clients_is_separated (AmparoStore  *store,
                             AmparoPerson *person)
{
  g_autoptr(GListModel) relatives = amparo_store_list_relatives (store, person);
  guint n = g_list_model_get_n_items (relatives);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRelative) relative = g_list_model_get_item (relatives, i);
      AmparoRelationship *link = amparo_relative_get_relationship (relative);

      if (amparo_relationship_get_separated (link)
          && amparo_relationship_get_reunification_status (link) != AMPARO_REUNIFICATION_REUNIFIED)
        return TRUE;
    }
  return FALSE;
}

/**
 * amparo_clients_focus_next:
 *
 * Moves the keyboard focus on as Tab would: Enter in a form field goes to
 * the next field.
 */
void
amparo_clients_focus_next (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

/**
 * amparo_clients_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the window holding @widget.
 */
void
amparo_clients_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (AMPARO_IS_WINDOW (root))
    amparo_window_add_toast (AMPARO_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

/**
 * amparo_clients_row_add_button:
 * @row: an #AdwActionRow or #AdwExpanderRow of a client page's list
 * @button: (transfer floating): the button
 * @label: what it does, for its tooltip and screen readers
 * @action: the action it runs, with @uid (the row's record) as target
 *
 * The one way a client page's rows get their buttons, so every one is
 * named for screen readers and acts on its own record.
 */
void
amparo_clients_row_add_button (GtkWidget  *row,
                               GtkWidget  *button,
                               const char *label,
                               const char *action,
                               const char *uid)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  amparo_tooltip_set (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uid);
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

/**
 * amparo_clients_row_add_icon_button:
 *
 * amparo_clients_row_add_button() with a flat button showing @icon.
 */
void
amparo_clients_row_add_icon_button (GtkWidget  *row,
                                    const char *icon,
                                    const char *label,
                                    const char *action,
                                    const char *uid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  amparo_clients_row_add_button (row, button, label, action, uid);
}

/**
 * amparo_clients_find_copy:
 * @uid: the "s" target of a row's action
 *
 * What a row's Edit action opens: a copy of the stored record, so Cancel
 * leaves the page as it was.
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL when it is gone
 */
gpointer
amparo_clients_find_copy (AmparoStore *store,
                          GType        type,
                          GVariant    *uid)
{
  g_autoptr(AmparoRecord) stored = amparo_store_get_by_uid (store, type, g_variant_get_string (uid, NULL), NULL);

  return stored != NULL ? amparo_record_copy (stored) : NULL;
}

static void
on_undo_delete_cb (AdwToast     *toast,
                   AmparoRecord *record)
{
  AmparoStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  if (!amparo_store_restore (store, record, &error))
    g_warning ("Could not restore from the Trash: %s", error->message);
}

/**
 * amparo_clients_trash_with_undo:
 * @widget: a widget on the client page, for the toast
 * @store: the store
 * @record: a sub-record of the client page (a proceeding, a document…)
 * @message: what the toast says, e.g. "Document moved to the Trash"
 *
 * Moves @record to the Trash and offers Undo; an error is told in a toast.
 */
void
amparo_clients_trash_with_undo (GtkWidget    *widget,
                                AmparoStore  *store,
                                AmparoRecord *record,
                                const char   *message)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!amparo_store_delete (store, record, &error))
    {
      amparo_clients_toast (widget, adw_toast_new (error->message));
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (store), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb),
                         g_object_ref (record), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  amparo_clients_toast (widget, toast);
}
