-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- PostgreSQL twin of ../0007-web.sql: the release's post as the
-- WordPress site reports it.

ALTER TABLE releases ADD COLUMN site_status TEXT;
ALTER TABLE releases ADD COLUMN scheduled_for TEXT;
ALTER TABLE releases ADD COLUMN first_published_at TEXT;
ALTER TABLE releases ADD COLUMN post_modified TEXT;
ALTER TABLE releases ADD COLUMN post_id_es BIGINT;
ALTER TABLE releases ADD COLUMN post_url_es TEXT;
