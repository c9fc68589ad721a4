/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-proceedings-panel.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amparo-clients-util.h"
#include "amparo-date-format.h"
#include "amparo-language.h"
#include "amparo-list-box.h"
#include "amparo-record-form.h"

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
  GtkLabel     *missed_label;
};

G_DEFINE_FINAL_TYPE (AmparoProceedingsPanel, amparo_proceedings_panel, ADW_TYPE_BIN)

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
create_badge (const char *text,
              const char *style)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, style);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

/* "Moved from Dec 5, 2026 by Court notice": the old date is kept. */
static char *
format_moved (AmparoEvent *event)
{
  g_autofree char *from = NULL;

  if (amparo_event_get_moved_from (event) == NULL)
    return NULL;
  from = amparo_clients_format_date_time (amparo_event_get_moved_from (event));
  /* Translators: a rescheduled hearing: "Moved from Dec 5, 2026 · Court notice" */
  return g_strdup_printf (_("Moved from %s · %s"), from,
                          amparo_clients_enum_label (AMPARO_TYPE_EVENT_SOURCE, amparo_event_get_moved_by (event)));
}

static GtkWidget *
create_event_row (AmparoProceedingsPanel *self,
                  AmparoEvent            *event)
{
  g_autofree char *when = amparo_clients_format_date_time (amparo_event_get_starts_at (event));
  g_autofree char *moved = format_moved (event);
  g_autofree char *source = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *event_title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (when);
  const char *uid = amparo_record_get_uid (AMPARO_RECORD (event));
  AmparoEventStatus status = amparo_event_get_status (event);
  GtkWidget *row = adw_action_row_new ();

  join_nonempty (subtitle, amparo_clients_enum_label (AMPARO_TYPE_EVENT_KIND, amparo_event_get_kind (event)));
  /* The court's local time: say which zone it is in, in words. */
  if (amparo_event_get_time_zone (event) != NULL && strlen (amparo_event_get_starts_at (event)) > 10)
    zone = amparo_time_zone_describe (amparo_event_get_time_zone (event), amparo_language_get ());
  join_nonempty (subtitle, zone);
  join_nonempty (subtitle, amparo_event_get_place (event));
  /* A benefit's end says which benefit, in the language shown. */
  event_title = amparo_event_dup_title (self->store, event, amparo_language_get ());
  join_nonempty (subtitle, event_title);
  /* Translators: where a date came from, e.g. "From: Court notice" */
  source = g_strdup_printf (_("From: %s"), amparo_clients_enum_label (AMPARO_TYPE_EVENT_SOURCE, amparo_event_get_source (event)));
  join_nonempty (subtitle, source);
  if (moved != NULL)
    g_string_append_printf (subtitle, "\n%s", moved);
  if (amparo_event_get_outcome (event) != NULL)
    g_string_append_printf (subtitle, "\n%s", amparo_event_get_outcome (event));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (status == AMPARO_EVENT_STATUS_MISSED
                                                           ? "dialog-warning-symbolic"
                                                           : "x-office-calendar-symbolic"));
  if (status == AMPARO_EVENT_STATUS_MISSED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_badge (C_("event status", "Missed"), "error"));
  else if (amparo_event_needs_outcome (event, NULL))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_badge (_("Needs outcome"), "warning"));
  else if (status != AMPARO_EVENT_STATUS_SCHEDULED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               create_badge (amparo_clients_enum_label (AMPARO_TYPE_EVENT_STATUS, status),
                                             status == AMPARO_EVENT_STATUS_HELD ? "success" : "dim-label"));
  if (amparo_event_get_benefit_id (event) == 0)
    {
      amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit Date or Record Outcome"), "proceedings.edit-event", uid);
      amparo_clients_row_add_icon_button (row, "appointment-new-symbolic", _("Reschedule"), "proceedings.reschedule", uid);
      amparo_clients_row_add_icon_button (row, "user-trash-symbolic", _("Move to Trash"), "proceedings.delete-event", uid);
    }
  return row;
}

