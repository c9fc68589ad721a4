/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-export"

#include "config.h"

#include "amparo-csv.h"
#include "amparo-csv-reader.h"
#include "amparo-private-file.h"
#include "amparo-iso-codes.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* Persons as a spreadsheet, both ways. The file is RFC 4180 with CRLF
 * line ends and a UTF-8 byte order mark, without which Excel reads UTF-8
 * as Windows-1252 and LibreOffice asks. Reading is forgiving where the
 * organization's old spreadsheets differ (semicolons from a Spanish
 * Excel, Windows-1252, headers in Spanish, A-numbers typed any way) and
 * strict where a wrong guess would corrupt a record (a date that could be
 * day/month or month/day is refused, not guessed). */

#define UTF8_BOM "\xEF\xBB\xBF"

typedef enum {
  COLUMN_TEXT,
  COLUMN_DATE,
  COLUMN_BOOLEAN,
  COLUMN_ENUM,
  COLUMN_A_NUMBER,
  COLUMN_UID,
  COLUMN_COUNTRY,    /* an ISO 3166 code; a name in English or Spanish is mapped */
  COLUMN_LANGUAGES,  /* ISO 639-3 codes, "quc,spa"; names are mapped one by one */
} ColumnType;

typedef struct
{
  const char *property;  /* NULL for the record's uid */
  const char *header;    /* written on export; never translated, so files stay exchangeable */
  ColumnType  type;
  const char *aliases;   /* normalized header spellings accepted on import, space separated */
} Column;

static const Column columns[] = {
  { "a-number", "A-Number", COLUMN_A_NUMBER, "anumber numeroa alienumber anum" },
  { "given-names", "Given names", COLUMN_TEXT, "givennames givenname firstname firstnames nombres nombre" },
  { "family-names", "Family names", COLUMN_TEXT, "familynames familyname lastname lastnames surname surnames apellidos apellido" },
  { "aliases", "Aliases", COLUMN_TEXT, "aliases alias otrosnombres" },
  { "birth-date", "Date of birth", COLUMN_DATE, "dateofbirth birthdate dob fechadenacimiento nacimiento" },
  { "birth-date-estimated", "Date of birth estimated", COLUMN_BOOLEAN, "dateofbirthestimated birthdateestimated fechadenacimientoaproximada fechaaproximada" },
  { "sex", "Sex", COLUMN_ENUM, "sex gender sexo" },
  { "country-of-birth", "Country of birth", COLUMN_COUNTRY, "countryofbirth country paisdenacimiento pais" },
  { "languages", "Languages", COLUMN_LANGUAGES, "languages language idiomas idioma" },
  { "interpreter-needed", "Interpreter needed", COLUMN_BOOLEAN, "interpreterneeded interpreter necesitainterprete interprete" },
  { "unaccompanied-minor", "Unaccompanied minor", COLUMN_BOOLEAN, "unaccompaniedminor uac menornoacompanado" },
  { "mpp-history", "MPP history", COLUMN_BOOLEAN, "mpphistory mpp" },
  { "client-status", "Client status", COLUMN_ENUM, "clientstatus status estado estadodelcliente" },
  { "program", "Program", COLUMN_TEXT, "program programa" },
  { "assigned-staff", "Assigned staff", COLUMN_TEXT, "assignedstaff staff personalasignado asignadoa responsable" },
  { "intake-date", "Intake date", COLUMN_DATE, "intakedate intake fechadeadmision fechadeingreso admision" },
  { "notes", "Notes", COLUMN_TEXT, "notes notas" },
  { NULL, "Amparo ID", COLUMN_UID, "amparoid uid" },
};

/* A person's contacts follow their row as numbered groups of columns
 * ("Contact 1 kind", "Contact 1", … "Contact 2 kind"…), as many groups
 * as the person with most contacts needs: one value per cell, so a
 * spreadsheet can sort and filter them, and nothing needs escaping. */
typedef enum {
  CONTACT_KIND,
  CONTACT_VALUE,
  CONTACT_BELONGS_TO,
  CONTACT_COUNTRY,
  CONTACT_LAST_VERIFIED,
  N_CONTACT_FIELDS
} ContactField;

static const struct
{
  const char *property;
  const char *header;    /* after "Contact N", never translated */
  const char *aliases;   /* normalized, after "contactN" or "contactoN" */
} contact_fields[N_CONTACT_FIELDS] = {
  { "kind", " kind", "kind type tipo clase" },
  { "value", "", " value numero valor" },
  { "belongs-to", " belongs to", "belongsto whose for dequien de" },
  { "country", " country", "country pais" },
  { "last-verified", " last verified", "lastverified verified verifiedon verificado ultimaverificacion" },
};

/* Header map entries at or above this are contact columns:
 * CONTACT_COLUMN + (N - 1) * N_CONTACT_FIELDS + field. */
#define CONTACT_COLUMN 1000
/* Past this a header is not read as a contact column. */
#define MAX_CONTACTS 999

typedef struct
{
  guint               line;
  AmparoCsvRowAction  action;
  char               *name;
  char               *reason;
  AmparoPerson       *person;
  char               *existing_name;  /* CONFIRM: the names the store has */
  gboolean            confirmed;
  GPtrArray          *contacts;       /* AmparoContact to save with the person */
} Row;

struct _AmparoCsvImport
{
  AmparoStore       *store;
  GArray            *rows;        /* of Row */
  GPtrArray         *ignored;     /* headers that match no column */
  AmparoCsvEncoding  encoding;
  char              *evidence;    /* why that encoding */
  guint              n_blank;     /* empty lines, left out */
  /* Rows accepted so far, by A-Number and by the uid of the person they
   * match: a second row for the same person is refused in O(1). */
  GHashTable        *seen_a_numbers;
  GHashTable        *seen_uids;
  GBytes            *data;        /* the file, to read again in another encoding */
  /* Country and language cells already mapped to codes ("" when none):
   * a spreadsheet repeats a few names on every row (#14). */
  GHashTable        *codes[2];
};

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->reason, g_free);
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->existing_name, g_free);
  g_clear_object (&row->person);
  g_clear_pointer (&row->contacts, g_ptr_array_unref);
}

/* Writing */

static gboolean
needs_quotes (const char *value)
{
  return strpbrk (value, ",;\"\r\n") != NULL ||
         g_ascii_isspace (value[0]) ||
         (*value != '\0' && g_ascii_isspace (value[strlen (value) - 1]));
}

