/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include <string.h>

#include "amparo-history-panel.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "amparo-iso-picker.h"
#include "amparo-clients-util.h"
#include "amparo-date-format.h"
#include "amparo-language.h"
#include "amparo-list-box.h"

/* Who changed the person's record, when, and what from what: the journal
 * rows of the record, newest first. Views are journaled too (who looked
 * at a child's record), but they are not changes and would bury them. */

#define MAX_SHOWN 20
#define MAX_READ 200
/* privacy (#17): views are listed on their own, below the changes. */
#define MAX_VIEWS 20

struct _AmparoHistoryPanel
{
  AdwBin        parent_instance;

  AmparoStore  *store;
  AmparoPerson *person;
  gulong        changed_handler;

  GtkListBox   *history_list;
  GtkListBox   *views_list;
};

G_DEFINE_FINAL_TYPE (AmparoHistoryPanel, amparo_history_panel, ADW_TYPE_BIN)

static const struct {
  const char *column;
  const char *label;
} field_labels[] = {
  { "given_names", N_("Given names") },
  { "family_names", N_("Family names") },
  { "aliases", N_("Other names used") },
  { "birth_date", N_("Date of birth") },
  { "birth_date_estimated", N_("Date of birth is estimated") },
  { "sex", N_("Sex") },
  { "country_of_birth", N_("Country of birth") },
  { "languages", N_("Languages") },
  { "interpreter_needed", N_("Interpreter needed") },
  { "a_number", N_("A-Number") },
  { "unaccompanied_minor", N_("Unaccompanied minor") },
  { "mpp_history", N_("MPP (“Remain in Mexico”) history") },
  { "client_status", N_("Client status") },
  { "program", N_("Program") },
  { "assigned_staff", N_("Assigned staff") },
  { "intake_date", N_("Intake date") },
  { "notes", N_("Notes") },
  { "deleted_at", N_("Moved to Trash") },
  { "funding_source", N_("Funding source") },
  /* caserecord (#9): the sub-records' fields */
  { "kind", N_("Kind") },
  { "status", N_("Status") },
  { "starts_at", N_("Date and time") },
  { "time_zone", N_("Time zone") },
  { "place", N_("Place") },
  { "title", N_("Description") },
  { "outcome", N_("Outcome") },
  { "outcome_date", N_("Outcome date") },
  { "moved_from", N_("Moved from") },
  { "moved_by", N_("Moved by") },
  { "source", N_("Source") },
  { "court", N_("Court") },
  { "case_number", N_("Case number") },
  { "judge", N_("Judge") },
  { "opened_on", N_("Opened on") },
  { "reunification_status", N_("Reunification") },
  { "status_date", N_("Status since") },
  { "separated", N_("Separated") },
  { "separation_date", N_("Separation date") },
  { "separation_place", N_("Separation place") },
  { "separated_by", N_("Separated by (agency)") },
  { "verification", N_("Verification") },
  { "description", N_("Description") },
  { "verified_by", N_("Verified by") },
  { "verified_on", N_("Verified on") },
  { "value", N_("Number, address or email") },
  { "belongs_to", N_("Whose contact (if not the person's)") },
  { "country", N_("Country") },
  { "last_verified", N_("Last reached on") },
  { "facility", N_("Facility") },
  { "city", N_("City") },
  { "since", N_("Since") },
  { "until", N_("Until") },
  { "claim_status", N_("Claim status") },
  { "eligible", N_("Eligible") },
  { "months", N_("Months") },
  { "starts_on", N_("Starts on") },
  { "done", N_("Done") },
  { "reunification_date", N_("Reunification date") },
  /* reports (#16): adverse parties */
  { "party_name", N_("Name of the person or organization") },
  { "organization", N_("An organization") },
  { "role", N_("Role") },
  { "benefits_start", N_("Benefits start") },
  { "ends_on", N_("Ends on") },
  { "tracing_consent", N_("Consent to family tracing") },
  { "tracing_consent_by", N_("Consent given by") },
  { "tracing_consent_on", N_("Consent given on") },
  { "tracing_consent_scope", N_("Consent covers") },
};

