/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-language.h"

#include <glib/gi18n.h>
#include <locale.h>

/* gettext chooses the language for the whole process, so switching while
 * running means: set LANGUAGE, make sure LC_MESSAGES is not "C" (gettext
 * ignores LANGUAGE there), and call textdomain() again, which flushes
 * gettext's cache of translations. Widgets then have to be rebuilt by
 * their owners; see AmparoWindow. */

static char current[3] = "en";

static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("AMPARO_LOCALEDIR");

  /* An uninstalled build (make run, the tests) points this at build/po. */
  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* GLib's g_dgettext() (behind the context and plural lookups) decides once per
 * process whether to translate at all, and decides "never" when it first
 * runs after textdomain() on a C.UTF-8 locale with English showing. Asking
 * it once while the default domain is still "messages" makes the answer
 * "always", so a later switch to Spanish reaches those strings too. */
static void
settle_glib_translation_choice (void)
{
  static gsize settled = 0;

  if (g_once_init_enter (&settled))
    {
      if (g_strcmp0 (textdomain (NULL), "messages") == 0)
        (void) g_dgettext (GETTEXT_PACKAGE, "");
      g_once_init_leave (&settled, 1);
    }
}

static void
ensure_messages_locale (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || g_str_equal (messages, "C")
      || g_str_equal (messages, "POSIX"))
    {
      /* C.UTF-8 exists on every Debian machine and, unlike "C", lets
       * gettext follow LANGUAGE. */
      if (setlocale (LC_ALL, "C.UTF-8") == NULL)
        setlocale (LC_MESSAGES, "C.UTF-8");
    }
}

/**
 * amparo_language_is_supported:
 * @code: (nullable): a language code
 *
 * Returns: whether @code is one the interface is translated into
 */
gboolean
amparo_language_is_supported (const char *code)
{
  return g_strcmp0 (code, "en") == 0 || g_strcmp0 (code, "es") == 0;
}

/**
 * amparo_language_from_desktop:
 *
 * Returns: "es" when the desktop's preferred language is Spanish (in any
 *   variant), else "en"
 */
const char *
amparo_language_from_desktop (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "es"))
        return "es";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }
  return "en";
}

/**
 * amparo_language_init:
 *
 * Sets up the locale and the text domain once at start-up, following the
 * desktop's language. Call amparo_language_set() after it for a language
 * the user chose.
 */
void
amparo_language_init (void)
{
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  settle_glib_translation_choice ();
  textdomain (GETTEXT_PACKAGE);

  amparo_language_set (amparo_language_from_desktop ());
}

/**
 * amparo_language_get:
 *
 * Returns: the interface language now in force, "en" or "es"
 */
const char *
amparo_language_get (void)
{
  return current;
}

/**
 * amparo_language_set:
 * @code: "en" or "es"
 *
 * Switches gettext to @code for every string looked up from now on.
 * Existing widgets keep their text until rebuilt.
 */
void
amparo_language_set (const char *code)
{
  g_return_if_fail (amparo_language_is_supported (code));

  g_strlcpy (current, code, sizeof current);
  g_setenv ("LANGUAGE", code, TRUE);
  ensure_messages_locale ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  settle_glib_translation_choice ();
  textdomain (GETTEXT_PACKAGE);
}
