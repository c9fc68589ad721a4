/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmparoNetError:
 * @AMPARO_NET_ERROR_NOT_A_FEED: the document is not an RSS or Atom feed
 * @AMPARO_NET_ERROR_TOO_LARGE: the document is larger than we accept
 * @AMPARO_NET_ERROR_TIMEOUT: the server did not answer in time
 * @AMPARO_NET_ERROR_TLS: the secure connection could not be trusted
 * @AMPARO_NET_ERROR_NETWORK: the server could not be reached
 * @AMPARO_NET_ERROR_HTTP: the server answered with an error status
 * @AMPARO_NET_ERROR_AUTH: bad user name or application password
 * @AMPARO_NET_ERROR_FORBIDDEN: the user may not do this on the site
 * @AMPARO_NET_ERROR_NO_API: the site has no REST API at that address
 * @AMPARO_NET_ERROR_SERVER: the site had an internal error (5xx)
 * @AMPARO_NET_ERROR_BAD_RESPONSE: the site's answer could not be read
 * @AMPARO_NET_ERROR_REFUSED: Amparo refuses (not approved, under embargo…)
 * @AMPARO_NET_ERROR_NO_CREDENTIALS: no site, user name or password set
 * @AMPARO_NET_ERROR_BAD_ADDRESS: the address is not an http(s) URL or file
 * @AMPARO_NET_ERROR_INSECURE: credentials would go over plain http
 * @AMPARO_NET_ERROR_MOVED: a write was redirected to another address
 * @AMPARO_NET_ERROR_POST_GONE: the release's post was deleted on the site
 *
 * Errors from feed import and website publishing. Every message is a
 * translated sentence that can be shown to the user as it is.
 */
typedef enum {
  AMPARO_NET_ERROR_NOT_A_FEED,
  AMPARO_NET_ERROR_TOO_LARGE,
  AMPARO_NET_ERROR_TIMEOUT,
  AMPARO_NET_ERROR_TLS,
  AMPARO_NET_ERROR_NETWORK,
  AMPARO_NET_ERROR_HTTP,
  AMPARO_NET_ERROR_AUTH,
  AMPARO_NET_ERROR_FORBIDDEN,
  AMPARO_NET_ERROR_NO_API,
  AMPARO_NET_ERROR_SERVER,
  AMPARO_NET_ERROR_BAD_RESPONSE,
  AMPARO_NET_ERROR_REFUSED,
  AMPARO_NET_ERROR_NO_CREDENTIALS,
  AMPARO_NET_ERROR_BAD_ADDRESS,
  AMPARO_NET_ERROR_INSECURE,
  AMPARO_NET_ERROR_MOVED,
  AMPARO_NET_ERROR_POST_GONE,
} AmparoNetError;

#define AMPARO_NET_ERROR (amparo_net_error_quark ())
GQuark amparo_net_error_quark (void);

G_END_DECLS
