/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-phonetic.h"

#include <string.h>

/* Spelling-insensitive name comparison for family tracing. Names of the
 * same person are written down by different officials (CBP, ORR, a
 * consulate, an English-speaking volunteer), so "Yoselin", "Joselyn" and
 * "Yocelin", or "Velásquez" and "Velazquez", must meet. The key keeps the
 * sounds of Latin American Spanish and drops what spelling adds. */

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static gboolean
is_front_vowel (char c)
{
  return c == 'e' || c == 'i' || c == 'y';
}

static void
append_sound (GString *key,
              char     sound)
{
  /* Doubled letters ("Rossana", "Jessica") and letters that end up
   * sounding the same side by side ("cc" in "Acción") count once. */
  if (key->len > 0 && key->str[key->len - 1] == sound)
    return;
  g_string_append_c (key, sound);
}

/* Returns how many letters of @word starting at @i it consumed. */
static guint
map_consonant (const char *word,
               guint       i,
               GString    *key)
{
  char c = word[i];
  char next = word[i + 1];
  char after = next != '\0' ? word[i + 2] : '\0';

  switch (c)
    {
    case 'c':
      if (next == 'h')
        {
          append_sound (key, 'c');   /* "ch": its own sound, kept as 'c' */
          return 2;
        }
      append_sound (key, is_front_vowel (next) ? 's' : 'k');
      return 1;
    case 'q':
      append_sound (key, 'k');
      return next == 'u' ? 2 : 1;
    case 'g':
      if (is_front_vowel (next))
        {
          append_sound (key, 'j');
          return 1;
        }
      append_sound (key, 'g');
      /* "gue", "gui": the u only keeps the g hard */
      return next == 'u' && is_front_vowel (after) ? 2 : 1;
    case 'z':
    case 's':
      append_sound (key, 's');
      return 1;
    case 'x':
    case 'j':
      /* Mexican names keep an old x for the j sound: Ximena, Xavier */
      append_sound (key, 'j');
      return 1;
    case 'l':
      if (next == 'l')
        {
          append_sound (key, 'j');   /* yeísmo: ll sounds like y */
          return 2;
        }
      append_sound (key, 'l');
      return 1;
    case 'y':
      /* A consonant y before a vowel is written j in English-influenced
       * spellings (Yoselin/Joselyn, Yesenia/Jesenia); elsewhere it is i. */
      append_sound (key, is_vowel (next) ? 'j' : 'i');
      return 1;
    case 'v':
    case 'w':
    case 'b':
      append_sound (key, 'b');
      return 1;
    case 'p':
      if (next == 'h')
        {
          append_sound (key, 'f');
          return 2;
        }
      append_sound (key, 'p');
      return 1;
    case 'n':
      append_sound (key, next == 'b' || next == 'v' || next == 'p' ? 'm' : 'n');
      return 1;
    case 'h':
      return 1;                      /* silent */
    default:
      append_sound (key, c);
      return 1;
    }
}

/**
 * amparo_phonetic_normalize:
 * @text: (nullable): a name as typed
 *
 * Lower-cases @text, removes accents (ñ becomes n), drops apostrophes
 * ("K'iche'" → "kiche") and turns every other non-alphanumeric character
 * into a single space.
 *
 * Returns: (transfer full): the normalized text, never %NULL
 */
char *
amparo_phonetic_normalize (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_ismark (ch) || ch == '\'' || ch == 0x2019)
        continue;
      if (!g_unichar_isalnum (ch))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (ch));
    }

  return g_string_free (out, FALSE);
}

/**
 * amparo_phonetic_split_words:
 * @text: (nullable): a name as typed
 *
 * Returns: (transfer full): the normalized words of @text, possibly none
 */
char **
amparo_phonetic_split_words (const char *text)
{
  g_autofree char *normalized = amparo_phonetic_normalize (text);

  if (normalized[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (normalized, " ", -1);
}

/**
 * amparo_phonetic_key:
 * @word: (nullable): one name, normalized or not
 *
 * Computes a Spanish-aware phonetic key: b/v, s/z/c(e,i), ll/y,
 * qu/k/c(a,o,u), g(e,i)/j, x/j sound the same; h is silent; accents
 * are ignored and doubled letters collapse. "Núñez" and "Nunes" give
 * "nunes"; "Yoselin", "Joselyn" and "Yocelin" give "joselin".
 *
 * Returns: (transfer full): the key, empty when @word has no letters
 */
char *
amparo_phonetic_key (const char *word)
{
  g_autofree char *normalized = amparo_phonetic_normalize (word);
  GString *key = g_string_sized_new (strlen (normalized));
  guint i = 0;

  while (normalized[i] != '\0')
    {
      char c = normalized[i];

      if (c == ' ' || (guchar) c >= 0x80)
        {
          i++;
          continue;
        }
      if (is_vowel (c) || g_ascii_isdigit (c))
        {
          append_sound (key, c);
          i++;
          continue;
        }
      i += map_consonant (normalized, i, key);
    }

  return g_string_free (key, FALSE);
}

/**
 * amparo_phonetic_edit_distance:
 * @a: a normalized name
 * @b: another normalized name
 *
 * Damerau–Levenshtein distance (optimal string alignment) counted in
 * bytes: insertions, deletions, substitutions and swaps of two
 * neighbouring letters ("Lopze" → "Lopez") each cost one.
 *
 * Returns: the number of edits from @a to @b
 */
guint
amparo_phonetic_edit_distance (const char *a,
                               const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  g_autofree guint *rows = NULL;
  guint *prev2, *prev, *cur;
  guint result;

  if (la == 0)
    return lb;
  if (lb == 0)
    return la;

  rows = g_new (guint, 3 * (lb + 1));
  prev2 = rows;
  prev = rows + lb + 1;
  cur = rows + 2 * (lb + 1);

  for (gsize j = 0; j <= lb; j++)
    prev[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      cur[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);

          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
        }
      {
        guint *spare = prev2;

        prev2 = prev;
        prev = cur;
        cur = spare;
      }
    }

  result = prev[lb];
  return result;
}

/**
 * amparo_phonetic_similarity:
 * @a: a normalized name
 * @b: another normalized name
 *
 * Returns: 1.0 for equal names down to 0.0 for names that share nothing,
 *   from the edit distance relative to the longer name
 */
double
amparo_phonetic_similarity (const char *a,
                            const char *b)
{
  gsize longest = MAX (strlen (a), strlen (b));

  if (longest == 0)
    return 0.0;

  return 1.0 - (double) amparo_phonetic_edit_distance (a, b) / (double) longest;
}
