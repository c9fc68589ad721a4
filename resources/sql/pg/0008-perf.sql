-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 8 on PostgreSQL (as ../0008-perf.sql): sorting by name as a
-- Spanish speaker expects, by index. The same key as on SQLite: family
-- then given names, lower case, accents folded, "ñ" as "n~" (after "n"),
-- char 1 between them; compared byte by byte (COLLATE "C"), so both
-- stores list persons in the same order and a page is an index seek.
-- PostgreSQL adds only stored generated columns.

ALTER TABLE persons ADD COLUMN sort_name TEXT COLLATE "C" GENERATED ALWAYS AS (
  replace (translate (lower (coalesce (family_names, '')), 'áàäâéèëêíïóöôúüç', 'aaaaeeeeiiooouuc'), 'ñ', 'n~')
  || chr (1) ||
  replace (translate (lower (coalesce (given_names, '')), 'áàäâéèëêíïóöôúüç', 'aaaaeeeeiiooouuc'), 'ñ', 'n~')
) STORED;

CREATE INDEX persons_by_sort_name ON persons (sort_name, id) WHERE deleted_at IS NULL;

DROP INDEX persons_by_family_names;
DROP INDEX persons_by_given_names;
DROP INDEX persons_by_updated_at;
