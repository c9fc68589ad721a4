/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-restriction-group.h"

#include "amparo-a11y.h"
#include "amparo-store-reports.h"

/*
 * roles (#17): "Who May See This Record" on a client page. A switch
 * restricts the record to the staff checked below it (the one turning
 * it on is checked first, so they keep it); administrators always see
 * it. Each change is saved at once through amparo_store_set_restriction()
 * and journaled. Shown to the roles that may restrict (attorneys,
 * administrators), built in code: it is one expander of check rows.
 */

struct _AmparoRestrictionGroup
{
  AdwPreferencesGroup parent_instance;

  AmparoStore *store;
  AmparoPerson *person;
  AdwExpanderRow *expander;
  GPtrArray *rows;      /* AdwActionRow, one per staff member */
  GPtrArray *checks;    /* their GtkCheckButton */
  GPtrArray *accounts;  /* their account */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (AmparoRestrictionGroup, amparo_restriction_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (AmparoRestrictionGroup *self,
            const GError           *error)
{
  adw_expander_row_set_subtitle (self->expander, error->message);
}

static void
save (AmparoRestrictionGroup *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) accounts = NULL;
  g_autoptr(GError) error = NULL;

  if (adw_expander_row_get_enable_expansion (self->expander))
    for (guint i = 0; i < self->checks->len; i++)
      if (gtk_check_button_get_active (self->checks->pdata[i]))
        g_strv_builder_add (builder, self->accounts->pdata[i]);
  accounts = g_strv_builder_end (builder);
  if (!amparo_store_set_restriction (self->store, self->person, (const char * const *) accounts, &error))
    show_error (self, error);
}

static void
on_check_toggled_cb (AmparoRestrictionGroup *self)
{
  if (!self->loading)
    save (self);
}

static void
on_enable_cb (AmparoRestrictionGroup *self)
{
  gboolean on = adw_expander_row_get_enable_expansion (self->expander);

  if (self->loading)
    return;
  /* Whoever restricts the record keeps it. */
  self->loading = TRUE;
  for (guint i = 0; on && i < self->accounts->len; i++)
    if (g_strcmp0 (self->accounts->pdata[i], amparo_store_get_actor (self->store)) == 0)
      gtk_check_button_set_active (self->checks->pdata[i], TRUE);
  self->loading = FALSE;
  adw_expander_row_set_expanded (self->expander, on);
  save (self);
}

static void
clear_rows (AmparoRestrictionGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->expander, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->accounts, 0);
}

static void
add_staff_row (AmparoRestrictionGroup *self,
               AmparoStaff            *staff,
               char                  **allowed)
{
  const char *account = amparo_staff_get_account (staff);
  const char *name = amparo_staff_get_display_name (staff);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name && *name ? name : account);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               amparo_staff_role_get_label (amparo_staff_get_role (staff)));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains ((const char * const *) allowed, account));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (self->expander, row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->checks, check);
  g_ptr_array_add (self->accounts, g_strdup (account));
}

static void
load (AmparoRestrictionGroup *self)
{
  g_autoptr(GListModel) staff = amparo_store_list (self->store, AMPARO_TYPE_STAFF, AMPARO_LIST_LIVE);
  g_auto(GStrv) allowed = amparo_store_get_restriction (self->store, self->person);
  guint n = g_list_model_get_n_items (staff);

  self->loading = TRUE;
  clear_rows (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoStaff) member = g_list_model_get_item (staff, i);

      /* Administrators see every record, communications none: only the
       * others have a choice to make. */
      if (amparo_staff_get_role (member) == AMPARO_STAFF_ROLE_FRONT_DESK ||
          amparo_staff_get_role (member) == AMPARO_STAFF_ROLE_ATTORNEY)
        add_staff_row (self, member, allowed);
    }
  adw_expander_row_set_enable_expansion (self->expander, allowed[0] != NULL);
  adw_expander_row_set_subtitle (self->expander,
                                 n == 0 ? _("Add staff in Preferences → Staff first.")
                                        : _("Only the staff checked, and administrators, see this record and what belongs to it."));
  self->loading = FALSE;
}

/**
 * amparo_restriction_group_set_person:
 * @person: (nullable): the saved person shown, or %NULL for a new one
 */
void
amparo_restriction_group_set_person (AmparoRestrictionGroup *self,
                                     AmparoStore            *store,
                                     AmparoPerson           *person)
{
  g_return_if_fail (AMPARO_IS_RESTRICTION_GROUP (self));

  g_set_object (&self->store, store);
  g_set_object (&self->person, person);
  gtk_widget_set_visible (GTK_WIDGET (self), store != NULL && person != NULL &&
                          amparo_store_may (store, AMPARO_TYPE_CASE_RESTRICTION, AMPARO_ACCESS_WRITE));
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    load (self);
}

static void
amparo_restriction_group_dispose (GObject *object)
{
  AmparoRestrictionGroup *self = AMPARO_RESTRICTION_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->person);
  G_OBJECT_CLASS (amparo_restriction_group_parent_class)->dispose (object);
}

static void
amparo_restriction_group_finalize (GObject *object)
{
  AmparoRestrictionGroup *self = AMPARO_RESTRICTION_GROUP (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->checks);
  g_ptr_array_unref (self->accounts);
  G_OBJECT_CLASS (amparo_restriction_group_parent_class)->finalize (object);
}

static void
amparo_restriction_group_class_init (AmparoRestrictionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amparo_restriction_group_dispose;
  object_class->finalize = amparo_restriction_group_finalize;
}

static void
amparo_restriction_group_init (AmparoRestrictionGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  self->accounts = g_ptr_array_new_with_free_func (g_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Who May See This Record"));
  self->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), _("Restrict to named staff"));
  adw_expander_row_set_show_enable_switch (self->expander, TRUE);
  amparo_a11y_name_builtin_controls (GTK_WIDGET (self->expander));
  g_signal_connect_object (self->expander, "notify::enable-expansion", G_CALLBACK (on_enable_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->expander));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
