-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Search over persons: a full-text index for search-as-you-type and the
-- phonetic name keys of the family-tracing matcher.

-- One row per live (not trashed) person, rowid = persons.id. It keeps its
-- own copy of the text because the places column gathers every location
-- of the person, which an external-content table could not delete by.
-- remove_diacritics 2: "jose" finds "José", "Nunez" finds "Núñez".
-- prefix: prefixes of one to five letters ("m" … "maria", "jose") read
-- one precomputed list; without it FTS5 merges the lists of every word
-- that starts so (maria, mariana, maribel, marisol…) on each keystroke,
-- ~10 ms for "mari" on 100,000 persons.
-- detail=none: only "which rows", the smallest and fastest index; the
-- search never asks for phrases or positions.
CREATE VIRTUAL TABLE persons_fts USING fts5 (
  names,
  aliases,
  a_number,
  places,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5',
  detail = none
);

INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  SELECT p.id,
         coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, ''),
         p.aliases,
         p.a_number,
         (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
            FROM locations l
           WHERE l.person_id = p.id AND l.deleted_at IS NULL)
    FROM persons p
   WHERE p.deleted_at IS NULL;

CREATE TRIGGER persons_fts_after_insert AFTER INSERT ON persons
WHEN new.deleted_at IS NULL
BEGIN
  INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  VALUES (new.id,
          coalesce (new.given_names, '') || ' ' || coalesce (new.family_names, ''),
          new.aliases,
          new.a_number,
          (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
             FROM locations l
            WHERE l.person_id = new.id AND l.deleted_at IS NULL));
END;

-- Trashing a person takes them out of the index, restoring puts them back.
CREATE TRIGGER persons_fts_after_update
AFTER UPDATE OF given_names, family_names, aliases, a_number, deleted_at ON persons
BEGIN
  DELETE FROM persons_fts WHERE rowid = old.id;
  INSERT INTO persons_fts (rowid, names, aliases, a_number, places)
  SELECT new.id,
         coalesce (new.given_names, '') || ' ' || coalesce (new.family_names, ''),
         new.aliases,
         new.a_number,
         (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
            FROM locations l
           WHERE l.person_id = new.id AND l.deleted_at IS NULL)
   WHERE new.deleted_at IS NULL;
END;

CREATE TRIGGER persons_fts_after_delete AFTER DELETE ON persons
BEGIN
  DELETE FROM persons_fts WHERE rowid = old.id;
END;

-- A location's facility and city are searchable through its person.
CREATE TRIGGER locations_fts_after_insert AFTER INSERT ON locations
BEGIN
  UPDATE persons_fts
     SET places = (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
                     FROM locations l
                    WHERE l.person_id = new.person_id AND l.deleted_at IS NULL)
   WHERE rowid = new.person_id;
END;

CREATE TRIGGER locations_fts_after_update
AFTER UPDATE OF person_id, facility, city, deleted_at ON locations
BEGIN
  UPDATE persons_fts
     SET places = (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
                     FROM locations l
                    WHERE l.person_id = old.person_id AND l.deleted_at IS NULL)
   WHERE rowid = old.person_id;
  UPDATE persons_fts
     SET places = (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
                     FROM locations l
                    WHERE l.person_id = new.person_id AND l.deleted_at IS NULL)
   WHERE rowid = new.person_id AND new.person_id IS NOT old.person_id;
END;

CREATE TRIGGER locations_fts_after_delete AFTER DELETE ON locations
BEGIN
  UPDATE persons_fts
     SET places = (SELECT group_concat (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
                     FROM locations l
                    WHERE l.person_id = old.person_id AND l.deleted_at IS NULL)
   WHERE rowid = old.person_id;
END;

-- Family tracing: one row per (family name, given name) pair of a live
-- person, keyed "familykey|givenkey" with the Spanish phonetic key of
-- src/store/amparo-phonetic.c, so "López, Yoselin" finds "Lopes, Joselyn"
-- by one index range. Keys are computed in C, not in SQL: triggers only
-- queue the persons whose names changed, and the matcher brings the keys
-- up to date before it searches. Any program that writes persons (the
-- app, the sqlite3 shell, a restore) thus keeps the keys correct.
CREATE TABLE person_name_keys (
  key       TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  PRIMARY KEY (key, person_id)
) WITHOUT ROWID;

CREATE INDEX person_name_keys_by_person ON person_name_keys (person_id);

CREATE TABLE person_name_keys_pending (
  person_id INTEGER PRIMARY KEY
);

INSERT INTO person_name_keys_pending (person_id) SELECT id FROM persons;

CREATE TRIGGER person_name_keys_after_insert AFTER INSERT ON persons
BEGIN
  INSERT OR IGNORE INTO person_name_keys_pending (person_id) VALUES (new.id);
END;

CREATE TRIGGER person_name_keys_after_update
AFTER UPDATE OF given_names, family_names, aliases, deleted_at ON persons
BEGIN
  INSERT OR IGNORE INTO person_name_keys_pending (person_id) VALUES (new.id);
END;

CREATE TRIGGER person_name_keys_after_delete AFTER DELETE ON persons
BEGIN
  DELETE FROM person_name_keys WHERE person_id = old.id;
  DELETE FROM person_name_keys_pending WHERE person_id = old.id;
END;
