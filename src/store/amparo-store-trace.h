/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Private to tests and benchmarks: a record of the SQL statements every
 * store connection runs, to prove what runs before the first frame and
 * that a list rebuild costs a bounded number of statements. */

void       amparo_store_trace_enable  (void);
guint      amparo_store_trace_count   (void);
GPtrArray *amparo_store_trace_take    (void);

G_END_DECLS
