/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-release-render.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "amparo-date-format.h"
#include "amparo-private-file.h"

/* A release as it is published: header (immediate or embargoed), media
 * contact, title, dateline, body, the numbered demands and the
 * organization's About-us text, in English, in Spanish, or both with
 * "Español abajo" at the top as the organization's bilingual statements
 * have always been written.
 *
 * The fixed phrases are a table here rather than gettext strings: the
 * language of a release is chosen per export, independent of the UI
 * language, and gettext only knows the one language of the process (see
 * amparo-date-format.c for the same reason with month names). */

#define PDF_WIDTH  612.0
#define PDF_HEIGHT 792.0
#define PDF_MARGIN 64.0

static const struct {
  const char *key;
  const char *en;
  const char *es;
} phrases[] = {
  { "immediate", "FOR IMMEDIATE RELEASE", "PARA PUBLICACIÓN INMEDIATA" },
  { "embargoed", "EMBARGOED UNTIL", "EMBARGADO HASTA" },
  { "media-contact", "Media contact", "Contacto de prensa" },
  { "demands", "Our demands", "Nuestras exigencias" },
  { "about", "About", "Acerca de" },
  { "spanish-below", "Español abajo", "Español abajo" },
  { "spanish", "Español", "Español" },
};

/**
 * amparo_release_phrase:
 * @key: "immediate", "embargoed", "media-contact", "demands", "about"…
 * @language: "en" or "es"
 *
 * Returns: the fixed phrase of a release in @language
 */
const char *
amparo_release_phrase (const char *key,
                       const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (g_str_equal (phrases[i].key, key))
      return g_strcmp0 (language, "es") == 0 ? phrases[i].es : phrases[i].en;
  g_return_val_if_reached (key);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[strspn (text, " \t\n")] == '\0';
}

static const char *
field (AmparoRecord *record,
       const char   *base,
       const char   *language)
{
  g_autofree char *name = NULL;

  if (record == NULL)
    return NULL;
  name = g_strdup_printf ("%s-%s", base, language);
  return amparo_record_get_string (record, name);
}

static void
emit_heading (GString            *out,
              const char         *text,
              int                 level,
              AmparoMarkupFormat  format)
{
  g_autofree char *escaped = amparo_markup_escape (text, format);

  switch (format)
    {
    case AMPARO_MARKUP_HTML:
      g_string_append_printf (out, "<h%d>%s</h%d>\n", level, escaped, level);
      break;
    case AMPARO_MARKUP_MARKDOWN:
      g_string_append_printf (out, "%s %s\n\n", level == 1 ? "#" : "##", escaped);
      break;
    case AMPARO_MARKUP_PANGO:
      g_string_append_printf (out, "<span size=\"%s\" weight=\"bold\">%s</span>\n\n",
                              level == 1 ? "x-large" : "large", escaped);
      break;
    case AMPARO_MARKUP_PLAIN:
    default:
      g_string_append_printf (out, "%s\n\n", escaped);
      break;
    }
}

static void
emit_strong (GString            *out,
             const char         *text,
             AmparoMarkupFormat  format)
{
  g_autofree char *escaped = amparo_markup_escape (text, format);

  if (format == AMPARO_MARKUP_HTML)
    g_string_append_printf (out, "<p><strong>%s</strong></p>\n", escaped);
  else if (format == AMPARO_MARKUP_MARKDOWN)
    g_string_append_printf (out, "**%s**\n\n", escaped);
  else if (format == AMPARO_MARKUP_PANGO)
    g_string_append_printf (out, "<b>%s</b>\n\n", escaped);
  else
    g_string_append_printf (out, "%s\n\n", escaped);
}

static void
emit_body (GString            *out,
           const char         *simple,
           AmparoMarkupFormat  format)
{
  g_autofree char *rendered = NULL;

  if (is_blank (simple))
    return;
  rendered = amparo_markup_render (simple, format);
  g_string_append (out, rendered);
  if (format != AMPARO_MARKUP_HTML)
    g_string_append_c (out, '\n');
}

