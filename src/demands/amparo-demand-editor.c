/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demand-editor.h"

#include <glib/gi18n.h>

#include "amparo-demand-update-row.h"
#include "amparo-demands-util.h"
#include "amparo-field-errors.h"
#include "amparo-language.h"
#include "amparo-tooltip.h"

/* A demand's page: its English and Spanish wording, to whom it is
 * addressed, the releases that stated it (newest first, with the number
 * each gave it), the status timeline and the notes, where merged wordings
 * are kept. The widgets edit the demand object through bindings; that
 * object is the page's draft, which lives in the window state, so nothing
 * typed is lost when the widgets are rebuilt. */

struct _AmparoDemandEditor
{
  AdwBin         parent_instance;

  AmparoStore   *store;
  AmparoDemand  *demand;
  GPtrArray     *bindings;

  GtkLabel      *form_error;
  GtkWidget     *text_error;
  GtkTextView   *text_en_view;
  GtkTextView   *text_es_view;
  GtkTextView   *notes_view;
  AdwEntryRow   *title_en_row;
  AdwEntryRow   *title_es_row;
  AdwComboRow   *target_row;
  AdwEntryRow   *target_detail_row;
  GtkWidget     *status_badge;
  GtkListBox    *releases_list;
  GtkListBox    *timeline_list;
};

G_DEFINE_FINAL_TYPE (AmparoDemandEditor, amparo_demand_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DEMAND,
  N_PROPS
};

