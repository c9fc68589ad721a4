-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- roles (#17): the front desk may not READ case notes (persons.notes),
-- on the server too. 0016 refused its writes (a trigger) and left the
-- reading to the app, so a front-desk login in psql could still
-- SELECT notes FROM persons. No SQLite twin: on one desk the app is
-- the only reader and hides them.
--
-- Column privileges, not a table of their own: nothing moves, the two
-- engines keep one shape (copy, backup, checksums, the record classes
-- and 0016's trigger are unchanged), and the store reads `NULL AS notes`
-- for a role without them (amparo_store_access_select_columns()).
-- The price: the front desk's SELECT on persons is a list of columns,
-- so a column a later migration adds to persons is not readable by the
-- front desk until that migration runs SELECT amparo_grant_readable_columns ();
-- (and a new case-notes column is added to amparo_case_note_columns ()).
--
-- Proceedings (and their notes) and relationship_evidence were never
-- granted to the front desk (0016). The notes of contacts, locations,
-- relationships and events are intake notes, the front desk's (the table
-- in amparo-access.h); they stay readable.

-- The columns of a table that are case notes: every role but attorneys
-- and administrators is refused them. A later migration that adds one
-- replaces this function and runs amparo_grant_readable_columns ().
CREATE FUNCTION amparo_case_note_columns (table_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE table_name WHEN 'persons' THEN ARRAY['notes'] ELSE ARRAY[]::text[] END
$$;

-- The front desk's SELECT on persons as every column it may read, as the
-- table is now. Run again after a migration adds a column to persons.
-- Without the group roles (no CREATEROLE yet) it grants nothing: the
-- owner runs it after amparo_grant_staff_roles () and
-- amparo_grant_later_tables () once a superuser has made them (README).
CREATE FUNCTION amparo_grant_readable_columns () RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $$
DECLARE
  t text;
  readable text;
BEGIN
  IF (SELECT count(*) FROM pg_roles WHERE rolname IN
        ('amparo_front_desk', 'amparo_attorney', 'amparo_communications', 'amparo_admin')) < 4 THEN
    RETURN;
  END IF;
  FOREACH t IN ARRAY ARRAY['persons'] LOOP
    SELECT string_agg (quote_ident (a.attname), ', ' ORDER BY a.attnum) INTO readable
      FROM pg_attribute a
     WHERE a.attrelid = format ('public.%I', t)::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attname <> ALL (amparo_case_note_columns (t));
    -- Revoking the table's SELECT revokes its column grants too: this
    -- can run any number of times.
    EXECUTE format ('REVOKE SELECT ON %I FROM amparo_front_desk', t);
    EXECUTE format ('GRANT SELECT (%s) ON %I TO amparo_front_desk', readable, t);
  END LOOP;
END
$$;

SELECT amparo_grant_readable_columns ();
