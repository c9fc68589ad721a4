/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-adverse-panel.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-record-form.h"
#include "amparo-store-reports.h"

/* The people and organizations whose interests oppose the client's — a
 * parent accused of abuse in a SIJS case, a trafficker in a T-visa
 * case, a sponsor under investigation — each tied to one of the
 * client's cases if it is about one. The conflict check at intake
 * (amparo-store-conflicts.c) looks every new client and their family up
 * among them, so they are entered here, on the client page, by name as
 * written. Added in the panel's own form (its draft survives a language
 * switch in the window state), corrected in the record form, and moved
 * to the Trash with Undo. */

#define DRAFT_KEY "clients:adverse-draft"

struct _AmparoAdversePanel
{
  AdwBin          parent_instance;

  AmparoStore    *store;
  AmparoPerson   *person;
  AmparoAdverseParty *draft;
  GPtrArray      *bindings;
  GArray         *case_ids;    /* the case combo's ids; 0 for none */
  gulong          changed_handler;

  GtkListBox     *parties_list;
  AdwExpanderRow *add_row;
  AdwEntryRow    *name_row;
  GtkSwitch      *organization_switch;
  AdwComboRow    *role_row;
  AdwComboRow    *case_row;
  AdwEntryRow    *notes_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (AmparoAdversePanel, amparo_adverse_panel, ADW_TYPE_BIN)

/* "SIJS · A-123-456-789": how a case reads in the combo and the rows. */
static char *
case_label (AmparoProceeding *proceeding)
{
  const char *kind = amparo_clients_enum_label (AMPARO_TYPE_PROCEEDING_KIND, amparo_proceeding_get_kind (proceeding));
  const char *number = amparo_proceeding_get_case_number (proceeding);

  if (number == NULL || *number == '\0')
    return g_strdup (kind);
  return g_strdup_printf ("%s · %s", kind, number);
}

static char *
find_case_label (AmparoAdversePanel *self,
                 gint64              proceeding_id)
{
  g_autoptr(AmparoProceeding) proceeding = NULL;

  if (proceeding_id <= 0)
    return NULL;
  proceeding = amparo_store_get_by_id (self->store, AMPARO_TYPE_PROCEEDING, proceeding_id, NULL);
  return proceeding != NULL ? case_label (proceeding) : NULL;
}

static GtkWidget *
create_party_row (gpointer item,
                  gpointer user_data)
{
  AmparoAdversePanel *self = user_data;
  AmparoAdverseParty *party = item;
  g_autoptr(GString) subtitle = g_string_new (amparo_clients_enum_label (AMPARO_TYPE_ADVERSE_ROLE,
                                                                        amparo_adverse_party_get_role (party)));
  g_autofree char *in_case = find_case_label (self, amparo_adverse_party_get_proceeding_id (party));
  const char *notes = amparo_adverse_party_get_notes (party);
  const char *uid = amparo_record_get_uid (AMPARO_RECORD (party));
  GtkWidget *row = adw_action_row_new ();

  if (amparo_adverse_party_get_organization (party))
    g_string_append_printf (subtitle, " · %s", _("Organization"));
  if (in_case != NULL)
    /* Translators: the client's case an adverse party is in, " · in SIJS · A-123-456-789" */
    g_string_append_printf (subtitle, _(" · in %s"), in_case);
  if (notes != NULL && *notes != '\0')
    g_string_append_printf (subtitle, "\n%s", notes);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amparo_adverse_party_get_party_name (party));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  amparo_clients_row_add_icon_button (row, "document-edit-symbolic", _("Edit Adverse Party"), "adverse.edit", uid);
  amparo_clients_row_add_icon_button (row, "user-trash-symbolic", _("Move to Trash"), "adverse.delete", uid);
  return row;
}

