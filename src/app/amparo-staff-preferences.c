/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-staff-preferences.h"
#include "amparo-store-reports.h"

/*
 * roles (#17): Preferences → Staff. Who works on this case store and in
 * which role; an administrator changes a role with its drop-down (saved
 * at once, journaled) and adds staff below. Everyone else sees the list
 * and a line saying only administrators change it. On a server the
 * account must exist there first (the server's administrator makes it);
 * saving a role makes it a member of that role's group.
 */

struct _AmparoStaffPreferences
{
  AdwPreferencesPage parent_instance;

  AmparoStore *store;
  AdwPreferencesGroup *list_group;
  AdwPreferencesGroup *add_group;
  GPtrArray *rows;
  AdwEntryRow *account_row;
  AdwEntryRow *name_row;
  AdwComboRow *role_row;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (AmparoStaffPreferences, amparo_staff_preferences, ADW_TYPE_PREFERENCES_PAGE)

static const AmparoStaffRole choosable[] = {
  AMPARO_STAFF_ROLE_FRONT_DESK, AMPARO_STAFF_ROLE_ATTORNEY,
  AMPARO_STAFF_ROLE_COMMUNICATIONS, AMPARO_STAFF_ROLE_ADMINISTRATOR,
};

static GListModel *
role_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (choosable); i++)
    gtk_string_list_append (names, amparo_staff_role_get_label (choosable[i]));
  return G_LIST_MODEL (names);
}

static void reload (AmparoStaffPreferences *self);

static void
show_error (AmparoStaffPreferences *self,
            const GError           *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
on_role_selected_cb (AdwComboRow            *row,
                     GParamSpec             *pspec,
                     AmparoStaffPreferences *self)
{
  AmparoStaff *staff = g_object_get_data (G_OBJECT (row), "staff");
  guint chosen = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (chosen >= G_N_ELEMENTS (choosable) || amparo_staff_get_role (staff) == choosable[chosen])
    return;
  amparo_staff_set_role (staff, choosable[chosen]);
  if (!amparo_store_save (self->store, AMPARO_RECORD (staff), &error))
    amparo_store_reload (self->store, AMPARO_RECORD (staff), NULL);
  show_error (self, error);
}

static GtkWidget *
staff_row (AmparoStaffPreferences *self,
           AmparoStaff            *staff,
           gboolean                editable)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) names = role_names ();
  const char *name = amparo_staff_get_display_name (staff);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name && *name ? name : amparo_staff_get_account (staff));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amparo_staff_get_account (staff));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), names);
  for (guint i = 0; i < G_N_ELEMENTS (choosable); i++)
    if (choosable[i] == amparo_staff_get_role (staff))
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  gtk_widget_set_sensitive (row, editable);
  g_object_set_data_full (G_OBJECT (row), "staff", g_object_ref (staff), g_object_unref);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_role_selected_cb), self, 0);
  return row;
}

static void
on_add_clicked_cb (AmparoStaffPreferences *self)
{
  g_autoptr(AmparoStaff) staff = amparo_staff_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *account = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->account_row))));
  guint chosen = adw_combo_row_get_selected (self->role_row);

  if (*account == '\0')
    {
      g_set_error_literal (&error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                           _("Type the account this person logs in with."));
      show_error (self, error);
      return;
    }
  amparo_staff_set_account (staff, account);
  amparo_staff_set_display_name (staff, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  amparo_staff_set_role (staff, choosable[MIN (chosen, G_N_ELEMENTS (choosable) - 1)]);
  if (!amparo_store_save (self->store, AMPARO_RECORD (staff), &error))
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  reload (self);
}

static void
reload (AmparoStaffPreferences *self)
{
  g_autoptr(GListModel) staff = amparo_store_list (self->store, AMPARO_TYPE_STAFF, AMPARO_LIST_LIVE);
  gboolean admin = amparo_store_get_role (self->store) == AMPARO_STAFF_ROLE_ADMINISTRATOR;
  guint n = g_list_model_get_n_items (staff);
  g_autofree char *you = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoStaff) member = g_list_model_get_item (staff, i);
      GtkWidget *row = staff_row (self, member, admin);

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Translators: %s is the account, e.g. "maria" */
      you = g_strdup_printf (_("No staff yet: everyone who opens this case store is its administrator, as %s is now. The first person you add makes you an administrator too, so you keep access."),
                             amparo_store_get_actor (self->store));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), you);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_set_description (self->list_group,
                                         admin ? _("Front desk: intake, contacts, whereabouts and the agenda. Case worker or attorney: the client records of their programs, with case notes, evidence and proceedings. Communications: press releases and demands, no client records. Administrator: everything, settings and the journal.")
                                               : _("Only administrators can change staff roles."));
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), admin);
}

static void
build_add_group (AmparoStaffPreferences *self)
{
  g_autoptr(GListModel) names = role_names ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Staff Member"));

  self->add_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->add_group, _("Add Staff"));
  adw_preferences_group_set_description (self->add_group,
                                         _("The account is the computer login on this desk, or the database account on a shared server (the server’s administrator creates it first)."));
  self->account_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), _("Account"));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  self->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Role"));
  adw_combo_row_set_model (self->role_row, names);
  adw_preferences_group_add (self->add_group, GTK_WIDGET (self->account_row));
  adw_preferences_group_add (self->add_group, GTK_WIDGET (self->name_row));
  adw_preferences_group_add (self->add_group, GTK_WIDGET (self->role_row));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->add_group, button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->add_group);
}

static void
amparo_staff_preferences_dispose (GObject *object)
{
  AmparoStaffPreferences *self = AMPARO_STAFF_PREFERENCES (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (amparo_staff_preferences_parent_class)->dispose (object);
}

static void
amparo_staff_preferences_class_init (AmparoStaffPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = amparo_staff_preferences_dispose;
}

static void
amparo_staff_preferences_init (AmparoStaffPreferences *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Staff"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "system-users-symbolic");
  gtk_widget_set_name (GTK_WIDGET (self), "staff");

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Staff and Roles"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->list_group);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (self->list_group, GTK_WIDGET (self->error_label));
  build_add_group (self);
}

/**
 * amparo_staff_preferences_new:
 *
 * Returns: (transfer floating): the Staff page for @store
 */
AmparoStaffPreferences *
amparo_staff_preferences_new (AmparoStore *store)
{
  AmparoStaffPreferences *self = g_object_new (AMPARO_TYPE_STAFF_PREFERENCES, NULL);

  self->store = g_object_ref (store);
  reload (self);
  return self;
}
