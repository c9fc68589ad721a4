/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-press"

#include "config.h"

#include "amparo-release-editor.h"

#include <glib/gi18n.h>

#include "amparo-date-entry.h"
#include "amparo-date-format.h"
#include "amparo-field-errors.h"
#include "amparo-language.h"
#include "amparo-list-box.h"
#include "amparo-markup.h"
#include "amparo-press-util.h"
#include "amparo-tooltip.h"

/* The bilingual editor of one release: English and Spanish side by side
 * (a flow box puts them one above the other when the window is narrow),
 * the publication details and the numbered demands. Every widget is bound
 * to the release object it is given, which the Press page keeps in the
 * window state, so what is typed lives in the object, not the widgets. */

enum { EN, ES, N_LANGUAGES };

static const char * const languages[] = { "en", "es" };

struct _AmparoReleaseEditor
{
  AdwBin         parent_instance;

  AmparoStore   *store;
  AmparoRelease *release;
  GListStore    *demands;
  GPtrArray     *bindings;
  GtkStringList *litigation_names;
  GArray        *litigation_ids;
  GtkStringList *demand_names;
  GArray        *demand_ids;
  gboolean       loading;

  GtkWidget     *spanish_missing;
  GtkLabel      *form_error;
  GtkWidget     *title_error[N_LANGUAGES];
  GtkWidget     *date_error_row;
  GtkWidget     *embargo_error_row;
  GtkEntry      *title[N_LANGUAGES];
  GtkTextView   *body[N_LANGUAGES];
  GtkLabel      *words[N_LANGUAGES];
  GtkWidget     *bold[N_LANGUAGES];
  GtkWidget     *italic[N_LANGUAGES];
  GtkWidget     *link[N_LANGUAGES];
  GtkWidget     *list[N_LANGUAGES];
  GtkWidget     *columns;
  GtkWidget     *dateline_row;
  GtkWidget     *dateline_es_row;
  GtkWidget     *date_row;
  AdwComboRow   *embargo_row;
  GtkWidget     *embargo_time_row;
  AdwComboRow   *embargo_zone_row;
  GtkStringList *zone_names;
  GPtrArray     *zone_ids;
  GtkWidget     *contact_row;
  AdwComboRow   *litigation_row;
  GtkListBox    *demand_list;
  GtkDropDown   *existing_demand;
  GtkEditable   *new_demand_en;
  GtkEditable   *new_demand_es;
};

G_DEFINE_FINAL_TYPE (AmparoReleaseEditor, amparo_release_editor, ADW_TYPE_BIN)

