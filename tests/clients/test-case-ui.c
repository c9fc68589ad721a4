/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amparo-application.h"
#include "amparo-clients-page.h"
#include "amparo-clients-util.h"
#include "amparo-contacts-panel.h"
#include "amparo-date-entry.h"
#include "amparo-family-panel.h"
#include "amparo-iso-picker.h"
#include "amparo-language.h"
#include "amparo-main-view.h"
#include "amparo-person-list-model.h"
#include "amparo-proceedings-panel.h"
#include "amparo-record-form.h"
#include "amparo-reverify-dialog.h"
#include "amparo-client-editor.h"
#include "amparo-store.h"
#include "amparo-date-format.h"
#include "amparo-test-ui.h"
#include "amparo-trash-dialog.h"
#include "amparo-window.h"

/* The whole case, recorded in the real window, in English and Spanish:
 * a proceeding added and closed, a hearing rescheduled (its old date
 * kept) and marked missed (flagged on the client page and the Agenda), a
 * family link's reunification status changed twice (both in its
 * timeline), DNA evidence (the link shows DNA), a stale contact (flagged
 * on the page and in the list), and Ms. L memberships for an eligible and
 * an ineligible person (benefit end dates only for the first). Forms are
 * driven through their rows and their Save action; only what a person
 * sees is asserted. */

typedef struct
{
  const char *language;
  const char *kind_of_proceeding;
  const char *court;
  const char *case_number;
  const char *status;
  const char *outcome;
  const char *outcome_date;
  const char *new_date;
  const char *what_happened;
  const char *outcome_note;
  const char *reunification;
  const char *kind_of_evidence;
  const char *number;
  const char *last_reached;
  const char *separation_date;
  const char *benefits_start;
  const char *missed_banner;
  const char *agenda_missed;
  const char *stale_flag;
  const char *stale_badge;
  const char *not_eligible;
  const char *ends;
} Flow;

static const Flow english = {
  "en", "Kind of proceeding", "Court or office", "Case number", "Status", "Outcome", "Outcome date",
  "New date and time", "What happened", "Outcome note", "Reunification", "Kind of evidence",
  "Number, address or email", "Last reached on", "Separation date", "Benefits start",
  "1 missed hearing", "Missed: possible in-absentia order", "not reached in the last 90 days",
  "Contact stale", "Not eligible: separated on 2016-05-01", "Ends ",
};

static const Flow spanish = {
  "es", "Tipo de procedimiento", "Tribunal u oficina", "Número de caso", "Estado", "Resultado", "Fecha del resultado",
  "Nueva fecha y hora", "Qué pasó", "Nota del resultado", "Reunificación", "Tipo de prueba",
  "Número, dirección o correo", "Contactado por última vez el", "Fecha de separación", "Inicio de los beneficios",
  "1 audiencia perdida", "Perdida: posible orden en ausencia", "sin contactar en los últimos 90 días",
  "Contacto desactualizado", "No elegible: separado el 2016-05-01", "Termina ",
};

static char *work_dir;

static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;

  while (amparo_test_find_text (root, text, TRUE) < 0)
    {
      if (g_get_monotonic_time () > until)
        {
          g_autoptr(GPtrArray) texts = amparo_test_visible_texts (root);

          for (guint i = 0; i < texts->len; i++)
            g_test_message ("shown: %s", (char *) texts->pdata[i]);
          return FALSE;
        }
      amparo_test_iterate ();
    }
  return TRUE;
}

#define assert_shows(root, text) g_assert_true (shows (GTK_WIDGET (root), text))

static AmparoRecordForm *
get_form (void)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;

  while (g_get_monotonic_time () < until)
    {
      g_autoptr(GList) windows = gtk_window_list_toplevels ();

      for (GList *l = windows; l != NULL; l = l->next)
        if (AMPARO_IS_RECORD_FORM (l->data) && gtk_widget_get_mapped (l->data))
          return l->data;
      amparo_test_iterate ();
    }
  g_error ("no form opened");
}

static gboolean
is_row (GtkWidget  *widget,
        const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (is_row (root, title))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
form_row (AmparoRecordForm *form,
          const char       *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (form), title);

  if (row == NULL)
    g_error ("no row “%s” in the form", title);
  return row;
}

static void
form_type (AmparoRecordForm *form,
           const char       *title,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (form_row (form, title)), text);
}

static void
form_choose (AmparoRecordForm *form,
             const char       *title,
             guint             position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, title)), position);
}

/* Saves through the form's action, as Ctrl+S would. */
static void
form_save (AmparoRecordForm *form)
{
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  amparo_test_wait (300);
}

static void
activate (GtkWidget  *root,
          GType       panel_type,
          const char *action,
          const char *uid)
{
  GtkWidget *panel = amparo_test_find_widget (root, panel_type);

  g_assert_nonnull (panel);
  if (uid != NULL)
    gtk_widget_activate_action (panel, action, "s", uid);
  else
    gtk_widget_activate_action (panel, action, NULL);
  amparo_test_wait (200);
}

