/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-window.h"
#include "amparo-server-banner.h"  /* postgres (#10) */

#include <glib/gi18n.h>

#include "amparo-after-frame.h"
#include "amparo-idle-lock.h"
#include "amparo-journal-window.h"
#include "amparo-privacy-view.h"
#include "amparo-tooltip.h"

struct _AmparoWindow
{
  AdwApplicationWindow  parent_instance;

  AmparoStore          *store;
  GSettings            *settings;
  AmparoWindowState    *state;
  AmparoMainView       *main_view;

  AdwToastOverlay      *toast_overlay;

  /* privacy (#17): the privacy view and the idle lock. */
  GtkStack             *content_stack;
  AdwBin               *privacy_bin;
  AdwBin               *lock_bin;
  AmparoIdleLock       *idle_lock;
  GtkWidget            *privacy_button;
  AmparoJournalWindow  *journal_window;
  char                 *page_before_lock;
  GtkWidget            *focus_before_lock;
  GPtrArray            *hidden_windows;
  gint64                last_activity;
  guint                 idle_source;
  GtkWidget            *detached_view;
};

G_DEFINE_FINAL_TYPE (AmparoWindow, amparo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void add_privacy_controls (AmparoWindow *self);

static void
build_main_view (AmparoWindow *self)
{
  self->main_view = amparo_main_view_new (self->store, self->state);
  /* postgres (#10): on a shared server, the "server away" banner above
   * the content (amparo_server_banner_handle_error_for() finds it). */
  if (self->store != NULL && amparo_store_is_shared (self->store))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *banner = amparo_server_banner_new (self->store);

      gtk_box_append (GTK_BOX (box), banner);
      gtk_widget_set_vexpand (GTK_WIDGET (self->main_view), TRUE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->main_view));
      g_object_set_data (G_OBJECT (self), "amparo-server-banner", banner);
      adw_toast_overlay_set_child (self->toast_overlay, box);
      return;
    }
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->main_view));
  add_privacy_controls (self);
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  AmparoWindow *self = user_data;

  amparo_main_view_focus_search (self->main_view);
}

static void
show_section_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AmparoWindow *self = user_data;

  /* The main view follows the state. */
  amparo_window_state_set_section (self->state, g_variant_get_string (parameter, NULL));
}

static gboolean
activate_in_section (AmparoWindow *self,
                     const char   *section,
                     const char   *action)
{
  GtkWidget *page = amparo_main_view_get_page (self->main_view, section);

  return page != NULL && gtk_widget_activate_action (page, action, NULL);
}

/* Ctrl+N, Ctrl+S… mean "in the section you are looking at": each page
 * installs its own "section.new", "section.save" actions. A section with
 * nothing to create (the Agenda) creates a client. */
static void
forward_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AmparoWindow *self = user_data;
  const char *section = amparo_window_state_get_section (self->state);
  g_autofree char *name = g_strconcat ("section.", g_action_get_name (G_ACTION (action)), NULL);

  if (activate_in_section (self, section, name))
    return;
  if (g_str_equal (name, "section.new"))
    {
      amparo_window_state_set_section (self->state, "clients");
      activate_in_section (self, "clients", name);
    }
}

static void
on_state_section_cb (AmparoWindow      *self,
                     GParamSpec        *pspec,
                     AmparoWindowState *state)
{
  g_settings_set_string (self->settings, "last-section",
                         amparo_window_state_get_section (state));
  if (self->privacy_button != NULL)
    gtk_widget_set_visible (self->privacy_button,
                            g_strcmp0 (amparo_window_state_get_section (state), "clients") == 0);
}

/* ---- privacy (#17): journal, privacy view, idle lock ---- */

/* What a staff member must not reach while the window faces a client or
 * is locked: every window action but the lock, and the application's
 * actions that open other records (the re-verify list names clients). */
static const char * const guarded_win_actions[] = {
  "search", "show-section", "new", "save", "delete", "print", "export",
  "show-journal", "privacy-view", "show-help-overlay",
};
static const char * const guarded_app_actions[] = {
  "preferences", "import-feed", "import-csv", "reverify-contacts", "backup",
  "load-sample-data", "publish-release", "language",
};

