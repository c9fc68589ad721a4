/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demand-row.h"

#include <glib/gi18n.h>

#include "amparo-demands-util.h"
#include "amparo-language.h"

/* One demand in the list: its wording in the UI language, its status as a
 * coloured badge, to whom it is addressed, and how often and when
 * statements made it. Only rows on screen exist, so the few lookups a row
 * makes cost little. */

struct _AmparoDemandRow
{
  GtkBox     parent_instance;

  GtkLabel  *text_label;
  GtkWidget *status_badge;
  GtkWidget *missing_badge;
  GtkWidget *edited_badge;
  GtkLabel  *target_label;
  GtkLabel  *statements_label;
};

G_DEFINE_FINAL_TYPE (AmparoDemandRow, amparo_demand_row, GTK_TYPE_BOX)

static char *
format_statements (AmparoStore  *store,
                   AmparoDemand *demand)
{
  g_autofree char *first = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *latest_text = NULL;
  guint n = amparo_demands_count_statements (store, demand, &first, &latest);

  if (first == NULL)
    return g_strdup (_("Not stated in any release yet"));

  first_text = amparo_demands_format_date (first);
  latest_text = amparo_demands_format_date (latest);
  if (n <= 1 || g_strcmp0 (first, latest) == 0)
    /* Translators: %u is how many releases stated the demand, %s a date */
    return g_strdup_printf (ngettext ("%u statement · %s", "%u statements · %s", n),
                            n, first_text);
  /* Translators: "3 statements · Feb 3, 2021 – Dec 14, 2023": how many
   * releases stated the demand, the first and the latest date */
  return g_strdup_printf (ngettext ("%u statement · %s – %s", "%u statements · %s – %s", n),
                          n, first_text, latest_text);
}

static const char *
missing_label (const char *language)
{
  if (g_strcmp0 (language, "es") == 0)
    /* Translators: a badge: this demand has no Spanish wording yet */
    return C_("badge", "Spanish missing");
  /* Translators: a badge: this demand has no English wording yet */
  return C_("badge", "English missing");
}

static void
amparo_demand_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_DEMAND_ROW);

  G_OBJECT_CLASS (amparo_demand_row_parent_class)->dispose (object);
}

static void
amparo_demand_row_class_init (AmparoDemandRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_demand_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/demands/amparo-demand-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandRow, missing_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandRow, edited_badge);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandRow, target_label);
  gtk_widget_class_bind_template_child (widget_class, AmparoDemandRow, statements_label);
}

static void
amparo_demand_row_init (AmparoDemandRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
amparo_demand_row_new (void)
{
  return g_object_new (AMPARO_TYPE_DEMAND_ROW, NULL);
}

/**
 * amparo_demand_row_bind:
 * @demand: the demand to show
 *
 * Shows @demand's wording, status, target and statements.
 */
void
amparo_demand_row_bind (AmparoDemandRow *self,
                        AmparoStore     *store,
                        AmparoDemand    *demand)
{
  const char *language = amparo_language_get ();
  gboolean missing = FALSE;
  const char *text = amparo_demands_get_text (demand, language, &missing);
  g_autofree char *statements = format_statements (store, demand);

  g_return_if_fail (AMPARO_IS_DEMAND_ROW (self));

  gtk_label_set_text (self->text_label, *text != '\0' ? text : _("(No wording yet)"));
  gtk_widget_set_visible (self->missing_badge, missing);
  gtk_label_set_text (GTK_LABEL (self->missing_badge), missing_label (language));
  amparo_demands_style_badge (self->status_badge, amparo_demand_get_status (demand));
  gtk_label_set_text (self->target_label,
                      amparo_enum_get_label (AMPARO_TYPE_DEMAND_TARGET, amparo_demand_get_target (demand)));
  gtk_label_set_text (self->statements_label, statements);
}

/**
 * amparo_demand_row_set_edited:
 * @edited: whether the demand has edits that are not saved yet
 */
void
amparo_demand_row_set_edited (AmparoDemandRow *self,
                              gboolean         edited)
{
  g_return_if_fail (AMPARO_IS_DEMAND_ROW (self));

  gtk_widget_set_visible (self->edited_badge, edited);
}
