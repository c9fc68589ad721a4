/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "amparo-edit-conflict-dialog.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* Two desks edit one client record; the second sees, field by field, the
 * first desk's values next to their own typing, keeps the other's family
 * names and their own note, and both survive. On both engines. */
static void
test_choose_per_field (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) front = amparo_test_open_store (dir, "amparo.db");
  g_autoptr(AmparoStore) attorney = amparo_test_open_store (dir, "amparo.db");
  g_autoptr(AmparoPerson) at_front = amparo_person_new ();
  g_autoptr(AmparoPerson) at_attorney = NULL;
  g_autoptr(AmparoPerson) saved = NULL;
  g_autoptr(AmparoRecord) theirs = NULL;
  g_autofree char *who = NULL;
  g_autoptr(GError) error = NULL;
  AmparoEditConflictDialog *dialog;

  amparo_person_set_given_names (at_front, "Kevin");
  amparo_person_set_family_names (at_front, "Fuentes");
  g_assert_true (amparo_store_save (front, AMPARO_RECORD (at_front), &error));
  at_attorney = amparo_store_get_by_uid (attorney, AMPARO_TYPE_PERSON,
                                         amparo_record_get_uid (AMPARO_RECORD (at_front)), &error);
  amparo_person_set_family_names (at_front, "Fuentes Orellana");
  g_assert_true (amparo_store_save (front, AMPARO_RECORD (at_front), &error));

  amparo_person_set_notes (at_attorney, "Hearing moved to May");
  g_assert_false (amparo_store_save (attorney, AMPARO_RECORD (at_attorney), &error));
  g_assert_true (amparo_store_error_get_conflict (error, &theirs, &who, NULL));

  dialog = amparo_edit_conflict_dialog_new (NULL, AMPARO_RECORD (at_attorney), theirs, who, error->message);
  if (g_getenv ("AMPARO_TEST_SHOT_WIDTH"))  /* for screenshots: tests/screenshots/take.sh */
    gtk_window_set_default_size (GTK_WINDOW (dialog), atoi (g_getenv ("AMPARO_TEST_SHOT_WIDTH")), 560);
  gtk_window_present (GTK_WINDOW (dialog));
  amparo_test_wait (200);
  if (g_getenv ("AMPARO_TEST_SHOT_WIDTH"))
    {
      amparo_test_wait (5000);
      return;
    }
  /* Both differing fields, each value next to the other. */
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Family names", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Notes", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Fuentes Orellana", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Hearing moved to May", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (dialog), "Given names", FALSE), <, 0);

  amparo_edit_conflict_dialog_choose_theirs (dialog, "family-names");
  amparo_edit_conflict_dialog_apply (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (amparo_person_get_notes (at_attorney), ==, "Hearing moved to May");
  g_clear_error (&error);
  g_assert_true (amparo_store_save (attorney, AMPARO_RECORD (at_attorney), &error));
  g_assert_no_error (error);

  saved = amparo_store_get_by_id (front, AMPARO_TYPE_PERSON, amparo_record_get_id (AMPARO_RECORD (at_front)), &error);
  g_assert_cmpstr (amparo_person_get_family_names (saved), ==, "Fuentes Orellana");
  g_assert_cmpstr (amparo_person_get_notes (saved), ==, "Hearing moved to May");

  g_clear_object (&front);
  g_clear_object (&attorney);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  g_test_add_func ("/conflict-dialog/choose-per-field", test_choose_per_field);
  return g_test_run ();
}
