/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-list-box.h"

/**
 * amparo_list_box_trim:
 * @list: a list box filled row by row
 * @n_kept: how many of its first rows stay (0: none)
 *
 * Removes the rows from @n_kept on. Row by row, not child by child: a
 * list's first child may be its placeholder, which must stay. (GTK 4.8
 * has no gtk_list_box_remove_all ().)
 */
void
amparo_list_box_trim (GtkListBox *list,
                      int         n_kept)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, MAX (n_kept, 0))) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
