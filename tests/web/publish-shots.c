/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-language.h"
#include "amparo-publish-dialog.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* Screenshots of the publish dialog's website states (schedule under
 * embargo, scheduled, take down a withdrawn release) for take.sh:
 *   publish-shots OUTDIR LANGUAGE */

static void
shoot (AmparoStore   *store,
       AmparoRelease *release,
       const char    *dir,
       const char    *name)
{
  GtkWindow *dialog = amparo_publish_dialog_present (NULL, store, release);

  amparo_test_wait (600);
  amparo_test_save_window (dialog, dir, name);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoRelease) release = amparo_release_new ();
  g_autofree char *work = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  amparo_language_init ();
  if (argc != 3 || !gtk_init_check ())
    {
      g_printerr ("usage: publish-shots OUTDIR LANGUAGE (with a display)\n");
      return 2;
    }
  adw_init ();
  amparo_language_set (argv[2]);
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "website-url", "https://www.example.org");
  g_settings_set_string (settings, "website-user", "comunicaciones");

  work = amparo_test_make_dir ();
  store = amparo_test_open_store (work, "amparo.db");
  amparo_release_set_title_en (release, "Court Approves Settlement in Ms. L v. ICE");
  amparo_release_set_body_en (release, "The court approved the settlement.");
  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_APPROVED);
  amparo_release_set_embargo_until (release, "2030-05-13T10:00:00-07:00");
  amparo_release_set_embargo_timezone (release, "America/Los_Angeles");
  amparo_store_save (store, AMPARO_RECORD (release), &error);
  g_assert_no_error (error);

  name = g_strdup_printf ("publish-schedule-%s.png", argv[2]);
  shoot (store, release, argv[1], name);

  amparo_release_set_post_id (release, 7);
  amparo_release_set_post_url (release, "https://www.example.org/2030/05/13/court-approves/");
  amparo_release_set_site_status (release, "future");
  amparo_release_set_scheduled_for (release, "2030-05-13T17:00:00Z");
  g_free (name);
  name = g_strdup_printf ("publish-scheduled-%s.png", argv[2]);
  shoot (store, release, argv[1], name);

  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_WITHDRAWN);
  amparo_release_set_site_status (release, "publish");
  g_free (name);
  name = g_strdup_printf ("publish-take-down-%s.png", argv[2]);
  shoot (store, release, argv[1], name);

  g_clear_object (&store);
  amparo_test_remove_dir (work);
  return 0;
}
