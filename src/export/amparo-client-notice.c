/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-client-notice.h"
#include "amparo-private-file.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "amparo-date-format.h"

/* A one-page notice for the client, in the client's language, which is
 * not necessarily the language of the interface the staff member uses.
 * gettext translates into one language per process, so the notice's
 * sentences are kept here as an English/Spanish table instead of going
 * through _(), the same way amparo-date-format.c keeps month names. */

#define MARGIN 54.0
#define MAX_EVENTS 6
/* Room kept at the bottom for what to bring and how to reach us. */
#define RESERVED_BOTTOM 290.0

typedef enum {
  TEXT_TITLE,
  TEXT_FOR,
  TEXT_A_NUMBER,
  TEXT_INTRO,
  TEXT_NONE,
  TEXT_TIME,
  TEXT_PLACE,
  TEXT_COURT,
  TEXT_JUDGE,
  TEXT_CASE,
  TEXT_MORE,
  TEXT_BRING,
  TEXT_BRING_1,
  TEXT_BRING_2,
  TEXT_BRING_3,
  TEXT_BRING_4,
  TEXT_CONTACT,
  TEXT_PHONE,
  TEXT_EMAIL,
  TEXT_WEB,
  TEXT_STAFF,
  TEXT_NO_CONTACT,
  TEXT_PREPARED,
  KIND_HEARING,
  KIND_INTERVIEW,
  KIND_FILING,
  KIND_APPEAL,
  KIND_CHECK_IN,
  KIND_BENEFIT_END,
  KIND_OTHER,
  N_TEXTS
} NoticeText;

static const char * const texts_en[N_TEXTS] = {
  [TEXT_TITLE] = "Your upcoming appointments",
  [TEXT_FOR] = "For: %s",
  [TEXT_A_NUMBER] = "A-Number: %s",
  [TEXT_INTRO] = "Please keep this page and bring it with you to each appointment.",
  [TEXT_NONE] = "You have no upcoming appointments with us right now. We will tell you as soon as a date is set.",
  [TEXT_TIME] = "Time: %s",
  [TEXT_PLACE] = "Place: %s",
  [TEXT_COURT] = "Court: %s",
  [TEXT_JUDGE] = "Judge: %s",
  [TEXT_CASE] = "Case number: %s",
  [TEXT_MORE] = "You have more appointments after these; we will give you the dates.",
  [TEXT_BRING] = "What to bring",
  [TEXT_BRING_1] = "This page, and every letter you received from the court or from ICE.",
  [TEXT_BRING_2] = "An identity document: passport, consular ID or any ID you have.",
  [TEXT_BRING_3] = "Any papers your attorney asked you for.",
  [TEXT_BRING_4] = "Arrive 30 minutes early. If you cannot go, call us right away.",
  [TEXT_CONTACT] = "Questions? Contact us",
  [TEXT_PHONE] = "Phone: %s",
  [TEXT_EMAIL] = "Email: %s",
  [TEXT_WEB] = "Website: %s",
  [TEXT_STAFF] = "Ask for: %s",
  [TEXT_NO_CONTACT] = "Ask the person who gave you this page to write our phone number here: ______________",
  [TEXT_PREPARED] = "Prepared on %s",
  [KIND_HEARING] = "Hearing at immigration court",
  [KIND_INTERVIEW] = "Interview",
  [KIND_FILING] = "Deadline to file papers",
  [KIND_APPEAL] = "Deadline to appeal",
  [KIND_CHECK_IN] = "Check-in with ICE",
  [KIND_BENEFIT_END] = "Your benefit ends",
  [KIND_OTHER] = "Appointment",
};

