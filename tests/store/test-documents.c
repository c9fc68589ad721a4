/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents in the case file (#18), on a real store: a file and, through
 * test-documents-pg, the real PostgreSQL server. Attaching keeps the
 * bytes in the store with their hash, size and sniffed type; the same
 * file twice and a file past the limit are refused with a sentence;
 * deleting goes to the Trash and restoring brings the bytes back; open,
 * export and delete are journaled; --copy-store carries every byte. */
#include "config.h"

#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "amparo-store-private.h"
#include "store-test-util.h"

/* Bytes with every value 0–255 (a NUL early on, as in any PDF or JPEG),
 * starting like a PDF so the sniffer has something to find. */
static GBytes *
make_pdf_like (gsize size,
               guint seed)
{
  guint8 *data = g_malloc (size);
  static const char head[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ((i * 7 + seed * 13 + (i >> 8)) & 0xff);
  memcpy (data, head, MIN (size, sizeof head - 1));
  return g_bytes_new_take (data, size);
}

static AmparoDocument *
new_document (AmparoPerson       *person,
              AmparoDocumentKind  kind,
              const char         *file_name)
{
  AmparoDocument *document = amparo_document_new ();

  amparo_document_set_person_id (document, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_document_set_kind (document, kind);
  amparo_document_set_file_name (document, file_name);
  return document;
}

static guint
count_journal (AmparoStore  *store,
               AmparoRecord *record,
               AmparoJournalAction action)
{
  g_autoptr(GListModel) history = amparo_store_list_history (store, record);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(AmparoJournalEntry) entry = g_list_model_get_item (history, i);

      if (amparo_journal_entry_get_action (entry) == action)
        n++;
    }
  return n;
}

static void
test_attach_list_read (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) notice = new_document (ana, AMPARO_DOCUMENT_KIND_HEARING_NOTICE, "aviso.bin");
  g_autoptr(GBytes) bytes = make_pdf_like (300 * 1024, 1);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(AmparoDocument) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *sha256 = NULL;

  amparo_document_set_document_date (notice, "2026-11-03");
  amparo_document_set_description (notice, "Notice of hearing, San Antonio");
  g_assert_true (amparo_store_attach_document (fixture->store, notice, bytes, &error));
  g_assert_no_error (error);

  /* Hash and size of the bytes; the type from the bytes, not from
   * "aviso.bin"; who added it. */
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (amparo_document_get_sha256 (notice), ==, sha256);
  g_assert_cmpint (amparo_document_get_size (notice), ==, 300 * 1024);
  g_assert_cmpstr (amparo_document_get_content_type (notice), ==, "application/pdf");
  /* The OS user; on the server, the account that signed in. */
  if (!amparo_test_engine_is_pg ())
    g_assert_cmpstr (amparo_document_get_added_by (notice), ==, g_get_user_name ());
  else
    g_assert_nonnull (amparo_document_get_added_by (notice));

  list = amparo_store_list_documents (fixture->store, ana);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = g_list_model_get_item (list, 0);
  g_assert_cmpint (amparo_document_get_kind (listed), ==, AMPARO_DOCUMENT_KIND_HEARING_NOTICE);
  g_assert_cmpstr (amparo_document_get_document_date (listed), ==, "2026-11-03");
  g_assert_cmpstr (amparo_document_get_description (listed), ==, "Notice of hearing, San Antonio");
  g_assert_cmpstr (amparo_document_get_file_name (listed), ==, "aviso.bin");

  back = amparo_store_document_read (fixture->store, amparo_record_get_id (AMPARO_RECORD (listed)),
                                     &content_type, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_cmpstr (content_type, ==, "application/pdf");

  /* The attachment is journaled as an insert of the document. */
  g_assert_cmpuint (count_journal (fixture->store, AMPARO_RECORD (listed), AMPARO_JOURNAL_ACTION_INSERT), ==, 1);
}

static void
test_sniffing (StoreFixture  *fixture,
               gconstpointer  data)
{
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autoptr(GBytes) jpeg_bytes = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) text = g_bytes_new_static ("Dear counsel,\nplease find attached.\n", 36);
  g_autofree char *a = amparo_document_sniff_content_type (jpeg_bytes);
  g_autofree char *b = amparo_document_sniff_content_type (png_bytes);
  g_autofree char *c = amparo_document_sniff_content_type (text);

  g_assert_cmpstr (a, ==, "image/jpeg");
  g_assert_cmpstr (b, ==, "image/png");
  g_assert_true (g_str_has_prefix (c, "text/"));
}

static void
test_duplicate (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoPerson) luis = store_test_add_person (fixture->store, "Luis", "López", "2014-05-06");
  g_autoptr(AmparoDocument) first = new_document (ana, AMPARO_DOCUMENT_KIND_COURT_ORDER, "orden.pdf");
  g_autoptr(AmparoDocument) again = new_document (ana, AMPARO_DOCUMENT_KIND_OTHER, "orden (1).pdf");
  g_autoptr(AmparoDocument) sibling = new_document (luis, AMPARO_DOCUMENT_KIND_COURT_ORDER, "orden.pdf");
  g_autoptr(GBytes) bytes = make_pdf_like (4096, 2);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  amparo_document_set_description (first, "Custody order");
  g_assert_true (amparo_store_attach_document (fixture->store, first, bytes, &error));
  g_assert_no_error (error);

  /* The same bytes for the same client: noticed, named, not saved. */
  g_assert_false (amparo_store_attach_document (fixture->store, again, bytes, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "sha256");
  g_assert_nonnull (strstr (error->message, "Custody order"));
  g_assert_cmpint (amparo_record_get_id (AMPARO_RECORD (again)), ==, 0);
  g_clear_error (&error);
  list = amparo_store_list_documents (fixture->store, ana);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* The same order in a sibling's file is fine (kept once in the store). */
  g_assert_true (amparo_store_attach_document (fixture->store, sibling, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (amparo_document_get_sha256 (sibling), ==, amparo_document_get_sha256 (first));
}

static void
test_size_limit (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) big = new_document (ana, AMPARO_DOCUMENT_KIND_APPLICATION, "i-589.pdf");
  g_autoptr(AmparoDocument) empty = new_document (ana, AMPARO_DOCUMENT_KIND_OTHER, "empty.pdf");
  g_autoptr(AmparoDocument) at_limit = new_document (ana, AMPARO_DOCUMENT_KIND_APPLICATION, "i-589-small.pdf");
  g_autoptr(GBytes) too_big = make_pdf_like (AMPARO_DOCUMENT_MAX_SIZE + 1, 3);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) limit = NULL;
  g_autoptr(GBytes) back = NULL;

  g_assert_false (amparo_store_attach_document (fixture->store, big, too_big, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "size");
  /* The message says the limit, in words a person reads. */
  g_assert_nonnull (strstr (error->message, "50.0\xc2\xa0MB"));
  g_clear_error (&error);

  g_assert_false (amparo_store_attach_document (fixture->store, empty, nothing, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_DOCUMENT, AMPARO_LIST_LIVE), ==, 0);

  /* Exactly the limit goes in, and comes back whole. */
  limit = make_pdf_like (AMPARO_DOCUMENT_MAX_SIZE, 4);
  g_assert_true (amparo_store_attach_document (fixture->store, at_limit, limit, &error));
  g_assert_no_error (error);
  back = amparo_store_document_read (fixture->store, amparo_record_get_id (AMPARO_RECORD (at_limit)), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, limit));
}

static void
test_trash_restore (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) dna = new_document (ana, AMPARO_DOCUMENT_KIND_DNA_RESULT, "adn.pdf");
  g_autoptr(AmparoDocument) again = new_document (ana, AMPARO_DOCUMENT_KIND_DNA_RESULT, "adn.pdf");
  g_autoptr(GBytes) bytes = make_pdf_like (10000, 5);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_attach_document (fixture->store, dna, bytes, &error));
  list = amparo_store_list_documents (fixture->store, ana);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (dna), &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = amparo_store_list_documents (fixture->store, ana);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpint (amparo_store_count (fixture->store, AMPARO_TYPE_DOCUMENT, AMPARO_LIST_TRASH), ==, 1);
  g_assert_cmpuint (count_journal (fixture->store, AMPARO_RECORD (dna), AMPARO_JOURNAL_ACTION_DELETE), ==, 1);

  g_assert_true (amparo_store_restore (fixture->store, AMPARO_RECORD (dna), &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = amparo_store_list_documents (fixture->store, ana);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (count_journal (fixture->store, AMPARO_RECORD (dna), AMPARO_JOURNAL_ACTION_RESTORE), ==, 1);
  /* Its bytes stayed in the store while it was in the Trash. */
  back = amparo_store_document_read (fixture->store, amparo_record_get_id (AMPARO_RECORD (dna)), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));

  /* Restored, it is a live copy again: the same file is refused. */
  g_assert_false (amparo_store_attach_document (fixture->store, again, bytes, &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE);
}

static void
test_open_copy (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) id = new_document (ana, AMPARO_DOCUMENT_KIND_IDENTITY_DOCUMENT, "../../etc/pasaporte.pdf");
  g_autoptr(GBytes) bytes = make_pdf_like (2048, 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  gsize length;
  GStatBuf st;

  g_assert_true (amparo_store_attach_document (fixture->store, id, bytes, &error));
  path = amparo_store_document_open_copy (fixture->store, id, &error);
  g_assert_no_error (error);

  /* A private copy under its own name (never a path out of its folder). */
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, "pasaporte.pdf");
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpuint (count_journal (fixture->store, AMPARO_RECORD (id), AMPARO_JOURNAL_ACTION_VIEW), ==, 1);

  amparo_store_document_remove_copy (path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_export (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) one = new_document (ana, AMPARO_DOCUMENT_KIND_BIRTH_CERTIFICATE, "acta.pdf");
  g_autoptr(AmparoDocument) two = new_document (ana, AMPARO_DOCUMENT_KIND_CORRESPONDENCE, "acta.pdf");
  g_autoptr(GBytes) bytes_one = make_pdf_like (5000, 7);
  g_autoptr(GBytes) bytes_two = make_pdf_like (7000, 8);
  g_autofree char *zip = g_build_filename (fixture->dir, "ana-documents.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) index = g_string_new (NULL);
  struct archive *reader;
  struct archive_entry *entry;
  guint n_exported = 0, n_entries = 0, n_matched = 0;
  GStatBuf st;

  amparo_document_set_description (one, "Birth certificate, \"certified\" copy");
  g_assert_true (amparo_store_attach_document (fixture->store, one, bytes_one, &error));
  g_assert_true (amparo_store_attach_document (fixture->store, two, bytes_two, &error));
  g_assert_no_error (error);

  g_assert_true (amparo_store_export_documents (fixture->store, ana, zip, &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 2);
  g_assert_cmpint (g_stat (zip, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Read back with libarchive: both files byte for byte, and the index. */
  reader = archive_read_new ();
  archive_read_support_format_zip (reader);
  g_assert_cmpint (archive_read_open_filename (reader, zip, 10240), ==, ARCHIVE_OK);
  while (archive_read_next_header (reader, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) content = g_byte_array_new ();
      g_autoptr(GBytes) got = NULL;
      guint8 buffer[8192];
      la_ssize_t n;

      while ((n = archive_read_data (reader, buffer, sizeof buffer)) > 0)
        g_byte_array_append (content, buffer, n);
      got = g_byte_array_free_to_bytes (g_steal_pointer (&content));
      n_entries++;
      if (g_strcmp0 (archive_entry_pathname (entry), "index.csv") == 0)
        g_string_append_len (index, g_bytes_get_data (got, NULL), g_bytes_get_size (got));
      else if (g_bytes_equal (got, bytes_one) || g_bytes_equal (got, bytes_two))
        n_matched++;
    }
  archive_read_free (reader);
  g_assert_cmpuint (n_entries, ==, 3);
  g_assert_cmpuint (n_matched, ==, 2);
  /* Two files named alike stay two entries, and the index says which is which. */
  g_assert_nonnull (strstr (index->str, "01-acta.pdf"));
  g_assert_nonnull (strstr (index->str, "02-acta.pdf"));
  g_assert_nonnull (strstr (index->str, "\"Birth certificate, \"\"certified\"\" copy\""));
  g_assert_nonnull (strstr (index->str, amparo_document_get_sha256 (one)));

  g_assert_cmpuint (count_journal (fixture->store, AMPARO_RECORD (one), AMPARO_JOURNAL_ACTION_EXPORT), ==, 1);
  g_assert_cmpuint (count_journal (fixture->store, AMPARO_RECORD (two), AMPARO_JOURNAL_ACTION_EXPORT), ==, 1);
  g_assert_cmpuint (count_journal (fixture->store, AMPARO_RECORD (ana), AMPARO_JOURNAL_ACTION_EXPORT), ==, 1);
}

/* --copy-store to the same engine, and from there to a file: every
 * document and every byte arrives. */
static void
test_copy_store (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) photo = new_document (ana, AMPARO_DOCUMENT_KIND_PHOTO, "foto.jpg");
  g_autoptr(AmparoDocument) order = new_document (ana, AMPARO_DOCUMENT_KIND_COURT_ORDER, "orden.pdf");
  g_autoptr(GBytes) photo_bytes = make_pdf_like (1024 * 1024 + 17, 9);
  g_autoptr(GBytes) order_bytes = make_pdf_like (333, 10);
  g_autofree char *copy = amparo_test_store_location (fixture->dir, "copy.db");
  g_autofree char *file = g_build_filename (fixture->dir, "back.db", NULL);
  const char *targets[] = { copy, file };
  g_autoptr(GError) error = NULL;

  g_assert_true (amparo_store_attach_document (fixture->store, photo, photo_bytes, &error));
  g_assert_true (amparo_store_attach_document (fixture->store, order, order_bytes, &error));
  g_assert_true (amparo_store_delete (fixture->store, AMPARO_RECORD (order), &error));
  g_assert_no_error (error);

  g_assert_true (amparo_store_copy (fixture->path, copy, &error));
  g_assert_no_error (error);
  g_assert_true (amparo_store_copy (copy, file, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(AmparoStore) other = amparo_store_open (targets[i], &error);
      g_autoptr(AmparoDocument) photo_there = NULL;
      g_autoptr(AmparoDocument) order_there = NULL;
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;

      g_assert_no_error (error);
      photo_there = amparo_store_get_by_uid (other, AMPARO_TYPE_DOCUMENT,
                                             amparo_record_get_uid (AMPARO_RECORD (photo)), &error);
      order_there = amparo_store_get_by_uid (other, AMPARO_TYPE_DOCUMENT,
                                             amparo_record_get_uid (AMPARO_RECORD (order)), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (amparo_document_get_file_name (photo_there), ==, "foto.jpg");
      /* The Trash travels too. */
      g_assert_true (amparo_record_is_deleted (AMPARO_RECORD (order_there)));
      a = amparo_store_document_read (other, amparo_record_get_id (AMPARO_RECORD (photo_there)), NULL, &error);
      g_assert_no_error (error);
      b = amparo_store_document_read (other, amparo_record_get_id (AMPARO_RECORD (order_there)), NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (a, photo_bytes));
      g_assert_true (g_bytes_equal (b, order_bytes));
    }
}

/* Bytes changed in the store behind Amparo's back are caught by their
 * hash, on reading and on opening, not handed on as the original. */
static void
test_damaged_content (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) order = new_document (ana, AMPARO_DOCUMENT_KIND_COURT_ORDER, "orden.pdf");
  g_autoptr(GBytes) bytes = make_pdf_like (5000, 12);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_true (amparo_store_attach_document (fixture->store, order, bytes, &error));
  g_assert_true (amparo_store_exec (fixture->store, "UPDATE document_contents SET content = substr (content, 1, 4000)",
                                    &error));
  g_assert_no_error (error);

  back = amparo_store_document_read (fixture->store, amparo_record_get_id (AMPARO_RECORD (order)), NULL, &error);
  g_assert_null (back);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  path = amparo_store_document_open_copy (fixture->store, order, &error);
  g_assert_null (path);
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT);
}

/* The daily/menu backup of a file carries the documents too. */
static void
test_backup (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(AmparoPerson) ana = store_test_add_person (fixture->store, "Ana", "López", "2012-03-04");
  g_autoptr(AmparoDocument) notice = new_document (ana, AMPARO_DOCUMENT_KIND_HEARING_NOTICE, "aviso.pdf");
  g_autoptr(GBytes) bytes = make_pdf_like (200000, 11);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autoptr(AmparoStore) restored = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;

  if (amparo_test_skip_on_pg ("a server is backed up by its administrator, not to a file"))
    return;
  g_assert_true (amparo_store_attach_document (fixture->store, notice, bytes, &error));
  g_assert_true (amparo_store_backup_to_file (fixture->store, backup, NULL, &error));
  g_assert_no_error (error);
  restored = amparo_store_open (backup, &error);
  g_assert_no_error (error);
  back = amparo_store_document_read (restored, amparo_record_get_id (AMPARO_RECORD (notice)), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/documents/attach-list-read", test_attach_list_read);
  STORE_TEST ("/documents/sniffing", test_sniffing);
  STORE_TEST ("/documents/duplicate", test_duplicate);
  STORE_TEST ("/documents/size-limit", test_size_limit);
  STORE_TEST ("/documents/trash-restore", test_trash_restore);
  STORE_TEST ("/documents/open-copy", test_open_copy);
  STORE_TEST ("/documents/export", test_export);
  STORE_TEST ("/documents/copy-store", test_copy_store);
  STORE_TEST ("/documents/backup", test_backup);
  STORE_TEST ("/documents/damaged-content", test_damaged_content);

  return g_test_run ();
}
