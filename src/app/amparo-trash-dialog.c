/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-trash-dialog.h"
#include "amparo-list-box.h"

#include <glib/gi18n.h>

/* The Trash of everything that is not a person (persons have their own
 * Trash in the client list): the parts of client records deleted from
 * the client page, press releases and demands. Each can be restored;
 * the toast's Undo sends it back. */

struct _AmparoTrashDialog
{
  AdwWindow        parent_instance;

  AmparoStore     *store;
  gulong           changed_handler;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *items_list;
};

G_DEFINE_FINAL_TYPE (AmparoTrashDialog, amparo_trash_dialog, ADW_TYPE_WINDOW)

static const char *
kind_label (AmparoRecord *record)
{
  if (AMPARO_IS_EVENT (record)) return _("Date");
  if (AMPARO_IS_CONTACT (record)) return _("Contact");
  if (AMPARO_IS_LOCATION (record)) return _("Place");
  if (AMPARO_IS_RELATIONSHIP (record)) return _("Family link");
  if (AMPARO_IS_EVIDENCE (record)) return _("Evidence");
  if (AMPARO_IS_PROCEEDING (record)) return _("Proceeding");
  if (AMPARO_IS_MEMBERSHIP (record)) return _("Class membership");
  if (AMPARO_IS_RELEASE (record)) return _("Press release");
  if (AMPARO_IS_DEMAND (record)) return _("Demand");
  if (AMPARO_IS_DOCUMENT (record)) return _("Document");  /* documents (#18) */
  return "";
}

/* A few words that say which record it is. */
static const char *
describe (AmparoRecord *record)
{
  static const char *properties[] = { "title", "title-en", "title-es", "value", "facility", "case-number", "place",
                                      "description", "text-en", "text-es", "starts-at", "notes",
                                      "file-name" /* documents (#18) */ };
  g_autoptr(GTypeClass) klass = g_type_class_ref (G_OBJECT_TYPE (record));

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    if (g_object_class_find_property (G_OBJECT_CLASS (klass), properties[i]) != NULL
        && amparo_record_get_string (record, properties[i]) != NULL)
      return amparo_record_get_string (record, properties[i]);
  return amparo_record_get_uid (record);
}

static void refresh (AmparoTrashDialog *self);

static void
on_undo_cb (AdwToast     *toast,
            AmparoRecord *record)
{
  AmparoStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  if (!amparo_store_delete (store, record, &error))
    g_warning ("Could not undo the restore: %s", error->message);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmparoTrashDialog *self = AMPARO_TRASH_DIALOG (widget);
  const char *type_name = NULL, *uid = NULL;
  g_autoptr(AmparoRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_variant_get (parameter, "(&s&s)", &type_name, &uid);
  record = amparo_store_get_by_uid (self->store, g_type_from_name (type_name), uid, &error);
  if (record == NULL || !amparo_store_restore (self->store, record, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  toast = adw_toast_new (_("Restored"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_cb),
                         g_object_ref (record), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
create_row (AmparoRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *subtitle = NULL;
  g_autofree char *when = g_strndup (amparo_record_get_deleted_at (record), 10);

  /* Translators: a record in the Trash, "Date · deleted 2026-12-01" */
  subtitle = g_strdup_printf (_("%s · deleted %s"), kind_label (record), when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), describe (record));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "trash.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)",
                                    G_OBJECT_TYPE_NAME (record), amparo_record_get_uid (record));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
refresh (AmparoTrashDialog *self)
{
  const GType kinds[] = {
    AMPARO_TYPE_EVENT, AMPARO_TYPE_CONTACT, AMPARO_TYPE_LOCATION, AMPARO_TYPE_RELATIONSHIP,
    AMPARO_TYPE_EVIDENCE, AMPARO_TYPE_PROCEEDING, AMPARO_TYPE_MEMBERSHIP,
    AMPARO_TYPE_RELEASE, AMPARO_TYPE_DEMAND,
    AMPARO_TYPE_DOCUMENT,  /* documents (#18) */
  };

  amparo_list_box_trim (self->items_list, 0);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GListModel) trash = amparo_store_list (self->store, kinds[k], AMPARO_LIST_TRASH);
      /* The Trash shows the most recent; the rest stay there. */
      guint n = MIN (g_list_model_get_n_items (trash), 200);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AmparoRecord) record = g_list_model_get_item (trash, i);

          gtk_list_box_append (self->items_list, create_row (record));
        }
    }
}

static void
on_record_changed_cb (AmparoTrashDialog *self)
{
  refresh (self);
}

static void
amparo_trash_dialog_dispose (GObject *object)
{
  AmparoTrashDialog *self = (AmparoTrashDialog *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMPARO_TYPE_TRASH_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (amparo_trash_dialog_parent_class)->dispose (object);
}

static void
amparo_trash_dialog_class_init (AmparoTrashDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_trash_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "trash.restore", "(ss)", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/app/amparo-trash-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoTrashDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmparoTrashDialog, items_list);
}

static void
amparo_trash_dialog_init (AmparoTrashDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_trash_dialog_new:
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AmparoTrashDialog *
amparo_trash_dialog_new (GtkWindow   *parent,
                         AmparoStore *store)
{
  AmparoTrashDialog *self = g_object_new (AMPARO_TYPE_TRASH_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect_object (store, "record-changed",
                                                   G_CALLBACK (on_record_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
