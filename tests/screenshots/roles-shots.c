/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: pictures Preferences → Staff and a client record
 * restricted to named staff (roles, #17), wide and 600 px.
 *   roles-shots OUT-FOLDER LANGUAGE */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amparo-client-editor.h"
#include "amparo-language.h"
#include "amparo-staff-preferences.h"
#include "amparo-store-internal.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

static void
add_staff (AmparoStore     *store,
           const char      *account,
           const char      *name,
           AmparoStaffRole  role)
{
  g_autoptr(AmparoStaff) staff = amparo_staff_new ();

  amparo_staff_set_account (staff, account);
  amparo_staff_set_display_name (staff, name);
  amparo_staff_set_role (staff, role);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (staff), NULL));
}

static AmparoPerson *
fill (AmparoStore *store)
{
  AmparoPerson *person = amparo_person_new ();
  const char *allowed[] = { "lucia.mendoza", "jorge.paz", NULL };

  amparo_store_access_set_account (store, "ana.ruiz");
  add_staff (store, "ana.ruiz", "Ana Ruiz", AMPARO_STAFF_ROLE_ADMINISTRATOR);
  add_staff (store, "lucia.mendoza", "Lucía Mendoza", AMPARO_STAFF_ROLE_ATTORNEY);
  add_staff (store, "jorge.paz", "Jorge Paz", AMPARO_STAFF_ROLE_ATTORNEY);
  add_staff (store, "marisol.vega", "Marisol Vega", AMPARO_STAFF_ROLE_FRONT_DESK);
  add_staff (store, "tomas.lee", "Tomás Lee", AMPARO_STAFF_ROLE_COMMUNICATIONS);
  amparo_person_set_given_names (person, "Dilcia");
  amparo_person_set_family_names (person, "Ramírez Soto");
  amparo_person_set_birth_date (person, "2007-02-11");
  amparo_person_set_notes (person, "T-visa application in preparation.");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), NULL));
  g_assert_true (amparo_store_set_restriction (store, person, allowed, NULL));
  return person;
}

static void
shoot_staff (AmparoStore *store,
             const char  *out,
             const char  *language,
             int          width)
{
  GtkWindow *prefs = GTK_WINDOW (adw_preferences_window_new ());
  g_autofree char *file = g_strdup_printf ("staff-prefs-%s-%s.png", language, width > 700 ? "wide" : "600");

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (amparo_staff_preferences_new (store)));
  gtk_window_set_default_size (prefs, width, 900);
  gtk_window_present (prefs);
  amparo_test_wait (1500);
  amparo_test_save_window (prefs, out, file);
  gtk_window_destroy (prefs);
}

static void
shoot_record (AmparoStore  *store,
              AmparoPerson *person,
              const char   *out,
              const char   *language,
              int           width)
{
  AmparoClientEditor *editor = g_object_new (AMPARO_TYPE_CLIENT_EDITOR, NULL);
  g_autoptr(AmparoPerson) copy = amparo_store_get_by_id (store, AMPARO_TYPE_PERSON, amparo_record_get_id (AMPARO_RECORD (person)), NULL);
  g_autofree char *file = g_strdup_printf ("restricted-record-%s-%s.png", language, width > 700 ? "wide" : "600");
  GtkWindow *window;
  GtkWidget *row, *scroller;
  graphene_point_t at;

  amparo_store_access_set_account (store, "lucia.mendoza");
  amparo_client_editor_edit (editor, store, copy, person);
  window = amparo_test_present_page (GTK_WIDGET (editor));
  gtk_window_set_default_size (window, width, 900);
  amparo_test_wait (800);
  /* Scrolled to the restriction, which sits below the case file. */
  row = amparo_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, amparo_test_row_titled, "Restrict to named staff");
  if (row == NULL)
    row = amparo_test_find_mapped (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, amparo_test_row_titled, _("Restrict to named staff"));
  scroller = row ? gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  amparo_test_wait (500);
  if (scroller != NULL &&
      gtk_widget_compute_point (row, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), at.y - 120);
  amparo_test_wait (800);
  amparo_test_save_window (window, out, file);
  gtk_window_destroy (window);
  amparo_store_access_set_account (store, "ana.ruiz");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoPerson) person = NULL;

  if (argc < 3 || !amparo_test_init_display (&argc, &argv))
    return 1;
  amparo_language_set (argv[2]);
  dir = amparo_test_make_dir ();
  store = amparo_test_open_store (dir, "amparo.db");
  person = fill (store);
  shoot_staff (store, argv[1], argv[2], 900);
  shoot_staff (store, argv[1], argv[2], 600);
  shoot_record (store, person, argv[1], argv[2], 1100);
  shoot_record (store, person, argv[1], argv[2], 600);
  g_clear_object (&store);
  amparo_test_remove_dir (dir);
  return 0;
}
