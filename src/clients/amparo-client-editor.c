/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-client-editor.h"
#include "amparo-adverse-panel.h"
#include "amparo-documents-panel.h"  /* documents (#18) */
#include "amparo-conflict-check.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-contacts-panel.h"
#include "amparo-edit-conflict-dialog.h"
#include "amparo-date-entry.h"
#include "amparo-iso-picker.h"
#include "amparo-family-panel.h"
#include "amparo-history-panel.h"
#include "amparo-list-box.h"
#include "amparo-name-matcher.h"
#include "amparo-proceedings-panel.h"
#include "amparo-whereabouts-panel.h"
#include "amparo-after-frame.h"
#include "amparo-client-access.h"      /* roles (#17) */
#include "amparo-restriction-group.h"
#include "amparo-server-banner.h"      /* banner (#10) */

/* The client page: the profile form (also the intake form, when the
 * person is new) and, once saved, whereabouts, family, proceedings and
 * history. The form edits a copy of the stored person; the copy, not the
 * widgets, holds what was typed, so the page can keep it across a
 * language switch and nothing is lost. */

#define MATCH_DELAY_MS 250
#define MAX_MATCHES 5

struct _AmparoClientEditor
{
  AdwBin                  parent_instance;

  AmparoStore            *store;
  AmparoPerson           *person;
  AmparoPerson           *original;
  GPtrArray              *bindings;
  gulong                  notify_handler;
  guint                   match_source;
  gboolean                panels_pending;  /* #14: panels filled after the frame */
  GdkFrameClock          *panels_clock;
  gulong                  panels_handler;
  gboolean                dirty;
  char                   *duplicate_a_number;

  GtkLabel               *title_label;
  GtkLabel               *subtitle_label;
  GtkLabel               *form_error_label;
  GtkWidget              *delete_button;
  GtkWidget              *print_button;
  AdwPreferencesGroup    *matches_group;
  GtkListBox             *matches_list;
  AdwPreferencesGroup    *profile_group;
  AdwEntryRow            *given_row;
  AdwActionRow           *given_error_row;
  AdwEntryRow            *family_row;
  AdwActionRow           *family_error_row;
  AdwEntryRow            *a_number_row;
  AdwActionRow           *a_number_error_row;
  GtkWidget              *open_duplicate_button;
  AdwEntryRow            *birth_row;
  AdwActionRow           *birth_error_row;
  GtkSwitch              *estimated_switch;
  AdwComboRow            *sex_row;
  AmparoIsoPicker        *country_row;
  AmparoIsoPicker        *languages_row;
  GtkSwitch              *interpreter_switch;
  GtkSwitch              *minor_switch;
  GtkSwitch              *mpp_switch;
  AdwComboRow            *status_row;
  AdwEntryRow            *program_row;
  AdwEntryRow            *staff_row;
  AdwEntryRow            *intake_row;
  AdwActionRow           *intake_error_row;
  AdwEntryRow            *consent_by_row;
  AdwActionRow           *consent_by_error_row;
  AmparoDateEntry        *consent_on_row;
  AdwActionRow           *consent_on_error_row;
  AdwEntryRow            *consent_scope_row;
  AdwPreferencesGroup    *consent_group;
  AdwEntryRow            *aliases_row;
  AdwEntryRow            *notes_row;
  GtkWidget              *record_box;
  AmparoWhereaboutsPanel *whereabouts_panel;
  AmparoFamilyPanel      *family_panel;
  AmparoContactsPanel    *contacts_panel;
  AmparoProceedingsPanel *proceedings_panel;
  AmparoHistoryPanel     *history_panel;
  AmparoAdversePanel     *adverse_panel;   /* reports (#16) */
  AmparoDocumentsPanel   *documents_panel; /* documents (#18) */
  AmparoRestrictionGroup *restriction_group;  /* roles (#17) */
  GtkScrolledWindow      *scroller;
};

G_DEFINE_FINAL_TYPE (AmparoClientEditor, amparo_client_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_bookkeeping (const char *name)
{
  static const char *names[] = { "id", "uid", "created-at", "updated-at", "deleted-at" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b,
              GParamSpec   *pspec)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Only what a person can type counts: an empty entry equals a missing
 * value, and the store's bookkeeping columns never make a form dirty. */
static gboolean
persons_differ (AmparoPerson *a,
                AmparoPerson *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (is_bookkeeping (pspecs[i]->name) || !(pspecs[i]->flags & G_PARAM_WRITABLE))
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &vb);
      if (!values_equal (&va, &vb, pspecs[i]))
        return TRUE;
    }
  return FALSE;
}