static gboolean
transform_nullable_to_text (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static void
bind_text (AmparoReleaseEditor *self,
           const char          *property,
           gpointer             widget,
           const char          *widget_property)
{
  GBinding *binding = g_object_bind_property_full (self->release, property, widget, widget_property,
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                   transform_nullable_to_text, NULL, NULL, NULL);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
update_words (AmparoReleaseEditor *self)
{
  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      const char *body = self->release != NULL
                         ? amparo_record_get_string (AMPARO_RECORD (self->release),
                                                     i == EN ? "body-en" : "body-es")
                         : NULL;
      guint n = amparo_markup_count_words (body);
      g_autofree char *label = g_strdup_printf (g_dngettext (NULL, "%u word", "%u words", n), n);

      gtk_label_set_label (self->words[i], label);
    }
}

static void
update_missing (AmparoReleaseEditor *self)
{
  gboolean missing = self->release != NULL
                     && (amparo_press_is_blank (amparo_release_get_title_es (self->release))
                         || amparo_press_is_blank (amparo_release_get_body_es (self->release)));

  gtk_widget_set_visible (self->spanish_missing, missing);
}

/* The form's fields in its order, each with the place of its message. */
static guint
list_fields (AmparoReleaseEditor *self,
             AmparoFieldError     fields[4])
{
  fields[0] = (AmparoFieldError) { "title-en", self->title_error[EN] };
  fields[1] = (AmparoFieldError) { "title-es", self->title_error[ES] };
  fields[2] = (AmparoFieldError) { "release-date", self->date_error_row };
  fields[3] = (AmparoFieldError) { "embargo-until", self->embargo_error_row };
  return 4;
}

static gboolean
check_fields (AmparoReleaseEditor *self,
              gboolean             focus)
{
  AmparoFieldError fields[4];
  guint n = list_fields (self, fields);
  /* A copy: the store normalizes what it checks, and the text being
   * typed must not change under the cursor. */
  g_autoptr(AmparoRecord) copy = amparo_record_copy (AMPARO_RECORD (self->release));
  g_autoptr(GPtrArray) errors = amparo_store_validate_all (self->store, copy);
  gboolean wrong = amparo_field_errors_show (fields, n, self->form_error, errors, focus);

  amparo_field_errors_set_checking (G_OBJECT (self->release), wrong);
  return !wrong;
}

static void
on_release_notify_cb (AmparoReleaseEditor *self)
{
  update_words (self);
  update_missing (self);
  if (amparo_field_errors_get_checking (G_OBJECT (self->release)))
    check_fields (self, FALSE);
}

static char *
embargo_local_text (AmparoRelease *release)
{
  const char *iso = amparo_release_get_embargo_until (release);
  g_autoptr(GDateTime) until = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *zone_name = amparo_release_get_embargo_timezone (release);

  if (until == NULL)
    return g_strdup (iso != NULL ? iso : "");  /* as typed, not a time yet */
  zone = !amparo_press_is_blank (zone_name) ? g_time_zone_new_identifier (zone_name) : NULL;
  local = zone != NULL ? g_date_time_to_timezone (until, zone) : g_date_time_to_local (until);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
add_zone (AmparoReleaseEditor *self,
          const char          *id)
{
  g_autofree char *words = amparo_time_zone_describe (id, amparo_language_get ());

  g_ptr_array_add (self->zone_ids, g_strdup (id));
  gtk_string_list_append (self->zone_names, words);
}

/* Picked from a list in words ("Pacific time", "hora del Pacífico"): the
 * organization's zone first (the office machine's: the organization
 * record keeps none), the named zones of the region, and a zone the
 * release already had (an import) if it is none of those. */
static void
fill_zones (AmparoReleaseEditor *self)
{
  g_autofree char *office = amparo_store_default_time_zone ();
  g_autoptr(GPtrArray) ids = amparo_time_zone_choices (office, amparo_release_get_embargo_timezone (self->release));

  g_ptr_array_set_size (self->zone_ids, 0);
  gtk_string_list_splice (self->zone_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->zone_names)), NULL);
  for (guint i = 0; i < ids->len; i++)
    add_zone (self, g_ptr_array_index (ids, i));
}

static void
load_embargo (AmparoReleaseEditor *self)
{
  gboolean embargoed = !amparo_press_is_blank (amparo_release_get_embargo_until (self->release));
  const char *zone = amparo_release_get_embargo_timezone (self->release);
  g_autofree char *text = embargo_local_text (self->release);
  guint selected = 0;

  fill_zones (self);
  if (zone != NULL)
    g_ptr_array_find_with_equal_func (self->zone_ids, zone, g_str_equal, &selected);
  adw_combo_row_set_selected (self->embargo_row, embargoed ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->embargo_time_row), text);
  adw_combo_row_set_selected (self->embargo_zone_row, selected);
  gtk_widget_set_visible (self->embargo_time_row, embargoed);
  gtk_widget_set_visible (GTK_WIDGET (self->embargo_zone_row), embargoed);
}

