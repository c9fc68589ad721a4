/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target (documents, #18): whatever bytes a client's document
 * holds go through the thumbnailer, as the Documents panel does in its
 * worker thread. Any input must end in a picture no larger than asked,
 * or in a sentence saying why there is none, never a crash. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "amparo-thumbnailer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define SIZE 96

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = amparo_thumbnail_render (bytes, SIZE, &error);

  if (pixbuf == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_null (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >=, 1);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), <=, SIZE);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), >=, 1);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), <=, SIZE);
  return 0;
}
