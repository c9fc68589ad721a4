/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "amparo-adverse-panel.h"
#include "amparo-application.h"
#include "amparo-conflict-dialog.h"
#include "amparo-language.h"
#include "amparo-main-view.h"
#include "amparo-record-form.h"
#include "amparo-store-private.h"
#include "amparo-test-store.h"
#include "amparo-test-ui.h"
#include "amparo-window.h"
#include "reports-test-data.h"

/* Adverse parties entered on the client page, in the real application
 * in English and in Spanish: an empty name is refused with a message and
 * nothing saved; a trafficker typed into Marta's page through the
 * widgets is saved in her case, and a new intake of someone with that
 * name (typed without the accents) stops at the conflict check, which
 * names them. Correcting the name and moving the party to the Trash go
 * through the row's own buttons. */

typedef struct
{
  const char *language;
  const char *add_title;
  const char *name_title;
  const char *role_title;
  const char *add_button;
  const char *name_required;
  const char *role_label;
  const char *given_title;
  const char *family_title;
  const char *adverse_in;      /* part of the finding's sentence */
} Strings;

static const Strings english = {
  "en", "Add an Adverse Party", "Name of the person or organization", "Role", "Add Adverse Party",
  "Enter the name of the person or organization.", "Trafficker", "Given names", "Family names",
  "Héctor Ramírez Soto is an adverse party (Trafficker) in the Defensive asylum case of the client Marta Díaz.",
};

static const Strings spanish = {
  "es", "Agregar una parte contraria", "Nombre de la persona u organización", "Papel", "Agregar parte contraria",
  "Escriba el nombre de la persona u organización.", "Tratante", "Nombres", "Apellidos",
  "Héctor Ramírez Soto es parte contraria (Tratante) en el caso de Asilo defensivo de Marta Díaz, cliente de la organización.",
};

typedef struct
{
  const Strings *strings;
  char *dir;
  char *db_path;
  char *marta_uid;
  gint64 marta_id;
} Fixture;

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  GtkWidget *row = NULL;

  /* A loaded machine takes longer than the waits above to reveal a
   * form's rows; only a row that never shows is missing. */
  amparo_test_until ((row = amparo_test_find_mapped (root, type, amparo_test_row_titled, title)) != NULL);
  if (row == NULL)
    g_error ("No row titled “%s” is shown", title);
  return row;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  amparo_test_wait (300);
}

static gint64
count (Fixture    *fixture,
       GType       type,
       const char *where)
{
  g_autoptr(AmparoStore) store = amparo_store_open (fixture->db_path, NULL);
  const char *params[] = { NULL };

  return amparo_store_count_where (store, type, where, params, NULL);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
open_marta (Fixture      *fixture,
            AmparoWindow *window)
{
  GtkWidget *clients;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-section", g_variant_new_string ("clients"));
  amparo_test_wait (200);
  clients = amparo_main_view_get_page (amparo_window_get_main_view (window), "clients");
  g_assert_true (gtk_widget_activate_action (clients, "clients.open", "s", fixture->marta_uid));
  amparo_test_wait (400);
}

/* Typed into the panel's own form and added with its button. */
static void
add_through_widgets (Fixture      *fixture,
                     AmparoWindow *window)
{
  const Strings *s = fixture->strings;
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *panel = amparo_test_find_mapped (root, AMPARO_TYPE_ADVERSE_PANEL, NULL, NULL);
  AdwExpanderRow *add_row;
  AdwComboRow *role_row;
  g_autofree char *where = NULL;

  g_assert_nonnull (panel);
  add_row = ADW_EXPANDER_ROW (find_row (panel, ADW_TYPE_EXPANDER_ROW, s->add_title));
  adw_expander_row_set_expanded (add_row, TRUE);
  amparo_test_wait (300);

  /* No name: refused, said why, nothing saved. */
  click (amparo_test_find_button (panel, s->add_button));
  g_assert_cmpint (amparo_test_find_text (panel, s->name_required, FALSE), >=, 0);
  g_assert_cmpint (count (fixture, AMPARO_TYPE_ADVERSE_PARTY, "1 = 1"), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (find_row (panel, ADW_TYPE_ENTRY_ROW, s->name_title)), "Héctor Ramírez Soto");
  role_row = ADW_COMBO_ROW (find_row (panel, ADW_TYPE_COMBO_ROW, s->role_title));
  adw_combo_row_set_selected (role_row, AMPARO_ADVERSE_ROLE_TRAFFICKER);
  amparo_test_wait (100);
  click (amparo_test_find_button (panel, s->add_button));

  /* Saved in her one case (preselected), shown on her page with its role. */
  where = g_strdup_printf ("party_name = 'Héctor Ramírez Soto' AND role = 'trafficker' AND person_id = %" G_GINT64_FORMAT
                           " AND proceeding_id = (SELECT id FROM proceedings WHERE person_id = %" G_GINT64_FORMAT ")"
                           " AND deleted_at IS NULL", fixture->marta_id, fixture->marta_id);
  g_assert_cmpint (count (fixture, AMPARO_TYPE_ADVERSE_PARTY, where), ==, 1);
  g_assert_cmpint (amparo_test_find_text (panel, "Héctor Ramírez Soto", FALSE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (panel, s->role_label, TRUE), >=, 0);
  g_assert_cmpint (amparo_test_find_text (panel, s->name_required, FALSE), <, 0);
  g_assert_cmpint (count (fixture, AMPARO_TYPE_JOURNAL_ENTRY,
                          "table_name = 'adverse_parties' AND action = 'insert'"), ==, 2);
}

static void
type_into_row (AmparoWindow *window,
               const char   *title,
               const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, title)), text);
}