static void
store_embargo (AmparoReleaseEditor *self)
{
  gboolean embargoed = adw_combo_row_get_selected (self->embargo_row) == 1;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->embargo_time_row));
  guint picked = adw_combo_row_get_selected (self->embargo_zone_row);
  const char *zone_name = picked < self->zone_ids->len ? g_ptr_array_index (self->zone_ids, picked) : "UTC";
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *iso = NULL;
  int y, m, d, hh = 0, mm = 0;
  char rest = 0;

  gtk_widget_set_visible (self->embargo_time_row, embargoed);
  gtk_widget_set_visible (GTK_WIDGET (self->embargo_zone_row), embargoed);
  if (self->loading || self->release == NULL)
    return;
  if (!embargoed)
    {
      amparo_release_set_embargo_until (self->release, NULL);
      amparo_release_set_embargo_timezone (self->release, NULL);
      return;
    }
  if (zone != NULL && sscanf (text, "%d-%d-%d %d:%d%c", &y, &m, &d, &hh, &mm, &rest) == 5)
    until = g_date_time_new (zone, y, m, d, hh, mm, 0);
  if (until == NULL)
    {
      /* Kept as typed, so the check says it is not a time yet, rather than
       * the release going out as "for immediate release". */
      amparo_release_set_embargo_until (self->release, text);
      return;
    }
  iso = g_date_time_format_iso8601 (until);
  amparo_release_set_embargo_until (self->release, iso);
  amparo_release_set_embargo_timezone (self->release, zone_name);
}

static void
load_litigation (AmparoReleaseEditor *self)
{
  gint64 id = amparo_release_get_litigation_id (self->release);
  guint selected = 0;

  for (guint i = 0; i < self->litigation_ids->len; i++)
    if (g_array_index (self->litigation_ids, gint64, i) == id)
      selected = i;
  adw_combo_row_set_selected (self->litigation_row, selected);
}

static void
on_litigation_selected_cb (AmparoReleaseEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->litigation_row);

  if (self->loading || self->release == NULL || selected >= self->litigation_ids->len)
    return;
  amparo_release_set_litigation_id (self->release,
                                    g_array_index (self->litigation_ids, gint64, selected));
}

static void
on_move_clicked_cb (GtkButton           *button,
                    AmparoReleaseEditor *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  g_autoptr(AmparoDemand) demand = g_list_model_get_item (G_LIST_MODEL (self->demands), position);

  amparo_press_set_demands_changed (self->release, TRUE);
  g_list_store_remove (self->demands, position);
  if (delta != 0)
    g_list_store_insert (self->demands, position + delta, demand);
  /* The page watches the release to tell whether it has unsaved edits. */
  g_object_notify (G_OBJECT (self->release), "status");
}