static void
append_field (GString    *out,
              const char *value)
{
  g_autoptr(GString) field = g_string_new (value ?: "");

  /* A cell starting with = + - @ is run as a formula by spreadsheets;
   * a leading apostrophe keeps it text, and import takes it off again. */
  if (field->len > 0 && strchr ("=+-@\t\r", field->str[0]) != NULL)
    g_string_prepend_c (field, '\'');
  if (!needs_quotes (field->str))
    {
      g_string_append (out, field->str);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
column_value (AmparoPerson *person,
              const Column *column)
{
  AmparoRecord *record = AMPARO_RECORD (person);
  GParamSpec *pspec;
  GEnumValue *value;

  switch (column->type)
    {
    case COLUMN_UID:
      return g_strdup (amparo_record_get_uid (record));
    case COLUMN_A_NUMBER:
      return amparo_a_number_format (amparo_record_get_string (record, column->property));
    case COLUMN_BOOLEAN:
      return g_strdup (amparo_record_get_boolean (record, column->property) ? "yes" : "no");
    case COLUMN_ENUM:
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (person), column->property);
      value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                amparo_record_get_enum (record, column->property));
      return g_strdup (value != NULL ? value->value_nick : "");
    case COLUMN_TEXT:
    case COLUMN_DATE:
    case COLUMN_COUNTRY:
    case COLUMN_LANGUAGES:
    default:
      return g_strdup (amparo_record_get_string (record, column->property));
    }
}

static void
append_person (GString      *out,
               AmparoPerson *person,
               GPtrArray    *contacts,
               guint         n_groups)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autofree char *value = column_value (person, &columns[c]);

      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, value);
    }
  for (guint i = 0; i < n_groups; i++)
    {
      AmparoContact *contact = contacts != NULL && i < contacts->len ? contacts->pdata[i] : NULL;

      for (guint f = 0; f < N_CONTACT_FIELDS; f++)
        {
          AmparoRecord *record = AMPARO_RECORD (contact);

          g_string_append_c (out, ',');
          if (contact == NULL)
            continue;
          if (f == CONTACT_KIND)
            {
              g_autoptr(GEnumClass) kinds = g_type_class_ref (AMPARO_TYPE_CONTACT_KIND);
              GEnumValue *kind = g_enum_get_value (kinds, amparo_contact_get_kind (contact));

              append_field (out, kind != NULL ? kind->value_nick : "");
            }
          else
            append_field (out, amparo_record_get_string (record, contact_fields[f].property));
        }
    }
  g_string_append (out, "\r\n");
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  AmparoContact *x = *(AmparoContact **) a, *y = *(AmparoContact **) b;
  gint64 ix = amparo_record_get_id (AMPARO_RECORD (x)), iy = amparo_record_get_id (AMPARO_RECORD (y));

  if (amparo_contact_get_kind (x) != amparo_contact_get_kind (y))
    return (int) amparo_contact_get_kind (x) - (int) amparo_contact_get_kind (y);
  return ix < iy ? -1 : ix > iy;
}

/* Every live contact, by person id (each person's by kind, then as
 * entered), in one list rather than one query per row; on SQLite and on
 * the shared server alike. */
static GHashTable *
contacts_by_person (AmparoStore *store)
{
  g_autoptr(GListModel) model = amparo_store_list (store, AMPARO_TYPE_CONTACT, AMPARO_LIST_LIVE);
  GHashTable *by_person = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer each;

  for (guint i = 0; i < n; i++)
    {
      AmparoContact *contact = g_list_model_get_item (model, i);
      gint64 id = amparo_contact_get_person_id (contact);
      GPtrArray *list = g_hash_table_lookup (by_person, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_person, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, contact);
    }
  g_hash_table_iter_init (&iter, by_person);
  while (g_hash_table_iter_next (&iter, NULL, &each))
    g_ptr_array_sort (each, compare_contacts);
  return by_person;
}

/* Reading */

/**
 * amparo_csv_parse:
 * @text: the file's text, UTF-8 (a byte order mark is skipped)
 * @length: its length in bytes, or -1 if nul-terminated
 * @lines: (out) (optional) (transfer full): for each record, the line of
 *   the file where it starts (1 for the first)
 *
 * Reads RFC 4180 records (see amparo_csv_read_records()); empty lines
 * are left out.
 *
 * Returns: (transfer full): a #GPtrArray of %NULL-terminated string arrays
 */
GPtrArray *
amparo_csv_parse (const char *text,
                  gsize       length,
                  GArray    **lines)
{
  g_autoptr(GArray) raw = amparo_csv_read_records (text, length == (gsize) -1 ? strlen (text) : length);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < raw->len; i++)
    {
      AmparoCsvRecord *record = &g_array_index (raw, AmparoCsvRecord, i);

      if (record->fields[0] != NULL && record->fields[1] == NULL && record->fields[0][0] == '\0')
        continue;
      g_ptr_array_add (records, g_steal_pointer (&record->fields));
      g_array_append_val (starts, record->line);
    }
  if (lines != NULL)
    *lines = starts;
  else
    g_array_unref (starts);
  return records;
}

static char *
normalize_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static int
find_column (const char *header)
{
  g_autofree char *key = normalize_header (header);

  if (*key == '\0')
    return -1;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_auto(GStrv) aliases = g_strsplit (columns[c].aliases, " ", -1);

      if (g_strv_contains ((const char * const *) aliases, key))
        return c;
    }
  return -1;
}

/* "Contact 2 last verified", "Contacto 2 verificado": the map entry of a
 * contact column, or -1. */
static int
find_contact_column (const char *header)
{
  g_autofree char *key = normalize_header (header);
  const char *p = key;
  guint64 n;
  char *end;

  if (g_str_has_prefix (p, "contacto"))
    p += strlen ("contacto");
  else if (g_str_has_prefix (p, "contact"))
    p += strlen ("contact");
  else
    return -1;
  if (!g_ascii_isdigit (*p))
    return -1;
  n = g_ascii_strtoull (p, &end, 10);
  if (n < 1 || n > MAX_CONTACTS)
    return -1;
  for (guint f = 0; f < N_CONTACT_FIELDS; f++)
    {
      g_auto(GStrv) aliases = g_strsplit (contact_fields[f].aliases, " ", -1);

      if (g_strv_contains ((const char * const *) aliases, end))
        return CONTACT_COLUMN + (int) (n - 1) * N_CONTACT_FIELDS + (int) f;
    }
  return -1;
}

