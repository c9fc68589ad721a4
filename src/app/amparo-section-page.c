/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-section-page.h"
#include "amparo-sidebar.h"

typedef struct
{
  AmparoStore       *store;
  AmparoWindowState *state;
  gulong             search_handler;
  GtkWindow         *window;
  gulong             close_handler;
  gboolean           closing;
  AdwLeaflet        *leaflet;
  gboolean           can_go_back;
} AmparoSectionPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AmparoSectionPage, amparo_section_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
run_setup_when_ready (AmparoSectionPage *self)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  if (priv->store == NULL || priv->state == NULL)
    return;
  if (AMPARO_SECTION_PAGE_GET_CLASS (self)->setup != NULL)
    AMPARO_SECTION_PAGE_GET_CLASS (self)->setup (self);
}

static void
on_state_search_text_cb (AmparoSectionPage *self,
                         GParamSpec        *pspec,
                         AmparoWindowState *state)
{
  if (AMPARO_SECTION_PAGE_GET_CLASS (self)->search_changed != NULL)
    AMPARO_SECTION_PAGE_GET_CLASS (self)->search_changed
      (self, amparo_window_state_get_search_text (state));
}

static void
set_state (AmparoSectionPage *self,
           AmparoWindowState *state)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  if (priv->state == state)
    return;

  if (priv->state != NULL)
    g_clear_signal_handler (&priv->search_handler, priv->state);
  g_set_object (&priv->state, state);
  if (state != NULL)
    priv->search_handler =
      g_signal_connect_object (state, "notify::search-text",
                               G_CALLBACK (on_state_search_text_cb), self,
                               G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  run_setup_when_ready (self);
}

static void
set_store (AmparoSectionPage *self,
           AmparoStore       *store)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  if (!g_set_object (&priv->store, store))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  run_setup_when_ready (self);
}

/* Every page that holds unsaved edits must be asked before the window
 * goes; the first page that asks stops the close, and closes the window
 * again once answered, so the next page gets its turn. */
static gboolean
on_window_close_request_cb (AmparoSectionPage *self,
                            GtkWindow         *window)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  if (priv->closing || AMPARO_SECTION_PAGE_GET_CLASS (self)->close_request == NULL)
    return FALSE;
  return AMPARO_SECTION_PAGE_GET_CLASS (self)->close_request (self);
}

static void
amparo_section_page_root (GtkWidget *widget)
{
  AmparoSectionPage *self = AMPARO_SECTION_PAGE (widget);
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);
  GtkRoot *root;

  GTK_WIDGET_CLASS (amparo_section_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;
  priv->window = GTK_WINDOW (root);
  priv->close_handler = g_signal_connect_object (root, "close-request",
                                                 G_CALLBACK (on_window_close_request_cb), self,
                                                 G_CONNECT_SWAPPED);
}

static void
amparo_section_page_unroot (GtkWidget *widget)
{
  AmparoSectionPage *self = AMPARO_SECTION_PAGE (widget);
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  if (priv->window != NULL)
    g_clear_signal_handler (&priv->close_handler, priv->window);
  priv->window = NULL;

  GTK_WIDGET_CLASS (amparo_section_page_parent_class)->unroot (widget);
}

static void
amparo_section_page_dispose (GObject *object)
{
  AmparoSectionPage *self = (AmparoSectionPage *)object;
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  if (priv->state != NULL)
    g_clear_signal_handler (&priv->search_handler, priv->state);
  g_clear_object (&priv->state);
  g_clear_object (&priv->store);
  g_clear_weak_pointer (&priv->leaflet);

  G_OBJECT_CLASS (amparo_section_page_parent_class)->dispose (object);
}

static void
amparo_section_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmparoSectionPage *self = AMPARO_SECTION_PAGE (object);
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_STATE:
      g_value_set_object (value, priv->state);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, priv->can_go_back);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_section_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmparoSectionPage *self = AMPARO_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_STATE:
      set_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_section_page_class_init (AmparoSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amparo_section_page_dispose;
  object_class->get_property = amparo_section_page_get_property;
  object_class->set_property = amparo_section_page_set_property;
  GTK_WIDGET_CLASS (klass)->root = amparo_section_page_root;
  GTK_WIDGET_CLASS (klass)->unroot = amparo_section_page_unroot;
  /* Section templates use the shared sidebar. */
  g_type_ensure (AMPARO_TYPE_SIDEBAR);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AMPARO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, AMPARO_TYPE_WINDOW_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AmparoSectionPage:can-go-back:
   *
   * The section is folded into one pane and shows the detail: the main
   * view's header bar shows its back button.
   */
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amparo_section_page_init (AmparoSectionPage *self)
{
}

/**
 * amparo_section_page_get_store:
 *
 * Returns: (transfer none) (nullable): the case store the page shows
 */
AmparoStore *
amparo_section_page_get_store (AmparoSectionPage *self)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  g_return_val_if_fail (AMPARO_IS_SECTION_PAGE (self), NULL);

  return priv->store;
}

