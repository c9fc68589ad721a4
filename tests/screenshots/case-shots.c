/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "amparo-application.h"
#include "amparo-iso-picker.h"
#include "amparo-reverify-dialog.h"
#include "amparo-sample-data.h"
#include "amparo-search.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

/* Screenshots of the case record's pickers and lists (issue #9), in the
 * real window on the sample data: a client's Languages row, its
 * searchable list open with a few letters typed, and Contacts to
 * Re-verify over the window. The screen is captured as a person sees it
 * (the open list is a popover, a surface of its own), cropped to WIDTH.
 *   case-shots OUTDIR LANGUAGE WIDTH   (under Xvfb, screen WIDTH x 1000) */

static const char *out_dir;
static const char *language;
static int width;

static void
capture (const char *what)
{
  g_autofree char *path = g_strdup_printf ("%s/case-%s-%s-%s.png", out_dir, what, language,
                                           width >= 1000 ? "wide" : "600");
  g_autofree char *command = g_strdup_printf ("import -window root -crop %dx1000+0+0 %s", width, path);

  amparo_test_wait (1500);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_printerr ("could not run import (imagemagick)\n");
  g_print ("%s\n", path);
}

static GtkWidget *
find_titled (GtkWidget  *root,
             const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row in the middle of the page, with the rows around it. */
static void
scroll_to_middle (GtkWidget *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x, y;

  if (scroller == NULL || !gtk_widget_translate_coordinates (row, scroller, 0, 0, &x, &y))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 420);
}

static void
on_activate_cb (GApplication *app,
                AmparoStore  *store)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  const char *title = g_str_equal (language, "es") ? "Idiomas" : "Languages";
  GtkWidget *row = NULL, *entry;
  GtkDropDown *drop_down;
  GtkWindow *dialog;
  gint64 until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (row == NULL && g_get_monotonic_time () < until)
    {
      amparo_test_iterate ();
      row = find_titled (GTK_WIDGET (window), title);
    }
  g_assert_nonnull (row);
  drop_down = amparo_iso_picker_get_drop_down (AMPARO_ISO_PICKER (row));
  amparo_test_wait (2000);
  gtk_widget_grab_focus (GTK_WIDGET (drop_down));
  amparo_test_wait (500);
  scroll_to_middle (row);
  capture ("languages");

  g_signal_emit_by_name (drop_down, "activate");
  amparo_test_wait (500);
  entry = amparo_test_find_widget (GTK_WIDGET (drop_down), GTK_TYPE_SEARCH_ENTRY);
  if (entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), "Q'");
  capture ("language-picker");
  if ((entry = amparo_test_find_widget (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER)) != NULL)
    gtk_popover_popdown (GTK_POPOVER (entry));

  dialog = GTK_WINDOW (amparo_reverify_dialog_new (window, store));
  gtk_window_set_default_size (dialog, MIN (width, 640), 700);
  gtk_window_present (dialog);
  capture ("reverify");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work = NULL;
  g_autofree char *db_arg = NULL;
  g_autofree char *language_arg = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(AmparoPerson) wilmer = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 4)
    {
      g_printerr ("usage: case-shots OUTDIR LANGUAGE WIDTH (under Xvfb)\n");
      return 2;
    }
  out_dir = argv[1];
  language = argv[2];
  width = atoi (argv[3]);
  work = amparo_test_make_dir ();
  store = amparo_test_open_store (work, "sample.db");
  if (!amparo_sample_data_load (store, &error))
    g_error ("%s", error->message);
  /* A language typed before the list existed shows as typed. */
  ids = amparo_search_persons (store, "Wilmer Tzul", 1, NULL, NULL);
  wilmer = amparo_store_get_by_id (store, AMPARO_TYPE_PERSON, g_array_index (ids, gint64, 0), NULL);
  amparo_person_set_languages (wilmer, "quc,spa,Chuj de San Mateo");
  if (!amparo_store_save (store, AMPARO_RECORD (wilmer), &error))
    g_error ("%s", error->message);
  /* And a number nobody has called yet, for the list of contacts to re-verify. */
  {
    g_autoptr(AmparoContact) contact = amparo_contact_new ();

    amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (wilmer)));
    amparo_contact_set_kind (contact, AMPARO_CONTACT_KIND_WHATSAPP);
    amparo_contact_set_value (contact, "+502 4410 2231");
    amparo_contact_set_belongs_to (contact, "Uncle in Totonicapán");
    if (!amparo_store_save (store, AMPARO_RECORD (contact), &error))
      g_error ("%s", error->message);
  }

  settings = g_settings_new ("io.github.amparo.Amparo");
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", 1000);
  g_settings_set_string (settings, "last-section", "clients");
  g_setenv ("AMPARO_OPEN_CLIENT", "Wilmer Tzul", TRUE);
  db_arg = g_strdup_printf ("--database=%s/sample.db", work);
  language_arg = g_strdup_printf ("--language=%s", language);
  app = amparo_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), store);
  {
    char *args[] = { "amparo", db_arg, language_arg, NULL };

    g_application_run (G_APPLICATION (app), 3, args);
  }
  amparo_test_remove_dir (work);
  return 0;
}
