/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amparo-application.h"
#include "amparo-clients-page.h"
#include "amparo-date-format.h"
#include "amparo-language.h"
#include "amparo-main-view.h"
#include "amparo-store.h"
#include "amparo-window.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"

/* Starts the real application on a store in a temporary folder and does
 * what a front-desk worker does: a new client through the intake form
 * (with a mistake in the A-Number first), a search, a location, a
 * hearing, and a parent found by "Find possible relatives" — in English
 * and in Spanish — then checks that a language switch keeps what was
 * typed. It asserts only what a person would see. */

typedef struct
{
  const char *language;
  /* What the person sees, in the language of the run. */
  const char *new_client;
  const char *given_names;
  const char *family_names;
  const char *a_number;
  const char *add_location;
  const char *add_location_button;
  const char *kind_of_place;
  const char *facility;
  const char *city;
  const char *location_title;
  const char *add_hearing;
  const char *date_and_time;
  const char *place;
  const char *add_date_button;
  const char *find_relatives;
  const char *link;
  const char *one_person;
  const char *no_persons;
} Flow;

static const Flow english = {
  "en", "New Client", "Given names", "Family names", "A-Number",
  "Add a Location", "_Add Location", "Kind of place", "Facility", "City",
  "Casa Libre, Los Angeles",
  "Add a Hearing or Deadline", "Date and time (YYYY-MM-DD HH:MM)", "Place",
  "_Add Date",
  "_Find Possible Relatives", "Link", "1 person", "0 people",
};

static const Flow spanish = {
  "es", "Nuevo cliente", "Nombres", "Apellidos", "Número A",
  "Agregar un lugar", "_Agregar lugar", "Tipo de lugar", "Establecimiento", "Ciudad",
  "Casa Libre, Los Angeles",
  "Agregar una audiencia o plazo", "Fecha y hora (AAAA-MM-DD HH:MM)", "Lugar",
  "_Agregar fecha",
  "_Buscar posibles familiares", "Vincular", "1 persona", "0 personas",
};

static char *work_dir;

static void
wait_for_frames (void)
{
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    amparo_test_iterate ();
}

typedef gboolean (*Match) (GtkWidget  *widget,
                           const char *text);

static GtkWidget *
find_widget (GtkWidget  *widget,
             Match       match,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (match (widget, text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_row (GtkWidget  *widget,
        const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button (GtkWidget  *widget,
           const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
shows_text_containing (GtkWindow  *window,
                       const char *text)
{
  return find_widget (GTK_WIDGET (window), is_label_containing, text) != NULL;
}

static gboolean
wait_for_text_containing (GtkWindow  *window,
                          const char *text)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;

  while (!shows_text_containing (window, text))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      amparo_test_iterate ();
    }
  return TRUE;
}

#define assert_shows_containing(window, text) g_assert_true (wait_for_text_containing (window, text))

static gboolean
shows_text (GtkWindow  *window,
            const char *text)
{
  return find_widget (GTK_WIDGET (window), is_label, text) != NULL;
}

static void
print_labels (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_test_message ("label: %s", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    print_labels (child);
}

/* The machine may be busy: give the window up to five seconds to show
 * the text, and on failure say what was on screen instead. */
static gboolean
wait_for_text (GtkWindow  *window,
               const char *text)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;

  while (!shows_text (window, text))
    {
      if (g_get_monotonic_time () > until)
        {
          print_labels (GTK_WIDGET (window));
          return FALSE;
        }
      amparo_test_iterate ();
    }
  return TRUE;
}

#define assert_shows(window, text) g_assert_true (wait_for_text (window, text))

static GtkWidget *
get_row (GtkWindow  *window,
         const char *title)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;
  GtkWidget *row;

  while ((row = find_widget (GTK_WIDGET (window), is_row, title)) == NULL
         && g_get_monotonic_time () < until)
    amparo_test_iterate ();
  if (row == NULL)
    g_error ("no visible row “%s”", title);
  return row;
}

static void
type_into (GtkWindow  *window,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_row (window, title)), text);
}

