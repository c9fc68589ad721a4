/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-press"

#include "config.h"

#include "amparo-press-page.h"

struct _AmparoPressPage
{
  AmparoSectionPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoPressPage, amparo_press_page, AMPARO_TYPE_SECTION_PAGE)

static void
amparo_press_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_PRESS_PAGE);

  G_OBJECT_CLASS (amparo_press_page_parent_class)->dispose (object);
}

static void
amparo_press_page_class_init (AmparoPressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_press_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/press/amparo-press-page.ui");
}

static void
amparo_press_page_init (AmparoPressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
