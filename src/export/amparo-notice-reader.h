/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-notice-parser.h"

G_BEGIN_DECLS

#define AMPARO_NOTICE_READER_ERROR (amparo_notice_reader_error_quark ())
GQuark amparo_notice_reader_error_quark (void);

typedef enum
{
  AMPARO_NOTICE_READER_ERROR_UNSUPPORTED,
  AMPARO_NOTICE_READER_ERROR_BROKEN,
  AMPARO_NOTICE_READER_ERROR_NO_OCR,
  AMPARO_NOTICE_READER_ERROR_OCR_FAILED,
  AMPARO_NOTICE_READER_ERROR_TIMED_OUT,
  AMPARO_NOTICE_READER_ERROR_NO_TEXT,
} AmparoNoticeReaderError;

/* How long tesseract may take on one page before it is stopped. */
#define AMPARO_NOTICE_OCR_TIMEOUT_SECONDS 120

gboolean             amparo_notice_reader_can_read (const char          *content_type);
char                *amparo_notice_reader_find_ocr (char               **languages);
char                *amparo_notice_read_text       (GBytes              *document,
                                                    const char          *content_type,
                                                    AmparoNoticeMethod  *method,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void                 amparo_notice_read_async      (GBytes              *document,
                                                    const char          *content_type,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GBytes              *amparo_notice_render_first_page (GBytes         *pdf,
                                                      double          dpi,
                                                      GError        **error);
AmparoNoticeReading *amparo_notice_read_finish     (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