static AmparoStore *
get_store (GtkWindow *window)
{
  AmparoMainView *view = amparo_window_get_main_view (AMPARO_WINDOW (window));
  GtkWidget *page = amparo_main_view_get_page (view, "clients");

  return AMPARO_STORE (amparo_section_page_get_store (AMPARO_SECTION_PAGE (page)));
}

static void
open_client (GtkWindow    *window,
             AmparoPerson *person)
{
  AmparoMainView *view = amparo_window_get_main_view (AMPARO_WINDOW (window));
  GtkWidget *page = amparo_main_view_get_page (view, "clients");

  amparo_window_state_set_section (amparo_window_get_state (AMPARO_WINDOW (window)), "clients");
  gtk_widget_activate_action (page, "clients.open", "s", amparo_record_get_uid (AMPARO_RECORD (person)));
  amparo_test_wait (400);
}

static AmparoPerson *
add_person (AmparoStore *store,
            const char  *given,
            const char  *family,
            const char  *born)
{
  g_autoptr(GError) error = NULL;
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_birth_date (person, born);
  amparo_person_set_client_status (person, AMPARO_CLIENT_STATUS_ACTIVE);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  return person;
}

static char *
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* A date as typed in the form's language: day/month in Spanish,
 * month/day in English. */
static char *
typed_date (const Flow *flow,
            const char *iso)
{
  return amparo_date_entry_format (iso, flow->language);
}

static void
add_and_close_proceeding (GtkWindow  *window,
                          const Flow *flow)
{
  AmparoRecordForm *form;
  g_autofree char *outcome_date = typed_date (flow, "2026-06-01");

  activate (GTK_WIDGET (window), AMPARO_TYPE_PROCEEDINGS_PANEL, "proceedings.add-proceeding", NULL);
  form = get_form ();
  form_choose (form, flow->kind_of_proceeding, AMPARO_PROCEEDING_KIND_DEFENSIVE_ASYLUM);
  form_type (form, flow->court, "Los Angeles Immigration Court");
  form_type (form, flow->case_number, "LA-2026-0117");
  form_save (form);
  assert_shows (window, amparo_proceeding_kind_get_label (AMPARO_PROCEEDING_KIND_DEFENSIVE_ASYLUM));
  assert_shows (window, "LA-2026-0117");

  {
    g_autoptr(GListModel) proceedings = NULL;
    g_autoptr(AmparoProceeding) proceeding = NULL;
    AmparoStore *store = get_store (window);
    g_autoptr(GError) expected = NULL;
    g_autoptr(AmparoProceeding) probe = amparo_proceeding_new ();

    amparo_proceeding_set_person_id (probe, 1);
    amparo_proceeding_set_status (probe, AMPARO_PROCEEDING_STATUS_CLOSED);
    g_assert_false (amparo_store_validate (store, AMPARO_RECORD (probe), &expected));

    proceedings = amparo_store_list_proceedings (store, amparo_store_get_by_id (store, AMPARO_TYPE_PERSON, 1, NULL));
    proceeding = g_list_model_get_item (proceedings, 0);
    activate (GTK_WIDGET (window), AMPARO_TYPE_PROCEEDINGS_PANEL, "proceedings.edit-proceeding",
              amparo_record_get_uid (AMPARO_RECORD (proceeding)));
    form = get_form ();
    form_choose (form, flow->status, AMPARO_PROCEEDING_STATUS_CLOSED);
    form_save (form);
    /* Closing without an outcome: the store's message, beside the field. */
    assert_shows (form, expected->message);
    form_type (form, flow->outcome, "Asylum granted");
    form_type (form, flow->outcome_date, outcome_date);
    form_save (form);
    /* Closed, and still on the page with its outcome. */
    assert_shows (window, "Asylum granted (");
    assert_shows (window, amparo_proceeding_status_get_label (AMPARO_PROCEEDING_STATUS_CLOSED));
  }
}

static AmparoEvent *
first_event (AmparoStore *store)
{
  g_autoptr(GListModel) events = amparo_store_list (store, AMPARO_TYPE_EVENT, AMPARO_LIST_LIVE);

  return g_list_model_get_item (events, 0);
}