static const char * const texts_es[N_TEXTS] = {
  [TEXT_TITLE] = "Sus próximas citas",
  [TEXT_FOR] = "Para: %s",
  [TEXT_A_NUMBER] = "Número A: %s",
  [TEXT_INTRO] = "Guarde esta hoja y tráigala con usted a cada cita.",
  [TEXT_NONE] = "Por ahora no tiene citas próximas con nosotros. Le avisaremos en cuanto haya una fecha.",
  [TEXT_TIME] = "Hora: %s",
  [TEXT_PLACE] = "Lugar: %s",
  [TEXT_COURT] = "Corte: %s",
  [TEXT_JUDGE] = "Juez o jueza: %s",
  [TEXT_CASE] = "Número de caso: %s",
  [TEXT_MORE] = "Tiene más citas después de estas; le daremos las fechas.",
  [TEXT_BRING] = "Qué traer",
  [TEXT_BRING_1] = "Esta hoja y todas las cartas que haya recibido de la corte o de ICE.",
  [TEXT_BRING_2] = "Un documento de identidad: pasaporte, matrícula consular o cualquier identificación que tenga.",
  [TEXT_BRING_3] = "Los papeles que le haya pedido su abogado o abogada.",
  [TEXT_BRING_4] = "Llegue 30 minutos antes. Si no puede ir, llámenos de inmediato.",
  [TEXT_CONTACT] = "¿Preguntas? Comuníquese con nosotros",
  [TEXT_PHONE] = "Teléfono: %s",
  [TEXT_EMAIL] = "Correo electrónico: %s",
  [TEXT_WEB] = "Sitio web: %s",
  [TEXT_STAFF] = "Pregunte por: %s",
  [TEXT_NO_CONTACT] = "Pida a la persona que le dio esta hoja que escriba aquí nuestro teléfono: ______________",
  [TEXT_PREPARED] = "Preparado el %s",
  [KIND_HEARING] = "Audiencia en la corte de inmigración",
  [KIND_INTERVIEW] = "Entrevista",
  [KIND_FILING] = "Fecha límite para presentar documentos",
  [KIND_APPEAL] = "Fecha límite para apelar",
  [KIND_CHECK_IN] = "Presentación ante ICE",
  [KIND_BENEFIT_END] = "Termina su beneficio",
  [KIND_OTHER] = "Cita",
};

typedef struct
{
  cairo_t    *cr;
  const char *language;
  double      x;
  double      y;
  double      width;
  double      bottom;
} Page;

static const char *
text (const char *language,
      NoticeText  id)
{
  return g_str_has_prefix (language, "es") ? texts_es[id] : texts_en[id];
}

/* The table's sentences hold one "%s"; replaced by hand because a format
 * that is not a literal cannot be checked by the compiler. */
static char *
fill (const char *format,
      const char *value)
{
  g_auto(GStrv) parts = g_strsplit (format, "%s", 2);

  return g_strjoinv (value, parts);
}

static NoticeText
kind_text (AmparoEventKind kind)
{
  switch (kind)
    {
    case AMPARO_EVENT_KIND_HEARING: return KIND_HEARING;
    case AMPARO_EVENT_KIND_INTERVIEW: return KIND_INTERVIEW;
    case AMPARO_EVENT_KIND_FILING_DEADLINE: return KIND_FILING;
    case AMPARO_EVENT_KIND_APPEAL_DEADLINE: return KIND_APPEAL;
    case AMPARO_EVENT_KIND_CHECK_IN: return KIND_CHECK_IN;
    case AMPARO_EVENT_KIND_BENEFIT_END: return KIND_BENEFIT_END;
    case AMPARO_EVENT_KIND_OTHER:
    default: return KIND_OTHER;
    }
}

/* Draws Pango markup at the current position and moves down past it. */
static void
draw_markup (Page       *page,
             const char *markup,
             double      size,
             double      space_after)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (page->width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_size (layout, &w, &h);

  cairo_move_to (page->cr, page->x, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += (double) h / PANGO_SCALE + space_after;
  g_object_unref (layout);
}

static void
draw_line (Page       *page,
           NoticeText  format,
           const char *value)
{
  g_autofree char *line = NULL;
  g_autofree char *markup = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = fill (text (page->language, format), value);
  markup = g_markup_escape_text (line, -1);
  draw_markup (page, markup, 12, 2);
}

static void
draw_rule (Page *page)
{
  cairo_save (page->cr);
  cairo_set_source_rgb (page->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (page->cr, 0.75);
  cairo_move_to (page->cr, page->x, page->y);
  cairo_line_to (page->cr, page->x + page->width, page->y);
  cairo_stroke (page->cr);
  cairo_restore (page->cr);
  page->y += 10;
}

static void
draw_header (Page               *page,
             AmparoPerson       *person,
             AmparoOrganization *organization)
{
  g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s",
                                                       amparo_person_get_given_names (person) ?: "",
                                                       amparo_person_get_family_names (person) ?: ""));
  g_autofree char *a_number = amparo_a_number_format (amparo_person_get_a_number (person));
  g_autofree char *markup = NULL;

  if (organization != NULL && amparo_organization_get_name (organization) != NULL)
    {
      markup = g_markup_printf_escaped ("<b>%s</b>", amparo_organization_get_name (organization));
      draw_markup (page, markup, 12, 12);
      g_clear_pointer (&markup, g_free);
    }
  markup = g_markup_printf_escaped ("<b>%s</b>", text (page->language, TEXT_TITLE));
  draw_markup (page, markup, 22, 8);
  draw_line (page, TEXT_FOR, name);
  draw_line (page, TEXT_A_NUMBER, a_number);
  page->y += 6;
  draw_markup (page, text (page->language, TEXT_INTRO), 12, 12);
  draw_rule (page);
}

