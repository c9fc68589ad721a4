/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-window.h"
#include "amparo-server-banner.h"  /* postgres (#10) */

struct _AmparoWindow
{
  AdwApplicationWindow  parent_instance;

  AmparoStore          *store;
  GSettings            *settings;
  AmparoWindowState    *state;
  AmparoMainView       *main_view;

  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (AmparoWindow, amparo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
amparo_window_constructed (GObject *object)
{
  AmparoWindow *self = (AmparoWindow *)object;

  G_OBJECT_CLASS (amparo_window_parent_class)->constructed (object);

  build_main_view (self);
  g_signal_connect_object (self->state, "notify::section",
                           G_CALLBACK (on_state_section_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
amparo_window_dispose (GObject *object)
{
  AmparoWindow *self = (AmparoWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_WINDOW);
  self->main_view = NULL;
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
}

static const GActionEntry win_entries[] = {
  { "search", search_action },
  { "show-section", show_section_action, "s" },
  { "new", forward_action },
  { "save", forward_action },
  { "delete", forward_action },
  { "print", forward_action },
  { "export", forward_action },
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
  return g_object_new (AMPARO_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/* GtkApplicationWindow builds the Keyboard Shortcuts window once, in the
 * language the app started in; build it again after a switch. */
static void
reload_help_overlay (AmparoWindow *self)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/amparo/Amparo/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (overlay));
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

  amparo_main_view_save_state (self->main_view);
  build_main_view (self);
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
