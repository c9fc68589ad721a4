/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-query-model.h"
#include "store-test-util.h"

/* Locally the OS user; on a shared server the database account, which
 * the server itself writes (the test server's account is "postgres"). */
static const char *
expected_actor (void)
{
  return amparo_test_engine_is_pg () ? "postgres" : g_get_user_name ();
}

static AmparoJournalEntry *
history_item (GListModel *history,
              guint       position)
{
  return g_list_model_get_item (history, position);
}

/* Who did what to a client record, and when, is all in its history:
 * creation, each change with old and new values, Trash, restore, views
 * and exports. */
static void
test_history_records_every_action (StoreFixture  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = store_test_add_person (fixture->store, "Kevin", "Fuentes", "2012-01-01");
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  static const AmparoJournalAction expected[] = {
    AMPARO_JOURNAL_ACTION_EXPORT, AMPARO_JOURNAL_ACTION_VIEW, AMPARO_JOURNAL_ACTION_RESTORE,
    AMPARO_JOURNAL_ACTION_DELETE, AMPARO_JOURNAL_ACTION_UPDATE, AMPARO_JOURNAL_ACTION_INSERT,
  };

  amparo_person_set_family_names (person, "Fuentes Orellana");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_true (amparo_store_restore (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_true (amparo_store_log_view (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_true (amparo_store_log_action (fixture->store, AMPARO_JOURNAL_ACTION_EXPORT,
                                          AMPARO_RECORD (person), "/tmp/notice.pdf", &error));
  g_assert_no_error (error);

  history = amparo_store_list_history (fixture->store, AMPARO_RECORD (person));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = history_item (history, i);

      g_assert_cmpint (amparo_journal_entry_get_action (entry), ==, expected[i]);
      g_assert_cmpstr (amparo_journal_entry_get_actor (entry), ==, expected_actor ());
      g_assert_cmpstr (amparo_journal_entry_get_host (entry), ==, g_get_host_name ());
      g_assert_cmpstr (amparo_journal_entry_get_table_name (entry), ==, "persons");
      g_assert_nonnull (amparo_record_get_created_at (AMPARO_RECORD (entry)));
    }

  {
    g_autoptr(AmparoJournalEntry) export = history_item (history, 0);
    g_autoptr(AmparoJournalEntry) update = history_item (history, 4);

    g_assert_cmpstr (amparo_journal_entry_get_details (export), ==, "/tmp/notice.pdf");
    g_assert_cmpstr (amparo_journal_entry_get_changes (update), ==,
                     "{\"family_names\":{\"old\":\"Fuentes\",\"new\":\"Fuentes Orellana\"}}");
  }
}

/* Any field's earlier values can be seen, with who changed them. */
static void
test_field_history (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = store_test_add_person (fixture->store, "José", "Núñez", NULL);
  g_autoptr(AmparoPerson) other = store_test_add_person (fixture->store, "Ana", "Núñez", NULL);
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  AmparoFieldChange *change;

  amparo_person_set_a_number (person, "A-123-456-789");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  amparo_person_set_notes (person, "unrelated");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  amparo_person_set_a_number (person, "98765432");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  amparo_person_set_notes (other, "another person");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (other), &error));
  g_assert_no_error (error);

  changes = amparo_store_list_field_history (fixture->store, AMPARO_RECORD (person), "a-number");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);

  change = g_list_model_get_item (changes, 0);
  g_assert_null (amparo_field_change_get_old_value (change));
  g_assert_cmpstr (amparo_field_change_get_new_value (change), ==, "123456789");
  g_assert_cmpstr (amparo_field_change_get_actor (change), ==, expected_actor ());
  g_object_unref (change);

  change = g_list_model_get_item (changes, 1);
  g_assert_cmpstr (amparo_field_change_get_old_value (change), ==, "123456789");
  g_assert_cmpstr (amparo_field_change_get_new_value (change), ==, "098765432");
  g_object_unref (change);

  g_clear_object (&changes);
  changes = amparo_store_list_field_history (fixture->store, AMPARO_RECORD (person), "given-names");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  change = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (amparo_field_change_get_new_value (change), ==, "José");
  g_assert_cmpint (amparo_field_change_get_action (change), ==, AMPARO_JOURNAL_ACTION_INSERT);
  g_object_unref (change);
}

/* A client's history also shows their whereabouts and family links
 * changing, and follows new changes while it is open. */
static void
test_client_history (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoPerson) child = store_test_add_person (fixture->store, "Wilmer", "Tzul", NULL);
  g_autoptr(AmparoPerson) mother = store_test_add_person (fixture->store, "Rosa", "Tzul", NULL);
  g_autoptr(AmparoPerson) stranger = store_test_add_person (fixture->store, "Otro", "Cliente", NULL);
  g_autoptr(AmparoLocation) location = amparo_location_new ();
  g_autoptr(AmparoLocation) elsewhere = amparo_location_new ();
  g_autoptr(AmparoRelationship) link = amparo_relationship_new ();
  g_autoptr(GListModel) history = amparo_store_list_client_history (fixture->store, mother);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);

  g_object_set (link, "person-id", amparo_record_get_id (AMPARO_RECORD (child)),
                "relative-id", amparo_record_get_id (AMPARO_RECORD (mother)), NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (link), &error));
  g_object_set (location, "person-id", amparo_record_get_id (AMPARO_RECORD (mother)),
                "kind", AMPARO_LOCATION_KIND_DEPORTED, "country", "Guatemala", NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (location), &error));
  g_object_set (elsewhere, "person-id", amparo_record_get_id (AMPARO_RECORD (stranger)), NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (elsewhere), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  {
    g_autoptr(AmparoJournalEntry) newest = g_list_model_get_item (history, 0);
    g_autoptr(AmparoJournalEntry) linked = g_list_model_get_item (history, 1);

    g_assert_cmpstr (amparo_journal_entry_get_table_name (newest), ==, "locations");
    g_assert_cmpstr (amparo_journal_entry_get_table_name (linked), ==, "relationships");
  }
}

/* A failed save leaves no journal row behind. */
static void
test_failed_save_not_journaled (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autoptr(GListModel) journal = amparo_store_list_journal (fixture->store);
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (journal);

  amparo_person_set_given_names (person, "Sin apellidos");
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (person)), ==, 0);
  g_clear_object (&journal);
  journal = amparo_store_list_journal (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (journal), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/journal/every-action", test_history_records_every_action);
  STORE_TEST ("/store/journal/field-history", test_field_history);
  STORE_TEST ("/store/journal/failed-save", test_failed_save_not_journaled);
  STORE_TEST ("/store/journal/client-history", test_client_history);

  return g_test_run ();
}