static GtkWidget *
row_button (AmparoReleaseEditor *self,
            const char          *icon,
            const char          *tooltip,
            guint                position,
            int                  delta,
            gboolean             sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  amparo_tooltip_set (button, tooltip);
  /* A tooltip is only a description; a screen reader needs a name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked_cb), self);
  return button;
}

static const char *
demand_text (AmparoDemand *demand,
             const char   *language)
{
  const char *text = g_str_equal (language, "es") ? amparo_demand_get_text_es (demand)
                                                  : amparo_demand_get_text_en (demand);

  if (amparo_press_is_blank (text))
    text = amparo_demand_get_text_en (demand);
  return text != NULL ? text : "";
}

static void
on_demands_changed_cb (AmparoReleaseEditor *self)
{
  guint n = self->demands != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->demands)) : 0;

  amparo_list_box_trim (self->demand_list, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoDemand) demand = g_list_model_get_item (G_LIST_MODEL (self->demands), i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, demand_text (demand, "en"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), demand_text (demand, "es"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "go-up-symbolic", _("Move Up"), i, -1, i > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "go-down-symbolic", _("Move Down"), i, 1, i + 1 < n));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "list-remove-symbolic", _("Remove"), i, 0, TRUE));
      gtk_list_box_append (self->demand_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->demand_list), n > 0);
}

static void
add_demand (AmparoReleaseEditor *self,
            AmparoDemand        *demand)
{
  amparo_press_set_demands_changed (self->release, TRUE);
  g_list_store_append (self->demands, demand);
  g_object_notify (G_OBJECT (self->release), "status");
}

static void
on_add_existing_cb (AmparoReleaseEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->existing_demand);
  g_autoptr(AmparoDemand) demand = NULL;
  gint64 id;

  if (self->release == NULL || selected >= self->demand_ids->len)
    return;
  id = g_array_index (self->demand_ids, gint64, selected);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->demands)); i++)
    {
      g_autoptr(AmparoRecord) item = g_list_model_get_item (G_LIST_MODEL (self->demands), i);

      if (amparo_record_get_id (item) == id)
        return;
    }
  demand = amparo_store_get_by_id (self->store, AMPARO_TYPE_DEMAND, id, NULL);
  if (demand != NULL)
    add_demand (self, demand);
}

static void
on_add_new_cb (AmparoReleaseEditor *self)
{
  g_autoptr(AmparoDemand) demand = NULL;
  const char *en = gtk_editable_get_text (self->new_demand_en);
  const char *es = gtk_editable_get_text (self->new_demand_es);

  if (self->release == NULL || (amparo_press_is_blank (en) && amparo_press_is_blank (es)))
    return;
  demand = amparo_demand_new ();
  amparo_demand_set_text_en (demand, en);
  amparo_demand_set_text_es (demand, es);
  add_demand (self, demand);
  gtk_editable_set_text (self->new_demand_en, "");
  gtk_editable_set_text (self->new_demand_es, "");
}

/* Wraps the selection in the markers of the simple text format, or puts
 * an empty pair at the cursor. */
static void
wrap_selection (GtkTextBuffer *buffer,
                const char    *before,
                const char    *after)
{
  GtkTextIter start, end;
  GtkTextMark *end_mark;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  end_mark = gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &start, before, -1);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  gtk_text_buffer_insert (buffer, &end, after, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_iter_backward_chars (&end, g_utf8_strlen (after, -1));
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_delete_mark (buffer, end_mark);
}

static void
number_lines (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  int first, last;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);
  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      g_autofree char *number = g_strdup_printf ("%d. ", line - first + 1);
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_line (buffer, &at, line);
      gtk_text_buffer_insert (buffer, &at, number, -1);
    }
  gtk_text_buffer_end_user_action (buffer);
}

static void
on_format_cb (AmparoReleaseEditor *self,
              GtkWidget           *button)
{
  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body[i]);

      if (button == self->bold[i])
        wrap_selection (buffer, "**", "**");
      else if (button == self->italic[i])
        wrap_selection (buffer, "*", "*");
      else if (button == self->link[i])
        wrap_selection (buffer, "[", "](https://)");
      else if (button == self->list[i])
        number_lines (buffer);
      else
        continue;
      gtk_widget_grab_focus (GTK_WIDGET (self->body[i]));
    }
}

static void
unbind (AmparoReleaseEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  if (self->release != NULL)
    g_signal_handlers_disconnect_by_data (self->release, self);
  if (self->demands != NULL)
    g_signal_handlers_disconnect_by_data (self->demands, self);
  self->demands = NULL;
  g_clear_object (&self->release);
}

