/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-csv-reader.h"

#include <glib/gi18n.h>
#include <string.h>

/* The bytes of a spreadsheet saved as CSV, cut into records before any
 * decoding: the delimiters, quotes and line ends are ASCII in both
 * encodings Amparo reads, so the cut does not depend on the guess, and
 * each cell is decoded on its own afterwards. Nothing is dropped on the
 * way: a record that cannot be read is kept with a problem saying why,
 * so every line of the file ends in the import report. */

#define UTF8_BOM "\xEF\xBB\xBF"

static void
record_clear (AmparoCsvRecord *record)
{
  g_clear_pointer (&record->fields, g_strfreev);
  g_clear_pointer (&record->problem, g_free);
}

static char
detect_delimiter (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }
  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas)
    return '\t';
  return ',';
}

static const char *
next_line (const char *p,
           const char *end)
{
  for (; p < end; p++)
    if (*p == '\n' || *p == '\r')
      return (*p == '\r' && p + 1 < end && p[1] == '\n') ? p + 2 : p + 1;
  return end;
}

static void
add_record (GArray    *records,
            GPtrArray *fields,
            guint      line,
            char      *problem)
{
  AmparoCsvRecord record = { NULL, line, problem };

  g_ptr_array_add (fields, NULL);
  record.fields = (char **) g_ptr_array_free (fields, FALSE);
  g_array_append_val (records, record);
}

/* One record from @p: returns where the next one starts. */
static const char *
read_record (const char *p,
             const char *end,
             char        delimiter,
             guint      *line,
             GArray     *records)
{
  GPtrArray *fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *quote_at = NULL;
  guint start_line = *line, quote_line = 0;
  gboolean quoted = FALSE, zero_byte = FALSE;

  for (; p < end; p++)
    {
      if (*p == '\0')
        {
          zero_byte = TRUE;
          continue;
        }
      if (quoted)
        {
          if (*p == '"' && p + 1 < end && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"' && *line > quote_line && p + 1 < end &&
                   p[1] != delimiter && p[1] != '\r' && p[1] != '\n')
            break;  /* a quote spanning lines that "closes" mid-cell: it never closed */
          else if (*p == '"')
            quoted = FALSE;
          else
            {
              if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
                (*line)++;
              g_string_append_c (field, *p);
            }
          continue;
        }
      if (*p == '"' && field->len == 0)
        {
          quoted = TRUE;
          quote_at = p;
          quote_line = *line;
        }
      else if (*p == delimiter)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r' || *p == '\n')
        {
          (*line)++;
          p = next_line (p, end);
          break;
        }
      else
        g_string_append_c (field, *p);
    }

  if (quoted)
    {
      /* The quote never closes: reading on would swallow every row after
       * it into one cell. This record is refused, and reading starts
       * again on the line after the quote, as if it were not there. */
      g_ptr_array_add (fields, g_strdup (""));
      *line = quote_line + 1;
      add_record (records, fields, start_line,
                  g_strdup_printf (_("A quote (\") opened on line %u is never closed, so this row cannot be read. Close the quote or remove it; the rows after it were read as usual."),
                                   quote_line));
      return next_line (quote_at, end);
    }

  g_ptr_array_add (fields, g_strdup (field->str));
  add_record (records, fields, start_line,
              zero_byte ? g_strdup (_("This row holds a zero byte, which is never part of text: the file may be damaged. Check the row in the spreadsheet and save it again.")) : NULL);
  return p;
}

/**
 * amparo_csv_read_records:
 * @data: the file's bytes (need not be nul-terminated; may hold zero bytes)
 * @length: their number
 *
 * Reads RFC 4180 records: quoted fields may hold the delimiter, doubled
 * quotes and line breaks; line ends may be CRLF, LF or CR. The delimiter
 * is the comma, or the semicolon or tab if the first line uses those.
 * Empty lines give a record with one empty field.
 *
 * Returns: (transfer full): a #GArray of #AmparoCsvRecord
 */