static GtkWidget *
create_proceeding_row (AmparoProceeding *proceeding)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *outcome = amparo_proceeding_get_outcome (proceeding);
  GtkWidget *row = adw_expander_row_new ();

  join_nonempty (subtitle, amparo_proceeding_get_court (proceeding));
  join_nonempty (subtitle, amparo_proceeding_get_case_number (proceeding));
  join_nonempty (subtitle, amparo_proceeding_get_judge (proceeding));
  join_nonempty (subtitle, amparo_clients_enum_label (AMPARO_TYPE_PROCEEDING_STATUS, amparo_proceeding_get_status (proceeding)));
  /* A closed matter stays on the page with what came of it. */
  if (outcome != NULL)
    {
      g_autofree char *date = amparo_clients_format_date (amparo_proceeding_get_outcome_date (proceeding));
      g_autofree char *text = *date != '\0' ? g_strdup_printf ("%s (%s)", outcome, date) : g_strdup (outcome);

      /* Translators: what came of a proceeding, e.g. "Outcome: Asylum granted (Jun 1, 2025)" */
      g_string_append_printf (subtitle, "\n%s", text);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 amparo_clients_enum_label (AMPARO_TYPE_PROCEEDING_KIND, amparo_proceeding_get_kind (proceeding)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit or Close Proceeding"), "proceedings.edit-proceeding",
                     amparo_record_get_uid (AMPARO_RECORD (proceeding)));
  return row;
}

/* A missed hearing can mean a removal order in absentia: say so at the
 * top of the page, not only in the list. */
static void
update_missed_banner (AmparoProceedingsPanel *self)
{
  gint64 missed = amparo_store_count_missed_hearings (self->store, self->person);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->missed_label), missed > 0);
  if (missed == 0)
    return;
  text = g_strdup_printf (ngettext ("%d missed hearing: this can mean a removal order in absentia. Check the court's decision and the deadline to file a motion to reopen.",
                                    "%d missed hearings: this can mean a removal order in absentia. Check the court's decisions and the deadlines to file motions to reopen.",
                                    (gulong) missed), (int) missed);
  gtk_label_set_text (self->missed_label, text);
}

/* Each event goes under its proceeding; the rest are listed apart. */
static void
fill_proceedings (AmparoProceedingsPanel *self,
                  GtkStringList          *choices)
{
  /* The front desk reads dates but not proceedings; on the server the
   * query itself would be refused, so it is not asked. */
  g_autoptr(GListModel) proceedings = amparo_store_may (self->store, AMPARO_TYPE_PROCEEDING, AMPARO_ACCESS_READ)
                                      ? amparo_store_list_proceedings (self->store, self->person)
                                      : G_LIST_MODEL (g_list_store_new (AMPARO_TYPE_PROCEEDING));
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
        adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), create_event_row (self, event));
      else
        gtk_list_box_append (self->events_list, create_event_row (self, event));
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

  g_autofree char *why = amparo_store_describe_eligibility (self->store, membership);

  /* Why the person is in the class or not, in words. */
  g_string_append_printf (subtitle, "\n%s", why);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 litigation != NULL ? amparo_litigation_get_name (litigation) : _("Class action"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), n > 0);
  if (litigation != NULL)
    amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit Case"), "proceedings.edit-litigation",
                       amparo_record_get_uid (AMPARO_RECORD (litigation)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoBenefit) benefit = g_list_model_get_item (benefits, i);
      g_autofree char *ends = amparo_clients_format_date (amparo_benefit_get_ends_on (benefit));
      g_autofree char *text = NULL;
      GtkWidget *benefit_row = adw_action_row_new ();

      /* Translators: when a settlement benefit ends, e.g. "Ends Jan 1, 2026" */
      g_autofree char *starts = amparo_clients_format_date (amparo_benefit_get_starts_on (benefit));

      text = *ends != '\0' ? g_strdup_printf (_("Ends %s"), ends) : g_strdup (_("No end date yet"));
      if (*starts != '\0')
        {
          /* Translators: a benefit's dates, "Starts Jan 1, 2024 · Ends Jan 1, 2027" */
          g_autofree char *both = g_strdup_printf (_("Starts %s · %s"), starts, text);
          g_free (text);
          text = g_steal_pointer (&both);
        }
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

  amparo_list_box_trim (self->proceedings_list, 0);
  amparo_list_box_trim (self->events_list, 0);
  amparo_list_box_trim (self->memberships_list, 0);
  g_array_set_size (self->proceeding_ids, 0);
  gtk_string_list_append (choices, _("None"));
  g_array_append_val (self->proceeding_ids, none);

  fill_proceedings (self, choices);
  fill_memberships (self);
  update_missed_banner (self);
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
      || AMPARO_IS_MEMBERSHIP (record) || AMPARO_IS_BENEFIT (record)
      || AMPARO_IS_LITIGATION (record))
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
on_form_saved_cb (AmparoRecordForm *form,
                  AmparoRecord     *record,
                  GtkWidget        *self)
{
  const char *message = g_object_get_data (G_OBJECT (form), "saved-message");

  amparo_clients_toast (self, adw_toast_new (message != NULL ? message : _("Saved")));
}

