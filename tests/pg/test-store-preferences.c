/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "amparo-application.h"
#include "amparo-credentials.h"
#include "amparo-preferences-window.h"
#include "amparo-store-preferences.h"
#include "amparo-test-ui.h"
#include "amparo-test-wait.h"
#include "amparo-window.h"

/* Preferences → Case Store (#10) against a real PostgreSQL whose account
 * needs a password (with-pg-server.sh makes members of `password_login`
 * authenticate with SCRAM), with a private keyring (run-with-keyring.sh):
 * a wrong password changes nothing; the right one switches the desk to
 * the shared store, keeps the password in the keyring and nowhere else,
 * and the next start opens the server again without asking. */

#define ACCOUNT "desk_ana"
#define PASSWORD "clave-Ana-2026"
#define DATABASE "amparo_prefs"

static char *port;

static void
run_sql (const char *sql)
{
  g_autofree char *command = g_strdup_printf ("psql -q -h 127.0.0.1 -p %s -U postgres -d postgres "
                                              "-v ON_ERROR_STOP=1 -c \"%s\"", port, sql);
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
}

static AmparoWindow *
wait_for_window (GApplication *app,
                 gboolean      on_server)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (g_get_monotonic_time () < until)
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
        if (AMPARO_IS_WINDOW (l->data) && gtk_widget_get_mapped (l->data) &&
            g_str_has_prefix (amparo_application_get_database_path (AMPARO_APPLICATION (app)),
                              "postgresql://") == on_server)
          return l->data;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_not_reached ();
}

static AmparoStorePreferences *
open_store_page (GApplication *app,
                 GtkWindow   **prefs)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  amparo_test_wait (300);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (AMPARO_IS_PREFERENCES_WINDOW (l->data))
      {
        *prefs = l->data;
        return AMPARO_STORE_PREFERENCES (amparo_test_find_widget (l->data, AMPARO_TYPE_STORE_PREFERENCES));
      }
  g_assert_not_reached ();
}

static void
type_into (GtkWidget  *page,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (amparo_test_find_row (page, title)), text);
}

static const char *
connect_and_wait (AmparoStorePreferences *page)
{
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  gtk_widget_activate_action (GTK_WIDGET (page), "store.connect", NULL);
  while (g_strcmp0 (amparo_store_preferences_get_status (page), "Connecting…") == 0 &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  amparo_test_wait (200);
  return amparo_store_preferences_get_status (page);
}

static void
assert_password_only_in_keyring (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *uri = amparo_store_server_uri_from_settings (settings);
  g_autofree char *kept = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, PASSWORD));
    }
  g_assert_null (strstr (uri, PASSWORD));
  amparo_credentials_lookup_async (uri, ACCOUNT, NULL, amparo_test_async_cb, &result);
  kept = amparo_credentials_lookup_finish (amparo_test_async_wait (&result), NULL);
  g_assert_cmpstr (kept, ==, PASSWORD);
}

static void
on_first_start_cb (GApplication *app)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *prefs = NULL;
  AmparoStorePreferences *page;
  const char *status;

  wait_for_window (app, FALSE);
  page = open_store_page (app, &prefs);
  adw_action_row_activate (ADW_ACTION_ROW (amparo_test_find_row (GTK_WIDGET (page), "_Shared Server")));
  g_assert_true (gtk_widget_get_sensitive (amparo_test_find_row (GTK_WIDGET (page), "Server address")));
  type_into (GTK_WIDGET (page), "Server address", "127.0.0.1");
  type_into (GTK_WIDGET (page), "Port", port);
  type_into (GTK_WIDGET (page), "Database", DATABASE);
  type_into (GTK_WIDGET (page), "Your account", ACCOUNT);
  g_settings_set_string (settings, "server-tls", "disable");

  /* A wrong password: said plainly, nothing kept, the desk unchanged. */
  type_into (GTK_WIDGET (page), "Password", "not-the-password");
  status = connect_and_wait (page);
  if (strstr (status, "password authentication failed") == NULL)
    g_error ("status: %s", status);
  g_assert_cmpstr (g_settings_get_string (settings, "store-location"), ==, "this-computer");
  g_assert_false (g_str_has_prefix (amparo_application_get_database_path (AMPARO_APPLICATION (app)),
                                    "postgresql://"));

  type_into (GTK_WIDGET (page), "Password", PASSWORD);
  status = connect_and_wait (page);
  g_assert_nonnull (strstr (status, "This desk now works on the shared store"));
  wait_for_window (app, TRUE);
  g_assert_cmpstr (g_settings_get_string (settings, "store-location"), ==, "server");
  assert_password_only_in_keyring (settings);
  amparo_test_wait (500);  /* the keyring write */
  gtk_window_destroy (prefs);
  g_application_quit (app);
}

static void
on_second_start_cb (GApplication *app)
{
  /* The password comes from the keyring; no question asked. */
  AmparoWindow *window = wait_for_window (app, TRUE);
  g_autofree char *expected = g_strdup_printf ("postgresql://" ACCOUNT "@127.0.0.1:%s/" DATABASE, port);

  g_assert_nonnull (window);
  g_assert_true (g_str_has_prefix (amparo_application_get_database_path (AMPARO_APPLICATION (app)),
                                   expected));
  g_application_quit (app);
}

static void
run_app (GCallback on_start)
{
  g_autoptr(AmparoApplication) app = amparo_application_new ();
  char *argv[] = { "amparo", "--language=en", NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", on_start, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
}

static void
test_connect_and_restart (void)
{
  run_sql ("CREATE ROLE " ACCOUNT " LOGIN PASSWORD '" PASSWORD "' IN ROLE password_login");
  run_sql ("CREATE DATABASE " DATABASE " OWNER " ACCOUNT);
  run_app (G_CALLBACK (on_first_start_cb));
  run_app (G_CALLBACK (on_second_start_cb));
}

/* Off this computer, the connection is encrypted and the server checked
 * unless the person chose otherwise; the password is never in the URI. */
static void
test_server_uri (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *uri = NULL;

  g_settings_reset (settings, "server-tls");
  g_settings_set_string (settings, "server-host", "cases.example.org");
  g_settings_set_string (settings, "server-user", "ana maría");
  uri = amparo_store_server_uri_from_settings (settings);
  g_assert_cmpstr (uri, ==, "postgresql://ana%20mar%C3%ADa@cases.example.org:5432/amparo?sslmode=verify-full");
  g_settings_set_string (settings, "server-host", "cases.example.org/evil");
  g_assert_null (amparo_store_server_uri_from_settings (settings));
  g_settings_reset (settings, "server-host");
  g_settings_reset (settings, "server-user");
}

int
main (int   argc,
      char *argv[])
{
  const char *uri = g_getenv ("AMPARO_TEST_PG_URI");

  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  /* On a shared server the Reports section still warns that its figures
   * are not there yet (#10's open item), so warnings are printed, not
   * fatal, in this program; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/store-prefs/server-uri", test_server_uri);
  if (uri != NULL && g_getenv ("AMPARO_IN_PRIVATE_KEYRING") != NULL)
    {
      port = g_strdup (strrchr (uri, ':') + 1);
      *strchr (port, '/') = '\0';
      g_test_add_func ("/store-prefs/connect-and-restart", test_connect_and_restart);
    }
  return g_test_run ();
}
