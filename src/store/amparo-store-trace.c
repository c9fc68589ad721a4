/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-store-trace.h"

#include "amparo-db-sqlite.h"

/* The SQLite driver reports every statement of every connection opened
 * (amparo_db_sqlite_trace_connections()), so the trace reaches stores
 * opened deep inside the application (its activate handler) without a
 * hook in the opening code. Only top-level statements are kept:
 * triggers' statements come as "-- …" and belong to the statement that
 * fired them. */

static GMutex trace_lock;
static GPtrArray *statements;
/* Only this thread's: a backup's own connection in a worker is not
 * what a frame waits for. */
static GThread *traced_thread;

static void
on_statement (const char *sql)
{
  if (g_str_has_prefix (sql, "--"))
    return;
  g_mutex_lock (&trace_lock);
  if (statements != NULL && g_thread_self () == traced_thread)
    g_ptr_array_add (statements, g_strdup (sql));
  g_mutex_unlock (&trace_lock);
}

/**
 * amparo_store_trace_enable:
 *
 * Records every statement that stores opened from now on run in the
 * calling thread.
 */
void
amparo_store_trace_enable (void)
{
  g_mutex_lock (&trace_lock);
  if (statements == NULL)
    statements = g_ptr_array_new_with_free_func (g_free);
  traced_thread = g_thread_self ();
  g_mutex_unlock (&trace_lock);
  amparo_db_sqlite_trace_connections (on_statement);
}

/**
 * amparo_store_trace_count:
 *
 * Returns: how many statements were recorded since the last take
 */
guint
amparo_store_trace_count (void)
{
  guint n;

  g_mutex_lock (&trace_lock);
  n = statements != NULL ? statements->len : 0;
  g_mutex_unlock (&trace_lock);
  return n;
}

/**
 * amparo_store_trace_take:
 *
 * Returns: (transfer full) (element-type utf8): the statements recorded
 *   since the last take, oldest first; recording goes on
 */
GPtrArray *
amparo_store_trace_take (void)
{
  GPtrArray *taken;

  g_mutex_lock (&trace_lock);
  taken = statements != NULL ? statements : g_ptr_array_new_with_free_func (g_free);
  statements = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&trace_lock);
  return taken;
}
