/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoDocument:
 *
 * A document in a client's case file (issue #18): a hearing notice, a
 * birth certificate, a DNA result… Its bytes are kept in the store
 * itself (table `document_contents`, once per SHA-256), so backups,
 * `--copy-store` and the shared server carry them; this record says what
 * the document is and whose it is. amparo_store_attach_document() fills
 * the hash, size and content type from the bytes.
 *
 * Table `documents`; columns (properties):
 * - `person-id`: the client
 * - `proceeding-id`, `event-id`, `evidence-id`: optionally, what it is about
 * - `kind` (#AmparoDocumentKind)
 * - `document-date`: the date on the document (`YYYY-MM-DD`)
 * - `description`
 * - `file-name`: as it was attached
 * - `added-by`: the staff member (OS user) who attached it
 * - `sha256`, `size`, `content-type`: of the bytes (sniffed, not guessed
 *   from the name)
 */
#define AMPARO_TYPE_DOCUMENT (amparo_document_get_type ())
G_DECLARE_FINAL_TYPE (AmparoDocument, amparo_document, AMPARO, DOCUMENT, AmparoRecord)

AmparoDocument *amparo_document_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoDocument, amparo_document, person_id, "person-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoDocument, amparo_document, proceeding_id, "proceeding-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoDocument, amparo_document, event_id, "event-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoDocument, amparo_document, evidence_id, "evidence-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoDocument, amparo_document, kind, "kind", AmparoDocumentKind)
AMPARO_RECORD_STRING_ACCESSORS (AmparoDocument, amparo_document, document_date, "document-date")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDocument, amparo_document, description, "description")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDocument, amparo_document, file_name, "file-name")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDocument, amparo_document, added_by, "added-by")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDocument, amparo_document, sha256, "sha256")
AMPARO_RECORD_INT64_ACCESSORS (AmparoDocument, amparo_document, size, "size")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDocument, amparo_document, content_type, "content-type")

G_END_DECLS
