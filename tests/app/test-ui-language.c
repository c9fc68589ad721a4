/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-application.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

/* Starts the real application as `amparo --language=es` would, then checks
 * what a person sees before and after pressing the English button. */

static gboolean
shows_text (GtkWindow  *window,
            const char *text)
{
  return amparo_test_find_text (GTK_WIDGET (window), text, FALSE) >= 0;
}

/* The Keyboard Shortcuts window is not shown; read its entries' titles. */
static gboolean
has_shortcut_titled (GtkWidget  *widget,
                     const char *title)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "title", &text, NULL);
      if (g_strcmp0 (text, title) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_shortcut_titled (child, title))
      return TRUE;
  return FALSE;
}

static void
assert_spanish (GtkWindow *window)
{
  g_assert_true (shows_text (window, "Clientes"));
  g_assert_true (shows_text (window, "Comunicados"));
  g_assert_true (shows_text (window, "Exigencias"));
  g_assert_false (shows_text (window, "Clients"));
  g_assert_false (shows_text (window, "Press Releases"));
}

static void
assert_english (GtkWindow *window)
{
  g_assert_true (shows_text (window, "Clients"));
  g_assert_true (shows_text (window, "Press Releases"));
  g_assert_true (shows_text (window, "Demands"));
  g_assert_false (shows_text (window, "Clientes"));
  g_assert_false (shows_text (window, "Exigencias"));
}

static void
on_activate_check_switch_cb (GApplication *app,
                             gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoWindowState *state = amparo_window_get_state (AMPARO_WINDOW (window));
  g_autoptr(GVariant) language = NULL;
  GtkWidget *english;

  amparo_test_wait (300);
  assert_spanish (window);
  g_assert_true (shows_text (window, "Todavía no hay clientes"));

  /* The section and search text must survive the switch. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section",
                                  g_variant_new_string ("press"));
  amparo_window_state_set_search_text (state, "Núñez");
  amparo_test_wait (300);
  amparo_test_until (shows_text (window, "Todavía no hay comunicados"));
  g_assert_true (shows_text (window, "Todavía no hay comunicados"));

  english = amparo_test_find_button (GTK_WIDGET (window), "English");
  g_assert_nonnull (english);
  gtk_widget_activate (english);
  /* The rebuild runs from the main loop; a loaded machine takes a while. */
  for (guint i = 0; i < 50 && !shows_text (window, "Clients"); i++)
    amparo_test_wait (100);

  assert_english (window);
  g_assert_true (shows_text (window, "No Press Releases Yet"));
  /* The Keyboard Shortcuts window follows the switch too. */
  g_assert_true (has_shortcut_titled (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))),
                                      "Keyboard Shortcuts"));
  g_assert_cmpstr (amparo_window_state_get_section (state), ==, "press");
  g_assert_cmpstr (amparo_window_state_get_search_text (state), ==, "Núñez");

  /* …and back again through the action the Español button uses. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language",
                                  g_variant_new_string ("es"));
  for (guint i = 0; i < 50 && !shows_text (window, "Clientes"); i++)
    amparo_test_wait (100);
  assert_spanish (window);
  g_assert_true (shows_text (window, "Todavía no hay comunicados"));

  language = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");
  g_assert_cmpstr (g_variant_get_string (language, NULL), ==, "es");

  /* About speaks the UI's language, the developers' name included. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  amparo_test_wait (300);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) about = g_list_model_get_item (toplevels, i);
        g_autofree char *developer = NULL;

        if (!ADW_IS_ABOUT_WINDOW (about))
          continue;
        g_object_get (about, "developer-name", &developer, NULL);
        g_assert_cmpstr (developer, ==, "Los desarrolladores de Amparo");
        gtk_window_destroy (GTK_WINDOW (about));
        break;
      }
  }

  gtk_window_destroy (window);
}

static void
test_switch_language (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);

  g_unsetenv ("LANGUAGE");
  amparo_test_run_app (db, "es", G_CALLBACK (on_activate_check_switch_cb), NULL);
  amparo_test_remove_dir (dir);
}

static void
on_activate_check_remembered_cb (GApplication *app,
                                 gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  amparo_test_wait (300);
  /* The choice made in the first run is remembered (GSettings). */
  assert_spanish (window);
  gtk_window_destroy (window);
}

static void
test_choice_remembered (void)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);
  char *argv[] = { "amparo", "--create", db_arg, NULL };

  g_setenv ("LANGUAGE", "en", TRUE);
  g_settings_set_string (settings, "language", "es");
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_check_remembered_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_settings_set_string (settings, "language", "");
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/language/switch", test_switch_language);
  g_test_add_func ("/ui/language/remembered", test_choice_remembered);

  return g_test_run ();
}