static gboolean
parse_date (const char  *text,
            char       **iso,
            char       **reason)
{
  int a, b, c;
  int y = 0, m = 0, d = 0;
  char sep1, sep2;

  if (sscanf (text, "%d%c%d%c%d", &a, &sep1, &b, &sep2, &c) != 5 ||
      sep1 != sep2 || strchr ("-/.", sep1) == NULL)
    {
      *reason = g_strdup_printf (_("“%s” is not a date. Write it as year-month-day, for example 2021-02-03."), text);
      return FALSE;
    }

  if (a > 31)
    y = a, m = b, d = c;
  else if (c > 31 && a > 12)
    y = c, m = b, d = a;
  else if (c > 31 && b > 12)
    y = c, m = a, d = b;
  else if (c > 31 && a == b)
    y = c, m = a, d = b;
  else
    {
      /* 03/04/2021 is March 4 in the United States and 3 April in
       * Mexico: guessing would silently corrupt the record. */
      *reason = g_strdup_printf (_("“%s” could be day/month or month/day. Write it as year-month-day, for example 2021-02-03."), text);
      return FALSE;
    }

  if (!g_date_valid_dmy (d, m, y))
    {
      *reason = g_strdup_printf (_("“%s” is not a real date. Check the day and the month."), text);
      return FALSE;
    }
  *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "si", "s", "x", NULL };
  static const char * const no[] = { "no", "n", "false", "0", NULL };
  g_autofree char *key = normalize_header (text);

  if (g_strv_contains (yes, key))
    *value = TRUE;
  else if (g_strv_contains (no, key))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_enum (GType       enum_type,
            const char *text,
            int        *value)
{
  static const struct { const char *word; const char *nick; } words[] = {
    { "f", "female" }, { "femenino", "female" }, { "mujer", "female" }, { "nina", "female" },
    { "m", "male" }, { "masculino", "male" }, { "hombre", "male" }, { "nino", "male" },
    { "activo", "active" }, { "activa", "active" }, { "cerrado", "closed" },
    { "cerrada", "closed" }, { "prospectivo", "prospective" },
    { "telefono", "phone" }, { "tel", "phone" }, { "celular", "phone" }, { "correo", "email" },
    { "correoelectronico", "email" }, { "direccion", "address" }, { "domicilio", "address" },
  };
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autofree char *key = normalize_header (text);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    if (g_str_equal (key, words[w].word))
      key = (g_free (key), g_strdup (words[w].nick));

  for (guint i = 0; i < klass->n_values; i++)
    {
      GEnumValue *ev = &klass->values[i];
      g_autofree char *nick = normalize_header (ev->value_nick);
      g_autofree char *label = normalize_header (amparo_enum_get_label (enum_type, ev->value));

      if (g_str_equal (key, nick) || g_str_equal (key, label))
        {
          *value = ev->value;
          return TRUE;
        }
    }
  return FALSE;
}

/* What the pickers store, from what an old spreadsheet holds: a name the
 * iso-codes tables know (in English or the interface language) becomes
 * its code; anything else is kept as typed, as the migrations did. */
/* amparo_iso_codes_find_code(), remembered for the import. */
static const char *
find_code (AmparoCsvImport *self,
           AmparoIsoTable   table,
           const char      *text)
{
  GHashTable *cache = self->codes[table == AMPARO_ISO_COUNTRIES ? 0 : 1];
  const char *code = g_hash_table_lookup (cache, text);

  if (code == NULL)
    {
      code = amparo_iso_codes_find_code (table, text) ?: "";
      g_hash_table_insert (cache, g_strdup (text), (gpointer) code);
    }
  return *code != '\0' ? code : NULL;
}

static char *
map_languages (AmparoCsvImport *self,
               const char      *text)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *code;

      if (*g_strstrip (items[i]) == '\0')
        continue;
      code = find_code (self, AMPARO_ISO_LANGUAGES, items[i]);
      g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", code != NULL ? code : items[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
set_field (AmparoCsvImport *self,
           AmparoPerson  *person,
           const Column  *column,
           const char    *text,
           char         **reason)
{
  AmparoRecord *record = AMPARO_RECORD (person);
  g_autofree char *value = NULL;
  gboolean flag;
  int number;

  switch (column->type)
    {
    case COLUMN_DATE:
      if (!parse_date (text, &value, reason))
        return FALSE;
      amparo_record_set_string (record, column->property, value);
      return TRUE;
    case COLUMN_BOOLEAN:
      if (!parse_boolean (text, &flag))
        break;
      amparo_record_set_boolean (record, column->property, flag);
      return TRUE;
    case COLUMN_ENUM:
      if (!parse_enum (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (person), column->property)),
                       text, &number))
        break;
      amparo_record_set_enum (record, column->property, number);
      return TRUE;
    case COLUMN_A_NUMBER:
    case COLUMN_UID:
      return TRUE;
    case COLUMN_COUNTRY:
      amparo_record_set_string (record, column->property,
                                find_code (self, AMPARO_ISO_COUNTRIES, text) ?: text);
      return TRUE;
    case COLUMN_LANGUAGES:
      value = map_languages (self, text);
      amparo_record_set_string (record, column->property, value);
      return TRUE;
    case COLUMN_TEXT:
    default:
      amparo_record_set_string (record, column->property, text);
      return TRUE;
    }

  /* Translators: the first %s is a column name, the second what the row holds */
  *reason = g_strdup_printf (_("%s: “%s” is not a value Amparo knows."), column->header, text);
  return FALSE;
}

static const char *
cell (char      **fields,
      const int  *map,
      guint       n_map,
      int         column)
{
  for (guint i = 0; i < n_map && fields[i] != NULL; i++)
    if (map[i] == column)
      {
        const char *value = fields[i];

        /* Undo the apostrophe export puts before formula characters. */
        if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@\t\r", value[1]) != NULL)
          value++;
        return value;
      }
  return NULL;
}

static int
column_index (const char *property)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (g_strcmp0 (columns[c].property, property) == 0)
      return c;
  return -1;
}

static char *
person_name (AmparoPerson *person)
{
  return g_strstrip (g_strdup_printf ("%s %s",
                                      amparo_person_get_given_names (person) ?: "",
                                      amparo_person_get_family_names (person) ?: ""));
}

static AmparoPerson *
find_existing (AmparoCsvImport  *self,
               const char       *uid,
               const char       *a_number,
               char            **reason)
{
  g_autoptr(AmparoPerson) person = NULL;

  if (uid != NULL && *uid != '\0')
    {
      person = amparo_store_get_by_uid (self->store, AMPARO_TYPE_PERSON, uid, NULL);
      if (person != NULL && amparo_record_is_deleted (AMPARO_RECORD (person)))
        {
          *reason = g_strdup (_("This person is in the Trash. Restore them first, then import again."));
          return NULL;
        }
      if (person != NULL)
        return g_steal_pointer (&person);
    }
  if (a_number != NULL)
    return amparo_store_find_person_by_a_number (self->store, a_number, NULL);
  return NULL;
}

static gboolean
fill_person (AmparoCsvImport  *self,
             Row              *row,
             char            **fields,
             const int        *map,
             guint             n_map,
             const char       *a_number)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      const char *text = cell (fields, map, n_map, c);

      /* An empty cell leaves what the store has: an old spreadsheet
       * with fewer columns must not erase what staff entered since. */
      if (text == NULL || *g_strstrip ((char *) text) == '\0')
        continue;
      if (!set_field (self, row->person, &columns[c], text, &row->reason))
        return FALSE;
    }
  if (a_number != NULL)
    amparo_person_set_a_number (row->person, a_number);
  return TRUE;
}

