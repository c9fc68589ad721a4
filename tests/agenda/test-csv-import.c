/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "amparo-csv.h"
#include "amparo-store.h"
#include "amparo-test-store.h"

/* Spreadsheets as an administrator really gets them — blank cells, stray
 * bytes, broken quotes, typos in A-Numbers — imported into a real store
 * in a temporary file. Every row must end in the report, never a crash. */

typedef AmparoTestStoreFixture Fixture;

static AmparoCsvImport *
import_text (Fixture    *fixture,
             const char *text,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  AmparoCsvImport *import = amparo_csv_import_new (fixture->store, text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  for (guint i = 0; i < amparo_csv_import_get_n_rows (import); i++)
    {
      g_autofree char *line = amparo_csv_import_describe_row (import, i);
      g_test_message ("%s", line);
    }
  return import;
}

/* A cell holding only a space used to dereference a missing GError. */
static void
test_blank_a_number (Fixture       *fixture,
                     gconstpointer  data)
{
  const char text[] = "Given names,Family names,A-Number\n"
                      "Ana,López, \n"
                      "Luis,Paz,\t\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, strlen (text));

  g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpint (amparo_csv_import_get_action (import, 0), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_cmpint (amparo_csv_import_get_action (import, 1), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_null (amparo_person_get_a_number (amparo_csv_import_get_person (import, 0)));
}

static guint
count_all (AmparoCsvImport *import)
{
  return amparo_csv_import_count (import, AMPARO_CSV_ROW_CREATE) +
         amparo_csv_import_count (import, AMPARO_CSV_ROW_UPDATE) +
         amparo_csv_import_count (import, AMPARO_CSV_ROW_REJECT) +
         amparo_csv_import_count (import, AMPARO_CSV_ROW_CONFIRM);
}

/* A zero byte used to end the file there: the rows after it vanished
 * from both the import and the report. */
static void
test_nul_byte (Fixture       *fixture,
               gconstpointer  data)
{
  const char text[] = "Given names,Family names\n"
                      "Ana,López\n"
                      "Lu\0is,Paz\n"
                      "Rosa,Cruz\n"
                      "Elena,Soto\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, sizeof text - 1);
  g_autofree char *report = amparo_csv_import_format_report (import);

  g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, 4);
  g_assert_cmpuint (count_all (import), ==, 4);
  g_assert_cmpint (amparo_csv_import_get_action (import, 0), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_cmpint (amparo_csv_import_get_action (import, 1), ==, AMPARO_CSV_ROW_REJECT);
  g_assert_cmpuint (amparo_csv_import_get_line (import, 1), ==, 3);
  g_assert_nonnull (strstr (amparo_csv_import_get_reason (import, 1), "zero byte"));
  g_assert_cmpint (amparo_csv_import_get_action (import, 3), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_nonnull (strstr (report, "Line 5: new person: Elena Soto"));
  g_assert_nonnull (strstr (report, "3 new clients, 0 matched, 1 rejected"));
}

/* A quote never closed used to swallow every following row into one
 * person's notes. */
static void
test_unclosed_quote (Fixture       *fixture,
                     gconstpointer  data)
{
  const char text[] = "Given names,Family names,Notes\r\n"
                      "Ana,López,\"habla mixteco\r\n"
                      "Luis,Paz,\r\n"
                      "Rosa,Cruz,\"dos\r\nlíneas\"\r\n"
                      "Elena,Soto,\r\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, sizeof text - 1);
  g_autoptr(AmparoPerson) rosa = NULL;

  g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, 4);
  g_assert_cmpuint (count_all (import), ==, 4);
  g_assert_cmpint (amparo_csv_import_get_action (import, 0), ==, AMPARO_CSV_ROW_REJECT);
  g_assert_nonnull (strstr (amparo_csv_import_get_reason (import, 0), "line 2"));
  g_assert_cmpstr (amparo_csv_import_get_name (import, 0), ==, "Ana López");
  g_assert_cmpint (amparo_csv_import_get_action (import, 1), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_cmpuint (amparo_csv_import_get_line (import, 1), ==, 3);
  g_assert_cmpint (amparo_csv_import_get_action (import, 2), ==, AMPARO_CSV_ROW_CREATE);
  g_assert_cmpstr (amparo_person_get_notes (amparo_csv_import_get_person (import, 2)), ==, "dos\r\nlíneas");
  g_assert_cmpuint (amparo_csv_import_get_line (import, 3), ==, 6);
  g_assert_cmpstr (amparo_csv_import_get_name (import, 3), ==, "Elena Soto");
}

/* Every row of a file full of trouble is accounted for. */
static void
test_counts_add_up (Fixture       *fixture,
                    gconstpointer  data)
{
  const char text[] = "Given names;Family names;A-Number;Date of birth\n"
                      "Ana;López;A-123-456-789;2010-05-04\n"
                      "Otra;Vez;123456789;\n"       /* same A-Number again */
                      "\n"
                      "Juan;Cruz;12;\n"             /* bad A-Number */
                      "Rita;Vega;;03/04/2015\n"     /* ambiguous date */
                      "Sin;Fin;\"\n"                /* quote never closed */
                      "Eva;Paz;;\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, sizeof text - 1);
  g_autofree char *report = amparo_csv_import_format_report (import);

  g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, 6);
  g_assert_cmpuint (count_all (import), ==, 6);
  g_assert_cmpuint (amparo_csv_import_count (import, AMPARO_CSV_ROW_CREATE), ==, 2);
  g_assert_nonnull (strstr (report, "2 new clients, 0 matched, 4 rejected"));
  g_assert_nonnull (strstr (report, "1 empty line was skipped"));
}

static AmparoPerson *
add_person (Fixture    *fixture,
            const char *given,
            const char *family,
            const char *a_number)
{
  g_autoptr(GError) error = NULL;
  AmparoPerson *person = amparo_person_new ();

  amparo_person_set_given_names (person, given);
  amparo_person_set_family_names (person, family);
  amparo_person_set_a_number (person, a_number);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (person), &error));
  g_assert_no_error (error);
  return person;
}


static AmparoContact *
add_contact (Fixture           *fixture,
             AmparoPerson      *person,
             AmparoContactKind  kind,
             const char        *value,
             const char        *belongs_to,
             const char        *last_verified)
{
  g_autoptr(GError) error = NULL;
  AmparoContact *contact = amparo_contact_new ();

  amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_contact_set_kind (contact, kind);
  amparo_contact_set_value (contact, value);
  amparo_contact_set_belongs_to (contact, belongs_to);
  amparo_contact_set_last_verified (contact, last_verified);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (contact), &error));
  g_assert_no_error (error);
  return contact;
}