static void
fill_choices (AmparoReleaseEditor *self)
{
  g_autoptr(GListModel) litigations = amparo_store_list (self->store, AMPARO_TYPE_LITIGATION, AMPARO_LIST_LIVE);
  g_autoptr(GListModel) demands = amparo_store_list (self->store, AMPARO_TYPE_DEMAND, AMPARO_LIST_LIVE);
  const char *language = amparo_language_get ();
  gint64 none = 0;

  gtk_string_list_append (self->litigation_names, C_("litigation", "None"));
  g_array_append_val (self->litigation_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (litigations); i++)
    {
      g_autoptr(AmparoLitigation) litigation = g_list_model_get_item (litigations, i);
      gint64 id = amparo_record_get_id (AMPARO_RECORD (litigation));

      gtk_string_list_append (self->litigation_names, amparo_litigation_get_name (litigation));
      g_array_append_val (self->litigation_ids, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (demands); i++)
    {
      g_autoptr(AmparoDemand) demand = g_list_model_get_item (demands, i);
      gint64 id = amparo_record_get_id (AMPARO_RECORD (demand));

      gtk_string_list_append (self->demand_names, demand_text (demand, language));
      g_array_append_val (self->demand_ids, id);
    }
}

/**
 * amparo_release_editor_set_store:
 *
 * Fills the choices of litigation and existing demands from @store.
 */
void
amparo_release_editor_set_store (AmparoReleaseEditor *self,
                                 AmparoStore         *store)
{
  g_return_if_fail (AMPARO_IS_RELEASE_EDITOR (self));

  g_set_object (&self->store, store);
  if (store != NULL)
    fill_choices (self);
}

/**
 * amparo_release_editor_set_release:
 * @release: (nullable): the release object to edit in place
 */
void
amparo_release_editor_set_release (AmparoReleaseEditor *self,
                                   AmparoRelease       *release)
{
  g_return_if_fail (AMPARO_IS_RELEASE_EDITOR (self));

  unbind (self);
  if (release == NULL)
    return;
  self->release = g_object_ref (release);
  self->loading = TRUE;
  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      g_autofree char *title = g_strdup_printf ("title-%s", languages[i]);
      g_autofree char *body = g_strdup_printf ("body-%s", languages[i]);

      bind_text (self, title, self->title[i], "text");
      bind_text (self, body, gtk_text_view_get_buffer (self->body[i]), "text");
    }
  bind_text (self, "dateline", self->dateline_row, "text");
  bind_text (self, "dateline-es", self->dateline_es_row, "text");
  /* The date as people write it in the UI language, stored as ISO. */
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->release, "release-date", self->date_row, "date",
                                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)));
  bind_text (self, "media-contact", self->contact_row, "text");
  load_embargo (self);
  load_litigation (self);
  self->loading = FALSE;

  self->demands = amparo_press_get_demands (self->store, release);
  g_signal_connect_object (self->demands, "items-changed", G_CALLBACK (on_demands_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (release, "notify", G_CALLBACK (on_release_notify_cb), self,
                           G_CONNECT_SWAPPED);
  on_demands_changed_cb (self);
  on_release_notify_cb (self);
  if (!amparo_field_errors_get_checking (G_OBJECT (release)))
    {
      AmparoFieldError fields[4];
      guint n = list_fields (self, fields);

      amparo_field_errors_clear (fields, n, self->form_error);
    }
}

/**
 * amparo_release_editor_set_editable:
 *
 * A published release is shown read-only until it is edited as a
 * correction.
 */
void
amparo_release_editor_set_editable (AmparoReleaseEditor *self,
                                    gboolean             editable)
{
  g_return_if_fail (AMPARO_IS_RELEASE_EDITOR (self));

  /* The bin's own child is not a template child: disposing the template
   * would leave AdwBin pointing at it. */
  GtkWidget *content = adw_bin_get_child (ADW_BIN (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Focus leaves first: a focused text entry made insensitive would miss
   * its focus-out. */
  if (!editable && focus != NULL && gtk_widget_is_ancestor (focus, content))
    gtk_root_set_focus (root, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (content);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != self->spanish_missing)
      gtk_widget_set_sensitive (child, editable);
}

/**
 * amparo_release_editor_check:
 * @focus: move the focus to the first field at fault
 *
 * Shows every problem with the release under its field, in the form's
 * order, and checks again on each change until they are fixed.
 *
 * Returns: %TRUE when the release can be saved
 */
gboolean
amparo_release_editor_check (AmparoReleaseEditor *self,
                             gboolean             focus)
{
  g_return_val_if_fail (AMPARO_IS_RELEASE_EDITOR (self), FALSE);

  return self->release == NULL || check_fields (self, focus);
}

void
amparo_release_editor_focus_title (AmparoReleaseEditor *self)
{
  g_return_if_fail (AMPARO_IS_RELEASE_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title[EN]));
}

static void
amparo_release_editor_dispose (GObject *object)
{
  AmparoReleaseEditor *self = AMPARO_RELEASE_EDITOR (object);

  unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_RELEASE_EDITOR);

  G_OBJECT_CLASS (amparo_release_editor_parent_class)->dispose (object);
}

static void
amparo_release_editor_finalize (GObject *object)
{
  AmparoReleaseEditor *self = AMPARO_RELEASE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->litigation_names);
  g_clear_object (&self->zone_names);
  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);
  g_clear_object (&self->demand_names);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->litigation_ids, g_array_unref);
  g_clear_pointer (&self->demand_ids, g_array_unref);

  G_OBJECT_CLASS (amparo_release_editor_parent_class)->finalize (object);
}