/* A new client with that name, typed without accents, stops at the
 * conflict check, which says who they are and in whose case. */
static void
intake_finds_them (Fixture      *fixture,
                   AmparoWindow *window)
{
  const Strings *s = fixture->strings;
  AmparoConflictDialog *dialog;
  g_autofree char *findings = NULL;
  gint64 persons = count (fixture, AMPARO_TYPE_PERSON, "deleted_at IS NULL");

  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  amparo_test_wait (300);
  type_into_row (window, s->given_title, "Hector");
  type_into_row (window, s->family_title, "Ramirez Soto");
  amparo_test_wait (100);
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  amparo_test_wait (400);

  dialog = AMPARO_CONFLICT_DIALOG (find_toplevel (AMPARO_TYPE_CONFLICT_DIALOG));
  g_assert_nonnull (dialog);
  findings = amparo_conflict_dialog_dup_findings_text (dialog);
  g_test_message ("%s", findings);
  g_assert_nonnull (strstr (findings, s->adverse_in));
  g_assert_cmpint (count (fixture, AMPARO_TYPE_PERSON, "deleted_at IS NULL"), ==, persons);
  g_assert_true (amparo_conflict_dialog_decide (dialog, AMPARO_CONFLICT_DECISION_DECLINED, NULL));
  amparo_test_wait (300);
  amparo_test_until ((count (fixture, AMPARO_TYPE_CONFLICT_DECISION, "decision = 'declined'")) == (1));
  g_assert_cmpint (count (fixture, AMPARO_TYPE_CONFLICT_DECISION, "decision = 'declined'"), ==, 1);
}

static void
add_scenario (Fixture      *fixture,
              AmparoWindow *window)
{
  open_marta (fixture, window);
  add_through_widgets (fixture, window);
  intake_finds_them (fixture, window);
}

/* The row's pencil opens the record form; its bin moves them to the
 * Trash (Undo offered), after which the check no longer finds them. */
