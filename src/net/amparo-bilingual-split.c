/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-bilingual-split.h"

#include <string.h>

/* The organization's bilingual posts come in two shapes:
 * - a notice at the top ("Español abajo", "Spanish below"), then the
 *   English, then the Spanish with no heading at all (seed 003): the
 *   Spanish is found by counting common words in each line;
 * - the English, then a heading ("En español", "Versión en español",
 *   "DECLARACIÓN", "COMUNICADO DE PRENSA", or the Spanish title), then
 *   the Spanish: the heading is the boundary.
 * Works on simple text, one line at a time; blank lines are kept so the
 * paragraphs survive the split. */

typedef enum {
  LANG_UNKNOWN,
  LANG_EN,
  LANG_ES,
} Lang;

typedef enum {
  MARKER_NONE,
  MARKER_NOTICE,      /* "Español abajo": the Spanish comes later */
  MARKER_PHRASE,      /* "En español": a boundary, dropped */
  MARKER_HEADING,     /* "DECLARACIÓN": a boundary, kept in the Spanish */
  MARKER_TITLE,       /* the Spanish title: a boundary, becomes title_es */
} Marker;

static const char * const notice_markers[] = {
  "espanol abajo", "en espanol abajo", "version en espanol abajo",
  "spanish below", "spanish version below", "scroll down for spanish",
  "english and spanish below",
};

static const char * const phrase_markers[] = {
  "en espanol", "version en espanol", "espanol", "spanish",
  "spanish version", "in spanish", "lea en espanol",
};

static const char * const heading_markers[] = {
  "declaracion", "comunicado de prensa", "comunicado",
  "para publicacion inmediata", "para su publicacion inmediata",
};

static const char * const spanish_words[] = {
  "de", "la", "que", "el", "en", "y", "los", "del", "las", "por", "un",
  "una", "para", "con", "se", "su", "al", "lo", "como", "mas", "pero",
  "sus", "le", "ya", "fue", "este", "ha", "porque", "esta", "son",
  "entre", "cuando", "muy", "sin", "sobre", "tambien", "hasta", "hay",
  "donde", "desde", "todo", "nos", "durante", "todos", "les", "ni",
  "contra", "ante", "ellos", "esto", "antes", "estos", "es", "han",
  "ser", "nuestro", "nuestra", "nuestros", "seguir", "personas",
};

static const char * const english_words[] = {
  "the", "and", "of", "to", "is", "that", "for", "on", "with", "as",
  "by", "are", "be", "this", "was", "at", "from", "it", "an", "or",
  "have", "has", "not", "their", "they", "we", "our", "will", "which",
  "who", "all", "been", "were", "its", "these", "those", "would",
  "should", "must", "into", "than", "them", "his", "her", "she", "he",
  "you", "your", "people", "immediately",
};

static gboolean
word_in (const char         *word,
         const char * const *words,
         gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    if (strcmp (word, words[i]) == 0)
      return TRUE;

  return FALSE;
}

#define WORD_IN(word, array) word_in ((word), (array), G_N_ELEMENTS (array))

/* Compiled once: an import splits thousands of posts. GRegex is
 * immutable once made, so threads may share it. */
static GRegex *
cached_regex (GRegex     **slot,
              const char  *pattern)
{
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, g_regex_new (pattern, 0, 0, NULL));

  return *slot;
}

/* Lower case, accents removed, formatting and punctuation at both ends
 * stripped: "**Versión en español:**" → "version en espanol". */
static char *
normalize_line (const char *line)
{
  g_autofree char *folded = g_utf8_casefold (line, -1);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
      else if (*p == ' ' || *p == '\t' || *p == '-' || *p == '/' || *p == '|')
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

static Lang
classify_line (const char *line)
{
  g_autofree char *normal = normalize_line (line);
  g_auto(GStrv) words = g_strsplit (normal, " ", -1);
  guint en = 0, es = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (WORD_IN (words[i], spanish_words))
        es++;
      else if (WORD_IN (words[i], english_words))
        en++;
    }

  if (en + es < 3)
    return LANG_UNKNOWN;

  return es > en ? LANG_ES : en > es ? LANG_EN : LANG_UNKNOWN;
}