static char *
format_embargo (AmparoRelease *release,
                const char    *language)
{
  const char *until = amparo_release_get_embargo_until (release);
  const char *zone = amparo_release_get_embargo_timezone (release);
  g_autoptr(GDateTime) datetime = g_date_time_new_from_iso8601 (until, NULL);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *offset = NULL;

  if (datetime == NULL)
    return g_strdup (until);
  if (!is_blank (zone))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

      if (tz != NULL)
        {
          GDateTime *local = g_date_time_to_timezone (datetime, tz);

          g_date_time_unref (datetime);
          datetime = local;
        }
    }
  date = amparo_date_format (datetime, language, AMPARO_DATE_LONG);
  time = amparo_time_format (datetime, language);
  /* "(Pacific time)", "(hora del Pacífico)": never the raw identifier. */
  if (!is_blank (zone))
    {
      g_autofree char *words = amparo_time_zone_describe (zone, language);
      return g_strdup_printf ("%s, %s (%s)", date, time, words);
    }
  offset = g_date_time_format (datetime, "%:z");
  return g_strdup_printf ("%s, %s (UTC%s)", date, time, offset);
}

static void
emit_header (GString            *out,
             AmparoRelease      *release,
             const char         *language,
             AmparoMarkupFormat  format)
{
  g_autofree char *embargo = NULL;
  g_autofree char *line = NULL;

  if (is_blank (amparo_release_get_embargo_until (release)))
    {
      emit_strong (out, amparo_release_phrase ("immediate", language), format);
      return;
    }
  embargo = format_embargo (release, language);
  line = g_strdup_printf ("%s %s", amparo_release_phrase ("embargoed", language), embargo);
  emit_strong (out, line, format);
}

static char *
media_contact (AmparoRelease      *release,
               AmparoOrganization *organization)
{
  const char *parts[3] = { NULL, };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (!is_blank (amparo_release_get_media_contact (release)))
    return g_strdup (amparo_release_get_media_contact (release));
  if (organization == NULL)
    return NULL;
  parts[0] = amparo_organization_get_media_contact_name (organization);
  parts[1] = amparo_organization_get_media_contact_phone (organization);
  parts[2] = amparo_organization_get_media_contact_email (organization);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!is_blank (parts[i]))
      g_strv_builder_add (builder, parts[i]);
  strv = g_strv_builder_end (builder);
  return strv[0] != NULL ? g_strjoinv ("; ", strv) : NULL;
}

static void
emit_contact (GString            *out,
              AmparoRelease      *release,
              AmparoOrganization *organization,
              const char         *language,
              AmparoMarkupFormat  format)
{
  g_autofree char *contact = media_contact (release, organization);
  g_autofree char *line = NULL;
  g_autofree char *simple = NULL;

  if (is_blank (contact))
    return;
  /* The contact is typed text: escape it within the simple format too. */
  simple = amparo_markup_escape (contact, AMPARO_MARKUP_MARKDOWN);
  line = g_strdup_printf ("**%s:** %s", amparo_release_phrase ("media-contact", language), simple);
  emit_body (out, line, format);
}

/* Each language has its own dateline (LOS ANGELES, LOS ÁNGELES); a
 * Spanish text without one borrows the English one rather than none. */
static const char *
dateline_for (AmparoRelease *release,
              const char    *language)
{
  const char *spanish = amparo_release_get_dateline_es (release);

  if (g_strcmp0 (language, "es") == 0 && !is_blank (spanish))
    return spanish;
  return amparo_release_get_dateline (release);
}

static char *
dateline_body (AmparoRelease *release,
               const char    *language)
{
  const char *body = field (AMPARO_RECORD (release), "body", language);
  const char *place = dateline_for (release, language);
  g_autofree char *date = amparo_date_format_iso (amparo_release_get_release_date (release),
                                                  language, AMPARO_DATE_LONG);
  g_autofree char *place_md = amparo_markup_escape (place, AMPARO_MARKUP_MARKDOWN);
  g_autofree char *lead = NULL;

  if (is_blank (place) && date == NULL)
    return g_strdup (body);
  if (is_blank (place))
    lead = g_strdup_printf ("**(%s)**", date);
  else if (date == NULL)
    lead = g_strdup_printf ("**%s**", place_md);
  else
    lead = g_strdup_printf ("**%s (%s)**", place_md, date);
  if (is_blank (body))
    return g_steal_pointer (&lead);
  return g_strdup_printf ("%s — %s", lead, body);
}

static void
emit_demands (GString            *out,
              GPtrArray          *demands,
              const char         *language,
              AmparoMarkupFormat  format)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (demands == NULL || demands->len == 0)
    return;
  for (guint i = 0; i < demands->len; i++)
    {
      AmparoRecord *demand = g_ptr_array_index (demands, i);
      const char *text = field (demand, "text", language);
      g_autofree char *one_line = NULL;

      if (is_blank (text))
        text = field (demand, "title", language);
      if (is_blank (text))
        text = field (demand, "text", "en");
      one_line = g_strdelimit (g_strdup (text != NULL ? text : ""), "\n", ' ');
      g_string_append_printf (list, "%u. %s\n", i + 1, one_line);
    }
  emit_heading (out, amparo_release_phrase ("demands", language), 2, format);
  emit_body (out, list->str, format);
}

