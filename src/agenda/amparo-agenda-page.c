/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-agenda"

#include "config.h"

#include "amparo-agenda-page.h"

struct _AmparoAgendaPage
{
  AmparoSectionPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoAgendaPage, amparo_agenda_page, AMPARO_TYPE_SECTION_PAGE)

static void
amparo_agenda_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMPARO_TYPE_AGENDA_PAGE);

  G_OBJECT_CLASS (amparo_agenda_page_parent_class)->dispose (object);
}

static void
amparo_agenda_page_class_init (AmparoAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amparo_agenda_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amparo/Amparo/ui/agenda/amparo-agenda-page.ui");
}

static void
amparo_agenda_page_init (AmparoAgendaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
