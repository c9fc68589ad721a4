/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean   amparo_test_init_display    (int         *argc,
                                        char      ***argv);
void       amparo_test_wait            (guint        milliseconds);
void       amparo_test_iterate         (void);

/* How long a test waits for what it expects before it calls it missing.
 * Only a hang takes this long; a loaded machine just takes longer, so a
 * test never fails on timing. */
#define AMPARO_TEST_PATIENCE (120 * G_TIME_SPAN_SECOND)

/* Runs the main context until EXPR holds (or the patience runs out) and
 * gives EXPR's last value, for asserting what a window shows once the
 * work behind it (a thread, a debounce, a frame) has finished. */
#define amparo_test_until(expr) \
  ({ gint64 amparo_until_ = g_get_monotonic_time () + AMPARO_TEST_PATIENCE; \
     gboolean amparo_ok_; \
     while (!(amparo_ok_ = !!(expr)) && g_get_monotonic_time () < amparo_until_) \
       amparo_test_iterate (); \
     amparo_ok_; })
GPtrArray *amparo_test_visible_texts   (GtkWidget   *root);
GPtrArray *amparo_test_cut_texts       (GtkWidget   *root);
int        amparo_test_find_text       (GtkWidget   *root,
                                        const char  *text,
                                        gboolean     partial);
GtkWidget *amparo_test_find_widget     (GtkWidget   *root,
                                        GType        type);
GtkWidget *amparo_test_find_client_list (GtkWidget *root);
GtkSelectionModel *amparo_test_client_list_model (GtkWidget *root);
GtkWidget *amparo_test_find_button     (GtkWidget   *root,
                                        const char  *label);
GtkWindow *amparo_test_present_page    (GtkWidget   *page);
void       amparo_test_save_window     (GtkWindow   *window,
                                        const char  *dir,
                                        const char  *name);

typedef gboolean (*AmparoTestMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget *amparo_test_find_mapped     (GtkWidget      *root,
                                        GType           type,
                                        AmparoTestMatch match,
                                        gconstpointer   data);
GtkWidget *amparo_test_find_row        (GtkWidget      *root,
                                        const char     *title);
gboolean   amparo_test_row_titled      (GtkWidget      *widget,
                                        gconstpointer   title);
void       amparo_test_run_app         (const char     *location,
                                        const char     *language,
                                        GCallback       on_activate,
                                        gpointer        data);

G_END_DECLS