static void
reschedule_and_miss (GtkWindow    *window,
                     const Flow   *flow,
                     AmparoPerson *client)
{
  AmparoStore *store = get_store (window);
  g_autofree char *ahead = days_from_today (42);
  g_autofree char *past = days_from_today (-10);
  g_autofree char *starts_at = g_strconcat (ahead, "T09:30", NULL);
  g_autofree char *past_iso = g_strconcat (past, "T13:00", NULL);
  g_autofree char *typed = typed_date (flow, past_iso);
  g_autofree char *old_shown = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(AmparoEvent) hearing = amparo_event_new ();
  g_autoptr(AmparoEvent) saved = NULL;
  g_autoptr(GError) error = NULL;
  AmparoRecordForm *form;

  /* The hearing, from a court notice. */
  amparo_event_set_person_id (hearing, amparo_record_get_id (AMPARO_RECORD (client)));
  amparo_event_set_kind (hearing, AMPARO_EVENT_KIND_HEARING);
  amparo_event_set_starts_at (hearing, starts_at);
  amparo_event_set_source (hearing, AMPARO_EVENT_SOURCE_COURT_NOTICE);
  amparo_event_set_place (hearing, "Los Angeles Immigration Court");
  amparo_event_set_time_zone (hearing, "America/Los_Angeles");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (hearing), &error));
  g_assert_no_error (error);
  assert_shows (window, "Los Angeles Immigration Court");
  /* The court's zone in words, in the page's language, never its raw name. */
  {
    g_autofree char *words = amparo_time_zone_describe ("America/Los_Angeles", flow->language);

    assert_shows (window, words);
    g_autoptr(GPtrArray) texts = amparo_test_visible_texts (GTK_WIDGET (window));

    for (guint i = 0; i < texts->len; i++)
      if (strstr (g_ptr_array_index (texts, i), "America/Los_Angeles") != NULL)
        g_error ("raw zone shown: %s", (char *) g_ptr_array_index (texts, i));
  }

  /* Moved by the court to ten days ago (the client then missed it). */
  activate (GTK_WIDGET (window), AMPARO_TYPE_PROCEEDINGS_PANEL, "proceedings.reschedule",
            amparo_record_get_uid (AMPARO_RECORD (hearing)));
  form = get_form ();
  form_type (form, flow->new_date, typed);
  form_save (form);
  saved = first_event (store);
  g_assert_cmpstr (amparo_event_get_starts_at (saved), ==, past_iso);
  g_assert_cmpstr (amparo_event_get_moved_from (saved), ==, starts_at);
  old_shown = amparo_clients_format_date_time (starts_at);
  assert_shows (window, old_shown);
  /* The client's history shows the move too, with the part it is about. */
  {
    g_autofree char *past_shown = amparo_clients_format_date_time (past_iso);
    g_autofree char *line = g_strdup_printf ("%s: %s → %s", g_dgettext ("amparo", "Date and time"), old_shown, past_shown);
    g_autofree char *part = g_strdup_printf (" · %s · ", g_dgettext ("amparo", "Date"));

    assert_shows (window, line);
    assert_shows (window, part);
  }
  /* Past and nobody said what happened. */
  assert_shows (window, g_dgettext ("amparo", "Needs outcome"));

  activate (GTK_WIDGET (window), AMPARO_TYPE_PROCEEDINGS_PANEL, "proceedings.edit-event",
            amparo_record_get_uid (AMPARO_RECORD (saved)));
  form = get_form ();
  form_choose (form, flow->what_happened, AMPARO_EVENT_STATUS_MISSED);
  form_type (form, flow->outcome_note, "Client was in ICE custody");
  form_save (form);
  assert_shows (window, flow->missed_banner);
  assert_shows (window, "Client was in ICE custody");

  /* The Agenda flags it too. */
  amparo_window_state_set_section (amparo_window_get_state (AMPARO_WINDOW (window)), "agenda");
  amparo_test_wait (300);
  assert_shows (window, flow->agenda_missed);
  amparo_window_state_set_section (amparo_window_get_state (AMPARO_WINDOW (window)), "clients");
  amparo_test_wait (300);
}

static AmparoRelationship *
link_mother (AmparoStore  *store,
             AmparoPerson *client)
{
  g_autoptr(AmparoPerson) mother = add_person (store, "María", "Tzul Pérez", "1988-04-02");
  g_autoptr(GError) error = NULL;
  AmparoRelationship *link = amparo_relationship_new ();

  amparo_relationship_set_person_id (link, amparo_record_get_id (AMPARO_RECORD (client)));
  amparo_relationship_set_relative_id (link, amparo_record_get_id (AMPARO_RECORD (mother)));
  amparo_relationship_set_kind (link, AMPARO_RELATIONSHIP_KIND_PARENT);
  amparo_relationship_set_separated (link, TRUE);
  amparo_relationship_set_separation_date (link, "2018-05-01");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (link), &error));
  g_assert_no_error (error);
  return link;
}

