/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-client-editor.h"
#include "amparo-main-view.h"
#include "amparo-store-internal.h"
#include "amparo-test-store.h"
#include "amparo-journal-window.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

/*
 * roles (#17): the window shows only what the role allows and says so.
 * Real stores on a temporary file, real widgets under Xvfb; the desk's
 * account is set as the OS user would be.
 */

typedef struct
{
  char *dir;
  AmparoStore *store;
  AmparoPerson *person;
} Fixture;

static void
save_staff (AmparoStore     *store,
            const char      *account,
            AmparoStaffRole  role)
{
  g_autoptr(AmparoStaff) staff = amparo_staff_new ();
  g_autoptr(GError) error = NULL;

  amparo_staff_set_account (staff, account);
  amparo_staff_set_role (staff, role);
  amparo_store_save (store, AMPARO_RECORD (staff), &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoProceeding) proceeding = amparo_proceeding_new ();

  fixture->dir = amparo_test_make_dir ();
  fixture->store = amparo_test_open_store (fixture->dir, "amparo.db");
  amparo_store_access_set_account (fixture->store, "admin");
  save_staff (fixture->store, "admin", AMPARO_STAFF_ROLE_ADMINISTRATOR);
  save_staff (fixture->store, "desk", AMPARO_STAFF_ROLE_FRONT_DESK);
  save_staff (fixture->store, "lawyer", AMPARO_STAFF_ROLE_ATTORNEY);
  save_staff (fixture->store, "press", AMPARO_STAFF_ROLE_COMMUNICATIONS);

  fixture->person = amparo_person_new ();
  amparo_person_set_given_names (fixture->person, "Valentina");
  amparo_person_set_family_names (fixture->person, "Quispe");
  amparo_person_set_notes (fixture->person, "Fears return: threats from the gang in Soyapango.");
  amparo_store_save (fixture->store, AMPARO_RECORD (fixture->person), &error);
  g_assert_no_error (error);
  amparo_proceeding_set_person_id (proceeding, amparo_record_get_id (AMPARO_RECORD (fixture->person)));
  amparo_proceeding_set_court (proceeding, "Immigration Court, San Antonio");
  amparo_store_save (fixture->store, AMPARO_RECORD (proceeding), &error);
  g_assert_no_error (error);
}

static gboolean
journal_window_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (AMPARO_IS_JOURNAL_WINDOW (window))
        return TRUE;
    }
  return FALSE;
}

/* The journal (who saw and changed what) opens for an administrator and
 * for no other role. */
static void
test_journal_for_administrators (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *accounts[] = { "lawyer", "desk", "press", "admin" };

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      AmparoWindow *window;

      amparo_store_access_set_account (fixture->store, accounts[i]);
      window = amparo_window_new (NULL, fixture->store);
      gtk_window_present (GTK_WINDOW (window));
      amparo_test_wait (200);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-journal", NULL);
      if (g_str_equal (accounts[i], "admin"))
        g_assert_true (amparo_test_until (journal_window_shown ()));
      else
        {
          amparo_test_wait (200);
          g_assert_false (journal_window_shown ());
        }
      gtk_window_destroy (GTK_WINDOW (window));
      amparo_test_wait (100);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->person);
  g_clear_object (&fixture->store);
  amparo_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWindow *
show_main_view (AmparoStore *store)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, GTK_WIDGET (amparo_main_view_new (store, NULL)));
  gtk_window_present (window);
  amparo_test_wait (400);
  return window;
}

/* Communications: no Clients section (nor the agenda or reports, which
 * are client records too), and a line saying so; no client's name. */
