/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmparoNoticeFinding:
 * @value: what was found, normalized: a date `YYYY-MM-DD`, a time `HH:MM`
 *   (24 h), the court's name and address, or the nine digits of an
 *   A-Number; %NULL when nothing was found
 * @line: the line of the notice's text it was found in, as read, so the
 *   person confirming can see where it came from
 */
typedef struct
{
  char *value;
  char *line;
} AmparoNoticeFinding;

/* How the text of a notice was got. */
typedef enum
{
  AMPARO_NOTICE_METHOD_TEXT_LAYER,
  AMPARO_NOTICE_METHOD_OCR,
} AmparoNoticeMethod;

/**
 * AmparoNoticeReading:
 * @text: the whole text read
 * @method: where the text came from
 * @spanish: whether the notice reads as Spanish
 *
 * What Amparo proposes from a hearing notice. Nothing in it is saved: a
 * person confirms or corrects each value first.
 */
typedef struct
{
  char               *text;
  AmparoNoticeMethod  method;
  gboolean            spanish;
  AmparoNoticeFinding date;
  AmparoNoticeFinding time;
  AmparoNoticeFinding court;
  AmparoNoticeFinding a_number;
} AmparoNoticeReading;

AmparoNoticeReading *amparo_notice_parse        (const char          *text);
void                 amparo_notice_reading_free (AmparoNoticeReading *reading);
char                *amparo_notice_parse_time   (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoNoticeReading, amparo_notice_reading_free)

G_END_DECLS
