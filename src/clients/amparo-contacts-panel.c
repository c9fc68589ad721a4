/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-contacts-panel.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-iso-codes.h"
#include "amparo-record-form.h"

/* A person's ways to be reached, and their relatives' at home, each with
 * the day someone last reached it. A contact not reached within the
 * configured age (90 days by default) is flagged, because a number that
 * went stale is how separated parents were lost. */

struct _AmparoContactsPanel
{
  AdwBin        parent_instance;

  AmparoStore  *store;
  AmparoPerson *person;
  gulong        changed_handler;
  int           stale_days;

  GtkListBox   *contacts_list;
  GtkLabel     *stale_label;
};

G_DEFINE_FINAL_TYPE (AmparoContactsPanel, amparo_contacts_panel, ADW_TYPE_BIN)

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  AmparoContactsPanel *self = user_data;
  AmparoContact *contact = item;
  g_autofree char *verified = amparo_clients_format_date (amparo_contact_get_last_verified (contact));
  g_autoptr(GString) subtitle = g_string_new (amparo_clients_enum_label (AMPARO_TYPE_CONTACT_KIND, amparo_contact_get_kind (contact)));
  const char *belongs_to = amparo_contact_get_belongs_to (contact);
  const char *country = amparo_contact_get_country (contact);
  const char *uid = amparo_record_get_uid (AMPARO_RECORD (contact));
  gboolean stale = amparo_contact_is_stale_after (contact, self->stale_days);
  GtkWidget *row = adw_action_row_new ();

  if (belongs_to != NULL)
    /* Translators: whose contact it is, " · of her mother in Huehuetenango" */
    g_string_append_printf (subtitle, _(" · of %s"), belongs_to);
  if (country != NULL)
    {
      g_autofree char *name = amparo_iso_codes_display (AMPARO_ISO_COUNTRIES, country);
      g_string_append_printf (subtitle, " · %s", name);
    }
  g_string_append (subtitle, "\n");
  if (*verified != '\0')
    /* Translators: %s is the day a contact was last reached */
    g_string_append_printf (subtitle, _("Last reached %s"), verified);
  else
    g_string_append (subtitle, _("Never reached"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amparo_contact_get_value (contact));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (stale)
    {
      GtkWidget *badge = gtk_label_new (C_("contact", "Stale"));

      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, "warning");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  amparo_clients_row_add_button (row, gtk_button_new_with_mnemonic (_("_Reached Today")), _("Reached Today"), "contacts.reached", uid);
  amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit Contact"), "contacts.edit", uid);
  return row;
}

static void
refresh (AmparoContactsPanel *self)
{
  g_autoptr(GListModel) contacts = amparo_store_list_contacts (self->store, self->person);
  gint64 stale = amparo_store_count_stale_contacts (self->store, self->person, self->stale_days);

  gtk_list_box_bind_model (self->contacts_list, contacts, create_contact_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->stale_label), stale > 0);
  if (stale > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%d contact not reached in the last %d days: call it again to check it still works.",
                                   "%d contacts not reached in the last %d days: call them again to check they still work.",
                                   (gulong) stale), (int) stale, self->stale_days);
      gtk_label_set_text (self->stale_label, text);
    }
}

static void
on_record_changed_cb (AmparoContactsPanel *self,
                      AmparoRecord        *record,
                      AmparoStore         *store)
{
  if (AMPARO_IS_CONTACT (record))
    refresh (self);
}

static void
on_form_saved_cb (AmparoRecordForm *form,
                  AmparoRecord     *record,
                  GtkWidget        *self)
{
  amparo_clients_toast (self, adw_toast_new (g_object_get_data (G_OBJECT (form), "saved-message")));
}

static void
open_form (AmparoContactsPanel *self,
           AmparoRecord        *contact,
           const char          *title,
           const char          *saved_message)
{
  AmparoRecordForm *form = amparo_record_form_new (GTK_WIDGET (self), self->store, contact, title);

  g_object_set_data_full (G_OBJECT (form), "saved-message", g_strdup (saved_message), g_free);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
  amparo_record_form_add_combo (form, "kind", _("Kind"), AMPARO_TYPE_CONTACT_KIND);
  amparo_record_form_add_entry (form, "value", _("Number, address or email"));
  amparo_record_form_add_entry (form, "belongs-to", _("Whose contact (if not the person's)"));
  amparo_record_form_add_country (form, "country", _("Country"));
  amparo_record_form_add_date (form, "last-verified", _("Last reached on"), FALSE);
  amparo_record_form_add_entry (form, "notes", _("Notes"));
  gtk_window_present (GTK_WINDOW (form));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmparoContactsPanel *self = AMPARO_CONTACTS_PANEL (widget);
  g_autoptr(AmparoContact) contact = amparo_contact_new ();
  g_autofree char *today = amparo_clients_today ();

  if (self->person == NULL)
    return;
  amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (self->person)));
  amparo_contact_set_last_verified (contact, today);
  open_form (self, AMPARO_RECORD (contact), _("New Contact"), _("Contact added"));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmparoContactsPanel *self = AMPARO_CONTACTS_PANEL (widget);
  g_autoptr(AmparoRecord) contact = amparo_clients_find_copy (self->store, AMPARO_TYPE_CONTACT, parameter);

  if (contact != NULL)
    open_form (self, contact, _("Edit Contact"), _("Contact saved"));
}

static void
reached_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmparoContactsPanel *self = AMPARO_CONTACTS_PANEL (widget);
  g_autoptr(AmparoRecord) contact = amparo_clients_find_copy (self->store, AMPARO_TYPE_CONTACT, parameter);
  g_autoptr(GError) error = NULL;

  if (contact == NULL)
    return;
  if (!amparo_store_mark_contact_reached (self->store, AMPARO_CONTACT (contact), &error))
    amparo_clients_toast (widget, adw_toast_new (error->message));
}

static void
disconnect_store (AmparoContactsPanel *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
}

static void
amparo_contacts_panel_dispose (GObject *object)
{
  AmparoContactsPanel *self = (AmparoContactsPanel *)object;

  disconnect_store (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_CONTACTS_PANEL);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_contacts_panel_parent_class)->dispose (object);
}

static void
amparo_contacts_panel_class_init (AmparoContactsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_contacts_panel_dispose;

  gtk_widget_class_install_action (widget_class, "contacts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "contacts.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "contacts.reached", "s", reached_action);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-contacts-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoContactsPanel, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoContactsPanel, stale_label);
}

static void
amparo_contacts_panel_init (AmparoContactsPanel *self)
{
  self->stale_days = amparo_store_get_contact_stale_days ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_contacts_panel_set_person:
 * @person: a saved person
 *
 * Lists @person's contacts and keeps them up to date.
 */
void
amparo_contacts_panel_set_person (AmparoContactsPanel *self,
                                  AmparoStore         *store,
                                  AmparoPerson        *person)
{
  g_return_if_fail (AMPARO_IS_CONTACTS_PANEL (self));

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->stale_days = amparo_store_get_contact_stale_days ();
  self->changed_handler = g_signal_connect_object (store, "record-changed",
                                                   G_CALLBACK (on_record_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  refresh (self);
}
