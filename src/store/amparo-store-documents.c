/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-query-model.h"
#include "amparo-server-list.h"
#include "amparo-private-file.h"

/*
 * Documents in the case file (issue #18). The bytes live in the store
 * (document_contents, once per SHA-256; migration 0015), so a backup, a
 * --copy-store or the shared server carries them with the records that
 * name them. Each attachment is an ordinary record (AmparoDocument): it
 * is saved, journaled, moved to the Trash and restored like any other.
 * Opening one writes a private copy for the desktop's viewer; exporting
 * a client's documents writes one zip with an index for pro bono counsel.
 * Both are journaled.
 */

/* The bytes of one document, read by one statement and checked against
 * their hash: a flipped bit in a scan is reported, never handed to a
 * viewer or to counsel as if it were the original. */
static GBytes *
read_content (AmparoStore  *self,
              const char   *sha256,
              GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = amparo_store_prepare_stmt (self, "SELECT content FROM document_contents WHERE sha256 = ?",
                                                            error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *actual = NULL;
  AmparoDbStep rc;

  if (stmt == NULL)
    return NULL;
  amparo_db_bind_text (stmt, 1, sha256);
  rc = amparo_db_step (stmt, error);
  if (rc == AMPARO_DB_ERROR)
    return NULL;
  if (rc == AMPARO_DB_DONE)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_NOT_FOUND,
                   _("The document’s file is missing from the case store."));
      return NULL;
    }
  bytes = amparo_db_column_blob (stmt, 0);
  actual = bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_CORRUPT,
                   _("The document’s file is damaged in the case store (it no longer matches its SHA-256). Restore it from a backup."));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* From the bytes (shared-mime-info's magic), never from the file's name:
 * a "notice.pdf" that is really an executable is not shown as a PDF. A
 * few signatures are checked by hand for a machine without the MIME
 * database. */
char *
amparo_document_sniff_content_type (GBytes *bytes)
{
  static const struct { const char *magic; gsize len; const char *type; } magic[] = {
    { "%PDF-", 5, "application/pdf" },
    { "\xff\xd8\xff", 3, "image/jpeg" },
    { "\x89PNG\r\n\x1a\n", 8, "image/png" },
    { "GIF8", 4, "image/gif" },
    { "II*\0", 4, "image/tiff" },
    { "MM\0*", 4, "image/tiff" },
  };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree char *guessed = NULL;
  gboolean uncertain = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (magic); i++)
    if (size >= magic[i].len && memcmp (data, magic[i].magic, magic[i].len) == 0)
      return g_strdup (magic[i].type);
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return g_strdup ("image/webp");

  guessed = g_content_type_guess (NULL, data, size, &uncertain);
  if (guessed != NULL)
    {
      g_autofree char *mime = g_content_type_get_mime_type (guessed);

      if (mime != NULL)
        return g_steal_pointer (&mime);
    }
  return g_strdup ("application/octet-stream");
}

/**
 * amparo_store_find_document_copy:
 * @person_id: the client
 * @sha256: a file's hash
 *
 * Returns: (transfer full) (nullable): a live document of @person_id
 *   with these very bytes, or %NULL
 */
AmparoDocument *
amparo_store_find_document_copy (AmparoStore *self,
                                 gint64       person_id,
                                 const char  *sha256)
{
  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  return amparo_store_find_one (self, AMPARO_TYPE_DOCUMENT,
                                "person_id = ? AND sha256 = ? AND deleted_at IS NULL",
                                person_id, sha256);
}

static gboolean
check_size (gsize    size,
            GError **error)
{
  g_autofree char *limit = NULL;
  g_autofree char *actual = NULL;

  if (size == 0)
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                   _("The file is empty; nothing was attached."));
      amparo_store_error_set_field (*error, "size");
      return FALSE;
    }
  if (size <= AMPARO_DOCUMENT_MAX_SIZE)
    return TRUE;
  limit = g_format_size (AMPARO_DOCUMENT_MAX_SIZE);
  actual = g_format_size (size);
  g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
               _("The file is %s; a document may be at most %s. Scan it at a lower resolution or split it; nothing was attached."),
               actual, limit);
  amparo_store_error_set_field (*error, "size");
  return FALSE;
}

static gboolean
duplicate_error (AmparoStore     *self,
                 AmparoDocument  *existing,
                 GError         **error)
{
  const char *name = amparo_document_get_description (existing);

  if (name == NULL || *name == '\0')
    name = amparo_document_get_file_name (existing);
  g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_DUPLICATE,
               _("This file is already in the client’s documents, as “%s”; it was not attached twice."),
               name != NULL ? name : "");
  amparo_store_error_set_field (*error, "sha256");
  return FALSE;
}

