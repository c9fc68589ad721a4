/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-main-view.h"

#include "amparo-a11y.h"
#include "amparo-agenda-notifier.h"
#include "amparo-agenda-page.h"
#include "amparo-clients-page.h"
#include "amparo-demands-page.h"
#include "amparo-press-page.h"
#include "amparo-reports-page.h"
#include "amparo-section-page.h"
#include "amparo-store-reports.h"

/* Everything inside the window that shows translated text: the header bar,
 * the section switcher and the four sections. A language switch throws the
 * whole view away and builds a new one from the templates; what must
 * survive lives in the AmparoWindowState it is given. */

struct _AmparoMainView
{
  AdwBin             parent_instance;

  AmparoStore       *store;
  AmparoWindowState *state;

  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  AdwViewStack      *stack;
  GtkWidget         *back_button;
  GtkLabel          *role_note;
  guint              back_idle;

  char              *shown_section;
  gboolean           ready;  /* constructed: store and state known */
};

G_DEFINE_FINAL_TYPE (AmparoMainView, amparo_main_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_section (AmparoMainView *self)
{
  const char *section = amparo_window_state_get_section (self->state);

  if (adw_view_stack_get_child_by_name (self->stack, section) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, section);
}

/* A search belongs to the section it was typed in: "Núñez" typed in the
 * Agenda must not leave the Demands list empty. Moving to another section
 * clears it; a rebuild (language switch) keeps it, the section unchanged. */
static void
on_section_changed_cb (AmparoMainView *self)
{
  const char *section = amparo_window_state_get_section (self->state);

  if (self->shown_section != NULL && g_strcmp0 (section, self->shown_section) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
    }
  g_free (self->shown_section);
  self->shown_section = g_strdup (section);
  show_section (self);
}

static void
restore_state (AmparoMainView *self)
{
  const char *text = amparo_window_state_get_search_text (self->state);

  show_section (self);
  self->shown_section = g_strdup (amparo_window_state_get_section (self->state));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_search_bar_set_search_mode (self->search_bar, *text != '\0');
}

typedef void (*PageFunc) (AmparoSectionPage *page,
                          AmparoMainView    *self);

static void
foreach_page (AmparoMainView *self,
              PageFunc        func)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_bin_get_child (ADW_BIN (adw_view_stack_page_get_child (page)));

      /* Only the sections built so far: one never shown has nothing to
       * save and must not be built just to be asked. */
      if (AMPARO_IS_SECTION_PAGE (child))
        func (AMPARO_SECTION_PAGE (child), self);
    }
}

static void
hand_store_to_page (AmparoSectionPage *page,
                    AmparoMainView    *self)
{
  g_object_set (page, "store", self->store, "state", self->state, NULL);
}

static void
save_page_state (AmparoSectionPage *page,
                 AmparoMainView    *self)
{
  amparo_section_page_save_state (page);
}

