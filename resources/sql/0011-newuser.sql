-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- newuser (#13).
--
-- Computed benefit ends no longer store a title: it was written in the
-- language on screen when the store computed it ("Housing support ends"
-- in a Spanish notice). amparo_event_dup_title() names them in the
-- language they are shown in.
--
-- A release's dateline in Spanish ("LOS ÁNGELES"), beside the English
-- one kept in `dateline`.

UPDATE events SET title = NULL WHERE kind = 'benefit-end' AND source = 'computed';
ALTER TABLE releases ADD COLUMN dateline_es TEXT;
