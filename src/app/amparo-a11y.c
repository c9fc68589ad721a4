/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-a11y.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* GTK 4.8 and libadwaita 1.2 build a few controls of their own with no
 * accessible name, so a screen reader says only "button" or "entry":
 * the search bar's close button, the preferences window's search entry
 * a password row's show/hide button and an expander row's enable switch
 * (named after its row). Our templates cannot reach them,
 * so they are named here, once their parent is built. tests/a11y checks
 * that every control on the accessibility bus has a name. */

static gboolean
has_icon (GtkWidget  *widget,
          const char *name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), name) == 0;
}

static const char *
builtin_name (GtkWidget *widget)
{
  GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  if (GTK_IS_SWITCH (widget) && expander != NULL)
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander));
  if (has_icon (widget, "window-close-symbolic") &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL)
    return _("Close Search");
  if ((has_icon (widget, "view-reveal-symbolic") || has_icon (widget, "view-conceal-symbolic")) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL)
    return _("Show or Hide the Password");
  if (GTK_IS_SEARCH_ENTRY (widget) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
    return _("Search");
  return NULL;
}

/**
 * amparo_a11y_name_builtin_controls:
 * @root: a widget whose descendants are all built
 *
 * Gives an accessible name, in the interface language, to the toolkit's
 * own unnamed controls among @root's descendants.
 */
void
amparo_a11y_name_builtin_controls (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = builtin_name (child);

      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      amparo_a11y_name_builtin_controls (child);
    }
}