static void
emit_about (GString            *out,
            AmparoOrganization *organization,
            const char         *language,
            AmparoMarkupFormat  format)
{
  const char *about = field (AMPARO_RECORD (organization), "about", language);
  const char *name;
  g_autofree char *heading = NULL;

  if (organization == NULL || is_blank (about))
    return;
  name = amparo_organization_get_name (organization);
  heading = g_strjoin (" ", amparo_release_phrase ("about", language),
                       !is_blank (name) ? name : "", NULL);
  emit_heading (out, g_strchomp (heading), 2, format);
  emit_body (out, about, format);
}

/* "###", the mark that ends the text of a release before the boilerplate. */
static void
emit_end_mark (GString            *out,
               AmparoMarkupFormat  format)
{
  if (format == AMPARO_MARKUP_HTML)
    g_string_append (out, "<p style=\"text-align: center\">###</p>\n");
  else if (format == AMPARO_MARKUP_MARKDOWN)
    g_string_append (out, "\\#\\#\\#\n\n");
  else
    g_string_append (out, "###\n\n");
}

static void
emit_version (GString            *out,
              AmparoRelease      *release,
              GPtrArray          *demands,
              AmparoOrganization *organization,
              const char         *language,
              gboolean            spanish_below,
              AmparoMarkupFormat  format)
{
  g_autofree char *body = dateline_body (release, language);

  emit_header (out, release, language, format);
  if (spanish_below)
    emit_strong (out, amparo_release_phrase ("spanish-below", language), format);
  emit_contact (out, release, organization, language, format);
  emit_heading (out, field (AMPARO_RECORD (release), "title", language), 1, format);
  emit_body (out, body, format);
  emit_demands (out, demands, language, format);
  emit_end_mark (out, format);
  emit_about (out, organization, language, format);
}

/**
 * amparo_release_render:
 * @demands: (nullable) (element-type AmparoDemand): the numbered demands
 * @organization: (nullable): for the media contact and the About-us text
 *
 * Returns: (transfer full): the release as published, in @format, with
 *   everything typed escaped (an HTML fragment for HTML)
 */
char *
amparo_release_render (AmparoRelease         *release,
                       GPtrArray             *demands,
                       AmparoOrganization    *organization,
                       AmparoReleaseLanguage  language,
                       AmparoMarkupFormat     format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (AMPARO_IS_RELEASE (release), NULL);

  if (language == AMPARO_RELEASE_SPANISH)
    {
      emit_version (out, release, demands, organization, "es", FALSE, format);
      return g_string_free (out, FALSE);
    }
  emit_version (out, release, demands, organization, "en",
                language == AMPARO_RELEASE_COMBINED, format);
  if (language != AMPARO_RELEASE_COMBINED)
    return g_string_free (out, FALSE);

  if (format == AMPARO_MARKUP_HTML)
    g_string_append (out, "<hr>\n<div lang=\"es\">\n");
  else if (format == AMPARO_MARKUP_MARKDOWN)
    g_string_append (out, "---\n\n");
  else
    g_string_append (out, "――――――――――\n\n");
  emit_version (out, release, demands, organization, "es", FALSE, format);
  if (format == AMPARO_MARKUP_HTML)
    g_string_append (out, "</div>\n");
  return g_string_free (out, FALSE);
}

/**
 * amparo_release_file_extension:
 *
 * Returns: "html", "md", "txt" or "pdf"
 */
const char *
amparo_release_file_extension (AmparoReleaseFile file)
{
  static const char *extensions[] = { "html", "md", "txt", "pdf" };

  g_return_val_if_fail (file <= AMPARO_RELEASE_FILE_PDF, "txt");
  return extensions[file];
}

static char *
html_document (AmparoRelease         *release,
               const char            *fragment,
               AmparoReleaseLanguage  language)
{
  const char *lang = language == AMPARO_RELEASE_SPANISH ? "es" : "en";
  const char *title = field (AMPARO_RECORD (release), "title", lang);
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);

  return g_strdup_printf ("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n<title>%s</title>\n</head>\n"
                          "<body>\n%s</body>\n</html>\n",
                          lang, escaped, fragment);
}

/* A page may end a few lines early, but never leave a couple of lines
 * alone on a page of their own: the text is set a little smaller until
 * they fit on the page before (down to PDF_SMALLEST_POINTS). */
