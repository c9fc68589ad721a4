/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-conflict-dialog.h"
#include "amparo-list-box.h"

#include <glib/gi18n.h>

/* The check itself is the store's (amparo-store-conflicts.c); this
 * window gathers the names, shows the findings with their reasons and
 * asks for the decision. A waiver needs a note saying who consented and
 * how; a decision is never recorded without one of the three choices. */

struct _AmparoConflictDialog
{
  AdwWindow         parent_instance;

  AmparoStore      *store;
  AmparoPerson     *person;
  GPtrArray        *findings;

  AdwEntryRow      *given_row;
  AdwEntryRow      *family_row;
  AdwEntryRow      *mother_row;
  AdwEntryRow      *father_row;
  AdwEntryRow      *other_row;
  GtkListBox       *findings_list;
  GtkCheckButton   *cleared_check;
  GtkCheckButton   *declined_check;
  GtkCheckButton   *waived_check;
  AdwEntryRow      *notes_row;
  GtkLabel         *error_label;
  GtkWidget        *record_button;
};

G_DEFINE_FINAL_TYPE (AmparoConflictDialog, amparo_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Rosa María López Ixcot": the first word is taken as the given name;
 * the matcher forgives a second given name read as a family name. */
static void
split_name (const char             *text,
            AmparoConflictName     *name,
            AmparoRelationshipKind  kind)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *space = strchr (clean, ' ');

  name->kind = kind;
  if (space == NULL)
    {
      name->given_names = g_strdup ("");
      name->family_names = g_strdup (clean);
      return;
    }
  name->given_names = g_strndup (clean, space - clean);
  name->family_names = g_strstrip (g_strdup (space + 1));
}

static AmparoPerson *
person_to_check (AmparoConflictDialog *self)
{
  AmparoPerson *person;

  if (self->person != NULL && amparo_record_get_id (AMPARO_RECORD (self->person)) > 0)
    return g_object_ref (self->person);
  /* On demand, or at intake with the names perhaps corrected here. */
  person = self->person != NULL ? AMPARO_PERSON (amparo_record_copy (AMPARO_RECORD (self->person)))
                                : amparo_person_new ();
  amparo_person_set_given_names (person, gtk_editable_get_text (GTK_EDITABLE (self->given_row)));
  amparo_person_set_family_names (person, gtk_editable_get_text (GTK_EDITABLE (self->family_row)));
  return person;
}

static GtkWidget *
create_finding_row (AmparoConflictFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (finding->reason, -1);
  const char *icon = finding->kind == AMPARO_CONFLICT_IS_ADVERSE_PARTY ? "dialog-warning-symbolic"
                                                                       : "system-users-symbolic";

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  return row;
}

