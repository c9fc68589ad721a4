-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Reports (#16): the dashboard at a million persons.
--
-- Separated families: the median time apart is the middle separation
-- date of those still apart, read in date order from this index with
-- OFFSET, instead of sorting every one of them on each count (562 ms to
-- about 90 ms at 1,000,000 persons, tests/bench/bench-reports.c). Only
-- the separations still apart are in it: about 5 bytes a person there.
-- A stored "days apart" would go stale every night; the date does not.
CREATE INDEX relationships_apart ON relationships (separation_date, person_id)
  WHERE separated = 1 AND deleted_at IS NULL AND reunification_status <> 'reunified';

-- Outcomes of closed proceedings: the period is now a range on
-- updated_at, so the index leads with it after the status and a month
-- reads that month's closings, not every one since the store began. The
-- same columns as the index it replaces, so the same size.
DROP INDEX proceedings_for_reports;
CREATE INDEX proceedings_for_reports ON proceedings (status, updated_at, deleted_at, person_id, outcome);
