/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "amparo-language.h"
#include "amparo-notice-dialog.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-test-wait.h"
#include "test-notice-fixture.h"

/* Screenshots of Read Hearing Notice (#18): the scanned notice the tests
 * draw, read by tesseract, beside the proposed hearing — wide and at
 * 600 px. The Spanish client has another A-Number on file, to show the
 * mismatch warning.
 *   notice-shots OUTDIR LANGUAGE   (under Xvfb) */

static void
shoot (const char *out_dir,
       const char *language,
       int         width,
       int         height)
{
  gboolean in_spanish = g_str_equal (language, "es");
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "shots.db");
  g_autoptr(AmparoPerson) client = amparo_person_new ();
  g_autoptr(GBytes) png = render_png (in_spanish ? spanish.text : english.text, "DejaVu Serif 11", 200, 150);
  g_autofree char *name = g_strdup_printf ("notice-read-%s-%s.png", language, width < 1000 ? "600" : "wide");
  AmparoNoticeDialog *dialog;
  GtkWidget *save;

  amparo_person_set_given_names (client, in_spanish ? "José" : "María");
  amparo_person_set_family_names (client, in_spanish ? "Ramírez Soto" : "López García");
  amparo_person_set_a_number (client, in_spanish ? "987654320" : "123456789");
  amparo_person_set_client_status (client, AMPARO_CLIENT_STATUS_ACTIVE);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (client), NULL));

  dialog = amparo_notice_dialog_new (NULL, store, client, png, "image/png");
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);
  gtk_window_present (GTK_WINDOW (dialog));
  save = amparo_test_find_button (GTK_WIDGET (dialog), in_spanish ? "Guardar audiencia" : "Save Hearing");
  while (!gtk_widget_get_sensitive (save))
    amparo_test_wait (100);
  amparo_test_wait (800);
  amparo_test_save_window (GTK_WINDOW (dialog), out_dir, name);
  gtk_window_destroy (GTK_WINDOW (dialog));
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc != 3)
    {
      g_printerr ("usage: notice-shots OUTDIR LANGUAGE\n");
      return 2;
    }
  amparo_language_init ();
  gtk_init ();
  adw_init ();
  setlocale (LC_ALL, "C.UTF-8");
  amparo_language_set (argv[2]);
  shoot (argv[1], argv[2], 1100, 820);
  shoot (argv[1], argv[2], 600, 1000);
  return 0;
}
