/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-client-editor.h"
#include "amparo-clients-page.h"
#include "amparo-record-form.h"
#include "amparo-server-banner.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"
#include "amparo-window-state.h"

/* banner (#10): a client's page in the real window while the shared
 * server is away. Save shows the banner instead of an error and keeps
 * what was typed; once the server is back the banner's retry saves it,
 * and the banner hides. with-pg-server.sh's AMPARO_TEST_PG_KILL and
 * AMPARO_TEST_PG_START stop and start the server. */

static gboolean
editor_shows (GtkWidget  *editor,
              const char *uid)
{
  AmparoPerson *person = amparo_client_editor_get_person (AMPARO_CLIENT_EDITOR (editor));

  return person != NULL && g_strcmp0 (amparo_record_get_uid (AMPARO_RECORD (person)), uid) == 0;
}

static AmparoPerson *
stored_person (const char *dir,
               const char *uid)
{
  g_autoptr(AmparoStore) other = amparo_test_open_store (dir, "banner-save");

  return amparo_store_get_by_uid (other, AMPARO_TYPE_PERSON, uid, NULL);
}

static void
test_client_save_waits_for_server (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "banner-save");
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(AmparoPerson) after = NULL;
  g_autoptr(GError) error = NULL;
  AmparoWindow *window;
  GtkWidget *page, *editor, *row, *banner;
  const char *uid;
  gint64 revision;

  amparo_person_set_given_names (person, "Génesis");
  amparo_person_set_family_names (person, "Portillo");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  uid = amparo_record_get_uid (AMPARO_RECORD (person));
  revision = amparo_record_get_revision (AMPARO_RECORD (person));

  window = amparo_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  amparo_window_state_set_section (amparo_window_get_state (window), "clients");
  gtk_window_present (GTK_WINDOW (window));
  amparo_test_wait (400);
  banner = amparo_test_find_widget (GTK_WIDGET (window), AMPARO_TYPE_SERVER_BANNER);
  page = amparo_test_find_widget (GTK_WIDGET (window), AMPARO_TYPE_CLIENTS_PAGE);
  g_assert_nonnull (banner);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "clients.open", "s", uid));
  editor = amparo_test_find_widget (GTK_WIDGET (window), AMPARO_TYPE_CLIENT_EDITOR);
  g_assert_true (amparo_test_until (editor_shows (editor, uid) && gtk_widget_get_mapped (editor)));

  row = amparo_test_find_mapped (editor, ADW_TYPE_ENTRY_ROW, amparo_test_row_titled, "Given names");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Génesis Abigail");
  amparo_test_wait (100);
  g_assert_true (amparo_client_editor_get_dirty (AMPARO_CLIENT_EDITOR (editor)));

  /* The server goes away; Save. */
  amparo_test_pg_run ("AMPARO_TEST_PG_KILL");
  g_assert_true (gtk_widget_activate_action (page, "section.save", NULL));
  g_assert_true (amparo_test_until (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner))));
  amparo_test_wait (300);
  g_assert_true (gtk_widget_get_mapped (banner));
  /* Once it has slid in, it says so. */
  g_assert_true (amparo_test_until (amparo_test_find_text (GTK_WIDGET (window), "The shared case store cannot be reached; your typing is kept", TRUE) >= 0));
  /* The typing stays, still unsaved, on the same client. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Génesis Abigail");
  g_assert_true (amparo_client_editor_get_dirty (AMPARO_CLIENT_EDITOR (editor)));
  g_assert_true (editor_shows (editor, uid));
  /* Pressing Save again while away waits the same (one save later). */
  g_assert_true (gtk_widget_activate_action (page, "section.save", NULL));
  amparo_test_wait (1500);
  g_assert_true (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Génesis Abigail");

  /* Back: the banner's own retry saves what is typed, and it hides. */
  amparo_test_pg_run ("AMPARO_TEST_PG_START");
  g_assert_true (amparo_test_until (!amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner))));
  g_assert_true (amparo_test_until (!amparo_client_editor_get_dirty (AMPARO_CLIENT_EDITOR (editor))));
  after = stored_person (dir, uid);
  g_assert_nonnull (after);
  g_assert_cmpstr (amparo_person_get_given_names (after), ==, "Génesis Abigail");
  g_assert_cmpstr (amparo_person_get_family_names (after), ==, "Portillo");
  /* Saved once, not twice for the two presses. */
  g_assert_cmpint (amparo_record_get_revision (AMPARO_RECORD (after)), ==, revision + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Génesis Abigail");
  g_assert_false (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));

  gtk_window_destroy (GTK_WINDOW (window));
  amparo_test_wait (100);
  g_clear_object (&store);
  amparo_test_remove_dir (dir);
}

static GtkWidget *
find_record_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (AMPARO_IS_RECORD_FORM (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* A panel's form (a contact) over the window: Save while away keeps the
 * form open with its typing; once back, it is saved and the form closes. */
static void
test_form_save_waits_for_server (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "banner-save");
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  AmparoWindow *window;
  GtkWidget *page, *editor, *form, *row, *banner;
  const char *uid;

  amparo_person_set_given_names (person, "Ismael");
  amparo_person_set_family_names (person, "Choc");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  uid = amparo_record_get_uid (AMPARO_RECORD (person));

  window = amparo_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  amparo_window_state_set_section (amparo_window_get_state (window), "clients");
  gtk_window_present (GTK_WINDOW (window));
  amparo_test_wait (400);
  banner = amparo_test_find_widget (GTK_WIDGET (window), AMPARO_TYPE_SERVER_BANNER);
  page = amparo_test_find_widget (GTK_WIDGET (window), AMPARO_TYPE_CLIENTS_PAGE);
  g_assert_true (gtk_widget_activate_action (page, "clients.open", "s", uid));
  editor = amparo_test_find_widget (GTK_WIDGET (window), AMPARO_TYPE_CLIENT_EDITOR);
  g_assert_true (amparo_test_until (editor_shows (editor, uid) && gtk_widget_get_mapped (editor)));

  amparo_client_editor_activate (AMPARO_CLIENT_EDITOR (editor), "contacts.add", NULL);
  g_assert_true (amparo_test_until ((form = find_record_form ()) != NULL));
  row = amparo_test_find_mapped (form, ADW_TYPE_ENTRY_ROW, amparo_test_row_titled, "Number, address or email");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "+502 5555 0142");

  amparo_test_pg_run ("AMPARO_TEST_PG_KILL");
  g_assert_false (amparo_record_form_save (AMPARO_RECORD_FORM (form)));
  g_assert_true (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));
  amparo_test_wait (300);
  g_assert_true (find_record_form () == form);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "+502 5555 0142");

  amparo_test_pg_run ("AMPARO_TEST_PG_START");
  g_assert_true (amparo_test_until (find_record_form () == NULL));
  g_assert_false (amparo_server_banner_get_shown (AMPARO_SERVER_BANNER (banner)));
  {
    g_autoptr(AmparoStore) other = amparo_test_open_store (dir, "banner-save");
    g_autoptr(AmparoContact) contact = NULL;

    contacts = amparo_store_list_contacts (other, person);
    g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
    contact = g_list_model_get_item (contacts, 0);
    g_assert_cmpstr (amparo_contact_get_value (contact), ==, "+502 5555 0142");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  amparo_test_wait (100);
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
  g_test_add_func ("/server-banner/client-save-waits-for-server", test_client_save_waits_for_server);
  g_test_add_func ("/server-banner/form-save-waits-for-server", test_form_save_waits_for_server);
  return g_test_run ();
}
