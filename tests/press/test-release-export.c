/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "amparo-markup.h"
#include "amparo-release-render.h"
#include "amparo-sample-data.h"
#include "amparo-test-store.h"

/* The simple text format and the release as published, without GTK. */

static void
test_markup_escapes (void)
{
  g_autofree char *html = amparo_markup_render ("Hi <script>alert(1)</script> & **bold** *it*\n\n"
                                                "1. one\n2. [link](https://example.org/?a=1&b=2)\n"
                                                "3. [bad](javascript:alert(1))", AMPARO_MARKUP_HTML);
  g_autofree char *plain = amparo_markup_render ("**bold** and [x](https://a.org)", AMPARO_MARKUP_PLAIN);
  g_autofree char *pango = amparo_markup_render ("a <b> *c*", AMPARO_MARKUP_PANGO);
  g_autofree char *md = amparo_markup_render ("<i>x</i> **y**", AMPARO_MARKUP_MARKDOWN);

  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "<strong>bold</strong>"));
  g_assert_nonnull (strstr (html, "<em>it</em>"));
  g_assert_nonnull (strstr (html, "<ol>\n<li>one</li>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/?a=1&amp;b=2\">link</a>"));
  g_assert_null (strstr (html, "href=\"javascript"));
  g_assert_cmpstr (plain, ==, "bold and x (https://a.org)\n");
  g_assert_cmpstr (pango, ==, "a &lt;b&gt; <i>c</i>\n");
  g_assert_nonnull (strstr (md, "&lt;i&gt;x&lt;/i&gt; **y**"));
  g_assert_cmpuint (amparo_markup_count_words ("**Two** words.\n\n1. three"), ==, 3);
  g_assert_cmpuint (amparo_markup_count_words (""), ==, 0);
}

static AmparoRelease *
make_release (void)
{
  AmparoRelease *release = amparo_release_new ();

  amparo_release_set_title_en (release, "Judge orders <script>x</script> reunification");
  amparo_release_set_title_es (release, "Jueza ordena la reunificación");
  amparo_release_set_body_en (release, "Families **must** be reunited.");
  amparo_release_set_body_es (release, "Las familias **deben** reunirse.");
  amparo_release_set_dateline (release, "San Diego, CA");
  amparo_release_set_release_date (release, "2023-12-11");
  amparo_release_set_media_contact (release, "Renee Garcia, 213-634-7615");
  return release;
}

