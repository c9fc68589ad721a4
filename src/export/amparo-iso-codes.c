/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-iso-codes.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <locale.h>
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

static void
preload_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    load (i);
  g_task_return_boolean (task, TRUE);
}

/**
 * amparo_iso_codes_preload:
 * @cancellable: (nullable): to say the caller no longer waits
 * @callback: called in the caller's context once both tables are read
 *
 * Reads the tables in a worker thread, so that the first picker or name
 * does not (#14). Reading and parsing the language table (870 kB of
 * JSON) took 80 ms of the main thread while the client page was built,
 * right after the window's first frame. A call made while the worker
 * is still reading waits for it; no table is read twice.
 */
void
amparo_iso_codes_preload (GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, amparo_iso_codes_preload);
  g_task_set_name (task, "amparo_iso_codes_preload");
  g_task_run_in_thread (task, preload_in_thread);
}

/**
 * amparo_iso_codes_preload_finish:
 *
 * Returns: %TRUE once the tables are read, %FALSE with @error set when
 *   @cancellable was cancelled first
 */
gboolean
amparo_iso_codes_preload_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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

/* Names to codes, casefolded: the English names once, the translated
 * ones again whenever the interface language changes. A CSV import asks
 * once per row, from a worker thread, so this is a hash, under a lock. */
typedef struct
{
  GHashTable *english;      /* casefolded English name → code */
  GHashTable *translated;   /* casefolded name in `language` → code */
  char       *language;
} Lookup;

static GMutex lookup_lock;
static Lookup lookups[G_N_ELEMENTS (tables)];

static char *
current_language (void)
{
  return g_strdup_printf ("%s|%s", g_getenv ("LANGUAGE") ?: "", setlocale (LC_MESSAGES, NULL) ?: "");
}

static GHashTable *
build_lookup (Table    *t,
              gboolean  translate)
{
  GHashTable *by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i + 1 < t->codes->len; i++)
    {
      const char *code = t->codes->pdata[i];
      const char *english = g_hash_table_lookup (t->names, code);
      char *key = g_utf8_casefold (translate ? dgettext (t->domain, english) : english, -1);

      /* Two languages can share a name; the first in the file keeps it. */
      if (g_hash_table_contains (by_name, key))
        g_free (key);
      else
        g_hash_table_insert (by_name, key, (gpointer) code);
    }
  return by_name;
}

static const char *
find_by_name (AmparoIsoTable  table,
              Table          *t,
              const char     *folded)
{
  Lookup *lookup = &lookups[table];
  g_autofree char *language = current_language ();
  const char *code;

  g_mutex_lock (&lookup_lock);
  if (lookup->english == NULL)
    lookup->english = build_lookup (t, FALSE);
  if (lookup->translated == NULL || g_strcmp0 (lookup->language, language) != 0)
    {
      g_clear_pointer (&lookup->translated, g_hash_table_unref);
      g_free (lookup->language);
      lookup->language = g_strdup (language);
      lookup->translated = build_lookup (t, TRUE);
    }
  code = g_hash_table_lookup (lookup->english, folded);
  if (code == NULL)
    code = g_hash_table_lookup (lookup->translated, folded);
  g_mutex_unlock (&lookup_lock);
  return code;
}

/**
 * amparo_iso_codes_find_code:
 * @name: a name in English or in the interface language, any case, or
 *   a code ("gt", "QUC")
 *
 * Returns: (transfer none) (nullable): its code, or %NULL
 */
const char *
amparo_iso_codes_find_code (AmparoIsoTable  table,
                            const char     *name)
{
  Table *t = load (table);
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *upper = NULL;
  gpointer code;

  if (name == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (name));
  /* Codes are "US" for countries, "quc" for languages. */
  upper = table == AMPARO_ISO_COUNTRIES ? g_ascii_strup (trimmed, -1) : g_ascii_strdown (trimmed, -1);
  if (g_hash_table_lookup_extended (t->names, upper, &code, NULL))
    return code;
  folded = g_utf8_casefold (trimmed, -1);
  return find_by_name (table, t, folded);
}
