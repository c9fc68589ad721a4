/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmparoCsvEncoding:
 * @AMPARO_CSV_ENCODING_AUTO: decide from the file's bytes
 * @AMPARO_CSV_ENCODING_UTF8: UTF-8 (what Amparo writes, LibreOffice, Excel's "CSV UTF-8")
 * @AMPARO_CSV_ENCODING_WINDOWS_1252: Windows-1252 (Excel on Windows' plain "CSV")
 */
typedef enum {
  AMPARO_CSV_ENCODING_AUTO,
  AMPARO_CSV_ENCODING_UTF8,
  AMPARO_CSV_ENCODING_WINDOWS_1252,
} AmparoCsvEncoding;

/**
 * AmparoCsvRecord:
 * @fields: the cells, raw bytes in the file's encoding, %NULL-terminated
 * @line: the line of the file where the record starts (1 for the first)
 * @problem: (nullable): why the record cannot be read (a zero byte, a
 *   quote never closed), as a translated sentence
 */
typedef struct
{
  char  **fields;
  guint   line;
  char   *problem;
} AmparoCsvRecord;

GArray            *amparo_csv_read_records   (const char        *data,
                                              gsize              length);
AmparoCsvEncoding  amparo_csv_guess_encoding (const char        *data,
                                              gsize              length,
                                              char             **evidence);
char              *amparo_csv_decode         (const char        *raw,
                                              AmparoCsvEncoding  encoding);
const char        *amparo_csv_encoding_name  (AmparoCsvEncoding  encoding);

G_END_DECLS