static void
press (GtkWindow  *window,
       const char *label)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;
  GtkWidget *button;

  while ((button = find_widget (GTK_WIDGET (window), is_button, label)) == NULL
         && g_get_monotonic_time () < until)
    amparo_test_iterate ();
  if (button == NULL)
    g_error ("no visible button “%s”", label);
  gtk_widget_activate (button);
  wait_for_frames ();
}

static void
expand (GtkWindow  *window,
        const char *title)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (get_row (window, title)), TRUE);
  wait_for_frames ();
}

/* The window's store, on the engine of the run: a -pg twin that quietly
 * fell back to a file would prove nothing about the server. */
static AmparoStore *
get_store (GtkWindow *window)
{
  AmparoMainView *view = amparo_window_get_main_view (AMPARO_WINDOW (window));
  GtkWidget *page = amparo_main_view_get_page (view, "clients");
  AmparoStore *store = AMPARO_STORE (amparo_section_page_get_store (AMPARO_SECTION_PAGE (page)));

  g_assert_cmpint (amparo_store_path_is_server (amparo_store_get_path (store)), ==, amparo_test_engine_is_pg ());
  return store;
}

static gboolean
wait_for_live_count (AmparoStore *store,
                     gint64       expected)
{
  gint64 until = g_get_monotonic_time () + AMPARO_TEST_PATIENCE;

  while (amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE) != expected)
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      amparo_test_iterate ();
    }
  return TRUE;
}

/* The mother, already in the store from an earlier intake. */
static void
add_parent_to_store (AmparoStore *store)
{
  g_autoptr(AmparoPerson) mother = amparo_person_new ();
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (mother, "María");
  amparo_person_set_family_names (mother, "Pérez López");
  amparo_person_set_birth_date (mother, "1988-04-02");
  amparo_person_set_country_of_birth (mother, "Guatemala");
  amparo_person_set_client_status (mother, AMPARO_CLIENT_STATUS_NOT_CLIENT);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (mother), &error));
  g_assert_no_error (error);
}

static char *
bad_a_number_message (const char *a_number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = amparo_a_number_normalize (a_number, &error);

  g_assert_null (canonical);
  return g_strdup (error->message);
}

static void
do_intake (GtkWindow  *window,
           const Flow *flow)
{
  g_autofree char *message = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  wait_for_frames ();
  assert_shows (window, flow->new_client);

  type_into (window, flow->given_names, "Ana Lucía");
  type_into (window, flow->family_names, "Pérez López");
  type_into (window, flow->a_number, "12345");
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  wait_for_frames ();
  /* The store's own message (in the store's translation), right under
   * the A-Number. */
  message = bad_a_number_message ("12345");
  assert_shows (window, message);
  g_assert_cmpint (amparo_store_count (get_store (window), AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 0);

  type_into (window, flow->a_number, "A-012-345-678");
  wait_for_frames ();
  amparo_test_until (!(shows_text (window, message)));
  g_assert_false (shows_text (window, message));
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  wait_for_frames ();
  assert_shows (window, "Pérez López, Ana Lucía");
}

static void
find_in_list (GtkWindow  *window,
              const Flow *flow)
{
  AmparoWindowState *state = amparo_window_get_state (AMPARO_WINDOW (window));

  amparo_window_state_set_search_text (state, "perez ana");
  wait_for_frames ();
  assert_shows (window, flow->one_person);
  amparo_window_state_set_search_text (state, "nobody-like-this");
  wait_for_frames ();
  assert_shows (window, flow->no_persons);
  amparo_window_state_set_search_text (state, "");
}

static void
add_location (GtkWindow  *window,
              const Flow *flow)
{
  expand (window, flow->add_location);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (window, flow->kind_of_place)),
                              AMPARO_LOCATION_KIND_ORR_SHELTER);
  type_into (window, flow->facility, "Casa Libre");
  type_into (window, flow->city, "Los Angeles");
  press (window, flow->add_location_button);
  /* The kind's label comes from the store; the rest is what was typed. */
  assert_shows_containing (window, flow->location_title);
}

