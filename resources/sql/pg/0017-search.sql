-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 17 on PostgreSQL (postgres #10): search as you type, as the
-- SQLite store's full-text index persons_fts (../0002-search.sql) and
-- family tracing's name keys (../0002-search.sql, ../0004-…).
--
-- Search: one row per live person in persons_search, its words folded
-- (lower case, accents off through the unaccent extension) in a tsvector
-- with a GIN index. Every word typed is a prefix query ('mar':*), which
-- the GIN index answers from its sorted lexemes; a trigram index would
-- add substring matches ("ria" finding "María"), which the SQLite store
-- does not do, so both engines find the same persons. The row is kept by
-- triggers, so any program writing persons (psql, a restore) keeps it
-- right. unaccent is a trusted extension: the database's owner may
-- create it (an administrator may also have put it in template1).

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads its dictionary by name); with the
-- dictionary named it may be called from an index or a generated value.
CREATE FUNCTION amparo_fold (t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower (unaccent ('unaccent'::regdictionary, coalesce (t, ''))) $$;

-- What amparo_search_build_match() makes for SQLite's FTS5 ("jose"* AND
-- "nun"*, or "2015"* OR "02015"*) as a tsquery: jose:* & nun:*. Its words
-- hold letters and digits only, so nothing typed makes it invalid.
CREATE FUNCTION amparo_search_query (m text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsquery ('simple', amparo_fold (
           replace (replace (replace (replace (m, ' AND ', ' & '), ' OR ', ' | '), '"*', ':*'), '"', ''))) $$;

CREATE TABLE persons_search (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  doc       tsvector NOT NULL
);

CREATE INDEX persons_search_by_doc ON persons_search USING gin (doc);

-- The A-number by its digits (as the SQLite index reads it: separators
-- split tokens there), names, aliases, and every live location's
-- facility and city.
CREATE FUNCTION amparo_person_search_doc (pid bigint) RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
    SELECT to_tsvector ('simple', amparo_fold (
             coalesce (p.given_names, '') || ' ' || coalesce (p.family_names, '') || ' ' ||
             coalesce (p.aliases, '') || ' ' ||
             coalesce (regexp_replace (p.a_number, '[^0-9]', '', 'g'), '') || ' ' ||
             coalesce ((SELECT string_agg (coalesce (l.facility, '') || ' ' || coalesce (l.city, ''), ' ')
                          FROM locations l
                         WHERE l.person_id = p.id AND l.deleted_at IS NULL), '')))
      FROM persons p
     WHERE p.id = pid
  $$;

CREATE FUNCTION amparo_person_search_refresh (pid bigint) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF pid IS NULL THEN
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM persons WHERE id = pid AND deleted_at IS NULL) THEN
      INSERT INTO persons_search (person_id, doc) VALUES (pid, amparo_person_search_doc (pid))
        ON CONFLICT (person_id) DO UPDATE SET doc = excluded.doc;
    ELSE
      DELETE FROM persons_search WHERE person_id = pid;
    END IF;
  END
  $$;

-- `--copy-store` (amparo.copy_store = 'on', see 0009) fills the index
-- once at its end instead of once per row (amparo-store-copy.c).
CREATE FUNCTION amparo_persons_search_trigger () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting ('amparo.copy_store', true) = 'on' THEN
      RETURN NULL;
    END IF;
    PERFORM amparo_person_search_refresh (new.id);
    RETURN NULL;
  END
  $$;

CREATE TRIGGER persons_search_after_insert AFTER INSERT ON persons
  FOR EACH ROW EXECUTE FUNCTION amparo_persons_search_trigger ();
CREATE TRIGGER persons_search_after_update
  AFTER UPDATE OF given_names, family_names, aliases, a_number, deleted_at ON persons
  FOR EACH ROW EXECUTE FUNCTION amparo_persons_search_trigger ();

CREATE FUNCTION amparo_locations_search_trigger () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting ('amparo.copy_store', true) = 'on' THEN
      RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      PERFORM amparo_person_search_refresh (old.person_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR new.person_id IS DISTINCT FROM old.person_id) THEN
      PERFORM amparo_person_search_refresh (new.person_id);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER locations_search_after_change
  AFTER INSERT OR DELETE OR UPDATE OF person_id, facility, city, deleted_at ON locations
  FOR EACH ROW EXECUTE FUNCTION amparo_locations_search_trigger ();

INSERT INTO persons_search (person_id, doc)
  SELECT id, amparo_person_search_doc (id) FROM persons WHERE deleted_at IS NULL;

-- Family tracing (amparo-name-matcher.c): the phonetic keys of every
-- live person's names, computed in C; triggers only queue the persons
-- whose names changed, as on SQLite.
CREATE TABLE person_name_keys (
  key        TEXT COLLATE "C" NOT NULL,
  person_id  BIGINT NOT NULL,
  birth_date TEXT,
  PRIMARY KEY (key, person_id)
);

CREATE INDEX person_name_keys_by_person ON person_name_keys (person_id);

CREATE TABLE person_name_keys_pending (
  person_id BIGINT PRIMARY KEY
);

INSERT INTO person_name_keys_pending (person_id) SELECT id FROM persons;

CREATE FUNCTION amparo_name_keys_trigger () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting ('amparo.copy_store', true) = 'on' THEN
      RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
      DELETE FROM person_name_keys WHERE person_id = old.id;
      DELETE FROM person_name_keys_pending WHERE person_id = old.id;
    ELSE
      INSERT INTO person_name_keys_pending (person_id) VALUES (new.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER person_name_keys_after_change
  AFTER INSERT OR DELETE OR UPDATE OF given_names, family_names, aliases, birth_date, deleted_at ON persons
  FOR EACH ROW EXECUTE FUNCTION amparo_name_keys_trigger ();