/* The case combo: "Not about one case", then the client's cases. */
static void
fill_cases (AmparoAdversePanel *self)
{
  g_autoptr(GListModel) proceedings = amparo_store_list_proceedings (self->store, self->person);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (proceedings);
  gint64 none = 0;

  g_array_set_size (self->case_ids, 0);
  gtk_string_list_append (labels, _("Not about one case"));
  g_array_append_val (self->case_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoProceeding) proceeding = g_list_model_get_item (proceedings, i);
      g_autofree char *label = case_label (proceeding);
      gint64 id = amparo_record_get_id (AMPARO_RECORD (proceeding));

      gtk_string_list_append (labels, label);
      g_array_append_val (self->case_ids, id);
    }
  adw_combo_row_set_model (self->case_row, G_LIST_MODEL (labels));
  /* A client with one case: the party is almost always in it. */
  adw_combo_row_set_selected (self->case_row, n == 1 ? 1 : 0);
}

static void
refresh (AmparoAdversePanel *self)
{
  g_autoptr(GListModel) parties = amparo_store_list_adverse_parties (self->store, self->person);

  gtk_list_box_bind_model (self->parties_list, parties, create_party_row, self, NULL);
  fill_cases (self);
}

static void
on_record_changed_cb (AmparoAdversePanel *self,
                      AmparoRecord       *record,
                      AmparoStore        *store)
{
  /* A case renamed or added changes the rows and the combo. */
  if (AMPARO_IS_ADVERSE_PARTY (record) || AMPARO_IS_PROCEEDING (record))
    refresh (self);
}