static void
set_action_enabled (GActionMap *map,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = map != NULL ? g_action_map_lookup_action (map, name) : NULL;

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_staff_actions_enabled (AmparoWindow *self,
                           gboolean      enabled)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (guarded_win_actions); i++)
    set_action_enabled (G_ACTION_MAP (self), guarded_win_actions[i], enabled);
  for (guint i = 0; i < G_N_ELEMENTS (guarded_app_actions); i++)
    set_action_enabled (app != NULL ? G_ACTION_MAP (app) : NULL, guarded_app_actions[i], enabled);
}

/* The journal, who saw and changed what, is for administrators (#17). */
static gboolean
journal_allowed (AmparoWindow *self)
{
  return self->store != NULL && amparo_store_get_role (self->store) == AMPARO_STAFF_ROLE_ADMINISTRATOR;
}

static void
show_journal_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AmparoWindow *self = user_data;

  if (!journal_allowed (self))
    return;
  if (self->journal_window == NULL)
    {
      self->journal_window = amparo_journal_window_new (self->store);
      g_object_add_weak_pointer (G_OBJECT (self->journal_window), (gpointer *) &self->journal_window);
      gtk_window_set_transient_for (GTK_WINDOW (self->journal_window), GTK_WINDOW (self));
      /* One of the app's windows, so the idle lock hides it too. */
      gtk_window_set_application (GTK_WINDOW (self->journal_window),
                                  gtk_window_get_application (GTK_WINDOW (self)));
    }
  else
    amparo_journal_window_reload (self->journal_window);
  gtk_window_present (GTK_WINDOW (self->journal_window));
}

/* The client whose page is open: as saved, or as being typed when the
 * record is new. The keys are the Clients page's (window state). */
static AmparoPerson *
dup_open_client (AmparoWindow *self)
{
  GObject *original;
  GObject *editing;

  if (g_strcmp0 (amparo_window_state_get_section (self->state), "clients") != 0)
    return NULL;
  amparo_main_view_save_state (self->main_view);
  original = amparo_window_state_get_object (self->state, "clients:original");
  editing = amparo_window_state_get_object (self->state, "clients:editing");
  if (AMPARO_IS_PERSON (original))
    return g_object_ref (AMPARO_PERSON (original));
  return AMPARO_IS_PERSON (editing) ? g_object_ref (AMPARO_PERSON (editing)) : NULL;
}

/* Hidden stack pages stay in the accessibility tree (and a screen reader
 * would read the client list to whoever sits at the desk), so the staff's
 * content leaves the window while it is covered. The widgets are kept,
 * and with them everything typed into them. */
static void
detach_main_view (AmparoWindow *self)
{
  if (self->detached_view != NULL)
    return;
  self->detached_view = g_object_ref (GTK_WIDGET (self->main_view));
  adw_toast_overlay_set_child (self->toast_overlay, NULL);
}

static void
attach_main_view (AmparoWindow *self)
{
  if (self->detached_view == NULL)
    return;
  adw_toast_overlay_set_child (self->toast_overlay, self->detached_view);
  g_clear_object (&self->detached_view);
}

static void
on_privacy_leave_cb (AmparoWindow *self)
{
  adw_bin_set_child (self->privacy_bin, NULL);
  attach_main_view (self);
  gtk_stack_set_visible_child_name (self->content_stack, "main");
  set_staff_actions_enabled (self, TRUE);
}

static void
privacy_view_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AmparoWindow *self = user_data;
  g_autoptr(AmparoPerson) person = dup_open_client (self);
  g_autoptr(AmparoPrivacyView) view = NULL;
  g_autoptr(GError) error = NULL;

  if (person == NULL || self->store == NULL)
    {
      amparo_window_add_toast (self, adw_toast_new (_("Open a client’s record first")));
      return;
    }
  /* Shown to the client is shown: journaled like any view. */
  if (amparo_record_get_id (AMPARO_RECORD (person)) != 0
      && !amparo_store_log_action (self->store, AMPARO_JOURNAL_ACTION_VIEW, AMPARO_RECORD (person),
                                   "Shown to the client (privacy view)", &error))
    {
      amparo_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  view = amparo_privacy_view_new (self->store, person);
  g_signal_connect_object (view, "leave", G_CALLBACK (on_privacy_leave_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->privacy_bin, GTK_WIDGET (view));
  set_staff_actions_enabled (self, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "privacy");
  detach_main_view (self);
  gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD);
}

