/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-idle-lock.h"

#include <glib/gi18n.h>

/* What covers the window after it sat unused (privacy, #17). The window
 * keeps its content underneath, unmapped, so unsaved typing survives;
 * this page only decides when the staff member is back: on a shared
 * server the server must accept their password again (checked in a
 * thread, never on the main loop), on one desk a click is enough (the
 * desktop's own lock, asked for by the window, guards the rest). */

struct _AmparoIdleLock
{
  AdwBin          parent_instance;

  AmparoStore    *store;
  GCancellable   *cancellable;

  GtkListBox     *password_list;
  AdwPasswordEntryRow *password_row;
  GtkLabel       *error_label;
  GtkButton      *unlock_button;
};

G_DEFINE_FINAL_TYPE (AmparoIdleLock, amparo_idle_lock, ADW_TYPE_BIN)

enum {
  SIGNAL_UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
check_password_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  AmparoIdleLock *self = source;
  GError *error = NULL;

  if (amparo_store_check_password (self->store, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_password_checked_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  AmparoIdleLock *self = AMPARO_IDLE_LOCK (source);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), TRUE);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_unlock_clicked_cb (AmparoIdleLock *self)
{
  g_autoptr(GTask) task = NULL;

  if (!amparo_idle_lock_needs_password (self))
    {
      g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0);
      return;
    }
  /* One check at a time; the row stays as it is (a focused entry made
   * insensitive loses its focus-out). */
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->unlock_button)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), FALSE);
  task = g_task_new (self, self->cancellable, on_password_checked_cb, NULL);
  g_task_set_task_data (task, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row))), g_free);
  g_task_run_in_thread (task, check_password_thread);
}

static void
amparo_idle_lock_dispose (GObject *object)
{
  AmparoIdleLock *self = (AmparoIdleLock *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_IDLE_LOCK);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_idle_lock_parent_class)->dispose (object);
}

static void
amparo_idle_lock_class_init (AmparoIdleLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_idle_lock_dispose;

  /**
   * AmparoIdleLock::unlocked:
   *
   * The staff member is back (and, on a server, the server took their
   * password): show the window's content again.
   */
  signals[SIGNAL_UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-idle-lock.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoIdleLock, password_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoIdleLock, password_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoIdleLock, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoIdleLock, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_clicked_cb);
}

static void
amparo_idle_lock_init (AmparoIdleLock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * amparo_idle_lock_new:
 * @store: (nullable): the case store the window shows
 *
 * Returns: (transfer floating): a new lock page
 */
AmparoIdleLock *
amparo_idle_lock_new (AmparoStore *store)
{
  AmparoIdleLock *self = g_object_new (AMPARO_TYPE_IDLE_LOCK, NULL);

  g_set_object (&self->store, store);
  gtk_widget_set_visible (GTK_WIDGET (self->password_list), amparo_idle_lock_needs_password (self));
  return self;
}

/**
 * amparo_idle_lock_prepare:
 * @idle_minutes: how long the window sat unused, for the message
 *
 * Clears what the last unlock left and says why the window is locked.
 */
void
amparo_idle_lock_prepare (AmparoIdleLock *self,
                          guint           idle_minutes)
{
  g_autofree char *description = NULL;

  g_return_if_fail (AMPARO_IS_IDLE_LOCK (self));

  if (amparo_idle_lock_needs_password (self))
    description = g_strdup_printf (ngettext ("Client records are hidden because no one used Amparo for %u minute. "
                                                "Type the password of the server account to go on; "
                                                "what you were typing is kept.",
                                                "Client records are hidden because no one used Amparo for %u minutes. "
                                                "Type the password of the server account to go on; "
                                                "what you were typing is kept.", idle_minutes), idle_minutes);
  else
    description = g_strdup_printf (ngettext ("Client records are hidden because no one used Amparo for %u minute. "
                                                "What you were typing is kept.",
                                                "Client records are hidden because no one used Amparo for %u minutes. "
                                                "What you were typing is kept.", idle_minutes), idle_minutes);
  /* The bin's own child: not bound, or the template's disposal and the
   * bin's would both unparent it. */
  adw_status_page_set_description (ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self))), description);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), TRUE);
}

/**
 * amparo_idle_lock_needs_password:
 *
 * Returns: whether unlocking asks the server for the password again
 */
gboolean
amparo_idle_lock_needs_password (AmparoIdleLock *self)
{
  g_return_val_if_fail (AMPARO_IS_IDLE_LOCK (self), FALSE);

  return self->store != NULL && amparo_store_path_is_server (amparo_store_get_path (self->store));
}
