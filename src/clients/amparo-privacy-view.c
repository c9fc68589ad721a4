/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-privacy-view.h"

#include <glib/gi18n.h>

#include "amparo-client-notice.h"
#include "amparo-clients-util.h"
#include "amparo-date-format.h"
#include "amparo-iso-codes.h"
#include "amparo-iso-picker.h"
#include "amparo-language.h"

/* The window turned toward the client at the front desk (privacy, #17):
 * only this person's own record, large, in their language. Left out on
 * purpose: the client list, every other name (family, aliases, judges,
 * staff), notes, and anything staff wrote for staff. Leaving needs the
 * staff member: a click, then a number typed in a question in the
 * staff's language, which a client does not do by accident. */

#define MAX_DATES 6

struct _AmparoPrivacyView
{
  AdwBin        parent_instance;

  char         *language;
  char         *leave_code;
  int           n_details;

  GtkLabel     *name_label;
  GtkGrid      *details_grid;
  GtkBox       *dates_box;
  GtkButton    *leave_button;
};

G_DEFINE_FINAL_TYPE (AmparoPrivacyView, amparo_privacy_view, ADW_TYPE_BIN)

enum {
  SIGNAL_LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
big_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A caption over its value, both large; two per line where there is room
 * would split a date from its caption at 600 px, so one per line. */
static void
add_detail (AmparoPrivacyView *self,
            const char        *caption,
            const char        *value)
{
  GtkWidget *box;

  if (value == NULL || *value == '\0')
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), big_label (caption, "title-4"));
  gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");
  gtk_box_append (GTK_BOX (box), big_label (value, "title-2"));
  gtk_grid_attach (self->details_grid, box, 0, self->n_details++, 1, 1);
}

static void
fill_details (AmparoPrivacyView *self,
              AmparoPerson      *person)
{
  g_autofree char *name = g_strjoin (" ", amparo_person_get_given_names (person) ?: "",
                                     amparo_person_get_family_names (person) ?: "", NULL);
  g_autofree char *birth = amparo_date_format_iso (amparo_person_get_birth_date (person),
                                                   self->language, AMPARO_DATE_LONG);
  g_autofree char *country = amparo_iso_codes_display (AMPARO_ISO_COUNTRIES,
                                                       amparo_person_get_country_of_birth (person));
  g_autofree char *languages = amparo_iso_picker_display_list (AMPARO_ISO_LANGUAGES,
                                                               amparo_person_get_languages (person));
  g_autofree char *a_number = amparo_person_get_a_number (person) != NULL
    ? amparo_a_number_format (amparo_person_get_a_number (person)) : NULL;

  gtk_label_set_text (self->name_label, g_strstrip (name));
  add_detail (self, _("Date of birth"), birth);
  add_detail (self, _("Country of birth"), country);
  add_detail (self, _("Languages"), languages);
  add_detail (self, _("A-Number"), a_number);
}

static GtkWidget *
create_date (AmparoStore       *store,
             AmparoPrivacyView *self,
             AmparoEvent       *event)
{
  const char *starts_at = amparo_event_get_starts_at (event);
  g_autofree char *date = amparo_date_format_iso (starts_at, self->language, AMPARO_DATE_WEEKDAY);
  g_autofree char *kind = NULL;
  g_autoptr(AmparoProceeding) proceeding = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *time = strchr (starts_at ?: "", 'T');

  if (amparo_event_get_proceeding_id (event) != 0)
    proceeding = amparo_store_get_by_id (store, AMPARO_TYPE_PROCEEDING,
                                         amparo_event_get_proceeding_id (event), NULL);
  kind = amparo_event_get_kind (event) == AMPARO_EVENT_KIND_BENEFIT_END
    ? amparo_event_dup_title (store, event, self->language)
    : g_strdup (amparo_clients_enum_label (AMPARO_TYPE_EVENT_KIND, amparo_event_get_kind (event)));

  if (time != NULL)
    {
      /* Translators: a date in the client's view: "<day and date>, <time>" */
      g_autofree char *with_time = g_strdup_printf (_("%s, %s"), date ?: starts_at, time + 1);

      g_free (date);
      date = g_steal_pointer (&with_time);
    }
  gtk_box_append (GTK_BOX (box), big_label (date ?: starts_at, "title-2"));
  gtk_box_append (GTK_BOX (box), big_label (kind ?: "", "title-4"));
  if (amparo_event_get_place (event) != NULL && *amparo_event_get_place (event) != '\0')
    gtk_box_append (GTK_BOX (box), big_label (amparo_event_get_place (event), "title-4"));
  if (proceeding != NULL && amparo_proceeding_get_court (proceeding) != NULL)
    gtk_box_append (GTK_BOX (box), big_label (amparo_proceeding_get_court (proceeding), "title-4"));
  return box;
}

static void
fill_dates (AmparoPrivacyView *self,
            AmparoStore       *store,
            AmparoPerson      *person)
{
  g_autoptr(GPtrArray) events = amparo_client_notice_list_events (store, person);

  for (guint i = 0; i < MIN (events->len, MAX_DATES); i++)
    gtk_box_append (self->dates_box, create_date (store, self, events->pdata[i]));
  if (events->len == 0)
    gtk_box_append (self->dates_box, big_label (_("No dates are planned right now."), "title-4"));
}