#define BIND_PAIR(name) \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_en", FALSE, \
                                             G_STRUCT_OFFSET (AmparoReleaseEditor, name[EN])); \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_es", FALSE, \
                                             G_STRUCT_OFFSET (AmparoReleaseEditor, name[ES]))

static void
amparo_release_editor_class_init (AmparoReleaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_release_editor_dispose;
  object_class->finalize = amparo_release_editor_finalize;

  g_type_ensure (AMPARO_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/press/amparo-release-editor.ui");
  BIND_PAIR (title);
  BIND_PAIR (body);
  BIND_PAIR (words);
  BIND_PAIR (bold);
  BIND_PAIR (italic);
  BIND_PAIR (link);
  BIND_PAIR (list);
  gtk_widget_class_bind_template_child_full (widget_class, "title_en_error", FALSE,
                                             G_STRUCT_OFFSET (AmparoReleaseEditor, title_error[EN]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_es_error", FALSE,
                                             G_STRUCT_OFFSET (AmparoReleaseEditor, title_error[ES]));
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, form_error);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, date_error_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, embargo_error_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, spanish_missing);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, columns);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, dateline_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, dateline_es_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, embargo_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, embargo_time_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, embargo_zone_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, litigation_row);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, demand_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, existing_demand);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, new_demand_en);
  gtk_widget_class_bind_template_child (widget_class, AmparoReleaseEditor, new_demand_es);
  gtk_widget_class_bind_template_callback (widget_class, on_format_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_existing_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_new_cb);
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Demands are whole sentences: a label as wide as the longest one would
   * keep the window from getting narrow. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

/* The flow box only lays the two columns out. Its click gesture moves the
 * keyboard focus to the column's flow box child once a click is released,
 * so a click in the text box focused it and at once took the focus away:
 * the text could only be reached with Tab. Nothing here is selectable or
 * activatable, so the gesture has nothing to do. */
static void
stop_flow_box_clicks (GtkWidget *flow_box)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (flow_box);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

static void
amparo_release_editor_init (AmparoReleaseEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->litigation_names = gtk_string_list_new (NULL);
  self->zone_names = gtk_string_list_new (NULL);
  self->zone_ids = g_ptr_array_new_with_free_func (g_free);
  adw_combo_row_set_model (self->embargo_zone_row, G_LIST_MODEL (self->zone_names));
  self->demand_names = gtk_string_list_new (NULL);
  self->litigation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->demand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_combo_row_set_model (self->litigation_row, G_LIST_MODEL (self->litigation_names));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (self->existing_demand, factory);
  g_object_unref (factory);
  gtk_drop_down_set_model (self->existing_demand, G_LIST_MODEL (self->demand_names));
  g_signal_connect_object (self->embargo_row, "notify::selected", G_CALLBACK (store_embargo),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->embargo_time_row, "changed", G_CALLBACK (store_embargo),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->embargo_zone_row, "notify::selected", G_CALLBACK (store_embargo),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->litigation_row, "notify::selected",
                           G_CALLBACK (on_litigation_selected_cb), self, G_CONNECT_SWAPPED);
  stop_flow_box_clicks (self->columns);
}
