/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <json-glib/json-glib.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "amparo-application.h"
#include "amparo-bench-data.h"
#include "amparo-client-editor.h"
#include "amparo-clients-util.h"
#include "amparo-event.h"
#include "amparo-history-panel.h"
#include "amparo-iso-picker.h"
#include "amparo-location.h"
#include "amparo-main-view.h"
#include "amparo-person-list-model.h"
#include "amparo-query-model.h"
#include "amparo-section-page.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"

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

/* A widget that counts how often GTK works out its height for a width
 * (put inside a page, it tells whether that page was laid out) and its
 * width for a height (what a wrapping label answers by laying its text
 * out at a dozen widths). */
#define PROBE_TYPE (probe_get_type ())
G_DECLARE_FINAL_TYPE (Probe, probe, PROBE, WIDGET, GtkWidget)

struct _Probe
{
  GtkWidget parent_instance;
  guint n_heights;              /* its height for a width */
  guint n_widths_for_height;    /* its width for a height */
};

G_DEFINE_FINAL_TYPE (Probe, probe, GTK_TYPE_WIDGET)

static void
probe_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    PROBE_WIDGET (widget)->n_heights++;
  if (orientation == GTK_ORIENTATION_HORIZONTAL && for_size >= 0)
    PROBE_WIDGET (widget)->n_widths_for_height++;
  *minimum = *natural = 1;
}

static GtkSizeRequestMode
probe_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
probe_class_init (ProbeClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = probe_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = probe_get_request_mode;
}

static void
probe_init (Probe *self)
{
}

static AmparoPerson *
add_client (AmparoStore *store,
            const char  *given,
            const char  *city)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(AmparoLocation) place = amparo_location_new ();
  g_autoptr(GError) error = NULL;

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, "Tzul");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  amparo_location_set_person_id (place, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_location_set_kind (place, AMPARO_LOCATION_KIND_SPONSOR_HOME);
  amparo_location_set_city (place, city);
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (place), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&person);
}

static GtkWidget *
clients_page (GtkWidget *window)
{
  return amparo_main_view_get_page (amparo_window_get_main_view (AMPARO_WINDOW (window)), "clients");
}

/* The store the window's Clients section works on. */
static AmparoStore *
store_of (GtkWidget *window)
{
  return AMPARO_STORE (amparo_section_page_get_store (AMPARO_SECTION_PAGE (clients_page (window))));
}

static void
open_client (GtkWidget    *window,
             AmparoPerson *person)
{
  GtkWidget *page = clients_page (window);

  gtk_widget_activate_action (page, "clients.open", "s", amparo_record_get_uid (AMPARO_RECORD (person)));
}

/* On the client page (the list's rows name places too). */
static gboolean
shows (GtkWidget  *window,
       const char *text)
{
  GtkWidget *editor = amparo_test_find_widget (window, AMPARO_TYPE_CLIENT_EDITOR);

  return editor != NULL && amparo_test_find_text (editor, text, TRUE) >= 0;
}

/* Opens @person and waits until the client page shows @text. */
static void
open_shown (GtkWidget    *window,
            AmparoPerson *person,
            const char   *text)
{
  open_client (window, person);
  g_assert_true (amparo_test_until (shows (window, text)));
}

/* Another client's page: its first frame has the profile, and the
 * panels under it (places here) come right after that frame, never with
 * the previous client's rows in the meantime. Before, every panel was
 * filled before the first frame. */