static char *
event_time (const char *starts_at,
            const char *language)
{
  int y, m, d, hour, minute;
  g_autoptr(GDateTime) datetime = NULL;

  if (starts_at == NULL || strlen (starts_at) < 16 ||
      sscanf (starts_at, "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &hour, &minute) != 5)
    return NULL;
  datetime = g_date_time_new_local (y, m, d, hour, minute, 0);
  return datetime != NULL ? amparo_time_format (datetime, language) : NULL;
}

/* A weekday opening a line takes a capital in Spanish too. */
static char *
capitalize (const char *text)
{
  char first[8] = { 0 };

  if (*text == '\0')
    return g_strdup (text);
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static void
draw_event (Page        *page,
            AmparoStore *store,
            AmparoEvent *event)
{
  const char *starts_at = amparo_event_get_starts_at (event);
  g_autofree char *date = amparo_date_format_iso (starts_at, page->language, AMPARO_DATE_WEEKDAY);
  g_autofree char *time = event_time (starts_at, page->language);
  g_autofree char *heading = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *title = NULL;
  g_autoptr(AmparoProceeding) proceeding = NULL;

  if (amparo_event_get_proceeding_id (event) != 0)
    proceeding = amparo_store_get_by_id (store, AMPARO_TYPE_PROCEEDING,
                                         amparo_event_get_proceeding_id (event), NULL);

  heading = capitalize (date ?: "");
  /* "Termina su beneficio" three times says nothing: name the benefit. */
  if (amparo_event_get_kind (event) == AMPARO_EVENT_KIND_BENEFIT_END)
    title = amparo_event_dup_title (store, event, page->language);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", heading,
                                    title != NULL ? title
                                    : text (page->language, kind_text (amparo_event_get_kind (event))));
  draw_markup (page, markup, 14, 4);
  draw_line (page, TEXT_TIME, time);
  draw_line (page, TEXT_PLACE, amparo_event_get_place (event));
  if (proceeding != NULL)
    {
      draw_line (page, TEXT_COURT, amparo_proceeding_get_court (proceeding));
      draw_line (page, TEXT_JUDGE, amparo_proceeding_get_judge (proceeding));
      draw_line (page, TEXT_CASE, amparo_proceeding_get_case_number (proceeding));
    }
  page->y += 8;
}

static void
draw_bring (Page *page)
{
  g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", text (page->language, TEXT_BRING));

  draw_rule (page);
  draw_markup (page, heading, 14, 4);
  for (NoticeText t = TEXT_BRING_1; t <= TEXT_BRING_4; t++)
    {
      g_autofree char *item = g_markup_printf_escaped ("•  %s", text (page->language, t));
      draw_markup (page, item, 12, 3);
    }
  page->y += 8;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* "Call us right away" above an empty block would leave a child's family
 * with no way to call: print what is known — the organization's details,
 * else the staff member to ask for — and never a blank. */
static void
draw_contact (Page               *page,
              AmparoPerson       *person,
              AmparoOrganization *organization)
{
  g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", text (page->language, TEXT_CONTACT));
  const char *name = organization ? amparo_organization_get_name (organization) : NULL;
  const char *address = organization ? amparo_organization_get_address (organization) : NULL;
  const char *phone = organization ? amparo_organization_get_media_contact_phone (organization) : NULL;
  const char *email = organization ? amparo_organization_get_media_contact_email (organization) : NULL;
  const char *web = organization ? amparo_organization_get_website_url (organization) : NULL;
  const char *staff = amparo_person_get_assigned_staff (person);

  draw_rule (page);
  draw_markup (page, heading, 14, 4);
  if (has_text (name))
    {
      g_autofree char *markup = g_markup_escape_text (name, -1);
      draw_markup (page, markup, 12, 2);
    }
  if (has_text (address))
    {
      g_autofree char *markup = g_markup_escape_text (address, -1);
      draw_markup (page, markup, 12, 2);
    }
  draw_line (page, TEXT_STAFF, staff);
  draw_line (page, TEXT_PHONE, phone);
  draw_line (page, TEXT_EMAIL, email);
  draw_line (page, TEXT_WEB, web);
  if (!has_text (address) && !has_text (phone) && !has_text (email))
    {
      g_autofree char *markup = g_markup_escape_text (text (page->language, TEXT_NO_CONTACT), -1);
      draw_markup (page, markup, 12, 2);
    }
}

/**
 * amparo_client_notice_contact_missing:
 *
 * Whether the organization's details that let a client call back (phone,
 * email or address) are missing, so the printer can ask for them first.
 *
 * Returns: %TRUE when the notice would have no way to reach the office
 */
gboolean
amparo_client_notice_contact_missing (AmparoStore *store)
{
  g_autoptr(AmparoOrganization) organization = amparo_store_get_organization (store, NULL);

  return organization == NULL ||
         (!has_text (amparo_organization_get_address (organization)) &&
          !has_text (amparo_organization_get_media_contact_phone (organization)) &&
          !has_text (amparo_organization_get_media_contact_email (organization)));
}

static void
draw_footer (Page *page)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = amparo_date_format (now, page->language, AMPARO_DATE_LONG);
  g_autofree char *line = fill (text (page->language, TEXT_PREPARED), today);
  g_autofree char *markup = g_markup_printf_escaped ("<small>%s</small>", line);

  page->y = MAX (page->y + 6, page->bottom - 14);
  draw_markup (page, markup, 10, 0);
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (amparo_event_get_starts_at (*(AmparoEvent **) a),
                    amparo_event_get_starts_at (*(AmparoEvent **) b));
}

/**
 * amparo_client_notice_guess_language:
 * @person: a person
 *
 * The notice's language when staff have not chosen one: English for
 * someone whose languages name English and not Spanish, else Spanish
 * (most clients read Spanish, also many who speak an Indigenous language).
 *
 * Returns: (transfer none): "en" or "es"
 */
const char *
amparo_client_notice_guess_language (AmparoPerson *person)
{
  g_autofree char *languages = NULL;

  g_return_val_if_fail (AMPARO_IS_PERSON (person), "es");

  languages = g_utf8_strdown (amparo_person_get_languages (person) ?: "", -1);
  if ((strstr (languages, "english") || strstr (languages, "inglés")) &&
      !strstr (languages, "spanish") && !strstr (languages, "español"))
    return "en";
  /* Languages are ISO 639-3 codes now ("eng,quc"); names typed before stay. */
  {
    g_auto(GStrv) codes = g_strsplit_set (languages, ", ", -1);

    if (g_strv_contains ((const char * const *) codes, "eng") && !g_strv_contains ((const char * const *) codes, "spa"))
      return "en";
  }
  return "es";
}

/**
 * amparo_client_notice_list_events:
 *
 * What the notice shows: the person's events from today on that are not
 * done, soonest first; filing and appeal deadlines stay with the staff.
 *
 * Returns: (transfer full) (element-type AmparoEvent): the events
 */
GPtrArray *
amparo_client_notice_list_events (AmparoStore  *store,
                                  AmparoPerson *person)
{
  g_autoptr(GListModel) events = amparo_store_list_events (store, person);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GPtrArray *upcoming = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);
      AmparoEventKind kind = amparo_event_get_kind (event);

      if (amparo_event_get_done (event) ||
          g_strcmp0 (amparo_event_get_starts_at (event), today) < 0 ||
          kind == AMPARO_EVENT_KIND_FILING_DEADLINE ||
          kind == AMPARO_EVENT_KIND_APPEAL_DEADLINE)
        continue;
      g_ptr_array_add (upcoming, g_steal_pointer (&event));
    }
  g_ptr_array_sort (upcoming, compare_starts);
  return upcoming;
}