/* A new person counts as changed once anything beyond the intake
 * defaults (today's date, the status) is filled in. */
static gboolean
is_changed (AmparoClientEditor *self)
{
  g_autoptr(AmparoPerson) blank = NULL;

  if (self->original != NULL)
    return persons_differ (self->person, self->original);

  blank = amparo_person_new ();
  amparo_person_set_intake_date (blank, amparo_person_get_intake_date (self->person));
  amparo_person_set_client_status (blank, amparo_person_get_client_status (self->person));
  return persons_differ (self->person, blank);
}

static gboolean
is_new (AmparoClientEditor *self)
{
  return amparo_record_get_id (AMPARO_RECORD (self->person)) == 0;
}

static void
set_dirty (AmparoClientEditor *self,
           gboolean            dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* "11 years old · A-220-555-102 · Active client" */
static char *
format_summary (AmparoPerson *person)
{
  g_autofree char *age = amparo_clients_format_age (person);
  const char *a_number = amparo_person_get_a_number (person);
  g_autoptr(GString) text = g_string_new (age);

  if (a_number != NULL && *a_number != '\0')
    {
      g_autofree char *formatted = amparo_a_number_format (a_number);

      g_string_append_printf (text, " · %s", formatted);
    }
  g_string_append_printf (text, " · %s",
                          amparo_clients_enum_label (AMPARO_TYPE_CLIENT_STATUS,
                                                     amparo_person_get_client_status (person)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_title (AmparoClientEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  gtk_widget_set_visible (self->delete_button, !is_new (self));
  gtk_widget_set_visible (self->print_button, !is_new (self));
  if (is_new (self))
    {
      gtk_label_set_text (self->title_label, _("New Client"));
      gtk_label_set_text (self->subtitle_label,
                          _("Given and family names are required; fill in what else you know. Enter moves to the next field."));
      return;
    }
  name = amparo_clients_dup_name (self->original);
  summary = format_summary (self->original);
  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->subtitle_label, summary);
}

static AdwActionRow *
error_row_for_field (AmparoClientEditor *self,
                     const char         *field)
{
  if (g_strcmp0 (field, "given-names") == 0)
    return self->given_error_row;
  if (g_strcmp0 (field, "family-names") == 0)
    return self->family_error_row;
  if (g_strcmp0 (field, "a-number") == 0)
    return self->a_number_error_row;
  if (g_strcmp0 (field, "birth-date") == 0)
    return self->birth_error_row;
  if (g_strcmp0 (field, "intake-date") == 0)
    return self->intake_error_row;
  if (g_strcmp0 (field, "tracing-consent-by") == 0)
    return self->consent_by_error_row;
  if (g_strcmp0 (field, "tracing-consent-on") == 0)
    return self->consent_on_error_row;
  return NULL;
}

static void
clear_errors (AmparoClientEditor *self)
{
  AdwActionRow *rows[] = { self->given_error_row, self->family_error_row,
                           self->a_number_error_row, self->birth_error_row,
                           self->intake_error_row, self->consent_by_error_row,
                           self->consent_on_error_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (GTK_WIDGET (rows[i]), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), FALSE);
  g_clear_pointer (&self->duplicate_a_number, g_free);
}

/* The message goes right under the field at fault, and the field gets
 * the focus, so the person fixing it never has to look for it. */
static void
show_error (AmparoClientEditor *self,
            const GError       *error,
            gboolean            focus)
{
  const char *field = amparo_store_error_get_field (error);
  AdwActionRow *row = error_row_for_field (self, field);
  gboolean duplicate = g_error_matches (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE);

  clear_errors (self);
  if (row == NULL)
    {
      gtk_label_set_text (self->form_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
  gtk_widget_set_visible (self->open_duplicate_button,
                          duplicate && row == self->a_number_error_row);
  if (duplicate && row == self->a_number_error_row)
    self->duplicate_a_number = g_strdup (amparo_person_get_a_number (self->person));
  if (focus)
    gtk_widget_grab_focus (gtk_widget_get_prev_sibling (GTK_WIDGET (row)));
}

static gboolean
errors_shown (AmparoClientEditor *self)
{
  AdwActionRow *rows[] = { self->given_error_row, self->family_error_row,
                           self->a_number_error_row, self->birth_error_row,
                           self->intake_error_row, self->consent_by_error_row,
                           self->consent_on_error_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (rows[i])))
      return TRUE;
  return gtk_widget_get_visible (GTK_WIDGET (self->form_error_label));
}

static void
revalidate (AmparoClientEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (amparo_store_validate (self->store, AMPARO_RECORD (self->person), &error))
    clear_errors (self);
  else
    show_error (self, error, FALSE);
}

static GtkWidget *
create_match_row (AmparoNameMatch *match)
{
  g_autofree char *name = g_strdup_printf ("%s %s",
                                           amparo_name_match_get_given_names (match) ?: "",
                                           amparo_name_match_get_family_names (match) ?: "");
  g_autofree char *reasons = amparo_name_match_dup_reasons_text (match);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Open"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (name));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reasons);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clients.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    amparo_name_match_get_uid (match));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the existing record"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_matches (AmparoClientEditor *self)
{
  amparo_list_box_trim (self->matches_list, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_group), FALSE);
}

/* Before a new person is saved, show who in the store they may already
 * be, so the same child is not entered twice. */
static gboolean
find_matches_cb (gpointer user_data)
{
  AmparoClientEditor *self = user_data;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GError) error = NULL;
  const char *family = amparo_person_get_family_names (self->person);
  guint n;

  self->match_source = 0;
  clear_matches (self);
  if (!is_new (self) || family == NULL || *family == '\0')
    return G_SOURCE_REMOVE;

  matches = amparo_name_matcher_find (self->store,
                                      amparo_person_get_given_names (self->person),
                                      family,
                                      amparo_clients_get_age (self->person),
                                      amparo_person_get_country_of_birth (self->person),
                                      MAX_MATCHES, &error);
  if (matches == NULL)
    {
      g_warning ("Could not look for existing records: %s", error->message);
      return G_SOURCE_REMOVE;
    }

  n = g_list_model_get_n_items (matches);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoNameMatch) match = g_list_model_get_item (matches, i);

      gtk_list_box_append (self->matches_list, create_match_row (match));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matches_group), n > 0);
  return G_SOURCE_REMOVE;
}