/* Names compared as a person reads them: case, spacing and Unicode
 * composition aside, but accents count ("Núñez" is not "Nunez"). */
static char *
name_key (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text ?: "", -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (nfc ?: "", -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *ka = name_key (a);
  g_autofree char *kb = name_key (b);

  return g_str_equal (ka, kb);
}

/* A row whose A-Number (or Amparo ID) is someone already in the store,
 * but whose names are not theirs, is most often a typo in the number:
 * updating would rename another child. It waits for a person to look. */
static gboolean
names_disagree (AmparoPerson *existing,
                AmparoPerson *updated)
{
  return !same_name (amparo_person_get_given_names (existing), amparo_person_get_given_names (updated)) ||
         !same_name (amparo_person_get_family_names (existing), amparo_person_get_family_names (updated));
}

static gboolean
seen_before (AmparoCsvImport *self,
             Row             *row,
             const char      *a_number,
             AmparoPerson    *existing)
{
  const char *uid = existing != NULL ? amparo_record_get_uid (AMPARO_RECORD (existing)) : NULL;
  gpointer line;

  if (a_number != NULL && g_hash_table_lookup_extended (self->seen_a_numbers, a_number, NULL, &line))
    row->reason = g_strdup_printf (_("The same A-Number is already on line %u of this file."),
                                   GPOINTER_TO_UINT (line));
  else if (uid != NULL && g_hash_table_lookup_extended (self->seen_uids, uid, NULL, &line))
    row->reason = g_strdup_printf (_("The same person is already on line %u of this file."),
                                   GPOINTER_TO_UINT (line));
  return row->reason != NULL;
}

static void
remember (AmparoCsvImport *self,
          Row             *row,
          const char      *a_number,
          AmparoPerson    *existing)
{
  if (a_number != NULL)
    g_hash_table_insert (self->seen_a_numbers, g_strdup (a_number), GUINT_TO_POINTER (row->line));
  if (existing != NULL)
    g_hash_table_insert (self->seen_uids, g_strdup (amparo_record_get_uid (AMPARO_RECORD (existing))),
                         GUINT_TO_POINTER (row->line));
}

/* Contacts */

/* How two spellings of one contact compare: a phone by its digits
 * ("(213) 555-0100" is "213-555-0100"), anything else as a name is. */
static char *
contact_key (AmparoContactKind  kind,
             const char        *value)
{
  GString *digits;

  if (kind != AMPARO_CONTACT_KIND_PHONE && kind != AMPARO_CONTACT_KIND_WHATSAPP)
    return name_key (value);
  digits = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static AmparoContact *
find_same_contact (GListModel        *known,
                   AmparoContactKind  kind,
                   const char        *value)
{
  g_autofree char *key = contact_key (kind, value);
  guint n = known != NULL ? g_list_model_get_n_items (known) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoContact) contact = g_list_model_get_item (known, i);
      g_autofree char *other = contact_key (amparo_contact_get_kind (contact),
                                            amparo_contact_get_value (contact) ?: "");

      if (amparo_contact_get_kind (contact) == kind && g_str_equal (key, other))
        return g_steal_pointer (&contact);
    }
  return NULL;
}

static const char *
contact_cell (char      **fields,
              const int  *map,
              guint       n_map,
              guint       group,
              ContactField field)
{
  const char *text = cell (fields, map, n_map, CONTACT_COLUMN + (int) (group * N_CONTACT_FIELDS + field));

  return text != NULL && *g_strstrip ((char *) text) != '\0' ? text : NULL;
}

static guint
count_contact_groups (const int *map,
                      guint      n_map)
{
  guint groups = 0;

  for (guint i = 0; i < n_map; i++)
    if (map[i] >= CONTACT_COLUMN)
      groups = MAX (groups, (guint) (map[i] - CONTACT_COLUMN) / N_CONTACT_FIELDS + 1);
  return groups;
}

/* One group of contact cells into @contact (new, or the store's own
 * copy of the same contact): empty cells leave what is there, and a
 * last-verified date older than the store's is not taken, so an old
 * spreadsheet never makes a contact look less recently reached. */
static gboolean
fill_contact (AmparoContact  *contact,
              guint           group,
              char          **fields,
              const int      *map,
              guint           n_map,
              char          **reason)
{
  const char *belongs_to = contact_cell (fields, map, n_map, group, CONTACT_BELONGS_TO);
  const char *country = contact_cell (fields, map, n_map, group, CONTACT_COUNTRY);
  const char *verified = contact_cell (fields, map, n_map, group, CONTACT_LAST_VERIFIED);
  g_autofree char *iso = NULL;
  g_autofree char *why = NULL;

  if (verified != NULL && !parse_date (verified, &iso, &why))
    {
      *reason = g_strdup_printf ("Contact %u%s: %s", group + 1, contact_fields[CONTACT_LAST_VERIFIED].header, why);
      return FALSE;
    }
  if (belongs_to != NULL)
    amparo_contact_set_belongs_to (contact, belongs_to);
  if (country != NULL)
    amparo_contact_set_country (contact, amparo_iso_codes_find_code (AMPARO_ISO_COUNTRIES, country) ?: country);
  if (iso != NULL && g_strcmp0 (iso, amparo_contact_get_last_verified (contact)) > 0)
    amparo_contact_set_last_verified (contact, iso);
  return TRUE;
}

/* The row's contacts, each matched to one the person already has (same
 * kind and value) or new; none is ever removed by an import. */
static gboolean
read_contacts (AmparoCsvImport  *self,
               Row              *row,
               char            **fields,
               const int        *map,
               guint             n_map,
               AmparoPerson     *existing)
{
  guint groups = count_contact_groups (map, n_map);
  g_autoptr(GListModel) known = existing != NULL ? amparo_store_list_contacts (self->store, existing) : NULL;

  row->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint g = 0; g < groups; g++)
    {
      const char *kind_text = contact_cell (fields, map, n_map, g, CONTACT_KIND);
      const char *value = contact_cell (fields, map, n_map, g, CONTACT_VALUE);
      g_autoptr(AmparoContact) same = NULL;
      g_autoptr(AmparoContact) contact = NULL;
      int kind = AMPARO_CONTACT_KIND_OTHER;

      if (value == NULL)
        {
          if (kind_text != NULL || contact_cell (fields, map, n_map, g, CONTACT_BELONGS_TO) != NULL ||
              contact_cell (fields, map, n_map, g, CONTACT_COUNTRY) != NULL ||
              contact_cell (fields, map, n_map, g, CONTACT_LAST_VERIFIED) != NULL)
            {
              /* Translators: %u is the number of a contact in the row (Contact 1, Contact 2…) */
              row->reason = g_strdup_printf (_("Contact %u has no phone number, email or address. Fill it in, or empty the whole contact."), g + 1);
              return FALSE;
            }
          continue;
        }
      if (kind_text != NULL && !parse_enum (AMPARO_TYPE_CONTACT_KIND, kind_text, &kind))
        {
          g_autofree char *header = g_strdup_printf ("Contact %u%s", g + 1, contact_fields[CONTACT_KIND].header);

          row->reason = g_strdup_printf (_("%s: “%s” is not a value Amparo knows."), header, kind_text);
          return FALSE;
        }
      same = find_same_contact (known, kind, value);
      contact = same != NULL ? AMPARO_CONTACT (amparo_record_copy (AMPARO_RECORD (same))) : amparo_contact_new ();
      if (same == NULL)
        {
          amparo_contact_set_kind (contact, kind);
          amparo_contact_set_value (contact, value);
          if (existing != NULL)
            amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (existing)));
        }
      if (!fill_contact (contact, g, fields, map, n_map, &row->reason))
        return FALSE;
      g_ptr_array_add (row->contacts, g_steal_pointer (&contact));
    }
  return TRUE;
}

