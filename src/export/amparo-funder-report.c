/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-funder-report.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "amparo-date-format.h"

/* The funder report as a spreadsheet (CSV, one row a count, keys in
 * English so formulas keep working whatever the UI language) and as a
 * printable PDF in English and Spanish side by side: funders read one,
 * the board the other. Like the client notice, the PDF's own words are
 * kept here in both languages rather than going through gettext, which
 * translates into one language per process. Files are written whole
 * (never half) and readable by their owner only: they count children. */

#define PAGE_WIDTH  612.0
#define PAGE_HEIGHT 792.0
#define MARGIN      54.0

static const char * const titles_en[AMPARO_FUNDER_N_TABLES] = {
  "Clients served by program", "Clients served by funding source", "New intakes by program",
  "Closed proceedings by outcome", "Age group", "Country of birth", "First language",
  "Unaccompanied minors",
};

static const char * const titles_es[AMPARO_FUNDER_N_TABLES] = {
  "Clientes atendidos por programa", "Clientes atendidos por fuente de financiamiento",
  "Nuevos ingresos por programa", "Procedimientos cerrados por resultado", "Grupo de edad",
  "País de nacimiento", "Primer idioma", "Menores no acompañados",
};

static const struct { const char *key; const char *en; const char *es; } fixed_labels[] = {
  { "0-5", "0 to 5 years", "0 a 5 años" },
  { "6-12", "6 to 12 years", "6 a 12 años" },
  { "13-17", "13 to 17 years", "13 a 17 años" },
  { "18+", "18 and over", "18 años o más" },
  { "unknown", "Birth date not recorded", "Sin fecha de nacimiento" },
  { "yes", "Unaccompanied", "No acompañados" },
  { "no", "Accompanied or adult", "Acompañados o adultos" },
};

static gboolean
has_fixed_keys (AmparoFunderTable table)
{
  return table == AMPARO_FUNDER_AGE_GROUP || table == AMPARO_FUNDER_UNACCOMPANIED;
}

/* "Label / Etiqueta" for the PDF; free text (programs, countries) as written. */
static char *
bilingual_label (AmparoFunderTable  table,
                 AmparoReportBar   *bar)
{
  if (has_fixed_keys (table))
    for (guint i = 0; i < G_N_ELEMENTS (fixed_labels); i++)
      if (g_str_equal (bar->key, fixed_labels[i].key))
        return g_strdup_printf ("%s / %s", fixed_labels[i].en, fixed_labels[i].es);
  if (*bar->key == '\0')
    return g_strdup ("Not recorded / Sin registrar");
  return g_strdup (table == AMPARO_FUNDER_CLOSED_BY_OUTCOME && bar->label != NULL ? bar->label : bar->key);
}

static void
append_csv_field (GString    *csv,
                  const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") == NULL && *text != '=' && *text != '+' && *text != '-' && *text != '@')
    {
      g_string_append (csv, text);
      return;
    }
  /* Quoted, and a leading formula character made inert for spreadsheets. */
  g_string_append_c (csv, '"');
  if (*text == '=' || *text == '+' || *text == '-' || *text == '@')
    g_string_append_c (csv, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_csv_row (GString    *csv,
                const char *table,
                const char *key,
                const char *label,
                const char *count)
{
  append_csv_field (csv, table);
  g_string_append_c (csv, ',');
  append_csv_field (csv, key);
  g_string_append_c (csv, ',');
  append_csv_field (csv, label);
  g_string_append_c (csv, ',');
  append_csv_field (csv, count);
  g_string_append (csv, "\r\n");
}

/**
 * amparo_funder_report_format_csv:
 *
 * Returns: (transfer full): the report as CSV: table, key, label, count
 */
char *
amparo_funder_report_format_csv (AmparoFunderReport *report,
                                 gsize              *length)
{
  GString *csv = g_string_new (NULL);

  append_csv_row (csv, "table", "key", "label", "count");
  append_csv_row (csv, "period", "from", NULL, report->scope->from);
  append_csv_row (csv, "period", "until", NULL, report->scope->until);
  append_csv_row (csv, "period", "program", NULL, report->scope->program != NULL ? report->scope->program : "all");
  for (guint t = 0; t < AMPARO_FUNDER_N_TABLES; t++)
    {
      AmparoReportFigure *table = report->tables[t];

      for (guint i = 0; i < table->bars->len; i++)
        {
          AmparoReportBar *bar = g_ptr_array_index (table->bars, i);
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, bar->value);

          append_csv_row (csv, amparo_funder_table_get_key (t), bar->key, bar->label, count);
        }
    }
  if (length != NULL)
    *length = csv->len;
  return g_string_free (csv, FALSE);
}

typedef struct
{
  cairo_t *cr;
  double y;
} Page;

static double
show (Page       *page,
      const char *markup,
      double      x,
      double      width,
      double      size,
      gboolean    right)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (page->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.1);
  cairo_move_to (page->cr, x, page->y);
  pango_cairo_show_layout (page->cr, layout);
  return h;
}

static void
need_room (Page   *page,
           double  height)
{
  if (page->y + height <= PAGE_HEIGHT - MARGIN)
    return;
  cairo_show_page (page->cr);
  page->y = MARGIN;
}

