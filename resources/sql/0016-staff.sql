-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- roles (#17): staff and restricted cases.
--
-- `staff`: one row per account that works on this store (on one desk the
-- OS user, on a shared server the database role) and its role. A store
-- with no staff yet keeps working as before: whoever opens it is its
-- administrator (amparo-store-access.c says the whole rule).
--
-- `case_restrictions`: a client record restricted to named staff (a
-- trafficking survivor's T-visa case). A person with at least one live
-- row here is seen only by the accounts named and by administrators.

CREATE TABLE staff (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  revision     INTEGER NOT NULL DEFAULT 0,
  account      TEXT NOT NULL,
  display_name TEXT,
  role         TEXT NOT NULL,
  programs     TEXT
);
CREATE UNIQUE INDEX staff_account ON staff (account) WHERE deleted_at IS NULL;

CREATE TABLE case_restrictions (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  revision     INTEGER NOT NULL DEFAULT 0,
  person_id    INTEGER NOT NULL REFERENCES persons(id),
  account      TEXT NOT NULL
);
CREATE INDEX case_restrictions_person ON case_restrictions (person_id) WHERE deleted_at IS NULL;