static void
check_row (AmparoCsvImport  *self,
           Row              *row,
           char            **fields,
           const int        *map,
           guint             n_map)
{
  const char *typed = cell (fields, map, n_map, column_index ("a-number"));
  const char *uid = cell (fields, map, n_map, G_N_ELEMENTS (columns) - 1);
  g_autofree char *a_number = NULL;
  g_autoptr(AmparoPerson) existing = NULL;
  g_autoptr(GError) error = NULL;

  row->action = AMPARO_CSV_ROW_REJECT;
  /* A cell of spaces is an empty cell: no A-Number, not a bad one. */
  if (typed != NULL && *g_strstrip ((char *) typed) != '\0' &&
      (a_number = amparo_a_number_normalize (typed, &error)) == NULL)
    {
      row->reason = g_strdup_printf ("%s (“%s”)",
                                     error != NULL ? error->message : _("This is not an A-Number."),
                                     typed);
      return;
    }

  existing = find_existing (self, uid, a_number, &row->reason);
  if (row->reason != NULL || seen_before (self, row, a_number, existing))
    return;
  row->person = existing != NULL
    ? AMPARO_PERSON (amparo_record_copy (AMPARO_RECORD (existing)))
    : amparo_person_new ();
  if (!fill_person (self, row, fields, map, n_map, a_number))
    return;
  if (!amparo_store_validate (self->store, AMPARO_RECORD (row->person), &error))
    {
      row->reason = g_strdup (error != NULL ? error->message : _("This row cannot be saved."));
      return;
    }
  if (!read_contacts (self, row, fields, map, n_map, existing))
    return;
  remember (self, row, a_number, existing);
  if (existing != NULL && names_disagree (existing, row->person))
    {
      row->existing_name = person_name (existing);
      row->action = AMPARO_CSV_ROW_CONFIRM;
      return;
    }
  row->action = existing != NULL ? AMPARO_CSV_ROW_UPDATE : AMPARO_CSV_ROW_CREATE;
}

/* Each cell decoded on its own: a row whose bytes are not text in the
 * chosen encoding is refused, never re-encoded behind anyone's back. */
static char **
decode_fields (AmparoCsvImport *self,
               char           **raw,
               gboolean         repair)
{
  guint n = g_strv_length (raw);
  char **fields = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      fields[i] = amparo_csv_decode (raw[i], self->encoding);
      if (fields[i] == NULL && repair)
        fields[i] = g_utf8_make_valid (raw[i], -1);
      if (fields[i] == NULL)
        {
          g_strfreev (fields);
          return NULL;
        }
    }
  return fields;
}

static char *
row_name (char      **fields,
          const int  *map,
          guint       n_map)
{
  return g_strstrip (g_strdup_printf ("%s %s",
                                      cell (fields, map, n_map, column_index ("given-names")) ?: "",
                                      cell (fields, map, n_map, column_index ("family-names")) ?: ""));
}

static void
read_row (AmparoCsvImport *self,
          AmparoCsvRecord *record,
          const int       *map,
          guint            n_map)
{
  Row row = { record->line, AMPARO_CSV_ROW_REJECT, NULL, NULL, NULL, NULL, FALSE, NULL };
  g_auto(GStrv) fields = decode_fields (self, record->fields, FALSE);
  g_auto(GStrv) shown = fields == NULL ? decode_fields (self, record->fields, TRUE) : NULL;
  Row *added;

  row.name = row_name (fields ?: shown, map, n_map);
  if (record->problem != NULL)
    row.reason = g_strdup (record->problem);
  else if (fields == NULL)
    row.reason = g_strdup_printf (_("This row holds bytes that are not %s text (shown as �); it was not imported, so no name is changed by a wrong guess. Choose another encoding, or correct the row in the spreadsheet."),
                                  amparo_csv_encoding_name (self->encoding));
  g_array_append_val (self->rows, row);
  added = &g_array_index (self->rows, Row, self->rows->len - 1);
  if (added->reason == NULL)
    {
      g_clear_pointer (&added->name, g_free);
      added->name = row_name (fields, map, n_map);
      check_row (self, added, fields, map, n_map);
    }
}

static gboolean
is_blank (char **fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *copy = g_strstrip (g_strdup (fields[i]));
      if (*copy != '\0')
        return FALSE;
    }
  return TRUE;
}

static int *
map_header (AmparoCsvImport  *self,
            char            **header,
            guint            *n_map,
            GError          **error)
{
  guint n = g_strv_length (header);
  int *map = g_new0 (int, n);
  gboolean given = FALSE, family = FALSE;

  for (guint i = 0; i < n; i++)
    {
      map[i] = find_column (header[i]);
      if (map[i] < 0)
        map[i] = find_contact_column (header[i]);
      if (map[i] < 0 && *g_strstrip (header[i]) != '\0')
        g_ptr_array_add (self->ignored, g_strdup (header[i]));
      given |= map[i] >= 0 && map[i] < CONTACT_COLUMN && g_strcmp0 (columns[map[i]].property, "given-names") == 0;
      family |= map[i] >= 0 && map[i] < CONTACT_COLUMN && g_strcmp0 (columns[map[i]].property, "family-names") == 0;
    }
  if (!given || !family)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The first row must name the columns, with at least “Given names” and “Family names”. Export a list from Amparo to see the expected columns."));
      g_free (map);
      return NULL;
    }
  *n_map = n;
  return map;
}

/**
 * amparo_csv_format_persons:
 * @store: where the persons' contacts are
 * @persons: a #GListModel of #AmparoPerson
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): the CSV text: byte order mark, header row,
 *   one row per person with their contacts in numbered columns
 */
