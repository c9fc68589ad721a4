/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-proceedings-panel.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-clients-util.h"

/* A person's immigration matters, each with its hearings and deadlines,
 * the dates tied to no matter, and class memberships with the benefits
 * they give and when those end. */

#define DRAFT_KEY "clients:event-draft"

struct _AmparoProceedingsPanel
{
  AdwBin        parent_instance;

  AmparoStore  *store;
  AmparoPerson *person;
  AmparoEvent  *draft;
  GPtrArray    *bindings;
  GArray       *proceeding_ids;
  gulong        changed_handler;

  GtkListBox   *proceedings_list;
  GtkListBox   *events_list;
  GtkListBox   *memberships_list;
  AdwExpanderRow *add_row;
  AdwComboRow  *kind_row;
  AdwEntryRow  *starts_row;
  AdwEntryRow  *place_row;
  AdwEntryRow  *title_row;
  AdwComboRow  *proceeding_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (AmparoProceedingsPanel, amparo_proceedings_panel, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  /* Row by row: the list's first child may be its placeholder. */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
join_nonempty (GString    *text,
               const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static GtkWidget *
create_event_row (AmparoEvent *event)
{
  g_autofree char *when = amparo_clients_format_date_time (amparo_event_get_starts_at (event));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *title = amparo_event_get_title (event);
  GtkWidget *row = adw_action_row_new ();

  join_nonempty (subtitle, amparo_clients_enum_label (AMPARO_TYPE_EVENT_KIND, amparo_event_get_kind (event)));
  join_nonempty (subtitle, amparo_event_get_place (event));
  join_nonempty (subtitle, title);
  if (amparo_event_get_done (event))
    join_nonempty (subtitle, C_("event", "Done"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  return row;
}

static GtkWidget *
create_proceeding_row (AmparoProceeding *proceeding)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_expander_row_new ();

  join_nonempty (subtitle, amparo_proceeding_get_court (proceeding));
  join_nonempty (subtitle, amparo_proceeding_get_case_number (proceeding));
  join_nonempty (subtitle, amparo_proceeding_get_judge (proceeding));
  join_nonempty (subtitle, amparo_clients_enum_label (AMPARO_TYPE_PROCEEDING_STATUS, amparo_proceeding_get_status (proceeding)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 amparo_clients_enum_label (AMPARO_TYPE_PROCEEDING_KIND, amparo_proceeding_get_kind (proceeding)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

/* Each event goes under its proceeding; the rest are listed apart. */
static void
fill_proceedings (AmparoProceedingsPanel *self,
                  GtkStringList          *choices)
{
  g_autoptr(GListModel) proceedings = amparo_store_list_proceedings (self->store, self->person);
  g_autoptr(GListModel) events = amparo_store_list_events (self->store, self->person);
  guint n = g_list_model_get_n_items (proceedings);
  guint n_events = g_list_model_get_n_items (events);
  g_autofree GtkWidget **rows = g_new0 (GtkWidget *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoProceeding) proceeding = g_list_model_get_item (proceedings, i);
      gint64 id = amparo_record_get_id (AMPARO_RECORD (proceeding));
      g_autoptr(GString) choice = g_string_new (amparo_clients_enum_label (AMPARO_TYPE_PROCEEDING_KIND, amparo_proceeding_get_kind (proceeding)));

      join_nonempty (choice, amparo_proceeding_get_case_number (proceeding));
      gtk_string_list_append (choices, choice->str);
      g_array_append_val (self->proceeding_ids, id);
      rows[i] = create_proceeding_row (proceeding);
      gtk_list_box_append (self->proceedings_list, rows[i]);
    }

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);
      gint64 proceeding_id = amparo_event_get_proceeding_id (event);
      GtkWidget *parent = NULL;

      for (guint j = 0; j < n && proceeding_id != 0; j++)
        if (g_array_index (self->proceeding_ids, gint64, j + 1) == proceeding_id)
          parent = rows[j];
      if (parent != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), create_event_row (event));
      else
        gtk_list_box_append (self->events_list, create_event_row (event));
    }
}

static GtkWidget *
create_membership_row (AmparoProceedingsPanel *self,
                       AmparoMembership       *membership)
{
  g_autoptr(AmparoLitigation) litigation =
    amparo_store_get_by_id (self->store, AMPARO_TYPE_LITIGATION,
                            amparo_membership_get_litigation_id (membership), NULL);
  g_autoptr(GListModel) benefits = amparo_store_list_benefits (self->store, membership);
  g_autoptr(GString) subtitle = g_string_new (amparo_clients_enum_label (AMPARO_TYPE_CLAIM_STATUS, amparo_membership_get_claim_status (membership)));
  GtkWidget *row = adw_expander_row_new ();
  guint n = g_list_model_get_n_items (benefits);

  join_nonempty (subtitle, amparo_membership_get_eligible (membership) ? _("Eligible") : _("Eligibility not met"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 litigation != NULL ? amparo_litigation_get_name (litigation) : _("Class action"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoBenefit) benefit = g_list_model_get_item (benefits, i);
      g_autofree char *ends = amparo_clients_format_date (amparo_benefit_get_ends_on (benefit));
      g_autofree char *text = NULL;
      GtkWidget *benefit_row = adw_action_row_new ();

      /* Translators: when a settlement benefit ends, e.g. "Ends Jan 1, 2026" */
      text = *ends != '\0' ? g_strdup_printf (_("Ends %s"), ends) : g_strdup (_("No end date yet"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (benefit_row),
                                     amparo_clients_enum_label (AMPARO_TYPE_BENEFIT_KIND, amparo_benefit_get_kind (benefit)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (benefit_row), text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), benefit_row);
    }
  return row;
}

static void
fill_memberships (AmparoProceedingsPanel *self)
{
  g_autoptr(GListModel) memberships = amparo_store_list_memberships (self->store, self->person);
  guint n = g_list_model_get_n_items (memberships);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoMembership) membership = g_list_model_get_item (memberships, i);

      gtk_list_box_append (self->memberships_list, create_membership_row (self, membership));
    }
}

static void
refresh (AmparoProceedingsPanel *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  gint64 none = 0;

  clear_list (self->proceedings_list);
  clear_list (self->events_list);
  clear_list (self->memberships_list);
  g_array_set_size (self->proceeding_ids, 0);
  gtk_string_list_append (choices, _("None"));
  g_array_append_val (self->proceeding_ids, none);

  fill_proceedings (self, choices);
  fill_memberships (self);
  adw_combo_row_set_model (self->proceeding_row, G_LIST_MODEL (choices));
  /* A new hearing most often belongs to the person's latest matter. */
  adw_combo_row_set_selected (self->proceeding_row, self->proceeding_ids->len > 1 ? 1 : 0);
}

static void
on_record_changed_cb (AmparoProceedingsPanel *self,
                      AmparoRecord           *record,
                      AmparoStore            *store)
{
  if (AMPARO_IS_EVENT (record) || AMPARO_IS_PROCEEDING (record)
      || AMPARO_IS_MEMBERSHIP (record) || AMPARO_IS_BENEFIT (record))
    refresh (self);
}

static void
set_draft (AmparoProceedingsPanel *self,
           AmparoEvent            *draft)
{
  g_autoptr(AmparoEvent) fresh = NULL;

  if (draft == NULL)
    {
      draft = fresh = amparo_event_new ();
      amparo_event_set_kind (fresh, AMPARO_EVENT_KIND_HEARING);
    }
  g_set_object (&self->draft, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  amparo_clients_unbind_all (self->bindings);
  amparo_clients_bind_combo (self->bindings, self->kind_row, self->draft, "kind");
  amparo_clients_bind_entry (self->bindings, self->starts_row, self->draft, "starts-at");
  amparo_clients_bind_entry (self->bindings, self->place_row, self->draft, "place");
  amparo_clients_bind_entry (self->bindings, self->title_row, self->draft, "title");
}

/* People type "2026-12-03 09:00"; the store keeps "2026-12-03T09:00". */
static void
normalize_starts_at (AmparoEvent *event)
{
  g_autofree char *text = g_strdup (amparo_event_get_starts_at (event));
  char *space;

  if (text == NULL)
    return;
  g_strstrip (text);
  if ((space = strchr (text, ' ')) != NULL)
    *space = 'T';
  amparo_event_set_starts_at (event, text);
}

static void
on_entry_activated_cb (AmparoProceedingsPanel *self,
                       AdwEntryRow            *row)
{
  amparo_clients_focus_next (GTK_WIDGET (row));
}

static void
on_add_clicked_cb (AmparoProceedingsPanel *self,
                   GtkButton              *button)
{
  amparo_proceedings_panel_add_event (self);
}

static void
disconnect_store (AmparoProceedingsPanel *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
}

static void
amparo_proceedings_panel_dispose (GObject *object)
{
  AmparoProceedingsPanel *self = (AmparoProceedingsPanel *)object;

  disconnect_store (self);
  if (self->bindings != NULL)
    amparo_clients_unbind_all (self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_PROCEEDINGS_PANEL);
  g_clear_object (&self->draft);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_proceedings_panel_parent_class)->dispose (object);
}

static void
amparo_proceedings_panel_finalize (GObject *object)
{
  AmparoProceedingsPanel *self = (AmparoProceedingsPanel *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->proceeding_ids, g_array_unref);

  G_OBJECT_CLASS (amparo_proceedings_panel_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmparoProceedingsPanel, name)

static void
amparo_proceedings_panel_class_init (AmparoProceedingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_proceedings_panel_dispose;
  object_class->finalize = amparo_proceedings_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-proceedings-panel.ui");
  BIND (proceedings_list);
  BIND (events_list);
  BIND (memberships_list);
  BIND (add_row);
  BIND (kind_row);
  BIND (starts_row);
  BIND (place_row);
  BIND (title_row);
  BIND (proceeding_row);
  BIND (error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

#undef BIND

static void
amparo_proceedings_panel_init (AmparoProceedingsPanel *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->proceeding_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  amparo_clients_setup_combo (self->kind_row, AMPARO_TYPE_EVENT_KIND);
  set_draft (self, NULL);
}

/**
 * amparo_proceedings_panel_set_person:
 * @person: a saved person
 *
 * Lists @person's proceedings, dates and memberships, and keeps them up
 * to date.
 */
void
amparo_proceedings_panel_set_person (AmparoProceedingsPanel *self,
                                     AmparoStore            *store,
                                     AmparoPerson           *person)
{
  g_return_if_fail (AMPARO_IS_PROCEEDINGS_PANEL (self));

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->changed_handler = g_signal_connect_object (store, "record-changed",
                                                   G_CALLBACK (on_record_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  refresh (self);
}

/**
 * amparo_proceedings_panel_add_event:
 *
 * Saves the hearing (or other date) typed in the form.
 *
 * Returns: whether it was saved; otherwise the form shows why
 */
gboolean
amparo_proceedings_panel_add_event (AmparoProceedingsPanel *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  g_return_val_if_fail (AMPARO_IS_PROCEEDINGS_PANEL (self), FALSE);

  selected = adw_combo_row_get_selected (self->proceeding_row);
  amparo_event_set_person_id (self->draft, amparo_record_get_id (AMPARO_RECORD (self->person)));
  if (selected < self->proceeding_ids->len)
    amparo_event_set_proceeding_id (self->draft, g_array_index (self->proceeding_ids, gint64, selected));
  normalize_starts_at (self->draft);
  if (!amparo_store_save (self->store, AMPARO_RECORD (self->draft), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  set_draft (self, NULL);
  adw_expander_row_set_expanded (self->add_row, FALSE);
  amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (_("Date added")));
  return TRUE;
}

void
amparo_proceedings_panel_save_draft (AmparoProceedingsPanel *self,
                                     AmparoWindowState      *state)
{
  amparo_window_state_set_object (state, DRAFT_KEY, G_OBJECT (self->draft));
}

void
amparo_proceedings_panel_restore_draft (AmparoProceedingsPanel *self,
                                        AmparoWindowState      *state)
{
  GObject *draft = amparo_window_state_get_object (state, DRAFT_KEY);

  if (AMPARO_IS_EVENT (draft))
    set_draft (self, AMPARO_EVENT (draft));
}
