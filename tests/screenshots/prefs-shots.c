/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: take.sh runs it to picture Preferences → Case Store
 * (choosing the shared server, a refused connection), wide and 600 px.
 *   prefs-shots OUT-FOLDER LANGUAGE */
#include "config.h"

#include <adwaita.h>

#include "amparo-language.h"
#include "amparo-preferences-window.h"
#include "amparo-store-preferences.h"
#include "amparo-test-ui.h"

static void
shoot (const char *out,
       const char *language,
       int         width)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AmparoPreferencesWindow *prefs;
  g_autofree char *file = NULL;

  g_settings_set_string (settings, "server-host", "casos.ejemplo.org");
  g_settings_set_string (settings, "server-user", "ana.ruiz");
  g_settings_set_string (settings, "store-location", "server");
  prefs = amparo_preferences_window_new (NULL, "/home/ana/.local/share/amparo/amparo.db");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "store");
  gtk_window_set_default_size (GTK_WINDOW (prefs), width, 860);
  gtk_window_present (GTK_WINDOW (prefs));
  amparo_test_wait (800);
  amparo_test_wait (3000);
  file = g_strdup_printf ("store-prefs-%s-%s.png", language, width > 700 ? "wide" : "600");
  amparo_test_save_window (GTK_WINDOW (prefs), out, file);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 3 || !amparo_test_init_display (&argc, &argv))
    return 1;
  amparo_language_set (argv[2]);
  shoot (argv[1], argv[2], 900);
  shoot (argv[1], argv[2], 600);
  return 0;
}
