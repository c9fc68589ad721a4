/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-tooltip.h"

/**
 * amparo_tooltip_set:
 * @widget: a widget
 * @text: (nullable): what its tooltip says
 *
 * gtk_widget_set_tooltip_text(), without the pointer query that comes
 * with it. GTK 4.8 asks the display where the pointer is whenever a
 * visible widget's tooltip is set, so that a tooltip already showing is
 * updated; under X11 that is a round trip to the server (XIQueryPointer),
 * made before GTK notices the widget is in no window yet. A client page
 * sets some twenty tooltips on the rows it makes at each open (#14).
 * A widget in no window cannot be under the pointer: it is hidden while
 * its tooltip is set, which GTK takes as "nothing to update".
 */
void
amparo_tooltip_set (GtkWidget  *widget,
                    const char *text)
{
  gboolean unshown;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  unshown = gtk_widget_get_visible (widget) && gtk_widget_get_root (widget) == NULL;
  if (unshown)
    gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  if (unshown)
    gtk_widget_set_visible (widget, TRUE);
}