static void
on_person_notify_cb (AmparoClientEditor *self,
                     GParamSpec         *pspec,
                     AmparoPerson       *person)
{
  set_dirty (self, is_changed (self));
  if (errors_shown (self))
    revalidate (self);

  if (is_new (self))
    {
      g_clear_handle_id (&self->match_source, g_source_remove);
      self->match_source = g_timeout_add (MATCH_DELAY_MS, find_matches_cb, self);
    }
}

/* The A-Number reads A-212-345-678 here as everywhere (#13), whatever
 * the store keeps; what is typed goes to the record as typed. */
static gboolean
format_a_number_cb (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char *stored = g_value_get_string (from);
  g_autofree char *digits = amparo_a_number_normalize (stored, NULL);

  g_value_take_string (to, digits != NULL && g_strcmp0 (digits, stored) == 0
                           ? amparo_a_number_format (digits)
                           : g_strdup (stored != NULL ? stored : ""));
  return TRUE;
}

static gboolean
keep_typed_cb (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL && *text != '\0' ? text : NULL);
  return TRUE;
}

static void
bind_person (AmparoClientEditor *self)
{
  struct { AdwEntryRow *row; const char *property; } entries[] = {
    { self->given_row, "given-names" },
    { self->family_row, "family-names" },
    { self->birth_row, "birth-date" },
    { self->program_row, "program" },
    { self->staff_row, "assigned-staff" },
    { self->intake_row, "intake-date" },
    { self->aliases_row, "aliases" },
    { self->notes_row, "notes" },
    { self->consent_by_row, "tracing-consent-by" },
    { self->consent_scope_row, "tracing-consent-scope" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    amparo_clients_bind_entry (self->bindings, entries[i].row, self->person, entries[i].property);
  amparo_clients_bind_switch (self->bindings, self->estimated_switch, self->person, "birth-date-estimated");
  amparo_clients_bind_switch (self->bindings, self->interpreter_switch, self->person, "interpreter-needed");
  amparo_clients_bind_switch (self->bindings, self->minor_switch, self->person, "unaccompanied-minor");
  amparo_clients_bind_switch (self->bindings, self->mpp_switch, self->person, "mpp-history");
  amparo_clients_bind_combo (self->bindings, self->sex_row, self->person, "sex");
  amparo_clients_bind_picker (self->bindings, self->country_row, self->person, "country-of-birth");
  amparo_clients_bind_picker (self->bindings, self->languages_row, self->person, "languages");
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property_full (self->person, "a-number", self->a_number_row, "text",
                                                              G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                                              format_a_number_cb, keep_typed_cb, NULL, NULL)));
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->person, "tracing-consent-on", self->consent_on_row, "date",
                                                         G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL)));
  amparo_clients_bind_combo (self->bindings, self->status_row, self->person, "client-status");
  self->notify_handler = g_signal_connect_object (self->person, "notify",
                                                  G_CALLBACK (on_person_notify_cb), self,
                                                  G_CONNECT_SWAPPED);
}