static GPtrArray *
make_demands (void)
{
  GPtrArray *demands = g_ptr_array_new_with_free_func (g_object_unref);
  const char *texts[][2] = {
    { "End family separation", "Poner fin a la separación familiar" },
    { "Fund legal representation", "Financiar la representación legal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      AmparoDemand *demand = amparo_demand_new ();

      amparo_demand_set_text_en (demand, texts[i][0]);
      amparo_demand_set_text_es (demand, texts[i][1]);
      g_ptr_array_add (demands, demand);
    }
  return demands;
}

static AmparoOrganization *
make_organization (void)
{
  AmparoOrganization *organization = amparo_organization_new ();

  amparo_organization_set_name (organization, "Amparo Legal");
  amparo_organization_set_about_en (organization, "We defend immigrants.");
  amparo_organization_set_about_es (organization, "Defendemos a inmigrantes.");
  return organization;
}

static void
test_render_combined (void)
{
  g_autoptr(AmparoRelease) release = make_release ();
  g_autoptr(GPtrArray) demands = make_demands ();
  g_autoptr(AmparoOrganization) organization = make_organization ();
  g_autofree char *html = amparo_release_render (release, demands, organization,
                                                 AMPARO_RELEASE_COMBINED, AMPARO_MARKUP_HTML);
  g_autofree char *text = NULL;
  const char *en, *below, *es;

  en = strstr (html, "Families <strong>must</strong> be reunited.");
  below = strstr (html, "Español abajo");
  es = strstr (html, "Las familias <strong>deben</strong> reunirse.");
  g_assert_nonnull (en);
  g_assert_nonnull (below);
  g_assert_nonnull (es);
  g_assert_true (en < es);
  g_assert_nonnull (strstr (html, "FOR IMMEDIATE RELEASE"));
  g_assert_nonnull (strstr (html, "PARA PUBLICACIÓN INMEDIATA"));
  g_assert_nonnull (strstr (html, "<li>End family separation</li>"));
  g_assert_nonnull (strstr (html, "<li>Financiar la representación legal</li>"));
  g_assert_nonnull (strstr (html, "Renee Garcia, 213-634-7615"));
  g_assert_nonnull (strstr (html, "Contacto de prensa"));
  g_assert_nonnull (strstr (html, "We defend immigrants."));
  g_assert_nonnull (strstr (html, "Defendemos a inmigrantes."));
  g_assert_nonnull (strstr (html, "San Diego, CA (December 11, 2023)"));
  g_assert_nonnull (strstr (html, "San Diego, CA (11 de diciembre de 2023)"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_null (strstr (html, "<script"));

  amparo_release_set_embargo_until (release, "2023-12-11T18:00:00Z");
  amparo_release_set_embargo_timezone (release, "America/Los_Angeles");
  text = amparo_release_render (release, demands, organization,
                                AMPARO_RELEASE_SPANISH, AMPARO_MARKUP_PLAIN);
  g_assert_nonnull (strstr (text, "EMBARGADO HASTA 11 de diciembre de 2023"));
  g_assert_nonnull (strstr (text, "(hora del Pacífico)"));
  g_assert_null (strstr (text, "America/Los_Angeles"));
  g_assert_nonnull (strstr (text, "1. Poner fin a la separación familiar\n2. "));
  g_assert_null (strstr (text, "Families"));
}

static void
test_write_files (void)
{
  g_autoptr(AmparoRelease) release = make_release ();
  g_autoptr(GPtrArray) demands = make_demands ();
  g_autoptr(AmparoOrganization) organization = make_organization ();
  g_autofree char *dir = amparo_test_make_dir ();

  for (AmparoReleaseFile file = AMPARO_RELEASE_FILE_HTML; file <= AMPARO_RELEASE_FILE_PDF; file++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("release.%s", amparo_release_file_extension (file));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (amparo_release_write_file (release, demands, organization,
                                                AMPARO_RELEASE_COMBINED, file, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      if (file == AMPARO_RELEASE_FILE_PDF)
        g_assert_true (g_str_has_prefix (contents, "%PDF"));
      else if (file == AMPARO_RELEASE_FILE_HTML)
        g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
      {
        GStatBuf st;

        /* Private to its owner, like every file Amparo writes. */
        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      }
    }
  amparo_test_remove_dir (dir);
}

/* Each language its own dateline, kept by the store (issue #13). */
static void
test_dateline_per_language (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "amparo.db");
  g_autoptr(AmparoRelease) release = make_release ();
  g_autoptr(AmparoRelease) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  amparo_release_set_dateline (release, "LOS ANGELES");
  amparo_release_set_dateline_es (release, "LOS ÁNGELES");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (release), &error));
  g_assert_no_error (error);
  stored = amparo_store_get_by_id (store, AMPARO_TYPE_RELEASE,
                                   amparo_record_get_id (AMPARO_RECORD (release)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_release_get_dateline_es (stored), ==, "LOS ÁNGELES");

  html = amparo_release_render (stored, NULL, NULL, AMPARO_RELEASE_COMBINED, AMPARO_MARKUP_HTML);
  g_assert_nonnull (strstr (html, "LOS ANGELES (December 11, 2023)"));
  g_assert_nonnull (strstr (html, "LOS ÁNGELES (11 de diciembre de 2023)"));
  g_assert_null (strstr (html, "LOS ANGELES (11 de diciembre"));

  /* A Spanish text without its own dateline borrows the English one. */
  amparo_release_set_dateline_es (stored, NULL);
  g_clear_pointer (&html, g_free);
  html = amparo_release_render (stored, NULL, NULL, AMPARO_RELEASE_SPANISH, AMPARO_MARKUP_HTML);
  g_assert_nonnull (strstr (html, "LOS ANGELES (11 de diciembre de 2023)"));
  g_clear_object (&store);
  amparo_test_remove_dir (dir);
}

static AmparoRelease *
sample_release (AmparoStore *store,
                const char  *title_part,
                GPtrArray  **demands)
{
  g_autoptr(GListModel) releases = amparo_store_list (store, AMPARO_TYPE_RELEASE, AMPARO_LIST_LIVE);

  for (guint i = 0; i < g_list_model_get_n_items (releases); i++)
    {
      g_autoptr(AmparoRelease) release = g_list_model_get_item (releases, i);
      g_autoptr(GListModel) links = NULL;

      if (strstr (amparo_release_get_title_en (release), title_part) == NULL)
        continue;
      links = amparo_store_list_release_demands (store, release);
      *demands = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint j = 0; j < g_list_model_get_n_items (links); j++)
        g_ptr_array_add (*demands, g_list_model_get_item (links, j));
      return g_steal_pointer (&release);
    }
  g_assert_not_reached ();
}

/* Poppler reads the file as any PDF viewer would: pages end with a
 * form feed. Returns the number of pages, and in @last_lines the lines
 * of text on the last one. */
static guint
read_pdf_pages (const char *path,
                guint      *last_lines)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, NULL));
  pages = g_strsplit (out, "\f", -1);
  n = g_strv_length (pages);
  if (n > 0 && *g_strstrip (pages[n - 1]) == '\0')
    n--;  /* after the last form feed */
  g_assert_cmpuint (n, >, 0);
  lines = g_strsplit (pages[n - 1], "\n", -1);
  *last_lines = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      (*last_lines)++;
  return n;
}

