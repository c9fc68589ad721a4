-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The whole case, recorded and corrected in the window (issue #9).
--
-- A hearing is no longer only "done": it was held, missed (which can mean
-- an in-absentia order) or cancelled, with what came of it. A moved
-- hearing keeps the date it had and who moved it, and every date keeps
-- the time zone of the court that set it.

ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'scheduled';
ALTER TABLE events ADD COLUMN outcome TEXT;
ALTER TABLE events ADD COLUMN moved_from TEXT;
ALTER TABLE events ADD COLUMN moved_by TEXT NOT NULL DEFAULT 'manual';
ALTER TABLE events ADD COLUMN time_zone TEXT;
UPDATE events SET status = 'held' WHERE done = 1;

-- A proceeding is closed with an outcome and the day it came.
ALTER TABLE proceedings ADD COLUMN outcome_date TEXT;

-- Consent to family tracing belongs to the person (a child, or the adult
-- deciding for them): who gave it, when, and for what.
ALTER TABLE persons ADD COLUMN tracing_consent_by TEXT;
ALTER TABLE persons ADD COLUMN tracing_consent_on TEXT;
ALTER TABLE persons ADD COLUMN tracing_consent_scope TEXT;

CREATE INDEX contacts_by_last_verified ON contacts (person_id, last_verified) WHERE deleted_at IS NULL;
CREATE INDEX events_by_status ON events (status, starts_at) WHERE deleted_at IS NULL;

-- Countries are ISO 3166 codes now (the window shows their names from
-- iso-codes, in the interface language). Names people typed before are
-- mapped where they are plainly one country; anything else is kept and
-- shown as typed.
CREATE TEMP TABLE country_names (name TEXT PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO country_names VALUES
  ('guatemala', 'GT'), ('honduras', 'HN'), ('el salvador', 'SV'), ('salvador', 'SV'),
  ('mexico', 'MX'), ('méxico', 'MX'), ('nicaragua', 'NI'), ('costa rica', 'CR'),
  ('panama', 'PA'), ('panamá', 'PA'), ('belize', 'BZ'), ('belice', 'BZ'),
  ('colombia', 'CO'), ('venezuela', 'VE'), ('ecuador', 'EC'), ('peru', 'PE'), ('perú', 'PE'),
  ('bolivia', 'BO'), ('chile', 'CL'), ('argentina', 'AR'), ('brazil', 'BR'), ('brasil', 'BR'),
  ('cuba', 'CU'), ('haiti', 'HT'), ('haití', 'HT'), ('dominican republic', 'DO'),
  ('república dominicana', 'DO'), ('united states', 'US'), ('estados unidos', 'US'),
  ('usa', 'US'), ('u.s.', 'US'), ('canada', 'CA'), ('canadá', 'CA');
UPDATE persons SET country_of_birth = (SELECT code FROM country_names WHERE name = lower(trim(country_of_birth)))
  WHERE lower(trim(country_of_birth)) IN (SELECT name FROM country_names);
UPDATE locations SET country = (SELECT code FROM country_names WHERE name = lower(trim(country)))
  WHERE lower(trim(country)) IN (SELECT name FROM country_names);
UPDATE contacts SET country = (SELECT code FROM country_names WHERE name = lower(trim(country)))
  WHERE lower(trim(country)) IN (SELECT name FROM country_names);
DROP TABLE country_names;