static void
unbind_person (AmparoClientEditor *self)
{
  amparo_clients_unbind_all (self->bindings);
  if (self->person != NULL)
    g_clear_signal_handler (&self->notify_handler, self->person);
  g_clear_handle_id (&self->match_source, g_source_remove);
}

/* #14: the panels are below the profile form, out of sight when a page
 * opens, and filling them (their rows, their text to shape) was most of
 * an open's time. The first frame shows the profile; the panels are
 * filled right after it is drawn, hidden until then so another client's
 * rows are never shown for this one. */
static void
stop_waiting_for_frame (AmparoClientEditor *self)
{
  amparo_frame_clock_release (&self->panels_clock, &self->panels_handler);
  self->panels_pending = FALSE;
}

static void
fill_panels (AmparoClientEditor *self)
{
  stop_waiting_for_frame (self);
  amparo_whereabouts_panel_set_person (self->whereabouts_panel, self->store, self->original);
  amparo_family_panel_set_person (self->family_panel, self->store, self->original);
  amparo_contacts_panel_set_person (self->contacts_panel, self->store, self->original);
  amparo_proceedings_panel_set_person (self->proceedings_panel, self->store, self->original);
  amparo_adverse_panel_set_person (self->adverse_panel, self->store, self->original);
  amparo_documents_panel_set_person (self->documents_panel, self->store, self->original);  /* documents (#18) */
  amparo_history_panel_set_person (self->history_panel, self->store, self->original);
  gtk_widget_set_visible (self->record_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->history_panel), TRUE);
}

/* Once the frame with the profile is drawn: not an idle, which a busy
 * main loop may put off, nor a timeout, which would guess the frame. */
static void
on_after_paint_cb (GdkFrameClock      *clock,
                   AmparoClientEditor *self)
{
  fill_panels (self);
}

/* What acts on a panel (its actions, its drafts) needs it filled. */
static void
ensure_panels (AmparoClientEditor *self)
{
  if (self->panels_pending)
    fill_panels (self);
}

/* @later: another client's page is opening, at its top; the same
 * client (after a save, a revert) is filled at once, in place, so its
 * page does not shrink under the reader and lose the scroll position. */
static void
show_record_panels (AmparoClientEditor *self,
                    gboolean            later)
{
  gboolean saved = !is_new (self);
  GtkWidget *root;

  stop_waiting_for_frame (self);
  if (!saved || later)
    {
      gtk_widget_set_visible (self->record_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->history_panel), FALSE);
    }
  /* roles (#17): what the role may not see, said in words */
  amparo_client_access_apply (self->store, self->profile_group, GTK_WIDGET (self->notes_row),
                              GTK_BOX (self->record_box), GTK_WIDGET (self->proceedings_panel),
                              GTK_WIDGET (self->adverse_panel));
  amparo_restriction_group_set_person (self->restriction_group, self->store, saved ? self->original : NULL);
  if (!saved)
    return;
  /* A window not on screen has no frame to wait for. The editor itself
   * may be about to be shown (the list's empty page was up): the
   * window's frame is the one. */
  root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  if (!later || root == NULL || !gtk_widget_get_mapped (root))
    {
      fill_panels (self);
      return;
    }
  self->panels_pending = TRUE;
  self->panels_clock = g_object_ref (gtk_widget_get_frame_clock (root));
  self->panels_handler = g_signal_connect (self->panels_clock, "after-paint",
                                           G_CALLBACK (on_after_paint_cb), self);
  gtk_widget_queue_draw (root);
}

