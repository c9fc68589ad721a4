/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-application.h"
#include "amparo-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmparoApplication) app = NULL;

  /* Before anything prints, so --help follows the desktop's language. */
  amparo_language_init ();

  app = amparo_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
