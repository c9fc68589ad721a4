/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-edit-conflict-dialog.h"

#include <glib/gi18n.h>


/*
 * No lost edits: when a save is refused because someone else saved the
 * record since it was opened, this shows, for each field where the two
 * differ, the saved value (who, when) next to what the user typed, with
 * a choice per field. The user's typing is chosen by default, so closing
 * or saving at once discards nothing they typed. Works for any record
 * kind; labels are the editors' own for a person's fields.
 */

struct _AmparoEditConflictDialog
{
  AdwWindow parent_instance;

  GtkLabel *message_label;
  GtkBox *fields_box;

  AmparoRecord *mine;
  AmparoRecord *theirs;
  GHashTable *take_theirs;  /* property name → GtkCheckButton for theirs */
  char *who;
  AmparoConflictResolved resolved;
  gpointer resolved_data;
};

G_DEFINE_FINAL_TYPE (AmparoEditConflictDialog, amparo_edit_conflict_dialog, ADW_TYPE_WINDOW)

/* The client editor's row titles (same strings, same translations). */
static const char *
field_label (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "given-names", N_("Given names") },
    { "family-names", N_("Family names") },
    { "aliases", N_("Other names used") },
    { "a-number", N_("A-Number") },
    { "birth-date", N_("Date of birth (YYYY-MM-DD)") },
    { "birth-date-estimated", N_("Date of birth is estimated") },
    { "sex", N_("Sex") },
    { "country-of-birth", N_("Country of birth") },
    { "languages", N_("Languages") },
    { "interpreter-needed", N_("Interpreter needed") },
    { "unaccompanied-minor", N_("Unaccompanied minor") },
    { "mpp-history", N_("MPP (“Remain in Mexico”) history") },
    { "client-status", N_("Client status") },
    { "program", N_("Program") },
    { "assigned-staff", N_("Assigned staff") },
    { "intake-date", N_("Intake date (YYYY-MM-DD)") },
    { "notes", N_("Notes") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].property, property) == 0)
      return _(labels[i].label);
  return property;
}

static char *
value_text (AmparoRecord *record,
            GParamSpec   *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (record), pspec->name, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    {
      const char *text = g_value_get_string (&value);
      return g_strdup (text && *text ? text : _("(empty)"));
    }
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? _("Yes") : _("No"));
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_strdup (amparo_enum_get_label (pspec->value_type, g_value_get_enum (&value)));
  return g_strdup_value_contents (&value);
}

static gboolean
values_differ (AmparoRecord *a,
               AmparoRecord *b,
               GParamSpec   *pspec)
{
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;

  g_value_init (&va, pspec->value_type);
  g_value_init (&vb, pspec->value_type);
  g_object_get_property (G_OBJECT (a), pspec->name, &va);
  g_object_get_property (G_OBJECT (b), pspec->name, &vb);
  return g_param_values_cmp (pspec, &va, &vb) != 0;
}

static GtkWidget *
choice_row (const char  *title,
            const char  *value,
            GtkCheckButton *group,
            GtkCheckButton **check)
{
  GtkWidget *row = adw_action_row_new ();

  *check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  if (group != NULL)
    gtk_check_button_set_group (*check, group);
  gtk_widget_set_valign (GTK_WIDGET (*check), GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (*check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*check));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
add_field (AmparoEditConflictDialog *self,
           GParamSpec           *pspec)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *mine = value_text (self->mine, pspec);
  g_autofree char *theirs = value_text (self->theirs, pspec);
  g_autofree char *saved_by = self->who ? g_strdup_printf (_("Saved by %s"), self->who)
                                        : g_strdup (_("Saved by the other person"));
  GtkCheckButton *mine_check;
  GtkCheckButton *theirs_check;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), field_label (pspec->name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (_("Yours (what you typed)"), mine, NULL, &mine_check));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (saved_by, theirs, mine_check, &theirs_check));
  gtk_check_button_set_active (mine_check, TRUE);
  g_hash_table_insert (self->take_theirs, (gpointer) pspec->name, theirs_check);
  gtk_box_append (self->fields_box, group);
}

/**
 * amparo_edit_conflict_dialog_apply:
 *
 * Puts the chosen saved values into the user's record and makes it the
 * successor of the saved version, so the next save goes through.
 */
