/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-application.h"
#include "amparo-window.h"

/* Starts the real application as `amparo --language=es` would, then checks
 * what a person sees before and after pressing the English button. */

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
shows_text (GtkWindow  *window,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (GTK_WIDGET (window), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
wait_for_frames (void)
{
  gint64 until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
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

  wait_for_frames ();
  assert_spanish (window);
  g_assert_true (shows_text (window, "Todavía no hay clientes"));

  /* The section and search text must survive the switch. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section",
                                  g_variant_new_string ("press"));
  amparo_window_state_set_search_text (state, "Núñez");
  wait_for_frames ();
  g_assert_true (shows_text (window, "Todavía no hay comunicados"));

  english = find_button (GTK_WIDGET (window), "English");
  g_assert_nonnull (english);
  gtk_widget_activate (english);
  wait_for_frames ();

  assert_english (window);
  g_assert_true (shows_text (window, "No Press Releases Yet"));
  g_assert_cmpstr (amparo_window_state_get_section (state), ==, "press");
  g_assert_cmpstr (amparo_window_state_get_search_text (state), ==, "Núñez");

  /* …and back again through the action the Español button uses. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language",
                                  g_variant_new_string ("es"));
  wait_for_frames ();
  assert_spanish (window);
  g_assert_true (shows_text (window, "Todavía no hay comunicados"));

  language = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");
  g_assert_cmpstr (g_variant_get_string (language, NULL), ==, "es");

  gtk_window_destroy (window);
}

static void
test_switch_language (void)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autofree char *db = g_build_filename (g_get_tmp_dir (), "amparo-test-ui.db", NULL);
  char *argv[] = { "amparo", "--language=es", NULL, NULL };
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);

  argv[2] = db_arg;
  g_unsetenv ("LANGUAGE");
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_check_switch_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
}

static void
on_activate_check_remembered_cb (GApplication *app,
                                 gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  wait_for_frames ();
  /* The choice made in the first run is remembered (GSettings). */
  assert_spanish (window);
  gtk_window_destroy (window);
}

static void
test_choice_remembered (void)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *db = g_build_filename (g_get_tmp_dir (), "amparo-test-ui.db", NULL);
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);
  char *argv[] = { "amparo", db_arg, NULL };

  g_setenv ("LANGUAGE", "en", TRUE);
  g_settings_set_string (settings, "language", "es");
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_check_remembered_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_settings_set_string (settings, "language", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add_func ("/ui/language/switch", test_switch_language);
  g_test_add_func ("/ui/language/remembered", test_choice_remembered);

  return g_test_run ();
}