static gboolean
is_upper_case (const char *line)
{
  g_autofree char *upper = g_utf8_strup (line, -1);

  return strcmp (upper, line) == 0;
}

static Marker
find_marker (const char *line,
             const char *title_es)
{
  g_autofree char *normal = NULL;

  if (g_utf8_strlen (line, -1) > 200)
    return MARKER_NONE;

  normal = normalize_line (line);
  if (*normal == '\0')
    return MARKER_NONE;
  if (title_es != NULL)
    {
      g_autofree char *title = normalize_line (title_es);
      if (*title != '\0' && strcmp (normal, title) == 0)
        return MARKER_TITLE;
    }
  if (WORD_IN (normal, notice_markers))
    return MARKER_NOTICE;
  if (WORD_IN (normal, phrase_markers))
    return MARKER_PHRASE;
  if (WORD_IN (normal, heading_markers))
    return MARKER_HEADING;

  /* "DECLARACIÓN DE IMMDEF SOBRE…" in capitals is a heading too. */
  for (guint i = 0; i < G_N_ELEMENTS (heading_markers); i++)
    if (g_str_has_prefix (normal, heading_markers[i]) &&
        normal[strlen (heading_markers[i])] == ' ' && is_upper_case (line))
      return MARKER_HEADING;

  return MARKER_NONE;
}

static gboolean
has_content_before (char  **lines,
                    guint   end)
{
  for (guint i = 0; i < end; i++)
    if (classify_line (lines[i]) == LANG_EN)
      return TRUE;

  return FALSE;
}

/* The first line from which Spanish lines outnumber English ones for
 * good, or -1. */
static int
find_spanish_start (char  **lines,
                    guint   from,
                    guint   n_lines)
{
  g_autofree Lang *langs = g_new0 (Lang, n_lines + 1);
  int balance = 0;
  int start = -1;

  for (guint i = from; i < n_lines; i++)
    langs[i] = classify_line (lines[i]);

  /* Walk backwards keeping "Spanish minus English" of the suffix. */
  for (guint i = n_lines; i > from; i--)
    {
      Lang lang = langs[i - 1];

      balance += lang == LANG_ES ? 1 : lang == LANG_EN ? -1 : 0;
      if (lang == LANG_ES && balance > 0)
        start = i - 1;
    }

  return start;
}

static char *
join_lines (char  **lines,
            guint   from,
            guint   to)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static GRegex *blank_runs_slot;
  GRegex *blank_runs = cached_regex (&blank_runs_slot, "\\n{3,}");
  g_autofree char *text = NULL;

  for (guint i = from; i < to; i++)
    {
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }

  text = g_regex_replace_literal (blank_runs, out->str, -1, 0, "\n\n", 0, NULL);
  return g_strstrip (g_steal_pointer (&text));
}

static char *
strip_bold (const char *line)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (line));
  gsize n = strlen (trimmed);

  if (n > 4 && g_str_has_prefix (trimmed, "**") && g_str_has_suffix (trimmed, "**"))
    return g_strndup (trimmed + 2, n - 4);

  return g_steal_pointer (&trimmed);
}

/* The Spanish part often opens with its title: the title already known
 * from the post's title ("English / Español"), or a short single line in
 * bold ("**Título en español**"). Either is taken out of the body. */