enum {
  RELEASE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
describe_release (AmparoDemandEditor *self,
                  AmparoRelease      *release)
{
  int number = amparo_demands_get_number_in_release (self->store, release, self->demand);
  g_autofree char *date = amparo_demands_format_date (amparo_release_get_release_date (release));
  const char *status = amparo_enum_get_label (AMPARO_TYPE_RELEASE_STATUS, amparo_release_get_status (release));

  if (*date == '\0')
    date = g_strdup (_("Undated"));
  if (number <= 0)
    return g_strdup_printf ("%s · %s", date, status);
  /* Translators: "No. 2 · Feb 3, 2021 · Published": the demand's number in
   * the release, the release date and the release's status */
  return g_strdup_printf (_("No. %d · %s · %s"), number, date, status);
}

static GtkWidget *
create_release_row (gpointer item,
                    gpointer user_data)
{
  AmparoDemandEditor *self = user_data;
  AmparoRelease *release = item;
  g_autofree char *subtitle = describe_release (self, release);
  const char *title = amparo_demands_get_release_title (release, amparo_language_get ());
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *title != '\0' ? title : _("Untitled release"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  amparo_tooltip_set (row, _("Open in Press Releases"));
  g_object_set_data_full (G_OBJECT (row), "release", g_object_ref (release), g_object_unref);
  return row;
}

static GtkWidget *
create_update_row (gpointer item,
                   gpointer user_data)
{
  return amparo_demand_update_row_new (item);
}

static void
show_status (AmparoDemandEditor *self)
{
  amparo_demands_style_badge (self->status_badge, amparo_demand_get_status (self->demand));
}

static void
on_release_activated_cb (AmparoDemandEditor *self,
                         GtkListBoxRow      *row)
{
  AmparoRelease *release = g_object_get_data (G_OBJECT (row), "release");

  if (release != NULL)
    g_signal_emit (self, signals[RELEASE_ACTIVATED], 0, release);
}

static void
unbind_all (AmparoDemandEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  if (self->demand != NULL)
    g_signal_handlers_disconnect_by_data (self->demand, self);
}

static void
bind_buffer (AmparoDemandEditor *self,
             const char         *property,
             GtkTextView        *view)
{
  GBinding *binding = amparo_demands_bind_text (self->demand, property,
                                                gtk_text_view_get_buffer (view), "text");

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
bind_row (AmparoDemandEditor *self,
          const char         *property,
          AdwEntryRow        *row)
{
  g_ptr_array_add (self->bindings,
                   g_object_ref (amparo_demands_bind_text (self->demand, property, row, "text")));
}

static gboolean
check_fields (AmparoDemandEditor *self,
              gboolean            focus)
{
  AmparoFieldError fields[] = { { "text-en", self->text_error } };
  /* A copy: the text being typed must not change under the cursor. */
  g_autoptr(AmparoRecord) copy = amparo_record_copy (AMPARO_RECORD (self->demand));
  g_autoptr(GPtrArray) errors = amparo_store_validate_all (self->store, copy);
  gboolean wrong = amparo_field_errors_show (fields, G_N_ELEMENTS (fields), self->form_error,
                                             errors, focus);

  amparo_field_errors_set_checking (G_OBJECT (self->demand), wrong);
  return !wrong;
}

static void
on_demand_notify_cb (AmparoDemandEditor *self)
{
  if (amparo_field_errors_get_checking (G_OBJECT (self->demand)))
    check_fields (self, FALSE);
}

static void
show_checked_errors (AmparoDemandEditor *self)
{
  AmparoFieldError fields[] = { { "text-en", self->text_error } };

  if (self->demand != NULL && self->store != NULL &&
      amparo_field_errors_get_checking (G_OBJECT (self->demand)))
    check_fields (self, FALSE);
  else
    amparo_field_errors_clear (fields, G_N_ELEMENTS (fields), self->form_error);
}

static void
bind_demand (AmparoDemandEditor *self)
{
  bind_buffer (self, "text-en", self->text_en_view);
  bind_buffer (self, "text-es", self->text_es_view);
  bind_buffer (self, "notes", self->notes_view);
  bind_row (self, "title-en", self->title_en_row);
  bind_row (self, "title-es", self->title_es_row);
  bind_row (self, "target-detail", self->target_detail_row);
  g_ptr_array_add (self->bindings,
                   g_object_ref (amparo_demands_bind_enum (self->demand, "target", self->target_row)));
  g_signal_connect_object (self->demand, "notify::status",
                           G_CALLBACK (show_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->demand, "notify",
                           G_CALLBACK (on_demand_notify_cb), self, G_CONNECT_SWAPPED);
  show_status (self);
}

static void
bind_lists (AmparoDemandEditor *self)
{
  g_autoptr(GListModel) releases = NULL;
  g_autoptr(GListModel) updates = NULL;

  if (self->demand != NULL && self->store != NULL
      && amparo_record_get_id (AMPARO_RECORD (self->demand)) != 0)
    {
      releases = amparo_store_list_demand_releases (self->store, self->demand);
      updates = amparo_store_list_demand_updates (self->store, self->demand);
    }
  gtk_list_box_bind_model (self->releases_list, releases, create_release_row, self, NULL);
  gtk_list_box_bind_model (self->timeline_list, updates, create_update_row, self, NULL);
}

static void
amparo_demand_editor_dispose (GObject *object)
{
  AmparoDemandEditor *self = (AmparoDemandEditor *)object;

  if (self->bindings != NULL)
    unbind_all (self);
  if (self->releases_list != NULL)
    {
      gtk_list_box_bind_model (self->releases_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->timeline_list, NULL, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_DEMAND_EDITOR);
  g_clear_object (&self->demand);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (amparo_demand_editor_parent_class)->dispose (object);
}

static void
amparo_demand_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmparoDemandEditor *self = AMPARO_DEMAND_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DEMAND:
      g_value_set_object (value, self->demand);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_demand_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AmparoDemandEditor *self = AMPARO_DEMAND_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DEMAND:
      amparo_demand_editor_set_demand (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_demand_editor_class_init (AmparoDemandEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_demand_editor_dispose;
  object_class->get_property = amparo_demand_editor_get_property;
  object_class->set_property = amparo_demand_editor_set_property;

  properties[PROP_DEMAND] =
    g_param_spec_object ("demand", NULL, NULL, AMPARO_TYPE_DEMAND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmparoDemandEditor::release-activated:
   * @release: the release a person chose to open
   */
  signals[RELEASE_ACTIVATED] =
    g_signal_new ("release-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMPARO_TYPE_RELEASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/demands/amparo-demand-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, form_error);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, text_error);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, text_en_view);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, text_es_view);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, title_es_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, target_detail_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, status_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, releases_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandEditor, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, on_release_activated_cb);
}

static void
amparo_demand_editor_init (AmparoDemandEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  amparo_demands_setup_combo (self->target_row, AMPARO_TYPE_DEMAND_TARGET);
}

/**
 * amparo_demand_editor_set_store:
 *
 * The store the releases and updates are read from.
 */
void
amparo_demand_editor_set_store (AmparoDemandEditor *self,
                                AmparoStore        *store)
{
  g_return_if_fail (AMPARO_IS_DEMAND_EDITOR (self));

  if (g_set_object (&self->store, store))
    {
      bind_lists (self);
      show_checked_errors (self);
    }
}

/**
 * amparo_demand_editor_get_demand:
 *
 * Returns: (transfer none) (nullable): the demand being edited
 */
AmparoDemand *
amparo_demand_editor_get_demand (AmparoDemandEditor *self)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND_EDITOR (self), NULL);

  return self->demand;
}

/**
 * amparo_demand_editor_set_demand:
 * @demand: (nullable): the demand to edit (the page's draft)
 *
 * Also shows the releases and updates of a saved @demand again, so call it
 * after a save or a merge that changed them.
 */
void
amparo_demand_editor_set_demand (AmparoDemandEditor *self,
                                 AmparoDemand       *demand)
{
  g_return_if_fail (AMPARO_IS_DEMAND_EDITOR (self));

  unbind_all (self);
  g_set_object (&self->demand, demand);
  if (demand != NULL)
    bind_demand (self);
  bind_lists (self);
  show_checked_errors (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMAND]);
}

/**
 * amparo_demand_editor_get_buffer:
 * @language: "en" or "es"
 *
 * Returns: (transfer none): the buffer holding the wording in @language
 */
GtkTextBuffer *
amparo_demand_editor_get_buffer (AmparoDemandEditor *self,
                                 const char         *language)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (g_strcmp0 (language, "es") == 0 ? self->text_es_view
                                                                    : self->text_en_view);
}

/**
 * amparo_demand_editor_focus_text:
 *
 * Puts the cursor in the wording in the UI language.
 */
void
amparo_demand_editor_focus_text (AmparoDemandEditor *self)
{
  g_return_if_fail (AMPARO_IS_DEMAND_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (g_strcmp0 (amparo_language_get (), "es") == 0
                                     ? self->text_es_view : self->text_en_view));
}

/**
 * amparo_demand_editor_check:
 * @focus: move the focus to the first field at fault
 *
 * Shows every problem with the demand under its field and checks again
 * on each change until they are fixed.
 *
 * Returns: %TRUE when the demand can be saved
 */
gboolean
amparo_demand_editor_check (AmparoDemandEditor *self,
                            gboolean            focus)
{
  g_return_val_if_fail (AMPARO_IS_DEMAND_EDITOR (self), FALSE);

  return self->demand == NULL || self->store == NULL || check_fields (self, focus);
}
