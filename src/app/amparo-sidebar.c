/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-sidebar.h"

/* The list side of a section's list-detail layout. It is always
 * AMPARO_SIDEBAR_WIDTH wide, whatever its content asks for, so the list
 * does not widen with longer Spanish labels or differ from section to
 * section; its content wraps or ellipsizes within it. */

struct _AmparoSidebar
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoSidebar, amparo_sidebar, ADW_TYPE_BIN)

static void
amparo_sidebar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum_baseline = *natural_baseline = -1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = AMPARO_SIDEBAR_WIDTH;
      return;
    }
  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, AMPARO_SIDEBAR_WIDTH, minimum, natural, NULL, NULL);
}

static void
amparo_sidebar_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  int min_width, min_height;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  /* A folded leaflet may hand the hidden list less than it needs: the
   * child gets at least its minimum and is clipped, never a negative size. */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  width = MAX (width, min_width);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  gtk_widget_allocate (child, width, MAX (height, min_height), baseline, NULL);
}

static void
amparo_sidebar_class_init (AmparoSidebarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = amparo_sidebar_measure;
  widget_class->size_allocate = amparo_sidebar_size_allocate;
}

static void
amparo_sidebar_init (AmparoSidebar *self)
{
  /* AdwBin measures through a layout manager, which would win over the
   * vfuncs: this widget measures and allocates itself. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);
}
