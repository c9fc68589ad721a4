/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-agenda"

#include "config.h"

#include "amparo-agenda-page.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "amparo-agenda-notifier.h"
#include "amparo-agenda-util.h"
#include "amparo-date-format.h"
#include "amparo-icalendar.h"
#include "amparo-language.h"
#include "amparo-main-view.h"
#include "amparo-store.h"

/* Every client's coming events, grouped by day, with what is overdue (not
 * done and already past) first. The store's list is ordered by date; the
 * page splits it into libadwaita groups, one per day, which a 4.8 list
 * view cannot head. The window of days is bounded, so the number of rows
 * is too; past MAX_ROWS a note says the filters narrow it. */

#define DAYS_BACK 730
#define DAYS_AHEAD 365
#define MAX_ROWS 300
#define MAX_OVERDUE_ROWS 100
#define MAX_SCANNED 20000
#define STAFF_KEY "agenda:staff"
#define KIND_KEY "agenda:kind"

struct _AmparoAgendaPage
{
  AmparoSectionPage  parent_instance;

  GtkDropDown       *staff_dropdown;
  GtkDropDown       *kind_dropdown;
  GtkStack          *stack;
  GtkBox            *days_box;

  AmparoStore       *store;
  GListModel        *events;
  GListStore        *visible;
  GHashTable        *persons;
  char              *search;
  char              *wanted_staff;
  guint              rebuild_source;
  guint              tick_source;
  gboolean           updating_filters;
};

G_DEFINE_FINAL_TYPE (AmparoAgendaPage, amparo_agenda_page, AMPARO_TYPE_SECTION_PAGE)

typedef struct
{
  char today[11];
  char now[6];
} Clock;

static void
read_clock (Clock *clock)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *hm = g_date_time_format (now, "%H:%M");

  g_strlcpy (clock->today, today, sizeof clock->today);
  g_strlcpy (clock->now, hm, sizeof clock->now);
}

static gboolean
has_time (const char *starts_at)
{
  return starts_at != NULL && strlen (starts_at) >= 16 && starts_at[10] == 'T';
}

static gboolean
is_overdue (AmparoEvent *event,
            Clock       *clock)
{
  const char *starts_at = amparo_event_get_starts_at (event);
  int day;

  if (starts_at == NULL || amparo_event_get_done (event))
    return FALSE;
  day = strncmp (starts_at, clock->today, 10);
  return day < 0 || (day == 0 && has_time (starts_at) && strncmp (starts_at + 11, clock->now, 5) < 0);
}

static AmparoPerson *
lookup_person (AmparoAgendaPage *self,
               gint64            id)
{
  AmparoPerson *person;

  if (g_hash_table_lookup_extended (self->persons, &id, NULL, (gpointer *) &person))
    return person;
  person = amparo_store_get_by_id (self->store, AMPARO_TYPE_PERSON, id, NULL);
  g_hash_table_insert (self->persons, g_memdup2 (&id, sizeof id), person);
  return person;
}