static void
on_search_entry_changed_cb (AmparoMainView *self,
                            GtkSearchEntry *entry)
{
  if (self->state != NULL)
    amparo_window_state_set_search_text (self->state,
                                         gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static AmparoSectionPage *
visible_page (AmparoMainView *self)
{
  GtkWidget *slot = adw_view_stack_get_visible_child (self->stack);
  GtkWidget *child = ADW_IS_BIN (slot) ? adw_bin_get_child (ADW_BIN (slot)) : NULL;

  return AMPARO_IS_SECTION_PAGE (child) ? AMPARO_SECTION_PAGE (child) : NULL;
}

static void
update_back_button (AmparoMainView *self)
{
  AmparoSectionPage *page = visible_page (self);

  gtk_widget_set_visible (self->back_button,
                          page != NULL && amparo_section_page_get_can_go_back (page));
}

static void
on_back_clicked_cb (AmparoMainView *self)
{
  AmparoSectionPage *page = visible_page (self);

  if (page != NULL)
    amparo_section_page_go_back (page);
}

static gboolean
update_back_button_cb (gpointer user_data)
{
  AmparoMainView *self = user_data;

  self->back_idle = 0;
  update_back_button (self);
  return G_SOURCE_REMOVE;
}

/* A leaflet folds while it is being allocated: showing a header button
 * then would leave the header unallocated for the frame, so it waits. */
static void
on_page_can_go_back_cb (AmparoMainView *self)
{
  if (self->back_idle == 0)
    self->back_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_back_button_cb, self, NULL);
}

static void
watch_page_back (AmparoSectionPage *page,
                 AmparoMainView    *self)
{
  g_signal_connect_object (page, "notify::can-go-back", G_CALLBACK (on_page_can_go_back_cb),
                           self, G_CONNECT_SWAPPED);
}

/* #14: which section each slot of the template holds. */
static GType
section_type (const char *section)
{
  static const struct { const char *section; GType (*get_type) (void); } types[] = {
    { "clients", amparo_clients_page_get_type },
    { "agenda", amparo_agenda_page_get_type },
    { "press", amparo_press_page_get_type },
    { "demands", amparo_demands_page_get_type },
    { "reports", amparo_reports_page_get_type },  /* Reports (#16) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (section, types[i].section))
      return types[i].get_type ();
  return G_TYPE_INVALID;
}

/* #14: a section is built the first time it is shown (or asked for),
 * not all five before the first frame: building one costs its template,
 * its models and its first queries, and the first frame shows one. */
static GtkWidget *
ensure_page (AmparoMainView *self,
             const char     *section)
{
  GtkWidget *slot;
  GtkWidget *page;
  GType type;

  if (section == NULL)
    return NULL;  /* the role left no section at all */
  slot = adw_view_stack_get_child_by_name (self->stack, section);
  if (!ADW_IS_BIN (slot))
    return NULL;  /* not a section, or the role left it out */
  page = adw_bin_get_child (ADW_BIN (slot));
  if (page != NULL)
    return page;
  type = section_type (section);
  if (type == G_TYPE_INVALID)
    return NULL;
  page = g_object_new (type, NULL);
  watch_page_back (AMPARO_SECTION_PAGE (page), self);
  adw_bin_set_child (ADW_BIN (slot), page);
  hand_store_to_page (AMPARO_SECTION_PAGE (page), self);
  return page;
}

static void
on_stack_visible_child_cb (AmparoMainView *self,
                           GParamSpec     *pspec,
                           AdwViewStack   *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (self->ready && name != NULL)
    ensure_page (self, name);
  update_back_button (self);

  if (self->state != NULL && name != NULL)
    amparo_window_state_set_section (self->state, name);
}

/* roles (#17): the sections a role may not see are not there at all
 * (they never get the store, so read nothing), and a line says why. */
static const struct
{
  const char *section;
  const char *table;  /* what it cannot show without */
} section_needs[] = {
  { "clients", "persons" },
  { "agenda", "events" },
  { "press", "releases" },
  { "demands", "demands" },
  { "reports", "proceedings" },
};

static void
apply_role (AmparoMainView *self)
{
  AmparoStaffRole role;
  g_autoptr(GString) hidden = g_string_new (NULL);

  if (self->store == NULL)
    return;
  role = amparo_store_get_role (self->store);
  for (guint i = 0; i < G_N_ELEMENTS (section_needs); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, section_needs[i].section);

      if (child == NULL || amparo_access_allows (role, section_needs[i].table, AMPARO_ACCESS_READ))
        continue;
      if (hidden->len > 0)
        g_string_append (hidden, ", ");
      g_string_append (hidden, adw_view_stack_page_get_title (adw_view_stack_get_page (self->stack, child)));
      adw_view_stack_remove (self->stack, child);
    }
  if (role == AMPARO_STAFF_ROLE_NONE)
    {
      g_autofree char *text = g_strdup_printf (_("Your account (%s) is not on this case store’s staff list, so nothing is shown. Ask an administrator to add you in Preferences → Staff."),
                                               amparo_store_get_actor (self->store));
      gtk_label_set_text (self->role_note, text);
    }
  else if (hidden->len > 0)
    {
      /* Translators: first the role, then the sections it does not include */
      g_autofree char *text = g_strdup_printf (_("Your role is %s. It does not include: %s."),
                                               amparo_staff_role_get_label (role), hidden->str);
      gtk_label_set_text (self->role_note, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->role_note), role == AMPARO_STAFF_ROLE_NONE || hidden->len > 0);
}

static void
amparo_main_view_constructed (GObject *object)
{
  AmparoMainView *self = (AmparoMainView *)object;

  G_OBJECT_CLASS (amparo_main_view_parent_class)->constructed (object);

  if (self->state == NULL)
    self->state = amparo_window_state_new ();

  apply_role (self);  /* roles (#17) */
  /* Restore first so the pages' setup sees the kept search text. */
  restore_state (self);
  self->ready = TRUE;
  ensure_page (self, adw_view_stack_get_visible_child_name (self->stack));
  /* The Agenda's reminders do not wait for the Agenda to be opened; the
   * notifier itself waits for the first frame before it reads. */
  if (self->store != NULL
      && amparo_access_allows (amparo_store_get_role (self->store), "events", AMPARO_ACCESS_READ))
    amparo_agenda_notifier_ensure (self->store, GTK_WIDGET (self));
  g_signal_connect_object (self->state, "notify::section",
                           G_CALLBACK (on_section_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
amparo_main_view_dispose (GObject *object)
{
  AmparoMainView *self = (AmparoMainView *)object;

  g_clear_handle_id (&self->back_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_MAIN_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->state);
  g_clear_pointer (&self->shown_section, g_free);

  G_OBJECT_CLASS (amparo_main_view_parent_class)->dispose (object);
}

static void
amparo_main_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmparoMainView *self = AMPARO_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_main_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AmparoMainView *self = AMPARO_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_main_view_class_init (AmparoMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amparo_main_view_constructed;
  object_class->dispose = amparo_main_view_dispose;
  object_class->get_property = amparo_main_view_get_property;
  object_class->set_property = amparo_main_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AMPARO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, AMPARO_TYPE_WINDOW_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoMainView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AmparoMainView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmparoMainView, stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoMainView, back_button);
  gtk_widget_class_bind_template_child (widget_class, AmparoMainView, role_note);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
}

static void
amparo_main_view_init (AmparoMainView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  amparo_a11y_name_builtin_controls (GTK_WIDGET (self->search_bar));
}

/**
 * amparo_main_view_new:
 * @store: (nullable): the case store
 * @state: (nullable): what to restore; a fresh state when %NULL
 *
 * Returns: (transfer floating): a new main view
 */
AmparoMainView *
amparo_main_view_new (AmparoStore       *store,
                      AmparoWindowState *state)
{
  return g_object_new (AMPARO_TYPE_MAIN_VIEW, "store", store, "state", state, NULL);
}

/**
 * amparo_main_view_focus_search:
 *
 * Shows the search bar and puts the cursor in it.
 */
void
amparo_main_view_focus_search (AmparoMainView *self)
{
  g_return_if_fail (AMPARO_IS_MAIN_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * amparo_main_view_save_state:
 *
 * Asks every section to put its selection and unsaved edits into the
 * window state, before the view is thrown away.
 */
void
amparo_main_view_save_state (AmparoMainView *self)
{
  g_return_if_fail (AMPARO_IS_MAIN_VIEW (self));

  foreach_page (self, save_page_state);
}

/**
 * amparo_main_view_get_page:
 * @section: "clients", "agenda", "press", "demands" or "reports"
 *
 * Builds the section if it was not shown yet (#14).
 *
 * Returns: (transfer none) (nullable): that section's page; %NULL when
 *   the staff member's role does not include it
 */
GtkWidget *
amparo_main_view_get_page (AmparoMainView *self,
                           const char     *section)
{
  g_return_val_if_fail (AMPARO_IS_MAIN_VIEW (self), NULL);

  return ensure_page (self, section);
}

/**
 * amparo_main_view_get_built_page:
 * @section: as for amparo_main_view_get_page()
 *
 * Returns: (transfer none) (nullable): that section's page if it was
 *   built already, without building it (tests of #14)
 */
GtkWidget *
amparo_main_view_get_built_page (AmparoMainView *self,
                                 const char     *section)
{
  GtkWidget *slot;

  g_return_val_if_fail (AMPARO_IS_MAIN_VIEW (self), NULL);

  slot = adw_view_stack_get_child_by_name (self->stack, section);
  return ADW_IS_BIN (slot) ? adw_bin_get_child (ADW_BIN (slot)) : NULL;
}
