/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-agenda"

#include "config.h"

#include "amparo-agenda-notifier.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>

#include "amparo-after-frame.h"
#include "amparo-date-format.h"
#include "amparo-icalendar.h"
#include "amparo-language.h"

/* The day before a hearing, interview, deadline or check-in, a desktop
 * notification — while the app runs: checked soon after start and every hour.
 * Each event is announced once a day; the notification's id is the
 * event's, so the desktop replaces rather than piles up a repeat. */

#define CHECK_INTERVAL_SECONDS (60 * 60)
#define NOTIFIER_KEY "amparo-agenda-notifier"
#define PENDING_KEY "amparo-agenda-notifier-pending"

struct _AmparoAgendaNotifier
{
  GObject       parent_instance;

  AmparoStore  *store;        /* weak: the store owns the notifier */
  GApplication *application;  /* weak */
  GHashTable   *sent;         /* "uid day" */
  guint         timeout;
};

G_DEFINE_FINAL_TYPE (AmparoAgendaNotifier, amparo_agenda_notifier, G_TYPE_OBJECT)

static gboolean
is_reminded (AmparoEventKind kind)
{
  return kind != AMPARO_EVENT_KIND_BENEFIT_END && kind != AMPARO_EVENT_KIND_OTHER;
}

static char *
notification_body (AmparoEvent *event)
{
  const char *starts_at = amparo_event_get_starts_at (event);
  const char *place = amparo_event_get_place (event);
  g_autofree char *time = NULL;
  int y, m, d, hour, minute;

  if (starts_at != NULL && strlen (starts_at) >= 16 &&
      sscanf (starts_at, "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &hour, &minute) == 5)
    {
      g_autoptr(GDateTime) datetime = g_date_time_new_local (y, m, d, hour, minute, 0);
      if (datetime != NULL)
        time = amparo_time_format (datetime, amparo_language_get ());
    }
  if (time != NULL && place != NULL)
    return g_strdup_printf ("%s · %s", time, place);
  return g_strdup (time != NULL ? time : place);
}

static gboolean
bus_name_available (GDBusConnection *bus,
                    const char      *name)
{
  g_autoptr(GVariant) owner = NULL;
  g_autoptr(GVariant) activatable = NULL;
  g_autofree const char **names = NULL;
  gboolean has_owner = FALSE;

  owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 500, NULL, NULL);
  if (owner != NULL)
    g_variant_get (owner, "(b)", &has_owner);
  if (has_owner)
    return TRUE;
  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames",
                                             NULL, G_VARIANT_TYPE ("(as)"),
                                             G_DBUS_CALL_FLAGS_NONE, 500, NULL, NULL);
  if (activatable == NULL)
    return FALSE;
  g_variant_get (activatable, "(^a&s)", &names);
  return g_strv_contains (names, name);
}

/* GIO warns (fatally in tests) when no notification server is there, as
 * on a headless machine; then there is nobody to tell anyway. */
static gboolean
notifications_available (GApplication *application)
{
  GDBusConnection *bus;

  if (!g_application_get_is_registered (application))
    return FALSE;
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  bus = g_application_get_dbus_connection (application);
  return bus != NULL &&
         (bus_name_available (bus, "org.gtk.Notifications") ||
          bus_name_available (bus, "org.freedesktop.Notifications"));
}