static void
on_entry_activated_cb (AmparoClientEditor *self,
                       AdwEntryRow        *row)
{
  amparo_clients_focus_next (GTK_WIDGET (row));
}

static void
on_open_duplicate_clicked_cb (AmparoClientEditor *self,
                              GtkButton          *button)
{
  g_autoptr(AmparoPerson) existing = NULL;

  if (self->duplicate_a_number == NULL)
    return;
  existing = amparo_store_find_person_by_a_number (self->store, self->duplicate_a_number, NULL);
  if (existing != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "clients.open", "s",
                                amparo_record_get_uid (AMPARO_RECORD (existing)));
}

static void
amparo_client_editor_dispose (GObject *object)
{
  AmparoClientEditor *self = (AmparoClientEditor *)object;

  unbind_person (self);
  stop_waiting_for_frame (self);
  /* The bin's child (the scroller) is a template child too: let the bin
   * drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_CLIENT_EDITOR);
  g_clear_object (&self->person);
  g_clear_object (&self->original);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_client_editor_parent_class)->dispose (object);
}

static void
amparo_client_editor_finalize (GObject *object)
{
  AmparoClientEditor *self = (AmparoClientEditor *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_free (self->duplicate_a_number);

  G_OBJECT_CLASS (amparo_client_editor_parent_class)->finalize (object);
}

static void
amparo_client_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmparoClientEditor *self = AMPARO_CLIENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AmparoClientEditor, name)

static void
amparo_client_editor_class_init (AmparoClientEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_client_editor_dispose;
  object_class->finalize = amparo_client_editor_finalize;
  object_class->get_property = amparo_client_editor_get_property;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmparoClientEditor::saved:
   * @person: the stored person, with its id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMPARO_TYPE_PERSON);

  g_type_ensure (AMPARO_TYPE_WHEREABOUTS_PANEL);
  g_type_ensure (AMPARO_TYPE_FAMILY_PANEL);
  g_type_ensure (AMPARO_TYPE_CONTACTS_PANEL);
  g_type_ensure (AMPARO_TYPE_DATE_ENTRY);
  g_type_ensure (AMPARO_TYPE_ISO_PICKER);
  g_type_ensure (AMPARO_TYPE_PROCEEDINGS_PANEL);
  g_type_ensure (AMPARO_TYPE_HISTORY_PANEL);
  g_type_ensure (AMPARO_TYPE_ADVERSE_PANEL);
  g_type_ensure (AMPARO_TYPE_RESTRICTION_GROUP);  /* roles (#17) */

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-client-editor.ui");
  BIND (title_label);
  BIND (subtitle_label);
  BIND (form_error_label);
  BIND (delete_button);
  BIND (print_button);
  BIND (matches_group);
  BIND (matches_list);
  BIND (profile_group);
  BIND (given_row);
  BIND (given_error_row);
  BIND (family_row);
  BIND (family_error_row);
  BIND (a_number_row);
  BIND (a_number_error_row);
  BIND (open_duplicate_button);
  BIND (birth_row);
  BIND (birth_error_row);
  BIND (estimated_switch);
  BIND (sex_row);
  BIND (country_row);
  BIND (languages_row);
  BIND (interpreter_switch);
  BIND (minor_switch);
  BIND (mpp_switch);
  BIND (status_row);
  BIND (program_row);
  BIND (staff_row);
  BIND (intake_row);
  BIND (intake_error_row);
  BIND (scroller);
  BIND (consent_by_row);
  BIND (consent_by_error_row);
  BIND (consent_scope_row);
  BIND (consent_group);
  BIND (aliases_row);
  BIND (notes_row);
  BIND (record_box);
  BIND (whereabouts_panel);
  BIND (family_panel);
  BIND (contacts_panel);
  BIND (proceedings_panel);
  BIND (history_panel);
  BIND (adverse_panel);
  BIND (documents_panel);  /* documents (#18) */
  BIND (restriction_group);  /* roles (#17) */
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_duplicate_clicked_cb);
}

