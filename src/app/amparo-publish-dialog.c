/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-publish-dialog.h"

#include <glib/gi18n.h>

#include "amparo-credentials.h"
#include "amparo-net-error.h"
#include "amparo-window.h"
#include "amparo-wordpress.h"

/* "Publish to Website": refuses with the reason when the release may not go
 * out yet, otherwise says where and how it will appear and asks. A release
 * under embargo is offered to be scheduled for the embargo time; a
 * scheduled one can be pulled back or updated; a withdrawn one can be
 * taken down from the site; a post deleted on the site can be unlinked.
 * While it works, Cancel stops it; src/net records the post only once the
 * site has accepted it, so a failure leaves the release exactly as it was. */

typedef enum
{
  ACTION_PUBLISH,
  ACTION_SCHEDULE,
  ACTION_TAKE_DOWN,
} Action;

typedef struct
{
  Action            action;
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
on_unlink_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Publish          *publish)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "unlink") &&
      !amparo_wordpress_unlink (publish->store, publish->release, &error))
    show_message (publish->parent, _("Could Not Unlink"), error->message);
  else if (g_str_equal (response, "unlink") && AMPARO_IS_WINDOW (publish->parent))
    amparo_window_add_toast (AMPARO_WINDOW (publish->parent),
                             adw_toast_new (_("Unlinked. Publish the release to make a new post.")));
  publish_free (publish);
}

/* The post is gone from the site: forgetting it lets the release be
 * published again as a new post. */
static void
offer_unlink (Publish      *publish,
              const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (publish->parent, _("The Post Is Gone"), NULL));
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlink", _("_Unlink"), NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unlink_response_cb), publish);
  gtk_window_present (GTK_WINDOW (dialog));
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
      g_autofree char *when = amparo_wordpress_format_scheduled (publish->release);
      g_autofree char *escaped = g_markup_escape_text (when != NULL ? when : "", -1);
      g_autofree char *text = NULL;

      if (publish->action == ACTION_TAKE_DOWN)
        text = g_strdup_printf (_("Taken down: %s is now a draft on the website"), url);
      else if (publish->action == ACTION_SCHEDULE && when != NULL)
        text = g_strdup_printf (_("Scheduled for %s at %s"), escaped, url);
      else
        text = g_strdup_printf (_("Published at %s"), url);
      amparo_window_add_toast (AMPARO_WINDOW (publish->parent), adw_toast_new (text));
    }
  else if (g_error_matches (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_POST_GONE))
    {
      offer_unlink (publish, error);
      return;
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
  if (publish->action == ACTION_TAKE_DOWN)
    amparo_wordpress_take_down_async (publish->site, publish->store, publish->release,
                                      publish->cancellable, on_published_cb, publish);
  else
    amparo_wordpress_publish_full_async (publish->site, publish->store, publish->release,
                                         publish->action == ACTION_SCHEDULE ? AMPARO_PUBLISH_SCHEDULE : 0,
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
  else if (g_str_equal (response, "take-down"))
    {
      publish->action = ACTION_TAKE_DOWN;
      start (publish);
    }
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

static char *
describe_schedule (Publish *publish)
{
  const char *title = amparo_release_get_title_en (publish->release);
  const char *site = amparo_wordpress_get_site_url (publish->site);
  g_autofree char *when = amparo_wordpress_format_scheduled (publish->release);
  g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (amparo_release_get_embargo_until (publish->release), NULL);
  g_autofree char *embargo = until != NULL ? g_date_time_format (until, "%Y-%m-%d %H:%M %:z") : g_strdup ("");

  if (when != NULL)
    return g_strdup_printf (_("“%s” is scheduled to appear on %s on %s. Pull it back to stop it, or "
                              "update it with this version, still for the embargo time."),
                            title, site, when);
  return g_strdup_printf (_("“%s” is under embargo until %s. It can go to %s now as a scheduled post, "
                            "which WordPress publishes at the embargo time."), title, embargo, site);
}

static GtkWindow *
ask (Publish *publish)
{
  g_autofree char *body = NULL;
  g_autofree char *when = amparo_wordpress_format_scheduled (publish->release);
  AdwMessageDialog *dialog;
  const char *heading = _("Publish to Website?");
  const char *verb = _("_Publish");

  if (publish->action == ACTION_SCHEDULE)
    {
      body = describe_schedule (publish);
      heading = when != NULL ? _("Scheduled on the Website") : _("Schedule for the Embargo?");
      verb = when != NULL ? _("_Update") : _("_Schedule");
    }
  else if (publish->action == ACTION_TAKE_DOWN)
    {
      body = g_strdup_printf (_("“%s” was withdrawn, but its post is still on %s. Take it down? "
                                "The post becomes a draft there and can be deleted in WordPress."),
                              amparo_release_get_title_en (publish->release),
                              amparo_wordpress_get_site_url (publish->site));
      heading = _("Take Down from the Website?");
      verb = _("_Take Down");
    }
  else
    body = describe (publish);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (publish->parent, heading, NULL));
  /* The title is the user's text: set as plain body, never as markup. */
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (publish->action == ACTION_SCHEDULE && when != NULL)
    {
      adw_message_dialog_add_response (dialog, "take-down", _("Pull _Back"));
      adw_message_dialog_set_response_appearance (dialog, "take-down", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "publish", verb);
  if (publish->action == ACTION_TAKE_DOWN)
    adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_DESTRUCTIVE);
  if (publish->action != ACTION_TAKE_DOWN)
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
  gboolean withdrawn = amparo_release_get_status (release) == AMPARO_RELEASE_STATUS_WITHDRAWN;
  gboolean on_site = amparo_release_get_post_id (release) > 0 &&
                     g_strcmp0 (amparo_release_get_site_status (release), "draft") != 0;
  gboolean scheduled = g_strcmp0 (amparo_release_get_site_status (release), "future") == 0;
  Action action = ACTION_PUBLISH;
  Publish *publish;

  if (withdrawn && on_site)
    action = ACTION_TAKE_DOWN;
  else if (scheduled ||
           (!amparo_wordpress_check_publishable (release, now, NULL) &&
            amparo_wordpress_check_publishable_full (release, AMPARO_PUBLISH_SCHEDULE, now, NULL)))
    action = ACTION_SCHEDULE;
  else if (!amparo_wordpress_check_publishable (release, now, &error))
    return show_message (parent, _("Cannot Publish Yet"), error->message);

  publish = g_new0 (Publish, 1);
  publish->action = action;
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
