-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- What Amparo knows of a release's post on the WordPress site: the
-- status the site reports (publish, future, draft, private…), the time it
-- is scheduled for (an embargo), when it first went out (kept across
-- corrections), the modification time the site confirmed for the last
-- write, and in two-post mode the Spanish post.

ALTER TABLE releases ADD COLUMN site_status TEXT;
ALTER TABLE releases ADD COLUMN scheduled_for TEXT;
ALTER TABLE releases ADD COLUMN first_published_at TEXT;
ALTER TABLE releases ADD COLUMN post_modified TEXT;
ALTER TABLE releases ADD COLUMN post_id_es INTEGER;
ALTER TABLE releases ADD COLUMN post_url_es TEXT;
