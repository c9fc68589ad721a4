/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-reverify-dialog.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-list-box.h"
#include "amparo-main-view.h"
#include "amparo-tooltip.h"
#include "amparo-window.h"

/* Every client's contacts not reached within the configured age (the
 * `contact-stale-days` setting, 90 by default), the longest unreached
 * first: the list staff work through by phone, because separated
 * parents were lost when numbers went stale. It asks the store the same
 * question the client list's badge asks (amparo-store-case.c). A row
 * opens that client; "Reached Today" marks the contact and drops it. */

/* A list box holds a widget per row; past this, say how many more. */
#define MAX_ROWS 300

struct _AmparoReverifyDialog
{
  AdwWindow             parent_instance;

  AmparoStore          *store;
  int                   stale_days;

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *group;
  GtkListBox           *contacts_list;
  GtkLabel             *empty_label;
};

G_DEFINE_FINAL_TYPE (AmparoReverifyDialog, amparo_reverify_dialog, ADW_TYPE_WINDOW)

static gint64
days_since (const char *iso_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today, then;
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return -1;
  g_date_clear (&today, 1);
  g_date_clear (&then, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_set_dmy (&then, d, m, y);
  return g_date_days_between (&then, &today);
}

/* "Phone · +502 5555 0101 · of her mother" and, below, how long ago. */
static char *
describe_contact (AmparoContact *contact)
{
  GString *text = g_string_new (amparo_clients_enum_label (AMPARO_TYPE_CONTACT_KIND, amparo_contact_get_kind (contact)));
  const char *belongs_to = amparo_contact_get_belongs_to (contact);
  gint64 days = days_since (amparo_contact_get_last_verified (contact));

  g_string_append_printf (text, " · %s", amparo_contact_get_value (contact));
  if (belongs_to != NULL)
    g_string_append_printf (text, _(" · of %s"), belongs_to);
  g_string_append_c (text, '\n');
  if (days < 0)
    g_string_append (text, _("Never reached"));
  else
    {
      g_autofree char *date = amparo_clients_format_date (amparo_contact_get_last_verified (contact));

      /* Translators: how long a contact has gone unreached; %s is the date */
      g_string_append_printf (text, ngettext ("Last reached %s, %d day ago", "Last reached %s, %d days ago", (gulong) days),
                              date, (int) days);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
create_row (AmparoReverifyDialog *self,
            AmparoContact        *contact)
{
  g_autoptr(AmparoPerson) person = amparo_store_get_by_id (self->store, AMPARO_TYPE_PERSON,
                                                           amparo_contact_get_person_id (contact), NULL);
  g_autofree char *name = person != NULL ? amparo_clients_dup_name (person) : g_strdup ("");
  g_autofree char *subtitle = describe_contact (contact);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Reached Today"));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), person != NULL);
  amparo_tooltip_set (GTK_WIDGET (row), _("Open this client"));
  amparo_clients_row_add_button (row, button, _("Reached Today"), "reverify.reached",
                                 amparo_record_get_uid (AMPARO_RECORD (contact)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  if (person != NULL)
    g_object_set_data_full (G_OBJECT (row), "person", g_steal_pointer (&person), g_object_unref);
  return row;
}

static void
refresh (AmparoReverifyDialog *self)
{
  g_autoptr(GListModel) stale = amparo_store_list_stale_contacts (self->store, self->stale_days);
  guint n = g_list_model_get_n_items (stale);
  g_autofree char *description = NULL;

  amparo_list_box_trim (self->contacts_list, 0);
  for (guint i = 0; i < MIN (n, MAX_ROWS); i++)
    {
      g_autoptr(AmparoContact) contact = g_list_model_get_item (stale, i);

      gtk_list_box_append (self->contacts_list, create_row (self, contact));
    }
  if (n > MAX_ROWS)
    /* Translators: the list shows the first 300 of more */
    description = g_strdup_printf (ngettext ("%u contact not reached in the last %d days, never-reached and longest-unreached first. The first %d are shown; reach them to see the rest.",
                                             "%u contacts not reached in the last %d days, never-reached and longest-unreached first. The first %d are shown; reach them to see the rest.", n),
                                   n, self->stale_days, MAX_ROWS);
  else
    description = g_strdup_printf (ngettext ("%u contact not reached in the last %d days, never-reached and longest-unreached first. Call it, then mark it reached.",
                                             "%u contacts not reached in the last %d days, never-reached and longest-unreached first. Call each, then mark it reached.", n),
                                   n, self->stale_days);
  adw_preferences_group_set_description (self->group, n > 0 ? description : NULL);
}

/* The list shows clients' numbers and addresses: journal it as a view of
 * each client shown, in one transaction, as opening a client page is. */
static void
journal_shown (AmparoReverifyDialog *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  gboolean ok;

  if (!amparo_store_begin (self->store, &error))
    goto failed;
  ok = TRUE;
  for (guint i = 0; ok && (row = gtk_list_box_get_row_at_index (self->contacts_list, i)) != NULL; i++)
    {
      AmparoRecord *person = g_object_get_data (G_OBJECT (row), "person");

      if (person == NULL || !g_hash_table_add (seen, person))
        continue;
      ok = amparo_store_log_action (self->store, AMPARO_JOURNAL_ACTION_VIEW, person,
                                    "contacts to re-verify", &error);
    }
  if (ok && amparo_store_commit (self->store, &error))
    return;
  amparo_store_rollback (self->store);
failed:
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
on_record_changed_cb (AmparoReverifyDialog *self,
                      AmparoRecord         *record)
{
  if (AMPARO_IS_CONTACT (record) || AMPARO_IS_PERSON (record))
    refresh (self);
}

static GtkWidget *
find_main_view (GtkWidget *widget)
{
  if (AMPARO_IS_MAIN_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_main_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Clients section with that person's page, the way the Agenda opens
 * one: through the clients page's "clients.open", else the window state. */
static void
on_row_activated_cb (AmparoReverifyDialog *self,
                     GtkListBoxRow        *row)
{
  AmparoPerson *person = g_object_get_data (G_OBJECT (row), "person");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  AmparoWindowState *state;
  GtkWidget *view, *clients = NULL;

  if (person == NULL || !AMPARO_IS_WINDOW (parent))
    return;
  state = amparo_window_get_state (AMPARO_WINDOW (parent));
  if ((view = find_main_view (GTK_WIDGET (parent))) != NULL)
    clients = amparo_main_view_get_page (AMPARO_MAIN_VIEW (view), "clients");
  amparo_window_state_set_section (state, "clients");
  if (clients == NULL ||
      !gtk_widget_activate_action (clients, "clients.open", "s", amparo_record_get_uid (AMPARO_RECORD (person))))
    amparo_window_state_set_object (state, "clients:open", G_OBJECT (person));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_undo_cb (AdwToast      *toast,
            AmparoContact *contact)
{
  AmparoStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  amparo_contact_set_last_verified (contact, g_object_get_data (G_OBJECT (toast), "before"));
  if (!amparo_store_save (store, AMPARO_RECORD (contact), &error))
    g_warning ("Could not undo “Reached today”: %s", error->message);
}

static void
reached_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmparoReverifyDialog *self = AMPARO_REVERIFY_DIALOG (widget);
  g_autoptr(AmparoContact) contact = amparo_store_get_by_uid (self->store, AMPARO_TYPE_CONTACT,
                                                              g_variant_get_string (parameter, NULL), NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (contact == NULL)
    return;
  before = g_strdup (amparo_contact_get_last_verified (contact));
  if (!amparo_store_mark_contact_reached (self->store, contact, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  toast = adw_toast_new (_("Marked as reached today"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "before", g_steal_pointer (&before), g_free);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_cb),
                         g_object_ref (contact), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
amparo_reverify_dialog_dispose (GObject *object)
{
  AmparoReverifyDialog *self = (AmparoReverifyDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_REVERIFY_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (amparo_reverify_dialog_parent_class)->dispose (object);
}

static void
amparo_reverify_dialog_class_init (AmparoReverifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_reverify_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "reverify.reached", "s", reached_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-reverify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoReverifyDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmparoReverifyDialog, group);
  gtk_widget_class_bind_template_child (widget_class, AmparoReverifyDialog, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoReverifyDialog, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
amparo_reverify_dialog_init (AmparoReverifyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_reverify_dialog_new:
 * @parent: the window whose Clients section a row opens
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AmparoReverifyDialog *
amparo_reverify_dialog_new (GtkWindow   *parent,
                            AmparoStore *store)
{
  AmparoReverifyDialog *self = g_object_new (AMPARO_TYPE_REVERIFY_DIALOG, "transient-for", parent, NULL);
  g_autofree char *empty = NULL;

  self->store = g_object_ref (store);
  self->stale_days = amparo_store_get_contact_stale_days ();
  empty = g_strdup_printf (ngettext ("Every contact was reached in the last %d day.",
                                     "Every contact was reached in the last %d days.", self->stale_days),
                           self->stale_days);
  gtk_label_set_text (self->empty_label, empty);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  journal_shown (self);
  return self;
}