#undef BIND

/* The consent date (a date entry, with its message row) between "given
 * by" and "covers". */
static void
add_consent_date_row (AmparoClientEditor *self)
{
  GtkWidget *error_row = adw_action_row_new ();
  GtkWidget *scope = g_object_ref (GTK_WIDGET (self->consent_scope_row));

  self->consent_on_row = AMPARO_DATE_ENTRY (amparo_date_entry_new (FALSE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_on_row), _("Consent given on"));
  g_signal_connect_swapped (self->consent_on_row, "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
  self->consent_on_error_row = ADW_ACTION_ROW (error_row);
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (error_row), FALSE);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (error_row), "dialog-error-symbolic");
  gtk_widget_add_css_class (error_row, "error");
  adw_preferences_group_remove (self->consent_group, scope);
  adw_preferences_group_add (self->consent_group, GTK_WIDGET (self->consent_on_row));
  adw_preferences_group_add (self->consent_group, error_row);
  adw_preferences_group_add (self->consent_group, scope);
  g_object_unref (scope);
}

static void
amparo_client_editor_init (AmparoClientEditor *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  amparo_clients_setup_combo (self->sex_row, AMPARO_TYPE_SEX);
  amparo_clients_setup_combo (self->status_row, AMPARO_TYPE_CLIENT_STATUS);
  add_consent_date_row (self);
  /* documents (#18): files dropped anywhere on the page are attached */
  amparo_documents_panel_accept_drops (self->documents_panel, GTK_WIDGET (self));
}

/**
 * amparo_client_editor_edit:
 * @person: (transfer none): the copy to edit; a new person (id 0) for intake
 * @original: (nullable) (transfer none): the person as stored, to tell
 *   unsaved changes from saved ones; %NULL for a new person
 *
 * Shows @person in the form. The editor keeps references to both.
 */
void
amparo_client_editor_edit (AmparoClientEditor *self,
                           AmparoStore        *store,
                           AmparoPerson       *person,
                           AmparoPerson       *original)
{
  gboolean another;

  g_return_if_fail (AMPARO_IS_CLIENT_EDITOR (self));
  g_return_if_fail (AMPARO_IS_PERSON (person));

  /* Another client's page starts at its top, not where the last one
   * was scrolled to (#13); the same client keeps its place. */
  another = self->original == NULL || original == NULL
            || g_strcmp0 (amparo_record_get_uid (AMPARO_RECORD (self->original)),
                          amparo_record_get_uid (AMPARO_RECORD (original))) != 0;
  if (another)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  unbind_person (self);
  clear_errors (self);
  clear_matches (self);
  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  g_set_object (&self->original, original);
  bind_person (self);
  set_dirty (self, is_changed (self));
  update_title (self);
  show_record_panels (self, another);
  if (is_new (self))
    find_matches_cb (self);
}

/**
 * amparo_client_editor_get_person:
 *
 * Returns: (transfer none) (nullable): the person being edited
 */
AmparoPerson *
amparo_client_editor_get_person (AmparoClientEditor *self)
{
  g_return_val_if_fail (AMPARO_IS_CLIENT_EDITOR (self), NULL);
  return self->person;
}

/**
 * amparo_client_editor_get_original:
 *
 * Returns: (transfer none) (nullable): the person as last saved
 */
AmparoPerson *
amparo_client_editor_get_original (AmparoClientEditor *self)
{
  g_return_val_if_fail (AMPARO_IS_CLIENT_EDITOR (self), NULL);
  return self->original;
}

gboolean
amparo_client_editor_get_dirty (AmparoClientEditor *self)
{
  g_return_val_if_fail (AMPARO_IS_CLIENT_EDITOR (self), FALSE);
  return self->dirty;
}

/* postgres (#10): after the user chose per field in the conflict dialog. */
static void
save_after_conflict (gpointer self)
{
  amparo_client_editor_save (self);
}

/* banner (#10): the server is back; what is still typed is saved. */
static void
save_when_back (GtkWidget *widget)
{
  AmparoClientEditor *self = AMPARO_CLIENT_EDITOR (widget);

  if (self->dirty)
    amparo_client_editor_save (self);
}