static void
add_hearing (GtkWindow  *window,
             const Flow *flow)
{
  /* Six weeks ahead, so the Agenda (a year ahead) lists it too. */
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 42);
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day),
                                                     g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day), 9, 30, 0);
  g_autofree char *typed = g_date_time_format (when, "%Y-%m-%d %H:%M");
  g_autofree char *date = amparo_date_format (when, flow->language, AMPARO_DATE_MEDIUM);
  g_autofree char *time = amparo_time_format (when, flow->language);
  g_autofree char *shown = g_strdup_printf ("%s, %s", date, time);

  expand (window, flow->add_hearing);
  type_into (window, flow->date_and_time, typed);
  type_into (window, flow->place, "Los Angeles Immigration Court");
  press (window, flow->add_date_button);
  assert_shows (window, shown);
}

/* The hearing just added is on the Agenda, under its client's name. */
static void
find_in_agenda (GtkWindow  *window,
                const Flow *flow)
{
  AmparoWindowState *state = amparo_window_get_state (AMPARO_WINDOW (window));

  amparo_window_state_set_section (state, "agenda");
  wait_for_frames ();
  assert_shows (window, "Ana Lucía Pérez López");
  assert_shows_containing (window, "Los Angeles Immigration Court");
  amparo_window_state_set_section (state, "clients");
  wait_for_frames ();
}

static void
link_parent (GtkWindow  *window,
             const Flow *flow)
{
  add_parent_to_store (get_store (window));
  press (window, flow->find_relatives);
  assert_shows (window, "María Pérez López");
  press (window, flow->link);
  assert_shows (window, "Pérez López, María");
  amparo_test_until (amparo_store_count (get_store (window), AMPARO_TYPE_RELATIONSHIP, AMPARO_LIST_LIVE) == 1);
  g_assert_true (amparo_store_count (get_store (window), AMPARO_TYPE_RELATIONSHIP, AMPARO_LIST_LIVE) == 1);
}

static void
on_activate_flow_cb (GApplication *app,
                     const Flow   *flow)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  wait_for_frames ();
  do_intake (window, flow);
  find_in_list (window, flow);
  add_location (window, flow);
  add_hearing (window, flow);
  find_in_agenda (window, flow);
  link_parent (window, flow);
  gtk_window_destroy (window);
}

static void
run_app (const char *language,
         GCallback   on_activate,
         gconstpointer data)
{
  /* A store of its own per run: deleting only flow.db would leave its -wal
   * behind, and SQLite could replay the previous run into the new file.
   * Under tests/pg/with-pg-server.sh the store is a new database on the
   * test's PostgreSQL (postgres #10), so the same steps run on both. */
  g_autofree char *name = g_strdup_printf ("flow-%s-%p.db", language, (void *) on_activate);
  g_autofree char *db = amparo_test_store_location (work_dir, name);

  if (!amparo_test_engine_is_pg ())
    g_remove (db);
  amparo_test_run_app (db, language, on_activate, (gpointer) data);
}

static void
test_flow (gconstpointer data)
{
  const Flow *flow = data;

  run_app (flow->language, G_CALLBACK (on_activate_flow_cb), flow);
}

/* Typing, then pressing "Español" mid-intake: the form comes back in
 * Spanish with the typed text still there, and nothing was saved. */
static void
on_activate_switch_cb (GApplication *app,
                       gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  wait_for_frames ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  wait_for_frames ();
  type_into (window, english.given_names, "Rosa");
  type_into (window, english.family_names, "Quispe");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("es"));
  wait_for_frames ();
  assert_shows (window, spanish.new_client);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (window, spanish.given_names))), ==, "Rosa");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (window, spanish.family_names))), ==, "Quispe");
  g_assert_cmpint (amparo_store_count (get_store (window), AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 0);

  /* Saving after the switch stores what was typed before it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  wait_for_frames ();
  amparo_test_until ((amparo_store_count (get_store (window), AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE)) == (1));
  g_assert_cmpint (amparo_store_count (get_store (window), AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
  assert_shows (window, "Quispe, Rosa");
  gtk_window_destroy (window);
}

static void
test_switch_keeps_typing (void)
{
  run_app ("en", G_CALLBACK (on_activate_switch_cb), NULL);
}

/* Delete moves to the Trash with Undo; the Trash view restores. */
static void
on_activate_trash_cb (GApplication *app,
                      gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoStore *store;

  wait_for_frames ();
  store = get_store (window);
  do_intake (window, &english);
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete", NULL);
  wait_for_frames ();
  assert_shows (window, "“Pérez López, Ana Lucía” moved to the Trash");
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_TRASH), ==, 1);

  press (window, "_Undo");
  g_assert_true (wait_for_live_count (store, 1));
  gtk_window_destroy (window);
}

