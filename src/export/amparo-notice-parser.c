/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-notice-parser.h"

#include <stdlib.h>
#include <string.h>

/* Proposes a hearing's date, time, court and A-Number from the text of an
 * immigration court's hearing notice (EOIR style), in English or Spanish.
 * The text is often OCR output, so every line is matched in a cleaned
 * copy: accents folded to ASCII, lower case, and letters OCR confuses
 * with digits (O for 0, l for 1…) turned into digits inside runs that
 * already hold more digits than such letters. Values are proposals only: each keeps the line
 * it came from, as read, for the person who confirms it. */

/* Past these, the rest of a hostile "notice" is not looked at. */
#define MAX_TEXT  (256 * 1024)
#define MAX_LINES 2000
#define MAX_LINE  400

typedef struct
{
  GPtrArray *lines;   /* as read, trimmed */
  GPtrArray *clean;   /* the same, cleaned for matching */
  gboolean   spanish;
  int        hearing_line;  /* where the hearing's date was, or -1 */
} Notice;

static void
finding_clear (AmparoNoticeFinding *finding)
{
  g_clear_pointer (&finding->value, g_free);
  g_clear_pointer (&finding->line, g_free);
}

void
amparo_notice_reading_free (AmparoNoticeReading *reading)
{
  if (reading == NULL)
    return;
  g_free (reading->text);
  finding_clear (&reading->date);
  finding_clear (&reading->time);
  finding_clear (&reading->court);
  finding_clear (&reading->a_number);
  g_free (reading);
}

static char
confusable_digit (char c)
{
  switch (c)
    {
    case 'O': case 'o': case 'Q': case 'D': return '0';
    case 'l': case 'I': case 'i': case '|': case '!': return '1';
    case 'Z': case 'z': return '2';
    case 'S': case 's': return '5';
    case 'B': return '8';
    default: return '\0';
    }
}

static gboolean
in_digit_run (char c)
{
  return g_ascii_isdigit (c) || confusable_digit (c) != '\0' || c == ':' || c == '/' || c == '-';
}

/* "2O26" → "2026", "l0:3O" → "10:30"; "Dec", "Olive", "is" have no real
 * digit and stay. A run is fixed only when it has at least as many real
 * digits as confusable letters and is not part of a word ("1st"). */
static void
fix_digit_runs (char *text)
{
  for (char *p = text; *p != '\0';)
    {
      char *end = p;
      guint digits = 0, letters = 0;

      while (*end != '\0' && in_digit_run (*end))
        {
          digits += g_ascii_isdigit (*end) ? 1 : 0;
          letters += confusable_digit (*end) != '\0' ? 1 : 0;
          end++;
        }
      /* Part of a longer word ("1st", "5th"): leave it as written. */
      if ((p > text && g_ascii_isalpha (p[-1])) || g_ascii_isalpha (*end))
        letters = digits + 1;
      if (digits > 0 && letters > 0 && digits >= letters)
        for (char *q = p; q < end; q++)
          if (confusable_digit (*q) != '\0')
            *q = confusable_digit (*q);
      p = end > p ? end : p + 1;
    }
}

static char *
clean_line (const char *line)
{
  g_autofree char *ascii = g_str_to_ascii (line, "C");

  fix_digit_runs (ascii);
  return g_ascii_strdown (ascii, -1);
}

static void
notice_init (Notice     *notice,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (strlen (text), MAX_TEXT));
  g_auto(GStrv) lines = g_strsplit_set (valid, "\n\r\f\v", -1);

  notice->hearing_line = -1;
  notice->lines = g_ptr_array_new_with_free_func (g_free);
  notice->clean = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL && notice->lines->len < MAX_LINES; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *cut;

      if (*line == '\0')
        continue;
      /* Cut over-long lines on a character boundary. */
      cut = strlen (line) > MAX_LINE ? g_utf8_find_prev_char (line, line + MAX_LINE) : NULL;
      if (cut != NULL)
        *(char *) cut = '\0';
      g_ptr_array_add (notice->lines, g_strdup (line));
      g_ptr_array_add (notice->clean, clean_line (line));
    }
}

