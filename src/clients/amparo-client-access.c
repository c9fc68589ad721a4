/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-client-access.h"

#define NOTE_KEY "amparo-role-note"

/* The line said in place of what is hidden: made once, shown or not. */
static GtkWidget *
ensure_line (GtkWidget   *owner,
             GtkWidget *(*make) (GtkWidget *owner, const char *text),
             const char  *text)
{
  GtkWidget *line = g_object_get_data (G_OBJECT (owner), NOTE_KEY);

  if (line == NULL)
    {
      line = make (owner, text);
      g_object_set_data (G_OBJECT (owner), NOTE_KEY, line);
    }
  return line;
}

static AdwPreferencesGroup *profile;

static GtkWidget *
make_row (GtkWidget  *owner,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Case notes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (profile, row);
  return row;
}

static GtkBox *box;

static GtkWidget *
make_label (GtkWidget  *owner,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_insert_child_after (box, label, owner);
  return label;
}

/**
 * amparo_client_access_apply:
 *
 * Hides case notes, proceedings and adverse parties from a role that may
 * not read them (the front desk), each with a line saying who sees them.
 * Safe to call at every record shown.
 */
void
amparo_client_access_apply (AmparoStore         *store,
                            AdwPreferencesGroup *profile_group,
                            GtkWidget           *notes_row,
                            GtkBox              *record_box,
                            GtkWidget           *proceedings_panel,
                            GtkWidget           *adverse_panel)
{
  gboolean notes = store == NULL || amparo_store_may_see_case_notes (store);
  gboolean casework = store == NULL || amparo_store_may (store, AMPARO_TYPE_PROCEEDING, AMPARO_ACCESS_READ);
  GtkWidget *line;

  profile = profile_group;
  box = record_box;
  gtk_widget_set_visible (notes_row, notes);
  if (!notes || g_object_get_data (G_OBJECT (notes_row), NOTE_KEY) != NULL)
    {
      line = ensure_line (notes_row, make_row, amparo_access_explain ("notes"));
      gtk_widget_set_visible (line, !notes);
    }
  gtk_widget_set_visible (proceedings_panel, casework);
  gtk_widget_set_visible (adverse_panel, casework);
  if (!casework || g_object_get_data (G_OBJECT (proceedings_panel), NOTE_KEY) != NULL)
    {
      line = ensure_line (proceedings_panel, make_label,
                          _("Proceedings, their notes, adverse parties and evidence of family links are visible to attorneys."));
      gtk_widget_set_visible (line, !casework);
    }
}