static AmparoContact *
find_contact (AmparoStore *store,
              AmparoPerson *person,
              const char   *value)
{
  g_autoptr(GListModel) contacts = amparo_store_list_contacts (store, person);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(AmparoContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (amparo_contact_get_value (contact), value) == 0)
        return g_steal_pointer (&contact);
    }
  return NULL;
}

/* The real binary, its report captured so it does not mix with TAP. */
static gboolean
run_amparo (const char *database,
            const char *option,
            const char *path)
{
  /* --create: the fresh store of the round trip is made by this run. */
  g_autofree char *command_line = g_strdup_printf ("%s --create --database=%s %s=%s", g_getenv ("AMPARO_BINARY"),
                                                   database, option, path);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_command_line_sync (command_line, &out, NULL, &status, &error));
  g_test_message ("%s", out);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Contacts go out with --export-csv and come back with --import-csv into
 * a fresh store: kind, value, whose, last verified. Imported again into
 * the first store they match the contacts already there (none doubled),
 * and a contact with no value is a rejected row with its reason. */
static void
test_contacts_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AmparoPerson) rosa = add_person (fixture, "Rosa", "Tzul", "212345678");
  g_autoptr(AmparoPerson) tomas = add_person (fixture, "Tomás", "Yax", NULL);
  g_autoptr(AmparoContact) phone = add_contact (fixture, rosa, AMPARO_CONTACT_KIND_PHONE, "+502 5555-0101",
                                                "Rosa (mother), in Quetzaltenango", "2026-10-01");
  g_autoptr(AmparoContact) whatsapp = add_contact (fixture, rosa, AMPARO_CONTACT_KIND_WHATSAPP, "+1 213 555 0100",
                                                   NULL, NULL);
  g_autoptr(AmparoContact) address = add_contact (fixture, tomas, AMPARO_CONTACT_KIND_ADDRESS,
                                                  "4a Calle 3-12, Zona 1", NULL, "2026-11-20");
  g_autofree char *path = g_build_filename (fixture->dir, "clients.csv", NULL);
  const char *database = amparo_store_get_path (fixture->store);
  g_autofree char *fresh_database = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autofree char *text = NULL;
  g_autoptr(AmparoStore) fresh = NULL;
  g_autoptr(AmparoPerson) rosa_again = NULL;
  g_autoptr(AmparoPerson) tomas_again = NULL;
  g_autoptr(AmparoContact) found = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (amparo_test_skip_on_pg ("runs the binary on a file store") || g_getenv ("AMPARO_BINARY") == NULL)
    return;
  g_assert_true (run_amparo (database, "--export-csv", path));
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, ",Contact 1 kind,Contact 1,Contact 1 belongs to,Contact 1 country,Contact 1 last verified,Contact 2 kind"));
  g_assert_null (strstr (text, "Contact 3"));

  g_assert_true (run_amparo (fresh_database, "--import-csv", path));
  fresh = amparo_test_open_store (fixture->dir, "fresh.db");
  rosa_again = amparo_store_find_person_by_a_number (fresh, "212345678", &error);
  g_assert_nonnull (rosa_again);
  contacts = amparo_store_list_contacts (fresh, rosa_again);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  found = find_contact (fresh, rosa_again, "+502 5555-0101");
  g_assert_nonnull (found);
  g_assert_cmpint (amparo_contact_get_kind (found), ==, AMPARO_CONTACT_KIND_PHONE);
  g_assert_cmpstr (amparo_contact_get_belongs_to (found), ==, "Rosa (mother), in Quetzaltenango");
  g_assert_cmpstr (amparo_contact_get_last_verified (found), ==, "2026-10-01");
  g_clear_object (&found);
  found = find_contact (fresh, rosa_again, "+1 213 555 0100");
  g_assert_nonnull (found);
  g_assert_cmpint (amparo_contact_get_kind (found), ==, AMPARO_CONTACT_KIND_WHATSAPP);
  g_assert_null (amparo_contact_get_last_verified (found));
  g_clear_object (&found);
  {
    g_autoptr(GListModel) persons = amparo_store_list_persons (fresh, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_FAMILY_NAMES);

    g_assert_cmpuint (g_list_model_get_n_items (persons), ==, 2);
    tomas_again = g_list_model_get_item (persons, 1);
    g_assert_cmpstr (amparo_person_get_given_names (tomas_again), ==, "Tomás");
  }
  found = find_contact (fresh, tomas_again, "4a Calle 3-12, Zona 1");
  g_assert_nonnull (found);
  g_assert_cmpstr (amparo_contact_get_last_verified (found), ==, "2026-11-20");
  g_clear_object (&found);

  /* Back into the first store: the same contacts, matched, not doubled;
   * a later date in the file is taken, the phone spelled another way is
   * still the same phone. */
  {
    const char again[] = "Given names,Family names,A-Number,Contact 1 kind,Contact 1,Contact 1 last verified\r\n"
                         "Rosa,Tzul,A-212-345-678,Teléfono,(502) 5555 0101,2026-11-30\r\n"
                         "Eva,Paz,,phone,,2026-11-30\r\n";

    import = amparo_csv_import_new (fixture->store, again, sizeof again - 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (amparo_csv_import_get_n_rows (import), ==, 2);
    g_assert_cmpint (amparo_csv_import_get_action (import, 0), ==, AMPARO_CSV_ROW_UPDATE);
    g_assert_cmpint (amparo_csv_import_get_action (import, 1), ==, AMPARO_CSV_ROW_REJECT);
    g_assert_nonnull (strstr (amparo_csv_import_get_reason (import, 1), "Contact 1 has no phone number"));
    g_free (text);
    text = amparo_csv_import_describe_row (import, 0);
    g_assert_nonnull (strstr (text, "1 contact to add or update"));
    g_assert_true (amparo_csv_import_apply (import, &error));
    g_assert_no_error (error);
    g_clear_object (&contacts);
    contacts = amparo_store_list_contacts (fixture->store, rosa);
    g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
    found = find_contact (fixture->store, rosa, "+502 5555-0101");
    g_assert_cmpstr (amparo_contact_get_last_verified (found), ==, "2026-11-30");
  }
}

