/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-clients-page.h"

#include <glib/gi18n.h>

#include "amparo-client-editor.h"
#include "amparo-client-row.h"
#include "amparo-clients-util.h"
#include "amparo-after-frame.h"
#include "amparo-iso-codes.h"
#include "amparo-notice-printer.h"
#include "amparo-person-list-model.h"
#include "amparo-query-model.h"
#include "amparo-report-filter.h"
#include "amparo-search.h"
#include "amparo-store.h"
#include "amparo-trash-dialog.h"

/* The Clients section: the person list on the left (search, filters,
 * sort, Trash), the client page on the right; on a narrow window the two
 * fold into one. The list is a one-column GtkGridView (docs/decisions.md)
 * over the store's lazy query model, so only the rows on screen are read.
 *
 * What is typed lives in record objects, never only in widgets: the
 * edited copy of the person (and the drafts of the "add" forms) go into
 * the window state before a language switch and come back in setup(). */

#define EDITING_KEY "clients:editing"
#define ORIGINAL_KEY "clients:original"

typedef enum {
  SORT_NAME,
  SORT_NEXT_HEARING,
  SORT_INTAKE_DATE,
} SortOrder;

typedef enum {
  FAMILY_ANY,
  FAMILY_SEPARATED,
  FAMILY_REUNIFIED,
} FamilyFilter;

struct _AmparoClientsPage
{
  AmparoSectionPage   parent_instance;

  AmparoStore        *store;
  GtkSingleSelection *selection;
  AmparoPersonListModel *model;  /* the list's, for the page's life */
  gboolean            trash_mode;
  gboolean            opening;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *content_pane;
  GtkGridView        *list_view;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkLabel           *count_label;
  GtkDropDown        *sort_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *whereabouts_dropdown;
  GtkDropDown        *family_dropdown;
  GtkEditable        *program_entry;
  GtkEditable        *staff_entry;
  GtkToggleButton    *trash_button;
  GtkStack           *content_stack;
  AmparoClientEditor *editor;
  GCancellable       *editor_pending;  /* the iso-codes read before it is built */
  AdwStatusPage      *trashed_page;
  GtkButton          *report_filter_button;  /* Reports (#16) */
};

G_DEFINE_FINAL_TYPE (AmparoClientsPage, amparo_clients_page, AMPARO_TYPE_SECTION_PAGE)

typedef void (*ContinueFunc) (AmparoClientsPage *self,
                              const char        *uid);

typedef struct
{
  AmparoClientsPage *self;
  ContinueFunc       func;
  char              *uid;
} Pending;

static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *pending = data;

  g_object_unref (pending->self);
  g_free (pending->uid);
  g_free (pending);
}

static const char *
enum_nick (GType enum_type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : "";
}

/* The "Any" entry comes first, then the enum's labels in value order. */
static GListModel *
create_choices (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, C_("filter", "Any"));
  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (choices, amparo_clients_enum_label (enum_type, (int) i));
  return G_LIST_MODEL (choices);
}

static void
add_condition (GString    *where,
               GPtrArray  *params,
               const char *condition,
               const char *param)
{
  g_string_append_printf (where, " AND %s", condition);
  if (param != NULL)
    g_ptr_array_add (params, g_strdup (param));
}

static void
add_text_condition (GString     *where,
                    GPtrArray   *params,
                    const char  *column,
                    GtkEditable *entry)
{
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *condition = NULL;
  g_autofree char *pattern = NULL;

  if (*text == '\0')
    return;
  condition = g_strdup_printf ("%s LIKE ?", column);
  pattern = g_strdup_printf ("%s%%", text);
  add_condition (where, params, condition, pattern);
}

#define SEPARATED_SQL(status_test) \
  "id IN (SELECT person_id FROM relationships WHERE deleted_at IS NULL AND separated = 1 AND " status_test \
  " UNION SELECT relative_id FROM relationships WHERE deleted_at IS NULL AND separated = 1 AND " status_test ")"

static void rebuild_model (AmparoClientsPage *self);

/* Reports (#16): the persons behind a chart's bar, put in the window
 * state by the Reports section; the button above the count clears it. */
