/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "amparo-publish-dialog.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-wordpress.h"

/* The Publish to Website dialog offers what fits the release's state on
 * the site: schedule under embargo, pull back or update a scheduled post,
 * take down a withdrawn one. Nothing here reaches the network: every
 * question is answered "cancel". */

typedef struct
{
  char          *dir;
  AmparoStore   *store;
  AmparoRelease *release;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;

  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
  fixture->release = amparo_release_new ();
  amparo_release_set_title_en (fixture->release, "Court approves settlement");
  amparo_release_set_body_en (fixture->release, "The court approved it.");
  amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_APPROVED);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (fixture->release), &error));
  g_settings_set_string (settings, "website-url", "https://news.example.org/");
  g_settings_set_string (settings, "website-user", "comms");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->release);
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static AdwMessageDialog *
present (Fixture *fixture)
{
  return ADW_MESSAGE_DIALOG (amparo_publish_dialog_present (NULL, fixture->store, fixture->release));
}

static void
assert_body (AdwMessageDialog *dialog,
             const char       *words)
{
  const char *body = adw_message_dialog_get_body (dialog);

  if (strstr (body, words) == NULL)
    g_error ("“%s” not in “%s”", words, body);
}

static void
test_embargo_offers_schedule (Fixture       *fixture,
                              gconstpointer  data)
{
  AdwMessageDialog *dialog;

  amparo_release_set_embargo_until (fixture->release, "2030-05-13T10:00:00-07:00");
  dialog = present (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Schedule for the Embargo?");
  assert_body (dialog, "under embargo until 2030-05-13 10:00 -07:00");
  g_assert_true (adw_message_dialog_has_response (dialog, "publish"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "publish"), ==, "_Schedule");
  adw_message_dialog_response (dialog, "cancel");
}

static void
test_scheduled_offers_pull_back (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *status = NULL;

  amparo_release_set_embargo_until (fixture->release, "2030-05-13T10:00:00-07:00");
  amparo_release_set_embargo_timezone (fixture->release, "America/Los_Angeles");
  amparo_release_set_post_id (fixture->release, 7);
  amparo_release_set_post_url (fixture->release, "https://news.example.org/?p=7");
  amparo_release_set_site_status (fixture->release, "future");
  amparo_release_set_scheduled_for (fixture->release, "2030-05-13T17:00:00Z");

  /* The Press page's status line. */
  status = amparo_wordpress_describe_site_status (fixture->release);
  g_assert_cmpstr (status, ==, "Scheduled for 2030-05-13 10:00 (America/Los_Angeles)");

  dialog = present (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Scheduled on the Website");
  assert_body (dialog, "2030-05-13 10:00 (America/Los_Angeles)");
  g_assert_true (adw_message_dialog_has_response (dialog, "take-down"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "publish"), ==, "_Update");
  adw_message_dialog_response (dialog, "cancel");
}

static void
test_withdrawn_offers_take_down (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwMessageDialog *dialog;

  amparo_release_set_status (fixture->release, AMPARO_RELEASE_STATUS_WITHDRAWN);
  amparo_release_set_post_id (fixture->release, 7);
  amparo_release_set_post_url (fixture->release, "https://news.example.org/?p=7");
  amparo_release_set_site_status (fixture->release, "publish");
  dialog = present (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Take Down from the Website?");
  assert_body (dialog, "still on https://news.example.org");
  adw_message_dialog_response (dialog, "cancel");

  /* Once it is a draft there, nothing is left to take down. */
  amparo_release_set_site_status (fixture->release, "draft");
  dialog = present (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Publish Yet");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/web/dialog/embargo-offers-schedule", test_embargo_offers_schedule);
  ADD ("/web/dialog/scheduled-offers-pull-back", test_scheduled_offers_pull_back);
  ADD ("/web/dialog/withdrawn-offers-take-down", test_withdrawn_offers_take_down);

  return g_test_run ();
}
