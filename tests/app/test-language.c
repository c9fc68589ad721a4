/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "amparo-language.h"

/* Switching languages while running must reach every kind of lookup:
 * gettext(), and GLib's g_dgettext() family behind C_() and plurals, which
 * would otherwise stay English for good when the app started in English
 * on a machine with only the C.UTF-8 locale. */

static void
test_switch_reaches_every_lookup (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  amparo_language_init ();
  g_assert_cmpstr (amparo_language_get (), ==, "en");
  g_assert_cmpstr (_("Clients"), ==, "Clients");
  g_assert_cmpstr (C_("section", "Demands"), ==, "Demands");

  amparo_language_set ("es");
  g_assert_cmpstr (_("Clients"), ==, "Clientes");
  g_assert_cmpstr (C_("section", "Demands"), ==, "Exigencias");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Agenda"), ==, "Agenda");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Search"), ==, "Buscar");

  amparo_language_set ("en");
  g_assert_cmpstr (C_("section", "Demands"), ==, "Demands");
  g_assert_cmpstr (_("Clients"), ==, "Clients");
}

/* The process as the app starts: English on C.UTF-8, then Spanish. */
static void
test_switch_in_fresh_process (void)
{
  g_autofree char *probe = g_test_build_filename (G_TEST_BUILT, "app", "language-probe", NULL);
  const char *argv[] = { probe, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LANGUAGE", "en", TRUE);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "Clients|Demands|Search\nClientes|Exigencias|Buscar\n");
}

static void
test_desktop_language (void)
{
  g_setenv ("LANGUAGE", "es_MX:es", TRUE);
  g_assert_cmpstr (amparo_language_from_desktop (), ==, "es");
  g_setenv ("LANGUAGE", "fr_FR", TRUE);
  g_setenv ("LANG", "fr_FR.UTF-8", TRUE);
  /* A language Amparo does not speak falls back to English. */
  g_assert_cmpstr (amparo_language_from_desktop (), ==, "en");
  g_assert_false (amparo_language_is_supported ("fr"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/switch-every-lookup", test_switch_reaches_every_lookup);
  g_test_add_func ("/language/switch-fresh-process", test_switch_in_fresh_process);
  g_test_add_func ("/language/desktop", test_desktop_language);

  return g_test_run ();
}
