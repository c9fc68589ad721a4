-- SPDX-License-Identifier: GPL-3.0-or-later
-- Documents in the case file (issue #18): a hearing notice, a birth
-- certificate, a DNA result… kept inside the case store, so backups,
-- --copy-store and the shared server carry them with the records.
--
-- The bytes are kept once per content, keyed by their SHA-256
-- (document_contents); each attachment is a record (documents) with the
-- usual identity, revision and Trash, tied to a client and optionally to
-- one of their proceedings, events or pieces of verification evidence.
-- A document in the Trash keeps its bytes, so it can be restored.

CREATE TABLE document_contents (
  sha256      TEXT PRIMARY KEY,
  size        INTEGER NOT NULL,
  content     BLOB NOT NULL
);

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  revision    INTEGER NOT NULL DEFAULT 0,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  proceeding_id INTEGER REFERENCES proceedings(id),
  event_id    INTEGER REFERENCES events(id),
  evidence_id INTEGER REFERENCES relationship_evidence(id),
  kind        TEXT NOT NULL,
  document_date TEXT,
  description TEXT,
  file_name   TEXT,
  added_by    TEXT,
  sha256      TEXT NOT NULL REFERENCES document_contents(sha256),
  size        INTEGER NOT NULL,
  content_type TEXT
);

CREATE INDEX documents_by_person ON documents (person_id);
CREATE INDEX documents_by_sha256 ON documents (sha256);