static void
add_report_filter (AmparoClientsPage *self,
                   GString           *where,
                   GPtrArray         *params)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));
  GObject *filter = state != NULL ? amparo_window_state_get_object (state, AMPARO_REPORT_FILTER_KEY) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->report_filter_button), AMPARO_IS_REPORT_FILTER (filter) && !self->trash_mode);
  if (!AMPARO_IS_REPORT_FILTER (filter) || self->trash_mode)
    return;
  gtk_button_set_label (self->report_filter_button, amparo_report_filter_get_label (AMPARO_REPORT_FILTER (filter)));
  if (GTK_IS_LABEL (gtk_button_get_child (self->report_filter_button)))
    gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (self->report_filter_button)), PANGO_ELLIPSIZE_END);
  amparo_report_filter_add_condition (AMPARO_REPORT_FILTER (filter), where, params);
}

static void
report_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (widget));

  if (state != NULL && g_str_equal (action_name, "clients.clear-report-filter"))
    amparo_window_state_set_object (state, AMPARO_REPORT_FILTER_KEY, NULL);
  rebuild_model (AMPARO_CLIENTS_PAGE (widget));
}

static void
add_filters (AmparoClientsPage *self,
             GString           *where,
             GPtrArray         *params)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint kind = gtk_drop_down_get_selected (self->whereabouts_dropdown);
  guint family = gtk_drop_down_get_selected (self->family_dropdown);

  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    add_condition (where, params, "client_status = ?",
                   enum_nick (AMPARO_TYPE_CLIENT_STATUS, (int) status - 1));
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION)
    add_condition (where, params,
                   "id IN (SELECT person_id FROM locations WHERE deleted_at IS NULL AND until IS NULL AND kind = ?)",
                   enum_nick (AMPARO_TYPE_LOCATION_KIND, (int) kind - 1));
  if (family == FAMILY_SEPARATED)
    add_condition (where, params, SEPARATED_SQL ("reunification_status <> 'reunified'"), NULL);
  else if (family == FAMILY_REUNIFIED)
    add_condition (where, params, SEPARATED_SQL ("reunification_status = 'reunified'"), NULL);
  add_text_condition (where, params, "program", self->program_entry);
  add_text_condition (where, params, "assigned_staff", self->staff_entry);
  add_report_filter (self, where, params);
}

static const char * const *
get_order (AmparoClientsPage *self)
{
  /* Spanish order (accents ignored), served by an index (see 0008-perf.sql). */
  static const char *by_name[] = { "sort_name", NULL };
  static const char *by_intake[] = { "intake_date DESC", NULL };
  static const char *by_hearing[] = {
    "(SELECT min (starts_at) FROM events e WHERE e.person_id = persons.id AND e.deleted_at IS NULL"
    " AND e.done = 0 AND e.kind = 'hearing' AND e.starts_at >= date ('now', 'localtime')) IS NULL",
    "(SELECT min (starts_at) FROM events e WHERE e.person_id = persons.id AND e.deleted_at IS NULL"
    " AND e.done = 0 AND e.kind = 'hearing' AND e.starts_at >= date ('now', 'localtime'))",
    NULL
  };

  switch ((SortOrder) gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_NEXT_HEARING:
      return by_hearing;
    case SORT_INTAKE_DATE:
      return by_intake;
    case SORT_NAME:
    default:
      return by_name;
    }
}

