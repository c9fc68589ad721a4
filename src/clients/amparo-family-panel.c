/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-family-panel.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-list-box.h"
#include "amparo-record-form.h"
#include "amparo-name-matcher.h"

/* A person's family: each link with how it was verified, the separation
 * (when, where, by which agency) and where reunification stands, each a
 * way to that relative's page. Family tracing proposes persons already
 * in the store who may be relatives; a confirmed one is linked as
 * "claimed" until someone verifies it. */

#define RELATIONSHIP_KEY "clients:relationship-draft"
#define RELATIVE_KEY "clients:relative-draft"
#define MAX_CANDIDATES 10

struct _AmparoFamilyPanel
{
  AdwBin              parent_instance;

  AmparoStore        *store;
  AmparoPerson       *person;
  AmparoRelationship *draft;
  AmparoPerson       *draft_relative;
  GPtrArray          *bindings;
  gulong              changed_handler;

  GtkListBox         *relatives_list;
  AdwExpanderRow     *add_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *given_row;
  AdwEntryRow        *family_row;
  AdwComboRow        *verification_row;
  GtkSwitch          *separated_switch;
  AdwEntryRow        *separation_date_row;
  AdwEntryRow        *separation_place_row;
  AdwEntryRow        *separated_by_row;
  AdwComboRow        *reunification_row;
  GtkLabel           *error_label;
  AdwPreferencesGroup *tracing_group;
  AdwComboRow        *sought_row;
  GtkListBox         *candidates_list;
  GtkLabel           *consent_label;
};

G_DEFINE_FINAL_TYPE (AmparoFamilyPanel, amparo_family_panel, ADW_TYPE_BIN)

/* The kinds offered for tracing, in the order of the "Looking for" row. */
static const AmparoRelationshipKind sought_kinds[] = {
  AMPARO_RELATIONSHIP_KIND_PARENT,
  AMPARO_RELATIONSHIP_KIND_CHILD,
  AMPARO_RELATIONSHIP_KIND_SIBLING,
  AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE,
};

