/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-width-first-layout.h"

#include <adwaita.h>

/* Lays a box out exactly as its own GtkBoxLayout does, except that it
 * never works out how wide the box would be at a given height.
 *
 * A horizontal GtkBox asks each child, at every allocation, how wide it
 * must be at the box's height. An action row's title (a vertical box of
 * two wrapping labels) passes the question to its labels, and a wrapping
 * GtkLabel answers it by a binary search: its text laid out at a dozen
 * widths. On a client page's panels that was three quarters of the time
 * it took to draw them (docs/decisions.md). The title is height-for-width:
 * how wide it may be does not depend on the height it gets, so its width
 * is the one it has at any height. */

struct _AmparoWidthFirstLayout
{
  GtkLayoutManager  parent_instance;

  GtkLayoutManager *box_layout;   /* the box's own, which does the work */
};

G_DEFINE_FINAL_TYPE (AmparoWidthFirstLayout, amparo_width_first_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
amparo_width_first_layout_get_request_mode (GtkLayoutManager *manager,
                                            GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
amparo_width_first_layout_measure (GtkLayoutManager *manager,
                                   GtkWidget        *widget,
                                   GtkOrientation    orientation,
                                   int               for_size,
                                   int              *minimum,
                                   int              *natural,
                                   int              *minimum_baseline,
                                   int              *natural_baseline)
{
  AmparoWidthFirstLayout *self = AMPARO_WIDTH_FIRST_LAYOUT (manager);

  gtk_layout_manager_measure (self->box_layout, widget, orientation,
                              orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
amparo_width_first_layout_allocate (GtkLayoutManager *manager,
                                    GtkWidget        *widget,
                                    int               width,
                                    int               height,
                                    int               baseline)
{
  AmparoWidthFirstLayout *self = AMPARO_WIDTH_FIRST_LAYOUT (manager);

  gtk_layout_manager_allocate (self->box_layout, widget, width, height, baseline);
}

static void
amparo_width_first_layout_finalize (GObject *object)
{
  AmparoWidthFirstLayout *self = AMPARO_WIDTH_FIRST_LAYOUT (object);

  g_clear_object (&self->box_layout);

  G_OBJECT_CLASS (amparo_width_first_layout_parent_class)->finalize (object);
}

static void
amparo_width_first_layout_class_init (AmparoWidthFirstLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->finalize = amparo_width_first_layout_finalize;
  layout_class->get_request_mode = amparo_width_first_layout_get_request_mode;
  layout_class->measure = amparo_width_first_layout_measure;
  layout_class->allocate = amparo_width_first_layout_allocate;
}

static void
amparo_width_first_layout_init (AmparoWidthFirstLayout *self)
{
}

/**
 * amparo_width_first_layout_adopt:
 * @box: a vertical #GtkBox whose width does not depend on its height
 *
 * Has @box laid out by its own layout, never asked its width for a
 * height. Nothing may read or change @box's orientation, spacing or
 * homogeneity afterwards: GtkBox keeps them in its own layout, and would
 * find this one (libadwaita 1.2 does neither to a row's title).
 */
void
amparo_width_first_layout_adopt (GtkWidget *box)
{
  AmparoWidthFirstLayout *self;

  g_return_if_fail (GTK_IS_BOX (box));

  if (!GTK_IS_BOX_LAYOUT (gtk_widget_get_layout_manager (box)))
    return;
  self = g_object_new (AMPARO_TYPE_WIDTH_FIRST_LAYOUT, NULL);
  self->box_layout = g_object_ref (gtk_widget_get_layout_manager (box));
  gtk_widget_set_layout_manager (box, GTK_LAYOUT_MANAGER (self));
}

/* An action row's title: the vertical box of its title and subtitle,
 * in its header (libadwaita 1.2's row → header → title box). */
static GtkWidget *
find_title_box (GtkWidget *row)
{
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  if (header == NULL || !gtk_widget_has_css_class (header, "header"))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* Asked of the layout: a GtkBox keeps its orientation there, and
       * one already adopted has none (a row is realized again after it
       * is moved). */
      GtkLayoutManager *layout = gtk_widget_get_layout_manager (child);

      if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title") && GTK_IS_BOX_LAYOUT (layout)
          && gtk_orientable_get_orientation (GTK_ORIENTABLE (layout)) == GTK_ORIENTATION_VERTICAL)
        return child;
    }
  return NULL;
}

static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                 guint                  n_values,
                 const GValue          *values,
                 gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *title;

  if (ADW_IS_ACTION_ROW (widget) && (title = find_title_box (widget)) != NULL)
    amparo_width_first_layout_adopt (title);
  return TRUE;
}

/**
 * amparo_width_first_layout_install:
 *
 * Gives the title of every action row the app shows a width-first
 * layout, as each row is realized (before its first layout on screen).
 * Call it once, at start-up.
 */
void
amparo_width_first_layout_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does; the class stays. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  on_realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
