-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Reports and the conflict check at intake.
--
-- A client's funding source (the grant or contract that pays for the
-- case), for funder reports; the assigned program already is `program`.
ALTER TABLE persons ADD COLUMN funding_source TEXT;

-- Adverse parties: a person or organization whose interests oppose a
-- client's (a parent accused of abuse in a SIJS case, a trafficker in a
-- T-visa case, a sponsor under investigation). person_id is the client,
-- proceeding_id the case (optional), party_id the adverse party when they
-- are a person in the store, party_name their name as written (always
-- kept, so an organization or someone not in the store is found too).
CREATE TABLE adverse_parties (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  proceeding_id INTEGER REFERENCES proceedings(id),
  party_id    INTEGER REFERENCES persons(id),
  party_name  TEXT,
  organization INTEGER NOT NULL DEFAULT 0,
  role        TEXT NOT NULL,
  notes       TEXT
);

CREATE INDEX adverse_parties_by_person ON adverse_parties (person_id);
CREATE INDEX adverse_parties_by_party ON adverse_parties (party_id);
CREATE INDEX adverse_parties_by_name ON adverse_parties (party_name COLLATE NOCASE);

-- What was decided about a possible conflict of interest, by whom and
-- when (the journal has the same, with the host). person_id is empty
-- when the intake was declined and the person never saved.
CREATE TABLE conflict_decisions (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER REFERENCES persons(id),
  subject_name TEXT,
  findings    TEXT,
  decision    TEXT NOT NULL,
  decided_by  TEXT,
  decided_at  TEXT,
  notes       TEXT
);

CREATE INDEX conflict_decisions_by_person ON conflict_decisions (person_id);

-- The dashboard's figures are each one aggregate query; these covering
-- indexes let them read an index instead of a million person rows.
CREATE INDEX persons_for_reports
  ON persons (client_status, program, intake_date, deleted_at, funding_source);
CREATE INDEX relationships_for_reports
  ON relationships (separated, reunification_status, deleted_at, person_id, separation_date, reunification_date);
CREATE INDEX proceedings_for_reports ON proceedings (status, outcome, deleted_at, person_id, updated_at);
