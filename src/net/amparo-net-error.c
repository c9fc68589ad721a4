/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-net"

#include "config.h"

#include "amparo-net-error.h"

G_DEFINE_QUARK (amparo-net-error-quark, amparo_net_error)
