/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean   amparo_test_init_display    (int         *argc,
                                        char      ***argv);
void       amparo_test_wait            (guint        milliseconds);
GPtrArray *amparo_test_visible_texts   (GtkWidget   *root);
GPtrArray *amparo_test_cut_texts       (GtkWidget   *root);
int        amparo_test_find_text       (GtkWidget   *root,
                                        const char  *text,
                                        gboolean     partial);
GtkWidget *amparo_test_find_widget     (GtkWidget   *root,
                                        GType        type);
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

G_END_DECLS
