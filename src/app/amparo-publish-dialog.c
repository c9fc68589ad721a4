/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-publish-dialog.h"

#include <glib/gi18n.h>

#include "amparo-credentials.h"
#include "amparo-window.h"
#include "amparo-wordpress.h"

/* "Publish to Website": refuses with the reason when the release may not go
 * out yet, otherwise says where and how it will appear and asks. While it
 * publishes, Cancel stops it; src/net records the post only once the site
 * has accepted it, so a failure leaves the release exactly as it was. */

typedef struct
{
  GtkWindow        *parent;
  AmparoStore      *store;
  AmparoRelease    *release;
  AmparoWordpress  *site;
  AdwMessageDialog *dialog;
  GtkProgressBar   *bar;
  GCancellable     *cancellable;
  guint             pulse_id;
} Publish;

static void
publish_free (Publish *publish)
{
  g_clear_handle_id (&publish->pulse_id, g_source_remove);
  g_clear_object (&publish->parent);
  g_clear_object (&publish->store);
  g_clear_object (&publish->release);
  g_clear_object (&publish->site);
  g_clear_object (&publish->cancellable);
  g_free (publish);
}

static GtkWindow *
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
finish (Publish      *publish,
        const GError *error)
{
  if (publish->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (publish->dialog), (gpointer *) &publish->dialog);
      gtk_window_destroy (GTK_WINDOW (publish->dialog));
    }

  if (error == NULL && AMPARO_IS_WINDOW (publish->parent))
    {
      g_autofree char *url = g_markup_escape_text (amparo_release_get_post_url (publish->release) ?: "", -1);
      g_autofree char *text = g_strdup_printf (_("Published at %s"), url);

      amparo_window_add_toast (AMPARO_WINDOW (publish->parent), adw_toast_new (text));
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                               _("The release was left as it was."));

      show_message (publish->parent, _("Could Not Publish"), body);
    }
  publish_free (publish);
}

static void
on_published_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  amparo_wordpress_publish_finish (AMPARO_WORDPRESS (source), result, &error);
  finish (user_data, error);
}

static void
on_password_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Publish *publish = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = amparo_credentials_lookup_finish (result, &error);

  if (password == NULL && error == NULL)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("No application password is saved for %s. Add it in Preferences → Website."),
                         amparo_wordpress_get_site_url (publish->site));
  if (error != NULL)
    {
      finish (publish, error);
      return;
    }

  amparo_wordpress_set_password (publish->site, password);
  amparo_wordpress_publish_async (publish->site, publish->store, publish->release,
                                  publish->cancellable, on_published_cb, publish);
}

static gboolean
pulse_cb (gpointer user_data)
{
  Publish *publish = user_data;

  if (publish->bar != NULL)
    gtk_progress_bar_pulse (publish->bar);
  return G_SOURCE_CONTINUE;
}

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Publish          *publish)
{
  /* The dialog closes itself; the publication stops and finish() reports
   * nothing for a cancel. */
  g_cancellable_cancel (publish->cancellable);
}

/* A message dialog closes on any response, so progress gets its own. */
static void
start (Publish *publish)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  publish->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (publish->parent, _("Publishing…"),
                                                                amparo_wordpress_get_site_url (publish->site)));
  publish->bar = GTK_PROGRESS_BAR (bar);
  adw_message_dialog_set_extra_child (publish->dialog, bar);
  adw_message_dialog_add_response (publish->dialog, "cancel", _("_Cancel"));
  g_object_add_weak_pointer (G_OBJECT (publish->dialog), (gpointer *) &publish->dialog);
  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &publish->bar);
  g_signal_connect (publish->dialog, "response", G_CALLBACK (on_progress_response_cb), publish);
  gtk_window_present (GTK_WINDOW (publish->dialog));
  publish->pulse_id = g_timeout_add (120, pulse_cb, publish);

  amparo_credentials_lookup_async (amparo_wordpress_get_site_url (publish->site),
                                   amparo_wordpress_get_user_name (publish->site),
                                   publish->cancellable, on_password_cb, publish);
}

static void
on_question_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Publish          *publish)
{
  if (g_str_equal (response, "publish"))
    start (publish);
  else
    publish_free (publish);
}

static char *
describe (Publish *publish)
{
  const char *title = amparo_release_get_title_en (publish->release);
  const char *site = amparo_wordpress_get_site_url (publish->site);
  gboolean two = amparo_wordpress_get_mode (publish->site) == AMPARO_POST_MODE_TWO_POSTS;

  if (amparo_release_get_post_id (publish->release) != 0)
    return g_strdup_printf (_("The post of “%s” already on %s will be updated with this correction."),
                            title, site);
  if (two)
    return g_strdup_printf (_("“%s” will be published on %s as two linked posts, one in English and one in Spanish."),
                            title, site);
  return g_strdup_printf (_("“%s” will be published on %s as one post, with the Spanish version below the English."),
                          title, site);
}

static GtkWindow *
ask (Publish *publish)
{
  g_autofree char *body = describe (publish);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (publish->parent, _("Publish to Website?"), NULL));
  /* The title is the user's text: set as plain body, never as markup. */
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "publish", _("_Publish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "publish");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_question_response_cb), publish);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * amparo_publish_dialog_present:
 * @parent: (nullable): the window to report to
 * @store: the case store
 * @release: the release to publish or correct
 *
 * Returns: (transfer none): the dialog shown — the question, or the reason
 *   why the release cannot be published now
 */
GtkWindow *
amparo_publish_dialog_present (GtkWindow     *parent,
                               AmparoStore   *store,
                               AmparoRelease *release)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  Publish *publish;

  if (!amparo_wordpress_check_publishable (release, now, &error))
    return show_message (parent, _("Cannot Publish Yet"), error->message);

  publish = g_new0 (Publish, 1);
  publish->site = amparo_wordpress_new_from_settings (settings);
  if (*amparo_wordpress_get_site_url (publish->site) == '\0'
      || *amparo_wordpress_get_user_name (publish->site) == '\0')
    {
      publish_free (publish);
      return show_message (parent, _("No Website Set Up"),
                           _("Enter the website address, user name and application password in Preferences → Website first."));
    }

  publish->parent = parent ? g_object_ref (parent) : NULL;
  publish->store = g_object_ref (store);
  publish->release = g_object_ref (release);
  publish->cancellable = g_cancellable_new ();
  return ask (publish);
}