static void
test_trash (void)
{
  run_app ("en", G_CALLBACK (on_activate_trash_cb), NULL);
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
  g_clear_pointer (&work_dir, g_free);
}

static AdwMessageDialog *
find_question (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
answer (GApplication *app,
        const char   *response)
{
  AdwMessageDialog *dialog = NULL;

  amparo_test_until (((dialog = find_question ()) != NULL) && (g_strcmp0 (adw_message_dialog_get_heading (dialog), "Save Changes?") == 0));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  /* As a click on the button does: answer, then close — unless the
   * answer closed the window, and the dialog with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_close (GTK_WINDOW (dialog));
    }
  wait_for_frames ();
}

/* Unsaved typing is never thrown away without asking: not when another
 * client is opened, not when the window is closed. */
static void
on_activate_ask_cb (GApplication *app,
                    gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoStore *store;
  g_autoptr(AmparoPerson) other = amparo_person_new ();

  wait_for_frames ();
  store = get_store (window);
  amparo_person_set_given_names (other, "Tomás");
  amparo_person_set_family_names (other, "Chávez");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (other), NULL));

  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  wait_for_frames ();
  type_into (window, english.given_names, "Rosa");

  gtk_widget_activate_action (amparo_main_view_get_page (amparo_window_get_main_view (AMPARO_WINDOW (window)), "clients"),
                              "clients.open", "s", amparo_record_get_uid (AMPARO_RECORD (other)));
  wait_for_frames ();
  answer (app, "cancel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (window, english.given_names))), ==, "Rosa");

  gtk_window_close (window);
  wait_for_frames ();
  answer (app, "cancel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (window, english.given_names))), ==, "Rosa");

  /* Discarding lets the window close; nothing was saved. */
  gtk_window_close (window);
  wait_for_frames ();
  answer (app, "discard");
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
}

/* The same child entered twice: the intake shows the possible existing
 * record while typing, and the store's duplicate A-Number error with a
 * way to open the existing record. */
static void
on_activate_duplicate_cb (GApplication *app,
                          gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AmparoStore *store;

  wait_for_frames ();
  store = get_store (window);
  do_intake (window, &english);

  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  wait_for_frames ();
  type_into (window, english.given_names, "Ana Lucia");
  type_into (window, english.family_names, "Perez Lopez");
  assert_shows (window, "Possible Existing Records");
  assert_shows (window, "Ana Lucía Pérez López");

  type_into (window, english.a_number, "012345678");
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  wait_for_frames ();
  amparo_test_until ((amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE)) == (1));
  g_assert_cmpint (amparo_store_count (store, AMPARO_TYPE_PERSON, AMPARO_LIST_LIVE), ==, 1);
  press (window, "Open Existing Record");
  answer (app, "discard");
  assert_shows (window, "Pérez López, Ana Lucía");
  g_assert_false (shows_text (window, english.new_client));
  gtk_window_destroy (window);
}

static void
test_duplicate (void)
{
  run_app ("en", G_CALLBACK (on_activate_duplicate_cb), NULL);
}

static void
test_ask_before_discarding (void)
{
  run_app ("en", G_CALLBACK (on_activate_ask_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  work_dir = g_dir_make_tmp ("amparo-clients-XXXXXX", &error);
  g_assert_no_error (error);
  g_unsetenv ("LANGUAGE");

  g_test_add_data_func ("/clients/intake-to-family/en", &english, test_flow);
  g_test_add_data_func ("/clients/intake-to-family/es", &spanish, test_flow);
  g_test_add_func ("/clients/language-switch-keeps-typing", test_switch_keeps_typing);
  g_test_add_func ("/clients/trash-and-undo", test_trash);
  g_test_add_func ("/clients/ask-before-discarding", test_ask_before_discarding);
  g_test_add_func ("/clients/duplicate-and-matches", test_duplicate);

  status = g_test_run ();
  remove_work_dir ();
  return status;
}
