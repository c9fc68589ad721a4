/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-server-banner.h"

#include <glib/gi18n.h>

/*
 * postgres (#10): "The shared case store cannot be reached; your typing
 * is kept." A save or a read that fails with
 * %AMPARO_STORE_ERROR_UNREACHABLE is handed to
 * amparo_server_banner_handle_error(): the banner slides in and tries to
 * connect again after 1 s, then 2, 4… up to 30 s between tries (a
 * restarting server is not hammered by every desk at once), or at once
 * with "Try Again". Once connected it hides and emits ::reconnected, on
 * which the page that failed saves what is still typed in it; nothing
 * typed is dropped meanwhile, since the editors keep their fields.
 */

#define FIRST_DELAY_S 1
#define MAX_DELAY_S 30

struct _AmparoServerBanner
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkLabel *label;

  AmparoStore *store;
  guint retry_source;
  guint delay_s;
};

enum {
  RECONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmparoServerBanner, amparo_server_banner, GTK_TYPE_WIDGET)

static void schedule_retry (AmparoServerBanner *self);

static void
try_now (AmparoServerBanner *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (amparo_store_reconnect (self->store, &error))
    {
      self->delay_s = FIRST_DELAY_S;
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      g_signal_emit (self, signals[RECONNECTED], 0);
      return;
    }
  g_debug ("Still away: %s", error->message);
  self->delay_s = MIN (self->delay_s * 2, MAX_DELAY_S);
  schedule_retry (self);
}

static gboolean
on_retry_timeout_cb (gpointer data)
{
  AmparoServerBanner *self = data;

  self->retry_source = 0;
  try_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (AmparoServerBanner *self)
{
  if (self->retry_source == 0)
    self->retry_source = g_timeout_add_seconds (self->delay_s, on_retry_timeout_cb, self);
}

static void
on_retry_clicked_cb (AmparoServerBanner *self)
{
  try_now (self);
}

/**
 * amparo_server_banner_handle_error:
 * @error: what a save or read of the banner's store failed with
 *
 * Returns: %TRUE if @error was the server away (the banner shows and
 *   retries); %FALSE for any other error, for the caller to show
 */
gboolean
amparo_server_banner_handle_error (AmparoServerBanner *self,
                                   const GError       *error)
{
  g_return_val_if_fail (AMPARO_IS_SERVER_BANNER (self), FALSE);

  if (!g_error_matches (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_UNREACHABLE))
    return FALSE;
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  schedule_retry (self);
  return TRUE;
}

/**
 * amparo_server_banner_handle_error_for:
 * @widget: any widget of a window that holds a banner (an editor's)
 * @error: what its save failed with
 *
 * For the pages' save paths: one call, without knowing the window.
 *
 * Returns: %TRUE if the window's banner took @error (the server away)
 */
/* The window's banner; a dialog's (a record form's) is its parent's. */
static AmparoServerBanner *
find_banner (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  for (; window != NULL; window = gtk_window_get_transient_for (window))
    {
      AmparoServerBanner *banner = g_object_get_data (G_OBJECT (window), "amparo-server-banner");

      if (banner != NULL)
        return banner;
    }
  return NULL;
}

gboolean
amparo_server_banner_handle_error_for (GtkWidget    *widget,
                                       const GError *error)
{
  AmparoServerBanner *banner = find_banner (widget);

  return banner != NULL && amparo_server_banner_handle_error (banner, error);
}

/* banner (#10): one page waiting for the server to save again. */
typedef struct
{
  GWeakRef widget;
  AmparoServerSaveAgain save_again;
  gulong handler;
} SaveAgain;

#define SAVE_AGAIN_KEY "amparo-server-save-again"

static void
save_again_free (gpointer data, GClosure *closure)
{
  SaveAgain *pending = data;

  g_weak_ref_clear (&pending->widget);
  g_free (pending);
}

static void
on_reconnected_save_again_cb (AmparoServerBanner *banner,
                              gpointer            data)
{
  SaveAgain *pending = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&pending->widget);
  AmparoServerSaveAgain save_again = pending->save_again;

  /* Once only; a save that fails again waits for the next reconnection. */
  g_signal_handler_disconnect (banner, pending->handler);
  if (widget == NULL)
    return;
  g_object_set_data (G_OBJECT (widget), SAVE_AGAIN_KEY, NULL);
  save_again (widget);
}

/**
 * amparo_server_banner_save_again_for:
 * @widget: the page or form whose save failed
 * @error: what the save failed with
 * @save_again: saves @widget's typing again
 *
 * For every save path: if @error is the server away, the window's banner
 * shows and, once it reconnects, @save_again runs (once, if @widget is
 * still there) on what is typed then; the page keeps its fields as they
 * are meanwhile. Pressing Save again while waiting waits the same once.
 *
 * Returns: %TRUE if the banner took @error; %FALSE for the caller to show it
 */
gboolean
amparo_server_banner_save_again_for (GtkWidget             *widget,
                                     const GError          *error,
                                     AmparoServerSaveAgain  save_again)
{
  AmparoServerBanner *banner = find_banner (widget);
  SaveAgain *pending;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (save_again != NULL, FALSE);

  if (banner == NULL || !amparo_server_banner_handle_error (banner, error))
    return FALSE;
  if (g_object_get_data (G_OBJECT (widget), SAVE_AGAIN_KEY) != NULL)
    return TRUE;
  pending = g_new0 (SaveAgain, 1);
  g_weak_ref_init (&pending->widget, widget);
  pending->save_again = save_again;
  pending->handler = g_signal_connect_data (banner, "reconnected",
                                            G_CALLBACK (on_reconnected_save_again_cb),
                                            pending, save_again_free, 0);
  g_object_set_data (G_OBJECT (widget), SAVE_AGAIN_KEY, GINT_TO_POINTER (1));
  return TRUE;
}

/**
 * amparo_server_banner_get_shown:
 *
 * Returns: whether the banner says the server is away
 */
gboolean
amparo_server_banner_get_shown (AmparoServerBanner *self)
{
  g_return_val_if_fail (AMPARO_IS_SERVER_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * amparo_server_banner_get_next_delay:
 *
 * Returns: the seconds before the next try (they double up to 30)
 */
guint
amparo_server_banner_get_next_delay (AmparoServerBanner *self)
{
  g_return_val_if_fail (AMPARO_IS_SERVER_BANNER (self), 0);
  return self->delay_s;
}

static void
amparo_server_banner_dispose (GObject *object)
{
  AmparoServerBanner *self = AMPARO_SERVER_BANNER (object);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_SERVER_BANNER);
  G_OBJECT_CLASS (amparo_server_banner_parent_class)->dispose (object);
}

static void
amparo_server_banner_class_init (AmparoServerBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_server_banner_dispose;

  /**
   * AmparoServerBanner::reconnected:
   *
   * The server is back: save again what failed.
   */
  signals[RECONNECTED] = g_signal_new ("reconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-server-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoServerBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, AmparoServerBanner, label);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
amparo_server_banner_init (AmparoServerBanner *self)
{
  self->delay_s = FIRST_DELAY_S;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_server_banner_new:
 * @store: the store whose server the banner watches
 *
 * Returns: (transfer floating): the banner, hidden
 */
GtkWidget *
amparo_server_banner_new (AmparoStore *store)
{
  AmparoServerBanner *self = g_object_new (AMPARO_TYPE_SERVER_BANNER, NULL);

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