char *
amparo_csv_format_persons (AmparoStore *store,
                           GListModel  *persons,
                           gsize       *length)
{
  g_autoptr(GHashTable) contacts = contacts_by_person (store);
  GString *out = g_string_new (UTF8_BOM);
  guint n = g_list_model_get_n_items (persons);
  guint n_groups = 0;
  GHashTableIter iter;
  gpointer list;

  /* As many contact columns as the person with most contacts needs. */
  g_hash_table_iter_init (&iter, contacts);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    n_groups = MAX (n_groups, ((GPtrArray *) list)->len);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, columns[c].header);
    }
  for (guint i = 0; i < n_groups; i++)
    for (guint f = 0; f < N_CONTACT_FIELDS; f++)
      g_string_append_printf (out, ",Contact %u%s", i + 1, contact_fields[f].header);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoPerson) person = g_list_model_get_item (persons, i);
      gint64 id = amparo_record_get_id (AMPARO_RECORD (person));

      append_person (out, person, g_hash_table_lookup (contacts, &id), n_groups);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * amparo_csv_journal_persons:
 * @destination: (nullable): where the file went, for the journal
 *
 * Journals the export of every person in @persons, in one transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_csv_journal_persons (AmparoStore  *store,
                            GListModel   *persons,
                            const char   *destination,
                            GError      **error)
{
  g_autofree char *details = g_strdup_printf ("CSV: %s", destination ?: "");
  guint n = g_list_model_get_n_items (persons);

  if (!amparo_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRecord) person = g_list_model_get_item (persons, i);

      if (!amparo_store_log_action (store, AMPARO_JOURNAL_ACTION_EXPORT, person, details, error))
        {
          amparo_store_rollback (store);
          return FALSE;
        }
    }
  return amparo_store_commit (store, error);
}

typedef struct
{
  AmparoStore *store;
  GListModel  *persons;
} JournalPersons;

static gboolean
journal_persons_cb (const char  *path,
                    gpointer     user_data,
                    GError     **error)
{
  JournalPersons *journal = user_data;

  return amparo_csv_journal_persons (journal->store, journal->persons, path, error);
}

/**
 * amparo_csv_write_persons:
 * @persons: a #GListModel of #AmparoPerson, e.g. the list as filtered
 * @path: the file to write (replaced if it exists), mode 0600; it
 *   appears only once the export is journaled
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_csv_write_persons (AmparoStore  *store,
                          GListModel   *persons,
                          const char   *path,
                          GError      **error)
{
  gsize length;
  g_autofree char *text = amparo_csv_format_persons (store, persons, &length);
  JournalPersons journal = { store, persons };

  return amparo_private_file_write (path, text, length, journal_persons_cb, &journal, error);
}

/**
 * amparo_csv_import_new:
 * @data: the file's contents (UTF-8 or Windows-1252, decided from them)
 *
 * Reads and checks every row; writes nothing. See
 * amparo_csv_import_new_full().
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error
 *   set when the file is not a list of persons at all
 */
AmparoCsvImport *
amparo_csv_import_new (AmparoStore  *store,
                       const char   *data,
                       gsize         length,
                       GError      **error)
{
  return amparo_csv_import_new_full (store, data, length, AMPARO_CSV_ENCODING_AUTO,
                                     NULL, NULL, NULL, error);
}

#define PROGRESS_EVERY 256

/**
 * amparo_csv_import_new_full:
 * @data: the file's bytes (zero bytes and any encoding allowed)
 * @encoding: how to read them, or %AMPARO_CSV_ENCODING_AUTO to decide
 *   from them (amparo_csv_import_get_encoding() says what was decided,
 *   and why)
 * @progress: (nullable): called every few hundred rows with the rows
 *   checked and the total, in the calling thread
 * @cancellable: (nullable): stops the check (%G_IO_ERROR_CANCELLED)
 *
 * Reads and checks every row against the store; writes nothing. Every
 * row that is not empty ends in the preview, as a new person, a match,
 * a match to confirm (names differ) or a rejection with its reason.
 * Safe to run in a worker thread with a store of its own.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error
 *   set when the file is not a list of persons at all
 */
AmparoCsvImport *
amparo_csv_import_new_full (AmparoStore              *store,
                            const char               *data,
                            gsize                     length,
                            AmparoCsvEncoding         encoding,
                            AmparoCsvProgressFunc     progress,
                            gpointer                  progress_data,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(AmparoCsvImport) self = g_new0 (AmparoCsvImport, 1);
  g_autoptr(GArray) records = NULL;
  g_auto(GStrv) header = NULL;
  g_autofree int *map = NULL;
  g_autofree char *evidence = NULL;
  guint n_map = 0;
  AmparoCsvEncoding guessed;

  g_return_val_if_fail (AMPARO_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->ignored = g_ptr_array_new_with_free_func (g_free);
  self->seen_a_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seen_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->codes); i++)
    self->codes[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guessed = amparo_csv_guess_encoding (data, length, &evidence);
  self->encoding = encoding == AMPARO_CSV_ENCODING_AUTO ? guessed : encoding;
  self->data = g_bytes_new (data, length);
  self->evidence = g_steal_pointer (&evidence);

  records = amparo_csv_read_records (data, length);
  while (records->len > 0 && is_blank (g_array_index (records, AmparoCsvRecord, 0).fields) &&
         g_array_index (records, AmparoCsvRecord, 0).problem == NULL)
    g_array_remove_index (records, 0);
  if (records->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty."));
      return NULL;
    }
  header = decode_fields (self, g_array_index (records, AmparoCsvRecord, 0).fields, TRUE);
  if ((map = map_header (self, header, &n_map, error)) == NULL)
    return NULL;

  for (guint r = 1; r < records->len; r++)
    {
      AmparoCsvRecord *record = &g_array_index (records, AmparoCsvRecord, r);

      if (r % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL)
            progress (r, records->len - 1, progress_data);
        }
      if (record->problem == NULL && is_blank (record->fields))
        {
          self->n_blank++;
          continue;
        }
      read_row (self, record, map, n_map);
    }
  if (progress != NULL)
    progress (records->len - 1, records->len - 1, progress_data);
  return g_steal_pointer (&self);
}

/**
 * amparo_csv_import_new_from_file:
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error set
 */
AmparoCsvImport *
amparo_csv_import_new_from_file (AmparoStore  *store,
                                 const char   *path,
                                 GError      **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return amparo_csv_import_new (store, data, length, error);
}

void
amparo_csv_import_free (AmparoCsvImport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->ignored, g_ptr_array_unref);
  g_clear_pointer (&self->seen_a_numbers, g_hash_table_unref);
  g_clear_pointer (&self->seen_uids, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->codes); i++)
    g_clear_pointer (&self->codes[i], g_hash_table_unref);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_object (&self->store);
  g_free (self);
}

guint
amparo_csv_import_get_n_rows (AmparoCsvImport *self)
{
  return self->rows->len;
}

