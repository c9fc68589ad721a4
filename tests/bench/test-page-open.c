/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "amparo-iso-picker.h"
#include "amparo-test-ui.h"

/* What makes a client page open fast (#14), proved without timing. */

static GListModel *
model_of (GtkWidget *picker)
{
  return gtk_drop_down_get_model (amparo_iso_picker_get_drop_down (AMPARO_ISO_PICKER (picker)));
}

static const char *
shown_of (GtkWidget *picker)
{
  GtkDropDown *drop_down = amparo_iso_picker_get_drop_down (AMPARO_ISO_PICKER (picker));

  return gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (drop_down)));
}

/* The ~7,800 language names (and the countries) are sorted once per
 * process; every picker shows that one list, and choosing another
 * country only moves the selection. Before, each picker sorted and
 * filled a list of its own, again at every client. */
static void
test_iso_list_once (void)
{
  GtkWidget *country = g_object_ref_sink (amparo_iso_picker_new (AMPARO_ISO_COUNTRIES));
  GtkWidget *other = g_object_ref_sink (amparo_iso_picker_new (AMPARO_ISO_COUNTRIES));
  GtkWidget *languages = g_object_ref_sink (g_object_new (AMPARO_TYPE_ISO_PICKER, "table", AMPARO_ISO_LANGUAGES,
                                                          "multiple", TRUE, NULL));
  GtkWidget *more = g_object_ref_sink (g_object_new (AMPARO_TYPE_ISO_PICKER, "table", AMPARO_ISO_LANGUAGES,
                                                     "multiple", TRUE, NULL));
  GListModel *countries = model_of (country);
  GListModel *typed;
  guint sorts = amparo_iso_picker_get_n_sorts ();

  g_assert_cmpuint (g_list_model_get_n_items (countries), >, 200);
  g_assert_true (model_of (other) == countries);
  g_assert_true (model_of (more) == model_of (languages));
  g_assert_cmpuint (g_list_model_get_n_items (model_of (languages)), >, 7000);

  /* Another client's country: the same list, the right name shown. */
  amparo_iso_picker_set_value (AMPARO_ISO_PICKER (country), "MX");
  g_assert_true (model_of (country) == countries);
  g_assert_cmpstr (shown_of (country), ==, "Mexico");
  g_assert_cmpstr (amparo_iso_picker_get_value (AMPARO_ISO_PICKER (country)), ==, "MX");
  amparo_iso_picker_set_value (AMPARO_ISO_PICKER (country), "GT");
  g_assert_true (model_of (country) == countries);
  g_assert_cmpstr (shown_of (country), ==, "Guatemala");
  amparo_iso_picker_set_value (AMPARO_ISO_PICKER (country), NULL);
  g_assert_cmpstr (shown_of (country), ==, "Not recorded");

  /* Choosing in the list still sets the value. */
  gtk_drop_down_set_selected (amparo_iso_picker_get_drop_down (AMPARO_ISO_PICKER (other)), 1);
  g_assert_nonnull (amparo_iso_picker_get_value (AMPARO_ISO_PICKER (other)));
  g_assert_cmpstr (shown_of (other), !=, "Not recorded");

  /* A value typed before the list existed gets a list of its own, with
   * the typed text; the shared list is left as it was. */
  amparo_iso_picker_set_value (AMPARO_ISO_PICKER (country), "Guatemala City");
  g_assert_true (model_of (country) != countries);
  g_assert_cmpstr (shown_of (country), ==, "Guatemala City (as typed)");
  g_assert_cmpuint (g_list_model_get_n_items (countries) + 1, ==, g_list_model_get_n_items (model_of (country)));
  typed = model_of (country);
  amparo_iso_picker_set_value (AMPARO_ISO_PICKER (country), "SV");
  g_assert_true (model_of (country) == countries);
  g_assert_cmpstr (shown_of (country), ==, "El Salvador");
  /* Another client's typed value: that picker's typed list again. */
  amparo_iso_picker_set_value (AMPARO_ISO_PICKER (country), "Honduras (San Pedro Sula)");
  g_assert_true (model_of (country) == typed);
  g_assert_cmpstr (shown_of (country), ==, "Honduras (San Pedro Sula) (as typed)");
  g_assert_cmpstr (amparo_iso_picker_get_value (AMPARO_ISO_PICKER (country)), ==, "Honduras (San Pedro Sula)");

  /* Nothing above sorted again. */
  g_assert_cmpuint (amparo_iso_picker_get_n_sorts (), ==, sorts);
  g_assert_cmpuint (sorts, ==, 2);

  g_object_unref (country);
  g_object_unref (other);
  g_object_unref (languages);
  g_object_unref (more);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  g_unsetenv ("LANGUAGE");

  g_test_add_func ("/perf/page-open/iso-list-once", test_iso_list_once);
  return g_test_run ();
}