static void
family_timeline_and_dna (GtkWindow    *window,
                         const Flow   *flow,
                         AmparoPerson *client)
{
  AmparoStore *store = get_store (window);
  g_autoptr(AmparoRelationship) link = link_mother (store, client);
  const char *uid = amparo_record_get_uid (AMPARO_RECORD (link));
  g_autofree char *timeline = NULL;
  AmparoRecordForm *form;

  assert_shows (window, "Tzul Pérez, María");
  activate (GTK_WIDGET (window), AMPARO_TYPE_FAMILY_PANEL, "family.edit-link", uid);
  form = get_form ();
  /* The longest status reads whole in the form (Spanish runs longer). */
  form_choose (form, flow->reunification, AMPARO_REUNIFICATION_PLANNED);
  amparo_test_wait (300);
  {
    g_autoptr(GPtrArray) cut = amparo_test_cut_texts (GTK_WIDGET (form));

    for (guint i = 0; i < cut->len; i++)
      g_test_message ("cut: “%s”", (char *) g_ptr_array_index (cut, i));
    g_assert_cmpuint (cut->len, ==, 0);
  }
  form_choose (form, flow->reunification, AMPARO_REUNIFICATION_LOCATED);
  form_save (form);
  activate (GTK_WIDGET (window), AMPARO_TYPE_FAMILY_PANEL, "family.edit-link", uid);
  form = get_form ();
  form_choose (form, flow->reunification, AMPARO_REUNIFICATION_IN_CONTACT);
  form_save (form);
  /* Both changes, in order, in the link's timeline. */
  timeline = g_strdup_printf ("%s ", amparo_reunification_status_get_label (AMPARO_REUNIFICATION_LOCATED));
  assert_shows (window, timeline);
  g_free (timeline);
  timeline = g_strdup_printf (" → %s ", amparo_reunification_status_get_label (AMPARO_REUNIFICATION_IN_CONTACT));
  assert_shows (window, timeline);

  activate (GTK_WIDGET (window), AMPARO_TYPE_FAMILY_PANEL, "family.add-evidence", uid);
  form = get_form ();
  form_choose (form, flow->kind_of_evidence, AMPARO_EVIDENCE_KIND_DNA);
  form_save (form);
  {
    g_autofree char *shown = g_strdup_printf ("%s · %s",
                                              amparo_relationship_kind_get_label (AMPARO_RELATIONSHIP_KIND_PARENT),
                                              amparo_verification_get_label (AMPARO_VERIFICATION_DNA));
    assert_shows (window, shown);
  }
}

static void
stale_contact (GtkWindow  *window,
               const Flow *flow)
{
  g_autofree char *long_ago = typed_date (flow, "2020-01-15");
  AmparoRecordForm *form;

  activate (GTK_WIDGET (window), AMPARO_TYPE_CONTACTS_PANEL, "contacts.add", NULL);
  form = get_form ();
  form_type (form, flow->number, "+502 5555 1234");
  form_type (form, flow->last_reached, long_ago);
  form_save (form);
  assert_shows (window, "+502 5555 1234");
  assert_shows (window, flow->stale_flag);
  /* …and in the client list, on the client's row (rows refreshing on a
   * sub-record's change is the list's business: search to rebind it). */
  amparo_window_state_set_search_text (amparo_window_get_state (AMPARO_WINDOW (window)), "Tzul Ana");
  amparo_test_wait (300);
  assert_shows (window, flow->stale_badge);
  amparo_window_state_set_search_text (amparo_window_get_state (AMPARO_WINDOW (window)), "");
  amparo_test_wait (300);
}

static void
add_membership (GtkWindow  *window,
                const Flow *flow,
                const char *separated_on)
{
  g_autofree char *separation = typed_date (flow, separated_on);
  g_autofree char *start = typed_date (flow, "2024-01-01");
  AmparoRecordForm *form;

  activate (GTK_WIDGET (window), AMPARO_TYPE_PROCEEDINGS_PANEL, "proceedings.add-membership", NULL);
  form = get_form ();
  form_type (form, flow->separation_date, separation);
  form_type (form, flow->benefits_start, start);
  form_save (form);
  assert_shows (window, "Ms. L v. ICE");
}

static void
class_memberships (GtkWindow    *window,
                   const Flow   *flow,
                   AmparoPerson *client)
{
  AmparoStore *store = get_store (window);
  g_autoptr(AmparoLitigation) ms_l = amparo_litigation_new ();
  g_autoptr(AmparoPerson) other = add_person (store, "Luis", "Ajú Chen", "2010-02-02");
  g_autoptr(GError) error = NULL;

  amparo_litigation_set_name (ms_l, "Ms. L v. ICE");
  amparo_litigation_set_class_from (ms_l, "2017-01-20");
  amparo_litigation_set_class_until (ms_l, "2021-01-20");
  amparo_litigation_set_benefit_terms (ms_l, "housing=36");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (ms_l), &error));
  g_assert_no_error (error);

  add_membership (window, flow, "2018-05-01");
  assert_shows (window, flow->ends);

  open_client (window, other);
  add_membership (window, flow, "2016-05-01");
  assert_shows (window, flow->not_eligible);
  g_assert_cmpint (amparo_test_find_text (GTK_WIDGET (window), flow->ends, TRUE), <, 0);
}

