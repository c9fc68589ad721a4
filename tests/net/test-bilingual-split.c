/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-bilingual-split.h"
#include "amparo-html-text.h"

static char *
load_statement (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "net", "data",
                                                 "statement-2021-02-03.html", NULL);
  g_autofree char *html = NULL;

  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  return amparo_html_to_simple_text (html, -1);
}

/* Seed 003: "Español abajo" at the top, the English, then the Spanish
 * with no heading, five demands in each language. */
static void
test_seed_statement (void)
{
  g_autofree char *body = load_statement ();
  g_autoptr(AmparoBilingualText) text = NULL;

  text = amparo_bilingual_split ("ImmDef Calls Upon the Biden Administration to Take "
                                 "Immediate Action for Asylum Seekers and Detainees", body);

  g_assert_cmpstr (text->title_en, ==, "ImmDef Calls Upon the Biden Administration to Take "
                   "Immediate Action for Asylum Seekers and Detainees");
  g_assert_null (text->title_es);
  g_assert_true (g_str_has_prefix (text->body_en, "Media Contact: Renee Garcia"));
  g_assert_null (strstr (text->body_en, "Español abajo"));
  g_assert_nonnull (strstr (text->body_en, "no immigrant stands alone"));
  g_assert_nonnull (strstr (text->body_en, "Excerpt from Biden's Executive Order"));
  g_assert_null (strstr (text->body_en, "Mientras"));

  g_assert_nonnull (text->body_es);
  g_assert_true (g_str_has_prefix (text->body_es, "Mientras las órdenes ejecutivas"));
  g_assert_true (g_str_has_suffix (text->body_es, "Extracto de la orden ejecutiva de Biden"));
  g_assert_null (strstr (text->body_es, "asylum seekers"));

  g_assert_cmpuint (g_strv_length (text->demands_en), ==, 5);
  g_assert_cmpstr (text->demands_en[0], ==,
                   "Immediately end expulsions by rescinding Title 42, and resume safe "
                   "processing of asylum seekers at the Southern border");
  g_assert_cmpstr (text->demands_en[3], ==,
                   "Immediately halt all ICE deportation flights and stay final orders of removal");
  g_assert_true (g_str_has_prefix (text->demands_en[4], "Take immediate steps to protect"));

  g_assert_cmpuint (g_strv_length (text->demands_es), ==, 5);
  g_assert_cmpstr (text->demands_es[0], ==,
                   "Rescindir el Título 42, poner un fin inmediato a las deportaciones, y "
                   "reanudar el procesamiento seguro de los solicitantes de asilo en la frontera sur");
  g_assert_cmpstr (text->demands_es[3], ==,
                   "Detener de inmediato todos los vuelos de deportación de ICE y suspender "
                   "las órdenes finales de expulsión");
  g_assert_true (g_str_has_prefix (text->demands_es[4], "Tomar medidas inmediatas"));
  g_assert_true (g_str_has_suffix (text->demands_es[4], "entre Estados Unidos y México"));
}

static void
test_heading_and_title (void)
{
  g_autoptr(AmparoBilingualText) text = NULL;

  text = amparo_bilingual_split ("Court Blocks Expulsions of Families / Corte bloquea expulsiones de familias",
                                 "Today a federal court blocked the expulsion of families.\n\n"
                                 "We call on the administration to:\n\n"
                                 "1. Stop all expulsions under Title 42.\n"
                                 "2. Restore access to asylum at ports of entry.\n\n"
                                 "**Versión en español**\n\n"
                                 "**Corte bloquea expulsiones de familias**\n\n"
                                 "Hoy una corte federal bloqueó la expulsión de las familias.\n\n"
                                 "1. Detenga todas las expulsiones.\n"
                                 "2. Restablezca el acceso al asilo.");

  g_assert_cmpstr (text->title_en, ==, "Court Blocks Expulsions of Families");
  g_assert_cmpstr (text->title_es, ==, "Corte bloquea expulsiones de familias");
  g_assert_true (g_str_has_suffix (text->body_en, "2. Restore access to asylum at ports of entry."));
  g_assert_cmpstr (text->body_es, ==,
                   "Hoy una corte federal bloqueó la expulsión de las familias.\n\n"
                   "1. Detenga todas las expulsiones.\n2. Restablezca el acceso al asilo.");
  g_assert_cmpuint (g_strv_length (text->demands_en), ==, 2);
  g_assert_cmpstr (text->demands_es[1], ==, "Restablezca el acceso al asilo");
}