static void
update_count (AmparoClientsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *text = NULL;

  if (self->trash_mode)
    text = g_strdup_printf (ngettext ("%u person in the Trash", "%u people in the Trash", n), n);
  else
    text = g_strdup_printf (ngettext ("%u person", "%u people", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
update_empty_page (AmparoClientsPage *self,
                   gboolean           filtered)
{
  if (self->trash_mode)
    {
      adw_status_page_set_title (self->empty_page, _("Trash Is Empty"));
      adw_status_page_set_description (self->empty_page, _("Records moved to the Trash can be restored from here."));
    }
  else if (filtered)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Clients"));
      adw_status_page_set_description (self->empty_page, _("Try other words, or clear the filters."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Clients Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("The children and adults the organization represents will be listed here, with where each one is now and their next hearing. Press Ctrl+N to add the first one."));
    }
}

/* Search and filters become one WHERE clause over the persons table, so
 * the list stays a lazy query however many persons match. */
static void
rebuild_model (AmparoClientsPage *self)
{
  AmparoWindowState *state = amparo_section_page_get_state (AMPARO_SECTION_PAGE (self));
  g_autoptr(GString) where = g_string_new (self->trash_mode ? "deleted_at IS NOT NULL" : "deleted_at IS NULL");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *match = NULL;
  g_autoptr(AmparoQueryModel) query = NULL;
  gsize base_len = where->len;

  if (self->store == NULL)
    return;

  match = amparo_search_build_match (state != NULL ? amparo_window_state_get_search_text (state) : NULL);
  if (match != NULL && !self->trash_mode)
    add_condition (where, params, AMPARO_SEARCH_PERSONS_FILTER_SQL, match);
  add_filters (self, where, params);
  g_ptr_array_add (params, NULL);

  query = amparo_query_model_new (self->store, AMPARO_TYPE_PERSON, where->str,
                                  (const char * const *) params->pdata, get_order (self));
  self->opening = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->model == NULL)
    {
      self->model = amparo_person_list_model_new (G_LIST_MODEL (query));
      /* The model refreshes itself when a person changes; so must the count. */
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
    }
  else
    {
      /* One model for the page's whole life, the result swapped under it,
       * so that the list view keeps its row widgets (#14): building them
       * again from the template was most of what a keystroke cost. A new
       * result starts at the top: left scrolled far down, the list would
       * ask the lazy model for rows it can only reach by reading every
       * page before them. */
      /* The view keeps the row it last selected as well; left on an old
       * row, it would be moved to the end of the new result when the old
       * rows go, and the end read for it: put it on the first row. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
        gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.select-item", "(ubb)", 0, FALSE, FALSE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      amparo_person_list_model_begin_swap (self->model, G_LIST_MODEL (query));
      if (g_list_model_get_n_items (G_LIST_MODEL (query)) > 0)
        gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                    amparo_person_list_model_get_swap_position (self->model));
      amparo_person_list_model_finish_swap (self->model);
      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);
    }
  self->opening = FALSE;
  update_empty_page (self, where->len > base_len);
  update_count (self);
}

static void on_editor_saved_cb (AmparoClientsPage *self, AmparoPerson *person, AmparoClientEditor *editor);
static void on_editor_dirty_cb (AmparoClientsPage *self, GParamSpec *pspec, AmparoClientEditor *editor);

/* The client page is built the first time it is needed, or once the
 * window has drawn its first frame, whichever comes first (#14): the
 * first frame shows the list only, and building the page's panels was
 * the largest part of start-up (and of measuring the window for it). */
static AmparoClientEditor *
ensure_editor (AmparoClientsPage *self)
{
  if (self->editor != NULL)
    return self->editor;
  self->editor = g_object_new (AMPARO_TYPE_CLIENT_EDITOR, NULL);
  g_signal_connect_swapped (self->editor, "saved", G_CALLBACK (on_editor_saved_cb), self);
  g_signal_connect_swapped (self->editor, "notify::dirty", G_CALLBACK (on_editor_dirty_cb), self);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->editor), "editor");
  return self->editor;
}

static void
on_iso_codes_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(AmparoClientsPage) self = data;

  /* Cancelled: the page is gone. */
  if (amparo_iso_codes_preload_finish (result, NULL))
    ensure_editor (self);
}

/* The page's country and language pickers read the iso-codes tables:
 * a worker reads them first, and the main thread stays free for the
 * list meanwhile (#14). Opening a client before then builds the page at
 * once (waiting for the worker if it must). */
static void
build_editor_after_frame_cb (gpointer data)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (data);

  amparo_iso_codes_preload (self->editor_pending, on_iso_codes_read_cb, g_object_ref (self));
}

/* Whether the client page shows a client (and so is built). */
static gboolean
is_editing (AmparoClientsPage *self)
{
  return self->editor != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "editor") == 0;
}

/* With nothing to show, a folded (narrow) page shows the list, not a
 * "Choose a client" page hiding it (#13). */
static void
show_content (AmparoClientsPage *self,
              const char        *name)
{
  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_set_visible_child (self->leaflet,
                                 g_str_equal (name, "none") ? adw_leaflet_get_child_by_name (self->leaflet, "list")
                                                            : adw_leaflet_get_child_by_name (self->leaflet, "detail"));
}

/* Where the person opened is in the list, to highlight it. A click
 * opens a row the list shows, whose page is read already; a person
 * opened from elsewhere (a relative, the Agenda) further down is not
 * looked for by reading pages: at 10,000 persons that read 2,000 rows,
 * half the time of an open. A short list is still read through. */
