/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "amparo-application.h"
#include "amparo-language.h"

/* Whether this process is the binary the build just made (build/src/amparo)
 * rather than an installed copy: compared by the real path of the running
 * executable, so an installed amparo never reads a build directory. */
static gboolean
running_from_build (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *built = realpath (AMPARO_BUILD_EXE, NULL);

  return self != NULL && built != NULL && g_str_equal (self, built);
}

/* A developer runs ./build/src/amparo directly: point it at the build's
 * translations (build/po) and compiled GSettings schema (build/resources),
 * which match this binary, unless the caller already chose others. */
static void
use_build_data_when_uninstalled (void)
{
  if (!running_from_build ())
    return;
  if (g_file_test (AMPARO_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    g_setenv ("AMPARO_LOCALEDIR", AMPARO_BUILD_LOCALEDIR, FALSE);
  if (g_file_test (AMPARO_BUILD_SCHEMADIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    g_setenv ("GSETTINGS_SCHEMA_DIR", AMPARO_BUILD_SCHEMADIR, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmparoApplication) app = NULL;

  use_build_data_when_uninstalled ();

  /* Before anything prints, so --help follows the desktop's language. */
  amparo_language_init ();

  app = amparo_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
