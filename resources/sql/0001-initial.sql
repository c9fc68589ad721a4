-- SPDX-License-Identifier: GPL-3.0-or-later
-- Amparo schema 1. Column names are the records' property names with
-- '-' replaced by '_' (see src/store/amparo-record.h); enums are stored as
-- their nicks. References never cascade: nothing a person links to is ever
-- removed with them (deletion is soft, through deleted_at).

CREATE TABLE persons (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  given_names TEXT,
  family_names TEXT,
  aliases     TEXT,
  birth_date  TEXT,
  birth_date_estimated INTEGER NOT NULL DEFAULT 0,
  sex         TEXT NOT NULL,
  country_of_birth TEXT,
  languages   TEXT,
  interpreter_needed INTEGER NOT NULL DEFAULT 0,
  a_number    TEXT,
  unaccompanied_minor INTEGER NOT NULL DEFAULT 0,
  mpp_history INTEGER NOT NULL DEFAULT 0,
  client_status TEXT NOT NULL,
  program     TEXT,
  assigned_staff TEXT,
  intake_date TEXT,
  notes       TEXT
);

CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  kind        TEXT NOT NULL,
  value       TEXT,
  belongs_to  TEXT,
  country     TEXT,
  last_verified TEXT,
  notes       TEXT
);

CREATE TABLE locations (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  kind        TEXT NOT NULL,
  facility    TEXT,
  city        TEXT,
  country     TEXT,
  since       TEXT,
  until       TEXT,
  source      TEXT,
  notes       TEXT
);

CREATE TABLE relationships (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  relative_id INTEGER NOT NULL REFERENCES persons(id),
  kind        TEXT NOT NULL,
  verification TEXT NOT NULL,
  separated   INTEGER NOT NULL DEFAULT 0,
  separation_date TEXT,
  separation_place TEXT,
  separated_by TEXT,
  reunification_status TEXT NOT NULL,
  reunification_date TEXT,
  status_date TEXT,
  tracing_consent INTEGER NOT NULL DEFAULT 0,
  notes       TEXT
);

CREATE TABLE relationship_evidence (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  relationship_id INTEGER NOT NULL REFERENCES relationships(id),
  kind        TEXT NOT NULL,
  description TEXT,
  verified_by TEXT,
  verified_on TEXT
);

CREATE TABLE proceedings (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  kind        TEXT NOT NULL,
  court       TEXT,
  case_number TEXT,
  judge       TEXT,
  status      TEXT NOT NULL,
  outcome     TEXT,
  opened_on   TEXT,
  notes       TEXT
);

CREATE TABLE litigation (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  name        TEXT,
  court       TEXT,
  docket      TEXT,
  filed_on    TEXT,
  status      TEXT NOT NULL,
  summary_en  TEXT,
  summary_es  TEXT,
  url         TEXT,
  class_from  TEXT,
  class_until TEXT,
  benefit_terms TEXT
);

CREATE TABLE memberships (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  litigation_id INTEGER REFERENCES litigation(id),
  claim_status TEXT NOT NULL,
  separation_date TEXT,
  eligible    INTEGER NOT NULL DEFAULT 0,
  benefits_start TEXT,
  notes       TEXT
);

CREATE TABLE benefits (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  membership_id INTEGER NOT NULL REFERENCES memberships(id),
  kind        TEXT NOT NULL,
  months      INTEGER NOT NULL DEFAULT 0,
  starts_on   TEXT,
  ends_on     TEXT,
  notes       TEXT
);

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  proceeding_id INTEGER REFERENCES proceedings(id),
  benefit_id  INTEGER REFERENCES benefits(id),
  kind        TEXT NOT NULL,
  title       TEXT,
  starts_at   TEXT,
  place       TEXT,
  done        INTEGER NOT NULL DEFAULT 0,
  source      TEXT NOT NULL,
  notes       TEXT
);

CREATE TABLE releases (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  title_en    TEXT,
  title_es    TEXT,
  body_en     TEXT,
  body_es     TEXT,
  dateline    TEXT,
  release_date TEXT,
  embargo_until TEXT,
  embargo_timezone TEXT,
  status      TEXT NOT NULL,
  media_contact TEXT,
  litigation_id INTEGER REFERENCES litigation(id),
  post_id     INTEGER,
  post_url    TEXT,
  published_at TEXT,
  source_guid TEXT,
  source_url  TEXT,
  original_html TEXT
);

CREATE TABLE demands (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  title_en    TEXT,
  title_es    TEXT,
  text_en     TEXT,
  text_es     TEXT,
  target      TEXT NOT NULL,
  target_detail TEXT,
  status      TEXT NOT NULL,
  first_stated TEXT,
  notes       TEXT
);

CREATE TABLE release_demands (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  demand_id   INTEGER NOT NULL REFERENCES demands(id),
  number      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE demand_updates (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  demand_id   INTEGER NOT NULL REFERENCES demands(id),
  update_date TEXT,
  status      TEXT NOT NULL,
  note_en     TEXT,
  note_es     TEXT,
  source_url  TEXT
);

CREATE TABLE organization (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  name        TEXT,
  address     TEXT,
  about_en    TEXT,
  about_es    TEXT,
  website_url TEXT,
  media_contact_name TEXT,
  media_contact_phone TEXT,
  media_contact_email TEXT
);

CREATE TABLE journal (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  actor       TEXT,
  host        TEXT,
  action      TEXT NOT NULL,
  table_name  TEXT,
  record_uid  TEXT,
  record_id   INTEGER,
  changes     TEXT,
  details     TEXT
);


CREATE INDEX persons_by_family_names ON persons (family_names COLLATE NOCASE, given_names COLLATE NOCASE, id);
CREATE INDEX persons_by_given_names ON persons (given_names COLLATE NOCASE, family_names COLLATE NOCASE, id);
CREATE INDEX persons_by_intake_date ON persons (intake_date, id);
CREATE INDEX persons_by_updated_at ON persons (updated_at, id);
CREATE INDEX persons_by_deleted_at ON persons (deleted_at);
CREATE INDEX persons_by_a_number ON persons (a_number) WHERE a_number IS NOT NULL;
CREATE INDEX contacts_by_person ON contacts (person_id);
CREATE INDEX locations_by_person ON locations (person_id, since);
CREATE INDEX relationships_by_person ON relationships (person_id);
CREATE INDEX relationships_by_relative ON relationships (relative_id);
CREATE INDEX evidence_by_relationship ON relationship_evidence (relationship_id);
CREATE INDEX proceedings_by_person ON proceedings (person_id);
CREATE INDEX memberships_by_person ON memberships (person_id);
CREATE INDEX memberships_by_litigation ON memberships (litigation_id);
CREATE INDEX benefits_by_membership ON benefits (membership_id);
CREATE INDEX events_by_person ON events (person_id, starts_at);
CREATE INDEX events_by_starts_at ON events (starts_at, id);
CREATE INDEX events_by_benefit ON events (benefit_id);
CREATE INDEX releases_by_date ON releases (release_date, id);
CREATE INDEX releases_by_source_guid ON releases (source_guid);
CREATE INDEX release_demands_by_release ON release_demands (release_id, number);
CREATE INDEX release_demands_by_demand ON release_demands (demand_id);
CREATE INDEX demand_updates_by_demand ON demand_updates (demand_id, update_date);
CREATE INDEX journal_by_record ON journal (record_uid, id);