static char *
format_separation (AmparoRelationship *link)
{
  g_autofree char *date = amparo_clients_format_date (amparo_relationship_get_separation_date (link));
  const char *place = amparo_relationship_get_separation_place (link);
  const char *by = amparo_relationship_get_separated_by (link);
  g_autoptr(GString) text = g_string_new (_("Separated"));

  if (*date != '\0')
    g_string_append_printf (text, " %s", date);
  if (place != NULL && *place != '\0')
    /* Translators: where a family was separated, e.g. " at El Paso" */
    g_string_append_printf (text, _(" at %s"), place);
  if (by != NULL && *by != '\0')
    /* Translators: which agency separated a family, e.g. " by CBP" */
    g_string_append_printf (text, _(" by %s"), by);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_link (AmparoRelative *relative)
{
  AmparoRelationship *link = amparo_relative_get_relationship (relative);
  g_autoptr(GString) text = g_string_new (amparo_clients_enum_label (AMPARO_TYPE_RELATIONSHIP_KIND, amparo_relative_get_kind (relative)));

  g_string_append_printf (text, " · %s",
                          amparo_clients_enum_label (AMPARO_TYPE_VERIFICATION, amparo_relationship_get_verification (link)));
  if (amparo_relationship_get_separated (link))
    {
      g_autofree char *separation = format_separation (link);

      g_string_append_printf (text, "\n%s", separation);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_status_badge (AmparoRelationship *link)
{
  AmparoReunificationStatus status = amparo_relationship_get_reunification_status (link);
  GtkWidget *badge = gtk_label_new (amparo_clients_enum_label (AMPARO_TYPE_REUNIFICATION_STATUS, status));

  gtk_widget_add_css_class (badge, "badge");
  if (status == AMPARO_REUNIFICATION_REUNIFIED)
    gtk_widget_add_css_class (badge, "success");
  else if (status == AMPARO_REUNIFICATION_SEPARATED || status == AMPARO_REUNIFICATION_UNKNOWN)
    gtk_widget_add_css_class (badge, "error");
  else
    gtk_widget_add_css_class (badge, "warning");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static const char *
status_label_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AMPARO_TYPE_REUNIFICATION_STATUS);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? amparo_clients_enum_label (AMPARO_TYPE_REUNIFICATION_STATUS, value->value) : NULL;
}

/* "Separated Sep 22, 2026 → Located Dec 1, 2026 → In contact …": every
 * status the link has had, from the journal, each with its day. */
static char *
format_timeline (AmparoStore        *store,
                 AmparoRelationship *link)
{
  g_autoptr(GListModel) changes = amparo_store_list_field_history (store, AMPARO_RECORD (link), "reunification-status");
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (changes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoFieldChange) change = g_list_model_get_item (changes, i);
      const char *label = status_label_from_nick (amparo_field_change_get_new_value (change));
      const char *time = amparo_field_change_get_time (change);
      g_autofree char *date = NULL;

      if (label == NULL || g_str_equal (amparo_field_change_get_new_value (change), "not-separated"))
        continue;
      /* The first "separated" is dated by the separation itself. */
      if (text->len == 0 && amparo_relationship_get_separation_date (link) != NULL
          && g_str_equal (amparo_field_change_get_new_value (change), "separated"))
        time = amparo_relationship_get_separation_date (link);
      date = amparo_clients_format_date (time);
      if (text->len > 0)
        g_string_append (text, " → ");
      g_string_append_printf (text, "%s %s", label, date);
    }
  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

static char *
format_evidence (AmparoStore        *store,
                 AmparoRelationship *link)
{
  g_autoptr(GListModel) evidence = amparo_store_list_evidence (store, link);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (evidence);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvidence) item = g_list_model_get_item (evidence, i);
      g_autofree char *date = amparo_clients_format_date (amparo_evidence_get_verified_on (item));
      const char *description = amparo_evidence_get_description (item);
      const char *by = amparo_evidence_get_verified_by (item);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one line of the evidence log, "Evidence: DNA test" */
      g_string_append_printf (text, _("Evidence: %s"), amparo_clients_enum_label (AMPARO_TYPE_EVIDENCE_KIND, amparo_evidence_get_kind (item)));
      if (description != NULL)
        g_string_append_printf (text, " — %s", description);
      if (by != NULL)
        /* Translators: who verified a piece of evidence, " · verified by ORR" */
        g_string_append_printf (text, _(" · verified by %s"), by);
      if (*date != '\0')
        g_string_append_printf (text, " · %s", date);
    }
  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

static GtkWidget *
create_relative_row (gpointer item,
                     gpointer user_data)
{
  AmparoFamilyPanel *self = user_data;
  AmparoRelative *relative = item;
  AmparoPerson *person = amparo_relative_get_person (relative);
  AmparoRelationship *link = amparo_relative_get_relationship (relative);
  g_autofree char *name = amparo_clients_dup_name (person);
  g_autofree char *link_text = format_link (relative);
  g_autofree char *timeline = format_timeline (self->store, amparo_relative_get_relationship (relative));
  g_autofree char *evidence = format_evidence (self->store, amparo_relative_get_relationship (relative));
  g_autofree char *subtitle = timeline != NULL && evidence != NULL
                              ? g_strjoin ("\n", link_text, timeline, evidence, NULL)
                              : g_strjoin ("\n", link_text, timeline ? timeline : evidence, NULL);
  const char *link_uid = amparo_record_get_uid (AMPARO_RECORD (amparo_relative_get_relationship (relative)));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (subtitle));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (amparo_relationship_get_separated (link)
      || amparo_relationship_get_reunification_status (link) != AMPARO_REUNIFICATION_NOT_SEPARATED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_status_badge (link));
  amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit Family Link"), "family.edit-link", link_uid);
  amparo_clients_row_add_icon_button (row, "list-add-symbolic", _("Add Evidence"), "family.add-evidence", link_uid);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "clients.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s",
                                    amparo_record_get_uid (AMPARO_RECORD (person)));
  return row;
}

static void
refresh_relatives (AmparoFamilyPanel *self)
{
  g_autoptr(GListModel) relatives = amparo_store_list_relatives (self->store, self->person);

  gtk_list_box_bind_model (self->relatives_list, relatives, create_relative_row, self, NULL);
}

static void
on_record_changed_cb (AmparoFamilyPanel *self,
                      AmparoRecord      *record,
                      AmparoStore       *store)
{
  if (AMPARO_IS_RELATIONSHIP (record) || AMPARO_IS_PERSON (record) || AMPARO_IS_EVIDENCE (record))
    refresh_relatives (self);
}