/* An old spreadsheet's countries and languages by name become the codes
 * the pickers store (names iso-codes knows, in English or the interface
 * language, any case); anything else is kept as typed. */
static void
test_countries_and_languages (Fixture       *fixture,
                              gconstpointer  data)
{
  const char text[] = "Given names,Family names,Country of birth,Languages\r\n"
                      "Rosa,Tzul,guatemala,\"K'iche', Spanish\"\r\n"
                      "Eva,Paz,United States,\"mam, Chuj de San Mateo\"\r\n"
                      "Ana,Ruiz,Narnia,QUC\r\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, sizeof text - 1);

  g_assert_cmpuint (amparo_csv_import_count (import, AMPARO_CSV_ROW_CREATE), ==, 3);
  g_assert_cmpstr (amparo_person_get_country_of_birth (amparo_csv_import_get_person (import, 0)), ==, "GT");
  g_assert_cmpstr (amparo_person_get_languages (amparo_csv_import_get_person (import, 0)), ==, "quc,spa");
  g_assert_cmpstr (amparo_person_get_country_of_birth (amparo_csv_import_get_person (import, 1)), ==, "US");
  g_assert_cmpstr (amparo_person_get_languages (amparo_csv_import_get_person (import, 1)), ==, "mam,Chuj de San Mateo");
  g_assert_cmpstr (amparo_person_get_country_of_birth (amparo_csv_import_get_person (import, 2)), ==, "Narnia");
  g_assert_cmpstr (amparo_person_get_languages (amparo_csv_import_get_person (import, 2)), ==, "quc");
}