static gboolean
store_content (AmparoStore  *self,
               const char   *sha256,
               GBytes       *bytes,
               GError      **error)
{
  g_autoptr(AmparoDbStmt) stmt = NULL;

  /* The same bytes for another client (a court order naming siblings)
   * are kept once. */
  stmt = amparo_store_prepare_stmt (self,
                                    "INSERT INTO document_contents (sha256, size, content) VALUES (?, ?, ?)"
                                    " ON CONFLICT (sha256) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  amparo_db_bind_text (stmt, 1, sha256);
  amparo_db_bind_int64 (stmt, 2, g_bytes_get_size (bytes));
  amparo_db_bind_blob (stmt, 3, bytes);
  return amparo_db_step_done (stmt, error);
}

/**
 * amparo_store_attach_document:
 * @document: a new document with at least its `person-id` (and whatever
 *   else is known: kind, file name, description, date)
 * @bytes: the file's contents
 *
 * Keeps @bytes in the store and saves @document with their SHA-256, size
 * and sniffed content type, and the OS user as `added-by`, in one
 * transaction. Refused (%AMPARO_STORE_ERROR_INVALID, field `size`) for
 * an empty file or one past %AMPARO_DOCUMENT_MAX_SIZE, and
 * (%AMPARO_STORE_ERROR_DUPLICATE, field `sha256`) when the client
 * already has these very bytes.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing saved
 */
gboolean
amparo_store_attach_document (AmparoStore     *self,
                              AmparoDocument  *document,
                              GBytes          *bytes,
                              GError         **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(AmparoDocument) existing = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (amparo_record_get_id (AMPARO_RECORD (document)) == 0, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, error))
    return FALSE;
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  existing = amparo_store_find_document_copy (self, amparo_document_get_person_id (document), sha256);
  if (existing != NULL)
    return duplicate_error (self, existing, error);

  content_type = amparo_document_sniff_content_type (bytes);
  amparo_document_set_sha256 (document, sha256);
  amparo_document_set_size (document, size);
  amparo_document_set_content_type (document, content_type);
  if (amparo_document_get_added_by (document) == NULL)
    amparo_document_set_added_by (document, self->actor);

  if (!amparo_store_begin (self, error))
    return FALSE;
  if (!store_content (self, sha256, bytes, error) ||
      !amparo_store_save (self, AMPARO_RECORD (document), error))
    {
      amparo_store_rollback (self);
      return FALSE;
    }
  return amparo_store_commit (self, error);
}

/**
 * amparo_store_document_read:
 * @id: a document's id
 * @content_type: (out) (optional) (transfer full): its sniffed content type
 *
 * The document's bytes, for a thumbnail or for reading a hearing notice.
 * Not journaled by itself: a caller that shows the document to a person
 * journals the view (amparo_store_log_view()).
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
amparo_store_document_read (AmparoStore  *self,
                            gint64        id,
                            char        **content_type,
                            GError      **error)
{
  g_autoptr(AmparoDocument) document = NULL;
  GBytes *bytes;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);

  document = amparo_store_get_by_id (self, AMPARO_TYPE_DOCUMENT, id, error);
  if (document == NULL)
    return NULL;
  bytes = read_content (self, amparo_document_get_sha256 (document), error);
  if (bytes != NULL && content_type != NULL)
    *content_type = g_strdup (amparo_document_get_content_type (document));
  return bytes;
}

/**
 * amparo_store_list_documents:
 * @person: a saved client
 *
 * The client's documents not in the Trash, newest first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoDocument
 */
GListModel *
amparo_store_list_documents (AmparoStore  *self,
                             AmparoPerson *person)
{
  g_autofree char *id = NULL;
  const char *where = "person_id = ? AND deleted_at IS NULL";
  const char *order_by[] = { "created_at DESC, id DESC", NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_record_get_id (AMPARO_RECORD (person)));
  amparo_store_watch_others (self);
  if (amparo_db_get_engine (self->conn) == AMPARO_DB_ENGINE_PG)
    return G_LIST_MODEL (amparo_server_list_new (self, AMPARO_TYPE_DOCUMENT, where,
                                                 (const char * const[]) { id, NULL }, order_by));
  return G_LIST_MODEL (amparo_query_model_new (self, AMPARO_TYPE_DOCUMENT, where,
                                               (const char * const[]) { id, NULL }, order_by));
}

/* A name safe in any folder or archive: no folders, no control
 * characters, never empty or hidden. */
static char *
safe_file_name (AmparoDocument *document)
{
  const char *name = amparo_document_get_file_name (document);
  g_autofree char *base = g_path_get_basename (name != NULL && *name != '\0' ? name : "document");
  GString *safe = g_string_new (NULL);

  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == '/' || c == '\\' || c == ':' || c == 0x7f)
        g_string_append_c (safe, '_');
      else
        g_string_append_unichar (safe, c);
    }
  if (safe->len == 0 || safe->str[0] == '.' || !g_utf8_validate (safe->str, -1, NULL))
    g_string_prepend (safe, "document");
  return g_string_free (safe, FALSE);
}

