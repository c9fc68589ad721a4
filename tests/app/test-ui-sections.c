/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-application.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

/* What the four sections share, in the real application window: a search
 * typed in one section does not stay applied in the next. */

static void
show_section (GtkWindow  *window,
              const char *name)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section",
                                  g_variant_new_string (name));
  amparo_test_wait (300);
}

static void
on_activate_check_search_cb (GApplication *app,
                             gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoWindowState *state = amparo_window_get_state (AMPARO_WINDOW (window));
  GtkWidget *entry;

  amparo_test_wait (300);
  show_section (window, "agenda");
  entry = amparo_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Núñez");
  /* The entry reports a search after its own short delay. */
  for (guint i = 0; i < 50 && g_strcmp0 (amparo_window_state_get_search_text (state), "Núñez") != 0; i++)
    amparo_test_wait (100);
  g_assert_cmpstr (amparo_window_state_get_search_text (state), ==, "Núñez");

  show_section (window, "demands");
  g_assert_cmpstr (amparo_window_state_get_search_text (state), ==, "");
  entry = amparo_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_window_destroy (window);
}

static void
test_search_per_section (void)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);
  char *argv[] = { "amparo", "--language=en", db_arg, NULL };

  g_unsetenv ("LANGUAGE");
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_check_search_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/sections/search-per-section", test_search_per_section);
  return g_test_run ();
}