static void
set_draft (AmparoAdversePanel *self,
           AmparoAdverseParty *draft)
{
  g_autoptr(AmparoAdverseParty) fresh = NULL;

  if (draft == NULL)
    draft = fresh = amparo_adverse_party_new ();
  g_set_object (&self->draft, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  amparo_clients_unbind_all (self->bindings);
  amparo_clients_bind_entry (self->bindings, self->name_row, self->draft, "party-name");
  amparo_clients_bind_switch (self->bindings, self->organization_switch, self->draft, "organization");
  amparo_clients_bind_combo (self->bindings, self->role_row, self->draft, "role");
  amparo_clients_bind_entry (self->bindings, self->notes_row, self->draft, "notes");
}

static void
on_entry_activated_cb (AmparoAdversePanel *self,
                       AdwEntryRow        *row)
{
  amparo_clients_focus_next (GTK_WIDGET (row));
}

static void
on_add_clicked_cb (AmparoAdversePanel *self,
                   GtkButton          *button)
{
  amparo_adverse_panel_add (self);
}

static void
on_form_saved_cb (AmparoRecordForm *form,
                  AmparoRecord     *record,
                  GtkWidget        *self)
{
  amparo_clients_toast (self, adw_toast_new (_("Adverse party saved")));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmparoAdversePanel *self = AMPARO_ADVERSE_PANEL (widget);
  g_autoptr(AmparoRecord) party = amparo_clients_find_copy (self->store, AMPARO_TYPE_ADVERSE_PARTY, parameter);
  AmparoRecordForm *form;

  if (party == NULL)
    return;
  form = amparo_record_form_new (widget, self->store, party, _("Edit Adverse Party"));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
  amparo_record_form_add_entry (form, "party-name", _("Name of the person or organization"));
  amparo_record_form_add_switch (form, "organization", _("An organization"));
  amparo_record_form_add_combo (form, "role", _("Role"), AMPARO_TYPE_ADVERSE_ROLE);
  amparo_record_form_add_entry (form, "notes", _("Notes"));
  gtk_window_present (GTK_WINDOW (form));
}

/* To the Trash, with Undo: until it is restored the conflict check no
 * longer finds them. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoAdversePanel *self = AMPARO_ADVERSE_PANEL (widget);
  g_autoptr(AmparoRecord) party = amparo_clients_find_copy (self->store, AMPARO_TYPE_ADVERSE_PARTY, parameter);

  if (party != NULL)
    amparo_clients_trash_with_undo (widget, self->store, party, _("Adverse party moved to the Trash"));
}

static void
disconnect_store (AmparoAdversePanel *self)
{
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
}

static void
amparo_adverse_panel_dispose (GObject *object)
{
  AmparoAdversePanel *self = AMPARO_ADVERSE_PANEL (object);

  disconnect_store (self);
  if (self->bindings != NULL)
    amparo_clients_unbind_all (self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_ADVERSE_PANEL);
  g_clear_object (&self->draft);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_adverse_panel_parent_class)->dispose (object);
}

static void
amparo_adverse_panel_finalize (GObject *object)
{
  AmparoAdversePanel *self = AMPARO_ADVERSE_PANEL (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->case_ids, g_array_unref);

  G_OBJECT_CLASS (amparo_adverse_panel_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmparoAdversePanel, name)

static void
amparo_adverse_panel_class_init (AmparoAdversePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_adverse_panel_dispose;
  object_class->finalize = amparo_adverse_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-adverse-panel.ui");
  BIND (parties_list);
  BIND (add_row);
  BIND (name_row);
  BIND (organization_switch);
  BIND (role_row);
  BIND (case_row);
  BIND (notes_row);
  BIND (error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);

  gtk_widget_class_install_action (widget_class, "adverse.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "adverse.delete", "s", delete_action);
}

#undef BIND

static void
amparo_adverse_panel_init (AmparoAdversePanel *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->case_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  amparo_clients_setup_combo (self->role_row, AMPARO_TYPE_ADVERSE_ROLE);
  set_draft (self, NULL);
}

/**
 * amparo_adverse_panel_set_person:
 * @person: a saved client
 *
 * Lists the adverse parties in @person's cases and keeps them up to date.
 */
void
amparo_adverse_panel_set_person (AmparoAdversePanel *self,
                                 AmparoStore        *store,
                                 AmparoPerson       *person)
{
  g_return_if_fail (AMPARO_IS_ADVERSE_PANEL (self));

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  self->changed_handler = g_signal_connect_object (store, "record-changed",
                                                   G_CALLBACK (on_record_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  refresh (self);
}

/**
 * amparo_adverse_panel_add:
 *
 * Saves the adverse party typed in the form, in the case chosen.
 *
 * Returns: whether it was saved; otherwise the form shows why and keeps
 *   what was typed
 */
gboolean
amparo_adverse_panel_add (AmparoAdversePanel *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  g_return_val_if_fail (AMPARO_IS_ADVERSE_PANEL (self), FALSE);

  if (self->person == NULL)
    return FALSE;
  selected = adw_combo_row_get_selected (self->case_row);
  amparo_adverse_party_set_person_id (self->draft, amparo_record_get_id (AMPARO_RECORD (self->person)));
  amparo_adverse_party_set_proceeding_id (self->draft, selected < self->case_ids->len
                                                       ? g_array_index (self->case_ids, gint64, selected) : 0);
  if (!amparo_store_save (self->store, AMPARO_RECORD (self->draft), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }

  set_draft (self, NULL);
  adw_expander_row_set_expanded (self->add_row, FALSE);
  amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (_("Adverse party added")));
  return TRUE;
}

void
amparo_adverse_panel_save_draft (AmparoAdversePanel *self,
                                 AmparoWindowState  *state)
{
  g_return_if_fail (AMPARO_IS_ADVERSE_PANEL (self));

  amparo_window_state_set_object (state, DRAFT_KEY, G_OBJECT (self->draft));
}

void
amparo_adverse_panel_restore_draft (AmparoAdversePanel *self,
                                    AmparoWindowState  *state)
{
  GObject *draft;

  g_return_if_fail (AMPARO_IS_ADVERSE_PANEL (self));

  draft = amparo_window_state_get_object (state, DRAFT_KEY);
  if (AMPARO_IS_ADVERSE_PARTY (draft))
    set_draft (self, AMPARO_ADVERSE_PARTY (draft));
}
