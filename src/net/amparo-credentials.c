/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-credentials.h"

#include <glib/gi18n.h>
#include <string.h>

/* The WordPress application password lives only in the Secret Service
 * (GNOME Keyring), keyed by site address and user name: never in the
 * database, the settings or a log line. Each call wraps libsecret's own
 * async call in a GTask so errors reach the user in plain words. */

static void
translate_secret_error (GError **error)
{
  GError *original;

  if (error == NULL || *error == NULL ||
      g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  original = *error;
  *error = NULL;
  g_set_error (error, original->domain, original->code,
               _("The keyring that keeps passwords could not be used (%s). "
                 "Make sure you are logged in to a desktop session with a keyring."),
               original->message);
  g_error_free (original);
}

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      translate_secret_error (&error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_looked_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      translate_secret_error (&error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Copied so callers free it with g_free; libsecret's copy is wiped. */
  g_task_return_pointer (task, g_strdup (password), g_free);
  secret_password_free (password);
}

static void
on_cleared_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      translate_secret_error (&error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * amparo_credentials_get_schema:
 *
 * Returns: (transfer none): the schema of Amparo's website passwords:
 *   attributes `site` (normalized address) and `user`
 */
const SecretSchema *
amparo_credentials_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.amparo.Amparo.WebsitePassword", SECRET_SCHEMA_NONE,
    {
      { "site", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/**
 * amparo_credentials_store_async:
 * @site_url: the WordPress site's address
 * @user_name: the WordPress user name
 * @password: the application password
 * @cancellable: (nullable): to stop
 * @callback: called when stored
 * @user_data: for @callback
 *
 * Saves the application password in the keyring, replacing an older one
 * for the same site and user.
 */
void
amparo_credentials_store_async (const char          *site_url,
                                const char          *user_name,
                                const char          *password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *site = amparo_site_url_normalize (site_url);
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (user_name != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_credentials_store_async);
  /* The same schema keeps the shared case store's password, keyed by
   * the server's address (without a password). */
  if (g_str_has_prefix (site, "postgresql://"))
    /* Translators: the keyring item's name; %s is the user, then the server */
    label = g_strdup_printf (_("Amparo: case store password for %s on %s"), user_name, site);
  else
    /* Translators: the keyring item's name; %s is the user, then the site */
    label = g_strdup_printf (_("Amparo: WordPress password for %s on %s"), user_name, site);
  secret_password_store (amparo_credentials_get_schema (), SECRET_COLLECTION_DEFAULT,
                         label, password, cancellable, on_stored_cb, task,
                         "site", site, "user", user_name, NULL);
}

/**
 * amparo_credentials_store_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_credentials_store_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * amparo_credentials_lookup_async:
 * @site_url: the WordPress site's address
 * @user_name: the WordPress user name
 * @cancellable: (nullable): to stop
 * @callback: called with the password
 * @user_data: for @callback
 */
void
amparo_credentials_lookup_async (const char          *site_url,
                                 const char          *user_name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *site = amparo_site_url_normalize (site_url);
  GTask *task;

  g_return_if_fail (user_name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_credentials_lookup_async);
  secret_password_lookup (amparo_credentials_get_schema (), cancellable,
                          on_looked_up_cb, task,
                          "site", site, "user", user_name, NULL);
}

/**
 * amparo_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when none
 *   is stored (without @error) or on error (with @error set)
 */
char *
amparo_credentials_lookup_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * amparo_credentials_clear_async:
 * @site_url: the WordPress site's address
 * @user_name: the WordPress user name
 * @cancellable: (nullable): to stop
 * @callback: called when removed
 * @user_data: for @callback
 *
 * Removes the stored password, e.g. when the user changes site or user.
 */
void
amparo_credentials_clear_async (const char          *site_url,
                                const char          *user_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *site = amparo_site_url_normalize (site_url);
  GTask *task;

  g_return_if_fail (user_name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, amparo_credentials_clear_async);
  secret_password_clear (amparo_credentials_get_schema (), cancellable,
                         on_cleared_cb, task,
                         "site", site, "user", user_name, NULL);
}

/**
 * amparo_credentials_clear_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_credentials_clear_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * amparo_site_url_normalize:
 * @site_url: a website address as typed
 *
 * Returns: (transfer full): the address trimmed, without trailing
 *   slashes, so "https://example.org/" and "https://example.org" are the
 *   same site
 */
char *
amparo_site_url_normalize (const char *site_url)
{
  char *url = g_strstrip (g_strdup (site_url != NULL ? site_url : ""));
  gsize n = strlen (url);

  while (n > 0 && url[n - 1] == '/')
    url[--n] = '\0';

  return url;
}
