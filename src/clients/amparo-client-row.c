/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-client-row.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-person-list-model.h"

/* One person in the client list. What it shows of other records (where
 * the person is now, the next hearing, whether the family is separated)
 * comes with the list's page query, so binding a row runs no SQL; a
 * person from elsewhere is looked up in the store. */

struct _AmparoClientRow
{
  GtkBox     parent_instance;

  GtkLabel  *name_label;
  GtkLabel  *details_label;
  GtkLabel  *whereabouts_label;
  GtkLabel  *hearing_label;
  GtkWidget *minor_badge;
  GtkWidget *separated_badge;
  GtkWidget *interpreter_badge;
  GtkWidget *trash_badge;
  GtkWidget *stale_badge;
};

G_DEFINE_FINAL_TYPE (AmparoClientRow, amparo_client_row, GTK_TYPE_BOX)

static char *
format_details (AmparoPerson *person)
{
  g_autofree char *age = amparo_clients_format_age (person);
  g_autofree char *a_number = NULL;
  const char *stored = amparo_person_get_a_number (person);

  if (stored == NULL || *stored == '\0')
    return g_steal_pointer (&age);
  a_number = amparo_a_number_format (stored);
  return g_strdup_printf ("%s · %s", age, a_number);
}

static char *
dup_next_hearing (AmparoStore  *store,
                  AmparoPerson *person)
{
  const char *known = amparo_person_list_model_get_row_text (person, AMPARO_PERSON_ROW_NEXT_HEARING);
  g_autoptr(AmparoEvent) hearing = NULL;

  if (known != NULL)
    return *known != '\0' ? g_strdup (known) : NULL;
  hearing = amparo_clients_find_next_hearing (store, person);
  return hearing != NULL ? g_strdup (amparo_event_get_starts_at (hearing)) : NULL;
}

static char *
format_next_hearing (AmparoStore  *store,
                     AmparoPerson *person)
{
  g_autofree char *starts_at = dup_next_hearing (store, person);
  g_autofree char *when = NULL;

  if (starts_at == NULL)
    return g_strdup (_("No hearing scheduled"));
  when = amparo_clients_format_date_time (starts_at);
  /* Translators: %s is a date, e.g. "Next hearing: Dec 3, 2026, 9:00 AM" */
  return g_strdup_printf (_("Next hearing: %s"), when);
}

static AmparoLocation *
dup_location (AmparoStore  *store,
              AmparoPerson *person)
{
  gboolean known;
  AmparoLocation *location = amparo_person_list_model_dup_location (person, &known);

  return known ? location : amparo_store_get_current_location (store, person);
}

static gboolean
is_separated (AmparoStore  *store,
              AmparoPerson *person)
{
  const char *known = amparo_person_list_model_get_row_text (person, AMPARO_PERSON_ROW_SEPARATED);

  if (known != NULL)
    return g_str_equal (known, "1");
  return amparo_clients_is_separated (store, person);
}

static gboolean
has_stale_contacts (AmparoStore  *store,
                    AmparoPerson *person)
{
  const char *known = amparo_person_list_model_get_row_text (person, AMPARO_PERSON_ROW_STALE_CONTACTS);

  if (known != NULL)
    return g_str_equal (known, "1");
  return amparo_store_count_stale_contacts (store, person, amparo_store_get_contact_stale_days ()) > 0;
}

static void
show_badge (GtkWidget *badge,
            gboolean   shown)
{
  gtk_widget_set_visible (badge, shown);
  /* newuser (#13): a hidden badge leaves no gap in the flow box. */
  gtk_widget_set_visible (gtk_widget_get_parent (badge), shown);
}

static void
amparo_client_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_CLIENT_ROW);

  G_OBJECT_CLASS (amparo_client_row_parent_class)->dispose (object);
}

static void
amparo_client_row_class_init (AmparoClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_client_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-client-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, whereabouts_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, hearing_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, minor_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, separated_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, interpreter_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, trash_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, stale_badge);
}

static void
amparo_client_row_init (AmparoClientRow *self)
{
  GtkWidget *badges;
  g_autoptr(GListModel) controllers = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* newuser (#13): the badges' flow box only lays them out; its click
   * gesture would take a click on a badge away from the list row. */
  badges = gtk_widget_get_ancestor (self->minor_badge, GTK_TYPE_FLOW_BOX);
  controllers = gtk_widget_observe_controllers (badges);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
  for (GtkWidget *slot = gtk_widget_get_first_child (badges); slot != NULL;
       slot = gtk_widget_get_next_sibling (slot))
    gtk_widget_set_focusable (slot, FALSE);
}

GtkWidget *
amparo_client_row_new (void)
{
  return g_object_new (AMPARO_TYPE_CLIENT_ROW, NULL);
}

/**
 * amparo_client_row_bind:
 * @person: the person to show
 *
 * Shows @person's name, age, A-number, whereabouts, next hearing and
 * badges.
 */
void
amparo_client_row_bind (AmparoClientRow *self,
                        AmparoStore     *store,
                        AmparoPerson    *person)
{
  g_autofree char *name = amparo_clients_dup_name (person);
  g_autofree char *details = format_details (person);
  g_autoptr(AmparoLocation) location = dup_location (store, person);
  g_autofree char *whereabouts = amparo_clients_format_location (location);
  g_autofree char *hearing = format_next_hearing (store, person);
  gboolean trashed = amparo_record_is_deleted (AMPARO_RECORD (person));

  g_return_if_fail (AMPARO_IS_CLIENT_ROW (self));

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->whereabouts_label, whereabouts);
  gtk_label_set_text (self->hearing_label, hearing);
  show_badge (self->minor_badge, amparo_person_get_unaccompanied_minor (person));
  show_badge (self->interpreter_badge, amparo_person_get_interpreter_needed (person));
  show_badge (self->separated_badge, !trashed && is_separated (store, person));
  show_badge (self->trash_badge, trashed);
  /* caserecord (#9): one indexed count per visible row */
  show_badge (self->stale_badge, !trashed && has_stale_contacts (store, person));
}