/* Private copies handed to the desktop's viewer: their folders, removed
 * by amparo_store_document_remove_copy() or at quit. */
static GPtrArray *private_copies;

static void
remove_copy_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/**
 * amparo_store_document_open_copy:
 *
 * Writes the document's bytes to a private copy for the desktop's
 * viewer: mode 0600, alone in a folder of mode 0700 under the user's
 * runtime folder, under its own file name. Journals the view.
 *
 * Returns: (transfer full): the copy's path, or %NULL with @error set
 */
char *
amparo_store_document_open_copy (AmparoStore     *self,
                                 AmparoDocument  *document,
                                 GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *template = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  g_return_val_if_fail (AMPARO_IS_DOCUMENT (document), NULL);

  if (!(bytes = read_content (self, amparo_document_get_sha256 (document), error)))
    return NULL;
  template = g_build_filename (g_get_user_runtime_dir (), "amparo-document-XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make a private folder to open the document: %s"), g_strerror (saved));
      return NULL;
    }
  dir = g_steal_pointer (&template);
  name = safe_file_name (document);
  path = g_build_filename (dir, name, NULL);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
      !amparo_store_log_action (self, AMPARO_JOURNAL_ACTION_VIEW, AMPARO_RECORD (document),
                                "opened in the desktop's viewer", error))
    {
      remove_copy_folder (dir);
      return NULL;
    }
  if (private_copies == NULL)
    private_copies = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (private_copies, g_steal_pointer (&dir));
  return g_steal_pointer (&path);
}

/**
 * amparo_store_document_remove_copy:
 * @path: (nullable): from amparo_store_document_open_copy(), or %NULL for
 *   every copy still there (at quit)
 *
 * Removes a private copy and its folder.
 */
void
amparo_store_document_remove_copy (const char *path)
{
  g_autofree char *dir = path != NULL ? g_path_get_dirname (path) : NULL;

  if (private_copies == NULL)
    return;
  for (guint i = private_copies->len; i > 0; i--)
    {
      const char *copy = private_copies->pdata[i - 1];

      if (dir == NULL || g_strcmp0 (copy, dir) == 0)
        {
          remove_copy_folder (copy);
          g_ptr_array_remove_index (private_copies, i - 1);
        }
    }
}

/* RFC 4180: every field quoted, quotes doubled. */
static void
append_csv_field (GString    *csv,
                  const char *value,
                  gboolean    last)
{
  g_string_append_c (csv, '"');
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append (csv, last ? "\"\r\n" : "\",");
}

static void
append_index_row (GString        *csv,
                  const char     *entry_name,
                  AmparoDocument *document)
{
  g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_document_get_size (document));

  append_csv_field (csv, entry_name, FALSE);
  append_csv_field (csv, amparo_document_kind_get_label (amparo_document_get_kind (document)), FALSE);
  append_csv_field (csv, amparo_document_get_document_date (document), FALSE);
  append_csv_field (csv, amparo_document_get_description (document), FALSE);
  append_csv_field (csv, amparo_document_get_file_name (document), FALSE);
  append_csv_field (csv, amparo_document_get_added_by (document), FALSE);
  append_csv_field (csv, amparo_record_get_created_at (AMPARO_RECORD (document)), FALSE);
  append_csv_field (csv, amparo_document_get_content_type (document), FALSE);
  append_csv_field (csv, size, FALSE);
  append_csv_field (csv, amparo_document_get_sha256 (document), TRUE);
}

static gboolean
archive_failed (struct archive  *archive,
                const char      *path,
                GError         **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
               path, archive_error_string (archive) != NULL ? archive_error_string (archive) : "");
  return FALSE;
}

static gboolean
archive_add (struct archive  *archive,
             const char      *path,
             const char      *name,
             gconstpointer    data,
             gsize            size,
             GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0600);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
       (size == 0 || archive_write_data (archive, data, size) == (la_ssize_t) size);
  archive_entry_free (entry);
  return ok || archive_failed (archive, path, error);
}

typedef struct
{
  AmparoStore *store;
  GListModel  *documents;
  AmparoPerson *person;
} ExportJournal;

/* Every document exported, and the client, journaled before the archive
 * takes its name (amparo_private_file_finish()). */
static gboolean
journal_export (const char  *path,
                gpointer     user_data,
                GError     **error)
{
  ExportJournal *journal = user_data;
  g_autofree char *details = g_strdup_printf ("documents exported to %s", path);
  guint n = g_list_model_get_n_items (journal->documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoRecord) document = g_list_model_get_item (journal->documents, i);
      g_autofree char *detail = g_strdup_printf ("exported to %s", path);

      if (!amparo_store_log_action (journal->store, AMPARO_JOURNAL_ACTION_EXPORT, document, detail, error))
        return FALSE;
    }
  return amparo_store_log_action (journal->store, AMPARO_JOURNAL_ACTION_EXPORT,
                                  AMPARO_RECORD (journal->person), details, error);
}