/* A date deleted from the client page goes to the Trash (Undo offered)
 * and comes back from the Trash dialog. */
static void
trash_and_restore (GtkWindow    *window,
                   AmparoPerson *client)
{
  AmparoStore *store = get_store (window);
  g_autoptr(AmparoEvent) event = first_event (store);
  AmparoMainView *view = amparo_window_get_main_view (AMPARO_WINDOW (window));
  GtkWidget *page = amparo_main_view_get_page (view, "clients");
  GtkWidget *dialog = NULL;
  gint64 until;

  open_client (window, client);
  activate (GTK_WIDGET (window), AMPARO_TYPE_PROCEEDINGS_PANEL, "proceedings.delete-event",
            amparo_record_get_uid (AMPARO_RECORD (event)));
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_EVENT, AMPARO_LIST_TRASH), ==, 1);
  assert_shows (window, g_dgettext ("amparo", "Date moved to the Trash"));

  gtk_widget_activate_action (page, "clients.show-trash", NULL);
  until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;
  while (dialog == NULL && g_get_monotonic_time () < until)
    {
      g_autoptr(GList) windows = gtk_window_list_toplevels ();

      for (GList *l = windows; l != NULL; l = l->next)
        if (AMPARO_IS_TRASH_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
          dialog = l->data;
      amparo_test_iterate ();
    }
  g_assert_nonnull (dialog);
  assert_shows (dialog, "Los Angeles Immigration Court");
  gtk_widget_activate_action (dialog, "trash.restore", "(ss)", "AmparoEvent",
                              amparo_record_get_uid (AMPARO_RECORD (event)));
  amparo_test_wait (200);
  amparo_test_until ((amparo_store_count (store, AMPARO_TYPE_EVENT, AMPARO_LIST_TRASH)) == (0));
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_EVENT, AMPARO_LIST_TRASH), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_activate_cb (GApplication *app,
                const Flow   *flow)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(AmparoPerson) client = NULL;

  gtk_window_set_default_size (window, 1200, 1000);
  amparo_test_wait (300);
  client = add_person (get_store (window), "Ana", "Tzul Pérez", "2012-03-04");
  open_client (window, client);

  add_and_close_proceeding (window, flow);
  reschedule_and_miss (window, flow, client);
  family_timeline_and_dna (window, flow, client);
  stale_contact (window, flow);
  class_memberships (window, flow, client);
  trash_and_restore (window, client);
  gtk_window_destroy (window);
}

static void
test_case (gconstpointer data)
{
  const Flow *flow = data;
  g_autofree char *name = g_strdup_printf ("case-%s.db", flow->language);
  g_autofree char *db = g_build_filename (work_dir, name, NULL);

  amparo_test_run_app (db, flow->language, G_CALLBACK (on_activate_cb), (gpointer) flow);
}

/* #13 on a narrow window: one A-Number form everywhere, a new client's
 * page starts at the top, the list highlights a client opened from
 * elsewhere, and with nothing open the list shows, not "Choose a client". */
static void
on_activate_narrow_cb (GApplication *app,
                       gpointer      data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoStore *store = get_store (window);
  g_autoptr(AmparoPerson) first = add_person (store, "Rosa", "Quispe", "2011-01-01");
  g_autoptr(AmparoPerson) second = add_person (store, "Tomás", "Ixcoy", "2013-01-01");
  g_autoptr(GError) error = NULL;
  GtkWidget *scroller, *list_view, *leaflet;
  GtkAdjustment *adjustment;
  GtkSelectionModel *selection;
  g_autoptr(AmparoPerson) selected = NULL;

  amparo_person_set_a_number (first, "212345678");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (first), &error));
  open_client (window, first);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (window), "A-Number"))), ==, "A-212-345-678");

  scroller = amparo_test_find_widget (amparo_test_find_widget (GTK_WIDGET (window), g_type_from_name ("AmparoClientEditor")),
                                      GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, 400);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  open_client (window, second);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  list_view = amparo_test_find_client_list (GTK_WIDGET (window));
  selection = gtk_grid_view_get_model (GTK_GRID_VIEW (list_view));
  selected = g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)));
  g_assert_cmpstr (amparo_record_get_uid (AMPARO_RECORD (selected)), ==, amparo_record_get_uid (AMPARO_RECORD (second)));

  /* Deleting the open client leaves nothing open: the list shows. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete", NULL);
  amparo_test_wait (300);
  leaflet = amparo_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_true (gtk_widget_is_ancestor (list_view, adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))));
  gtk_window_destroy (window);
}

static void
test_narrow_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.amparo.Amparo");
  g_autofree char *db = g_build_filename (work_dir, "narrow.db", NULL);

  g_settings_set_int (settings, "window-width", 400);
  amparo_test_run_app (db, "en", G_CALLBACK (on_activate_narrow_cb), NULL);
  g_settings_reset (settings, "window-width");
}

static guint
find_name (GtkDropDown *drop_down,
           const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      return i;
  g_error ("“%s” is not in the list", name);
}

/* "Estados Unidos" picked in Spanish is "United States" in English: the
 * store keeps the ISO code, the names come from iso-codes. */