static void
bind_draft (AmparoFamilyPanel *self)
{
  amparo_clients_unbind_all (self->bindings);
  amparo_clients_bind_combo (self->bindings, self->kind_row, self->draft, "kind");
  amparo_clients_bind_entry (self->bindings, self->given_row, self->draft_relative, "given-names");
  amparo_clients_bind_entry (self->bindings, self->family_row, self->draft_relative, "family-names");
  amparo_clients_bind_combo (self->bindings, self->verification_row, self->draft, "verification");
  amparo_clients_bind_switch (self->bindings, self->separated_switch, self->draft, "separated");
  amparo_clients_bind_entry (self->bindings, self->separation_date_row, self->draft, "separation-date");
  amparo_clients_bind_entry (self->bindings, self->separation_place_row, self->draft, "separation-place");
  amparo_clients_bind_entry (self->bindings, self->separated_by_row, self->draft, "separated-by");
  amparo_clients_bind_combo (self->bindings, self->reunification_row, self->draft, "reunification-status");
}

static void
set_draft (AmparoFamilyPanel  *self,
           AmparoRelationship *draft,
           AmparoPerson       *relative)
{
  g_autoptr(AmparoRelationship) fresh = NULL;
  g_autoptr(AmparoPerson) fresh_relative = NULL;

  if (draft == NULL || relative == NULL)
    {
      draft = fresh = amparo_relationship_new ();
      relative = fresh_relative = amparo_person_new ();
      amparo_person_set_client_status (fresh_relative, AMPARO_CLIENT_STATUS_NOT_CLIENT);
    }
  g_set_object (&self->draft, draft);
  g_set_object (&self->draft_relative, relative);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  bind_draft (self);
}

static void
show_error (AmparoFamilyPanel *self,
            const GError      *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gboolean
is_linked (AmparoFamilyPanel *self,
           gint64             person_id)
{
  g_autoptr(GListModel) relatives = amparo_store_list_relatives (self->store, self->person);
  guint n = g_list_model_get_n_items (relatives);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRelative) relative = g_list_model_get_item (relatives, i);

      if (amparo_record_get_id (AMPARO_RECORD (amparo_relative_get_person (relative))) == person_id)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
create_candidate_row (AmparoNameMatch *match)
{
  g_autofree char *name = g_strdup_printf ("%s %s",
                                           amparo_name_match_get_given_names (match) ?: "",
                                           amparo_name_match_get_family_names (match) ?: "");
  g_autofree char *reasons = amparo_name_match_dup_reasons_text (match);
  g_autofree char *born = amparo_clients_format_date (amparo_name_match_get_birth_date (match));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (C_("family tracing", "Link"));

  /* Translators: a tracing candidate: "%d%% likely · born <date> · <reasons>" */
  subtitle = g_strdup_printf (_("%d%% likely · born %s\n%s"),
                              (int) (amparo_name_match_get_score (match) * 100 + 0.5),
                              *born != '\0' ? born : C_("birth date", "unknown"),
                              reasons);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (name));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "family.link");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", amparo_name_match_get_uid (match));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Link as a relative"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_candidates (AmparoFamilyPanel *self)
{
  amparo_list_box_trim (self->candidates_list, 0);
}

static void
on_entry_activated_cb (AmparoFamilyPanel *self,
                       AdwEntryRow       *row)
{
  amparo_clients_focus_next (GTK_WIDGET (row));
}

static void
on_add_clicked_cb (AmparoFamilyPanel *self,
                   GtkButton         *button)
{
  amparo_family_panel_add (self);
}

static void
on_find_clicked_cb (AmparoFamilyPanel *self,
                    GtkButton         *button)
{
  amparo_family_panel_find_relatives (self);
}

static void
on_sought_changed_cb (AmparoFamilyPanel *self,
                      GParamSpec        *pspec,
                      AdwComboRow       *row)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->tracing_group)))
    amparo_family_panel_find_relatives (self);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  amparo_family_panel_link (AMPARO_FAMILY_PANEL (widget), g_variant_get_string (parameter, NULL));
}