/**
 * amparo_client_notice_render:
 * @language: "en" or "es": the client's language, not the UI's
 * @cr: where to draw, in points, origin at the page's top left
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Draws the notice on one page; used for the PDF and for printing.
 */
void
amparo_client_notice_render (AmparoStore  *store,
                             AmparoPerson *person,
                             const char   *language,
                             cairo_t      *cr,
                             double        width,
                             double        height)
{
  g_autoptr(AmparoOrganization) organization = amparo_store_get_organization (store, NULL);
  g_autoptr(GPtrArray) events = amparo_client_notice_list_events (store, person);
  Page page = { cr, language, MARGIN, MARGIN, width - 2 * MARGIN, height - MARGIN };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_header (&page, person, organization);
  if (events->len == 0)
    draw_markup (&page, text (language, TEXT_NONE), 12, 12);
  for (guint i = 0; i < events->len; i++)
    {
      /* One page: what does not fit is said, not cut off. */
      if (i == MAX_EVENTS || page.y > page.bottom - RESERVED_BOTTOM)
        {
          draw_markup (&page, text (language, TEXT_MORE), 12, 8);
          break;
        }
      draw_event (&page, store, events->pdata[i]);
    }
  draw_bring (&page);
  draw_contact (&page, person, organization);
  draw_footer (&page);
  cairo_restore (cr);
}