static AmparoRecordForm *
open_form (AmparoProceedingsPanel *self,
           AmparoRecord           *record,
           const char             *title,
           const char             *saved_message)
{
  AmparoRecordForm *form = amparo_record_form_new (GTK_WIDGET (self), self->store, record, title);

  g_object_set_data_full (G_OBJECT (form), "saved-message", g_strdup (saved_message), g_free);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
  return form;
}

static void
add_proceeding_fields (AmparoRecordForm *form)
{
  amparo_record_form_add_combo (form, "kind", _("Kind of proceeding"), AMPARO_TYPE_PROCEEDING_KIND);
  amparo_record_form_add_entry (form, "court", _("Court or office"));
  amparo_record_form_add_entry (form, "case-number", _("Case number"));
  amparo_record_form_add_entry (form, "judge", _("Judge or officer"));
  amparo_record_form_add_combo (form, "status", _("Status"), AMPARO_TYPE_PROCEEDING_STATUS);
  amparo_record_form_add_date (form, "opened-on", _("Opened on"), FALSE);
  amparo_record_form_add_entry (form, "outcome", _("Outcome"));
  amparo_record_form_add_date (form, "outcome-date", _("Outcome date"), FALSE);
  amparo_record_form_add_entry (form, "notes", _("Notes"));
}

static void
add_proceeding_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoProceeding) proceeding = amparo_proceeding_new ();
  AmparoRecordForm *form;

  if (self->person == NULL)
    return;
  amparo_proceeding_set_person_id (proceeding, amparo_record_get_id (AMPARO_RECORD (self->person)));
  form = open_form (self, AMPARO_RECORD (proceeding), _("New Proceeding"), _("Proceeding added"));
  add_proceeding_fields (form);
  gtk_window_present (GTK_WINDOW (form));
}