#define HIGHLIGHT_SCAN_LIMIT 400

static guint
find_in_list (AmparoClientsPage *self,
              gint64             id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = amparo_person_list_model_find_cached (self->model, id);

  for (guint i = 0; position == G_MAXUINT && n <= HIGHLIGHT_SCAN_LIMIT && i < n; i++)
    {
      g_autoptr(AmparoPerson) item = g_list_model_get_item (model, i);

      if (item != NULL && amparo_record_get_id (AMPARO_RECORD (item)) == id)
        position = i;
    }
  return position;
}

static void
highlight_in_list (AmparoClientsPage *self,
                   AmparoPerson      *person)
{
  gint64 id = amparo_record_get_id (AMPARO_RECORD (person));
  AmparoPerson *selected = gtk_single_selection_get_selected_item (self->selection);
  guint position;

  if (selected != NULL && amparo_record_get_id (AMPARO_RECORD (selected)) == id)
    return;
  position = self->model != NULL ? find_in_list (self, id) : G_MAXUINT;
  /* Selecting here must not open the record a second time. */
  self->opening = TRUE;
  gtk_single_selection_set_selected (self->selection, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION
                                                                              : position);
  self->opening = FALSE;
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
edit_person (AmparoClientsPage *self,
             AmparoPerson      *stored)
{
  g_autoptr(AmparoPerson) copy = AMPARO_PERSON (amparo_record_copy (AMPARO_RECORD (stored)));
  g_autoptr(GError) error = NULL;

  /* Every look at a child's record is journaled (who, when, where),
   * before it is shown: the page's "Who has seen" list includes it. */
  if (!amparo_store_log_view (self->store, AMPARO_RECORD (stored), &error))
    g_warning ("Could not journal the view: %s", error->message);
  amparo_client_editor_edit (ensure_editor (self), self->store, copy, stored);
  show_content (self, "editor");
}

static void
show_trashed (AmparoClientsPage *self,
              AmparoPerson      *person)
{
  g_autofree char *name = amparo_clients_dup_name (person);

  adw_status_page_set_title (self->trashed_page, name);
  g_object_set_data_full (G_OBJECT (self->trashed_page), "uid",
                          g_strdup (amparo_record_get_uid (AMPARO_RECORD (person))), g_free);
  show_content (self, "trashed");
}

static void
open_now (AmparoClientsPage *self,
          const char        *uid)
{
  g_autoptr(AmparoPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = amparo_store_get_by_uid (self->store, AMPARO_TYPE_PERSON, uid, &error);
  if (person == NULL)
    {
      amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  if (amparo_record_is_deleted (AMPARO_RECORD (person)))
    show_trashed (self, person);
  else
    edit_person (self, person);
  highlight_in_list (self, person);
}

static void
start_intake (AmparoClientsPage *self,
              const char        *uid)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autofree char *today = amparo_clients_today ();

  amparo_person_set_intake_date (person, today);
  amparo_person_set_client_status (person, AMPARO_CLIENT_STATUS_ACTIVE);
  amparo_client_editor_edit (ensure_editor (self), self->store, person, NULL);
  show_content (self, "editor");
  amparo_client_editor_focus_first (self->editor);
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Pending          *pending)
{
  AmparoClientsPage *self = pending->self;

  if (g_str_equal (response, "save") && !amparo_client_editor_save (self->editor))
    return;
  if (g_str_equal (response, "discard"))
    amparo_client_editor_revert (self->editor);
  if (!g_str_equal (response, "cancel"))
    pending->func (self, pending->uid);
}

/* Unsaved changes are never thrown away without asking. */
static void
run_after_confirming (AmparoClientsPage *self,
                      ContinueFunc       func,
                      const char        *uid)
{
  AmparoPerson *person = self->editor != NULL ? amparo_client_editor_get_person (self->editor) : NULL;
  g_autofree char *name = NULL;
  Pending *pending;
  GtkWidget *dialog;

  if (person == NULL || !amparo_client_editor_get_dirty (self->editor))
    {
      func (self, uid);
      return;
    }

  name = amparo_clients_dup_name (person);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The record of “%s” has changes that are not saved. If you do not save them, they are lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->func = func;
  pending->uid = g_strdup (uid);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_discard_response_cb),
                         pending, pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_selection_changed_cb (AmparoClientsPage  *self,
                         guint               position,
                         guint               n_items,
                         GtkSingleSelection *selection)
{
  AmparoPerson *person;

  /* Checked first: asking for the selected item while the model is being
   * replaced would read the new model down to the old position. */
  if (self->opening)
    return;
  person = gtk_single_selection_get_selected_item (selection);
  if (person == NULL)
    return;
  run_after_confirming (self, open_now, amparo_record_get_uid (AMPARO_RECORD (person)));
}

/* The list is a one-column GtkGridView because GTK 4.8's GtkListView
 * keeps 200 rows alive however few are shown (docs/decisions.md). Its
 * cells would read as table cells of a grid; each says instead that it
 * is an item of the list, as a GtkListView's row does. The cell is the
 * row's parent, which it only becomes after setup. */
static void
on_row_parent_cb (GtkWidget  *row,
                  GParamSpec *pspec,
                  gpointer    data)
{
  GtkWidget *cell = gtk_widget_get_parent (row);

  if (cell != NULL &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)) == GTK_ACCESSIBLE_ROLE_GRID_CELL)
    g_object_set (cell, "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM, NULL);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AmparoClientsPage        *self)
{
  GtkWidget *row = amparo_client_row_new ();

  g_signal_connect (row, "notify::parent", G_CALLBACK (on_row_parent_cb), NULL);
  gtk_list_item_set_child (item, row);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AmparoClientsPage        *self)
{
  amparo_client_row_bind (AMPARO_CLIENT_ROW (gtk_list_item_get_child (item)),
                          self->store, gtk_list_item_get_item (item));
}

static void
on_filters_changed_cb (AmparoClientsPage *self)
{
  rebuild_model (self);
}

static void
on_trash_toggled_cb (AmparoClientsPage *self,
                     GtkToggleButton   *button)
{
  self->trash_mode = gtk_toggle_button_get_active (button);
  rebuild_model (self);
}

static void
on_editor_saved_cb (AmparoClientsPage  *self,
                    AmparoPerson       *person,
                    AmparoClientEditor *editor)
{
  amparo_clients_toast (GTK_WIDGET (self), adw_toast_new (_("Saved")));
}

static void
on_editor_dirty_cb (AmparoClientsPage  *self,
                    GParamSpec         *pspec,
                    AmparoClientEditor *editor)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.save",
                                 amparo_client_editor_get_dirty (editor));
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

static void
on_undo_delete_cb (AdwToast     *toast,
                   AmparoPerson *person)
{
  AmparoStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  if (!amparo_store_restore (store, AMPARO_RECORD (person), &error))
    g_warning ("Could not restore: %s", error->message);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (widget);

  if (self->store != NULL)
    run_after_confirming (self, start_intake, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (widget);

  if (is_editing (self))
    amparo_client_editor_save (self->editor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (widget);
  AmparoPerson *original = is_editing (self) ? amparo_client_editor_get_original (self->editor) : NULL;
  g_autoptr(AmparoPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoPerson) blank = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (original == NULL)
    return;

  person = AMPARO_PERSON (amparo_record_copy (AMPARO_RECORD (original)));
  if (!amparo_store_delete (self->store, AMPARO_RECORD (person), &error))
    {
      amparo_clients_toast (widget, adw_toast_new (error->message));
      return;
    }

  name = amparo_clients_dup_name (person);
  /* Translators: %s is a person's name */
  toast = adw_toast_new_format (_("“%s” moved to the Trash"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undo must show at once, not queue behind "Saved", and stay long
   * enough to reach for it. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb),
                         g_object_ref (person), unref_closure_data, 0);
  show_content (self, "none");
  blank = amparo_person_new ();
  amparo_client_editor_edit (self->editor, self->store, blank, NULL);
  amparo_clients_toast (widget, toast);
}

static gboolean
is_editing_saved (AmparoClientsPage *self)
{
  return is_editing (self) && amparo_client_editor_get_original (self->editor) != NULL;
}

/* The notice shows what is stored, so unsaved changes are saved (or
 * kept out) first. */
static void
print_now (AmparoClientsPage *self,
           const char        *uid)
{
  amparo_notice_printer_run (GTK_WIDGET (self), self->store,
                             amparo_client_editor_get_original (self->editor));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (widget);

  if (is_editing_saved (self))
    run_after_confirming (self, print_now, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_after_confirming (AMPARO_CLIENTS_PAGE (widget), open_now,
                        g_variant_get_string (parameter, NULL));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (widget);
  const char *uid = g_object_get_data (G_OBJECT (self->trashed_page), "uid");
  g_autoptr(AmparoPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (uid == NULL)
    return;
  person = amparo_store_get_by_uid (self->store, AMPARO_TYPE_PERSON, uid, &error);
  if (person == NULL || !amparo_store_restore (self->store, AMPARO_RECORD (person), &error))
    {
      amparo_clients_toast (widget, adw_toast_new (error->message));
      return;
    }
  amparo_clients_toast (widget, adw_toast_new (_("Restored")));
  edit_person (self, person);
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (amparo_trash_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->store)));
}

static AmparoPerson *
find_client_to_open (AmparoStore *store,
                     const char  *wanted)
{
  g_autoptr(GArray) ids = NULL;
  AmparoPerson *person;

  person = amparo_store_get_by_uid (store, AMPARO_TYPE_PERSON, wanted, NULL);
  if (person != NULL)
    return person;
  ids = amparo_search_persons (store, wanted, 1, NULL, NULL);
  if (ids == NULL || ids->len == 0)
    return NULL;
  return amparo_store_get_by_id (store, AMPARO_TYPE_PERSON, g_array_index (ids, gint64, 0), NULL);
}

/* AMPARO_CLIENT_FORM=<action> (screenshots) opens one of the client
 * page's forms once the page shows: "contacts.add",
 * "proceedings.add-proceeding", or an action on the client's first
 * date or family link ("proceedings.edit-event", "proceedings.reschedule",
 * "family.edit-link", "family.add-evidence"). */
static gboolean
open_form_from_environment_cb (gpointer data)
{
  AmparoClientsPage *self = data;
  const char *action = g_getenv ("AMPARO_CLIENT_FORM");
  AmparoPerson *person = self->editor != NULL ? amparo_client_editor_get_original (self->editor) : NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GObject) first = NULL;
  const char *uid = NULL;

  if (person == NULL)
    return G_SOURCE_REMOVE;
  if (g_str_has_suffix (action, "-event") || g_str_has_suffix (action, "reschedule"))
    items = amparo_store_list_events (self->store, person);
  else if (g_str_has_prefix (action, "family."))
    items = amparo_store_list_relatives (self->store, person);
  if (items != NULL && g_list_model_get_n_items (items) > 0)
    {
      first = g_list_model_get_item (items, 0);
      if (AMPARO_IS_RELATIVE (first))
        uid = amparo_record_get_uid (AMPARO_RECORD (amparo_relative_get_relationship (AMPARO_RELATIVE (first))));
      else
        uid = amparo_record_get_uid (AMPARO_RECORD (first));
    }
  amparo_client_editor_activate (self->editor, action, uid);
  return G_SOURCE_REMOVE;
}

/* AMPARO_OPEN_CLIENT=<uid or name> opens that client at start (the
 * screenshot script uses it); what the window state kept wins. */
static void
open_client_from_environment (AmparoClientsPage *self)
{
  const char *wanted = g_getenv ("AMPARO_OPEN_CLIENT");
  g_autoptr(AmparoPerson) person = NULL;

  if (wanted == NULL || *wanted == '\0')
    return;
  person = find_client_to_open (self->store, wanted);
  if (person != NULL)
    edit_person (self, person);
  if (person != NULL && g_getenv ("AMPARO_CLIENT_FORM") != NULL)
    g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 5, open_form_from_environment_cb,
                                g_object_ref (self), g_object_unref);
}

static void
restore_editing (AmparoClientsPage *self,
                 AmparoWindowState *state)
{
  GObject *editing = amparo_window_state_get_object (state, EDITING_KEY);
  GObject *original = amparo_window_state_get_object (state, ORIGINAL_KEY);

  if (!AMPARO_IS_PERSON (editing))
    {
      open_client_from_environment (self);
      return;
    }
  amparo_client_editor_edit (ensure_editor (self), self->store, AMPARO_PERSON (editing),
                             AMPARO_IS_PERSON (original) ? AMPARO_PERSON (original) : NULL);
  show_content (self, "editor");
  amparo_client_editor_restore_drafts (self->editor, state);
}

static void
amparo_clients_page_setup (AmparoSectionPage *page)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);
  GObject *store = G_OBJECT (amparo_section_page_get_store (page));

  if (!AMPARO_IS_STORE (store))
    return;
  g_set_object (&self->store, AMPARO_STORE (store));
  rebuild_model (self);
  restore_editing (self, state);
  amparo_after_first_frame (GTK_WIDGET (self), build_editor_after_frame_cb, self, NULL);
}

