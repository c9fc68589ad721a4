-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- store (#11): a checksum beside every record, so that a flipped bit
-- inside a record's stored fields (which PRAGMA integrity_check cannot
-- see, and SQLite's cksumvfs is not in Debian's libsqlite3) is found by
-- `amparo --check`. It is amparo_checksum() (src/store/amparo-store-
-- checksum.c) of all the row's columns, written by every save and
-- verified by the check; the rows already stored get theirs when this
-- migration runs (amparo-store-migrate.c). SQLite only: PostgreSQL keeps
-- its own page checksums, so there is no pg twin.

ALTER TABLE persons ADD COLUMN checksum TEXT;
ALTER TABLE contacts ADD COLUMN checksum TEXT;
ALTER TABLE locations ADD COLUMN checksum TEXT;
ALTER TABLE relationships ADD COLUMN checksum TEXT;
ALTER TABLE relationship_evidence ADD COLUMN checksum TEXT;
ALTER TABLE proceedings ADD COLUMN checksum TEXT;
ALTER TABLE litigation ADD COLUMN checksum TEXT;
ALTER TABLE memberships ADD COLUMN checksum TEXT;
ALTER TABLE benefits ADD COLUMN checksum TEXT;
ALTER TABLE events ADD COLUMN checksum TEXT;
ALTER TABLE releases ADD COLUMN checksum TEXT;
ALTER TABLE demands ADD COLUMN checksum TEXT;
ALTER TABLE release_demands ADD COLUMN checksum TEXT;
ALTER TABLE demand_updates ADD COLUMN checksum TEXT;
ALTER TABLE organization ADD COLUMN checksum TEXT;
ALTER TABLE adverse_parties ADD COLUMN checksum TEXT;
ALTER TABLE conflict_decisions ADD COLUMN checksum TEXT;
