-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 8 (performance): sorting by name as a Spanish speaker expects,
-- by index, and only the indexes some query uses.
--
-- sort_name: family names, then given names, lower case and without
-- accents, so "Álvarez" sorts among the A's (COLLATE NOCASE put it after
-- "Zepeda": it folds ASCII only) and "Núñez" next to "Nunez". "ñ" sorts
-- after "n" ("n~"), as in the Spanish alphabet. Char 1 ends the family
-- names: "López" comes before "López Ixcot". A virtual generated column:
-- nothing to keep up to date, no bytes in the table, whatever program
-- writes persons (the app, the sqlite3 shell, a restore); only its index
-- stores it. Plain text compared byte by byte, so a page of the list is a
-- seek on (sort_name, id) — row values over COLLATE NOCASE terms could
-- not seek, and every "next page" scanned from the start.
ALTER TABLE persons ADD COLUMN sort_name TEXT
  GENERATED ALWAYS AS (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (lower (ifnull (family_names, '')), 'á', 'a'), 'Á', 'a'), 'à', 'a'), 'À', 'a'), 'ä', 'a'), 'â', 'a'), 'é', 'e'), 'É', 'e'), 'è', 'e'), 'ë', 'e'), 'ê', 'e'), 'í', 'i'), 'Í', 'i'), 'ï', 'i'), 'ó', 'o'), 'Ó', 'o'), 'ö', 'o'), 'ô', 'o'), 'ú', 'u'), 'Ú', 'u'), 'ü', 'u'), 'Ü', 'u'), 'ñ', 'n~'), 'Ñ', 'n~'), 'ç', 'c'), 'Ç', 'c') || char (1) || replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (replace (lower (ifnull (given_names, '')), 'á', 'a'), 'Á', 'a'), 'à', 'a'), 'À', 'a'), 'ä', 'a'), 'â', 'a'), 'é', 'e'), 'É', 'e'), 'è', 'e'), 'ë', 'e'), 'ê', 'e'), 'í', 'i'), 'Í', 'i'), 'ï', 'i'), 'ó', 'o'), 'Ó', 'o'), 'ö', 'o'), 'ô', 'o'), 'ú', 'u'), 'Ú', 'u'), 'ü', 'u'), 'Ü', 'u'), 'ñ', 'n~'), 'Ñ', 'n~'), 'ç', 'c'), 'Ç', 'c')) VIRTUAL;

-- Live persons only: the Trash is small and sorted when shown.
CREATE INDEX persons_by_sort_name ON persons (sort_name, id) WHERE deleted_at IS NULL;

-- Replaced by persons_by_sort_name (the list, the CSV export, tracing).
DROP INDEX persons_by_family_names;
-- No list sorts by given names or by last change any more (the API
-- still offers both orders; they sort what they read).
DROP INDEX persons_by_given_names;
DROP INDEX persons_by_updated_at;
