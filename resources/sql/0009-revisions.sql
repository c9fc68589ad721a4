-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 9 (postgres #10): no lost edits. Every record carries a revision,
-- raised by one at each save; a save that names an older revision than
-- the stored one is refused as a conflict (see update_record() in
-- src/store/amparo-store-save.c). A kind added by a later migration
-- creates its table with the column; nothing is probed at open, so the
-- first frame waits for no schema queries.

ALTER TABLE persons ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE locations ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relationship_evidence ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proceedings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE litigation ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE memberships ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE benefits ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE releases ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE demands ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE release_demands ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE demand_updates ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organization ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE journal ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- Kinds of schema 6 (reports #16)
ALTER TABLE adverse_parties ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conflict_decisions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