/* Which part of the case a journal row is about. */
static const struct {
  const char *table;
  const char *label;
} part_labels[] = {
  { "persons", N_("Profile") },
  { "contacts", N_("Contact") },
  { "locations", N_("Place") },
  { "relationships", N_("Family link") },
  { "relationship_evidence", N_("Evidence") },
  { "proceedings", N_("Proceeding") },
  { "events", N_("Date") },
  { "memberships", N_("Class membership") },
  { "benefits", N_("Benefit") },
};

static const char *
label_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_labels); i++)
    if (g_strcmp0 (part_labels[i].table, table) == 0)
      return _(part_labels[i].label);
  return table != NULL ? table : "";
}

static GType
type_for_table (const char *table)
{
  guint n = 0;
  const GType *kinds = amparo_record_get_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (amparo_record_type_get_table_name (kinds[i]), table) == 0)
      return kinds[i];
  return AMPARO_TYPE_PERSON;
}

static const char *
label_for_column (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].column, column))
      return _(field_labels[i].label);
  return column;
}

/* Enum columns hold nicks ("female"); show their labels ("Female"). */
static char *
enum_label_for (GType       type,
                const char *column,
                const char *nick)
{
  g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  GEnumValue *value;

  if (pspec == NULL || !G_IS_PARAM_SPEC_ENUM (pspec))
    return NULL;
  value = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class, nick);
  if (value == NULL)
    return NULL;
  return g_strdup (amparo_clients_enum_label (pspec->value_type, value->value));
}

/* "2026-12-10" or "2026-12-10T09:30" exactly: a date the store wrote,
 * shown as the page shows dates, not as the store keeps them. */
static gboolean
is_stored_date (const char *text)
{
  static const char shape[] = "dddd-dd-ddTdd:dd";
  gsize length = strlen (text);

  if (length != 10 && length != 16)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
      return FALSE;
  return TRUE;
}

