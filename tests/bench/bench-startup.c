/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "amparo-bench-data.h"
#include "amparo-store.h"
#include "amparo-store-private.h"

/* Start-up, as a person starts the app: exec → the first window shown,
 * against GNOME Text Editor started the same way, runs interleaved,
 * medians of AMPARO_BENCH_RUNS (7). Run under Xvfb (and a session bus).
 *
 * "Shown" is the first top-level window of the process (by _NET_WM_PID)
 * that is viewable; GTK maps a window once its first frame is ready, and
 * Amparo's first frame has the client list's rows (see
 * test-first-frame.c). Stores of AMPARO_BENCH_SIZES persons
 * (1000,100000; add 1000000 for the full table) are generated, or taken
 * from AMPARO_BENCH_STORE_<N> (a path, copied first). Prints figures and
 * ratios; never fails on timing. */

static Display *display;
static Atom pid_atom;

static gboolean
window_of_pid_viewable (Window window,
                        GPid   pid,
                        int    depth)
{
  Window root, parent, *children = NULL;
  unsigned int n = 0;
  gboolean found = FALSE;
  XWindowAttributes attributes;
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;

  if (XGetWindowProperty (display, window, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n_items, &after, &data) == Success && data != NULL)
    {
      if (n_items == 1 && (GPid) *(unsigned long *) data == pid
          && XGetWindowAttributes (display, window, &attributes)
          && attributes.map_state == IsViewable)
        found = TRUE;
      XFree (data);
    }
  if (found || depth > 2 || !XQueryTree (display, window, &root, &parent, &children, &n))
    return found;
  for (unsigned int i = 0; i < n && !found; i++)
    found = window_of_pid_viewable (children[i], pid, depth + 1);
  if (children != NULL)
    XFree (children);
  return found;
}

static int
ignore_x_errors (Display     *d,
                 XErrorEvent *event)
{
  return 0;
}

/* CPU time the process (all its threads) has used so far, from
 * /proc/PID/stat; -1 if it cannot be read. On a shared machine this is
 * steadier than the wall time, which carries everyone else's work. */
static double
process_cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  const char *after_name;
  unsigned long utime = 0, stime = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after_name = strrchr (text, ')')) == NULL)
    return -1;
  /* Fields 3…: state ppid pgrp session tty tpgid flags minflt cminflt
   * majflt cmajflt utime stime */
  if (sscanf (after_name + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
              &utime, &stime) != 2)
    return -1;
  return (utime + stime) * 1000.0 / sysconf (_SC_CLK_TCK);
}

/* Milliseconds from exec to the first viewable window; -1 on failure.
 * The CPU time the process had used by then goes to *cpu. */
static double
time_start (char  **argv,
            double *cpu)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 until = start + 60 * G_TIME_SPAN_SECOND;
  double elapsed = -1;
  GPid pid;

  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH
                      | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("# cannot start %s: %s\n", argv[0], error->message);
      return -1;
    }
  while (g_get_monotonic_time () < until)
    {
      if (window_of_pid_viewable (DefaultRootWindow (display), pid, 0))
        {
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          if (cpu != NULL)
            *cpu = process_cpu_ms (pid);
          break;
        }
      g_usleep (1000);
    }
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  /* Let the X server and the disk settle between runs. */
  g_usleep (300 * 1000);
  return elapsed;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static char *
prepare_store (const char *dir,
               guint       n)
{
  g_autofree char *variable = g_strdup_printf ("AMPARO_BENCH_STORE_%u", n);
  const char *given = g_getenv (variable);
  char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;

  if (given != NULL)
    {
      g_autofree char *command = g_strdup_printf ("cp '%s' '%s'", given, path);

      if (system (command) != 0)
        g_printerr ("# could not copy %s\n", given);
    }
  else
    {
      g_autoptr(AmparoStore) store = amparo_store_open (path, &error);
      AmparoBenchCounts counts;

      if (store == NULL || !amparo_bench_generate_persons (store, n, 42, &counts, &error))
        {
          g_printerr ("# %s\n", error->message);
          g_clear_pointer (&path, g_free);
        }
    }
  /* The first start of a day copies the whole store in a thread (the
   * daily backup); made here, it does not run — killed and restarted —
   * under every timed start. That start is measured once, apart. */
  if (path != NULL && !amparo_store_run_daily_backup (path, NULL, &error))
    g_printerr ("# backup: %s\n", error->message);
  return path;
}

static void
run_size (guint        n,
          guint        runs,
          const char  *editor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amparo-bench-startup-XXXXXX", &error);
  g_autofree char *path = dir != NULL ? prepare_store (dir, n) : NULL;
  g_autofree char *database = NULL;
  g_autoptr(GArray) amparo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) amparo_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) other_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  const char *binary = g_getenv ("AMPARO_BINARY");
  char *amparo_argv[] = { (char *) binary, NULL, NULL };
  char *editor_argv[] = { (char *) editor, "--standalone", NULL };
  double a, e;

  if (path == NULL || binary == NULL)
    return;
  database = g_strdup_printf ("--database=%s", path);
  amparo_argv[1] = database;
  /* Once, not counted: caches warm, schema up to date. */
  time_start (amparo_argv, NULL);

  for (guint i = 0; i < runs; i++)
    {
      double cpu = -1;
      double t = time_start (amparo_argv, &cpu);

      if (t >= 0)
        {
          g_array_append_val (amparo, t);
          g_array_append_val (amparo_cpu, cpu);
        }
      if (editor != NULL && (t = time_start (editor_argv, &cpu)) >= 0)
        {
          g_array_append_val (other, t);
          g_array_append_val (other_cpu, cpu);
        }
    }
  a = median (amparo);
  e = median (other);
  if (e > 0)
    printf ("# %u persons: exec → first window %.0f ms; GNOME Text Editor %.0f ms (×%.2f) — medians of %u\n",
             n, a, e, a / e, runs);
  else
    printf ("# %u persons: exec → first window %.0f ms (no GNOME Text Editor to compare) — median of %u\n",
             n, a, runs);
  a = median (amparo_cpu);
  e = median (other_cpu);
  if (e > 0)
    printf ("# %u persons: CPU time by the first window %.0f ms; GNOME Text Editor %.0f ms (×%.2f)\n",
            n, a, e, a / e);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (command) != 0)
    g_printerr ("# could not remove %s\n", dir);
}

int
main (int    argc,
      char **argv)
{
  const char *sizes_text = g_getenv ("AMPARO_BENCH_SIZES");
  const char *runs_text = g_getenv ("AMPARO_BENCH_RUNS");
  g_auto(GStrv) sizes = g_strsplit_set (argc > 1 ? argv[1] : sizes_text ? sizes_text : "1000,100000", ", ", -1);
  guint runs = runs_text != NULL ? (guint) g_ascii_strtoull (runs_text, NULL, 10) : 7;
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_print ("1..0 # SKIP no X display\n");
      return 0;
    }
  XSetErrorHandler (ignore_x_errors);
  pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (sizes[i], NULL, 10);

      if (n > 0)
        run_size (n, MAX (runs, 1), editor);
    }
  printf ("1..1\nok 1 /bench/startup\n");
  return 0;
}