/**
 * amparo_client_editor_save:
 *
 * Validates and saves the person. A problem is shown under its field.
 *
 * Returns: whether the person was saved
 */
gboolean
amparo_client_editor_save (AmparoClientEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmparoPerson) saved = NULL;

  g_return_val_if_fail (AMPARO_IS_CLIENT_EDITOR (self), FALSE);

  if (self->person == NULL)
    return FALSE;
  /* Conflict check at intake (#16, amparo-conflict-check.c): a possible
   * conflict is decided first, and the decision saves again. */
  if (!amparo_conflict_check_before_save (self, self->store, self->person))
    return FALSE;
  if (!amparo_store_validate (self->store, AMPARO_RECORD (self->person), &error)
      || !amparo_store_save (self->store, AMPARO_RECORD (self->person), &error))
    {
      if (amparo_edit_conflict_dialog_present_for (GTK_WIDGET (self), AMPARO_RECORD (self->person), error,
                                              save_after_conflict, self))
        return FALSE;
      if (amparo_server_banner_save_again_for (GTK_WIDGET (self), error, save_when_back))
        return FALSE;
      show_error (self, error, TRUE);
      return FALSE;
    }

  clear_errors (self);
  clear_matches (self);
  saved = AMPARO_PERSON (amparo_record_copy (AMPARO_RECORD (self->person)));
  g_set_object (&self->original, saved);
  set_dirty (self, FALSE);
  update_title (self);
  show_record_panels (self, FALSE);
  g_signal_emit (self, signals[SAVED], 0, self->original);
  return TRUE;
}

/**
 * amparo_client_editor_revert:
 *
 * Throws the unsaved changes away: the form shows the stored person again.
 */
void
amparo_client_editor_revert (AmparoClientEditor *self)
{
  g_autoptr(AmparoPerson) copy = NULL;

  g_return_if_fail (AMPARO_IS_CLIENT_EDITOR (self));

  if (self->original == NULL)
    return;
  copy = AMPARO_PERSON (amparo_record_copy (AMPARO_RECORD (self->original)));
  amparo_client_editor_edit (self, self->store, copy, self->original);
}

void
amparo_client_editor_focus_first (AmparoClientEditor *self)
{
  g_return_if_fail (AMPARO_IS_CLIENT_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
}

/**
 * amparo_client_editor_save_drafts:
 *
 * Puts what is typed in the panels' "add" forms into @state.
 */
void
amparo_client_editor_save_drafts (AmparoClientEditor *self,
                                  AmparoWindowState  *state)
{
  g_return_if_fail (AMPARO_IS_CLIENT_EDITOR (self));
  ensure_panels (self);

  amparo_whereabouts_panel_save_draft (self->whereabouts_panel, state);
  amparo_family_panel_save_draft (self->family_panel, state);
  amparo_proceedings_panel_save_draft (self->proceedings_panel, state);
  amparo_adverse_panel_save_draft (self->adverse_panel, state);
}

void
amparo_client_editor_restore_drafts (AmparoClientEditor *self,
                                     AmparoWindowState  *state)
{
  g_return_if_fail (AMPARO_IS_CLIENT_EDITOR (self));
  ensure_panels (self);

  amparo_whereabouts_panel_restore_draft (self->whereabouts_panel, state);
  amparo_family_panel_restore_draft (self->family_panel, state);
  amparo_proceedings_panel_restore_draft (self->proceedings_panel, state);
  amparo_adverse_panel_restore_draft (self->adverse_panel, state);
}

/**
 * amparo_client_editor_activate:
 * @action: a panel's action, "proceedings.add-proceeding"
 * @uid: (nullable): its target, for actions on one record
 *
 * Activates the action on the panel that has it.
 */
void
amparo_client_editor_activate (AmparoClientEditor *self,
                               const char         *action,
                               const char         *uid)
{
  GtkWidget *panels[] = { GTK_WIDGET (self->proceedings_panel), GTK_WIDGET (self->family_panel),
                          GTK_WIDGET (self->contacts_panel), GTK_WIDGET (self->whereabouts_panel) };

  ensure_panels (self);
  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    if (uid != NULL ? gtk_widget_activate_action (panels[i], action, "s", uid)
                    : gtk_widget_activate_action (panels[i], action, NULL))
      return;
}