static void
test_spanish_heading_kept (void)
{
  g_autoptr(AmparoBilingualText) text = NULL;

  text = amparo_bilingual_split ("Statement on the settlement",
                                 "**STATEMENT**\n\nThe court approved the settlement for the families.\n\n"
                                 "**DECLARACIÓN**\n\nLa corte aprobó el acuerdo para las familias.");

  g_assert_cmpstr (text->body_en, ==,
                   "**STATEMENT**\n\nThe court approved the settlement for the families.");
  g_assert_cmpstr (text->body_es, ==,
                   "**DECLARACIÓN**\n\nLa corte aprobó el acuerdo para las familias.");
}

static void
test_spanish_title_line (void)
{
  g_autoptr(AmparoBilingualText) text = NULL;

  text = amparo_bilingual_split ("Families reunited",
                                 "Three families were reunited this week in Los Angeles.\n\n"
                                 "En español\n\n"
                                 "**Familias reunificadas**\n\n"
                                 "Tres familias se reunificaron esta semana en Los Ángeles.");

  g_assert_cmpstr (text->title_es, ==, "Familias reunificadas");
  g_assert_cmpstr (text->body_es, ==, "Tres familias se reunificaron esta semana en Los Ángeles.");
}

static void
test_english_only (void)
{
  g_autoptr(AmparoBilingualText) text = NULL;

  text = amparo_bilingual_split ("Clinic schedule",
                                 "Clinics are held on Tuesdays.\n\n\n\nCall us first, 1. not a list.");

  g_assert_cmpstr (text->title_en, ==, "Clinic schedule");
  g_assert_cmpstr (text->body_en, ==, "Clinics are held on Tuesdays.\n\nCall us first, 1. not a list.");
  g_assert_null (text->body_es);
  g_assert_null (text->title_es);
  g_assert_cmpuint (g_strv_length (text->demands_en), ==, 0);
  g_assert_cmpuint (g_strv_length (text->demands_es), ==, 0);
}

static void
assert_title (const char *title,
              const char *english,
              const char *spanish)
{
  g_autoptr(AmparoBilingualText) text = amparo_bilingual_split (title, "Text.");

  g_assert_cmpstr (text->title_en, ==, english);
  g_assert_cmpstr (text->title_es, ==, spanish);
}

/* Only a second part that is really Spanish makes a Spanish title. */
static void
test_title_separators (void)
{
  assert_title ("Court rules – families win", "Court rules – families win", NULL);
  assert_title ("Statement | Immigrant Defenders Law Center",
                "Statement | Immigrant Defenders Law Center", NULL);
  assert_title ("Judge blocks policy - a win for families",
                "Judge blocks policy - a win for families", NULL);
  assert_title ("Remembering Jane - Jane de la Cruz, 1950-2024",
                "Remembering Jane - Jane de la Cruz, 1950-2024", NULL);
  assert_title ("Know your rights – Conozca sus derechos", "Know your rights", "Conozca sus derechos");
  assert_title ("Families reunited | Familias reunificadas", "Families reunited", "Familias reunificadas");
  assert_title ("Court approves the settlement - La corte aprueba el acuerdo",
                "Court approves the settlement", "La corte aprueba el acuerdo");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/bilingual-split/seed-statement", test_seed_statement);
  g_test_add_func ("/net/bilingual-split/heading-and-title", test_heading_and_title);
  g_test_add_func ("/net/bilingual-split/spanish-heading-kept", test_spanish_heading_kept);
  g_test_add_func ("/net/bilingual-split/spanish-title-line", test_spanish_title_line);
  g_test_add_func ("/net/bilingual-split/title-separators", test_title_separators);
  g_test_add_func ("/net/bilingual-split/english-only", test_english_only);

  return g_test_run ();
}
