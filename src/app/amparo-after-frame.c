/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-after-frame.h"

/* Work that the first frame does not show waits until the window has
 * drawn it (#14): start-up is measured by that frame, and a person sees
 * the window sooner. One mechanism for every part that defers itself. */

typedef struct
{
  GWeakRef widget;
  AmparoAfterFrameFunc func;
  gpointer data;
  GDestroyNotify destroy;
  GdkFrameClock *clock;
  gulong handler;
  gboolean waiting;   /* for the paint: the map handler no longer owns it */
} AfterFrame;

/**
 * amparo_frame_clock_release:
 * @clock: a frame clock kept (and referenced) to wait for a frame, or %NULL
 * @handler: the handler connected on it, or 0
 *
 * Stops waiting: disconnects @handler, if it is still connected, and
 * drops @clock. A window destroyed before its frame disposes its clock,
 * and with it every handler on it, so the handler may be gone already.
 */
void
amparo_frame_clock_release (GdkFrameClock **clock,
                            gulong         *handler)
{
  if (*clock != NULL && *handler != 0 && g_signal_handler_is_connected (*clock, *handler))
    g_signal_handler_disconnect (*clock, *handler);
  *handler = 0;
  g_clear_object (clock);
}

static void
after_frame_free (AfterFrame *after)
{
  amparo_frame_clock_release (&after->clock, &after->handler);
  if (after->destroy != NULL)
    after->destroy (after->data);
  g_weak_ref_clear (&after->widget);
  g_free (after);
}

/* At default priority: idle sources wait behind every frame while the
 * window is busy, and this is work the person is about to need. */
static gboolean
run_cb (gpointer data)
{
  AfterFrame *after = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&after->widget);

  if (widget != NULL)
    after->func (after->data);
  after_frame_free (after);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   AfterFrame    *after)
{
  g_signal_handler_disconnect (clock, after->handler);
  after->handler = 0;
  g_timeout_add (0, run_cb, after);
}

static void
wait_for_paint (GtkWidget  *widget,
                AfterFrame *after)
{
  after->waiting = TRUE;
  after->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  after->handler = g_signal_connect (after->clock, "after-paint", G_CALLBACK (on_after_paint_cb), after);
  gtk_widget_queue_draw (widget);
}

static void
on_map_cb (GtkWidget  *widget,
           AfterFrame *after)
{
  wait_for_paint (widget, after);
  g_signal_handlers_disconnect_by_func (widget, on_map_cb, after);
}

/* A widget destroyed before it was ever shown takes its wait along. */
static void
on_map_handler_gone (gpointer  data,
                     GClosure *closure)
{
  AfterFrame *after = data;

  if (!after->waiting)
    after_frame_free (after);
}

/**
 * amparo_after_first_frame:
 * @widget: a widget that will be, or is, on screen
 * @func: what to run once @widget's window has drawn a frame with it
 * @data: passed to @func
 * @destroy: (nullable): frees @data once @func has run or never will
 *
 * Runs @func once, after the first frame that shows @widget has been
 * painted. If @widget is destroyed first, or never shown, @func does not
 * run: callers build what they defer on demand too.
 */
void
amparo_after_first_frame (GtkWidget            *widget,
                          AmparoAfterFrameFunc  func,
                          gpointer              data,
                          GDestroyNotify        destroy)
{
  AfterFrame *after;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  after = g_new0 (AfterFrame, 1);
  g_weak_ref_init (&after->widget, widget);
  after->func = func;
  after->data = data;
  after->destroy = destroy;
  if (gtk_widget_get_mapped (widget))
    wait_for_paint (widget, after);
  else
    g_signal_connect_data (widget, "map", G_CALLBACK (on_map_cb), after, on_map_handler_gone, 0);
}
