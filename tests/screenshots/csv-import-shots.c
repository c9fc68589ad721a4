/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-csv-import-dialog.h"
#include "amparo-language.h"
#include "amparo-store.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* Screenshots of the spreadsheet import window: a preview with a name
 * to confirm and rejected rows, and a Windows-1252 file, wide and at
 * 600 px. Each window is rendered by GTK itself to a PNG.
 *   csv-import-shots OUTDIR LANGUAGE */

static void
shoot (AmparoStore *store,
       const char  *text,
       gsize        length,
       const char  *dir,
       const char  *name,
       int          width)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  GtkWindow *dialog = GTK_WINDOW (amparo_csv_import_dialog_new_for_data (NULL, store, bytes, "clientes-2019.csv"));
  GtkStack *stack;

  gtk_window_set_default_size (dialog, width, 900);
  gtk_window_present (dialog);
  stack = GTK_STACK (amparo_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK));
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preview") != 0)
    g_main_context_iteration (NULL, TRUE);
  amparo_test_wait (600);
  amparo_test_save_window (dialog, dir, name);
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  static const char utf8[] =
    "Given names,Family names,A-Number,Date of birth,Notes\r\n"
    "José,Núñez,A-200-300-400,2012-03-04,\r\n"
    "Rosa,Cruz,A-123-456-789,2011-01-02,\r\n"
    "Elena,Soto,,03/04/2015,\r\n"
    "Luis,Paz,,,\"habla mixteco\r\n"
    "Marta,Ruiz,,2010-10-10,\r\n";
  static const char cp1252[] = "Nombres;Apellidos;Fecha de nacimiento\r\nJos\xe9;N\xfa\xf1" "ez;2012-03-04\r\nMar\xed" "a;Pe\xf1" "a;2013-05-06\r\n";
  g_autofree char *work = NULL;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoPerson) ana = amparo_person_new ();
  g_autoptr(GError) error = NULL;
  const char *lang;

  amparo_language_init ();
  if (argc != 3 || !gtk_init_check ())
    {
      g_printerr ("usage: csv-import-shots OUTDIR LANGUAGE (with a display)\n");
      return 2;
    }
  adw_init ();
  lang = argv[2];
  amparo_language_set (lang);

  work = amparo_test_make_dir ();
  store = amparo_test_open_store (work, "amparo.db");
  amparo_person_set_given_names (ana, "Ana");
  amparo_person_set_family_names (ana, "López");
  amparo_person_set_a_number (ana, "123456789");
  if (!amparo_store_save (store, AMPARO_RECORD (ana), &error))
    g_error ("%s", error->message);

  for (int w = 0; w < 2; w++)
    {
      int width = w == 0 ? 900 : 600;
      const char *size = w == 0 ? "wide" : "narrow";
      g_autofree char *preview = g_strdup_printf ("csv-import-%s-%s.png", lang, size);
      g_autofree char *encoding = g_strdup_printf ("csv-import-1252-%s-%s.png", lang, size);

      shoot (store, utf8, sizeof utf8 - 1, argv[1], preview, width);
      shoot (store, cp1252, sizeof cp1252 - 1, argv[1], encoding, width);
    }
  amparo_test_remove_dir (work);
  return 0;
}
