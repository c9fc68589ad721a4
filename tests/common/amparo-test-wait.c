/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-test-wait.h"

void
amparo_test_async_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Returns: (transfer none): the result, owned by @slot */
GAsyncResult *
amparo_test_async_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

gboolean
amparo_test_wp_publish (AmparoWordpress     *wordpress,
                        AmparoStore         *store,
                        AmparoRelease       *release,
                        AmparoPublishFlags   flags,
                        GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amparo_wordpress_publish_full_async (wordpress, store, release, flags, NULL,
                                       amparo_test_async_cb, &result);
  return amparo_wordpress_publish_finish (wordpress, amparo_test_async_wait (&result), error);
}

gboolean
amparo_test_wp_take_down (AmparoWordpress  *wordpress,
                          AmparoStore      *store,
                          AmparoRelease    *release,
                          GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amparo_wordpress_take_down_async (wordpress, store, release, NULL, amparo_test_async_cb, &result);
  return amparo_wordpress_publish_finish (wordpress, amparo_test_async_wait (&result), error);
}

char *
amparo_test_wp_connection (AmparoWordpress  *wordpress,
                           GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  amparo_wordpress_test_connection_async (wordpress, NULL, amparo_test_async_cb, &result);
  return amparo_wordpress_test_connection_finish (wordpress, amparo_test_async_wait (&result), error);
}
