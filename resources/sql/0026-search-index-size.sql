-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Store size (#14): the search index without its own copy of the text.
--
-- Since 0002 persons_fts kept a private copy of every person's names,
-- aliases, A-number and places (persons_fts_content, 82 bytes a person
-- on the generated store, 7 % of the file) only so that a change could
-- delete the old words. Nothing reads that copy: the search asks for row
-- ids only (amparo-search.c, amparo-query-hits.c), and detail=none never
-- needs positions. Now the index is an external-content table over a
-- view that computes the same text from persons and locations, and every
-- trigger tells FTS5 the old words itself (the 'delete' command with the
-- values as they were indexed), so the view is never read to delete.
-- The text indexed is exactly what 0002 indexed, so the search SQL, the
-- import's INSERT … SELECT (amparo-store-import.c) and every result are
-- unchanged. See the size table in docs/architecture.md.
--
-- Which persons are in the index: those with a row in
-- persons_fts_docsize (FTS5 writes it with every row it indexes, and
-- removes it on 'delete'). A trigger deletes old words only for an
-- indexed person: deleting words a row never had would corrupt an
-- external-content index, and inside amparo_store_save_many() the
-- persons a batch inserted are not indexed until its end (0022).
--
-- Kept as they were, and why (bytes per person on the generated store):
-- prefix = '1 2 3 4 5' (43 of the index's 62 bytes): without the
-- prefixes of three to five letters "mari" reads and merges every word
-- so beginning, 3.6 ms instead of 0.6 ms at 100,000 persons, ten times
-- that at a million, on every keystroke. The docsize table (13 bytes)
-- is the "indexed" flag above.

DROP TRIGGER IF EXISTS persons_fts_after_update;
DROP TRIGGER IF EXISTS persons_fts_after_delete;
DROP TRIGGER IF EXISTS locations_fts_after_insert;
DROP TRIGGER IF EXISTS locations_fts_after_update;
DROP TRIGGER IF EXISTS locations_fts_after_delete;
DROP TRIGGER IF EXISTS locations_fts_after_move;
DROP TABLE persons_fts;

-- What a live person's index row holds, as 0002 wrote it.
CREATE VIEW persons_fts_source (id, names, aliases, a_number, places) AS
  SELECT p.id,
         coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),
         p.aliases,
         p.a_number,
         (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
            FROM locations l
           WHERE l.person_id = p.id AND l.deleted_at IS NULL)
    FROM persons p
   WHERE p.deleted_at IS NULL;

CREATE VIRTUAL TABLE persons_fts USING fts5 (
  names,
  aliases,
  a_number,
  places,
  content = 'persons_fts_source',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5',
  detail = none
);
INSERT INTO persons_fts (persons_fts) VALUES ('rebuild');
-- one segment, as a long-used index ends up after its merges
INSERT INTO persons_fts (persons_fts) VALUES ('optimize');

-- persons_fts_after_insert (0022) stays: it inserts, which an
-- external-content table takes as before.

-- A person's own fields changed (or the person was trashed, restored):
-- their locations did not, so the old row is old.* with today's places.
CREATE TRIGGER persons_fts_after_update
AFTER UPDATE OF given_names, family_names, aliases, a_number, deleted_at ON persons
BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, names, aliases, a_number, places)
  SELECT 'delete', old.id,
         coalesce (old.given_names, '') || ' ' || coalesce (old.family_names, ''),
         old.aliases,
         old.a_number,
         (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
            FROM locations l
           WHERE l.person_id = old.id AND l.deleted_at IS NULL)
   WHERE EXISTS (SELECT 1 FROM persons_fts_docsize WHERE id = old.id);
  INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  SELECT id, names, aliases, a_number, places
    FROM persons_fts_source
   WHERE id = new.id;
END;

CREATE TRIGGER persons_fts_after_delete AFTER DELETE ON persons
WHEN EXISTS (SELECT 1 FROM persons_fts_docsize WHERE id = old.id)
BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, names, aliases, a_number, places)
  SELECT 'delete', old.id,
         coalesce (old.given_names, '') || ' ' || coalesce (old.family_names, ''),
         old.aliases,
         old.a_number,
         (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
            FROM locations l
           WHERE l.person_id = old.id AND l.deleted_at IS NULL);
END;

-- A location changed: the person's old places are their other live
-- locations plus the old row (if it was live); the order of the words
-- does not matter to FTS5, only which words they are.
CREATE TRIGGER locations_fts_after_insert AFTER INSERT ON locations
WHEN EXISTS (SELECT 1 FROM persons_fts_docsize WHERE id = new.person_id)
BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, names, aliases, a_number, places)
  SELECT 'delete', p.id,
         coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),
         p.aliases,
         p.a_number,
         (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
            FROM locations l
           WHERE l.person_id = p.id AND l.deleted_at IS NULL AND l.id <> new.id)
    FROM persons p
   WHERE p.id = new.person_id;
  INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  SELECT id, names, aliases, a_number, places
    FROM persons_fts_source
   WHERE id = new.person_id;
END;

CREATE TRIGGER locations_fts_after_update
AFTER UPDATE OF person_id, facility, city, deleted_at ON locations
WHEN EXISTS (SELECT 1 FROM persons_fts_docsize WHERE id = old.person_id)
BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, names, aliases, a_number, places)
  SELECT 'delete', p.id,
         coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),
         p.aliases,
         p.a_number,
         coalesce ((SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
                      FROM locations l
                     WHERE l.person_id = p.id AND l.deleted_at IS NULL AND l.id <> new.id), '')
         || CASE WHEN old.deleted_at IS NULL
                 THEN ' ' || coalesce (old.facility, '') || ' ' || coalesce (old.city, '')
                 ELSE '' END
    FROM persons p
   WHERE p.id = old.person_id;
  INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  SELECT id, names, aliases, a_number, places
    FROM persons_fts_source
   WHERE id = old.person_id;
END;

-- A location moved to another person: before, that person had the
-- others only. (Its own trigger, so that whether each person was
-- indexed is asked before either is deleted.)
CREATE TRIGGER locations_fts_after_move
AFTER UPDATE OF person_id ON locations
WHEN new.person_id IS NOT old.person_id
     AND EXISTS (SELECT 1 FROM persons_fts_docsize WHERE id = new.person_id)
BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, names, aliases, a_number, places)
  SELECT 'delete', p.id,
         coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),
         p.aliases,
         p.a_number,
         (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
            FROM locations l
           WHERE l.person_id = p.id AND l.deleted_at IS NULL AND l.id <> new.id)
    FROM persons p
   WHERE p.id = new.person_id;
  INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  SELECT id, names, aliases, a_number, places
    FROM persons_fts_source
   WHERE id = new.person_id;
END;

CREATE TRIGGER locations_fts_after_delete AFTER DELETE ON locations
WHEN EXISTS (SELECT 1 FROM persons_fts_docsize WHERE id = old.person_id)
BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, names, aliases, a_number, places)
  SELECT 'delete', p.id,
         coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),
         p.aliases,
         p.a_number,
         coalesce ((SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
                      FROM locations l
                     WHERE l.person_id = p.id AND l.deleted_at IS NULL), '')
         || CASE WHEN old.deleted_at IS NULL
                 THEN ' ' || coalesce (old.facility, '') || ' ' || coalesce (old.city, '')
                 ELSE '' END
    FROM persons p
   WHERE p.id = old.person_id;
  INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  SELECT id, names, aliases, a_number, places
    FROM persons_fts_source
   WHERE id = old.person_id;
END;
