/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: take.sh runs it to picture the privacy view, the idle lock
 * and the journal window (privacy, #17), in the given staff language, at
 * the given width, on a store with the sample data.
 *   privacy-shots OUT-FOLDER LANGUAGE WIDTH DATABASE */
#include "config.h"

#include <adwaita.h>

#include "amparo-application.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

static const char *out_dir;
static const char *language;
static int width;

static void
wait_for_open_client (AmparoWindow *window)
{
  for (guint i = 0; i < 300; i++)
    {
      amparo_main_view_save_state (amparo_window_get_main_view (window));
      if (amparo_window_state_get_object (amparo_window_get_state (window), "clients:original") != NULL)
        break;
      amparo_test_wait (100);
    }
  amparo_test_wait (1500);
}

static void
save (GtkWindow  *window,
      const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", what, language, width > 700 ? "wide" : "600");

  amparo_test_wait (1200);
  amparo_test_save_window (window, out_dir, name);
}

static void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  AmparoWindow *window = AMPARO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWindow *journal = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 860);
  wait_for_open_client (window);
  /* The staff's page with the header button that turns it to the client. */
  save (GTK_WINDOW (window), "privacy-button");

  g_action_group_activate_action (G_ACTION_GROUP (window), "privacy-view", NULL);
  save (GTK_WINDOW (window), "privacy-view");
  g_signal_emit_by_name (amparo_window_get_privacy_view (window), "leave");
  amparo_test_wait (300);

  g_action_group_activate_action (G_ACTION_GROUP (window), "lock", NULL);
  save (GTK_WINDOW (window), "idle-lock");
  gtk_widget_activate (amparo_test_find_button (GTK_WIDGET (window), "Unlock")
                       ?: amparo_test_find_button (GTK_WIDGET (window), "Desbloquear"));
  amparo_test_wait (300);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-journal", NULL);
  amparo_test_wait (300);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (l->data != (gpointer) window)
      journal = l->data;
  if (journal != NULL)
    {
      gtk_window_set_default_size (journal, width, 760);
      save (journal, "journal");
      gtk_window_destroy (journal);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmparoApplication) app = NULL;
  g_autofree char *db_arg = NULL;
  g_autofree char *language_arg = NULL;

  if (argc < 5 || !amparo_test_init_display (&argc, &argv))
    return 1;
  out_dir = argv[1];
  language = argv[2];
  width = atoi (argv[3]);
  db_arg = g_strdup_printf ("--database=%s", argv[4]);
  language_arg = g_strdup_printf ("--language=%s", language);
  {
    char *app_argv[] = { "amparo", db_arg, language_arg, NULL };

    g_setenv ("AMPARO_OPEN_CLIENT", "Wilmer Tzul", FALSE);
    app = amparo_application_new ();
    g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
    return g_application_run (G_APPLICATION (app), 3, app_argv);
  }
}
