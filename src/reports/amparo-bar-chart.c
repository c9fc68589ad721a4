/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-reports"

#include "config.h"

#include "amparo-bar-chart.h"

#include <glib/gi18n.h>

/* One row a bar, so labels of any length (program names, outcomes as
 * written) read left to right and the chart folds to any width: the
 * label column takes at most 45% and ellipsizes. */

#define ROW_HEIGHT 30
#define BAR_HEIGHT 18
#define GAP 8
#define MIN_BAR_WIDTH 40

typedef struct
{
  char  *key;
  char  *label;
  gint64 value;
} Bar;

struct _AmparoBarChart
{
  GtkDrawingArea parent_instance;

  GArray *bars;
  char   *title;
  int     focused;
};

G_DEFINE_FINAL_TYPE (AmparoBarChart, amparo_bar_chart, GTK_TYPE_DRAWING_AREA)

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->key);
  g_free (bar->label);
}

static gint64
max_value (AmparoBarChart *self)
{
  gint64 max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, Bar, i).value);
  return max;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
foreground (GtkWidget *widget,
            GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

/* The widest label, within half the width. */
static int
label_column_width (AmparoBarChart *self,
                    int             width)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (GTK_WIDGET (self), g_array_index (self->bars, Bar, i).label, -1);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return MIN (widest, width / 2);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       row_y)
{
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  cairo_move_to (cr, x, row_y + (ROW_HEIGHT - h) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  AmparoBarChart *self = AMPARO_BAR_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  g_autofree char *widest_value = g_strdup_printf ("%" G_GINT64_FORMAT, max_value (self));
  g_autoptr(PangoLayout) probe = make_layout (widget, widest_value, -1);
  GdkRGBA fg, accent, track;
  int label_w = label_column_width (self, width);
  int value_w;
  double bar_x, bar_w;
  gint64 max = max_value (self);

  foreground (widget, &fg);
  lookup_color (widget, "accent_bg_color", &accent, "#3584e4");
  track = fg;
  track.alpha = 0.08;

  if (self->bars->len == 0)
    {
      g_autoptr(PangoLayout) none = make_layout (widget, _("Nothing to count"), width);

      fg.alpha = 0.55;
      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (cr, none, 0, 0);
      return;
    }

  pango_layout_get_pixel_size (probe, &value_w, NULL);
  bar_x = label_w + GAP;
  bar_w = MAX (MIN_BAR_WIDTH, width - bar_x - GAP - value_w);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      double y = i * ROW_HEIGHT;
      double bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
      double filled = max > 0 ? bar_w * bar->value / (double) max : 0;
      g_autoptr(PangoLayout) label = make_layout (widget, bar->label, label_w);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, bar->value);
      g_autoptr(PangoLayout) value = make_layout (widget, number, -1);

      gdk_cairo_set_source_rgba (cr, &track);
      cairo_rectangle (cr, bar_x, bar_y, bar_w, BAR_HEIGHT);
      cairo_fill (cr);
      if (filled > 0)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_rectangle (cr, bar_x, bar_y, MAX (filled, 2), BAR_HEIGHT);
          cairo_fill (cr);
        }
      if ((int) i == self->focused && gtk_widget_has_focus (widget))
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, 1, y + 1, width - 2, ROW_HEIGHT - 2);
          cairo_stroke (cr);
        }

      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (cr, label, 0, y);
      draw_text (cr, value, bar_x + filled + GAP / 2.0, y);
    }
}

static void
update_accessible (AmparoBarChart *self)
{
  g_autofree char *text = amparo_bar_chart_dup_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title != NULL ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* The hovered bar's label and value, computed only when asked. */
static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  AmparoBarChart *self = AMPARO_BAR_CHART (widget);
  int index = keyboard ? self->focused : amparo_bar_chart_get_bar_at (self, y);
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  Bar *bar;

  if (index < 0 || index >= (int) self->bars->len)
    return FALSE;
  bar = &g_array_index (self->bars, Bar, index);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, bar->value);
  text = g_strdup_printf (_("%s: %s"), bar->label, number);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