static void
edit_and_trash_scenario (Fixture      *fixture,
                         AmparoWindow *window)
{
  GtkWidget *panel;
  GtkWindow *form;
  g_autoptr(AmparoStore) store = NULL;
  g_autoptr(AmparoPerson) hector = amparo_person_new ();
  g_autoptr(GPtrArray) findings = NULL;

  open_marta (fixture, window);
  add_through_widgets (fixture, window);
  panel = amparo_test_find_mapped (GTK_WIDGET (window), AMPARO_TYPE_ADVERSE_PANEL, NULL, NULL);

  click (amparo_test_find_mapped (panel, GTK_TYPE_BUTTON, has_action, "adverse.edit"));
  amparo_test_until (((form = find_toplevel (AMPARO_TYPE_RECORD_FORM)) != NULL));
  g_assert_nonnull (form);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (form), ADW_TYPE_ENTRY_ROW, "Notes")),
                         "Recruited her at the border; named in the T-visa declaration");
  g_assert_true (amparo_record_form_save (AMPARO_RECORD_FORM (form)));
  amparo_test_wait (300);
  amparo_test_until (((count (fixture, AMPARO_TYPE_ADVERSE_PARTY, "notes LIKE 'Recruited her%' AND deleted_at IS NULL")) == (1)) && ((amparo_test_find_text (panel, "Recruited her at the border", TRUE)) >= (0)));
  g_assert_cmpint (count (fixture, AMPARO_TYPE_ADVERSE_PARTY, "notes LIKE 'Recruited her%' AND deleted_at IS NULL"), ==, 1);
  g_assert_cmpint (amparo_test_find_text (panel, "Recruited her at the border", TRUE), >=, 0);

  click (amparo_test_find_mapped (panel, GTK_TYPE_BUTTON, has_action, "adverse.delete"));
  g_assert_cmpint (count (fixture, AMPARO_TYPE_ADVERSE_PARTY,
                          "party_name = 'Héctor Ramírez Soto' AND deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (amparo_test_find_text (panel, "Héctor Ramírez Soto", FALSE), <, 0);

  store = amparo_store_open (fixture->db_path, NULL);
  amparo_person_set_given_names (hector, "Hector");
  amparo_person_set_family_names (hector, "Ramirez Soto");
  findings = amparo_store_find_conflicts (store, hector, NULL, 0, NULL);
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

typedef void (*Scenario) (Fixture *fixture, AmparoWindow *window);

typedef struct
{
  Fixture *fixture;
  Scenario scenario;
} Run;

static void
on_activate_cb (GApplication *app,
                Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (AMPARO_IS_WINDOW (window));
  /* The -pg twin really runs on the server, not on a file. */
  g_assert_cmpint (amparo_store_path_is_server (amparo_application_get_database_path (AMPARO_APPLICATION (app))),
                   ==, amparo_test_engine_is_pg ());
  amparo_test_wait (300);
  run->scenario (run->fixture, AMPARO_WINDOW (window));
  gtk_window_destroy (window);
}

static void
run_app (const Strings *strings,
         Scenario       scenario)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  Fixture fixture = { strings, amparo_test_make_dir (), NULL, NULL, 0 };
  Run run = { &fixture, scenario };
  g_autofree char *db_arg = NULL;
  g_autofree char *language_arg = g_strdup_printf ("--language=%s", strings->language);

  {
    g_autoptr(AmparoStore) store = amparo_test_open_store (fixture.dir, "adverse.amparo");
    ReportsTestData data = { 0 };

    reports_test_data_fill (store, today, &data);
    fixture.db_path = g_strdup (amparo_store_get_path (store));
    fixture.marta_uid = g_strdup (amparo_record_get_uid (AMPARO_RECORD (data.marta)));
    fixture.marta_id = amparo_record_get_id (AMPARO_RECORD (data.marta));
    reports_test_data_clear (&data);
  }
  db_arg = g_strdup_printf ("--database=%s", fixture.db_path);

  {
    g_autoptr(AmparoApplication) app = amparo_application_new ();
    char *argv[] = { "amparo", language_arg, db_arg, NULL };

    g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &run);
    g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  }

  amparo_test_remove_dir (fixture.dir);
  g_free (fixture.dir);
  g_free (fixture.db_path);
  g_free (fixture.marta_uid);
}

static void
test_add_english (void)
{
  run_app (&english, add_scenario);
}

static void
test_add_spanish (void)
{
  run_app (&spanish, add_scenario);
}

static void
test_edit_and_trash (void)
{
  run_app (&english, edit_and_trash_scenario);
}

/* A check that finds no one says so, and says it again at the next
 * check: emptying the list of findings child by child took its
 * placeholder with it, and the dialog showed an empty box. */
static void
test_no_conflict_says_so (void)
{
  g_autofree char *dir = amparo_test_make_dir ();
  g_autoptr(AmparoStore) store = amparo_test_open_store (dir, "conflicts.amparo");
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  AmparoConflictDialog *dialog;

  amparo_person_set_given_names (person, "Zacarías");
  amparo_person_set_family_names (person, "Quintero Lobo");
  dialog = amparo_conflict_dialog_new (store, person);
  gtk_window_present (GTK_WINDOW (dialog));
  amparo_test_wait (200);
  g_assert_true (amparo_test_until (amparo_test_find_text (GTK_WIDGET (dialog), "No possible conflict found", FALSE) >= 0));

  amparo_conflict_dialog_check (dialog);
  amparo_test_wait (200);
  g_assert_true (amparo_test_until (amparo_test_find_text (GTK_WIDGET (dialog), "No possible conflict found", FALSE) >= 0));
  gtk_window_destroy (GTK_WINDOW (dialog));
  amparo_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  amparo_language_init ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/reports/adverse/add-en", test_add_english);
  g_test_add_func ("/reports/adverse/add-es", test_add_spanish);
  g_test_add_func ("/reports/adverse/edit-and-trash", test_edit_and_trash);
  g_test_add_func ("/reports/adverse/no-conflict-says-so", test_no_conflict_says_so);
  return g_test_run ();
}