static void
edit_proceeding_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoRecord) proceeding = amparo_clients_find_copy (self->store, AMPARO_TYPE_PROCEEDING, parameter);
  AmparoRecordForm *form;

  if (proceeding == NULL)
    return;
  form = open_form (self, proceeding, _("Edit Proceeding"), _("Proceeding saved"));
  add_proceeding_fields (form);
  amparo_record_form_add_note (form, _("To close it, set the status to Decided or Closed and write the outcome and its date. A closed proceeding stays on the page."));
  gtk_window_present (GTK_WINDOW (form));
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoRecord) event = amparo_clients_find_copy (self->store, AMPARO_TYPE_EVENT, parameter);
  AmparoRecordForm *form;

  if (event == NULL)
    return;
  form = open_form (self, event, _("Edit Date"), _("Date saved"));
  amparo_record_form_add_combo (form, "kind", _("Kind"), AMPARO_TYPE_EVENT_KIND);
  amparo_record_form_add_date (form, "starts-at", _("Date and time"), TRUE);
  amparo_record_form_add_time_zone (form, "time-zone", _("Time zone of the court"));
  amparo_record_form_add_entry (form, "place", _("Place"));
  amparo_record_form_add_entry (form, "title", _("Description"));
  amparo_record_form_add_combo (form, "source", _("Where the date came from"), AMPARO_TYPE_EVENT_SOURCE);
  amparo_record_form_add_combo (form, "status", _("What happened"), AMPARO_TYPE_EVENT_STATUS);
  amparo_record_form_add_entry (form, "outcome", _("Outcome note"));
  amparo_record_form_add_entry (form, "notes", _("Notes"));
  gtk_window_present (GTK_WINDOW (form));
}

static gboolean
reschedule_save (AmparoRecordForm *form,
                 AmparoRecord     *record,
                 gpointer          user_data,
                 GError          **error)
{
  AmparoProceedingsPanel *self = user_data;
  g_autoptr(AmparoEvent) stored = amparo_store_get_by_uid (self->store, AMPARO_TYPE_EVENT,
                                                           amparo_record_get_uid (record), error);

  if (stored == NULL)
    return FALSE;
  return amparo_store_reschedule_event (self->store, stored,
                                        amparo_event_get_starts_at (AMPARO_EVENT (record)),
                                        amparo_event_get_moved_by (AMPARO_EVENT (record)), error);
}

static void
reschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoRecord) event = amparo_clients_find_copy (self->store, AMPARO_TYPE_EVENT, parameter);
  g_autofree char *when = NULL;
  g_autofree char *note = NULL;
  AmparoRecordForm *form;

  if (event == NULL)
    return;
  when = amparo_clients_format_date_time (amparo_event_get_starts_at (AMPARO_EVENT (event)));
  amparo_event_set_moved_by (AMPARO_EVENT (event), AMPARO_EVENT_SOURCE_COURT_NOTICE);
  form = open_form (self, event, _("Reschedule"), _("Date moved"));
  amparo_record_form_set_save_func (form, reschedule_save, self);
  amparo_record_form_set_save_label (form, _("_Reschedule"));
  amparo_record_form_add_date (form, "starts-at", _("New date and time"), TRUE);
  amparo_record_form_add_combo (form, "moved-by", _("Moved by"), AMPARO_TYPE_EVENT_SOURCE);
  /* Translators: %s is the date a hearing had before it was moved */
  note = g_strdup_printf (_("The old date, %s, is kept and shown with the new one."), when);
  amparo_record_form_add_note (form, note);
  gtk_window_present (GTK_WINDOW (form));
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoRecord) event = amparo_clients_find_copy (self->store, AMPARO_TYPE_EVENT, parameter);

  if (event != NULL)
    amparo_clients_trash_with_undo (widget, self->store, event, _("Date moved to the Trash"));
}

static void
update_eligibility_note (AmparoRecord *membership,
                         GParamSpec   *pspec,
                         GtkLabel     *label)
{
  AmparoStore *store = g_object_get_data (G_OBJECT (label), "store");
  g_autofree char *text = amparo_store_describe_eligibility (store, AMPARO_MEMBERSHIP (membership));

  gtk_label_set_text (label, text);
}