static guint
idle_lock_seconds (AmparoWindow *self)
{
  const char *override = g_getenv ("AMPARO_IDLE_LOCK_SECONDS");

  /* Tests and screenshots set a few seconds without touching settings. */
  if (override != NULL && *override != '\0')
    return (guint) g_ascii_strtoull (override, NULL, 10);
  return g_settings_get_uint (self->settings, "idle-lock-seconds");
}

/* On one desk the desktop's own lock guards the rest of the screen.
 * Optional: a desktop without org.gnome.ScreenSaver just does not lock. */
static void
lock_desktop (AmparoWindow *self)
{
  GDBusConnection *bus;

  if (amparo_idle_lock_needs_password (self->idle_lock) || g_getenv ("AMPARO_IDLE_LOCK_SECONDS") != NULL)
    return;
  bus = g_application_get_dbus_connection (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (bus != NULL)
    g_dbus_connection_call (bus, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
                            "org.gnome.ScreenSaver", "Lock", NULL, NULL,
                            G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
}

/* Other windows of the app (the journal, a record form) show client data
 * too: hidden with the window, shown again with it. */
static void
hide_other_windows (AmparoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (l->data != (gpointer) self && gtk_widget_get_visible (l->data))
      g_ptr_array_add (self->hidden_windows, g_object_ref (l->data));
  for (guint i = 0; i < self->hidden_windows->len; i++)
    gtk_widget_set_visible (self->hidden_windows->pdata[i], FALSE);
}

static void
on_unlocked_cb (AmparoWindow *self)
{
  if (g_strcmp0 (self->page_before_lock, "privacy") != 0)
    attach_main_view (self);
  gtk_stack_set_visible_child_name (self->content_stack, self->page_before_lock ?: "main");
  set_staff_actions_enabled (self, g_strcmp0 (self->page_before_lock, "privacy") != 0);
  g_clear_pointer (&self->page_before_lock, g_free);
  for (guint i = 0; self->hidden_windows != NULL && i < self->hidden_windows->len; i++)
    gtk_window_present (self->hidden_windows->pdata[i]);
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  /* Back where the typing was, cursor and all. */
  if (self->focus_before_lock != NULL)
    gtk_widget_grab_focus (self->focus_before_lock);
  g_clear_weak_pointer (&self->focus_before_lock);
  self->last_activity = g_get_monotonic_time ();
}

static void
ensure_idle_lock (AmparoWindow *self)
{
  if (self->idle_lock != NULL)
    return;
  self->idle_lock = amparo_idle_lock_new (self->store);
  g_signal_connect_object (self->idle_lock, "unlocked", G_CALLBACK (on_unlocked_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->lock_bin, GTK_WIDGET (self->idle_lock));
}

static void
lock_window (AmparoWindow *self,
             guint         idle_seconds)
{
  if (amparo_window_is_locked (self))
    return;
  ensure_idle_lock (self);
  g_set_weak_pointer (&self->focus_before_lock, gtk_root_get_focus (GTK_ROOT (self)));
  self->page_before_lock = g_strdup (gtk_stack_get_visible_child_name (self->content_stack));
  amparo_idle_lock_prepare (self->idle_lock, MAX (1, (idle_seconds + 30) / 60));
  set_staff_actions_enabled (self, FALSE);
  hide_other_windows (self);
  gtk_stack_set_visible_child_name (self->content_stack, "locked");
  detach_main_view (self);
  gtk_widget_child_focus (GTK_WIDGET (self->idle_lock), GTK_DIR_TAB_FORWARD);
  lock_desktop (self);
}

static void
lock_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  lock_window (AMPARO_WINDOW (user_data), idle_lock_seconds (AMPARO_WINDOW (user_data)));
}

static gboolean on_idle_check_cb (gpointer user_data);

static void
schedule_idle_check (AmparoWindow *self,
                     guint         seconds)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (seconds > 0)
    self->idle_source = g_timeout_add_seconds (seconds, on_idle_check_cb, self);
}

/* Input only moves a time stamp; the one timer looks at it when it
 * fires and sleeps again for what is left. */
static gboolean
on_idle_check_cb (gpointer user_data)
{
  AmparoWindow *self = user_data;
  guint limit = idle_lock_seconds (self);
  gint64 idle = (g_get_monotonic_time () - self->last_activity) / G_USEC_PER_SEC;

  self->idle_source = 0;
  if (limit == 0)
    {
      schedule_idle_check (self, 60);
      return G_SOURCE_REMOVE;
    }
  if (idle >= limit && !amparo_window_is_locked (self))
    lock_window (self, limit);
  schedule_idle_check (self, idle >= limit ? limit : (guint) (limit - idle));
  return G_SOURCE_REMOVE;
}

/* A new time in Preferences counts from now, not from the next check. */
static void
on_idle_setting_changed_cb (AmparoWindow *self)
{
  guint limit = idle_lock_seconds (self);

  self->last_activity = g_get_monotonic_time ();
  schedule_idle_check (self, limit > 0 ? limit : 60);
}

static void
note_activity (AmparoWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
on_key_pressed_cb (AmparoWindow          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  note_activity (self);
  return FALSE;
}

static void
watch_input (AmparoWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  /* Capture phase: seen before any child handles the event. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (note_activity), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (note_activity), self);
  g_signal_connect_swapped (scroll, "scroll-begin", G_CALLBACK (note_activity), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (note_activity), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect_object (self->settings, "changed::idle-lock-seconds",
                           G_CALLBACK (on_idle_setting_changed_cb), self, G_CONNECT_SWAPPED);
  on_idle_setting_changed_cb (self);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  /* The main menu is the primary menu button, not just any. */
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (type != GTK_TYPE_MENU_BUTTON || gtk_menu_button_get_primary (GTK_MENU_BUTTON (root))))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The header button and the menu item live in the main view's header,
 * which another area owns this session (roles, #17): they are added
 * here, after each build of the main view, instead of in its template. */
static void
add_privacy_controls (AmparoWindow *self)
{
  GtkWidget *header = find_descendant (GTK_WIDGET (self->main_view), ADW_TYPE_HEADER_BAR);
  GtkWidget *menu_button = find_descendant (GTK_WIDGET (self->main_view), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = menu_button != NULL ? gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)) : NULL;
  GtkWidget *button;

  if (header != NULL)
    {
      button = gtk_button_new_from_icon_name ("avatar-default-symbolic");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.privacy-view");
      amparo_tooltip_set (button, _("Show the Client Their Record"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show the Client Their Record"), -1);
      gtk_widget_set_name (button, "privacy-view-button");
      gtk_widget_set_visible (button, g_strcmp0 (amparo_window_state_get_section (self->state), "clients") == 0);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
      self->privacy_button = button;
    }
  if (journal_allowed (self) && G_IS_MENU (menu) && g_menu_model_get_n_items (menu) > 0)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

      if (G_IS_MENU (section))
        g_menu_append (G_MENU (section), _("_Journal"), "win.show-journal");
      g_clear_object (&section);
    }
}

static void
restore_from_settings (AmparoWindow *self)
{
  g_autofree char *section = g_settings_get_string (self->settings, "last-section");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  amparo_window_state_set_section (self->state, section);
}

static gboolean
amparo_window_close_request (GtkWindow *window)
{
  AmparoWindow *self = AMPARO_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (amparo_window_parent_class)->close_request (window);
}

/* The Keyboard Shortcuts window (Ctrl+?), built in the language now in
 * force. It is not at the resource path GtkApplication looks for
 * (gtk/help-overlay.ui), so it is not built with every window before
 * the first frame (#14), but once that frame is drawn, and again after
 * a language switch. */
static void
reload_help_overlay (AmparoWindow *self)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/amparo/Amparo/ui/app/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (overlay));
  /* privacy (#17): a window covered before it had the action keeps it off. */
  if (self->detached_view != NULL)
    set_action_enabled (G_ACTION_MAP (self), "show-help-overlay", FALSE);
}

static void
reload_help_overlay_cb (gpointer data)
{
  reload_help_overlay (AMPARO_WINDOW (data));
}

static void
amparo_window_constructed (GObject *object)
{
  AmparoWindow *self = (AmparoWindow *)object;

  G_OBJECT_CLASS (amparo_window_parent_class)->constructed (object);

  build_main_view (self);
  amparo_after_first_frame (GTK_WIDGET (self), reload_help_overlay_cb, self, NULL);
  g_signal_connect_object (self->state, "notify::section",
                           G_CALLBACK (on_state_section_cb), self,
                           G_CONNECT_SWAPPED);
  watch_input (self);  /* privacy (#17) */
}

static void
amparo_window_dispose (GObject *object)
{
  AmparoWindow *self = (AmparoWindow *)object;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_weak_pointer (&self->focus_before_lock);
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  g_clear_pointer (&self->page_before_lock, g_free);
  g_clear_object (&self->detached_view);
  if (self->journal_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->journal_window));
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_WINDOW);
  self->main_view = NULL;
  self->idle_lock = NULL;
  self->privacy_button = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->state);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amparo_window_parent_class)->dispose (object);
}