AmparoCsvRowAction
amparo_csv_import_get_action (AmparoCsvImport *self,
                              guint            row)
{
  g_return_val_if_fail (row < self->rows->len, AMPARO_CSV_ROW_REJECT);
  return g_array_index (self->rows, Row, row).action;
}

/**
 * amparo_csv_import_get_line:
 *
 * Returns: the line of the file where the row starts (the header is 1)
 */
guint
amparo_csv_import_get_line (AmparoCsvImport *self,
                            guint            row)
{
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->rows, Row, row).line;
}

/**
 * amparo_csv_import_get_reason:
 *
 * Returns: (transfer none) (nullable): why a rejected row is rejected
 */
const char *
amparo_csv_import_get_reason (AmparoCsvImport *self,
                              guint            row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).reason;
}

/**
 * amparo_csv_import_get_name:
 *
 * Returns: (transfer none): the names the row gives, as typed
 */
const char *
amparo_csv_import_get_name (AmparoCsvImport *self,
                            guint            row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).name;
}

/**
 * amparo_csv_import_get_person:
 *
 * Returns: (transfer none) (nullable): the person as the row would save
 *   them; %NULL for some rejected rows
 */
AmparoPerson *
amparo_csv_import_get_person (AmparoCsvImport *self,
                              guint            row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).person;
}

guint
amparo_csv_import_count (AmparoCsvImport    *self,
                         AmparoCsvRowAction  action)
{
  guint count = 0;

  for (guint i = 0; i < self->rows->len; i++)
    count += g_array_index (self->rows, Row, i).action == action;
  return count;
}

static gboolean row_accepted (const Row *row);

static char *
describe_row_alone (AmparoCsvImport *self,
                    guint            index)
{
  Row *row = &g_array_index (self->rows, Row, index);
  g_autofree char *name = row->person != NULL ? person_name (row->person) : g_strdup ("");
  g_autofree char *a_number = row->person != NULL
    ? amparo_a_number_format (amparo_person_get_a_number (row->person)) : NULL;

  switch (row->action)
    {
    case AMPARO_CSV_ROW_CREATE:
      /* Translators: a line of the import report */
      return g_strdup_printf (_("Line %u: new person: %s"), row->line, name);
    case AMPARO_CSV_ROW_UPDATE:
      /* Translators: a line of the import report; the last %s is an A-Number */
      return g_strdup_printf (_("Line %u: matches %s (%s): will be updated"), row->line, name,
                              a_number != NULL ? a_number : "—");
    case AMPARO_CSV_ROW_CONFIRM:
      if (row->confirmed)
        /* Translators: a line of the import report: the names in Amparo, then in the file, then the A-Number */
        return g_strdup_printf (_("Line %u: matches %s, renamed to %s (%s): will be updated"),
                                row->line, row->existing_name, name, a_number != NULL ? a_number : "—");
      /* Translators: a line of the import report: the A-Number, the names in Amparo, the names in the file */
      return g_strdup_printf (_("Line %u: rejected: %s is %s in Amparo, but this row names %s. Correct the A-Number in the file, or import it in the window to confirm the new names."),
                              row->line, a_number != NULL ? a_number : "—", row->existing_name, name);
    case AMPARO_CSV_ROW_REJECT:
    default:
      /* Translators: a line of the import report */
      return g_strdup_printf (_("Line %u: rejected: %s"), row->line, row->reason);
    }
}

/**
 * amparo_csv_import_describe_row:
 *
 * Returns: (transfer full): one line of the report, e.g.
 *   "Line 4: rejected: …", with the contacts a saved row brings
 */
char *
amparo_csv_import_describe_row (AmparoCsvImport *self,
                                guint            index)
{
  Row *row = &g_array_index (self->rows, Row, index);
  g_autofree char *line = describe_row_alone (self, index);
  guint n = row->contacts != NULL ? row->contacts->len : 0;

  if (!row_accepted (row) || n == 0)
    return g_steal_pointer (&line);
  /* Translators: after a line of the import report ("Line 3: new person: Rosa Quispe") */
  return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%s; %u contact to add or update",
                                     "%s; %u contacts to add or update", n), line, n);
}

/**
 * amparo_csv_import_format_summary:
 *
 * Returns: (transfer full): "2 new, 1 matched, 1 rejected" in words
 */
char *
amparo_csv_import_format_summary (AmparoCsvImport *self)
{
  guint created = amparo_csv_import_count (self, AMPARO_CSV_ROW_CREATE);
  guint updated = amparo_csv_import_count_accepted (self) - created;
  guint rejected = self->rows->len - created - updated;
  g_autofree char *c = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u new client", "%u new clients", created), created);
  g_autofree char *u = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u matched", "%u matched", updated), updated);
  g_autofree char *r = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", rejected), rejected);

  /* Translators: "2 new clients, 1 matched, 1 rejected" */
  return g_strdup_printf (_("%s, %s, %s"), c, u, r);
}

/**
 * amparo_csv_import_format_report:
 *
 * Returns: (transfer full): one line per row, ignored columns, and the
 *   summary, each ended by a newline
 */
char *
amparo_csv_import_format_report (AmparoCsvImport *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = amparo_csv_import_format_summary (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autofree char *line = amparo_csv_import_describe_row (self, i);
      g_string_append_printf (out, "%s\n", line);
    }
  for (guint i = 0; i < self->ignored->len; i++)
    g_string_append_printf (out, _("Column “%s” is not one Amparo knows; it was ignored.\n"),
                            (char *) self->ignored->pdata[i]);
  /* Translators: the first %s is an encoding name, the second why it was chosen */
  g_string_append_printf (out, _("Read as %s: %s\n"), amparo_csv_encoding_name (self->encoding), self->evidence);
  if (self->n_blank > 0)
    g_string_append_printf (out, dngettext (GETTEXT_PACKAGE, "%u empty line was skipped.\n",
                                            "%u empty lines were skipped.\n", self->n_blank), self->n_blank);
  g_string_append_printf (out, "%s\n", summary);
  return g_string_free (out, FALSE);
}