static void
add_membership_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoMembership) membership = amparo_membership_new ();
  g_autoptr(GListModel) cases = amparo_store_list (self->store, AMPARO_TYPE_LITIGATION, AMPARO_LIST_LIVE);
  AmparoRecordForm *form;
  GtkLabel *note;

  if (self->person == NULL)
    return;
  if (g_list_model_get_n_items (cases) == 0)
    {
      amparo_clients_toast (widget, adw_toast_new (_("Add the class action case first (Add Case).")));
      return;
    }
  amparo_membership_set_person_id (membership, amparo_record_get_id (AMPARO_RECORD (self->person)));
  form = open_form (self, AMPARO_RECORD (membership), _("Add to a Class"), _("Membership added"));
  amparo_record_form_add_choice (form, "litigation-id", _("Case"), cases, "name");
  amparo_record_form_add_date (form, "separation-date", _("Separation date"), FALSE);
  amparo_record_form_add_combo (form, "claim-status", _("Claim status"), AMPARO_TYPE_CLAIM_STATUS);
  amparo_record_form_add_date (form, "benefits-start", _("Benefits start"), FALSE);
  amparo_record_form_add_entry (form, "notes", _("Notes"));
  note = amparo_record_form_add_note (form, "");
  g_object_set_data_full (G_OBJECT (note), "store", g_object_ref (self->store), g_object_unref);
  g_signal_connect_object (membership, "notify", G_CALLBACK (update_eligibility_note), note, 0);
  update_eligibility_note (AMPARO_RECORD (membership), NULL, note);
  gtk_window_present (GTK_WINDOW (form));
}

static void
add_litigation_fields (AmparoRecordForm *form)
{
  amparo_record_form_add_entry (form, "name", _("Name of the case"));
  amparo_record_form_add_entry (form, "court", _("Court"));
  amparo_record_form_add_entry (form, "docket", _("Docket number"));
  amparo_record_form_add_date (form, "filed-on", _("Filed on"), FALSE);
  amparo_record_form_add_combo (form, "status", _("Status"), AMPARO_TYPE_LITIGATION_STATUS);
  amparo_record_form_add_date (form, "class-from", _("Class period from"), FALSE);
  amparo_record_form_add_date (form, "class-until", _("Class period until"), FALSE);
  amparo_record_form_add_entry (form, "summary-en", _("Summary in English"));
  amparo_record_form_add_entry (form, "summary-es", _("Summary in Spanish"));
}

static void
add_litigation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoLitigation) litigation = amparo_litigation_new ();
  AmparoRecordForm *form = open_form (self, AMPARO_RECORD (litigation), _("New Case"), _("Case added"));

  add_litigation_fields (form);
  gtk_window_present (GTK_WINDOW (form));
}

static void
edit_litigation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmparoProceedingsPanel *self = AMPARO_PROCEEDINGS_PANEL (widget);
  g_autoptr(AmparoRecord) litigation = amparo_clients_find_copy (self->store, AMPARO_TYPE_LITIGATION, parameter);
  AmparoRecordForm *form;

  if (litigation == NULL)
    return;
  form = open_form (self, litigation, _("Edit Case"), _("Case saved"));
  add_litigation_fields (form);
  gtk_window_present (GTK_WINDOW (form));
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
  BIND (missed_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);

  gtk_widget_class_install_action (widget_class, "proceedings.add-proceeding", NULL, add_proceeding_action);
  gtk_widget_class_install_action (widget_class, "proceedings.edit-proceeding", "s", edit_proceeding_action);
  gtk_widget_class_install_action (widget_class, "proceedings.edit-event", "s", edit_event_action);
  gtk_widget_class_install_action (widget_class, "proceedings.reschedule", "s", reschedule_action);
  gtk_widget_class_install_action (widget_class, "proceedings.delete-event", "s", delete_event_action);
  gtk_widget_class_install_action (widget_class, "proceedings.add-membership", NULL, add_membership_action);
  gtk_widget_class_install_action (widget_class, "proceedings.add-litigation", NULL, add_litigation_action);
  gtk_widget_class_install_action (widget_class, "proceedings.edit-litigation", "s", edit_litigation_action);
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