static const char *
selected_staff (AmparoAgendaPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->staff_dropdown);
  GListModel *model = gtk_drop_down_get_model (self->staff_dropdown);

  if (model == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static int
selected_kind (AmparoAgendaPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

/* "A-123-45" or "12345" finds A-number 123456789 as staff type it. */
static gboolean
matches_a_number (const char *search,
                  const char *a_number)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = search; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return digits->len >= 3 && a_number != NULL && strstr (a_number, digits->str) != NULL;
}

static gboolean
matches_filters (AmparoAgendaPage *self,
                 AmparoEvent      *event,
                 AmparoPerson     *person)
{
  const char *staff = selected_staff (self);
  int kind = selected_kind (self);
  g_autofree char *name = NULL;

  if (person == NULL)
    return FALSE;
  if (kind >= 0 && (int) amparo_event_get_kind (event) != kind)
    return FALSE;
  if (staff != NULL && g_strcmp0 (amparo_person_get_assigned_staff (person), staff) != 0)
    return FALSE;
  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  /* Word prefixes, accents optional: "jose nu" finds José Núñez. */
  name = amparo_event_person_name (G_OBJECT (person));
  return g_str_match_string (self->search, name, TRUE) ||
         matches_a_number (self->search, amparo_person_get_a_number (person));
}

static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

static char *
time_label (const char *starts_at,
            gboolean    with_date)
{
  const char *language = amparo_language_get ();
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;
  int y, m, d, hour, minute;

  if (has_time (starts_at) &&
      sscanf (starts_at, "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &hour, &minute) == 5)
    {
      g_autoptr(GDateTime) datetime = g_date_time_new_local (y, m, d, hour, minute, 0);
      if (datetime != NULL)
        time = amparo_time_format (datetime, language);
    }
  if (time == NULL)
    /* Translators: an agenda event without a time of day (a deadline) */
    time = g_strdup (_("All day"));
  if (!with_date)
    return g_steal_pointer (&time);
  date = amparo_date_format_iso (starts_at, language, AMPARO_DATE_MEDIUM);
  return g_strdup_printf ("%s\n%s", date ?: "", time);
}

static char *
describe_event (AmparoAgendaPage *self,
                AmparoEvent      *event)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *title = amparo_event_dup_title (amparo_section_page_get_store (AMPARO_SECTION_PAGE (self)),
                                                   event, amparo_language_get ());

  /* A benefit end's title already says it ends, and which benefit. */
  if (amparo_event_get_kind (event) != AMPARO_EVENT_KIND_BENEFIT_END || title == NULL)
    g_ptr_array_add (parts, (gpointer) amparo_event_kind_get_label (amparo_event_get_kind (event)));
  if (title != NULL)
    g_ptr_array_add (parts, title);
  if (amparo_event_get_place (event) != NULL)
    g_ptr_array_add (parts, (gpointer) amparo_event_get_place (event));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
on_row_activated_cb (AdwActionRow     *row,
                     AmparoAgendaPage *self)
{
  AmparoPerson *person = g_object_get_data (G_OBJECT (row), "person");

  if (person != NULL)
    amparo_agenda_page_open_person (self, person);
}

static GtkWidget *
make_row (AmparoAgendaPage *self,
          AmparoEvent      *event,
          AmparoPerson     *person,
          gboolean          overdue)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = amparo_event_person_name (G_OBJECT (person));
  g_autofree char *subtitle = describe_event (self, event);
  g_autofree char *when = time_label (amparo_event_get_starts_at (event), overdue);
  GtkWidget *time = gtk_label_new (when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_label_set_width_chars (GTK_LABEL (time), 8);
  gtk_label_set_justify (GTK_LABEL (time), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (time, "numeric");
  if (overdue)
    gtk_widget_add_css_class (time, "caption");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), time);

  if (overdue)
    {
      /* caserecord (#9): a missed hearing can mean an in-absentia order;
       * a past date nobody recorded needs its outcome, not "past due". */
      GtkWidget *tag = gtk_label_new (amparo_event_get_status (event) == AMPARO_EVENT_STATUS_MISSED
                                      ? _("Missed: possible in-absentia order")
                                      : amparo_event_needs_outcome (event, NULL) ? _("Needs outcome")
                                                                                 : _("Past due"));

      gtk_widget_add_css_class (tag, "error");
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "event", g_object_ref (event), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
  return row;
}

static GtkWidget *
add_group (AmparoAgendaPage *self,
           const char       *title,
           const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->days_box, group);
  return group;
}

static char *
day_description (const char *day,
                 Clock      *clock)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (next, "%Y-%m-%d");

  if (strncmp (day, clock->today, 10) == 0)
    return g_strdup (_("Today"));
  if (strncmp (day, tomorrow, 10) == 0)
    return g_strdup (_("Tomorrow"));
  return NULL;
}

static void
add_day_groups (AmparoAgendaPage *self,
                GPtrArray        *events,
                Clock            *clock)
{
  GtkWidget *group = NULL;
  char day[11] = "";

  for (guint i = 0; i < events->len; i++)
    {
      AmparoEvent *event = events->pdata[i];
      const char *starts_at = amparo_event_get_starts_at (event);
      AmparoPerson *person = lookup_person (self, amparo_event_get_person_id (event));

      if (group == NULL || strncmp (starts_at, day, 10) != 0)
        {
          g_autofree char *heading = amparo_date_format_iso (starts_at, amparo_language_get (),
                                                             AMPARO_DATE_DAY_HEADING);
          g_autofree char *title = capitalize (heading ?: starts_at);
          g_autofree char *description = day_description (starts_at, clock);

          g_strlcpy (day, starts_at, sizeof day);
          group = add_group (self, title, description);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (self, event, person, FALSE));
    }
}

static void
add_overdue_group (AmparoAgendaPage *self,
                   GPtrArray        *events)
{
  g_autofree char *description = NULL;
  GtkWidget *group;

  if (events->len == 0)
    return;
  description = g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                              "%u event is past and not marked done",
                                              "%u events are past and not marked done",
                                              events->len), events->len);
  group = add_group (self, _("Overdue"), description);
  for (guint i = 0; i < events->len; i++)
    {
      AmparoEvent *event = events->pdata[i];
      AmparoPerson *person = lookup_person (self, amparo_event_get_person_id (event));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (self, event, person, TRUE));
    }
}

