/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "store-test-util.h"

/* The forms staff type an A-Number in are all accepted and stored alike. */
static void
test_a_number_forms (void)
{
  static const struct { const char *typed; const char *stored; } forms[] = {
    { "A-123-456-789", "123456789" },
    { "a123456789", "123456789" },
    { "123 456 789", "123456789" },
    { "12345678", "012345678" },
    { "A-12-345-678", "012345678" },
    { " A 012-345-678 ", "012345678" },
  };
  static const char *invalid[] = { "1234567", "1234567890", "A-12B-456-789", "B123456789", "A-" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = amparo_a_number_normalize (forms[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, forms[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = amparo_a_number_normalize (invalid[i], &error);

      g_assert_null (stored);
      g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
      g_assert_cmpstr (amparo_store_error_get_field (error), ==, "a-number");
    }

  {
    g_autofree char *shown = amparo_a_number_format ("012345678");
    g_assert_cmpstr (shown, ==, "A-012-345-678");
  }
}

/* Two live clients cannot share an A-Number; the message names who has it.
 * Once that client is in the Trash, the number is free; restoring them
 * while someone else holds it is refused. */
static void
test_a_number_unique (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmparoPerson) first = store_test_add_person (fixture->store, "José", "Núñez Castillo", NULL);
  g_autoptr(AmparoPerson) second = store_test_add_person (fixture->store, "Ana", "Pérez", NULL);
  g_autoptr(GError) error = NULL;

  amparo_person_set_a_number (first, "A-123-456-789");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (first), &error));
  g_assert_no_error (error);

  amparo_person_set_a_number (second, "123456789");
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (second), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "a-number");
  g_assert_nonnull (strstr (error->message, "José Núñez Castillo"));
  g_assert_nonnull (strstr (error->message, "A-123-456-789"));
  g_clear_error (&error);

  /* Saving the holder again is not a conflict with itself. */
  amparo_person_set_notes (first, "checked");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (first), &error));
  g_assert_no_error (error);

  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (first), &error));
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (second), &error));
  g_assert_no_error (error);

  g_assert_false (amparo_store_restore (fixture->store, AMPARO_RECORD (first), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE);
  g_assert_true (amparo_record_is_deleted (AMPARO_RECORD (first)));
}

static void
assert_invalid (AmparoStore  *store,
                AmparoRecord *record,
                const char   *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (amparo_store_save (store, record, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == AMPARO_STORE_ERROR);
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_person_rules (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(AmparoPerson) person = amparo_person_new ();
  g_autofree char *tomorrow = store_test_days_from_today (1);
  g_autoptr(GError) error = NULL;

  assert_invalid (fixture->store, AMPARO_RECORD (person), "given-names");
  amparo_person_set_given_names (person, "Joselyn");
  assert_invalid (fixture->store, AMPARO_RECORD (person), "family-names");
  amparo_person_set_family_names (person, "López");

  amparo_person_set_birth_date (person, tomorrow);
  assert_invalid (fixture->store, AMPARO_RECORD (person), "birth-date");
  amparo_person_set_birth_date (person, "2019-02-30");
  assert_invalid (fixture->store, AMPARO_RECORD (person), "birth-date");
  amparo_person_set_birth_date (person, "03/02/2019");
  assert_invalid (fixture->store, AMPARO_RECORD (person), "birth-date");

  /* An estimated date of birth is fine. */
  amparo_person_set_birth_date (person, "2019-01-01");
  amparo_person_set_birth_date_estimated (person, TRUE);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
}

/* A hearing cannot be before the client was born. */
static void
test_event_after_birth (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmparoPerson) child = store_test_add_person (fixture->store, "Wilmer", "Tzul", "2015-06-10");
  g_autoptr(AmparoEvent) event = amparo_event_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (event, "person-id", amparo_record_get_id (AMPARO_RECORD (child)),
                "kind", AMPARO_EVENT_KIND_HEARING, NULL);
  assert_invalid (fixture->store, AMPARO_RECORD (event), "starts-at");
  amparo_event_set_starts_at (event, "2015-06-09T09:00");
  assert_invalid (fixture->store, AMPARO_RECORD (event), "starts-at");
  amparo_event_set_starts_at (event, "2024-13-01");
  assert_invalid (fixture->store, AMPARO_RECORD (event), "starts-at");
  amparo_event_set_starts_at (event, "2024-05-01T09:00");
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (event), &error));
  g_assert_no_error (error);
}

/* No one is their own relative, and a pair is linked only once. */
static void
test_relationship_rules (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AmparoPerson) child = store_test_add_person (fixture->store, "Daniela", "Chávez", "2013-01-01");
  g_autoptr(AmparoPerson) grandfather = store_test_add_person (fixture->store, "Tomás", "Chávez", "1960-01-01");
  g_autoptr(AmparoRelationship) link = amparo_relationship_new ();
  g_autoptr(AmparoRelationship) again = amparo_relationship_new ();
  g_autoptr(GError) error = NULL;
  gint64 child_id = amparo_record_get_id (AMPARO_RECORD (child));
  gint64 grandfather_id = amparo_record_get_id (AMPARO_RECORD (grandfather));

  g_object_set (link, "person-id", child_id, "relative-id", child_id, NULL);
  assert_invalid (fixture->store, AMPARO_RECORD (link), "relative-id");

  g_object_set (link, "relative-id", grandfather_id, "kind", AMPARO_RELATIONSHIP_KIND_GRANDPARENT, NULL);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (link), &error));
  g_assert_no_error (error);

  /* The same pair seen from the other side is the same link. */
  g_object_set (again, "person-id", grandfather_id, "relative-id", child_id,
                "kind", AMPARO_RELATIONSHIP_KIND_GRANDCHILD, NULL);
  assert_invalid (fixture->store, AMPARO_RECORD (again), "relative-id");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/validation/a-number-forms", test_a_number_forms);
  STORE_TEST ("/store/validation/a-number-unique", test_a_number_unique);
  STORE_TEST ("/store/validation/person", test_person_rules);
  STORE_TEST ("/store/validation/event-after-birth", test_event_after_birth);
  STORE_TEST ("/store/validation/relationship", test_relationship_rules);

  return g_test_run ();
}
