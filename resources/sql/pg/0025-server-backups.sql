-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- backup (#10): the daily backup of the shared server. `amparo
-- --daily-backup=DIR`, run on the server host as the database's owner by
-- a systemd timer, records each copy it made here, so that `--check` and
-- an administrator's Preferences can say when the newest one was made
-- (and warn when there is none, or it is old). A server-only table: a
-- desk's SQLite file keeps its backups beside itself and needs no record.

CREATE TABLE server_backups (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  made_at    TIMESTAMPTZ NOT NULL DEFAULT now (),
  actor      TEXT NOT NULL DEFAULT session_user,
  host       TEXT,
  file_name  TEXT NOT NULL,
  persons    BIGINT NOT NULL,
  records    BIGINT NOT NULL,
  size_bytes BIGINT NOT NULL
);
CREATE INDEX server_backups_made_at ON server_backups (made_at);

-- Who and when are the server's, as in the journal: what a client sends
-- is replaced. Only the database's owner (or a superuser) writes rows.
-- The grants below say so as well, but amparo_grant_staff_roles () run
-- again (README) gives amparo_admin every table back, so the rule is
-- kept by this trigger, not by grants alone.
CREATE FUNCTION amparo_server_backups_guard () RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $$
BEGIN
  IF NOT pg_has_role (session_user,
                      (SELECT datdba FROM pg_database WHERE datname = current_database ()),
                      'MEMBER') THEN
    RAISE EXCEPTION 'Only the owner of the database records its backups'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.actor := session_user;
    NEW.made_at := now ();
  ELSE
    NEW.actor := OLD.actor;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER server_backups_guard BEFORE INSERT OR UPDATE OR DELETE ON server_backups
  FOR EACH ROW EXECUTE FUNCTION amparo_server_backups_guard ();

-- Administrators read when the server was last backed up; the other
-- roles have no use for it.
REVOKE ALL ON server_backups FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'amparo_admin') THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON server_backups FROM amparo_admin;
    GRANT SELECT ON server_backups TO amparo_admin;
  END IF;
END
$$;