static void
amparo_clients_page_search_changed (AmparoSectionPage *page,
                                    const char        *text)
{
  rebuild_model (AMPARO_CLIENTS_PAGE (page));
}

static void
amparo_clients_page_save_state (AmparoSectionPage *page)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (page);
  AmparoWindowState *state = amparo_section_page_get_state (page);
  gboolean editing = is_editing (self);

  amparo_window_state_set_object (state, EDITING_KEY,
                                  editing ? G_OBJECT (amparo_client_editor_get_person (self->editor)) : NULL);
  amparo_window_state_set_object (state, ORIGINAL_KEY,
                                  editing ? G_OBJECT (amparo_client_editor_get_original (self->editor)) : NULL);
  /* Drafts belong to the client on the page; none is open without one. */
  if (editing)
    amparo_client_editor_save_drafts (self->editor, state);
}

/* Called from the question's answer: the question must close before the
 * window it belongs to goes away, so the window closes once idle. */
static void
close_now (AmparoClientsPage *self,
           const char        *uid)
{
  amparo_section_page_close_window (AMPARO_SECTION_PAGE (self));
}

/* Closing the window must not throw unsaved typing away either. */
static gboolean
amparo_clients_page_close_request (AmparoSectionPage *page)
{
  AmparoClientsPage *self = AMPARO_CLIENTS_PAGE (page);

  if (!is_editing (self) || !amparo_client_editor_get_dirty (self->editor))
    return FALSE;
  run_after_confirming (self, close_now, NULL);
  return TRUE;
}

