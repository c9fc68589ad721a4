/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-document.h"
#include "amparo-record-private.h"

struct _AmparoDocument
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoDocument, amparo_document, AMPARO_TYPE_RECORD)

static void
amparo_document_class_init (AmparoDocumentClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "documents";
  /* Newest first: the notice that just came is the one looked for. */
  record_class->default_order = "created_at DESC, id DESC";

  amparo_record_class_add_int64 (record_class, "person-id");
  amparo_record_class_add_int64 (record_class, "proceeding-id");
  amparo_record_class_add_int64 (record_class, "event-id");
  amparo_record_class_add_int64 (record_class, "evidence-id");
  amparo_record_class_add_enum (record_class, "kind", AMPARO_TYPE_DOCUMENT_KIND, AMPARO_DOCUMENT_KIND_OTHER);
  amparo_record_class_add_string (record_class, "document-date");
  amparo_record_class_add_string (record_class, "description");
  amparo_record_class_add_string (record_class, "file-name");
  amparo_record_class_add_string (record_class, "added-by");
  amparo_record_class_add_string (record_class, "sha256");
  amparo_record_class_add_int64 (record_class, "size");
  amparo_record_class_add_string (record_class, "content-type");
}

static void
amparo_document_init (AmparoDocument *self)
{
}

/**
 * amparo_document_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoDocument *
amparo_document_new (void)
{
  return g_object_new (AMPARO_TYPE_DOCUMENT, NULL);
}
