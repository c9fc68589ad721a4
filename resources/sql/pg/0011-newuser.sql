-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- newuser (#13), PostgreSQL twin of ../0011-newuser.sql: computed benefit
-- ends lose their stored (one-language) title, and a release gets the
-- Spanish text's own dateline.

UPDATE events SET title = NULL WHERE kind = 'benefit-end' AND source = 'computed';
ALTER TABLE releases ADD COLUMN dateline_es TEXT;
