-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- CSV import speed (#14): the search index of a batch built once, at its
-- end. Debian 12's SQLite makes FTS5 write its pending terms to disk at
-- every statement savepoint, so one persons_fts row per inserted person
-- wrote one index segment per person (a third of an import's CPU time).
-- While a row is in persons_fts_deferred — only ever inside the write
-- transaction of amparo_store_save_many(), which deletes it again before
-- committing — inserted persons are left out of the index, and the batch
-- adds them all with one INSERT … SELECT before it commits. A killed
-- import rolls back the row with the persons: the store is before or
-- after, and the index always matches the persons.
CREATE TABLE persons_fts_deferred (
  id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER persons_fts_after_insert;
CREATE TRIGGER persons_fts_after_insert AFTER INSERT ON persons
WHEN new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM persons_fts_deferred)
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