static void
draw_table (Page               *page,
            AmparoFunderTable   t,
            AmparoReportFigure *table)
{
  double width = PAGE_WIDTH - 2 * MARGIN;
  g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>  ·  <i>%s</i>", titles_en[t], titles_es[t]);
  gint64 max = 1;

  for (guint i = 0; i < table->bars->len; i++)
    max = MAX (max, ((AmparoReportBar *) g_ptr_array_index (table->bars, i))->value);

  need_room (page, 60);
  page->y += show (page, heading, MARGIN, width, 12, FALSE) + 6;
  if (table->bars->len == 0)
    page->y += show (page, "None in this period / Ninguno en este periodo", MARGIN, width, 10, FALSE) + 4;
  for (guint i = 0; i < table->bars->len; i++)
    {
      AmparoReportBar *bar = g_ptr_array_index (table->bars, i);
      g_autofree char *label = bilingual_label (t, bar);
      g_autofree char *escaped = g_markup_escape_text (label, -1);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, bar->value);
      double h;

      need_room (page, 18);
      h = show (page, escaped, MARGIN, width * 0.55, 10, FALSE);
      cairo_set_source_rgb (page->cr, 0.21, 0.52, 0.89);
      cairo_rectangle (page->cr, MARGIN + width * 0.57, page->y + 3, width * 0.33 * bar->value / max, 8);
      cairo_fill (page->cr);
      show (page, count, MARGIN + width * 0.9, width * 0.1, 10, TRUE);
      page->y += MAX (h, 14) + 3;
    }
  page->y += 14;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
period_text (const AmparoReportScope *scope,
             const char              *language)
{
  g_autofree char *from = amparo_date_format_iso (scope->from, language, AMPARO_DATE_LONG);
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *midday = g_strconcat (scope->until, "T12:00:00Z", NULL);
  g_autofree char *last = NULL;

  until = g_date_time_new_from_iso8601 (midday, NULL);
  if (until != NULL)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (until, -1);
      last = amparo_date_format (day, language, AMPARO_DATE_LONG);
    }
  return g_strdup_printf (g_str_equal (language, "es") ? "Del %s al %s" : "%s to %s", from, last ?: "");
}

/**
 * amparo_funder_report_render_pdf:
 * @organization: (nullable): the organization's name for the heading
 *
 * Returns: (transfer full) (nullable): the PDF, US Letter, English and
 *   Spanish, or %NULL with @error set
 */
GBytes *
amparo_funder_report_render_pdf (AmparoFunderReport  *report,
                                 const char          *organization,
                                 GError             **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  Page page = { cairo_create (surface), MARGIN };
  double width = PAGE_WIDTH - 2 * MARGIN;
  g_autofree char *period_en = period_text (report->scope, "en");
  g_autofree char *period_es = period_text (report->scope, "es");
  g_autofree char *title = g_markup_printf_escaped ("<b>Funder report</b>  ·  <i>Informe para financiadores</i>");
  g_autofree char *who = g_markup_printf_escaped ("%s", organization != NULL ? organization : "");
  g_autofree char *when = g_markup_printf_escaped ("%s  ·  <i>%s</i>", period_en, period_es);
  g_autofree char *program = report->scope->program != NULL
    ? g_markup_printf_escaped ("Program / Programa: %s", report->scope->program)
    : g_strdup ("All programs / Todos los programas");
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Funder report / Informe para financiadores");
  page.y += show (&page, title, MARGIN, width, 18, FALSE) + 4;
  if (*who != '\0')
    page.y += show (&page, who, MARGIN, width, 11, FALSE) + 2;
  page.y += show (&page, when, MARGIN, width, 11, FALSE) + 2;
  page.y += show (&page, program, MARGIN, width, 11, FALSE) + 20;
  for (guint t = 0; t < AMPARO_FUNDER_N_TABLES; t++)
    draw_table (&page, t, report->tables[t]);

  cairo_show_page (page.cr);
  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s."),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * amparo_funder_report_export:
 * @format: "csv" or "pdf"
 * @path: the file to write (replaced whole if it exists)
 *
 * Counts the funder report for @scope, writes it readable by its owner
 * only, and journals the export (on the organization's record).
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
amparo_funder_report_export (AmparoStore             *store,
                             const AmparoReportScope *scope,
                             const char              *format,
                             const char              *path,
                             GError                 **error)
{
  g_autoptr(AmparoFunderReport) report = NULL;
  g_autoptr(AmparoOrganization) organization = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(report = amparo_store_funder_report (store, scope, error)))
    return FALSE;
  organization = amparo_store_get_organization (store, error);
  if (organization == NULL)
    return FALSE;

  if (g_strcmp0 (format, "pdf") == 0)
    bytes = amparo_funder_report_render_pdf (report, amparo_organization_get_name (organization), error);
  else
    {
      gsize length;
      char *csv = amparo_funder_report_format_csv (report, &length);

      bytes = g_bytes_new_take (csv, length);
    }
  if (bytes == NULL)
    return FALSE;

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_prefix_error (error, _("The funder report was not saved: "));
      return FALSE;
    }
  /* Translators: journal details; %s is the file written */
  details = g_strdup_printf (_("Funder report (%s to %s) written to %s"), scope->from, scope->until, path);
  return amparo_store_log_action (store, AMPARO_JOURNAL_ACTION_EXPORT, AMPARO_RECORD (organization), details, error);
}
