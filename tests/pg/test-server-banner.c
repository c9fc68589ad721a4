/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-server-banner.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* postgres (#10): the banner in a real window while the shared server is
 * killed and started again (with-pg-server.sh's AMPARO_TEST_PG_KILL and
 * AMPARO_TEST_PG_START): it shows on the failed save, retries by itself,
 * hides when the server is back, and the save then goes through. */

static void
on_reconnected_cb (AmparoServerBanner *banner,
                   gpointer            data)
{
  (*(guint *) data)++;
}

static void
test_banner_shows_and_hides (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "banner");
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *banner = amparo_server_banner_new (store);
  GtkWindow *window;
  guint reconnected = 0;

  g_signal_connect (banner, "reconnected", G_CALLBACK (on_reconnected_cb), &reconnected);
  window = amparo_test_present_page (banner);
  amparo_test_wait (100);
  g_assert_false (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));

  amparo_person_set_given_names (person, "Génesis");
  amparo_person_set_family_names (person, "Portillo");
  amparo_test_pg_run ("AMPARO_TEST_PG_KILL");
  g_assert_false (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_true (amparo_server_banner_handle_error (AMPARO_SERVER_BANNER (banner), error));
  g_clear_error (&error);
  amparo_test_wait (300);
  g_assert_true (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));
  g_assert_true (gtk_widget_get_mapped (banner));

  /* Still away after the first tries: it waits longer each time. */
  amparo_test_wait (1500);
  g_assert_true (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));
  g_assert_cmpuint (amparo_server_banner_get_next_delay (AMPARO_SERVER_BANNER (banner)), >=, 2);
  g_assert_cmpuint (reconnected, ==, 0);

  amparo_test_pg_run ("AMPARO_TEST_PG_START");
  /* The next try comes within 30 s; waiting is not what is tested. */
  for (guint i = 0; i < 600 && amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)); i++)
    amparo_test_wait (100);
  g_assert_false (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));
  g_assert_cmpuint (reconnected, ==, 1);

  /* What was typed is saved on the retry. */
  g_assert_cmpstr (amparo_person_get_given_names (person), ==, "Génesis");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (person)), >, 0);

  /* Any other error is the caller's to show. */
  {
    g_autoptr(GError) other = g_error_new (AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID, "x");
    g_assert_false (amparo_server_banner_handle_error (AMPARO_SERVER_BANNER (banner), other));
  }

  gtk_window_destroy (window);
  g_clear_object (&store);
  amparo_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  if (!amparo_test_engine_is_pg ())
    {
      g_print ("1..0 # SKIP needs tests/pg/with-pg-server.sh\n");
      return 0;
    }
  g_test_add_func ("/server-banner/shows-and-hides", test_banner_shows_and_hides);
  return g_test_run ();
}