static void
notice_clear (Notice *notice)
{
  g_ptr_array_unref (notice->lines);
  g_ptr_array_unref (notice->clean);
}

static const char *
clean_at (Notice *notice,
          guint   i)
{
  return i < notice->clean->len ? g_ptr_array_index (notice->clean, i) : "";
}

static gboolean
has_any (const char         *text,
         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
set_finding (AmparoNoticeFinding *finding,
             char                *value,
             Notice              *notice,
             guint                line)
{
  finding_clear (finding);
  finding->value = value;
  finding->line = g_strdup (g_ptr_array_index (notice->lines, line));
}

/* Language */

static gboolean
reads_as_spanish (Notice *notice)
{
  static const char * const es[] = { "audiencia", "aviso", "su caso", "fecha", "corte", "tribunal",
                                     "numero", " de ", " el ", " las ", NULL };
  static const char * const en[] = { "hearing", "notice", "your case", "date", "court", "judge",
                                     "number", " of ", " the ", " at ", NULL };
  int score = 0;

  for (guint i = 0; i < notice->clean->len; i++)
    for (guint w = 0; es[w] != NULL; w++)
      {
        const char *line = clean_at (notice, i);

        score += strstr (line, es[w]) != NULL ? 1 : 0;
        score -= strstr (line, en[w]) != NULL ? 1 : 0;
      }
  return score > 0;
}

/* Dates */

static int
month_number (const char *word)
{
  static const struct { const char *name; int month; } months[] = {
    { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
    { "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "sept", 9 },
    { "october", 10 }, { "november", 11 }, { "december", 12 },
    { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 },
    { "aug", 8 }, { "sep", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
    { "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 },
    { "junio", 6 }, { "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 }, { "setiembre", 9 },
    { "octubre", 10 }, { "noviembre", 11 }, { "diciembre", 12 },
    { "ene", 1 }, { "abr", 4 }, { "ago", 8 }, { "dic", 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_equal (word, months[i].name))
      return months[i].month;
  return 0;
}

static char *
format_date (int year,
             int month,
             int day)
{
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

typedef enum { ORDER_MDY, ORDER_DMY, ORDER_NUMERIC, ORDER_ISO } DateOrder;

static GRegex *
date_regex (DateOrder order)
{
  static GRegex *regexes[4];
  static const char * const patterns[] = {
    /* Dec 5, 2026 · December 5th 2026 · diciembre 5, 2026 */
    "\\b([a-z]{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b",
    /* 5 de diciembre de 2026 · 5 December 2026 · 5-dic-2026 */
    "\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?:de\\s+)?([a-z]{3,10})\\.?,?[\\s-]+(?:de\\s+|del\\s+)?(\\d{4})\\b",
    /* 12/05/2026 · 05.12.2026 */
    "\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\b",
    /* 2026-12-05 */
    "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b",
  };

  if (g_once_init_enter (&regexes[order]))
    g_once_init_leave (&regexes[order], g_regex_new (patterns[order], G_REGEX_OPTIMIZE, 0, NULL));
  return regexes[order];
}

static char *
date_from_match (GMatchInfo *match,
                 DateOrder   order,
                 gboolean    spanish)
{
  g_autofree char *a = g_match_info_fetch (match, 1);
  g_autofree char *b = g_match_info_fetch (match, 2);
  g_autofree char *c = g_match_info_fetch (match, 3);
  int first, second;

  switch (order)
    {
    case ORDER_MDY:
      return format_date (atoi (c), month_number (a), atoi (b));
    case ORDER_DMY:
      return format_date (atoi (c), month_number (b), atoi (a));
    case ORDER_ISO:
      return format_date (atoi (a), atoi (b), atoi (c));
    case ORDER_NUMERIC:
    default:
      first = atoi (a);
      second = atoi (b);
      /* The US writes month/day, Spanish notices day/month; a number
       * past 12 settles it either way. */
      if (first > 12 || (spanish && second <= 12))
        return format_date (atoi (c), second, first);
      return format_date (atoi (c), first, second);
    }
}

/* The first date in @text, with the byte offset where it ends. */
static char *
find_date (const char *text,
           gboolean    spanish,
           int        *end)
{
  for (DateOrder order = ORDER_MDY; order <= ORDER_ISO; order++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (date_regex (order), text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          char *date = date_from_match (match, order, spanish);

          if (date != NULL)
            {
              g_match_info_fetch_pos (match, 0, NULL, end);
              return date;
            }
        }
    }
  return NULL;
}

/* Times */

static GRegex *
time_regex (gboolean twelve_hour)
{
  static GRegex *regexes[2];
  static const char * const patterns[] = {
    /* 13:00 · 13:00 horas · 13.00 h */
    "(?<![\\d/.-])(\\d{1,2})\\s?[:.]\\s?(\\d{2})(?![\\d/.-]\\d)(?!\\s*[ap]\\.?\\s*m\\b)",
    /* 8:30 AM · 8.30 a. m. · 9 am */
    "(?<![\\d/.-])(\\d{1,2})(?:\\s?[:.]\\s?(\\d{2}))?\\s*([ap])\\.?\\s*m\\b\\.?",
  };

  if (g_once_init_enter (&regexes[twelve_hour]))
    g_once_init_leave (&regexes[twelve_hour],
                               g_regex_new (patterns[twelve_hour], G_REGEX_OPTIMIZE, 0, NULL));
  return regexes[twelve_hour];
}

static char *
time_from_match (GMatchInfo *match,
                 gboolean    twelve_hour)
{
  g_autofree char *h = g_match_info_fetch (match, 1);
  g_autofree char *m = g_match_info_fetch (match, 2);
  g_autofree char *half = twelve_hour ? g_match_info_fetch (match, 3) : NULL;
  int hour = atoi (h), minute = m != NULL && *m != '\0' ? atoi (m) : 0;

  if (twelve_hour)
    {
      if (hour < 1 || hour > 12)
        return NULL;
      hour = hour % 12 + (half[0] == 'p' ? 12 : 0);
    }
  if (hour > 23 || minute > 59)
    return NULL;
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

/* The first time in @text at or after byte @from; 12-hour times first,
 * since a bare "10:30" may be anything. */
static char *
find_time (const char *text,
           int         from)
{
  for (int twelve = 1; twelve >= 0; twelve--)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match_full (time_regex (twelve), text, -1, MAX (from, 0), 0, &match, NULL);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          char *time = time_from_match (match, twelve);

          if (time != NULL)
            return time;
        }
    }
  return NULL;
}

static int
date_score (Notice *notice,
            guint   i,
            int     end)
{
  static const char * const hearing[] = { "schedul", "hearing", "appear", "judge", "audiencia",
                                          "programad", "comparec", "fijad", "citad", "juez", NULL };
  static const char * const other[] = { "date of notice", "notice date", "issued", "mailed", "served",
                                        "birth", "dob", "fecha del aviso", "fecha de emision",
                                        "emitid", "enviad", "nacimiento", "entry", "entrada", NULL };
  g_autofree char *time = find_time (clean_at (notice, i), end);
  int score = 0;

  if (time != NULL)
    score += 4;
  if (has_any (clean_at (notice, i), hearing) || (i > 0 && has_any (clean_at (notice, i - 1), hearing)))
    score += 3;
  if (has_any (clean_at (notice, i), other))
    score -= 5;
  return score;
}

/* The hearing's date is the one in the sentence that schedules it ("on
 * Dec 5, 2026 at 8:30 AM"), not the notice's own date above it. */
static void
propose_date_and_time (Notice              *notice,
                       AmparoNoticeReading *reading)
{
  int best = G_MININT, best_end = 0;
  guint best_line = 0;
  g_autofree char *time = NULL;

  for (guint i = 0; i < notice->clean->len; i++)
    {
      int end = 0, score;
      char *date = find_date (clean_at (notice, i), notice->spanish, &end);

      if (date == NULL)
        continue;
      if ((score = date_score (notice, i, end)) > best)
        {
          best = score;
          best_end = end;
          best_line = i;
          set_finding (&reading->date, date, notice, i);
        }
      else
        g_free (date);
    }
  if (reading->date.value == NULL)
    return;
  notice->hearing_line = best_line;
  /* The time after the date on its line, else on the line after it. */
  if ((time = find_time (clean_at (notice, best_line), best_end)) != NULL)
    set_finding (&reading->time, g_steal_pointer (&time), notice, best_line);
  else if ((time = find_time (clean_at (notice, best_line + 1), 0)) != NULL)
    set_finding (&reading->time, g_steal_pointer (&time), notice, best_line + 1);
}

/* The A-Number */

static GRegex *
a_number_label_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (
      "(?:\\ba\\s*[-.]?\\s*(?:n[uo]?(?:m|rn)(?:b[ec]r|ero)?|no\\b\\.?|#)"
      "|\\balien\\s+(?:registration\\s+)?(?:number|no\\b\\.?|#)"
      "|\\bn[uo]?(?:m|rn)ero\\s+(?:de\\s+)?(?:a\\b|extranjero|registro(?:\\s+de\\s+extranjero)?)"
      "|\\b(?:no|num)\\.?\\s+a\\b)"
      "\\s*[.:#]*\\s*",
      G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* Reads 8 or 9 digits from @p, through dashes, spaces and dots and the
 * letters OCR takes for digits; anything else ends it. */
static char *
read_a_number_digits (const char *p)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (; *p != '\0' && digits->len < 9; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (confusable_digit (*p) != '\0' && digits->len > 0 && (g_ascii_isdigit (p[-1]) || p[-1] == '-')
               && !(g_ascii_isalpha (p[1]) && confusable_digit (p[1]) == '\0'))
        /* Only inside the number: "12345678 is…" keeps its "i". */
        g_string_append_c (digits, confusable_digit (*p));
      else if (*p != '-' && *p != ' ' && *p != '.' && *p != '_' && !(*p == 'a' && digits->len == 0))
        break;
    }
  if (g_ascii_isdigit (*p))
    return NULL;  /* more than nine digits: a phone or a receipt number */
  if (digits->len == 8)
    g_string_prepend_c (digits, '0');
  return digits->len == 9 ? g_string_free (g_steal_pointer (&digits), FALSE) : NULL;
}

static gboolean
propose_a_number_labelled (Notice              *notice,
                           AmparoNoticeReading *reading)
{
  for (guint i = 0; i < notice->clean->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (a_number_label_regex (), clean_at (notice, i), 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          int end = 0;
          char *digits;

          g_match_info_fetch_pos (match, 0, NULL, &end);
          if ((digits = read_a_number_digits (clean_at (notice, i) + end)) != NULL)
            {
              set_finding (&reading->a_number, digits, notice, i);
              return TRUE;
            }
          /* The label at the end of a line, the number under it. */
          if (clean_at (notice, i)[end] == '\0'
              && (digits = read_a_number_digits (clean_at (notice, i + 1))) != NULL)
            {
              set_finding (&reading->a_number, digits, notice, i + 1);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* Without a label: "A 123-456-789", "A#123456789". */
static void
propose_a_number (Notice              *notice,
                  AmparoNoticeReading *reading)
{
  static GRegex *regex;

  if (propose_a_number_labelled (notice, reading))
    return;
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (
      "\\ba\\s?[-#:]?\\s?(\\d{3}[-\\s.]?\\d{3}[-\\s.]?\\d{2,3})(?![\\d-])", G_REGEX_OPTIMIZE, 0, NULL));
  for (guint i = 0; i < notice->clean->len; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, clean_at (notice, i), 0, &match))
        {
          g_autofree char *found = g_match_info_fetch (match, 1);
          char *digits = read_a_number_digits (found);

          if (digits != NULL)
            {
              set_finding (&reading->a_number, digits, notice, i);
              return;
            }
        }
    }
}

/* The court */

static gboolean
looks_like_address (const char *clean)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (
      "^\\d+\\s+\\S|\\b[a-z]{2},?\\s+\\d{5}(?:-\\d{4})?\\b|\\b(?:suite|floor|piso|street|avenue|blvd|calle)\\b",
      G_REGEX_OPTIMIZE, 0, NULL));
  return strlen (clean) < 120 && g_regex_match (regex, clean, 0, NULL);
}

/* "LOS ANGELES IMMIGRATION COURT" → "Los Angeles Immigration Court";
 * a name already in mixed case is kept as written. */
static char *
tidy_name (const char *line)
{
  static const char * const small[] = { "de", "del", "la", "of", "the", "for", "y", "and", NULL };
  g_autofree char *upper = g_utf8_strup (line, -1);
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;

  if (!g_str_equal (upper, line))
    return g_strdup (line);
  lower = g_utf8_strdown (line, -1);
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *rest = NULL;
      gunichar first = g_utf8_get_char_validated (words[i], -1);
      char head[8] = { 0 };

      if (*words[i] == '\0' || first == (gunichar) -1 || first == (gunichar) -2
          || (i > 0 && g_strv_contains (small, words[i])))
        continue;
      g_unichar_to_utf8 (g_unichar_toupper (first), head);
      rest = g_strconcat (head, g_utf8_next_char (words[i]), NULL);
      g_free (words[i]);
      words[i] = g_steal_pointer (&rest);
    }
  return g_strjoinv (" ", words);
}

/* OCR often loses the accent of a capital Ó; the court names we know
 * need it back. Trailing specks ("Court ',") go too. */
static char *
repair_name (char *name)
{
  static const char * const accents[][2] = {
    { "Inmigracion", "Inmigración" }, { "INMIGRACION", "INMIGRACIÓN" },
  };
  char *end;

  for (guint i = 0; i < G_N_ELEMENTS (accents); i++)
    {
      char *at = strstr (name, accents[i][0]);

      if (at != NULL)
        {
          char *fixed = g_strdup_printf ("%.*s%s%s", (int) (at - name), name, accents[i][1],
                                         at + strlen (accents[i][0]));
          g_free (name);
          name = fixed;
        }
    }
  end = name + strlen (name);
  while (end > name && strchr (" '`\",;:-_~|", end[-1]) != NULL)
    *--end = '\0';
  return name;
}

/* @i: the line after which the address may be */
static char *
with_address (Notice     *notice,
              const char *name,
              guint       i)
{
  GString *court = g_string_new (name);

  for (guint a = i; a < MIN (i + 2, notice->lines->len); a++)
    {
      if (!looks_like_address (clean_at (notice, a)))
        break;
      g_string_append_printf (court, "%s%s", court->len > 0 ? ", " : "",
                              (char *) g_ptr_array_index (notice->lines, a));
    }
  return g_string_free (court, FALSE);
}

/* "Court: …", "Dirección de la corte: …" */
static gboolean
propose_court_labelled (Notice              *notice,
                        AmparoNoticeReading *reading)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (
      "^(?:immigration\\s+)?court(?:\\s+address)?\\s*:"
      "|^(?:corte|tribunal)(?:\\s+de\\s+inmigracion)?\\s*:"
      "|^(?:direccion\\s+de\\s+la\\s+corte|direccion\\s+del\\s+tribunal|hearing\\s+location|lugar\\s+de\\s+la\\s+audiencia)\\s*:",
      G_REGEX_OPTIMIZE, 0, NULL));
  for (guint i = 0; i < notice->clean->len; i++)
    {
      const char *line = g_ptr_array_index (notice->lines, i);
      const char *colon = strchr (line, ':');
      g_autofree char *name = NULL;

      if (colon == NULL || !g_regex_match (regex, clean_at (notice, i), 0, NULL))
        continue;
      name = g_strstrip (g_strdup (colon + 1));
      set_finding (&reading->court, *name != '\0' ? with_address (notice, name, i + 1)
                                                 : with_address (notice, "", i + 1), notice, i);
      if (*reading->court.value != '\0')
        return TRUE;
      finding_clear (&reading->court);
    }
  return FALSE;
}

/* "Los Angeles Immigration Court" or "Corte de Inmigración de San
 * Antonio" on a line of its own, its address on the lines under it. */
static void
propose_court (Notice              *notice,
               AmparoNoticeReading *reading)
{
  static const char * const names[] = { "immigration court", "corte de inmigracion",
                                        "tribunal de inmigracion", NULL };
  static const char * const sentence[] = { "schedul", "judge", "programad", "juez", "executive office",
                                           "oficina ejecutiva", " your ", " su ", NULL };
  int fallback = -1;

  if (propose_court_labelled (notice, reading))
    return;
  for (guint i = 0; i < notice->clean->len; i++)
    {
      const char *clean = clean_at (notice, i);
      g_autofree char *name = NULL;

      if (!has_any (clean, names) || has_any (clean, sentence) || strlen (clean) > 80)
        continue;
      /* The bare letterhead "IMMIGRATION COURT" names no city: keep
       * looking for a line that does. */
      if (strlen (clean) <= strlen ("tribunal de inmigracion") && fallback < 0)
        {
          fallback = i;
          continue;
        }
      name = repair_name (tidy_name (g_ptr_array_index (notice->lines, i)));
      set_finding (&reading->court, with_address (notice, name, i + 1), notice, i);
      return;
    }
  if (fallback >= 0)
    {
      g_autofree char *name = repair_name (tidy_name (g_ptr_array_index (notice->lines, fallback)));

      set_finding (&reading->court, with_address (notice, name, fallback + 1), notice, fallback);
    }
}

/* No court named: the address the sentence sends the person to, "… at
 * 8:30 AM at: 606 S OLIVE ST, 15TH FLOOR" and the lines under it. */
static void
propose_court_from_sentence (Notice              *notice,
                             AmparoNoticeReading *reading)
{
  static const char * const cues[] = { " at:", " en:", "following address", "siguiente direccion", NULL };
  guint i;
  const char *line, *colon;
  g_autofree char *after = NULL;
  g_autofree char *court = NULL;

  if (reading->court.value != NULL || notice->hearing_line < 0)
    return;
  i = (guint) notice->hearing_line;
  if (!has_any (clean_at (notice, i), cues))
    return;
  line = g_ptr_array_index (notice->lines, i);
  colon = strrchr (line, ':');
  /* The colon of "8:30" is no cue: take what follows the last "at:". */
  after = colon != NULL && !g_ascii_isdigit (colon[1]) ? g_strstrip (g_strdup (colon + 1)) : g_strdup ("");
  court = with_address (notice, after, i + 1);
  if (*court == '\0' || (!looks_like_address (clean_at (notice, i + 1)) && !looks_like_address (after)))
    return;
  set_finding (&reading->court, g_steal_pointer (&court), notice, *after != '\0' ? i : i + 1);
}

/**
 * amparo_notice_parse_time:
 * @text: a time as a person types it: `8:30 AM`, `13:00`, `1:00 p. m.`
 *
 * Returns: (transfer full) (nullable): `HH:MM`, or %NULL if @text is no time
 */
char *
amparo_notice_parse_time (const char *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return NULL;
  clean = clean_line (text);
  return find_time (clean, 0);
}

/**
 * amparo_notice_parse:
 * @text: the text of a hearing notice, as read (any bytes: it is made
 *   valid UTF-8 first)
 *
 * Returns: (transfer full): what the notice proposes; a value Amparo
 *   could not find is %NULL
 */
AmparoNoticeReading *
amparo_notice_parse (const char *text)
{
  AmparoNoticeReading *reading = g_new0 (AmparoNoticeReading, 1);
  Notice notice;

  notice_init (&notice, text != NULL ? text : "");
  reading->text = g_utf8_make_valid (text != NULL ? text : "", text != NULL ? MIN (strlen (text), MAX_TEXT) : 0);
  reading->spanish = notice.spanish = reads_as_spanish (&notice);
  propose_date_and_time (&notice, reading);
  propose_a_number (&notice, reading);
  propose_court (&notice, reading);
  propose_court_from_sentence (&notice, reading);
  notice_clear (&notice);
  return reading;
}