static void
on_form_saved_cb (AmparoRecordForm *form,
                  AmparoRecord     *record,
                  GtkWidget        *self)
{
  amparo_clients_toast (self, adw_toast_new (g_object_get_data (G_OBJECT (form), "saved-message")));
}

static void
edit_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmparoFamilyPanel *self = AMPARO_FAMILY_PANEL (widget);
  g_autoptr(AmparoRecord) link = amparo_clients_find_copy (self->store, AMPARO_TYPE_RELATIONSHIP, parameter);
  g_autofree char *verification = NULL;
  AmparoRecordForm *form;

  if (link == NULL)
    return;
  form = amparo_record_form_new (widget, self->store, link, _("Edit Family Link"));
  g_object_set_data_full (G_OBJECT (form), "saved-message", g_strdup (_("Family link saved")), g_free);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
  amparo_record_form_add_combo (form, "kind", _("Relationship"), AMPARO_TYPE_RELATIONSHIP_KIND);
  amparo_record_form_add_switch (form, "separated", _("Separated"));
  amparo_record_form_add_date (form, "separation-date", _("Separation date"), FALSE);
  amparo_record_form_add_entry (form, "separation-place", _("Separation place"));
  amparo_record_form_add_entry (form, "separated-by", _("Separated by (agency)"));
  amparo_record_form_add_combo (form, "reunification-status", _("Reunification"), AMPARO_TYPE_REUNIFICATION_STATUS);
  amparo_record_form_add_date (form, "status-date", _("Status since"), FALSE);
  amparo_record_form_add_entry (form, "notes", _("Notes"));
  /* Translators: %s is how a link is verified: Claimed, Documented, DNA… */
  verification = g_strdup_printf (_("Verification: %s. It follows from the evidence log: add evidence to change it."),
                                  amparo_clients_enum_label (AMPARO_TYPE_VERIFICATION,
                                                             amparo_relationship_get_verification (AMPARO_RELATIONSHIP (link))));
  amparo_record_form_add_note (form, verification);
  gtk_window_present (GTK_WINDOW (form));
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmparoFamilyPanel *self = AMPARO_FAMILY_PANEL (widget);
  g_autoptr(AmparoRecord) link = amparo_clients_find_copy (self->store, AMPARO_TYPE_RELATIONSHIP, parameter);
  g_autoptr(AmparoEvidence) evidence = amparo_evidence_new ();
  g_autofree char *today = amparo_clients_today ();
  AmparoRecordForm *form;

  if (link == NULL)
    return;
  amparo_evidence_set_relationship_id (evidence, amparo_record_get_id (link));
  amparo_evidence_set_verified_on (evidence, today);
  form = amparo_record_form_new (widget, self->store, AMPARO_RECORD (evidence), _("Add Evidence"));
  g_object_set_data_full (G_OBJECT (form), "saved-message", g_strdup (_("Evidence added")), g_free);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
  amparo_record_form_add_combo (form, "kind", _("Kind of evidence"), AMPARO_TYPE_EVIDENCE_KIND);
  amparo_record_form_add_entry (form, "description", _("Description"));
  amparo_record_form_add_entry (form, "verified-by", _("Verified by"));
  amparo_record_form_add_date (form, "verified-on", _("Verified on"), FALSE);
  gtk_window_present (GTK_WINDOW (form));
}

static void
disconnect_store (AmparoFamilyPanel *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
}

static void
amparo_family_panel_dispose (GObject *object)
{
  AmparoFamilyPanel *self = (AmparoFamilyPanel *)object;

  disconnect_store (self);
  if (self->bindings != NULL)
    amparo_clients_unbind_all (self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_FAMILY_PANEL);
  g_clear_object (&self->draft);
  g_clear_object (&self->draft_relative);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_family_panel_parent_class)->dispose (object);
}

