/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-conflict-check.h"

#include "amparo-conflict-dialog.h"

/* The conflict check at intake, called by the client editor before a new
 * client is first saved. Nothing found: the save goes on. Something
 * found: the conflict dialog asks for a decision and the save waits; once
 * cleared or waived the person is saved and the decision linked to them,
 * once declined nothing is saved (the form keeps what was typed). */

#define DECISION_KEY "amparo-conflict-decision"

static void
on_decided_cb (AmparoConflictDialog   *dialog,
               AmparoConflictDecision *decision,
               AmparoClientEditor     *editor)
{
  AmparoPerson *person = amparo_client_editor_get_person (editor);
  AmparoStore *store = g_object_get_data (G_OBJECT (dialog), "store");
  g_autoptr(GError) error = NULL;

  if (person == NULL || amparo_conflict_decision_get_decision (decision) == AMPARO_CONFLICT_DECISION_DECLINED)
    return;
  g_object_set_data_full (G_OBJECT (person), DECISION_KEY, g_object_ref (decision), g_object_unref);
  if (!amparo_client_editor_save (editor))
    return;
  /* The decision now names the client it let in. */
  amparo_conflict_decision_set_person_id (decision, amparo_record_get_id (AMPARO_RECORD (person)));
  if (!amparo_store_save (store, AMPARO_RECORD (decision), &error))
    g_warning ("Could not link the conflict decision to the client: %s", error->message);
}

/**
 * amparo_conflict_check_before_save:
 * @person: the person the editor is about to save
 *
 * Returns: %TRUE to save now; %FALSE when a decision is asked for first
 *   (the dialog saves through the editor once it is given)
 */
gboolean
amparo_conflict_check_before_save (AmparoClientEditor *editor,
                                   AmparoStore        *store,
                                   AmparoPerson       *person)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  AmparoConflictDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (AMPARO_IS_CLIENT_EDITOR (editor), TRUE);

  if (store == NULL || person == NULL || amparo_record_get_id (AMPARO_RECORD (person)) > 0 ||
      g_object_get_data (G_OBJECT (person), DECISION_KEY) != NULL)
    return TRUE;
  /* A form with mistakes shows them first. */
  if (!amparo_store_validate (store, AMPARO_RECORD (person), NULL))
    return TRUE;

  findings = amparo_store_find_conflicts (store, person, NULL, 0, &error);
  if (findings == NULL)
    {
      /* Never block an intake on a failed lookup; say so in the log. */
      g_warning ("Could not run the conflict check: %s", error->message);
      return TRUE;
    }
  if (findings->len == 0)
    return TRUE;

  dialog = amparo_conflict_dialog_new (store, person);
  g_object_set_data_full (G_OBJECT (dialog), "store", g_object_ref (store), g_object_unref);
  g_signal_connect_object (dialog, "decided", G_CALLBACK (on_decided_cb), editor, 0);
  root = gtk_widget_get_root (GTK_WIDGET (editor));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}