/* One stray byte in a UTF-8 file used to turn the whole file into
 * Windows-1252 mojibake ("JosÃ© NÃºÃ±ez"). */
static void
test_one_stray_byte (Fixture       *fixture,
                     gconstpointer  data)
{
  const char text[] = "Given names,Family names\n"
                      "José,Núñez\n"
                      "María,Peña\n"
                      "Rosa,Cruz\xe9\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) persons = NULL;

  g_assert_cmpint (amparo_csv_import_get_encoding (import), ==, AMPARO_CSV_ENCODING_UTF8);
  g_assert_nonnull (strstr (amparo_csv_import_get_encoding_evidence (import), "UTF-8"));
  g_assert_cmpstr (amparo_person_get_given_names (amparo_csv_import_get_person (import, 0)), ==, "José");
  g_assert_cmpstr (amparo_person_get_family_names (amparo_csv_import_get_person (import, 0)), ==, "Núñez");
  g_assert_cmpint (amparo_csv_import_get_action (import, 2), ==, AMPARO_CSV_ROW_REJECT);
  g_assert_nonnull (strstr (amparo_csv_import_get_reason (import, 2), "UTF-8"));
  g_assert_true (g_utf8_validate (amparo_csv_import_get_name (import, 2), -1, NULL));

  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_no_error (error);
  persons = amparo_store_list_persons (fixture->store, AMPARO_LIST_LIVE, AMPARO_PERSON_SORT_GIVEN_NAMES);
  g_assert_cmpuint (g_list_model_get_n_items (persons), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AmparoPerson) person = g_list_model_get_item (persons, i);
      g_assert_null (strstr (amparo_person_get_family_names (person), "Ã"));
    }
}

/* A real Windows-1252 file is read as such, says so, and can be read
 * as UTF-8 instead if the person chooses (those rows are then refused,
 * not re-encoded). */