static void
take_spanish_title (AmparoBilingualText  *text,
                    char                **lines,
                    guint                *from,
                    guint                 n_lines)
{
  guint i = *from;
  g_autofree char *trimmed = NULL;
  g_autofree char *plain = NULL;

  while (i < n_lines && *lines[i] == '\0')
    i++;
  if (i >= n_lines || (i + 1 < n_lines && *lines[i + 1] != '\0'))
    return;

  trimmed = g_strdup (lines[i]);
  plain = strip_bold (trimmed);
  if (text->title_es != NULL)
    {
      g_autofree char *known = normalize_line (text->title_es);
      g_autofree char *line = normalize_line (plain);

      if (strcmp (known, line) == 0)
        *from = i + 1;
      return;
    }

  if (!g_str_has_prefix (trimmed, "**") || !g_str_has_suffix (trimmed, "**") ||
      g_utf8_strlen (plain, -1) > 160 || find_marker (trimmed, NULL) != MARKER_NONE)
    return;

  *from = i + 1;
  text->title_es = g_steal_pointer (&plain);
}

/* Spanish words too common in names ("Jane de la Cruz") to show that a
 * title part is Spanish on their own, and words of the organization's
 * Spanish headlines that the common-word list lacks. */
static const char * const weak_spanish_words[] = {
  "de", "la", "el", "y", "del", "los", "las", "en", "san", "al",
};

static const char * const headline_spanish_words[] = {
  "corte", "juez", "jueza", "familias", "familia", "ninos", "ninas", "derechos",
  "conozca", "aprueba", "acuerdo", "comunicado", "declaracion", "inmigrantes",
  "bloquea", "exige", "exigimos", "exigen", "politica", "gobierno", "frontera",
  "libertad", "detencion", "justicia", "reunificadas", "reunificados", "nueva",
  "nuevo", "hoy", "llama", "pide", "ley", "asilo", "solicitantes", "expulsiones",
};

