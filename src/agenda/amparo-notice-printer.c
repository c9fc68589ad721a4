/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-agenda"

#include "config.h"

#include "amparo-notice-printer.h"
#include "amparo-private-file.h"

#include <glib/gi18n.h>

#include "amparo-agenda-util.h"
#include "amparo-client-notice.h"

/* "Print for client": asks which language the client reads (the notice
 * does not follow the interface's language), then prints the one-page
 * notice through GtkPrintOperation, whose dialog also saves it as PDF.
 * The client page's "section.print" calls amparo_notice_printer_run(). */

struct _AmparoNoticePrinter
{
  GObject       parent_instance;

  AmparoStore  *store;
  AmparoPerson *person;
  char         *language;
};

G_DEFINE_FINAL_TYPE (AmparoNoticePrinter, amparo_notice_printer, G_TYPE_OBJECT)

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
on_draw_page_cb (GtkPrintOperation   *operation,
                 GtkPrintContext     *context,
                 int                  page_nr,
                 AmparoNoticePrinter *self)
{
  /* The context is in points by default; the notice is laid out in
   * points and fills the printable area. */
  amparo_client_notice_render (self->store, self->person, self->language,
                               gtk_print_context_get_cairo_context (context),
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context));
}

static void
on_language_chosen_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(AmparoNoticePrinter) self = user_data;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "en") != 0 && g_strcmp0 (response, "es") != 0)
    return;
  g_free (self->language);
  self->language = g_strdup (response);
  if (amparo_notice_printer_print (self, parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      parent != NULL)
    amparo_show_toast (GTK_WIDGET (parent), error->message);
}

static void
amparo_notice_printer_dispose (GObject *object)
{
  AmparoNoticePrinter *self = (AmparoNoticePrinter *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (amparo_notice_printer_parent_class)->dispose (object);
}

static void
amparo_notice_printer_finalize (GObject *object)
{
  AmparoNoticePrinter *self = (AmparoNoticePrinter *)object;

  g_free (self->language);

  G_OBJECT_CLASS (amparo_notice_printer_parent_class)->finalize (object);
}

static void
amparo_notice_printer_class_init (AmparoNoticePrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amparo_notice_printer_dispose;
  object_class->finalize = amparo_notice_printer_finalize;
}

static void
amparo_notice_printer_init (AmparoNoticePrinter *self)
{
}

/**
 * amparo_notice_printer_new:
 * @language: "en" or "es": the client's language
 *
 * Returns: (transfer full): a printer for @person's notice
 */
AmparoNoticePrinter *
amparo_notice_printer_new (AmparoStore  *store,
                           AmparoPerson *person,
                           const char   *language)
{
  AmparoNoticePrinter *self = g_object_new (AMPARO_TYPE_NOTICE_PRINTER, NULL);

  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  self->language = g_strdup (language);
  return self;
}

/**
 * amparo_notice_printer_file_basename:
 * @language: the notice's language
 *
 * Returns: (transfer full): the name offered for the file, without its
 *   extension: "Notice José Núñez 2026-12-01" ("Aviso …" in Spanish)
 */
char *
amparo_notice_printer_file_basename (AmparoPerson *person,
                                     const char   *language)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = g_strdup_printf ("%s %s %s %s",
                                           g_str_has_prefix (language, "es") ? "Aviso" : "Notice",
                                           amparo_person_get_given_names (person) ?: "",
                                           amparo_person_get_family_names (person) ?: "", day);

  /* A name is one line, but a slash would still make a folder. */
  g_strdelimit (text, "/\\:", '-');
  return g_strstrip (g_steal_pointer (&text));
}

/**
 * amparo_notice_printer_print:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Shows the print dialog and prints (or saves as PDF) the notice;
 * journals it when printed.
 *
 * Returns: the operation's result
 */
GtkPrintOperationResult
amparo_notice_printer_print (AmparoNoticePrinter  *self,
                             GtkWindow            *parent,
                             GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *name = g_strdup_printf ("%s %s", amparo_person_get_given_names (self->person) ?: "",
                                           amparo_person_get_family_names (self->person) ?: "");
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *basename = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (AMPARO_IS_NOTICE_PRINTER (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  gtk_print_operation_set_job_name (operation, name);
  /* "Print to File" offers the client's name and the day, not "output". */
  settings = gtk_print_settings_new ();
  basename = amparo_notice_printer_file_basename (self->person, self->language);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY &&
      !amparo_client_notice_journal (self->store, self->person, self->language, "printed", error))
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  return result;
}

static gboolean
journal_export_cb (const char  *path,
                   gpointer     user_data,
                   GError     **error)
{
  AmparoNoticePrinter *self = user_data;

  return amparo_client_notice_journal (self->store, self->person, self->language, path, error);
}

/**
 * amparo_notice_printer_export:
 * @path: the PDF file to write
 *
 * Runs the same print operation without a dialog, into a PDF file.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_notice_printer_export (AmparoNoticePrinter  *self,
                              const char           *path,
                              GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *temp = NULL;

  g_return_val_if_fail (AMPARO_IS_NOTICE_PRINTER (self), FALSE);

  /* 0600, and only once journaled (amparo-private-file.c, reliability #11). */
  if (!(temp = amparo_private_file_begin (path, error)))
    return FALSE;
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_export_filename (operation, temp);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      amparo_private_file_abort (temp);
      return FALSE;
    }
  return amparo_private_file_finish (temp, path, journal_export_cb, self, error);
}

/**
 * amparo_notice_printer_run:
 * @widget: a widget in the window that asks (the client page)
 *
 * Asks in which language, English or Spanish, the notice should be, the
 * client's usual one suggested, then prints it.
 */
void
amparo_notice_printer_run (GtkWidget    *widget,
                           AmparoStore  *store,
                           AmparoPerson *person)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *guess = amparo_client_notice_guess_language (person);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Print for Client"),
                                   _("The notice lists the client’s next hearings and appointments, what to bring, and how to reach us. In which language should it be printed?"));
  /* Said before printing, while it can still be fixed. */
  if (amparo_client_notice_contact_missing (store))
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                    _("The notice lists the client’s next hearings and appointments, what to bring, and how to reach us. In which language should it be printed?"),
                                    _("The organization’s phone, email and address are not set (Preferences, Organization), so the notice gives the assigned staff member’s name and a line to write the phone number on."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Each language is named in itself. */
                                    "en", "English",
                                    "es", "Español",
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), guess,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), guess);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_language_chosen_cb),
                    amparo_notice_printer_new (store, person, guess));
  gtk_window_present (GTK_WINDOW (dialog));
}
