/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-http.h"

#include <glib/gi18n.h>

#include "amparo-net-error.h"

/* The one SoupSession of the application: every request goes through it
 * so connections are reused and the timeout and User-Agent are the same
 * everywhere. Tests replace it with amparo_http_set_session(). */
static SoupSession *app_session;

#define READ_CHUNK_SIZE 65536

typedef struct
{
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *buffer;
  gsize         max_bytes;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->message);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->buffer, g_byte_array_unref);
  g_free (data);
}

static void
return_too_large (GTask *task)
{
  g_task_return_new_error (task, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TOO_LARGE,
                           _("The server sent more data than Amparo accepts "
                             "in one answer. Check the address."));
}

static void read_next_chunk (GTask *task);

static void
on_chunk_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      amparo_http_translate_error (&error, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_task_return_pointer (task,
                             g_byte_array_free_to_bytes (g_steal_pointer (&data->buffer)),
                             (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (data->buffer->len + g_bytes_get_size (chunk) > data->max_bytes)
    {
      return_too_large (task);
      return;
    }

  g_byte_array_append (data->buffer,
                       g_bytes_get_data (chunk, NULL),
                       g_bytes_get_size (chunk));
  read_next_chunk (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  SendData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK_SIZE,
                                   G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task),
                                   on_chunk_read_cb, task);
}

static void
on_send_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  data->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (data->stream == NULL)
    {
      GUri *uri = soup_message_get_uri (data->message);

      amparo_http_translate_error (&error, g_uri_get_host (uri));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Refuse early when the server announces too much; a server that lies
   * is still stopped by the running count in on_chunk_read_cb(). */
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (data->message));
  if (length > 0 && (guint64) length > data->max_bytes)
    {
      return_too_large (task);
      return;
    }

  read_next_chunk (g_steal_pointer (&task));
}

/**
 * amparo_http_session_new:
 * @timeout_seconds: how long a connection may stay silent
 *
 * Makes a session with Amparo's User-Agent and the given timeout. The
 * application uses one, from amparo_http_get_session(); tests make their
 * own with a short timeout.
 *
 * Returns: (transfer full): a new session
 */
SoupSession *
amparo_http_session_new (guint timeout_seconds)
{
  return soup_session_new_with_options ("timeout", timeout_seconds,
                                        "idle-timeout", 60,
                                        "user-agent", "Amparo/" PACKAGE_VERSION,
                                        NULL);
}

/**
 * amparo_http_get_session:
 *
 * Returns: (transfer none): the application's session, made on first use
 */
SoupSession *
amparo_http_get_session (void)
{
  if (app_session == NULL)
    app_session = amparo_http_session_new (AMPARO_HTTP_DEFAULT_TIMEOUT);

  return app_session;
}

/**
 * amparo_http_set_session:
 * @session: (nullable) (transfer none): the session to use from now on
 *
 * Replaces the application's session, e.g. with one whose timeout suits a
 * test. %NULL drops it so the next call makes a default one.
 */
void
amparo_http_set_session (SoupSession *session)
{
  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));

  g_set_object (&app_session, session);
}

/**
 * amparo_http_send_async:
 * @session: the session
 * @message: the request
 * @max_bytes: the largest body accepted
 * @cancellable: (nullable): to stop the request
 * @callback: called when the whole body is read
 * @user_data: for @callback
 *
 * Sends @message and reads its whole body, whatever the status, refusing
 * more than @max_bytes so a hostile server cannot fill the memory. The
 * status is then read from @message.
 */
void
amparo_http_send_async (SoupSession         *session,
                        SoupMessage         *message,
                        gsize                max_bytes,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_http_send_async);
  data = g_new0 (SendData, 1);
  data->message = g_object_ref (message);
  data->buffer = g_byte_array_new ();
  data->max_bytes = max_bytes;
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  soup_session_send_async (session, message, G_PRIORITY_DEFAULT, cancellable,
                           on_send_cb, g_steal_pointer (&task));
}

/**
 * amparo_http_send_finish:
 * @session: the session
 * @result: the result given to the callback
 * @error: transport errors, already in the user's words
 *
 * Returns: (transfer full): the body of the answer, or %NULL on error
 */
GBytes *
amparo_http_send_finish (SoupSession   *session,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * amparo_http_translate_error:
 * @error: (inout): an error from libsoup or GIO, replaced in place
 * @host: (nullable): the server's name, for the message
 *
 * Turns a transport error into an %AMPARO_NET_ERROR with a sentence a user
 * can act on. Cancellation is left as %G_IO_ERROR_CANCELLED so callers can
 * stay quiet about it.
 */
void
amparo_http_translate_error (GError     **error,
                             const char  *host)
{
  GError *original;
  g_autofree char *where = NULL;

  if (error == NULL || *error == NULL)
    return;

  original = *error;
  if (g_error_matches (original, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      original->domain == AMPARO_NET_ERROR)
    return;

  where = g_strdup (host != NULL && *host != '\0' ? host : _("the server"));
  *error = NULL;

  if (g_error_matches (original, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TIMEOUT,
                 _("%s did not answer in time. Check the internet connection "
                   "and try again later."), where);
  else if (original->domain == G_TLS_ERROR)
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_TLS,
                 _("The secure connection to %s could not be trusted (%s). "
                   "Nothing was sent or received."), where, original->message);
  else
    g_set_error (error, AMPARO_NET_ERROR, AMPARO_NET_ERROR_NETWORK,
                 _("Could not connect to %s (%s). Check the address and the "
                   "internet connection."), where, original->message);

  g_error_free (original);
}