GArray *
amparo_csv_read_records (const char *data,
                         gsize       length)
{
  GArray *records = g_array_new (FALSE, TRUE, sizeof (AmparoCsvRecord));
  const char *p = data, *end = data + length;
  guint line = 1;
  char delimiter;

  g_array_set_clear_func (records, (GDestroyNotify) record_clear);
  if (length >= 3 && memcmp (p, UTF8_BOM, 3) == 0)
    p += 3;
  delimiter = detect_delimiter (p, end);
  while (p < end)
    p = read_record (p, end, delimiter, &line, records);
  return records;
}

/**
 * amparo_csv_guess_encoding:
 * @evidence: (out) (optional) (transfer full): what the guess rests on,
 *   a translated sentence to show beside it
 *
 * UTF-8 unless the bytes say otherwise: a byte order mark, or valid UTF-8
 * sequences at least as many as stray bytes, mean UTF-8 (a row with a
 * stray byte is then refused, not re-encoded); stray high bytes with
 * hardly any UTF-8 mean Windows-1252, as Excel on Windows saves.
 *
 * Returns: %AMPARO_CSV_ENCODING_UTF8 or %AMPARO_CSV_ENCODING_WINDOWS_1252
 */
AmparoCsvEncoding
amparo_csv_guess_encoding (const char  *data,
                           gsize        length,
                           char       **evidence)
{
  const char *p = data, *end = data + length;
  guint utf8 = 0, stray = 0;
  AmparoCsvEncoding encoding;

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      if (evidence != NULL)
        *evidence = g_strdup (_("The file starts with the UTF-8 mark."));
      return AMPARO_CSV_ENCODING_UTF8;
    }
  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        stray++, p++;
      else
        utf8++, p = g_utf8_next_char (p);
    }

  encoding = stray > 0 && utf8 < stray ? AMPARO_CSV_ENCODING_WINDOWS_1252 : AMPARO_CSV_ENCODING_UTF8;
  if (evidence == NULL)
    return encoding;
  if (utf8 == 0 && stray == 0)
    *evidence = g_strdup (_("The file holds only unaccented letters, which read the same in every encoding."));
  else if (stray == 0)
    *evidence = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                            "%u accented letter or symbol is valid UTF-8, and no byte is out of place.",
                                            "%u accented letters or symbols are valid UTF-8, and no byte is out of place.", utf8), utf8);
  else if (encoding == AMPARO_CSV_ENCODING_UTF8)
    /* Translators: both %u are counts; rows with such bytes are listed as rejected */
    *evidence = g_strdup_printf (_("%u accented letters are valid UTF-8, but %u bytes are not: rows holding those bytes are rejected rather than guessed."), utf8, stray);
  else if (utf8 == 0)
    *evidence = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                            "%u byte is not UTF-8, and no letter is written in UTF-8: the file looks like Windows-1252, as Excel on Windows saves it. Check the names below.",
                                            "%u bytes are not UTF-8, and no letter is written in UTF-8: the file looks like Windows-1252, as Excel on Windows saves it. Check the names below.", stray), stray);
  else
    *evidence = g_strdup_printf (_("%u bytes are not UTF-8 and only %u letters are: the file looks like Windows-1252, as Excel on Windows saves it. Check the names below."), stray, utf8);
  return encoding;
}

/**
 * amparo_csv_decode:
 * @raw: a cell as read
 *
 * Returns: (transfer full) (nullable): the cell as UTF-8, or %NULL if
 *   its bytes are not text in @encoding
 */
char *
amparo_csv_decode (const char        *raw,
                   AmparoCsvEncoding  encoding)
{
  if (encoding == AMPARO_CSV_ENCODING_WINDOWS_1252)
    return g_convert (raw, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (!g_utf8_validate (raw, -1, NULL))
    return NULL;
  return g_strdup (raw);
}

/**
 * amparo_csv_encoding_name:
 *
 * Returns: (transfer none): "UTF-8" or "Windows-1252"
 */
const char *
amparo_csv_encoding_name (AmparoCsvEncoding encoding)
{
  return encoding == AMPARO_CSV_ENCODING_WINDOWS_1252 ? "Windows-1252" : "UTF-8";
}