/**
 * amparo_client_notice_journal:
 * @destination: a file, or a description such as "printed"
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_client_notice_journal (AmparoStore   *store,
                              AmparoPerson  *person,
                              const char    *language,
                              const char    *destination,
                              GError       **error)
{
  g_autofree char *details = g_strdup_printf ("Client notice (%s): %s", language, destination);

  return amparo_store_log_action (store, AMPARO_JOURNAL_ACTION_EXPORT,
                                  AMPARO_RECORD (person), details, error);
}

typedef struct
{
  AmparoStore  *store;
  AmparoPerson *person;
  const char   *language;
} JournalNotice;

static gboolean
journal_notice_cb (const char  *path,
                   gpointer     user_data,
                   GError     **error)
{
  JournalNotice *journal = user_data;

  return amparo_client_notice_journal (journal->store, journal->person, journal->language, path, error);
}

/**
 * amparo_client_notice_write_pdf_sized:
 * @width: paper width in points, e.g. %AMPARO_NOTICE_A4_WIDTH
 * @height: paper height in points
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_client_notice_write_pdf_sized (AmparoStore   *store,
                                      AmparoPerson  *person,
                                      const char    *language,
                                      const char    *path,
                                      double         width,
                                      double         height,
                                      GError       **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *temp = NULL;
  JournalNotice journal = { store, person, language };

  g_return_val_if_fail (AMPARO_IS_STORE (store), FALSE);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), FALSE);

  /* 0600, and only once journaled (reliability, #11). */
  if (!(temp = amparo_private_file_begin (path, error)))
    return FALSE;
  surface = cairo_pdf_surface_create (temp, width, height);
  cr = cairo_create (surface);
  amparo_client_notice_render (store, person, language, cr, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      amparo_private_file_abort (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the notice to “%s”: %s. Choose another folder."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return amparo_private_file_finish (temp, path, journal_notice_cb, &journal, error);
}

/**
 * amparo_client_notice_write_pdf:
 * @language: "en" or "es", whatever the UI's language
 * @path: the PDF file to write
 *
 * Writes the notice as a one-page US Letter PDF and journals it.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_client_notice_write_pdf (AmparoStore   *store,
                                AmparoPerson  *person,
                                const char    *language,
                                const char    *path,
                                GError       **error)
{
  return amparo_client_notice_write_pdf_sized (store, person, language, path,
                                               AMPARO_NOTICE_LETTER_WIDTH,
                                               AMPARO_NOTICE_LETTER_HEIGHT, error);
}
