-- SPDX-License-Identifier: GPL-3.0-or-later
-- PostgreSQL dialect of ../0010-reliability.sql (postgres #10: same number, same effect).
--
-- Each store gets an identity of its own. A -wal file left beside the
-- store is read as part of it; when the identity seen through the -wal
-- differs from the one in the file alone, the -wal came from another
-- database (a copy made while that one was open) and the store refuses
-- to open rather than let the stray pages be written into it.

CREATE TABLE store_identity (
  uuid TEXT NOT NULL
);

INSERT INTO store_identity (uuid) VALUES (replace (gen_random_uuid ()::text, '-', ''));