static void
on_activate_panels_cb (GApplication *app,
                       gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AmparoStore *store = store_of (window);
  g_autoptr(AmparoPerson) first = add_client (store, "Ana", "Brownsville");
  g_autoptr(AmparoPerson) second = add_client (store, "Rosa", "Poughkeepsie");

  amparo_test_wait (300);
  open_shown (window, first, "Brownsville");
  g_assert_true (amparo_test_until (shows (window, "Ana")));

  open_client (window, second);
  g_assert_false (shows (window, "Brownsville"));
  g_assert_false (shows (window, "Poughkeepsie"));
  g_assert_true (amparo_test_until (shows (window, "Poughkeepsie")));
  g_assert_false (shows (window, "Brownsville"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static AmparoQueryModel *
list_query (GtkWidget *page)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (amparo_test_client_list_model (page));
  GListModel *shown = gtk_single_selection_get_model (selection);

  return AMPARO_QUERY_MODEL (amparo_person_list_model_get_model (AMPARO_PERSON_LIST_MODEL (shown)));
}

/* Opening a client from elsewhere (a relative, the Agenda) who is far
 * down the list reads none of the list to highlight them: before, it
 * read up to 2,000 rows, half of an open's time at 10,000 persons. A
 * row the list shows is still highlighted. */
static void
on_activate_no_list_read_cb (GApplication *app,
                             gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *page = clients_page (window);
  AmparoStore *store = store_of (window);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (amparo_test_client_list_model (page));
  g_autoptr(AmparoPerson) far = NULL;
  g_autoptr(AmparoPerson) first = NULL;
  g_autoptr(GError) error = NULL;
  AmparoBenchCounts counts;
  guint reads;

  g_assert_true (amparo_bench_generate_persons (store, 1500, 5, &counts, &error));
  g_assert_no_error (error);
  far = add_client (store, "Zoila", "Poughkeepsie");
  amparo_person_set_family_names (far, "Zzyzx");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (far), &error));
  amparo_test_wait (300);

  reads = amparo_query_model_get_n_reads (list_query (page));
  open_shown (window, far, "Zoila");
  g_test_message ("list pages read to open a client far down: %u",
                  amparo_query_model_get_n_reads (list_query (page)) - reads);
  g_assert_cmpuint (amparo_query_model_get_n_reads (list_query (page)) - reads, <=, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  open_client (window, first);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The client page, built after the first frame, is not laid out while
 * the list shows and no client does. Before, the hidden page was laid
 * out with the list (the stack was as big as its biggest page): the first
 * scroll or keystroke after start-up took 150 ms more, at any store
 * size, for a layout thrown away when a client opened. Shown, the page is
 * laid out (the probe works). */
static void
on_activate_hidden_page_cb (GApplication *app,
                            gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AmparoStore *store = store_of (window);
  g_autoptr(AmparoPerson) client = add_client (store, "Ana", "Brownsville");
  GtkWidget *editor, *box;
  Probe *probe;

  g_assert_true (amparo_test_until (amparo_test_find_widget (window, AMPARO_TYPE_CLIENT_EDITOR) != NULL));
  editor = amparo_test_find_widget (window, AMPARO_TYPE_CLIENT_EDITOR);
  box = amparo_test_find_widget (editor, GTK_TYPE_BOX);
  probe = g_object_new (PROBE_TYPE, NULL);
  gtk_box_prepend (GTK_BOX (box), GTK_WIDGET (probe));
  amparo_test_wait (300);
  g_assert_cmpuint (probe->n_heights, ==, 0);

  open_shown (window, client, "Brownsville");
  g_assert_cmpuint (probe->n_heights, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The last list box in @root, in the order of its widgets. */
static GtkWidget *
last_list_box (GtkWidget *root)
{
  GtkWidget *found = GTK_IS_LIST_BOX (root) ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inside = last_list_box (child);

      if (inside != NULL)
        found = inside;
    }
  return found;
}

static void
on_children_changed_cb (GListModel *children,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *n_added)
{
  *n_added += added;
}

/* Opening a client lists that very view under "Who Has Seen This
 * Record", and builds the list once: before, it was built when the
 * panels were filled and again in an idle (laid out twice per open), so
 * that the view, journaled after the panels were filled, was listed. */
static void
on_activate_views_once_cb (GApplication *app,
                           gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AmparoStore *store = store_of (window);
  g_autoptr(AmparoPerson) client = add_client (store, "Ana", "Brownsville");
  g_autoptr(GListModel) children = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autofree char *when = NULL;
  GtkWidget *list;
  GtkListBoxRow *row;
  guint n_added = 0;

  g_assert_true (amparo_test_until (amparo_test_find_widget (window, AMPARO_TYPE_HISTORY_PANEL) != NULL));
  /* The history panel's last list box. */
  list = last_list_box (amparo_test_find_widget (window, AMPARO_TYPE_HISTORY_PANEL));
  children = gtk_widget_observe_children (list);
  g_signal_connect (children, "items-changed", G_CALLBACK (on_children_changed_cb), &n_added);

  open_shown (window, client, "Brownsville");
  amparo_test_wait (300);
  views = amparo_store_list_record_views (store, client, 5, NULL);
  g_assert_cmpuint (views->len, ==, 1);
  when = amparo_clients_format_date_time (amparo_record_get_created_at (views->pdata[0]));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, when);
  g_assert_cmpuint (n_added, ==, 1);
  g_signal_handlers_disconnect_by_func (children, on_children_changed_cb, &n_added);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The title of a row of a client page's panels (AdwActionRow's vertical
 * box of title and subtitle, in libadwaita 1.2), in a row showing @text. */
static gboolean
is_row_title_showing (GtkWidget     *widget,
                      gconstpointer  text)
{
  return gtk_widget_has_css_class (widget, "title")
         && gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW) != NULL
         && amparo_test_find_text (widget, text, TRUE) >= 0;
}

/* A row's title is never asked how wide it must be at a height: its
 * labels wrap, and a wrapping label answers that by laying its text out
 * at a dozen widths. Every horizontal box asked it of every row at every
 * allocation, three quarters of the time the panels took to draw. The
 * row is laid out (the probe is measured) and looks the same (the
 * screenshots are identical to the pixel). */
static void
on_activate_rows_width_first_cb (GApplication *app,
                                 gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AmparoStore *store = store_of (window);
  g_autoptr(AmparoPerson) client = add_client (store, "Ana", "Brownsville");
  GtkWidget *title;
  Probe *probe;

  amparo_test_wait (300);
  open_shown (window, client, "Brownsville");
  title = amparo_test_find_mapped (window, GTK_TYPE_BOX, is_row_title_showing, "Brownsville");
  g_assert_nonnull (title);
  probe = g_object_new (PROBE_TYPE, NULL);
  gtk_box_append (GTK_BOX (title), GTK_WIDGET (probe));
  amparo_test_wait (300);
  g_assert_cmpuint (probe->n_heights, >, 0);
  g_assert_cmpuint (probe->n_widths_for_height, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A list box with rows: a history panel's list of changes (a
 * preferences group holds an empty one of its own first). */
static gboolean
has_rows (GtkWidget     *widget,
          gconstpointer  data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0) != NULL;
}

/* Another client's history is shown in the rows the last one's was:
 * making them again was a tenth of drawing the panels. No row of the
 * last client's is left. */
static void
on_activate_history_rows_kept_cb (GApplication *app,
                                  gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AmparoStore *store = store_of (window);
  g_autoptr(AmparoPerson) first = add_client (store, "Ana", "Brownsville");
  g_autoptr(AmparoPerson) second = add_client (store, "Rosa", "Poughkeepsie");
  g_autoptr(GListModel) children = NULL;
  GtkWidget *panel, *list;
  guint n_added = 0;

  amparo_test_wait (300);
  open_shown (window, first, "Brownsville");
  panel = amparo_test_find_widget (window, AMPARO_TYPE_HISTORY_PANEL);
  list = amparo_test_find_mapped (panel, GTK_TYPE_LIST_BOX, has_rows, NULL);
  g_assert_true (amparo_test_find_text (list, "Brownsville", TRUE) >= 0);
  children = gtk_widget_observe_children (list);
  g_signal_connect (children, "items-changed", G_CALLBACK (on_children_changed_cb), &n_added);

  open_client (window, second);
  g_assert_true (amparo_test_until (amparo_test_find_text (list, "Poughkeepsie", TRUE) >= 0));
  g_assert_cmpint (amparo_test_find_text (list, "Brownsville", TRUE), <, 0);
  g_assert_cmpuint (n_added, ==, 0);
  g_signal_handlers_disconnect_by_func (children, on_children_changed_cb, &n_added);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where the language table (iso-codes' 870 kB iso_639-3.json) was
 * read: the test program's json_parser_load_from_file () stands in front
 * of json-glib's for the app's code linked into it, and notes it. */
static GThread *main_thread;
static guint n_language_reads;
static guint n_language_reads_in_main;

gboolean
json_parser_load_from_file (JsonParser   *parser,
                            const char   *path,
                            GError      **error)
{
  static gboolean (*real) (JsonParser *, const char *, GError **);

  if (real == NULL)
    real = (gboolean (*) (JsonParser *, const char *, GError **)) dlsym (RTLD_NEXT, "json_parser_load_from_file");
  if (g_str_has_suffix (path, "iso_639-3.json"))
    {
      n_language_reads++;
      n_language_reads_in_main += g_thread_self () == main_thread;
    }
  return real (parser, path, error);
}

/* The client page's language picker and a client's languages, with
 * the table read once and never by the main thread: it read and
 * parsed it (80 ms) while building the client page after the first
 * frame. (A client opened before the page is built waits for the
 * table, or reads it.) This case runs first: the table is read once
 * per process. */
static void
on_activate_iso_codes_read_aside_cb (GApplication *app,
                                     gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AmparoStore *store = store_of (window);
  g_autoptr(AmparoPerson) client = add_client (store, "Ana", "Brownsville");
  g_autoptr(GError) error = NULL;

  amparo_person_set_languages (client, "quc");
  g_assert_true (amparo_store_save (store, AMPARO_RECORD (client), &error));
  g_assert_no_error (error);
  /* The client page is built on its own after the first frame. */
  g_assert_true (amparo_test_until (amparo_test_find_widget (window, AMPARO_TYPE_CLIENT_EDITOR) != NULL));
  open_shown (window, client, "Brownsville");
  g_assert_true (amparo_test_until (shows (window, "K'iche'")));
  g_assert_cmpuint (n_language_reads, ==, 1);
  g_assert_cmpuint (n_language_reads_in_main, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* How often setting a tooltip asked the X server where the pointer
 * is. The test program's own XIQueryPointer and
 * gtk_widget_set_tooltip_text (exported: export_dynamic) stand in front
 * of libXi's and GTK's, count, and pass the calls on. Only queries made
 * while a tooltip is set count: GTK also asks when the pointer rests on
 * a widget, or when a frame's layout changed what is under it. */
static guint n_pointer_queries;
static guint setting_tooltip;

typedef int (*QueryPointerFunc) (void *, int, unsigned long, void *, void *, void *, void *,
                                 void *, void *, void *, void *, void *);

int XIQueryPointer (void *display, int device, unsigned long window, void *root, void *child,
                    void *root_x, void *root_y, void *x, void *y, void *buttons, void *mods, void *group);

int
XIQueryPointer (void          *display,
                int            device,
                unsigned long  window,
                void          *root,
                void          *child,
                void          *root_x,
                void          *root_y,
                void          *x,
                void          *y,
                void          *buttons,
                void          *mods,
                void          *group)
{
  static QueryPointerFunc real;

  if (real == NULL)
    real = (QueryPointerFunc) dlsym (RTLD_NEXT, "XIQueryPointer");
  n_pointer_queries += setting_tooltip > 0;
  return real (display, device, window, root, child, root_x, root_y, x, y, buttons, mods, group);
}

void
gtk_widget_set_tooltip_text (GtkWidget  *widget,
                             const char *text)
{
  static void (*real) (GtkWidget *, const char *);

  if (real == NULL)
    real = (void (*) (GtkWidget *, const char *)) dlsym (RTLD_NEXT, "gtk_widget_set_tooltip_text");
  setting_tooltip++;
  real (widget, text);
  setting_tooltip--;
}

static gboolean
is_reschedule_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "proceedings.reschedule") == 0;
}

/* A client page's rows get their tooltips without a round trip to the
 * X server each: GTK 4.8 asks where the pointer is whenever a visible
 * widget's tooltip is set, window or not: two queries a tooltip, 38 at
 * an open with the hearings here. The tooltips are still there. */
static void
on_activate_no_pointer_queries_cb (GApplication *app,
                                   gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AmparoStore *store = store_of (window);
  g_autoptr(AmparoPerson) first = add_client (store, "Ana", "Brownsville");
  g_autoptr(AmparoPerson) second = add_client (store, "Rosa", "Poughkeepsie");
  g_autoptr(GtkWidget) plain = g_object_ref_sink (gtk_button_new ());
  GtkWidget *button;
  guint before;

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(AmparoEvent) hearing = amparo_event_new ();
      g_autofree char *starts_at = g_strdup_printf ("2027-0%u-10T09:00", i + 1);
      g_autoptr(GError) error = NULL;

      amparo_event_set_person_id (hearing, amparo_record_get_id (AMPARO_RECORD (second)));
      amparo_event_set_kind (hearing, AMPARO_EVENT_KIND_HEARING);
      amparo_event_set_starts_at (hearing, starts_at);
      amparo_event_set_place (hearing, "Houston Immigration Court");
      g_assert_true (amparo_store_save (store, AMPARO_RECORD (hearing), &error));
      g_assert_no_error (error);
    }
  amparo_test_wait (300);
  open_shown (window, first, "Brownsville");

  before = n_pointer_queries;
  open_shown (window, second, "Poughkeepsie");
  g_assert_true (amparo_test_until (shows (window, "Houston Immigration Court")));
  g_assert_cmpuint (n_pointer_queries - before, ==, 0);

  button = amparo_test_find_mapped (window, GTK_TYPE_BUTTON, is_reschedule_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Reschedule");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_true (gtk_widget_get_visible (button));

  /* The count sees GTK's queries: a plain tooltip asks. */
  before = n_pointer_queries;
  gtk_widget_set_tooltip_text (plain, "Asks");
  g_assert_cmpuint (n_pointer_queries, >, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each case runs in the real app on a store of its own: @activate is
 * the case's "activate" handler. */
static void
test_in_app (gconstpointer activate)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "page-open.db", NULL);

  amparo_test_run_app (db, "en", G_CALLBACK (activate), NULL);
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!amparo_test_init_display (&argc, &argv))
    return 0;
  g_unsetenv ("LANGUAGE");

  main_thread = g_thread_self ();
  /* First: it sees the one reading of the language table. */
  g_test_add_data_func ("/perf/page-open/iso-codes-read-aside", on_activate_iso_codes_read_aside_cb, test_in_app);
  g_test_add_func ("/perf/page-open/iso-list-once", test_iso_list_once);
  g_test_add_data_func ("/perf/page-open/panels-after-frame", on_activate_panels_cb, test_in_app);
  g_test_add_data_func ("/perf/page-open/no-list-read", on_activate_no_list_read_cb, test_in_app);
  g_test_add_data_func ("/perf/page-open/hidden-page-not-laid-out", on_activate_hidden_page_cb, test_in_app);
  g_test_add_data_func ("/perf/page-open/views-listed-once", on_activate_views_once_cb, test_in_app);
  g_test_add_data_func ("/perf/page-open/rows-width-first", on_activate_rows_width_first_cb, test_in_app);
  g_test_add_data_func ("/perf/page-open/history-rows-kept", on_activate_history_rows_kept_cb, test_in_app);
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    g_test_add_data_func ("/perf/page-open/no-pointer-queries", on_activate_no_pointer_queries_cb, test_in_app);
#endif
  return g_test_run ();
}
