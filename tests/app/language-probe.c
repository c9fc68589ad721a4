/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "amparo-language.h"

/* Starts exactly as src/main.c does — amparo_language_init() before any
 * other GLib call — then switches to Spanish and prints what each kind of
 * lookup returns. test-language runs it in a fresh process, because GLib's
 * once-per-process translation choice cannot be reset inside a test. */
int
main (int   argc,
      char *argv[])
{
  amparo_language_init ();
  g_print ("%s|%s|%s\n", _("Clients"), C_("section", "Demands"),
           g_dgettext (GETTEXT_PACKAGE, "Search"));
  amparo_language_set ("es");
  g_print ("%s|%s|%s\n", _("Clients"), C_("section", "Demands"),
           g_dgettext (GETTEXT_PACKAGE, "Search"));
  return 0;
}