static void
amparo_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmparoWindow *self = AMPARO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmparoWindow *self = AMPARO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_window_class_init (AmparoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = amparo_window_constructed;
  object_class->dispose = amparo_window_dispose;
  object_class->get_property = amparo_window_get_property;
  object_class->set_property = amparo_window_set_property;
  window_class->close_request = amparo_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AMPARO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmparoWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoWindow, privacy_bin);
  gtk_widget_class_bind_template_child (widget_class, AmparoWindow, lock_bin);
}

static const GActionEntry win_entries[] = {
  { "search", search_action },
  { "show-section", show_section_action, "s" },
  { "new", forward_action },
  { "save", forward_action },
  { "delete", forward_action },
  { "print", forward_action },
  { "export", forward_action },
  /* privacy (#17) */
  { "show-journal", show_journal_action },
  { "privacy-view", privacy_view_action },
  { "lock", lock_action },
};

static void
amparo_window_init (AmparoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->state = amparo_window_state_new ();
  restore_from_settings (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
}

/**
 * amparo_window_new:
 * @application: the application
 * @store: (nullable): the case store to show
 *
 * Returns: (transfer none): a new window, owned by @application
 */
AmparoWindow *
amparo_window_new (GtkApplication *application,
                   AmparoStore    *store)
{
  AmparoWindow *self = g_object_new (AMPARO_TYPE_WINDOW,
                                     "application", application,
                                     "store", store,
                                     NULL);

  /* privacy (#17): the application is only set once the window is built. */
  if (application != NULL)
    gtk_application_set_accels_for_action (application, "win.privacy-view",
                                           (const char *[]) { "<Control><Shift>p", NULL });
  return self;
}

/**
 * amparo_window_rebuild:
 *
 * Builds the window's content again from the templates, so every string
 * is looked up again in the language now in force. The section, the
 * search text and what the pages keep in the window state survive.
 */
void
amparo_window_rebuild (AmparoWindow *self)
{
  g_return_if_fail (AMPARO_IS_WINDOW (self));

  gboolean covered = self->detached_view != NULL;

  amparo_main_view_save_state (self->main_view);
  g_clear_object (&self->detached_view);
  build_main_view (self);
  /* privacy (#17): a covered window stays covered. */
  if (covered)
    detach_main_view (self);
  reload_help_overlay (self);
}

/**
 * amparo_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
amparo_window_add_toast (AmparoWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (AMPARO_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * amparo_window_get_main_view:
 *
 * Returns: (transfer none): the content now shown
 */
AmparoMainView *
amparo_window_get_main_view (AmparoWindow *self)
{
  g_return_val_if_fail (AMPARO_IS_WINDOW (self), NULL);

  return self->main_view;
}

/**
 * amparo_window_get_state:
 *
 * Returns: (transfer none): what outlives a rebuild of the content
 */
AmparoWindowState *
amparo_window_get_state (AmparoWindow *self)
{
  g_return_val_if_fail (AMPARO_IS_WINDOW (self), NULL);

  return self->state;
}

/**
 * amparo_window_is_locked:
 *
 * Returns: whether the idle lock hides the window's content now
 */
gboolean
amparo_window_is_locked (AmparoWindow *self)
{
  g_return_val_if_fail (AMPARO_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "locked") == 0;
}

/**
 * amparo_window_get_privacy_view:
 *
 * Returns: (transfer none) (nullable): the view turned toward the client,
 *   while it is shown
 */
AmparoPrivacyView *
amparo_window_get_privacy_view (AmparoWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (AMPARO_IS_WINDOW (self), NULL);

  child = adw_bin_get_child (self->privacy_bin);
  return AMPARO_IS_PRIVACY_VIEW (child) ? AMPARO_PRIVACY_VIEW (child) : NULL;
}