static char *
node_to_text (GType       type,
              const char *column,
              JsonNode   *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    /* Translators: a field that had no value */
    return g_strdup (C_("history", "empty"));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  /* Codes the store keeps for countries and languages, by their names. */
  if (json_node_get_value_type (node) == G_TYPE_STRING && g_str_equal (column, "languages"))
    return amparo_iso_picker_display_list (AMPARO_ISO_LANGUAGES, json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING &&
      (g_str_equal (column, "country_of_birth") || g_str_equal (column, "country")))
    return amparo_iso_codes_display (AMPARO_ISO_COUNTRIES, json_node_get_string (node));
  /* A court's zone in words, as on the page ("Pacific time"). */
  if (json_node_get_value_type (node) == G_TYPE_STRING && g_str_equal (column, "time_zone"))
    return amparo_time_zone_describe (json_node_get_string (node), amparo_language_get ());
  if (json_node_get_value_type (node) == G_TYPE_STRING && is_stored_date (json_node_get_string (node)))
    return amparo_clients_format_date_time (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      char *label = enum_label_for (type, column, json_node_get_string (node));

      return label != NULL ? label : g_strdup (json_node_get_string (node));
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

/* "Family names: Lopez → López", one line per field. */
static char *
describe_changes (GType       type,
                  const char *changes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (changes == NULL || !json_parser_load_from_data (parser, changes, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup ("");

  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *change = json_object_get_object_member (object, l->data);
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      /* Links between records (which person, which proceeding) are the
       * row the entry is shown in, not something staff typed. */
      if (change == NULL || g_str_has_suffix (l->data, "_id"))
        continue;
      old_text = node_to_text (type, l->data, json_object_get_member (change, "old"));
      new_text = node_to_text (type, l->data, json_object_get_member (change, "new"));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s → %s", label_for_column (l->data), old_text, new_text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The list's row at @index, made if the list has fewer. Filled again
 * (another client, a change), a list keeps its rows: making a row costs
 * more than filling it, and the lists are refilled at every open (#14). */
static AdwActionRow *
row_at (GtkListBox *list,
        int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  if (row == NULL)
    {
      row = GTK_LIST_BOX_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (list, GTK_WIDGET (row));
    }
  return ADW_ACTION_ROW (row);
}

static void
fill_entry_row (AdwActionRow       *row,
                AmparoJournalEntry *entry)
{
  g_autofree char *when = amparo_clients_format_date (amparo_record_get_created_at (AMPARO_RECORD (entry)));
  g_autofree char *title = NULL;
  const char *table = amparo_journal_entry_get_table_name (entry);
  g_autofree char *changes = describe_changes (type_for_table (table), amparo_journal_entry_get_changes (entry));

  /* Translators: a history line: "<what happened> · <which part> · <who> · <when>" */
  title = g_strdup_printf (_("%s · %s · %s · %s"),
                           amparo_clients_enum_label (AMPARO_TYPE_JOURNAL_ACTION, amparo_journal_entry_get_action (entry)),
                           label_for_table (table), amparo_journal_entry_get_actor (entry), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, changes);
  adw_action_row_set_subtitle_lines (row, 0);
}

/* "maria at desk-3 · 2 Dec 2026": who opened the record, where, when. */
static void
fill_view_row (AdwActionRow       *row,
               AmparoJournalEntry *entry)
{
  g_autofree char *when = amparo_clients_format_date_time (amparo_record_get_created_at (AMPARO_RECORD (entry)));
  g_autofree char *title = NULL;

  /* Translators: "<staff account> at <workstation>" */
  title = g_strdup_printf (_("%s at %s"), amparo_journal_entry_get_actor (entry) ?: "",
                           amparo_journal_entry_get_host (entry) ?: "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, when);
}

static void
refresh_views (AmparoHistoryPanel *self)
{
  g_autoptr(GPtrArray) views = amparo_store_list_record_views (self->store, self->person, MAX_VIEWS, NULL);
  guint n = views != NULL ? views->len : 0;

  for (guint i = 0; i < n; i++)
    fill_view_row (row_at (self->views_list, i), views->pdata[i]);
  amparo_list_box_trim (self->views_list, n);
}

static void
refresh (AmparoHistoryPanel *self)
{
  /* The whole case: the person and every part of their record. */
  g_autoptr(GListModel) history = amparo_store_list_client_history (self->store, self->person);
  guint n = MIN (g_list_model_get_n_items (history), MAX_READ);
  guint shown = 0;

  for (guint i = 0; i < n && shown < MAX_SHOWN; i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (history, i);

      if (amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_VIEW)
        continue;
      fill_entry_row (row_at (self->history_list, shown), entry);
      shown++;
    }
  amparo_list_box_trim (self->history_list, shown);
}

static void
on_record_changed_cb (AmparoHistoryPanel *self,
                      AmparoRecord       *record,
                      AmparoStore        *store)
{
  if ((AMPARO_IS_PERSON (record)
       && amparo_record_get_id (record) == amparo_record_get_id (AMPARO_RECORD (self->person)))
      || AMPARO_IS_CONTACT (record) || AMPARO_IS_LOCATION (record) || AMPARO_IS_RELATIONSHIP (record)
      || AMPARO_IS_EVIDENCE (record) || AMPARO_IS_PROCEEDING (record) || AMPARO_IS_EVENT (record)
      || AMPARO_IS_MEMBERSHIP (record) || AMPARO_IS_BENEFIT (record))
    refresh (self);
}

static void
disconnect_store (AmparoHistoryPanel *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
}

static void
amparo_history_panel_dispose (GObject *object)
{
  AmparoHistoryPanel *self = (AmparoHistoryPanel *)object;

  disconnect_store (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_HISTORY_PANEL);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_history_panel_parent_class)->dispose (object);
}

static void
amparo_history_panel_class_init (AmparoHistoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_history_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-history-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoHistoryPanel, history_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoHistoryPanel, views_list);
}

static void
amparo_history_panel_init (AmparoHistoryPanel *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No one has opened this record yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->views_list, placeholder);
}

/**
 * amparo_history_panel_set_person:
 * @person: a saved person
 *
 * Lists the latest changes to @person's record and follows new ones.
 */
void
amparo_history_panel_set_person (AmparoHistoryPanel *self,
                                 AmparoStore        *store,
                                 AmparoPerson       *person)
{
  g_return_if_fail (AMPARO_IS_HISTORY_PANEL (self));

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->changed_handler = g_signal_connect_object (store, "record-changed",
                                                   G_CALLBACK (on_record_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  refresh (self);
  /* The Clients page journals a view before it shows the record, so
   * this one is listed: the list is built once per client. */
  refresh_views (self);
}