changed (AmparoBarChart *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), MAX (1, (int) self->bars->len) * ROW_HEIGHT);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               AmparoBarChart  *self)
{
  int index = amparo_bar_chart_get_bar_at (self, y);

  if (index < 0)
    return;
  self->focused = index;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  amparo_bar_chart_activate_bar (self, index);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   AmparoBarChart        *self)
{
  int n = (int) self->bars->len;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (self->focused <= 0)
        return FALSE;
      self->focused--;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (self->focused >= n - 1)
        return FALSE;
      self->focused++;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      amparo_bar_chart_activate_bar (self, CLAMP (self->focused, 0, n - 1));
      return TRUE;
    default:
      return FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_focus_changed_cb (AmparoBarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
amparo_bar_chart_finalize (GObject *object)
{
  AmparoBarChart *self = AMPARO_BAR_CHART (object);

  g_array_unref (self->bars);
  g_free (self->title);

  G_OBJECT_CLASS (amparo_bar_chart_parent_class)->finalize (object);
}

static void
amparo_bar_chart_class_init (AmparoBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = amparo_bar_chart_finalize;

  /**
   * AmparoBarChart::bar-activated:
   * @index: the bar's position
   * @key: the bar's key
   */
  signals[BAR_ACTIVATED] = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "barchart");
}

static void
amparo_bar_chart_init (AmparoBarChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->focused = 0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 240);

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  changed (self);
}

GtkWidget *
amparo_bar_chart_new (void)
{
  return g_object_new (AMPARO_TYPE_BAR_CHART, NULL);
}

void
amparo_bar_chart_clear (AmparoBarChart *self)
{
  g_return_if_fail (AMPARO_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  self->focused = 0;
  changed (self);
}

/**
 * amparo_bar_chart_set_bars:
 * @keys: (array length=n): what each bar stands for
 * @labels: (array length=n): what each bar shows
 * @values: (array length=n): the values
 *
 * Replaces every bar at once (one redraw, one accessible update).
 */
void
amparo_bar_chart_set_bars (AmparoBarChart     *self,
                           guint               n,
                           const char * const *keys,
                           const char * const *labels,
                           const gint64       *values)
{
  g_return_if_fail (AMPARO_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < n; i++)
    {
      Bar bar = { g_strdup (keys[i]), g_strdup (labels[i]), values[i] };

      g_array_append_val (self->bars, bar);
    }
  self->focused = 0;
  changed (self);
}

void
amparo_bar_chart_add_bar (AmparoBarChart *self,
                          const char     *key,
                          const char     *label,
                          gint64          value)
{
  Bar bar = { g_strdup (key), g_strdup (label), value };

  g_return_if_fail (AMPARO_IS_BAR_CHART (self));

  g_array_append_val (self->bars, bar);
  changed (self);
}

/**
 * amparo_bar_chart_set_title:
 *
 * The accessible name of the chart (its card shows the title as text).
 */
void
amparo_bar_chart_set_title (AmparoBarChart *self,
                            const char     *title)
{
  g_return_if_fail (AMPARO_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
}

guint
amparo_bar_chart_get_n_bars (AmparoBarChart *self)
{
  g_return_val_if_fail (AMPARO_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

const char *
amparo_bar_chart_get_key (AmparoBarChart *self,
                          guint           index)
{
  g_return_val_if_fail (AMPARO_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);

  return g_array_index (self->bars, Bar, index).key;
}

/**
 * amparo_bar_chart_dup_text:
 *
 * Returns: (transfer full): the values as text, "Label: value" a line —
 *   the chart's accessible description and tooltip
 */
char *
amparo_bar_chart_dup_text (AmparoBarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (AMPARO_IS_BAR_CHART (self), NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one bar of a chart read out: "Active client: 12" */
      {
        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, bar->value);

        g_string_append_printf (text, _("%s: %s"), bar->label, number);
      }
    }
  if (text->len == 0)
    g_string_append (text, _("Nothing to count"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * amparo_bar_chart_activate_bar:
 *
 * What a click on the bar does: emits #AmparoBarChart::bar-activated.
 */
void
amparo_bar_chart_activate_bar (AmparoBarChart *self,
                               guint           index)
{
  g_return_if_fail (AMPARO_IS_BAR_CHART (self));
  g_return_if_fail (index < self->bars->len);

  g_signal_emit (self, signals[BAR_ACTIVATED], 0, index, g_array_index (self->bars, Bar, index).key);
}

/**
 * amparo_bar_chart_get_bar_at:
 * @y: a height within the widget
 *
 * Returns: the bar drawn there, or -1
 */
int
amparo_bar_chart_get_bar_at (AmparoBarChart *self,
                             double          y)
{
  int index;

  g_return_val_if_fail (AMPARO_IS_BAR_CHART (self), -1);

  if (y < 0)
    return -1;
  index = (int) (y / ROW_HEIGHT);
  return index < (int) self->bars->len ? index : -1;
}