static void
send_notification (AmparoAgendaNotifier *self,
                   AmparoEvent          *event)
{
  g_autoptr(AmparoPerson) person = amparo_store_get_by_id (self->store, AMPARO_TYPE_PERSON,
                                                           amparo_event_get_person_id (event), NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = notification_body (event);
  g_autofree char *id = g_strconcat ("agenda-", amparo_record_get_uid (AMPARO_RECORD (event)), NULL);
  g_autoptr(GNotification) notification = NULL;

  if (self->application == NULL || person == NULL ||
      !notifications_available (self->application))
    return;
  name = g_strstrip (g_strdup_printf ("%s %s", amparo_person_get_given_names (person) ?: "",
                                      amparo_person_get_family_names (person) ?: ""));
  /* Translators: a notification's title, "Hearing tomorrow: José Núñez" */
  title = g_strdup_printf (_("%s tomorrow: %s"),
                           amparo_event_kind_get_label (amparo_event_get_kind (event)), name);
  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_priority (notification,
                               amparo_event_get_kind (event) == AMPARO_EVENT_KIND_HEARING
                               ? G_NOTIFICATION_PRIORITY_HIGH : G_NOTIFICATION_PRIORITY_NORMAL);
  g_application_send_notification (self->application, id, notification);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  amparo_agenda_notifier_check (user_data);
  return G_SOURCE_CONTINUE;
}

static void
amparo_agenda_notifier_dispose (GObject *object)
{
  AmparoAgendaNotifier *self = (AmparoAgendaNotifier *)object;

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_weak_pointer (&self->store);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (amparo_agenda_notifier_parent_class)->dispose (object);
}

static void
amparo_agenda_notifier_finalize (GObject *object)
{
  AmparoAgendaNotifier *self = (AmparoAgendaNotifier *)object;

  g_clear_pointer (&self->sent, g_hash_table_unref);

  G_OBJECT_CLASS (amparo_agenda_notifier_parent_class)->finalize (object);
}

static void
amparo_agenda_notifier_class_init (AmparoAgendaNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amparo_agenda_notifier_dispose;
  object_class->finalize = amparo_agenda_notifier_finalize;
}

static void
amparo_agenda_notifier_init (AmparoAgendaNotifier *self)
{
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * amparo_agenda_notifier_new:
 * @store: the case store; not kept alive by the notifier
 * @application: (nullable): where notifications go; with %NULL the
 *   notifier only counts (for tests)
 *
 * Checks now and then every hour.
 *
 * Returns: (transfer full): a new notifier
 */
AmparoAgendaNotifier *
amparo_agenda_notifier_new (AmparoStore  *store,
                            GApplication *application)
{
  AmparoAgendaNotifier *self = g_object_new (AMPARO_TYPE_AGENDA_NOTIFIER, NULL);

  g_set_weak_pointer (&self->store, store);
  g_set_weak_pointer (&self->application, application);
  self->timeout = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, on_timeout_cb, self);
  amparo_agenda_notifier_check (self);
  return self;
}

/**
 * amparo_agenda_notifier_check:
 *
 * Announces tomorrow's events not yet announced today.
 *
 * Returns: how many were announced
 */
guint
amparo_agenda_notifier_check (AmparoAgendaNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow = g_date_time_format (next, "%Y-%m-%d");
  g_autoptr(GListModel) events = NULL;
  guint n, sent = 0;

  g_return_val_if_fail (AMPARO_IS_AGENDA_NOTIFIER (self), 0);

  if (self->store == NULL)
    return 0;
  events = amparo_store_list_upcoming_events (self->store, tomorrow, 1);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvent) event = g_list_model_get_item (events, i);
      g_autofree char *key = g_strconcat (amparo_record_get_uid (AMPARO_RECORD (event)), " ", today, NULL);

      if (!is_reminded (amparo_event_get_kind (event)) || g_hash_table_contains (self->sent, key))
        continue;
      send_notification (self, event);
      g_hash_table_add (self->sent, g_steal_pointer (&key));
      sent++;
    }
  return sent;
}

/* The store the notifier waits to start for: weak, as a window closed
 * before its first frame leaves nothing to start. */
static void
pending_start_free (gpointer data)
{
  GWeakRef *store_ref = data;
  g_autoptr(AmparoStore) store = g_weak_ref_get (store_ref);

  /* Not started (the window went first): a later window may start it. */
  if (store != NULL)
    g_object_set_data (G_OBJECT (store), PENDING_KEY, NULL);
  g_weak_ref_clear (store_ref);
  g_free (store_ref);
}

static void
start_now (gpointer data)
{
  g_autoptr(AmparoStore) store = g_weak_ref_get ((GWeakRef *) data);
  GApplication *application = g_application_get_default ();

  if (store == NULL)
    return;
  g_object_set_data (G_OBJECT (store), PENDING_KEY, NULL);
  if (application != NULL && g_object_get_data (G_OBJECT (store), NOTIFIER_KEY) == NULL)
    g_object_set_data_full (G_OBJECT (store), NOTIFIER_KEY,
                            amparo_agenda_notifier_new (store, application), g_object_unref);
}

/**
 * amparo_agenda_notifier_ensure:
 * @store: the case store the windows show
 * @shown: a widget of the window that shows @store
 *
 * Starts the one notifier of @store for the default application, unless
 * it runs already. The store keeps it, so it lives as long as the store
 * and survives windows being rebuilt.
 *
 * The notifier starts after the first frame that shows @shown: its
 * first check reads tomorrow's events, which that frame does not show.
 */
void
amparo_agenda_notifier_ensure (AmparoStore *store,
                               GtkWidget   *shown)
{
  GApplication *application = g_application_get_default ();
  GWeakRef *store_ref;

  g_return_if_fail (AMPARO_IS_STORE (store));
  g_return_if_fail (GTK_IS_WIDGET (shown));

  if (application == NULL || g_object_get_data (G_OBJECT (store), NOTIFIER_KEY) != NULL
      || g_object_get_data (G_OBJECT (store), PENDING_KEY) != NULL)
    return;
  store_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (store_ref, store);
  g_object_set_data (G_OBJECT (store), PENDING_KEY, GUINT_TO_POINTER (1));
  amparo_after_first_frame (shown, start_now, store_ref, pending_start_free);
}
