-- Family tracing now reads "Delacruz" as "de la Cruz" (and "Delosreyes",
-- "Delasalas" likewise): the persons whose names may hold such a word get
-- their name keys computed again on the next search.
INSERT INTO person_name_keys_pending (person_id)
  SELECT id FROM persons
   WHERE lower(family_names) LIKE '%del%' OR lower(given_names) LIKE '%del%'
      OR lower(coalesce(aliases, '')) LIKE '%del%'
  ON CONFLICT DO NOTHING;