#define PDF_POINTS          11.0
#define PDF_SMALLEST_POINTS 10.0
#define PDF_FEWEST_LINES    4

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *markup,
               double      points)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Serif");

  pango_font_description_set_size (font, (int) (points * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) ((PDF_WIDTH - 2 * PDF_MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static gboolean
line_is_blank (PangoLayoutIter *iter)
{
  return pango_layout_iter_get_line_readonly (iter)->length == 0;
}

/* Lays the lines out on pages; with @cr, draws them. A blank line never
 * starts a page, and blank lines after the last text make no page.
 * Returns the number of pages; @last_lines, the lines of text on the
 * last one. */
static guint
lay_out_pages (PangoLayout *layout,
               cairo_t     *cr,
               guint       *last_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double offset = 0, room = PDF_HEIGHT - 2 * PDF_MARGIN;
  int n_lines = pango_layout_get_line_count (layout), last_text = -1, index = 0;
  guint pages = 1;
  gboolean need_page = FALSE;

  do
    if (!line_is_blank (iter))
      last_text = index;
  while (index++, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  *last_lines = 0;
  iter = pango_layout_get_iter (layout);
  for (index = 0; index <= last_text && index < n_lines; index++, pango_layout_iter_next_line (iter))
    {
      PangoRectangle rect;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      top = (double) rect.y / PANGO_SCALE - offset;
      bottom = top + (double) rect.height / PANGO_SCALE;
      if (line_is_blank (iter) && (need_page || bottom > room || (pages > 1 && *last_lines == 0)))
        {
          /* Skipped: the next page starts with the next text. */
          need_page = need_page || bottom > room;
          if (!need_page)
            offset = (double) (rect.y + rect.height) / PANGO_SCALE;
          continue;
        }
      if (need_page || bottom > room)
        {
          if (cr != NULL)
            cairo_show_page (cr);
          pages++;
          *last_lines = 0;
          need_page = FALSE;
          offset = (double) rect.y / PANGO_SCALE;
        }
      if (!line_is_blank (iter))
        (*last_lines)++;
      if (cr == NULL)
        continue;
      cairo_move_to (cr, PDF_MARGIN + (double) rect.x / PANGO_SCALE,
                     PDF_MARGIN + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - offset);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  pango_layout_iter_free (iter);
  return pages;
}

static void
draw_pages (cairo_t    *cr,
            const char *markup)
{
  double points = PDF_POINTS;
  PangoLayout *layout = create_layout (cr, markup, points);
  guint last_lines, pages = lay_out_pages (layout, NULL, &last_lines);

  while (pages > 1 && last_lines < PDF_FEWEST_LINES && points > PDF_SMALLEST_POINTS)
    {
      PangoLayout *smaller = create_layout (cr, markup, points - 0.25);
      guint smaller_last;

      if (lay_out_pages (smaller, NULL, &smaller_last) < pages)
        {
          g_object_unref (layout);
          layout = smaller;
          break;
        }
      points -= 0.25;
      g_object_unref (smaller);
    }
  lay_out_pages (layout, cr, &last_lines);
  g_object_unref (layout);
}

static gboolean
write_pdf (const char  *markup,
           const char  *path,
           GError     **error)
{
  /* Drawn into a private (0600) file that takes its name once whole. */
  g_autofree char *temp = amparo_private_file_begin (path, error);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (temp == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create (temp, PDF_WIDTH, PDF_HEIGHT);
  cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_pages (cr, markup);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      amparo_private_file_abort (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return amparo_private_file_finish (temp, path, NULL, NULL, error);
}

/**
 * amparo_release_write_file:
 *
 * Writes the release to @path as HTML, Markdown, plain text or PDF.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_release_write_file (AmparoRelease         *release,
                           GPtrArray             *demands,
                           AmparoOrganization    *organization,
                           AmparoReleaseLanguage  language,
                           AmparoReleaseFile      file,
                           const char            *path,
                           GError               **error)
{
  static const AmparoMarkupFormat formats[] = {
    AMPARO_MARKUP_HTML, AMPARO_MARKUP_MARKDOWN, AMPARO_MARKUP_PLAIN, AMPARO_MARKUP_PANGO,
  };
  g_autofree char *text = amparo_release_render (release, demands, organization,
                                                 language, formats[file]);
  g_autofree char *document = NULL;

  if (file == AMPARO_RELEASE_FILE_PDF)
    return write_pdf (text, path, error);
  if (file == AMPARO_RELEASE_FILE_HTML)
    {
      document = html_document (release, text, language);
      return amparo_private_file_write (path, document, strlen (document), NULL, NULL, error);
    }
  return amparo_private_file_write (path, text, strlen (text), NULL, NULL, error);
}
