/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-test-ui.h"

#include <adwaita.h>

#include "amparo-application.h"

/* What UI tests look at: the text a person can see, and the widgets they
 * would press, found in the real widget tree. */

/**
 * amparo_test_init_display:
 *
 * Initializes GTest and GTK. Without a display it prints a TAP plan that
 * skips the whole program.
 *
 * Returns: %FALSE when there is no display; main() should return 0
 */
gboolean
amparo_test_init_display (int    *argc,
                          char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

/**
 * amparo_test_iterate:
 *
 * One iteration of the main context; when nothing is ready it sleeps 2 ms
 * instead of spinning, so a waiting test leaves the CPU to the threads
 * (and the other tests) it is waiting for.
 */
void
amparo_test_iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (2000);
}

/**
 * amparo_test_wait:
 * @milliseconds: how long
 *
 * Runs the main loop so widgets map, lay out and draw.
 */
void
amparo_test_wait (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    amparo_test_iterate ();
}

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

/**
 * amparo_test_visible_texts:
 * @root: a window or widget
 *
 * Returns: (transfer full) (element-type utf8): the text of every mapped
 *   label under @root, in reading order
 */
GPtrArray *
amparo_test_visible_texts (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (root, texts);
  return texts;
}

static void
collect_cut (GtkWidget *widget,
             GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut (child, texts);
}

/**
 * amparo_test_cut_texts:
 * @root: a window or widget, laid out
 *
 * newuser (#13): what a person cannot read whole.
 *
 * Returns: (transfer full) (element-type utf8): the text of every mapped
 *   label under @root that is shown ellipsized ("Menor no acompañ…")
 */
GPtrArray *
amparo_test_cut_texts (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_cut (root, texts);
  return texts;
}

/**
 * amparo_test_find_text:
 * @root: a window or widget
 * @text: what to look for
 * @partial: whether a label containing @text counts
 *
 * Returns: the position of the first visible label showing @text, or -1
 */
int
amparo_test_find_text (GtkWidget  *root,
                       const char *text,
                       gboolean    partial)
{
  g_autoptr(GPtrArray) texts = amparo_test_visible_texts (root);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *shown = g_ptr_array_index (texts, i);

      if (partial ? strstr (shown, text) != NULL : g_str_equal (shown, text))
        return i;
    }
  return -1;
}

/**
 * amparo_test_find_widget:
 * @root: a window or widget
 * @type: the type wanted
 *
 * Returns: (transfer none) (nullable): the first widget of @type under
 *   @root, depth first, @root included
 */
GtkWidget *
amparo_test_find_widget (GtkWidget *root,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = amparo_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * amparo_test_find_client_list:
 * @root: a window or widget
 *
 * The Clients section's list: the window's only GtkGridView, one column
 * wide (docs/decisions.md says why it is not a GtkListView). The filter
 * drop-downs hold list views of their own, so "the first list view"
 * would not be it.
 *
 * Returns: (transfer none) (nullable): the list widget
 */
GtkWidget *
amparo_test_find_client_list (GtkWidget *root)
{
  return amparo_test_find_widget (root, GTK_TYPE_GRID_VIEW);
}

/**
 * amparo_test_client_list_model:
 * @root: a window or widget
 *
 * Returns: (transfer none) (nullable): the selection over the client
 * list's rows, as the list shows them
 */
GtkSelectionModel *
amparo_test_client_list_model (GtkWidget *root)
{
  GtkWidget *view = amparo_test_find_client_list (root);

  return view != NULL ? gtk_grid_view_get_model (GTK_GRID_VIEW (view)) : NULL;
}

/**
 * amparo_test_find_button:
 * @root: a window or widget
 * @label: the button's label as shown (mnemonic underscores removed)
 *
 * Returns: (transfer none) (nullable): the first button with that label
 */
GtkWidget *
amparo_test_find_button (GtkWidget  *root,
                         const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autoptr(GString) shown = g_string_new (gtk_button_get_label (GTK_BUTTON (root)));

      g_string_replace (shown, "_", "", 0);
      if (g_str_equal (shown->str, label))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = amparo_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * amparo_test_present_page:
 * @page: a section page, already given its store and state
 *
 * Shows @page alone in a large window with a toast overlay, as the main
 * view would, and lets it draw.
 *
 * Returns: (transfer none): the window; destroy it to end the test
 */
GtkWindow *
amparo_test_present_page (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();

  gtk_window_set_default_size (window, 1200, 1000);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (window, overlay);
  gtk_window_present (window);
  amparo_test_wait (250);
  return window;
}

/**
 * amparo_test_find_mapped:
 * @match: (nullable): what else the widget must be, with @data
 *
 * Returns: (transfer none) (nullable): the first widget of @type under
 *   @root that is on screen (mapped) and matches, depth first: what a
 *   person could see and use
 */
GtkWidget *
amparo_test_find_mapped (GtkWidget       *root,
                         GType            type,
                         AmparoTestMatch  match,
                         gconstpointer    data)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = amparo_test_find_mapped (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * amparo_test_find_row:
 * @title: the row's title as written in the template (mnemonics kept)
 *
 * Returns: (transfer none) (nullable): the first #AdwPreferencesRow
 *   under @root with @title, on screen or not (a page not shown yet)
 */
GtkWidget *
amparo_test_find_row (GtkWidget  *root,
                      const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && amparo_test_row_titled (root, title))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = amparo_test_find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * amparo_test_row_titled:
 *
 * An #AmparoTestMatch: whether the #AdwPreferencesRow @widget has @title.
 */
gboolean
amparo_test_row_titled (GtkWidget     *widget,
                        gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/**
 * amparo_test_save_window:
 * @name: the PNG's file name in @dir
 *
 * Renders @window by GTK itself to a PNG (no screen grab, so nothing
 * else on the display gets in), for the screenshot programs.
 */
void
amparo_test_save_window (GtkWindow  *window,
                         const char *dir,
                         const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  gdk_texture_save_to_png (texture, path);
  g_print ("%s\n", path);
}

/**
 * amparo_test_run_app:
 * @location: the store, a file path or a `postgresql://` address
 * @language: "en" or "es"
 * @on_activate: run after the application's own activate handler
 * @data: for @on_activate
 *
 * Runs the real application on @location (created when missing) in
 * @language, as `amparo --create --database=… --language=…` would, and
 * asserts it exits with 0. @on_activate drives the window and quits.
 */
void
amparo_test_run_app (const char *location,
                     const char *language,
                     GCallback   on_activate,
                     gpointer    data)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", location);
  g_autofree char *language_arg = g_strdup_printf ("--language=%s", language);
  char *argv[] = { "amparo", "--create", db_arg, language_arg, NULL };

  g_signal_connect_after (app, "activate", on_activate, data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 4, argv), ==, 0);
}
