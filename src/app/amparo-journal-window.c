/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-journal-window.h"

#include <glib/gi18n.h>

#include "amparo-date-entry.h"
#include "amparo-date-format.h"
#include "amparo-language.h"
#include "amparo-list-box.h"

/* The journal, readable (privacy, #17): who viewed, changed, exported,
 * printed or published which record, when, from which workstation. It
 * reads a page of rows at a time (the journal grows with every view) and
 * the filters are the store's, so the CSV holds exactly what is shown. */

#define PAGE_SIZE 50

struct _AmparoJournalWindow
{
  AdwWindow        parent_instance;

  AmparoStore     *store;
  guint            n_shown;
  gboolean         more;

  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *record_entry;
  GtkEntry        *actor_entry;
  GtkDropDown     *action_dropdown;
  GtkEntry        *since_entry;
  GtkEntry        *until_entry;
  GtkLabel        *filter_error;
  GtkStack        *results_stack;
  GtkListBox      *journal_list;
  GtkButton       *more_button;
};

G_DEFINE_FINAL_TYPE (AmparoJournalWindow, amparo_journal_window, ADW_TYPE_WINDOW)

/* The drop-down's rows, in its order (the template's GtkStringList). */
static const struct {
  int      action;
  gboolean printed;
} action_choices[] = {
  { -1, FALSE },
  { AMPARO_JOURNAL_ACTION_VIEW, FALSE },
  { AMPARO_JOURNAL_ACTION_UPDATE, FALSE },
  { AMPARO_JOURNAL_ACTION_INSERT, FALSE },
  { AMPARO_JOURNAL_ACTION_DELETE, FALSE },
  { AMPARO_JOURNAL_ACTION_RESTORE, FALSE },
  { AMPARO_JOURNAL_ACTION_EXPORT, FALSE },
  { AMPARO_JOURNAL_ACTION_EXPORT, TRUE },
  { AMPARO_JOURNAL_ACTION_PUBLISH, FALSE },
};

static const struct {
  const char *table;
  const char *label;
} kind_labels[] = {
  { "persons", N_("Client record") },
  { "contacts", N_("Contact") },
  { "locations", N_("Place") },
  { "relationships", N_("Family link") },
  { "relationship_evidence", N_("Evidence") },
  { "proceedings", N_("Proceeding") },
  { "events", N_("Date") },
  { "memberships", N_("Class membership") },
  { "benefits", N_("Benefit") },
  { "adverse_parties", N_("Adverse party") },
  { "releases", N_("Press release") },
  { "demands", N_("Demand") },
  { "organization", N_("Organization") },
};

static const char *
kind_label (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].table, table) == 0)
      return _(kind_labels[i].label);
  return table != NULL ? table : "";
}

static char *
format_when (const char *created_at)
{
  g_autoptr(GDateTime) utc = created_at ? g_date_time_new_from_iso8601 (created_at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (created_at ? created_at : "");
  local = g_date_time_to_local (utc);
  date = amparo_date_format (local, amparo_language_get (), AMPARO_DATE_MEDIUM);
  time = amparo_time_format (local, amparo_language_get ());
  /* Translators: a journal row's time: "<date>, <time>" */
  return g_strdup_printf (_("%s, %s"), date, time);
}

/* Details are kept in English in the journal, for any reader of it; the
 * ones the privacy view writes are shown in the interface's language. */
static const char *
shown_details (const char *details)
{
  if (g_strcmp0 (details, "Shown to the client (privacy view)") == 0)
    return _("Shown to the client (privacy view)");
  return details;
}

static GtkWidget *
create_row (AmparoJournalEntry *entry)
{
  const char *label = amparo_store_journal_record_label (entry);
  const char *table = amparo_journal_entry_get_table_name (entry);
  const char *details = shown_details (amparo_journal_entry_get_details (entry));
  const char *action = amparo_store_journal_is_print (entry)
    ? C_("journal action", "Printed")
    : amparo_journal_action_get_label (amparo_journal_entry_get_action (entry));
  g_autofree char *when = format_when (amparo_record_get_created_at (AMPARO_RECORD (entry)));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a journal row: "<action> · <kind of record> · <name>" */
  title = label != NULL && *label != '\0'
    ? g_strdup_printf (_("%s · %s · %s"), action, kind_label (table), label)
    : g_strdup_printf (_("%s · %s"), action, kind_label (table));
  /* Translators: "<staff account> at <workstation> · <when>" */
  subtitle = g_strdup_printf (_("%s at %s · %s"), amparo_journal_entry_get_actor (entry) ?: "",
                              amparo_journal_entry_get_host (entry) ?: "", when);
  if (details != NULL && *details != '\0')
    {
      g_autofree char *with_details = g_strconcat (subtitle, "\n", details, NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_details);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* A date as the staff member types it (day first in Spanish), or ISO. */
static gboolean
read_date (GtkEntry  *entry,
           char     **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *parsed = NULL;

  *iso = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  parsed = amparo_date_entry_parse (text, amparo_language_get (), FALSE);
  if (parsed == NULL || strlen (parsed) != 10)
    return FALSE;
  *iso = g_steal_pointer (&parsed);
  return TRUE;
}

/* The query the filters describe; the strings stay owned by the caller. */
static gboolean
read_filters (AmparoJournalWindow *self,
              AmparoJournalQuery  *query,
              char               **since,
              char               **until)
{
  guint choice = gtk_drop_down_get_selected (self->action_dropdown);
  gboolean ok = read_date (self->since_entry, since) && read_date (self->until_entry, until);

  gtk_widget_set_visible (GTK_WIDGET (self->filter_error), !ok);
  if (!ok)
    {
      gtk_label_set_text (self->filter_error, _("Write the dates as on a form, for example 2026-03-31."));
      return FALSE;
    }
  *query = (AmparoJournalQuery) AMPARO_JOURNAL_QUERY_INIT;
  query->record_text = gtk_editable_get_text (GTK_EDITABLE (self->record_entry));
  query->actor = gtk_editable_get_text (GTK_EDITABLE (self->actor_entry));
  if (choice < G_N_ELEMENTS (action_choices))
    {
      query->action = action_choices[choice].action;
      query->printed = action_choices[choice].printed;
    }
  query->since = *since;
  query->until = *until;
  return TRUE;
}

static void
show_error (AmparoJournalWindow *self,
            const GError        *error)
{
  gtk_label_set_text (self->filter_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error), TRUE);
}

static void
load_page (AmparoJournalWindow *self)
{
  AmparoJournalQuery query;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !read_filters (self, &query, &since, &until))
    return;
  /* One more than a page tells whether there is a next one. */
  rows = amparo_store_query_journal (self->store, &query, self->n_shown, PAGE_SIZE + 1, &error);
  if (rows == NULL)
    {
      show_error (self, error);
      return;
    }
  self->more = rows->len > PAGE_SIZE;
  for (guint i = 0; i < MIN (rows->len, PAGE_SIZE); i++)
    gtk_list_box_append (self->journal_list, create_row (rows->pdata[i]));
  self->n_shown += MIN (rows->len, PAGE_SIZE);

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->more);
  gtk_stack_set_visible_child_name (self->results_stack, self->n_shown > 0 ? "list" : "empty");
}

