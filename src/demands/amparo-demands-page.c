/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-demands"

#include "config.h"

#include "amparo-demands-page.h"

struct _AmparoDemandsPage
{
  AmparoSectionPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoDemandsPage, amparo_demands_page, AMPARO_TYPE_SECTION_PAGE)

static void
amparo_demands_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_DEMANDS_PAGE);

  G_OBJECT_CLASS (amparo_demands_page_parent_class)->dispose (object);
}

static void
amparo_demands_page_class_init (AmparoDemandsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_demands_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/demands/amparo-demands-page.ui");
}

static void
amparo_demands_page_init (AmparoDemandsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