static void
on_code_changed_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  AmparoPrivacyView *self = g_object_get_data (G_OBJECT (dialog), "privacy-view");
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "leave", g_str_equal (typed, self->leave_code));
}

static void
on_leave_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      AmparoPrivacyView *self)
{
  /* A response can be sent to a disabled button by code; check again. */
  if (g_str_equal (response, "leave") && adw_message_dialog_get_response_enabled (dialog, "leave"))
    g_signal_emit (self, signals[SIGNAL_LEAVE], 0);
}

static void
on_leave_clicked_cb (AmparoPrivacyView *self)
{
  AdwMessageDialog *dialog = amparo_privacy_view_ask_to_leave (self);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amparo_privacy_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_PRIVACY_VIEW);

  G_OBJECT_CLASS (amparo_privacy_view_parent_class)->dispose (object);
}

static void
amparo_privacy_view_finalize (GObject *object)
{
  AmparoPrivacyView *self = (AmparoPrivacyView *)object;

  g_free (self->language);
  g_free (self->leave_code);

  G_OBJECT_CLASS (amparo_privacy_view_parent_class)->finalize (object);
}

static void
amparo_privacy_view_class_init (AmparoPrivacyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_privacy_view_dispose;
  object_class->finalize = amparo_privacy_view_finalize;

  /**
   * AmparoPrivacyView::leave:
   *
   * The staff member confirmed they are back: show the staff view again.
   */
  signals[SIGNAL_LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/clients/amparo-privacy-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoPrivacyView, name_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoPrivacyView, details_grid);
  gtk_widget_class_bind_template_child (widget_class, AmparoPrivacyView, dates_box);
  gtk_widget_class_bind_template_child (widget_class, AmparoPrivacyView, leave_button);
  gtk_widget_class_bind_template_callback (widget_class, on_leave_clicked_cb);
}

static void
amparo_privacy_view_init (AmparoPrivacyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->leave_code = g_strdup_printf ("%04d", g_random_int_range (1000, 10000));
}

/**
 * amparo_privacy_language_for:
 *
 * Returns: the language the client's view is shown in, "en" or "es":
 *   the first of the person's languages the app speaks, else Spanish
 */
const char *
amparo_privacy_language_for (AmparoPerson *person)
{
  return amparo_client_notice_guess_language (person);
}

/**
 * amparo_privacy_view_new:
 * @person: the client at the desk, as saved
 *
 * Builds the view in @person's language. gettext has one language per
 * process, so the client's is put in force while the view is built and
 * the staff's put back before this returns: the window and everything
 * built later stay in the staff's language.
 *
 * Returns: (transfer full): a new view
 */
AmparoPrivacyView *
amparo_privacy_view_new (AmparoStore  *store,
                         AmparoPerson *person)
{
  g_autofree char *staff_language = g_strdup (amparo_language_get ());
  const char *client_language = amparo_privacy_language_for (person);
  AmparoPrivacyView *self;
  g_autofree char *leave = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  if (!g_str_equal (client_language, staff_language))
    amparo_language_set (client_language);
  self = g_object_ref_sink (g_object_new (AMPARO_TYPE_PRIVACY_VIEW, NULL));
  self->language = g_strdup (client_language);
  fill_details (self, person);
  fill_dates (self, store, person);
  if (!g_str_equal (client_language, staff_language))
    amparo_language_set (staff_language);

  /* The one thing here for the staff member, in their language. */
  gtk_button_set_label (self->leave_button, _("Staff: _Return to Amparo…"));
  return self;
}

/**
 * amparo_privacy_view_get_language:
 *
 * Returns: the language the view was built in
 */
const char *
amparo_privacy_view_get_language (AmparoPrivacyView *self)
{
  g_return_val_if_fail (AMPARO_IS_PRIVACY_VIEW (self), NULL);

  return self->language;
}

/**
 * amparo_privacy_view_get_leave_code:
 *
 * Returns: the number the staff member types to leave (tests)
 */
const char *
amparo_privacy_view_get_leave_code (AmparoPrivacyView *self)
{
  g_return_val_if_fail (AMPARO_IS_PRIVACY_VIEW (self), NULL);

  return self->leave_code;
}

/**
 * amparo_privacy_view_ask_to_leave:
 *
 * The question that ends the view, in the staff's language: its Return
 * button stays disabled until the number it shows is typed.
 *
 * Returns: (transfer none): the dialog, not yet shown; it closes itself
 */
AdwMessageDialog *
amparo_privacy_view_ask_to_leave (AmparoPrivacyView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_val_if_fail (AMPARO_IS_PRIVACY_VIEW (self), NULL);

  /* Translators: %s is a four-digit number shown to the staff member */
  body = g_strdup_printf (_("Type %s to show the client list again. The number keeps the client view "
                            "from closing by accident."), self->leave_code);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Return to the Staff View?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "stay", _("_Stay Here"),
                                    "leave", _("_Return"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "leave", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "stay");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "stay");

  entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The number shown above"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "privacy-view", self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_code_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response_cb), self, 0);
  return ADW_MESSAGE_DIALOG (dialog);
}