static void
on_filter_changed_cb (AmparoJournalWindow *self)
{
  amparo_journal_window_reload (self);
}

static void
on_more_clicked_cb (AmparoJournalWindow *self)
{
  load_page (self);
}

static void
on_export_response_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       AmparoJournalWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (amparo_journal_window_export_to (self, path, &error))
    /* Translators: %s is the file's name */
    message = g_strdup_printf (_("Journal saved as “%s”"), path);
  else
    message = g_strdup (error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_export_clicked_cb (AmparoJournalWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Journal"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("journal.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
amparo_journal_window_dispose (GObject *object)
{
  AmparoJournalWindow *self = (AmparoJournalWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_JOURNAL_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amparo_journal_window_parent_class)->dispose (object);
}

static void
amparo_journal_window_class_init (AmparoJournalWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_journal_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-journal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, record_entry);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, since_entry);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, until_entry);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, filter_error);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, journal_list);
  gtk_widget_class_bind_template_child (widget_class, AmparoJournalWindow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amparo_journal_window_init (AmparoJournalWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_journal_window_new:
 * @store: the case store whose journal to show
 *
 * Returns: (transfer none): a new window with the newest rows, owned
 *   by GTK like every toplevel
 */
AmparoJournalWindow *
amparo_journal_window_new (AmparoStore *store)
{
  AmparoJournalWindow *self = g_object_new (AMPARO_TYPE_JOURNAL_WINDOW, NULL);

  self->store = g_object_ref (store);
  amparo_journal_window_reload (self);
  return self;
}

/**
 * amparo_journal_window_reload:
 *
 * Reads the first page again with the filters as they are.
 */
void
amparo_journal_window_reload (AmparoJournalWindow *self)
{
  g_return_if_fail (AMPARO_IS_JOURNAL_WINDOW (self));

  amparo_list_box_trim (self->journal_list, 0);
  self->n_shown = 0;
  load_page (self);
}

/**
 * amparo_journal_window_get_n_shown:
 *
 * Returns: how many rows the list shows now
 */
guint
amparo_journal_window_get_n_shown (AmparoJournalWindow *self)
{
  g_return_val_if_fail (AMPARO_IS_JOURNAL_WINDOW (self), 0);

  return self->n_shown;
}

/**
 * amparo_journal_window_export_to:
 * @path: the CSV file to write (0600)
 *
 * Saves every row the filters select, not only the pages shown, and
 * journals the export.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_journal_window_export_to (AmparoJournalWindow  *self,
                                 const char           *path,
                                 GError              **error)
{
  AmparoJournalQuery query;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (AMPARO_IS_JOURNAL_WINDOW (self), FALSE);

  if (!read_filters (self, &query, &since, &until))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           gtk_label_get_text (self->filter_error));
      return FALSE;
    }
  if (!amparo_store_export_journal_csv (self->store, &query, path, NULL, error))
    return FALSE;
  amparo_journal_window_reload (self);
  return TRUE;
}