static void
test_communications_sees_no_clients (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkWindow *window;
  AmparoMainView *view;

  amparo_store_access_set_account (fixture->store, "press");
  window = show_main_view (fixture->store);
  view = AMPARO_MAIN_VIEW (gtk_window_get_child (window));

  g_assert_null (amparo_main_view_get_page (view, "clients"));
  g_assert_null (amparo_main_view_get_page (view, "agenda"));
  g_assert_null (amparo_main_view_get_page (view, "reports"));
  g_assert_nonnull (amparo_main_view_get_page (view, "press"));
  g_assert_nonnull (amparo_main_view_get_page (view, "demands"));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "Your role is Communications. It does not include: Clients, Agenda, Reports.", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "Quispe", TRUE), <, 0);
  gtk_window_destroy (window);

  /* The same store as the administrator has them all. */
  amparo_store_access_set_account (fixture->store, "admin");
  window = show_main_view (fixture->store);
  g_assert_nonnull (amparo_main_view_get_page (AMPARO_MAIN_VIEW (gtk_window_get_child (window)), "clients"));
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "It does not include", TRUE), <, 0);
  gtk_window_destroy (window);
}

static GtkWindow *
show_client (Fixture    *fixture,
             const char *account)
{
  AmparoClientEditor *editor = g_object_new (AMPARO_TYPE_CLIENT_EDITOR, NULL);
  gint64 id = amparo_record_get_id (AMPARO_RECORD (fixture->person));
  g_autoptr(AmparoPerson) copy = NULL;
  g_autoptr(AmparoPerson) original = NULL;

  amparo_store_access_set_account (fixture->store, account);
  copy = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_PERSON, id, NULL);
  original = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_PERSON, id, NULL);
  amparo_client_editor_edit (editor, fixture->store, copy, original);
  return amparo_test_present_page (GTK_WIDGET (editor));
}

/* The front desk sees no case notes and no proceedings, and lines in
 * their place say who does; an attorney sees both. */
static void
test_front_desk_sees_no_case_notes (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWindow *window = show_client (fixture, "desk");

  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "Case notes are visible to attorneys.", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "Proceedings, their notes", TRUE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "Soyapango", TRUE), <, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "San Antonio", TRUE), <, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "Valentina", TRUE), >=, 0);
  /* Nor may the front desk restrict the record. */
  g_assert_null (amparo_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, amparo_test_row_titled, "Restrict to named staff"));
  gtk_window_destroy (window);

  window = show_client (fixture, "lawyer");
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "Case notes are visible to attorneys.", FALSE), <, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), "San Antonio", TRUE), >=, 0);
  g_assert_nonnull (amparo_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, amparo_test_row_titled, "Restrict to named staff"));
  gtk_window_destroy (window);
}

/* Restricting from the client page: the record leaves the front desk. */
static void
test_restrict_from_client_page (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWindow *window = show_client (fixture, "lawyer");
  GtkWidget *row = amparo_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, amparo_test_row_titled, "Restrict to named staff");
  g_auto(GStrv) allowed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoRecord) seen = NULL;

  g_assert_nonnull (row);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), TRUE);
  amparo_test_wait (200);
  allowed = amparo_store_get_restriction (fixture->store, fixture->person);
  g_assert_cmpstrv (allowed, ((const char *[]) { "lawyer", NULL }));
  gtk_window_destroy (window);

  amparo_store_access_set_account (fixture->store, "desk");
  seen = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_PERSON,
                                 amparo_record_get_id (AMPARO_RECORD (fixture->person)), &error);
  g_assert_null (seen);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  g_test_add ("/ui/access/journal-for-administrators", Fixture, NULL, fixture_set_up,
              test_journal_for_administrators, fixture_tear_down);
  g_test_add ("/ui/access/communications-sees-no-clients", Fixture, NULL, fixture_set_up,
              test_communications_sees_no_clients, fixture_tear_down);
  g_test_add ("/ui/access/front-desk-sees-no-case-notes", Fixture, NULL, fixture_set_up,
              test_front_desk_sees_no_case_notes, fixture_tear_down);
  g_test_add ("/ui/access/restrict-from-client-page", Fixture, NULL, fixture_set_up,
              test_restrict_from_client_page, fixture_tear_down);
  return g_test_run ();
}
