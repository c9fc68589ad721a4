/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-client-row.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-person-list-model.h"
#include "amparo-tooltip.h"

/* One person in the client list. What it shows of other records (where
 * the person is now, the next hearing, whether the family is separated)
 * comes with the list's page query, so binding a row runs no SQL; a
 * person from elsewhere is looked up in the store. */

/* In the order they are shown. */
typedef enum
{
  BADGE_MINOR,
  BADGE_SEPARATED,
  BADGE_INTERPRETER,
  BADGE_STALE,
  BADGE_TRASH,
  N_BADGES
} Badge;

struct _AmparoClientRow
{
  GtkBox     parent_instance;

  GtkLabel  *name_label;
  GtkLabel  *details_label;
  GtkLabel  *whereabouts_label;
  GtkLabel  *hearing_label;
  GtkFlowBox *badges;
  /* Made when first needed (see make_badge()), then kept for the rows
   * this widget shows next. */
  GtkWidget *badge[N_BADGES];
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

/* list2 (#14): most rows have no badge, and the list builds a few hundred
 * rows, so a badge is made only for a row that has one. */
static GtkWidget *
make_badge (AmparoClientRow *self,
            Badge            which)
{
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *slot;
  int index = 0;

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "badge");
  switch (which)
    {
    case BADGE_MINOR:
      gtk_label_set_label (GTK_LABEL (badge), C_("badge", "Unaccompanied minor"));
      gtk_widget_add_css_class (badge, "warning");
      break;
    case BADGE_SEPARATED:
      /* Translators: a badge: the family is separated */
      gtk_label_set_label (GTK_LABEL (badge), C_("badge", "Separated"));
      gtk_widget_add_css_class (badge, "error");
      break;
    case BADGE_INTERPRETER:
      gtk_label_set_label (GTK_LABEL (badge), C_("badge", "Interpreter"));
      amparo_tooltip_set (badge, _("Needs an interpreter"));
      gtk_widget_add_css_class (badge, "accent");
      break;
    case BADGE_STALE:
      /* caserecord (#9): a contact not reached for too long */
      gtk_label_set_label (GTK_LABEL (badge), C_("badge", "Contact stale"));
      amparo_tooltip_set (badge, _("A contact was not reached recently: call again"));
      gtk_widget_add_css_class (badge, "warning");
      break;
    case BADGE_TRASH:
      gtk_label_set_label (GTK_LABEL (badge), C_("badge", "In Trash"));
      break;
    case N_BADGES:
    default:
      g_assert_not_reached ();
    }
  for (guint i = 0; i < which; i++)
    index += self->badge[i] != NULL;
  gtk_flow_box_insert (self->badges, badge, index);
  slot = gtk_widget_get_parent (badge);
  gtk_widget_set_focusable (slot, FALSE);
  return badge;
}

static void
show_badge (AmparoClientRow *self,
            Badge            which,
            gboolean         shown)
{
  GtkWidget *badge = self->badge[which];

  if (badge == NULL && !shown)
    return;
  if (badge == NULL)
    badge = self->badge[which] = make_badge (self, which);
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
  gtk_widget_class_bind_template_child (widget_class, AmparoClientRow, badges);
}

static void
amparo_client_row_init (AmparoClientRow *self)
{
  g_autoptr(GListModel) controllers = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* newuser (#13): the badges' flow box only lays them out; its click
   * gesture would take a click on a badge away from the list row. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (self->badges));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
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
  gboolean shown[N_BADGES];
  gboolean any;

  g_return_if_fail (AMPARO_IS_CLIENT_ROW (self));

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->whereabouts_label, whereabouts);
  gtk_label_set_text (self->hearing_label, hearing);
  shown[BADGE_MINOR] = amparo_person_get_unaccompanied_minor (person);
  shown[BADGE_INTERPRETER] = amparo_person_get_interpreter_needed (person);
  shown[BADGE_SEPARATED] = !trashed && is_separated (store, person);
  shown[BADGE_TRASH] = trashed;
  /* caserecord (#9): read with the list's page, else one indexed count */
  shown[BADGE_STALE] = !trashed && has_stale_contacts (store, person);
  any = FALSE;
  for (guint i = 0; i < N_BADGES; i++)
    {
      show_badge (self, i, shown[i]);
      any |= shown[i];
    }
  gtk_widget_set_visible (GTK_WIDGET (self->badges), any);
}
