/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demand-update-row.h"

#include <glib/gi18n.h>

#include "amparo-date-format.h"
#include "amparo-demands-util.h"
#include "amparo-language.h"

/* One dated status change in a demand's timeline: the date, the new
 * status, the note in both languages (each marked, so a missing one is
 * visible) and the source. */

struct _AmparoDemandUpdateRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *date_label;
  GtkWidget     *status_badge;
  GtkLabel      *note_en_label;
  GtkLabel      *note_es_label;
  GtkLabel      *source_label;
};

G_DEFINE_FINAL_TYPE (AmparoDemandUpdateRow, amparo_demand_update_row, GTK_TYPE_LIST_BOX_ROW)

static void
show_note (GtkLabel   *label,
           const char *note)
{
  if (note == NULL || *note == '\0')
    {
      gtk_label_set_text (label, _("No note in this language"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    gtk_label_set_text (label, note);
}

static gboolean
is_web_address (const char *url)
{
  return g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://");
}

static void
show_source (GtkLabel   *label,
             const char *url)
{
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), url != NULL && *url != '\0');
  if (url == NULL || *url == '\0')
    return;
  /* Only web addresses become links; anything else stays plain text. */
  if (is_web_address (url))
    /* Translators: %s is a web address, shown as a link */
    markup = g_markup_printf_escaped (_("Source: <a href=\"%s\">%s</a>"), url, url);
  else
    markup = g_markup_printf_escaped (_("Source: %s"), url);
  gtk_label_set_markup (label, markup);
}

static void
amparo_demand_update_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_DEMAND_UPDATE_ROW);

  G_OBJECT_CLASS (amparo_demand_update_row_parent_class)->dispose (object);
}

static void
amparo_demand_update_row_class_init (AmparoDemandUpdateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_demand_update_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/demands/amparo-demand-update-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateRow, note_en_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateRow, note_es_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandUpdateRow, source_label);
}

static void
amparo_demand_update_row_init (AmparoDemandUpdateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amparo_demand_update_row_new:
 * @update: the update to show
 *
 * Returns: (transfer floating): a row showing @update
 */
GtkWidget *
amparo_demand_update_row_new (AmparoDemandUpdate *update)
{
  AmparoDemandUpdateRow *self = g_object_new (AMPARO_TYPE_DEMAND_UPDATE_ROW, NULL);
  const char *date = amparo_demand_update_get_update_date (update);
  g_autofree char *when = NULL;

  when = date != NULL && *date != '\0'
    ? amparo_date_format_iso (date, amparo_language_get (), AMPARO_DATE_LONG)
    : g_strdup (_("Undated"));
  gtk_label_set_text (self->date_label, when);
  amparo_demands_style_badge (self->status_badge, amparo_demand_update_get_status (update));
  show_note (self->note_en_label, amparo_demand_update_get_note_en (update));
  show_note (self->note_es_label, amparo_demand_update_get_note_es (update));
  show_source (self->source_label, amparo_demand_update_get_source_url (update));
  return GTK_WIDGET (self);
}
