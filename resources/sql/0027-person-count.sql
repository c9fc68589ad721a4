-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Speed (#14): the Clients list's length without counting the table.
--
-- The whole list is as long as the persons table less its Trash. SQLite
-- has no stored row count: count(*) walks every page of the smallest
-- index, 22 ms at a million persons, at every start and after every
-- save that refreshes the list. Here the number is kept as rows come and
-- go; the Trash is still counted from its small partial index
-- (persons_in_trash, 0008). A person is never deleted for good by
-- Amparo, but the trigger keeps the number right if one is. Nothing
-- inserts into persons with REPLACE, which would delete without firing
-- the delete trigger. `--check` compares the number with count(*).
--
-- The shared server counts with count(*) as before: there row-level
-- security makes the length depend on who asks, and one stored number
-- cannot serve every role.

CREATE TABLE row_counts (
  table_name TEXT PRIMARY KEY,
  n          INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO row_counts (table_name, n) SELECT 'persons', count(*) FROM persons;

CREATE TRIGGER persons_counted_after_insert AFTER INSERT ON persons
BEGIN
  UPDATE row_counts SET n = n + 1 WHERE table_name = 'persons';
END;

CREATE TRIGGER persons_counted_after_delete AFTER DELETE ON persons
BEGIN
  UPDATE row_counts SET n = n - 1 WHERE table_name = 'persons';
END;
