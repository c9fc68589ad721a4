/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "amparo-application.h"
#include "amparo-sample-data.h"
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
  amparo_test_until (g_strcmp0 (amparo_window_state_get_search_text (state), "Núñez") == 0);
  g_assert_cmpstr (amparo_window_state_get_search_text (state), ==, "Núñez");

  show_section (window, "demands");
  g_assert_cmpstr (amparo_window_state_get_search_text (state), ==, "");
  entry = amparo_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_window_destroy (window);
}

/* The visible section's leaflet (the other sections are not laid out). */
static AdwLeaflet *
visible_leaflet (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (ADW_IS_LEAFLET (widget))
    return ADW_LEAFLET (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwLeaflet *found = visible_leaflet (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
resize (GtkWindow *window,
        int        width)
{
  /* Resizing, GTK 4.8 warns that it allocates the header's view switcher
   * a negative height (every section, with or without the shared
   * layout): not fatal while the window changes size. */
  GLogLevelFlags old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  gtk_window_set_default_size (window, width, 760);
  /* The window's own width leaves out its frame (a few pixels). */
  for (guint i = 0; i < 30 && ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 20; i++)
    amparo_test_wait (100);
  amparo_test_wait (200);
  g_log_set_always_fatal (old_fatal);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 20);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list's button that makes a new record (action section.new). */
static GtkWidget *
find_new_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                                           "section.new") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_new_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header shows the button once the fold is laid out. */
static void
wait_for_visible (GtkWidget *widget,
                  gboolean   visible)
{
  for (guint i = 0; i < 50 && gtk_widget_get_visible (widget) != visible; i++)
    amparo_test_wait (50);
  amparo_test_until ((gtk_widget_get_visible (widget)) == (visible));
  g_assert_cmpint (gtk_widget_get_visible (widget), ==, visible);
}

/* Folded on the detail, the header bar's back button (not a bar of the
 * section's own) shows and goes back to the list. */
static void
check_back_in_header (GtkWindow  *window,
                      AdwLeaflet *leaflet)
{
  GtkWidget *back = find_named (GTK_WIDGET (window), "header-back-button");

  g_assert_nonnull (back);
  g_assert_true (ADW_IS_HEADER_BAR (gtk_widget_get_ancestor (back, ADW_TYPE_HEADER_BAR)));
  adw_leaflet_set_visible_child_name (leaflet, "list");
  wait_for_visible (back, FALSE);
  adw_leaflet_set_visible_child_name (leaflet, "detail");
  wait_for_visible (back, TRUE);
  g_signal_emit_by_name (back, "clicked");
  wait_for_visible (back, FALSE);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
}

/* Every list-detail section folds at 600 px and not when wide, through the
 * one shared layout, and its list is as wide in Spanish as in English,
 * its "+" the same plain button, its back button in the header bar. */
static void
on_activate_check_fold_cb (GApplication *app,
                           gpointer      user_data)
{
  const char *sections[] = { "clients", "demands", "press" };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Sizes are read when settled, not halfway through a fold animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  amparo_test_wait (300);
  for (guint l = 0; l < 2; l++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "language",
                                      g_variant_new_string (l == 0 ? "en" : "es"));
      amparo_test_wait (300);
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          AdwLeaflet *leaflet;
          GtkWidget *list;

          show_section (window, sections[i]);
          resize (window, 1200);
          leaflet = visible_leaflet (GTK_WIDGET (window));
          g_assert_nonnull (leaflet);
          g_assert_false (adw_leaflet_get_folded (leaflet));
          list = adw_leaflet_get_child_by_name (leaflet, "list");
          g_test_message ("%s wide, %s: list %d px", sections[i], l == 0 ? "en" : "es",
                          gtk_widget_get_width (list));
          g_assert_cmpint (gtk_widget_get_width (list), ==, 320);
          g_assert_nonnull (find_new_button (list));
          g_assert_false (gtk_widget_has_css_class (find_new_button (list), "suggested-action"));
          wait_for_visible (find_named (GTK_WIDGET (window), "header-back-button"), FALSE);

          resize (window, 600);
          leaflet = visible_leaflet (GTK_WIDGET (window));
          g_test_message ("%s at 600 px, %s", sections[i], l == 0 ? "en" : "es");
          g_assert_true (adw_leaflet_get_folded (leaflet));
          check_back_in_header (window, leaflet);
          resize (window, 1200);
        }
    }
  gtk_window_destroy (window);
}

/* The badges of the client list read whole in Spanish, wide and at
 * 600 px: "Menor no acompañado", not "Menor no acompañ…" (#13). */
static void
check_badges (GtkWidget *widget,
              guint     *seen)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "badge"))
    {
      g_test_message ("badge “%s”%s", gtk_label_get_text (GTK_LABEL (widget)),
                      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) ? " cut" : "");
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
      (*seen)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_badges (child, seen);
}

static void
on_activate_check_badges_cb (GApplication *app,
                             gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  const int widths[] = { 1200, 600 };

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  amparo_test_wait (300);
  show_section (window, "clients");
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      guint seen = 0;

      resize (window, widths[w]);
      check_badges (GTK_WIDGET (window), &seen);
      g_assert_cmpuint (seen, >, 0);
    }
  gtk_window_destroy (window);
}

static void
test_badges_whole (void)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "amparo.db");
  g_autoptr(GError) error = NULL;
  char *argv[] = { "amparo", "--language=es", db_arg, NULL };

  amparo_sample_data_load (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_unsetenv ("LANGUAGE");
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_check_badges_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  amparo_test_remove_dir (dir);
}

static void
test_fold_alike (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);

  g_unsetenv ("LANGUAGE");
  amparo_test_run_app (db, "en", G_CALLBACK (on_activate_check_fold_cb), NULL);
  amparo_test_remove_dir (dir);
}

static void
test_search_per_section (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);

  g_unsetenv ("LANGUAGE");
  amparo_test_run_app (db, "en", G_CALLBACK (on_activate_check_search_cb), NULL);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/sections/search-per-section", test_search_per_section);
  g_test_add_func ("/ui/sections/fold-alike", test_fold_alike);
  g_test_add_func ("/ui/sections/badges-whole", test_badges_whole);
  return g_test_run ();
}