/* The sample settlement release in both languages, its Spanish text cut
 * shorter and shorter, three words at a time: whatever the length, no page of
 * the PDF holds only a line or two spilled from the one before (#13).
 * The file is private to its owner, like every file Amparo writes. */
static void
test_pdf_pages (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "amparo.db");
  g_autoptr(GPtrArray) demands = NULL;
  g_autoptr(AmparoRelease) release = NULL;
  g_autoptr(AmparoOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "release.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_auto(GStrv) words = NULL;
  guint n_words;
  GStatBuf st;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  amparo_sample_data_load (store, &error);
  g_assert_no_error (error);
  organization = amparo_store_get_organization (store, &error);
  g_assert_no_error (error);
  release = sample_release (store, "Settlement", &demands);
  words = g_strsplit (amparo_release_get_body_es (release), " ", -1);
  n_words = g_strv_length (words);
  for (guint cut = n_words; cut > 0; cut = cut > 3 ? cut - 3 : 0)
    {
      g_autofree char *body = NULL;
      char *kept = words[cut];
      guint pages, last_lines;

      words[cut] = NULL;
      body = g_strjoinv (" ", words);
      words[cut] = kept;
      amparo_release_set_body_es (release, body);
      g_assert_true (amparo_release_write_file (release, demands, organization,
                                                AMPARO_RELEASE_COMBINED, AMPARO_RELEASE_FILE_PDF,
                                                path, &error));
      g_assert_no_error (error);
      pages = read_pdf_pages (path, &last_lines);
      g_test_message ("Spanish cut after word %u: %u pages, %u lines on the last",
                      cut, pages, last_lines);
      if (pages > 1)
        g_assert_cmpuint (last_lines, >=, 4);
    }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&store);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/press/markup/escapes", test_markup_escapes);
  g_test_add_func ("/press/render/combined", test_render_combined);
  g_test_add_func ("/press/render/files", test_write_files);
  g_test_add_func ("/press/render/dateline-per-language", test_dateline_per_language);
  g_test_add_func ("/press/render/pdf-pages", test_pdf_pages);

  return g_test_run ();
}