static void
clear_days (AmparoAgendaPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
update_staff_model (AmparoAgendaPage *self,
                    GHashTable       *staff)
{
  g_autofree char **names = (char **) g_hash_table_get_keys_as_array (staff, NULL);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *wanted = g_strdup (self->wanted_staff);
  guint selected = 0;

  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);
  gtk_string_list_append (model, _("All staff"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      gtk_string_list_append (model, names[i]);
      if (g_strcmp0 (names[i], wanted) == 0)
        selected = i + 1;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->staff_dropdown, selected);
  self->updating_filters = FALSE;
}

/* Returns whether some matching events were left out. */
static gboolean
collect_events (AmparoAgendaPage *self,
                Clock            *clock,
                GPtrArray        *overdue,
                GPtrArray        *upcoming,
                GHashTable       *staff)
{
  guint n = g_list_model_get_n_items (self->events);
  gboolean truncated = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (self->events, i);
      AmparoPerson *person = lookup_person (self, amparo_event_get_person_id (event));
      GPtrArray *list;

      if (person != NULL && amparo_person_get_assigned_staff (person) != NULL)
        g_hash_table_add (staff, g_strdup (amparo_person_get_assigned_staff (person)));
      if (!matches_filters (self, event, person))
        continue;
      list = is_overdue (event, clock) ? overdue : upcoming;
      if (list->len >= (list == overdue ? MAX_OVERDUE_ROWS : MAX_ROWS))
        {
          truncated = TRUE;
          /* Enough to show; on a huge store stop reading, even though
           * the staff filter then offers only the names seen so far. */
          if (upcoming->len >= MAX_ROWS || i >= MAX_SCANNED)
            break;
          continue;
        }
      g_ptr_array_add (list, g_object_ref (event));
      g_list_store_append (self->visible, event);
    }
  return truncated;
}

