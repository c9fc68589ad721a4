-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 9 (postgres #10): no lost edits. Every record carries a revision,
-- raised by one at each save; a save that names an older revision than
-- the stored one is refused as a conflict (see update_record() in
-- src/store/amparo-store-save.c). Tables of kinds added by other
-- migrations get the column when the store opens (amparo-store-migrate.c).

ALTER TABLE persons ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE locations ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE relationships ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE relationship_evidence ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE proceedings ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE litigation ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE memberships ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE benefits ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE releases ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE demands ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE release_demands ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE demand_updates ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organization ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE journal ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
-- Kinds of schema 6 (reports #16)
ALTER TABLE adverse_parties ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conflict_decisions ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

-- --copy-store keeps the journal's actors: only the journal's owner (the
-- administrator who moves a store in) may, by setting amparo.copy_store
-- for the copy's transaction. Everyone else's rows name their account.
CREATE OR REPLACE FUNCTION amparo_journal_actor () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting ('amparo.copy_store', true) = 'on' AND
     pg_has_role (session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    RETURN NEW;
  END IF;
  NEW.actor := session_user;
  RETURN NEW;
END
$$;