void
amparo_edit_conflict_dialog_apply (AmparoEditConflictDialog *self)
{
  GHashTableIter iter;
  gpointer name, check;

  g_return_if_fail (AMPARO_IS_EDIT_CONFLICT_DIALOG (self));

  g_hash_table_iter_init (&iter, self->take_theirs);
  while (g_hash_table_iter_next (&iter, &name, &check))
    if (gtk_check_button_get_active (check))
      {
        g_auto(GValue) value = G_VALUE_INIT;
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->theirs), name);

        g_value_init (&value, pspec->value_type);
        g_object_get_property (G_OBJECT (self->theirs), name, &value);
        g_object_set_property (G_OBJECT (self->mine), name, &value);
      }
  amparo_store_take_revision (self->mine, self->theirs);
}

void
amparo_edit_conflict_dialog_choose_theirs (AmparoEditConflictDialog *self,
                                      const char           *property)
{
  GtkCheckButton *check = g_hash_table_lookup (self->take_theirs, property);

  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, TRUE);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmparoEditConflictDialog *self = AMPARO_EDIT_CONFLICT_DIALOG (widget);
  AmparoConflictResolved resolved = self->resolved;
  gpointer data = self->resolved_data;

  amparo_edit_conflict_dialog_apply (self);
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  if (resolved != NULL)
    resolved (data);
  g_object_unref (self);
}

static void
amparo_edit_conflict_dialog_dispose (GObject *object)
{
  AmparoEditConflictDialog *self = AMPARO_EDIT_CONFLICT_DIALOG (object);

  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_EDIT_CONFLICT_DIALOG);
  G_OBJECT_CLASS (amparo_edit_conflict_dialog_parent_class)->dispose (object);
}

static void
amparo_edit_conflict_dialog_finalize (GObject *object)
{
  AmparoEditConflictDialog *self = AMPARO_EDIT_CONFLICT_DIALOG (object);

  g_hash_table_unref (self->take_theirs);
  g_free (self->who);
  G_OBJECT_CLASS (amparo_edit_conflict_dialog_parent_class)->finalize (object);
}

static void
amparo_edit_conflict_dialog_class_init (AmparoEditConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_edit_conflict_dialog_dispose;
  object_class->finalize = amparo_edit_conflict_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-edit-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoEditConflictDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoEditConflictDialog, fields_box);
  gtk_widget_class_install_action (widget_class, "conflict.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amparo_edit_conflict_dialog_init (AmparoEditConflictDialog *self)
{
  self->take_theirs = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_edit_conflict_dialog_new:
 * @mine: the record the user tried to save (changed in place on Save)
 * @theirs: the stored version, from amparo_store_error_get_conflict()
 * @who: (nullable): who saved it, from amparo_store_error_get_conflict()
 * @message: the store's error message (who saved, when)
 */
AmparoEditConflictDialog *
amparo_edit_conflict_dialog_new (GtkWindow    *parent,
                            AmparoRecord *mine,
                            AmparoRecord *theirs,
                            const char   *who,
                            const char   *message)
{
  AmparoEditConflictDialog *self = g_object_new (AMPARO_TYPE_EDIT_CONFLICT_DIALOG, "transient-for", parent,
                                             "destroy-with-parent", TRUE, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  self->mine = g_object_ref (mine);
  self->theirs = g_object_ref (theirs);
  self->who = g_strdup (who);
  gtk_label_set_text (self->message_label, message);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (mine), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];

      /* Ids, times and the revision are the store's, not a choice. */
      if (pspec->owner_type == AMPARO_TYPE_RECORD)
        continue;
      if (values_differ (mine, theirs, pspec))
        add_field (self, pspec);
    }
  return self;
}

/**
 * amparo_edit_conflict_dialog_present_for:
 * @widget: a widget in the window that saved
 * @error: the error of the refused save
 * @resolved: called after the user chose (save @mine again there)
 *
 * Returns: %TRUE if @error was a conflict and the dialog is shown
 */
gboolean
amparo_edit_conflict_dialog_present_for (GtkWidget              *widget,
                                    AmparoRecord           *mine,
                                    const GError           *error,
                                    AmparoConflictResolved  resolved,
                                    gpointer                user_data)
{
  g_autoptr(AmparoRecord) theirs = NULL;
  g_autofree char *who = NULL;
  AmparoEditConflictDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!amparo_store_error_get_conflict (error, &theirs, &who, NULL))
    return FALSE;
  dialog = amparo_edit_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       mine, theirs, who, error->message);
  dialog->resolved = resolved;
  dialog->resolved_data = user_data;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