/**
 * amparo_section_page_get_state:
 *
 * Returns: (transfer none) (nullable): the window's state that outlives
 *   the page
 */
AmparoWindowState *
amparo_section_page_get_state (AmparoSectionPage *self)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  g_return_val_if_fail (AMPARO_IS_SECTION_PAGE (self), NULL);

  return priv->state;
}

/**
 * amparo_section_page_save_state:
 *
 * Asks the page to store what must survive its widgets being rebuilt.
 */
void
amparo_section_page_save_state (AmparoSectionPage *self)
{
  g_return_if_fail (AMPARO_IS_SECTION_PAGE (self));

  if (AMPARO_SECTION_PAGE_GET_CLASS (self)->save_state != NULL)
    AMPARO_SECTION_PAGE_GET_CLASS (self)->save_state (self);
}

static gboolean
close_window_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/**
 * amparo_section_page_close_window:
 *
 * Closes the page's window after its close_request asked about unsaved
 * edits and the person answered. The question must go away before the
 * window it belongs to, so the window closes once idle.
 */
void
amparo_section_page_close_window (AmparoSectionPage *self)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  g_return_if_fail (AMPARO_IS_SECTION_PAGE (self));

  priv->closing = TRUE;
  if (priv->window != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_cb,
                     g_object_ref (priv->window), g_object_unref);
}

/**
 * amparo_section_page_show_list_state:
 * @stack: a list stack with pages "list", "empty" and "no-results"
 * @shown: the filtered list
 * @all: the unfiltered list
 *
 * Shows the list, the section's empty state (nothing stored yet) or the
 * no-results state (nothing matches the search or filters).
 */
void
amparo_section_page_show_list_state (GtkStack   *stack,
                                     GListModel *shown,
                                     GListModel *all)
{
  const char *name = "list";

  if (g_list_model_get_n_items (shown) == 0)
    name = g_list_model_get_n_items (all) == 0 ? "empty" : "no-results";
  gtk_stack_set_visible_child_name (stack, name);
}

static void
update_can_go_back (AmparoSectionPage *self)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);
  gboolean can = priv->leaflet != NULL && adw_leaflet_get_folded (priv->leaflet)
                 && g_strcmp0 (adw_leaflet_get_visible_child_name (priv->leaflet), "list") != 0;

  if (can == priv->can_go_back)
    return;
  priv->can_go_back = can;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

/**
 * amparo_section_page_setup_list_detail:
 * @leaflet: the section's leaflet: an #AmparoSidebar page named "list",
 *   a separator, and a page named "detail"
 * @detail: the detail page's child
 *
 * The one list-detail layout of every section: the same sidebar width,
 * the same point at which the section folds into one pane (below
 * AMPARO_SIDEBAR_WIDTH + AMPARO_DETAIL_MIN_WIDTH, so a 600 px window
 * folds everywhere), and a back button in the header bar, shown only
 * when folded on the detail (#AmparoSectionPage:can-go-back).
 */
void
amparo_section_page_setup_list_detail (AmparoSectionPage *self,
                                       AdwLeaflet        *leaflet,
                                       GtkWidget         *detail)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  g_return_if_fail (AMPARO_IS_SECTION_PAGE (self));
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));

  priv->leaflet = leaflet;
  g_object_add_weak_pointer (G_OBJECT (leaflet), (gpointer *) &priv->leaflet);
  g_signal_connect_object (leaflet, "notify::folded", G_CALLBACK (update_can_go_back),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (leaflet, "notify::visible-child", G_CALLBACK (update_can_go_back),
                           self, G_CONNECT_SWAPPED);

  adw_leaflet_set_fold_threshold_policy (leaflet, ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  adw_leaflet_set_can_unfold (leaflet, TRUE);
  adw_leaflet_set_can_navigate_back (leaflet, TRUE);
  gtk_widget_set_size_request (detail, AMPARO_DETAIL_MIN_WIDTH, -1);
  gtk_widget_set_hexpand (detail, TRUE);
  update_can_go_back (self);
}

/**
 * amparo_section_page_go_back:
 *
 * Shows the list of a section folded on its detail.
 */
void
amparo_section_page_go_back (AmparoSectionPage *self)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  g_return_if_fail (AMPARO_IS_SECTION_PAGE (self));

  if (priv->leaflet != NULL)
    adw_leaflet_set_visible_child_name (priv->leaflet, "list");
}

/**
 * amparo_section_page_get_can_go_back:
 */
gboolean
amparo_section_page_get_can_go_back (AmparoSectionPage *self)
{
  AmparoSectionPagePrivate *priv = amparo_section_page_get_instance_private (self);

  g_return_val_if_fail (AMPARO_IS_SECTION_PAGE (self), FALSE);

  return priv->can_go_back;
}
