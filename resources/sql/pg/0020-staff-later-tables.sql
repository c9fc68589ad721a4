-- Staff roles (0016) on the tables made beside or after them: the
-- documents (0015), and search and tracing's indexes (0017), which
-- triggers keep with the saving staff member's own rights. Front desk
-- and attorneys save persons, so they keep those indexes; documents are
-- case files, the attorneys' (as amparo-access.c's table says for kinds
-- it does not name). Administrators have every table already (0016's
-- default privileges). Without the group roles (no CREATEROLE yet) this
-- grants nothing: the owner runs it after amparo_grant_staff_roles ()
-- once a superuser has made them (README, "Several desks").
CREATE FUNCTION amparo_grant_later_tables () RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $$
BEGIN
  IF (SELECT count(*) FROM pg_roles WHERE rolname IN
        ('amparo_front_desk', 'amparo_attorney', 'amparo_communications', 'amparo_admin')) < 4 THEN
    RETURN;
  END IF;
  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON persons_search, person_name_keys, person_name_keys_pending TO amparo_front_desk, amparo_attorney';
  EXECUTE 'GRANT SELECT, INSERT, UPDATE ON documents, document_contents TO amparo_attorney';
END
$$;

SELECT amparo_grant_later_tables ();

-- A restricted client's documents, and the names the search and tracing
-- indexes hold for them, are as hidden as the client.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['documents', 'persons_search', 'person_name_keys'] LOOP
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format ('CREATE POLICY %I ON %I USING ((SELECT amparo_staff_role ()) = ''administrator'''
                    ' OR person_id NOT IN (SELECT amparo_hidden_person_ids ()))', t || '_visible', t);
  END LOOP;
END
$$;
