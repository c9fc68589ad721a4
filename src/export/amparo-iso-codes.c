/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-iso-codes.h"

#include <json-glib/json-glib.h>
#include <libintl.h>
#include <string.h>

/* The iso-codes tables, read once. Names are translated with the
 * package's own gettext domains at every call, so a language switch
 * (which flushes gettext's cache) shows them in the new language. */

#define ISO_CODES_DIR "/usr/share/iso-codes/json"
#define ISO_LOCALE_DIR "/usr/share/locale"

typedef struct
{
  const char *file;
  const char *member;
  const char *domain;
  const char *code_key;
  GPtrArray  *codes;   /* owned strings, in file order */
  GHashTable *names;   /* code → English name */
} Table;

static Table tables[] = {
  { "iso_3166-1.json", "3166-1", "iso_3166-1", "alpha_2", NULL, NULL },
  { "iso_639-3.json", "639-3", "iso_639-3", "alpha_3", NULL, NULL },
};

/* Languages: only living individual ones (no macro-languages, extinct
 * or historical entries) are offered; a picker of 7,000 is long enough. */
static gboolean
wanted (AmparoIsoTable  table,
        JsonObject     *entry)
{
  if (table != AMPARO_ISO_LANGUAGES)
    return TRUE;
  return g_strcmp0 (json_object_get_string_member_with_default (entry, "type", ""), "L") == 0
         && g_strcmp0 (json_object_get_string_member_with_default (entry, "scope", ""), "I") == 0;
}

static Table *
load (AmparoIsoTable table)
{
  static gsize loaded[G_N_ELEMENTS (tables)];
  Table *t = &tables[table];

  if (g_once_init_enter (&loaded[table]))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *path = g_build_filename (ISO_CODES_DIR, t->file, NULL);
      g_autoptr(GError) error = NULL;

      t->codes = g_ptr_array_new_with_free_func (g_free);
      t->names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      bindtextdomain (t->domain, ISO_LOCALE_DIR);
      bind_textdomain_codeset (t->domain, "UTF-8");
      if (!json_parser_load_from_file (parser, path, &error))
        g_warning ("Could not read %s (is iso-codes installed?): %s", path, error->message);
      else
        {
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));
          JsonArray *entries = json_object_get_array_member (root, t->member);

          for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
            {
              JsonObject *entry = json_array_get_object_element (entries, i);
              const char *code = json_object_get_string_member_with_default (entry, t->code_key, NULL);
              const char *name = json_object_get_string_member_with_default (entry, "name", NULL);
              char *owned;

              if (code == NULL || name == NULL || !wanted (table, entry))
                continue;
              owned = g_strdup (code);
              g_ptr_array_add (t->codes, owned);
              g_hash_table_insert (t->names, owned, g_strdup (name));
            }
        }
      g_ptr_array_add (t->codes, NULL);
      g_once_init_leave (&loaded[table], 1);
    }
  return t;
}

/**
 * amparo_iso_codes_list:
 *
 * Returns: (transfer none): every code of @table, %NULL-terminated
 */
const char * const *
amparo_iso_codes_list (AmparoIsoTable table)
{
  return (const char * const *) load (table)->codes->pdata;
}

/**
 * amparo_iso_codes_get_name:
 * @code: (nullable): "GT", "quc"…
 *
 * Returns: (transfer none) (nullable): the name in the interface
 *   language ("Guatemala", "Estados Unidos"), or %NULL for no such code
 */
const char *
amparo_iso_codes_get_name (AmparoIsoTable  table,
                           const char     *code)
{
  Table *t = load (table);
  const char *name;

  if (code == NULL || (name = g_hash_table_lookup (t->names, code)) == NULL)
    return NULL;
  return dgettext (t->domain, name);
}

/**
 * amparo_iso_codes_display:
 * @value: (nullable): what the store holds
 *
 * Returns: (transfer full): the name for a code; anything else (text
 *   typed before codes were used) as typed; "" for %NULL
 */
char *
amparo_iso_codes_display (AmparoIsoTable  table,
                          const char     *value)
{
  const char *name = amparo_iso_codes_get_name (table, value);

  return g_strdup (name != NULL ? name : value != NULL ? value : "");
}

/**
 * amparo_iso_codes_find_code:
 * @name: a name in English or in the interface language, any case
 *
 * Returns: (transfer none) (nullable): its code, or %NULL
 */
const char *
amparo_iso_codes_find_code (AmparoIsoTable  table,
                            const char     *name)
{
  Table *t = load (table);
  g_autofree char *wanted_name = NULL;

  if (name == NULL)
    return NULL;
  wanted_name = g_utf8_casefold (name, -1);
  for (guint i = 0; i + 1 < t->codes->len; i++)
    {
      const char *code = t->codes->pdata[i];
      const char *english = g_hash_table_lookup (t->names, code);
      g_autofree char *a = g_utf8_casefold (english, -1);
      g_autofree char *b = g_utf8_casefold (dgettext (t->domain, english), -1);

      if (g_str_equal (a, wanted_name) || g_str_equal (b, wanted_name) || g_ascii_strcasecmp (code, name) == 0)
        return code;
    }
  return NULL;
}