/**
 * amparo_csv_import_apply:
 *
 * Saves every accepted row in one transaction: all of them or, on an
 * error, none.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
amparo_csv_import_apply (AmparoCsvImport  *self,
                         GError          **error)
{
  return amparo_csv_import_apply_full (self, NULL, NULL, NULL, error);
}

static gboolean
row_accepted (const Row *row)
{
  return row->action == AMPARO_CSV_ROW_CREATE || row->action == AMPARO_CSV_ROW_UPDATE ||
         (row->action == AMPARO_CSV_ROW_CONFIRM && row->confirmed);
}

/* After the person, who now has an id to give new contacts. */
static gboolean
save_contacts (AmparoCsvImport  *self,
               Row              *row,
               GError          **error)
{
  for (guint i = 0; row->contacts != NULL && i < row->contacts->len; i++)
    {
      AmparoContact *contact = row->contacts->pdata[i];

      if (amparo_contact_get_person_id (contact) <= 0)
        amparo_contact_set_person_id (contact, amparo_record_get_id (AMPARO_RECORD (row->person)));
      if (!amparo_store_save (self->store, AMPARO_RECORD (contact), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * amparo_csv_import_apply_full:
 * @progress: (nullable): called every few hundred rows saved
 * @cancellable: (nullable): stops the import; nothing is saved
 *
 * Saves every accepted row (new, matched, and matches whose new names
 * were confirmed) in one transaction: all of them or, on an error or
 * cancel, none. Safe to run in a worker thread with a store of its own.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
typedef struct
{
  AmparoCsvProgressFunc func;
  gpointer data;
  guint total;
} ApplyProgress;

static void
on_apply_progress (double   fraction,
                   gpointer user_data)
{
  ApplyProgress *progress = user_data;

  progress->func ((guint) (fraction * progress->total), progress->total, progress->data);
}

gboolean
amparo_csv_import_apply_full (AmparoCsvImport        *self,
                              AmparoCsvProgressFunc   progress,
                              gpointer                progress_data,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_autoptr(GPtrArray) persons = g_ptr_array_new ();
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  ApplyProgress adapter = { progress, progress_data, self->rows->len };
  g_autoptr(GError) local = NULL;
  guint failed = G_MAXUINT;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (!row_accepted (row))
        continue;
      g_ptr_array_add (persons, row->person);
      g_array_append_val (lines, row->line);
    }
  /* Persons and their contacts, all or none: the persons in one
   * transaction without a savepoint per row (store, #11), then each
   * accepted row's contacts, now that its person has an id. */
  if (!amparo_store_begin (self->store, error))
    return FALSE;
  if (!amparo_store_save_many (self->store, persons, progress ? on_apply_progress : NULL, &adapter,
                               cancellable, &failed, &local))
    {
      amparo_store_rollback (self->store);
      if (failed < lines->len)
        g_set_error (error, local->domain, local->code,
                     _("Line %u: %s Nothing was imported."), g_array_index (lines, guint, failed), local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (row_accepted (row) && !save_contacts (self, row, &local))
        {
          amparo_store_rollback (self->store);
          g_set_error (error, local->domain, local->code,
                       _("Line %u: %s Nothing was imported."), row->line, local->message);
          return FALSE;
        }
    }
  return amparo_store_commit (self->store, error);
}

/**
 * amparo_csv_import_count_accepted:
 *
 * Returns: how many rows amparo_csv_import_apply() would save
 */
guint
amparo_csv_import_count_accepted (AmparoCsvImport *self)
{
  guint count = 0;

  for (guint i = 0; i < self->rows->len; i++)
    count += row_accepted (&g_array_index (self->rows, Row, i));
  return count;
}

/**
 * amparo_csv_import_get_n_contacts:
 *
 * Returns: how many contacts the row adds to its person or updates
 */
guint
amparo_csv_import_get_n_contacts (AmparoCsvImport *self,
                                  guint            row)
{
  GPtrArray *contacts;

  g_return_val_if_fail (row < self->rows->len, 0);
  contacts = g_array_index (self->rows, Row, row).contacts;
  return contacts != NULL ? contacts->len : 0;
}

/**
 * amparo_csv_import_get_existing_name:
 *
 * Returns: (transfer none) (nullable): for %AMPARO_CSV_ROW_CONFIRM, the
 *   names the matched person has in the store
 */
const char *
amparo_csv_import_get_existing_name (AmparoCsvImport *self,
                                     guint            row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_array_index (self->rows, Row, row).existing_name;
}

/**
 * amparo_csv_import_set_confirmed:
 * @confirmed: whether the person looked and wants the new names
 *
 * For %AMPARO_CSV_ROW_CONFIRM rows only; unconfirmed ones are not saved.
 */
void
amparo_csv_import_set_confirmed (AmparoCsvImport *self,
                                 guint            row,
                                 gboolean         confirmed)
{
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (g_array_index (self->rows, Row, row).action == AMPARO_CSV_ROW_CONFIRM);
  g_array_index (self->rows, Row, row).confirmed = confirmed;
}

gboolean
amparo_csv_import_get_confirmed (AmparoCsvImport *self,
                                 guint            row)
{
  g_return_val_if_fail (row < self->rows->len, FALSE);
  return g_array_index (self->rows, Row, row).confirmed;
}

/**
 * amparo_csv_import_get_data:
 *
 * Returns: (transfer none): the file's bytes, as given
 */
GBytes *
amparo_csv_import_get_data (AmparoCsvImport *self)
{
  return self->data;
}

/**
 * amparo_csv_import_set_store:
 * @store: another connection to the same case store
 *
 * Lets amparo_csv_import_apply_full() run in a worker thread with a
 * connection of its own: the rows only hold records of that database.
 */
void
amparo_csv_import_set_store (AmparoCsvImport *self,
                             AmparoStore     *store)
{
  g_return_if_fail (AMPARO_IS_STORE (store));
  g_set_object (&self->store, store);
}

AmparoCsvEncoding
amparo_csv_import_get_encoding (AmparoCsvImport *self)
{
  return self->encoding;
}

/**
 * amparo_csv_import_get_encoding_evidence:
 *
 * Returns: (transfer none): what the encoding guess rests on, a sentence
 */
const char *
amparo_csv_import_get_encoding_evidence (AmparoCsvImport *self)
{
  return self->evidence;
}

/**
 * amparo_csv_run_export_command:
 *
 * `amparo --export-csv=FILE`: every live person.
 *
 * Returns: the exit status
 */
int
amparo_csv_run_export_command (AmparoStore *store,
                               const char  *path)
{
  g_autoptr(GListModel) persons = amparo_store_list_persons (store, AMPARO_LIST_LIVE,
                                                             AMPARO_PERSON_SORT_FAMILY_NAMES);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (persons);

  if (!amparo_csv_write_persons (store, persons, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (dngettext (GETTEXT_PACKAGE, "Exported %u client to %s\n",
                        "Exported %u clients to %s\n", n), n, path);
  return 0;
}

/**
 * amparo_csv_run_import_command:
 *
 * `amparo --import-csv=FILE`: prints the report, imports.
 *
 * Returns: the exit status: 0 if at least one person was created or
 *   updated, 1 otherwise
 */
int
amparo_csv_run_import_command (AmparoStore *store,
                               const char  *path)
{
  g_autoptr(AmparoCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  guint accepted;

  if (!(import = amparo_csv_import_new_from_file (store, path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  report = amparo_csv_import_format_report (import);
  g_print ("%s", report);

  accepted = amparo_csv_import_count_accepted (import);
  if (accepted == 0)
    {
      g_printerr ("%s\n", _("Nothing was imported."));
      return 1;
    }
  if (!amparo_csv_import_apply (import, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