static gboolean
has_spanish_letters (const char *text)
{
  static const char * const letters[] = { "á", "é", "í", "ó", "ú", "ñ", "¿", "¡", "Á", "É", "Ó", "Ñ" };

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (strstr (text, letters[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A title part is Spanish only when its words say so: an English
 * subtitle after " – " or " | " ("Court rules – families win",
 * "Statement | ImmDef") is not. */
static gboolean
title_part_is_spanish (const char *part)
{
  g_autofree char *normal = normalize_line (part);
  g_auto(GStrv) words = g_strsplit (normal, " ", -1);
  guint strong = 0, weak = 0, english = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (WORD_IN (words[i], weak_spanish_words))
        weak++;
      else if (WORD_IN (words[i], spanish_words) || WORD_IN (words[i], headline_spanish_words))
        strong++;
      else if (WORD_IN (words[i], english_words))
        english++;
    }

  if (english > 0)
    return strong > 2 * english;
  return strong > 0 || (weak > 0 && has_spanish_letters (part));
}

static void
split_title (const char  *title,
             char       **title_en,
             char       **title_es)
{
  const char *separators[] = { " / ", " | ", " – ", " — ", " - " };

  for (guint i = 0; title != NULL && i < G_N_ELEMENTS (separators); i++)
    {
      const char *at = strstr (title, separators[i]);
      g_autofree char *before = at != NULL ? g_strndup (title, at - title) : NULL;

      if (at != NULL && title_part_is_spanish (at + strlen (separators[i])) &&
          !title_part_is_spanish (before))
        {
          *title_en = g_strstrip (g_strndup (title, at - title));
          *title_es = g_strstrip (g_strdup (at + strlen (separators[i])));
          return;
        }
    }

  *title_en = g_strdup (title != NULL ? title : "");
  *title_es = NULL;
}

static void
split_at_notice (AmparoBilingualText  *text,
                 char                **lines,
                 guint                 notice,
                 guint                 n_lines)
{
  int start = find_spanish_start (lines, notice + 1, n_lines);
  guint es_from;
  g_autofree char *before = NULL;
  g_autofree char *between = NULL;

  if (start < 0)
    return;

  before = join_lines (lines, 0, notice);
  between = join_lines (lines, notice + 1, start);
  text->body_en = *before != '\0' && *between != '\0'
                  ? g_strconcat (before, "\n\n", between, NULL)
                  : g_strconcat (before, between, NULL);

  es_from = start;
  take_spanish_title (text, lines, &es_from, n_lines);
  text->body_es = join_lines (lines, es_from, n_lines);
}

static void
split_at_heading (AmparoBilingualText  *text,
                  char                **lines,
                  guint                 at,
                  Marker                marker,
                  guint                 n_lines)
{
  guint es_from = marker == MARKER_HEADING ? at : at + 1;

  text->body_en = join_lines (lines, 0, at);
  if (marker == MARKER_TITLE)
    {
      g_free (text->title_es);
      text->title_es = strip_bold (lines[at]);
    }
  else if (marker == MARKER_PHRASE || marker == MARKER_NOTICE)
    take_spanish_title (text, lines, &es_from, n_lines);

  text->body_es = join_lines (lines, es_from, n_lines);
}

static void
split_body (AmparoBilingualText  *text,
            char                **lines)
{
  guint n_lines = g_strv_length (lines);

  for (guint i = 0; i < n_lines; i++)
    {
      Marker marker = find_marker (lines[i], text->title_es);

      if (marker == MARKER_NONE)
        continue;
      /* A notice after English text marks where the Spanish starts. */
      if (!has_content_before (lines, i))
        split_at_notice (text, lines, i, n_lines);
      else
        split_at_heading (text, lines, i, marker, n_lines);

      if (text->body_es != NULL && *text->body_es != '\0')
        return;
      g_clear_pointer (&text->body_en, g_free);
      g_clear_pointer (&text->body_es, g_free);
    }
}

/* Demands: "1. …" items counted 1, 2, 3… either one per line or run
 * together in a paragraph ("…sin demora: 1. Rescindir… 2. Declarar…"). */

static char *
clean_demand (const char *text)
{
  static const char * const conjunctions[] = { " and", " or", " y", " e", " o" };
  g_autofree char *item = g_strstrip (g_strdup (text));
  gboolean changed = TRUE;

  while (changed)
    {
      gsize n = strlen (item);

      changed = FALSE;
      if (n > 0 && strchr (",;.", item[n - 1]) != NULL)
        {
          item[n - 1] = '\0';
          changed = TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (conjunctions); i++)
        if (g_str_has_suffix (item, conjunctions[i]))
          {
            item[n - strlen (conjunctions[i])] = '\0';
            changed = TRUE;
            break;
          }
      g_strchomp (item);
    }

  return strip_bold (item);
}

typedef struct
{
  guint line;
  gsize start;      /* the number's first byte */
  gsize text_start; /* the item's first byte */
  guint number;
} NumberMark;

static GArray *
find_number_marks (char **lines)
{
  static GRegex *regex_slot;
  GRegex *regex = cached_regex (&regex_slot, "(?:^|(?<=\\s))(\\d{1,2})\\.\\s+");
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (NumberMark));

  /* Bounded, so a hostile post full of numbers stays fast. */
  for (guint i = 0; lines[i] != NULL && marks->len < 1000; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (regex, lines[i], 0, &match);
      while (g_match_info_matches (match))
        {
          NumberMark mark = { i, 0, 0, 0 };
          g_autofree char *digits = g_match_info_fetch (match, 1);
          int start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          mark.start = start;
          mark.text_start = end;
          mark.number = atoi (digits);
          g_array_append_val (marks, mark);
          g_match_info_next (match, NULL);
        }
    }

  return marks;
}

static gboolean
only_blank_lines_between (char  **lines,
                          guint   from,
                          guint   to)
{
  for (guint i = from + 1; i < to; i++)
    if (*lines[i] != '\0')
      return FALSE;

  return TRUE;
}

/* The mark numbered one more than @current that continues its list: later
 * in the same line, or opening a later line with only blank lines
 * between. Returns its index, or 0 when the list ends there. */
static guint
find_next_mark (char   **lines,
                GArray  *marks,
                guint    current)
{
  const NumberMark *mark = &g_array_index (marks, NumberMark, current);

  for (guint j = current + 1; j < marks->len; j++)
    {
      const NumberMark *next = &g_array_index (marks, NumberMark, j);

      if (next->line != mark->line &&
          !only_blank_lines_between (lines, mark->line, next->line))
        return 0;
      if (next->number != mark->number + 1)
        continue;
      if (next->line == mark->line || next->start == 0)
        return j;
    }

  return 0;
}

static GPtrArray *
collect_sequence (char   **lines,
                  GArray  *marks,
                  guint    first)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  guint current = first;

  while (TRUE)
    {
      const NumberMark *mark = &g_array_index (marks, NumberMark, current);
      guint next = find_next_mark (lines, marks, current);
      const char *line = lines[mark->line];
      const NumberMark *next_mark = next != 0 ? &g_array_index (marks, NumberMark, next) : NULL;
      gsize end = next_mark != NULL && next_mark->line == mark->line
                  ? next_mark->start : strlen (line);
      g_autofree char *raw = g_strndup (line + mark->text_start, end - mark->text_start);

      g_ptr_array_add (items, clean_demand (raw));
      if (next == 0)
        return items;
      current = next;
    }
}

static char **
lines_of (const char *text)
{
  /* GRegex needs valid UTF-8; the text should be, but is not trusted. */
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  char **lines = g_strsplit (valid, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);

  return lines;
}

/**
 * amparo_bilingual_text_free:
 * @text: (transfer full): a split text
 */
void
amparo_bilingual_text_free (AmparoBilingualText *text)
{
  if (text == NULL)
    return;

  g_free (text->title_en);
  g_free (text->body_en);
  g_free (text->title_es);
  g_free (text->body_es);
  g_strfreev (text->demands_en);
  g_strfreev (text->demands_es);
  g_free (text);
}

/**
 * amparo_bilingual_split:
 * @title: (nullable): the post's title, plain text
 * @body: (nullable): the post's body, simple text
 *
 * Splits a post carrying English then Spanish into the two versions, and
 * finds the numbered demands in each. A post with no recognizable
 * Spanish part comes back whole as English, with @body_es %NULL.
 *
 * Returns: (transfer full): the split, never %NULL
 */
AmparoBilingualText *
amparo_bilingual_split (const char *title,
                        const char *body)
{
  AmparoBilingualText *text = g_new0 (AmparoBilingualText, 1);
  g_auto(GStrv) lines = lines_of (body);

  split_title (title, &text->title_en, &text->title_es);
  split_body (text, lines);
  if (text->body_es == NULL)
    {
      g_autofree char *whole = join_lines (lines, 0, g_strv_length (lines));
      text->body_en = g_steal_pointer (&whole);
    }

  text->demands_en = amparo_extract_demands (text->body_en);
  text->demands_es = amparo_extract_demands (text->body_es);
  return text;
}

/**
 * amparo_extract_demands:
 * @body: (nullable): simple text
 *
 * Finds the longest run of numbered items "1. …", "2. …" (at least two),
 * whether each starts its own line or they run together in a paragraph,
 * and returns their texts without the numbers and without the trailing
 * ", and" / ", y" that joins them in a sentence.
 *
 * Returns: (transfer full): a %NULL-terminated array, empty when none
 */
char **
amparo_extract_demands (const char *body)
{
  g_auto(GStrv) lines = lines_of (body);
  g_autoptr(GArray) marks = find_number_marks (lines);
  g_autoptr(GPtrArray) best = NULL;

  for (guint i = 0; i < marks->len; i++)
    {
      g_autoptr(GPtrArray) items = NULL;

      if (g_array_index (marks, NumberMark, i).number != 1)
        continue;
      items = collect_sequence (lines, marks, i);
      if (items->len >= 2 && (best == NULL || items->len > best->len))
        {
          g_clear_pointer (&best, g_ptr_array_unref);
          best = g_steal_pointer (&items);
        }
    }

  if (best == NULL)
    return g_new0 (char *, 1);

  g_ptr_array_set_free_func (best, NULL);
  g_ptr_array_add (best, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&best), FALSE);
}
