/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

/* The real binary, as a person types it. */

static int
run_amparo (const char  *args,
            char       **out,
            char       **err)
{
  g_autofree char *cmdline = g_strdup_printf ("%s %s", g_getenv ("AMPARO_BINARY"), args);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_command_line_sync (cmdline, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_amparo ("--version", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "amparo " PACKAGE_VERSION "\n");
}

static void
test_help_lists_options (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpint (run_amparo ("--help", &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--database=FILE"));
  g_assert_nonnull (strstr (out, "--language=LANGUAGE"));
  g_assert_nonnull (strstr (out, "--version"));
}

static void
test_help_in_spanish (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* The desktop's language decides, even where only C.UTF-8 exists. */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_assert_cmpint (run_amparo ("--help", &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--database=ARCHIVO"));
  g_assert_nonnull (strstr (out, "Mostrar la versión y salir"));
  g_unsetenv ("LANGUAGE");
}

static void
test_unknown_language_refused (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpint (run_amparo ("--language=fr", &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Unknown language “fr”"));
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help_lists_options);
  g_test_add_func ("/cli/help-spanish", test_help_in_spanish);
  g_test_add_func ("/cli/unknown-language", test_unknown_language_refused);

  return g_test_run ();
}