static void
show_error (AmparoConflictDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/**
 * amparo_conflict_dialog_check:
 *
 * Looks the names up again and lists what was found.
 */
void
amparo_conflict_dialog_check (AmparoConflictDialog *self)
{
  g_autoptr(AmparoPerson) person = person_to_check (self);
  AmparoConflictName names[3] = { { 0 } };
  AdwEntryRow *rows[3] = { self->mother_row, self->father_row, self->other_row };
  AmparoRelationshipKind kinds[3] = { AMPARO_RELATIONSHIP_KIND_PARENT, AMPARO_RELATIONSHIP_KIND_PARENT,
                                      AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE };
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_return_if_fail (AMPARO_IS_CONFLICT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (*gtk_editable_get_text (GTK_EDITABLE (rows[i])) != '\0')
      split_name (gtk_editable_get_text (GTK_EDITABLE (rows[i])), &names[n++], kinds[i]);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = amparo_store_find_conflicts (self->store, person, names, n, &error);
  for (guint i = 0; i < n; i++)
    {
      g_free (names[i].given_names);
      g_free (names[i].family_names);
    }

  amparo_list_box_trim (self->findings_list, 0);
  if (self->findings == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  for (guint i = 0; i < self->findings->len; i++)
    gtk_list_box_append (self->findings_list, create_finding_row (g_ptr_array_index (self->findings, i)));
}

static int
chosen_decision (AmparoConflictDialog *self)
{
  if (gtk_check_button_get_active (self->cleared_check))
    return AMPARO_CONFLICT_DECISION_CLEARED;
  if (gtk_check_button_get_active (self->declined_check))
    return AMPARO_CONFLICT_DECISION_DECLINED;
  if (gtk_check_button_get_active (self->waived_check))
    return AMPARO_CONFLICT_DECISION_WAIVED;
  return -1;
}

static void
on_decision_changed_cb (AmparoConflictDialog *self)
{
  int decision = chosen_decision (self);
  const char *notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));

  gtk_widget_set_sensitive (self->record_button,
                            decision >= 0 && (decision != AMPARO_CONFLICT_DECISION_WAIVED || *notes != '\0'));
}

/**
 * amparo_conflict_dialog_decide:
 * @notes: (nullable): why; required for a waiver
 *
 * Records the decision with who and when, emits
 * #AmparoConflictDialog::decided and closes the window.
 *
 * Returns: whether it was recorded (if not, the window says why)
 */
gboolean
amparo_conflict_dialog_decide (AmparoConflictDialog       *self,
                               AmparoConflictDecisionKind  decision,
                               const char                 *notes)
{
  g_autoptr(AmparoPerson) person = person_to_check (self);
  g_autoptr(AmparoConflictDecision) recorded = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AMPARO_IS_CONFLICT_DIALOG (self), FALSE);

  if (decision == AMPARO_CONFLICT_DECISION_WAIVED && (notes == NULL || *notes == '\0'))
    {
      show_error (self, _("Say who consented to the waiver and how."));
      return FALSE;
    }
  if (self->findings == NULL)
    amparo_conflict_dialog_check (self);
  recorded = amparo_store_record_conflict_decision (self->store, person, self->findings, decision, notes, &error);
  if (recorded == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[DECIDED], 0, recorded);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_record_clicked_cb (AmparoConflictDialog *self)
{
  int decision = chosen_decision (self);

  if (decision >= 0)
    amparo_conflict_dialog_decide (self, decision, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
}

static void
on_check_clicked_cb (AmparoConflictDialog *self)
{
  amparo_conflict_dialog_check (self);
}

static void
on_cancel_clicked_cb (AmparoConflictDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
amparo_conflict_dialog_dispose (GObject *object)
{
  AmparoConflictDialog *self = AMPARO_CONFLICT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (amparo_conflict_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmparoConflictDialog, name)

static void
amparo_conflict_dialog_class_init (AmparoConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_conflict_dialog_dispose;

  /**
   * AmparoConflictDialog::decided:
   * @decision: the saved #AmparoConflictDecision
   */
  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMPARO_TYPE_CONFLICT_DECISION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-conflict-dialog.ui");
  BIND (given_row);
  BIND (family_row);
  BIND (mother_row);
  BIND (father_row);
  BIND (other_row);
  BIND (findings_list);
  BIND (cleared_check);
  BIND (declined_check);
  BIND (waived_check);
  BIND (notes_row);
  BIND (error_label);
  BIND (record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

#undef BIND

static void
amparo_conflict_dialog_init (AmparoConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_check_button_set_label (self->cleared_check, amparo_conflict_decision_kind_get_label (AMPARO_CONFLICT_DECISION_CLEARED));
  gtk_check_button_set_label (self->declined_check, amparo_conflict_decision_kind_get_label (AMPARO_CONFLICT_DECISION_DECLINED));
  gtk_check_button_set_label (self->waived_check, amparo_conflict_decision_kind_get_label (AMPARO_CONFLICT_DECISION_WAIVED));
}

/**
 * amparo_conflict_dialog_new:
 * @person: (nullable): the person to check (their names fill the form);
 *   %NULL to check names typed here
 *
 * Returns: (transfer floating): a new dialog, already checked
 */
AmparoConflictDialog *
amparo_conflict_dialog_new (AmparoStore  *store,
                            AmparoPerson *person)
{
  AmparoConflictDialog *self = g_object_new (AMPARO_TYPE_CONFLICT_DIALOG, NULL);

  self->store = g_object_ref (store);
  g_set_object (&self->person, person);
  if (person != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->given_row), amparo_person_get_given_names (person) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->family_row), amparo_person_get_family_names (person) ?: "");
      amparo_conflict_dialog_check (self);
    }
  return self;
}

/**
 * amparo_conflict_dialog_present:
 * @parent: a widget in the window the dialog belongs to
 * @person: (nullable): see amparo_conflict_dialog_new()
 */
void
amparo_conflict_dialog_present (GtkWidget    *parent,
                                AmparoStore  *store,
                                AmparoPerson *person)
{
  AmparoConflictDialog *self = amparo_conflict_dialog_new (store, person);
  GtkRoot *root = gtk_widget_get_root (parent);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self));
}

guint
amparo_conflict_dialog_get_n_findings (AmparoConflictDialog *self)
{
  g_return_val_if_fail (AMPARO_IS_CONFLICT_DIALOG (self), 0);

  return self->findings != NULL ? self->findings->len : 0;
}

/**
 * amparo_conflict_dialog_dup_findings_text:
 *
 * Returns: (transfer full): the reasons shown, one a line
 */
char *
amparo_conflict_dialog_dup_findings_text (AmparoConflictDialog *self)
{
  g_return_val_if_fail (AMPARO_IS_CONFLICT_DIALOG (self), NULL);

  return amparo_conflict_findings_to_text (self->findings);
}

/**
 * amparo_conflict_dialog_set_relative:
 * @kind: %AMPARO_RELATIONSHIP_KIND_PARENT fills the mother's row (the
 *   father's if it is taken), anything else the other relative's
 *
 * Types a relative's name into the form, as a person would (tests).
 */
void
amparo_conflict_dialog_set_relative (AmparoConflictDialog   *self,
                                     AmparoRelationshipKind  kind,
                                     const char             *full_name)
{
  AdwEntryRow *row = self->other_row;

  g_return_if_fail (AMPARO_IS_CONFLICT_DIALOG (self));

  if (kind == AMPARO_RELATIONSHIP_KIND_PARENT)
    row = *gtk_editable_get_text (GTK_EDITABLE (self->mother_row)) == '\0' ? self->mother_row : self->father_row;
  gtk_editable_set_text (GTK_EDITABLE (row), full_name);
}
