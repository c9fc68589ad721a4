-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 3 on PostgreSQL (as ../0003-list-indexes.sql): indexes that let the person lists page through a million rows.
--
-- The list orders now carry deleted_at, so "live persons in this order"
-- is read from the index alone: a page is an index seek, and a jump far
-- down the list skips index entries without touching the table. The
-- Trash gets a partial index; a full index on deleted_at (nearly all
-- NULL) only tempted the planner into sorting the whole table per page.

DROP INDEX persons_by_deleted_at;
CREATE INDEX persons_in_trash ON persons (deleted_at) WHERE deleted_at IS NOT NULL;

DROP INDEX persons_by_family_names;
CREATE INDEX persons_by_family_names
  ON persons (family_names COLLATE NOCASE, given_names COLLATE NOCASE, id, deleted_at);

DROP INDEX persons_by_given_names;
CREATE INDEX persons_by_given_names
  ON persons (given_names COLLATE NOCASE, family_names COLLATE NOCASE, id, deleted_at);

DROP INDEX persons_by_intake_date;
CREATE INDEX persons_by_intake_date ON persons (intake_date, id, deleted_at);

DROP INDEX persons_by_updated_at;
CREATE INDEX persons_by_updated_at ON persons (updated_at, id, deleted_at);