static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  const char text[] = "Nombres;Apellidos\r\nJos\xe9;N\xfa\xf1" "ez\r\nRosa;Cruz\r\n";
  g_autoptr(AmparoCsvImport) guessed = import_text (fixture, text, sizeof text - 1);
  g_autoptr(AmparoCsvImport) as_utf8 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (amparo_csv_import_get_encoding (guessed), ==, AMPARO_CSV_ENCODING_WINDOWS_1252);
  g_assert_nonnull (strstr (amparo_csv_import_get_encoding_evidence (guessed), "Windows-1252"));
  g_assert_cmpstr (amparo_person_get_family_names (amparo_csv_import_get_person (guessed, 0)), ==, "Núñez");

  as_utf8 = amparo_csv_import_new_full (fixture->store, text, sizeof text - 1, AMPARO_CSV_ENCODING_UTF8,
                                        NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amparo_csv_import_get_action (as_utf8, 0), ==, AMPARO_CSV_ROW_REJECT);
  g_assert_cmpint (amparo_csv_import_get_action (as_utf8, 1), ==, AMPARO_CSV_ROW_CREATE);
}

/* A mistyped A-Number used to rename another child. */
static void
test_names_disagree (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = add_person (fixture, "Ana", "López", "123456789");
  g_autoptr(AmparoPerson) luis = add_person (fixture, "Luis", "Paz", "987654321");
  const char text[] = "Given names,Family names,A-Number,Notes\n"
                      "Rosa,Cruz,A-123-456-789,typo\n"     /* Ana's number */
                      "LUIS, Paz ,987654321,same person\n";
  g_autoptr(AmparoCsvImport) import = import_text (fixture, text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = amparo_csv_import_format_report (import);
  g_autofree char *row = amparo_csv_import_describe_row (import, 0);

  g_assert_cmpint (amparo_csv_import_get_action (import, 0), ==, AMPARO_CSV_ROW_CONFIRM);
  g_assert_cmpstr (amparo_csv_import_get_existing_name (import, 0), ==, "Ana López");
  g_assert_cmpstr (amparo_csv_import_get_name (import, 0), ==, "Rosa Cruz");
  g_assert_nonnull (strstr (row, "Ana López"));
  g_assert_nonnull (strstr (row, "Rosa Cruz"));
  g_assert_cmpint (amparo_csv_import_get_action (import, 1), ==, AMPARO_CSV_ROW_UPDATE);
  g_assert_nonnull (strstr (report, "0 new clients, 1 matched, 1 rejected"));

  /* Unconfirmed: Ana keeps her names. */
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_true (amparo_store_reload (fixture->store, AMPARO_RECORD (ana), &error));
  g_assert_cmpstr (amparo_person_get_given_names (ana), ==, "Ana");
  g_assert_cmpstr (amparo_person_get_notes (ana), ==, NULL);

  /* Confirmed in the window: the new names are saved. */
  g_clear_pointer (&import, amparo_csv_import_free);
  import = import_text (fixture, text, sizeof text - 1);
  amparo_csv_import_set_confirmed (import, 0, TRUE);
  g_assert_cmpuint (amparo_csv_import_count_accepted (import), ==, 2);
  g_assert_true (amparo_csv_import_apply (import, &error));
  g_assert_true (amparo_store_reload (fixture->store, AMPARO_RECORD (ana), &error));
  g_assert_cmpstr (amparo_person_get_given_names (ana), ==, "Rosa");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, amparo_test_store_fixture_set_up, func, amparo_test_store_fixture_tear_down)
  ADD ("/csv-import/blank-a-number", test_blank_a_number);
  ADD ("/csv-import/nul-byte", test_nul_byte);
  ADD ("/csv-import/unclosed-quote", test_unclosed_quote);
  ADD ("/csv-import/counts-add-up", test_counts_add_up);
  ADD ("/csv-import/one-stray-byte", test_one_stray_byte);
  ADD ("/csv-import/windows-1252", test_windows_1252);
  ADD ("/csv-import/names-disagree", test_names_disagree);
  ADD ("/csv-import/contacts-round-trip", test_contacts_round_trip);
  ADD ("/csv-import/countries-and-languages", test_countries_and_languages);
#undef ADD

  return g_test_run ();
}