static void
amparo_clients_page_dispose (GObject *object)
{
  AmparoClientsPage *self = (AmparoClientsPage *)object;

  g_cancellable_cancel (self->editor_pending);
  g_clear_object (&self->editor_pending);
  /* The bin's child is a template child too: let the bin drop it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_CLIENTS_PAGE);
  self->editor = NULL;   /* the content stack's child, gone with it */
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_clients_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmparoClientsPage, name)

static void
amparo_clients_page_class_init (AmparoClientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmparoSectionPageClass *page_class = AMPARO_SECTION_PAGE_CLASS (klass);

  object_class->dispose = amparo_clients_page_dispose;
  page_class->setup = amparo_clients_page_setup;
  page_class->close_request = amparo_clients_page_close_request;
  page_class->search_changed = amparo_clients_page_search_changed;
  page_class->save_state = amparo_clients_page_save_state;

  gtk_widget_class_install_action (widget_class, "section.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "section.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "section.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "section.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "clients.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "clients.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "clients.apply-report-filter", NULL, report_filter_action);
  gtk_widget_class_install_action (widget_class, "clients.clear-report-filter", NULL, report_filter_action);
  gtk_widget_class_install_action (widget_class, "clients.show-trash", NULL, show_trash_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-clients-page.ui");
  BIND (selection);
  BIND (leaflet);
  BIND (list_pane);
  BIND (content_pane);
  BIND (list_view);
  BIND (list_stack);
  BIND (empty_page);
  BIND (count_label);
  BIND (sort_dropdown);
  BIND (status_dropdown);
  BIND (whereabouts_dropdown);
  BIND (family_dropdown);
  BIND (program_entry);
  BIND (staff_entry);
  BIND (trash_button);
  BIND (content_stack);
  BIND (trashed_page);
  BIND (report_filter_button);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_trash_toggled_cb);
}

#undef BIND

static void
amparo_clients_page_init (AmparoClientsPage *self)
{
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GListModel) kinds = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editor_pending = g_cancellable_new ();
  /* The same list-detail layout as every section: sidebar width, fold at
   * 600 px, back button in the header bar. */
  amparo_section_page_setup_list_detail (AMPARO_SECTION_PAGE (self), self->leaflet,
                                         adw_leaflet_get_child_by_name (self->leaflet, "detail"));

  statuses = create_choices (AMPARO_TYPE_CLIENT_STATUS);
  kinds = create_choices (AMPARO_TYPE_LOCATION_KIND);
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->whereabouts_dropdown, kinds);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.save", FALSE);
  update_empty_page (self, FALSE);
}