static void
on_activate_country_cb (GApplication *app,
                        gpointer      data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoStore *store = get_store (window);
  g_autoptr(AmparoPerson) person = add_person (store, "Rosa", "Quispe", "2011-01-01");
  GtkDropDown *drop_down;
  GtkWidget *row;

  open_client (window, person);
  row = find_row (GTK_WIDGET (window), "País de nacimiento");
  g_assert_true (AMPARO_IS_ISO_PICKER (row));
  /* A new place's country is the same picker: a code, never English typed
   * into the Spanish screen. */
  g_assert_true (AMPARO_IS_ISO_PICKER (find_row (GTK_WIDGET (window), "País")));
  drop_down = amparo_iso_picker_get_drop_down (AMPARO_ISO_PICKER (row));
  gtk_drop_down_set_selected (drop_down, find_name (drop_down, "Estados Unidos"));
  /* K'iche' and the other Mayan languages are in the language list. */
  g_assert_cmpstr (amparo_iso_codes_get_name (AMPARO_ISO_LANGUAGES, "quc"), ==, "K'iche'");
  g_assert_nonnull (amparo_iso_codes_get_name (AMPARO_ISO_LANGUAGES, "kjb"));
  g_assert_nonnull (amparo_iso_codes_get_name (AMPARO_ISO_LANGUAGES, "cab"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  amparo_test_wait (300);
  amparo_test_until ((amparo_store_reload (store, AMPARO_RECORD (person), NULL)) && (g_strcmp0 (amparo_person_get_country_of_birth (person), "US") == 0));
  g_assert_true (amparo_store_reload (store, AMPARO_RECORD (person), NULL));
  g_assert_cmpstr (amparo_person_get_country_of_birth (person), ==, "US");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  amparo_test_wait (500);
  row = find_row (GTK_WIDGET (window), "Country of birth");
  g_assert_true (AMPARO_IS_ISO_PICKER (row));
  assert_shows (row, "United States");
  gtk_window_destroy (window);
}

static void
test_country_picker (void)
{
  g_autofree char *db = g_build_filename (work_dir, "country.db", NULL);

  amparo_test_run_app (db, "es", G_CALLBACK (on_activate_country_cb), NULL);
}

/* A person's languages picked from iso-codes' list in Spanish, kept as
 * ISO 639-3 codes, named in English after a switch; a language typed
 * before the list existed shows as typed and can be taken off. */
static void
on_activate_languages_cb (GApplication *app,
                          gpointer      data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoStore *store = get_store (window);
  g_autoptr(AmparoPerson) person = add_person (store, "Rosa", "Tzul", "2011-01-01");
  const char *mayan[] = { "mam", "kjb", "ixl", "cab" };
  g_autoptr(GError) error = NULL;
  GtkDropDown *drop_down;
  GtkWidget *row;

  amparo_person_set_languages (person, "Chuj de San Mateo");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  open_client (window, person);
  row = find_row (GTK_WIDGET (window), "Idiomas");
  g_assert_true (AMPARO_IS_ISO_PICKER (row));
  assert_shows (row, "Chuj de San Mateo");
  drop_down = amparo_iso_picker_get_drop_down (AMPARO_ISO_PICKER (row));
  assert_shows (row, "Agregar un idioma…");
  /* Mam, Q'anjob'al, Ixil and Garífuna are in the list, by their names. */
  for (guint i = 0; i < G_N_ELEMENTS (mayan); i++)
    find_name (drop_down, amparo_iso_codes_get_name (AMPARO_ISO_LANGUAGES, mayan[i]));
  gtk_drop_down_set_selected (drop_down, find_name (drop_down, "K'iche'"));
  gtk_drop_down_set_selected (drop_down, find_name (drop_down, "Español"));
  /* Picked once, added once; the list is ready for the next. */
  gtk_drop_down_set_selected (drop_down, find_name (drop_down, "Español"));
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, 0);
  g_assert_cmpstr (amparo_iso_picker_get_value (AMPARO_ISO_PICKER (row)), ==, "Chuj de San Mateo,quc,spa");
  assert_shows (row, "Chuj de San Mateo, K'iche', Español");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (amparo_iso_picker_get_remove_button (AMPARO_ISO_PICKER (row)))));
  g_assert_true (gtk_widget_activate_action (row, "iso-picker.remove", "s", "Chuj de San Mateo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  amparo_test_wait (300);
  amparo_test_until ((amparo_store_reload (store, AMPARO_RECORD (person), NULL)) && (g_strcmp0 (amparo_person_get_languages (person), "quc,spa") == 0));
  g_assert_true (amparo_store_reload (store, AMPARO_RECORD (person), NULL));
  g_assert_cmpstr (amparo_person_get_languages (person), ==, "quc,spa");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  amparo_test_wait (500);
  row = find_row (GTK_WIDGET (window), "Languages");
  g_assert_true (AMPARO_IS_ISO_PICKER (row));
  assert_shows (row, "K'iche', Spanish");
  assert_shows (row, "Add a language…");
  /* The history names the languages too, not their codes. */
  assert_shows (window, "Languages: Chuj de San Mateo → K'iche', Spanish");
  gtk_window_destroy (window);
}

static void
test_language_picker (void)
{
  g_autofree char *db = g_build_filename (work_dir, "languages.db", NULL);

  amparo_test_run_app (db, "es", G_CALLBACK (on_activate_languages_cb), NULL);
}

typedef struct
{
  const char *language;
  const char *never;
  const char *days_ago;
  const char *empty;
} ReverifyFlow;

static const ReverifyFlow reverify_english = {
  "en", "Never reached", "days ago", "Every contact was reached in the last 90 days.",
};

static const ReverifyFlow reverify_spanish = {
  "es", "Nunca contactado", "días", "Todos los contactos se contactaron en los últimos 90 días.",
};

static AmparoContact *
add_contact (AmparoStore  *store,
             AmparoPerson *person,
             const char   *value,
             const char   *last_verified)
{
  g_autoptr(GError) error = NULL;
  AmparoContact *contact = amparo_contact_new ();

  amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_contact_set_kind (contact, AMPARO_CONTACT_KIND_PHONE);
  amparo_contact_set_value (contact, value);
  amparo_contact_set_last_verified (contact, last_verified);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (contact), &error));
  g_assert_no_error (error);
  return contact;
}