static gboolean
write_archive (AmparoStore  *self,
               GListModel   *documents,
               const char   *temp,
               const char   *path,
               GError      **error)
{
  struct archive *archive = archive_write_new ();
  g_autoptr(GString) index = g_string_new ("\xEF\xBB\xBF");
  guint n = g_list_model_get_n_items (documents);
  gboolean ok = FALSE;

  append_csv_field (index, _("File"), FALSE);
  append_csv_field (index, _("Type"), FALSE);
  append_csv_field (index, _("Date"), FALSE);
  append_csv_field (index, _("Description"), FALSE);
  append_csv_field (index, _("Original file name"), FALSE);
  append_csv_field (index, _("Added by"), FALSE);
  append_csv_field (index, _("Added on"), FALSE);
  append_csv_field (index, _("Content type"), FALSE);
  append_csv_field (index, _("Size (bytes)"), FALSE);
  append_csv_field (index, "SHA-256", TRUE);

  if (archive_write_set_format_zip (archive) != ARCHIVE_OK ||
      archive_write_open_filename (archive, temp) != ARCHIVE_OK)
    {
      archive_failed (archive, path, error);
      goto out;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GBytes) bytes = read_content (self, amparo_document_get_sha256 (document), error);
      g_autofree char *safe = safe_file_name (document);
      /* Numbered: two documents may have had the same name. */
      g_autofree char *entry = g_strdup_printf ("%02u-%s", i + 1, safe);
      gsize size;
      gconstpointer data;

      if (bytes == NULL)
        goto out;
      data = g_bytes_get_data (bytes, &size);
      if (!archive_add (archive, path, entry, data, size, error))
        goto out;
      append_index_row (index, entry, document);
    }
  if (!archive_add (archive, path, "index.csv", index->str, index->len, error))
    goto out;
  if (archive_write_close (archive) != ARCHIVE_OK)
    {
      archive_failed (archive, path, error);
      goto out;
    }
  ok = TRUE;

out:
  archive_write_free (archive);
  return ok;
}

/**
 * amparo_store_export_documents:
 * @person: a saved client
 * @path: the zip file to write
 * @n_exported: (out) (optional): how many documents went in
 *
 * Writes every document of @person not in the Trash into one zip
 * archive (mode 0600), numbered, with `index.csv` saying what each one
 * is, for a transfer to pro bono counsel. Each document and the client
 * are journaled as exported. A file already at @path is replaced only
 * once the new one is complete.
 *
 * Returns: %TRUE, or %FALSE with @error set and @path untouched
 */
gboolean
amparo_store_export_documents (AmparoStore   *self,
                               AmparoPerson  *person,
                               const char    *path,
                               guint         *n_exported,
                               GError       **error)
{
  g_autoptr(GListModel) documents = NULL;
  g_autofree char *temp = NULL;
  ExportJournal journal;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_PERSON (person), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  documents = amparo_store_list_documents (self, person);
  if (!(temp = amparo_private_file_begin (path, error)))
    return FALSE;
  if (!write_archive (self, documents, temp, path, error))
    {
      amparo_private_file_abort (temp);
      return FALSE;
    }
  journal = (ExportJournal) { self, documents, person };
  if (!amparo_private_file_finish (temp, path, journal_export, &journal, error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = g_list_model_get_n_items (documents);
  return TRUE;
}

/* --copy-store (amparo-store-copy.c): every content row, one at a time
 * (a server sends a whole result at once), before the documents that
 * name them. */
gboolean
amparo_store_copy_document_contents (AmparoStore  *source,
                                     AmparoStore  *target,
                                     GError      **error)
{
  g_autoptr(AmparoDbStmt) keys = amparo_store_prepare_stmt (source, "SELECT sha256 FROM document_contents ORDER BY sha256",
                                                            error);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  AmparoDbStep rc;

  if (keys == NULL)
    return FALSE;
  while ((rc = amparo_db_step (keys, error)) == AMPARO_DB_ROW)
    g_ptr_array_add (hashes, g_strdup (amparo_db_column_text (keys, 0)));
  if (rc == AMPARO_DB_ERROR)
    return FALSE;
  g_clear_pointer (&keys, amparo_db_stmt_free);

  for (guint i = 0; i < hashes->len; i++)
    {
      g_autoptr(GBytes) bytes = read_content (source, hashes->pdata[i], error);

      if (bytes == NULL || !store_content (target, hashes->pdata[i], bytes, error))
        return FALSE;
    }
  return TRUE;
}