static void
add_truncated_note (AmparoAgendaPage *self)
{
  GtkWidget *label = gtk_label_new (_("Not every event fits here. Choose a staff member or a kind of event to see the others."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->days_box, label);
}

static void
rebuild (AmparoAgendaPage *self)
{
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean truncated;
  Clock clock;

  if (self->events == NULL)
    return;
  read_clock (&clock);
  clear_days (self);
  g_list_store_remove_all (self->visible);

  truncated = collect_events (self, &clock, overdue, upcoming, staff);
  update_staff_model (self, staff);
  add_overdue_group (self, overdue);
  add_day_groups (self, upcoming, &clock);
  if (truncated)
    add_truncated_note (self);

  if (g_list_model_get_n_items (self->events) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (overdue->len + upcoming->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.export",
                                 overdue->len + upcoming->len > 0);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  AmparoAgendaPage *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (AmparoAgendaPage *self)
{
  /* Nothing to show once disposed; and no source may outlive the page. */
  if (self->store == NULL)
    return;
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

/* Something past its hour becomes overdue without any record changing. */
static gboolean
tick_cb (gpointer user_data)
{
  schedule_rebuild (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_events_changed_cb (AmparoAgendaPage *self)
{
  schedule_rebuild (self);
}

static void
on_record_changed_cb (AmparoAgendaPage *self,
                      AmparoRecord     *record,
                      AmparoStore      *store)
{
  if (AMPARO_IS_PERSON (record))
    {
      g_hash_table_remove_all (self->persons);
      schedule_rebuild (self);
    }
}

static void
on_filter_changed_cb (AmparoAgendaPage *self)
{
  if (self->updating_filters)
    return;
  g_free (self->wanted_staff);
  self->wanted_staff = g_strdup (selected_staff (self));
  schedule_rebuild (self);
}

static gboolean
journal_export_cb (GtkWidget   *widget,
                   const char  *path,
                   gpointer     user_data,
                   GError     **error)
{
  AmparoAgendaPage *self = AMPARO_AGENDA_PAGE (widget);

  return amparo_icalendar_journal (self->store, user_data, path, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoAgendaPage *self = AMPARO_AGENDA_PAGE (widget);
  g_autoptr(GListStore) events = g_list_store_new (AMPARO_TYPE_EVENT);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  guint n;

  if (self->store == NULL)
    return;
  /* A snapshot: the file holds what was visible when Ctrl+E was pressed. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->visible));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) event = g_list_model_get_item (G_LIST_MODEL (self->visible), i);
      g_list_store_append (events, event);
    }
  text = amparo_icalendar_build (self->store, G_LIST_MODEL (events), NULL);
  length = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  /* Translators: the file name suggested for an agenda export; keep .ics */
  amparo_save_bytes_with_chooser (widget, _("Export Agenda"), _("agenda.ics"), bytes,
                                  journal_export_cb, g_object_ref (events), g_object_unref);
}

static void
restore_filters (AmparoAgendaPage *self)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));
  GObject *staff = amparo_window_state_get_object (state, STAFF_KEY);
  GObject *kind = amparo_window_state_get_object (state, KIND_KEY);

  if (GTK_IS_STRING_OBJECT (staff))
    {
      g_free (self->wanted_staff);
      self->wanted_staff = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (staff)));
    }
  if (GTK_IS_STRING_OBJECT (kind))
    {
      self->updating_filters = TRUE;
      gtk_drop_down_set_selected (self->kind_dropdown,
                                  atoi (gtk_string_object_get_string (GTK_STRING_OBJECT (kind))));
      self->updating_filters = FALSE;
    }
}

static void
amparo_agenda_page_setup (AmparoSectionPage *page)
{
  AmparoAgendaPage *self = AMPARO_AGENDA_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);
  AmparoStore *store = amparo_section_page_get_store (page);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -DAYS_BACK);
  g_autofree char *from_text = g_date_time_format (from, "%Y-%m-%d");

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_hash_table_remove_all (self->persons);
  g_set_object (&self->store, store);
  if (self->store == NULL)
    return;

  g_free (self->search);
  self->search = g_strdup (amparo_window_state_get_search_text (state));
  restore_filters (self);

  self->events = amparo_store_list_upcoming_events (self->store, from_text, DAYS_BACK + DAYS_AHEAD);
  g_signal_connect_swapped (self->events, "items-changed", G_CALLBACK (on_events_changed_cb), self);
  g_signal_connect_object (self->store, "record-changed", G_CALLBACK (on_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  amparo_agenda_notifier_ensure (self->store, GTK_WIDGET (self));
  /* Read when shown, not before the first frame of another section. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  g_signal_handlers_disconnect_by_func (self, rebuild, NULL);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_signal_connect (self, "map", G_CALLBACK (rebuild), NULL);
}

static void
amparo_agenda_page_search_changed (AmparoSectionPage *page,
                                   const char        *text)
{
  AmparoAgendaPage *self = AMPARO_AGENDA_PAGE (page);

  g_free (self->search);
  self->search = g_strdup (text);
  schedule_rebuild (self);
}

static void
amparo_agenda_page_save_state (AmparoSectionPage *page)
{
  AmparoAgendaPage *self = AMPARO_AGENDA_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);
  g_autoptr(GtkStringObject) staff = gtk_string_object_new (self->wanted_staff ?: "");
  g_autofree char *kind_text = g_strdup_printf ("%u", gtk_drop_down_get_selected (self->kind_dropdown));
  g_autoptr(GtkStringObject) kind = gtk_string_object_new (kind_text);

  amparo_window_state_set_object (state, STAFF_KEY, G_OBJECT (staff));
  amparo_window_state_set_object (state, KIND_KEY, G_OBJECT (kind));
}

static void
amparo_agenda_page_dispose (GObject *object)
{
  AmparoAgendaPage *self = (AmparoAgendaPage *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->events);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_AGENDA_PAGE);

  G_OBJECT_CLASS (amparo_agenda_page_parent_class)->dispose (object);
}

static void
amparo_agenda_page_finalize (GObject *object)
{
  AmparoAgendaPage *self = (AmparoAgendaPage *)object;

  g_clear_object (&self->visible);
  g_clear_pointer (&self->persons, g_hash_table_unref);
  g_free (self->search);
  g_free (self->wanted_staff);

  G_OBJECT_CLASS (amparo_agenda_page_parent_class)->finalize (object);
}

static void
amparo_agenda_page_class_init (AmparoAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmparoSectionPageClass *page_class = AMPARO_SECTION_PAGE_CLASS (klass);

  object_class->dispose = amparo_agenda_page_dispose;
  object_class->finalize = amparo_agenda_page_finalize;
  page_class->setup = amparo_agenda_page_setup;
  page_class->search_changed = amparo_agenda_page_search_changed;
  page_class->save_state = amparo_agenda_page_save_state;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/agenda/amparo-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoAgendaPage, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmparoAgendaPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmparoAgendaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoAgendaPage, days_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "section.export", NULL, export_action);
}

static void
fill_kind_model (AmparoAgendaPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All kinds"));
  for (int kind = AMPARO_EVENT_KIND_HEARING; kind <= AMPARO_EVENT_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, amparo_event_kind_get_label (kind));
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  self->updating_filters = FALSE;
}

static void
amparo_agenda_page_init (AmparoAgendaPage *self)
{
  self->visible = g_list_store_new (AMPARO_TYPE_EVENT);
  self->persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_kind_model (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.export", FALSE);
  self->tick_source = g_timeout_add_seconds (300, tick_cb, self);
}

/**
 * amparo_agenda_page_open_person:
 * @person: the client an event belongs to
 *
 * Shows the Clients section with @person's record, through the clients
 * page's own "clients.open" action; if that page cannot take it, leaves
 * the person in the window state under "clients:open" for it to pick up.
 */
void
amparo_agenda_page_open_person (AmparoAgendaPage *self,
                                AmparoPerson     *person)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), AMPARO_TYPE_MAIN_VIEW);
  GtkWidget *clients = NULL;
  const char *uid = amparo_record_get_uid (AMPARO_RECORD (person));

  g_return_if_fail (AMPARO_IS_AGENDA_PAGE (self));
  g_return_if_fail (AMPARO_IS_PERSON (person));

  if (view != NULL)
    clients = amparo_main_view_get_page (AMPARO_MAIN_VIEW (view), "clients");
  if (state != NULL)
    amparo_window_state_set_section (state, "clients");
  if (clients == NULL || !gtk_widget_activate_action (clients, "clients.open", "s", uid))
    {
      if (state != NULL)
        amparo_window_state_set_object (state, "clients:open", G_OBJECT (person));
    }
}

/**
 * amparo_agenda_page_get_visible_events:
 *
 * Returns: (transfer none): the events shown with the current filters, in
 *   the order shown
 */
GListModel *
amparo_agenda_page_get_visible_events (AmparoAgendaPage *self)
{
  g_return_val_if_fail (AMPARO_IS_AGENDA_PAGE (self), NULL);

  return G_LIST_MODEL (self->visible);
}
