/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-date-entry.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "amparo-language.h"
#include "amparo-tooltip.h"

struct _AmparoDateEntry
{
  AdwEntryRow  parent_instance;

  char        *date;
  gboolean     with_time;
  gboolean     updating;
  GtkCalendar *calendar;
  GtkWidget   *button;
};

G_DEFINE_FINAL_TYPE (AmparoDateEntry, amparo_date_entry, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_WITH_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
uses_day_first (const char *language)
{
  /* English (US) writes month/day; Spanish, like most, day/month. */
  return language == NULL || !g_str_has_prefix (language, "en");
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  int consumed = 0;

  while (*text == ' ' || *text == 'T')
    text++;
  if (*text == '\0')
    return FALSE;
  if (sscanf (text, "%d:%d%n", hour, minute, &consumed) != 2 || text[consumed] != '\0')
    return FALSE;
  return *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
}

/**
 * amparo_date_entry_parse:
 * @text: what was typed
 * @language: "en" or "es" (the UI language), for the order of day and month
 * @with_time: whether a time may follow the date
 *
 * Returns: (transfer full) (nullable): the ISO date (with `THH:MM` when a
 *   time was typed), or %NULL when @text is not a date
 */
char *
amparo_date_entry_parse (const char *text,
                         const char *language,
                         gboolean    with_time)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  int a = 0, b = 0, c = 0, hour = -1, minute = -1, consumed = 0;
  int day, month, year;
  char sep1 = 0, sep2 = 0;
  const char *rest;

  if (sscanf (copy, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) == 3 && consumed == 10)
    ;
  else if (sscanf (copy, "%d%c%d%c%d%n", &a, &sep1, &b, &sep2, &c, &consumed) == 5
           && sep1 == sep2 && (sep1 == '/' || sep1 == '.' || sep1 == '-') && c >= 1000)
    {
      day = uses_day_first (language) ? a : b;
      month = uses_day_first (language) ? b : a;
      year = c;
    }
  else
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  rest = copy + consumed;
  if (*rest != '\0')
    {
      if (!with_time || !parse_time (rest, &hour, &minute))
        return NULL;
      return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
    }
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * amparo_date_entry_format:
 * @iso: (nullable): a stored date, maybe with a time
 *
 * Returns: (transfer full): the date as people of @language write it:
 *   05/12/2026 in Spanish, 12/05/2026 in English, with " 09:30" after it
 *   when there is a time; text that is no date comes back unchanged
 */
char *
amparo_date_entry_format (const char *iso,
                          const char *language)
{
  int year, month, day, consumed = 0;

  if (iso == NULL)
    return g_strdup ("");
  if (sscanf (iso, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3 || consumed != 10
      || !g_date_valid_dmy (day, month, year))
    return g_strdup (iso);
  return g_strdup_printf ("%02d/%02d/%04d%s%.5s",
                          uses_day_first (language) ? day : month,
                          uses_day_first (language) ? month : day,
                          year, iso[10] != '\0' ? " " : "",
                          iso[10] != '\0' ? iso + 11 : "");
}

static void
set_date_internal (AmparoDateEntry *self,
                   const char      *date)
{
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
on_text_changed_cb (AmparoDateEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *parsed = NULL;

  if (self->updating)
    return;
  parsed = amparo_date_entry_parse (text, amparo_language_get (), self->with_time);
  /* Unreadable text goes on as typed: the store says what is wrong. */
  set_date_internal (self, parsed != NULL ? parsed : (*text != '\0' ? text : NULL));
}

static void
show_date (AmparoDateEntry *self)
{
  g_autofree char *text = amparo_date_entry_format (self->date, amparo_language_get ());

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  self->updating = FALSE;
}

/**
 * amparo_date_entry_set_date:
 * @iso: (nullable): the date to show, as stored
 */
void
amparo_date_entry_set_date (AmparoDateEntry *self,
                            const char      *iso)
{
  g_return_if_fail (AMPARO_IS_DATE_ENTRY (self));

  if (g_strcmp0 (self->date, iso) == 0)
    return;
  set_date_internal (self, iso);
  show_date (self);
}

const char *
amparo_date_entry_get_date (AmparoDateEntry *self)
{
  g_return_val_if_fail (AMPARO_IS_DATE_ENTRY (self), NULL);
  return self->date;
}

/* The calendar opens on the date typed, or today. */
static void
on_popover_show_cb (AmparoDateEntry *self)
{
  int year, month, day;
  g_autoptr(GDateTime) when = NULL;

  if (self->date != NULL && sscanf (self->date, "%4d-%2d-%2d", &year, &month, &day) == 3
      && g_date_valid_dmy (day, month, year))
    when = g_date_time_new_local (year, month, day, 0, 0, 0);
  else
    when = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->calendar, when);
}

static void
on_day_selected_cb (AmparoDateEntry *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *iso = NULL;

  /* A chosen day keeps the time already typed. */
  if (self->with_time && self->date != NULL && strlen (self->date) > 10)
    iso = g_strconcat (day, self->date + 10, NULL);
  else
    iso = g_strdup (day);
  amparo_date_entry_set_date (self, iso);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
amparo_date_entry_finalize (GObject *object)
{
  AmparoDateEntry *self = (AmparoDateEntry *)object;

  g_free (self->date);
  G_OBJECT_CLASS (amparo_date_entry_parent_class)->finalize (object);
}

static void
amparo_date_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmparoDateEntry *self = AMPARO_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_WITH_TIME:
      g_value_set_boolean (value, self->with_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_date_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmparoDateEntry *self = AMPARO_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      amparo_date_entry_set_date (self, g_value_get_string (value));
      break;
    case PROP_WITH_TIME:
      self->with_time = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_date_entry_class_init (AmparoDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_date_entry_finalize;
  object_class->get_property = amparo_date_entry_get_property;
  object_class->set_property = amparo_date_entry_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_TIME] =
    g_param_spec_boolean ("with-time", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amparo_date_entry_init (AmparoDateEntry *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  amparo_tooltip_set (self->button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->button);

  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show_cb), self);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);
  g_signal_connect (self, "changed", G_CALLBACK (on_text_changed_cb), NULL);
}

/**
 * amparo_date_entry_new:
 * @with_time: whether a time may follow the date ("05/12/2026 09:30")
 */
GtkWidget *
amparo_date_entry_new (gboolean with_time)
{
  return g_object_new (AMPARO_TYPE_DATE_ENTRY, "with-time", with_time, NULL);
}