static void
amparo_family_panel_finalize (GObject *object)
{
  AmparoFamilyPanel *self = (AmparoFamilyPanel *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (amparo_family_panel_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmparoFamilyPanel, name)

static void
amparo_family_panel_class_init (AmparoFamilyPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_family_panel_dispose;
  object_class->finalize = amparo_family_panel_finalize;

  gtk_widget_class_install_action (widget_class, "family.link", "s", link_action);
  gtk_widget_class_install_action (widget_class, "family.edit-link", "s", edit_link_action);
  gtk_widget_class_install_action (widget_class, "family.add-evidence", "s", add_evidence_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-family-panel.ui");
  BIND (relatives_list);
  BIND (add_row);
  BIND (kind_row);
  BIND (given_row);
  BIND (family_row);
  BIND (verification_row);
  BIND (separated_switch);
  BIND (separation_date_row);
  BIND (separation_place_row);
  BIND (separated_by_row);
  BIND (reunification_row);
  BIND (error_label);
  BIND (tracing_group);
  BIND (sought_row);
  BIND (candidates_list);
  BIND (consent_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sought_changed_cb);
}

#undef BIND

static void
amparo_family_panel_init (AmparoFamilyPanel *self)
{
  g_autoptr(GtkStringList) sought = gtk_string_list_new (NULL);

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  amparo_clients_setup_combo (self->kind_row, AMPARO_TYPE_RELATIONSHIP_KIND);
  amparo_clients_setup_combo (self->verification_row, AMPARO_TYPE_VERIFICATION);
  amparo_clients_setup_combo (self->reunification_row, AMPARO_TYPE_REUNIFICATION_STATUS);
  for (guint i = 0; i < G_N_ELEMENTS (sought_kinds); i++)
    gtk_string_list_append (sought, amparo_clients_enum_label (AMPARO_TYPE_RELATIONSHIP_KIND, sought_kinds[i]));
  adw_combo_row_set_model (self->sought_row, G_LIST_MODEL (sought));
  set_draft (self, NULL, NULL);
}

/**
 * amparo_family_panel_set_person:
 * @person: a saved person
 *
 * Lists @person's family and keeps the list up to date.
 */
void
amparo_family_panel_set_person (AmparoFamilyPanel *self,
                                AmparoStore       *store,
                                AmparoPerson      *person)
{
  g_return_if_fail (AMPARO_IS_FAMILY_PANEL (self));

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->changed_handler = g_signal_connect_object (store, "record-changed",
                                                   G_CALLBACK (on_record_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  clear_candidates (self);
  gtk_widget_set_visible (GTK_WIDGET (self->tracing_group), FALSE);
  refresh_relatives (self);
}

/**
 * amparo_family_panel_add:
 *
 * Creates the relative typed in the "Add a relative" form and links them,
 * in one transaction.
 *
 * Returns: whether they were saved; otherwise the form shows why
 */
gboolean
amparo_family_panel_add (AmparoFamilyPanel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AMPARO_IS_FAMILY_PANEL (self), FALSE);

  if (!amparo_store_begin (self->store, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  if (!amparo_store_save (self->store, AMPARO_RECORD (self->draft_relative), &error))
    goto failed;
  amparo_relationship_set_person_id (self->draft, amparo_record_get_id (AMPARO_RECORD (self->person)));
  amparo_relationship_set_relative_id (self->draft, amparo_record_get_id (AMPARO_RECORD (self->draft_relative)));
  if (!amparo_store_save (self->store, AMPARO_RECORD (self->draft), &error)
      || !amparo_store_commit (self->store, &error))
    goto failed;

  set_draft (self, NULL, NULL);
  adw_expander_row_set_expanded (self->add_row, FALSE);
  amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (_("Relative added")));
  return TRUE;

failed:
  /* The store gives the unsaved relative its id 0 back. */
  amparo_store_rollback (self->store);
  show_error (self, error);
  return FALSE;
}

/* Searching Amparo's own records for a child's family is in the child's
 * interest and is not refused for want of a form (see HACKING.md,
 * "Family tracing without consent"); but the worker is told plainly,
 * and the search is journaled as run without consent. */
static void
check_consent (AmparoFamilyPanel *self)
{
  g_autoptr(AmparoPerson) stored = amparo_store_get_by_id (self->store, AMPARO_TYPE_PERSON,
                                                           amparo_record_get_id (AMPARO_RECORD (self->person)), NULL);
  g_autoptr(GError) error = NULL;
  gboolean consent = stored != NULL && amparo_person_has_tracing_consent (stored);

  gtk_widget_set_visible (GTK_WIDGET (self->consent_label), !consent);
  if (consent)
    return;
  gtk_label_set_text (self->consent_label,
                      _("No consent to tracing is recorded for this person. The search looks only inside Amparo; record who consented (in the profile) before contacting anyone it finds. This search is journaled as run without consent."));
  if (!amparo_store_log_action (self->store, AMPARO_JOURNAL_ACTION_VIEW, AMPARO_RECORD (self->person),
                                "family tracing run without recorded consent", &error))
    g_warning ("Could not journal the search: %s", error->message);
}

/**
 * amparo_family_panel_find_relatives:
 *
 * Runs the name matcher with the person's family names, country of birth
 * and age (the matcher keeps only ages that fit the relationship sought),
 * and lists the candidates
 * not already linked, best first.
 *
 * Returns: how many candidates are shown
 */
guint
amparo_family_panel_find_relatives (AmparoFamilyPanel *self)
{
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 own_id = amparo_record_get_id (AMPARO_RECORD (self->person));
  guint n, shown = 0;

  g_return_val_if_fail (AMPARO_IS_FAMILY_PANEL (self), 0);

  clear_candidates (self);
  gtk_widget_set_visible (GTK_WIDGET (self->tracing_group), TRUE);
  check_consent (self);
  /* The ages must fit the relationship sought (#13). */
  matches = amparo_name_matcher_find_relatives (self->store,
                                                amparo_person_get_family_names (self->person),
                                                amparo_clients_get_age (self->person),
                                                sought_kinds[adw_combo_row_get_selected (self->sought_row)],
                                                amparo_person_get_country_of_birth (self->person),
                                                MAX_CANDIDATES, &error);
  if (matches == NULL)
    {
      show_error (self, error);
      return 0;
    }

  n = g_list_model_get_n_items (matches);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoNameMatch) match = g_list_model_get_item (matches, i);
      gint64 id = amparo_name_match_get_person_id (match);

      if (id == own_id || is_linked (self, id))
        continue;
      gtk_list_box_append (self->candidates_list, create_candidate_row (match));
      shown++;
    }
  return shown;
}

/**
 * amparo_family_panel_link:
 * @uid: the uid of a person found by family tracing
 *
 * Links that person as the kind of relative sought, marked as claimed
 * until someone verifies it.
 *
 * Returns: whether the link was saved
 */
gboolean
amparo_family_panel_link (AmparoFamilyPanel *self,
                          const char        *uid)
{
  g_autoptr(AmparoPerson) relative = NULL;
  g_autoptr(AmparoRelationship) link = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AMPARO_IS_FAMILY_PANEL (self), FALSE);

  relative = amparo_store_get_by_uid (self->store, AMPARO_TYPE_PERSON, uid, &error);
  if (relative == NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  link = amparo_relationship_new ();
  amparo_relationship_set_person_id (link, amparo_record_get_id (AMPARO_RECORD (self->person)));
  amparo_relationship_set_relative_id (link, amparo_record_get_id (AMPARO_RECORD (relative)));
  amparo_relationship_set_kind (link, sought_kinds[adw_combo_row_get_selected (self->sought_row)]);
  amparo_relationship_set_verification (link, AMPARO_VERIFICATION_CLAIMED);
  if (!amparo_store_save (self->store, AMPARO_RECORD (link), &error))
    {
      show_error (self, error);
      return FALSE;
    }

  clear_candidates (self);
  gtk_widget_set_visible (GTK_WIDGET (self->tracing_group), FALSE);
  amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (_("Relative linked as claimed")));
  return TRUE;
}

void
amparo_family_panel_save_draft (AmparoFamilyPanel *self,
                                AmparoWindowState *state)
{
  amparo_window_state_set_object (state, RELATIONSHIP_KEY, G_OBJECT (self->draft));
  amparo_window_state_set_object (state, RELATIVE_KEY, G_OBJECT (self->draft_relative));
}

void
amparo_family_panel_restore_draft (AmparoFamilyPanel *self,
                                   AmparoWindowState *state)
{
  GObject *draft = amparo_window_state_get_object (state, RELATIONSHIP_KEY);
  GObject *relative = amparo_window_state_get_object (state, RELATIVE_KEY);

  if (AMPARO_IS_RELATIONSHIP (draft) && AMPARO_IS_PERSON (relative))
    set_draft (self, AMPARO_RELATIONSHIP (draft), AMPARO_PERSON (relative));
}