static GtkWidget *
get_reverify_dialog (void)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;

  while (g_get_monotonic_time () < until)
    {
      g_autoptr(GList) windows = gtk_window_list_toplevels ();

      for (GList *l = windows; l != NULL; l = l->next)
        if (AMPARO_IS_REVERIFY_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
          return l->data;
      amparo_test_iterate ();
    }
  return NULL;
}

static GtkListBoxRow *
find_list_row (GtkWidget  *dialog,
               const char *title)
{
  return (GtkListBoxRow *) find_row (dialog, title);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) name = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_ACTION,
                                                                         G_VARIANT_TYPE_STRING);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if ((name != NULL && g_str_equal (g_variant_get_string (name, NULL), action)) ||
          menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Whether a menu button of the window offers @action. */
static gboolean
window_menu_has_action (GtkWidget  *widget,
                        const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget) && menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), action))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (window_menu_has_action (child, action))
      return TRUE;
  return FALSE;
}

/* "Contacts to re-verify": every contact not reached in 90 days, from
 * the app menu's action (Ctrl+Shift+R), with how long; "Reached Today"
 * there drops it, a row opens its client, and none left says so. */
static void
on_activate_reverify_cb (GApplication *app,
                         gpointer      data)
{
  const ReverifyFlow *flow = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoStore *store = get_store (window);
  g_autoptr(AmparoPerson) rosa = add_person (store, "Rosa", "Tzul", "2011-01-01");
  g_autoptr(AmparoPerson) tomas = add_person (store, "Tomás", "Yax", "2012-01-01");
  g_autoptr(AmparoPerson) eva = add_person (store, "Eva", "Paz", "2013-01-01");
  g_autofree char *long_ago = days_from_today (-120);
  g_autofree char *today = days_from_today (0);
  g_autoptr(AmparoContact) old = add_contact (store, rosa, "+502 5555 0101", long_ago);
  g_autoptr(AmparoContact) never = add_contact (store, tomas, "+1 213 555 0100", NULL);
  g_autoptr(AmparoContact) fresh = add_contact (store, eva, "+1 213 555 0199", today);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.reverify-contacts");
  GtkWidget *dialog, *editor;
  GtkListBoxRow *row;
  guint key = 0;
  GdkModifierType modifiers = 0;

  g_assert_nonnull (accels[0]);
  g_assert_true (gtk_accelerator_parse (accels[0], &key, &modifiers));
  g_assert_cmpuint (key, ==, GDK_KEY_r);
  g_assert_cmpuint (modifiers, ==, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_true (window_menu_has_action (GTK_WIDGET (window), "app.reverify-contacts"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "reverify-contacts", NULL);
  amparo_test_until (((dialog = get_reverify_dialog ()) != NULL));
  g_assert_nonnull (dialog);
  assert_shows (dialog, "+502 5555 0101");
  g_assert_nonnull (find_list_row (dialog, "Tzul, Rosa"));
  g_assert_nonnull (find_list_row (dialog, "Yax, Tomás"));
  g_assert_null (find_list_row (dialog, "Paz, Eva"));
  assert_shows (dialog, flow->never);
  assert_shows (dialog, "120");
  assert_shows (dialog, flow->days_ago);
  /* Showing clients' numbers is journaled as a view of each client. */
  {
    g_autoptr(GListModel) journal = amparo_store_list_journal (store);
    guint views = 0;

    for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
      {
        g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (journal, i);

        views += amparo_journal_entry_get_action (entry) == AMPARO_JOURNAL_ACTION_VIEW
                 && g_strcmp0 (amparo_journal_entry_get_details (entry), "contacts to re-verify") == 0
                 && (g_strcmp0 (amparo_journal_entry_get_record_uid (entry), amparo_record_get_uid (AMPARO_RECORD (rosa))) == 0
                     || g_strcmp0 (amparo_journal_entry_get_record_uid (entry), amparo_record_get_uid (AMPARO_RECORD (tomas))) == 0);
      }
    g_assert_cmpuint (views, ==, 2);
  }

  g_assert_true (gtk_widget_activate_action (dialog, "reverify.reached", "s", amparo_record_get_uid (AMPARO_RECORD (old))));
  g_assert_true (amparo_store_reload (store, AMPARO_RECORD (old), NULL));
  g_assert_cmpstr (amparo_contact_get_last_verified (old), ==, today);
  g_assert_null (find_list_row (dialog, "Tzul, Rosa"));

  /* A row opens that client's page, in the Clients section. */
  row = find_list_row (dialog, "Yax, Tomás");
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  amparo_test_wait (400);
  amparo_test_until (g_strcmp0 (amparo_window_state_get_section (amparo_window_get_state (AMPARO_WINDOW (window))), "clients") == 0);
  g_assert_cmpstr (amparo_window_state_get_section (amparo_window_get_state (AMPARO_WINDOW (window))), ==, "clients");
  editor = amparo_test_find_widget (GTK_WIDGET (window), AMPARO_TYPE_CLIENT_EDITOR);
  g_assert_cmpstr (amparo_record_get_uid (AMPARO_RECORD (amparo_client_editor_get_person (AMPARO_CLIENT_EDITOR (editor)))),
                   ==, amparo_record_get_uid (AMPARO_RECORD (tomas)));

  g_assert_true (amparo_store_mark_contact_reached (store, never, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "reverify-contacts", NULL);
  dialog = get_reverify_dialog ();
  assert_shows (dialog, flow->empty);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
}

static void
test_reverify (gconstpointer data)
{
  const ReverifyFlow *flow = data;
  g_autofree char *db = g_strdup_printf ("%s/reverify-%s.db", work_dir, flow->language);

  amparo_test_run_app (db, flow->language, G_CALLBACK (on_activate_reverify_cb), (gpointer) flow);
}

/* What people type, in each language's order, and ISO in both. */
static void
test_date_entry_parse (void)
{
  g_autofree char *es = amparo_date_entry_parse ("05/12/2026", "es", FALSE);
  g_autofree char *en = amparo_date_entry_parse ("12/05/2026", "en", FALSE);
  g_autofree char *iso = amparo_date_entry_parse ("2026-12-05", "es", FALSE);
  g_autofree char *timed = amparo_date_entry_parse ("05/12/2026 09:30", "es", TRUE);
  g_autofree char *bad = amparo_date_entry_parse ("31/02/2026", "es", FALSE);
  g_autofree char *shown_es = amparo_date_entry_format ("2026-12-05T09:30", "es");
  g_autofree char *shown_en = amparo_date_entry_format ("2026-12-05", "en");

  g_assert_cmpstr (es, ==, "2026-12-05");
  g_assert_cmpstr (en, ==, "2026-12-05");
  g_assert_cmpstr (iso, ==, "2026-12-05");
  g_assert_cmpstr (timed, ==, "2026-12-05T09:30");
  g_assert_null (bad);
  g_assert_cmpstr (shown_es, ==, "05/12/2026 09:30");
  g_assert_cmpstr (shown_en, ==, "12/05/2026");
}

static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (work_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  work_dir = g_dir_make_tmp ("amparo-case-XXXXXX", &error);
  g_assert_no_error (error);
  g_unsetenv ("LANGUAGE");

  g_test_add_func ("/case/date-entry-parse", test_date_entry_parse);
  g_test_add_func ("/case/narrow-page-fixes", test_narrow_page);
  g_test_add_func ("/case/country-picker", test_country_picker);
  g_test_add_func ("/case/language-picker", test_language_picker);
  g_test_add_data_func ("/case/reverify/en", &reverify_english, test_reverify);
  g_test_add_data_func ("/case/reverify/es", &reverify_spanish, test_reverify);
  g_test_add_data_func ("/case/whole-case/en", &english, test_case);
  g_test_add_data_func ("/case/whole-case/es", &spanish, test_case);
  status = g_test_run ();
  remove_work_dir ();
  return status;
}
