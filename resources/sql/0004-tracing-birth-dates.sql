-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Family tracing keeps each person's birth date next to their name keys.
-- A common name ("López, Yoselin") has thousands of namesakes in a
-- million persons; with the birth date in the key index, a search for a
-- child of about 7 skips the namesakes of other ages without reading
-- their person rows (46 ms of CPU on 1M persons otherwise).

ALTER TABLE person_name_keys ADD COLUMN birth_date TEXT;

DROP TRIGGER person_name_keys_after_update;

CREATE TRIGGER person_name_keys_after_update
AFTER UPDATE OF given_names, family_names, aliases, birth_date, deleted_at ON persons
BEGIN
  INSERT OR IGNORE INTO person_name_keys_pending (person_id) VALUES (new.id);
END;

-- The matcher rewrites every person's keys, with birth dates, on its
-- next search (see amparo_name_matcher_update_keys()).
INSERT OR IGNORE INTO person_name_keys_pending (person_id) SELECT id FROM persons;
