-- SPDX-License-Identifier: GPL-3.0-or-later
-- PostgreSQL dialect of ../0014-languages.sql (same number, same effect).
--
-- Languages are ISO 639-3 codes now, several separated by commas
-- ("quc,spa"); the window shows their names from iso-codes, in the
-- interface language (issue #9). The names people typed before are split
-- at commas and mapped where one is plainly one language (in English or
-- Spanish, with or without accents and apostrophes); anything else is
-- kept as typed, in its place in the list, and shown as typed. This is
-- how migration 0005 moved countries to ISO 3166 codes.

CREATE TEMP TABLE language_names (name TEXT PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO language_names VALUES
  ('spanish', 'spa'), ('español', 'spa'), ('espanol', 'spa'), ('castellano', 'spa'),
  ('castilian', 'spa'), ('english', 'eng'), ('inglés', 'eng'), ('ingles', 'eng'),
  ('k''iche''', 'quc'), ('k''iche', 'quc'), ('kiche', 'quc'), ('k’iche’', 'quc'), ('k’iche', 'quc'),
  ('quiché', 'quc'), ('quiche', 'quc'), ('kʼicheʼ', 'quc'), ('mam', 'mam'), ('q''anjob''al', 'kjb'),
  ('qanjobal', 'kjb'), ('q’anjob’al', 'kjb'), ('kanjobal', 'kjb'), ('q''anjobal', 'kjb'),
  ('ixil', 'ixl'), ('garifuna', 'cab'), ('garífuna', 'cab'), ('kaqchikel', 'cak'),
  ('cakchiquel', 'cak'), ('kakchiquel', 'cak'), ('q''eqchi''', 'kek'), ('qeqchi', 'kek'),
  ('q’eqchi’', 'kek'), ('kekchí', 'kek'), ('kekchi', 'kek'), ('q''eqchi', 'kek'), ('chuj', 'cac'),
  ('akateko', 'knj'), ('akatek', 'knj'), ('western kanjobal', 'knj'), ('popti''', 'jac'),
  ('popti', 'jac'), ('jakalteko', 'jac'), ('jacalteco', 'jac'), ('jakaltek', 'jac'),
  ('tz''utujil', 'tzj'), ('tzutujil', 'tzj'), ('tz’utujil', 'tzj'), ('achi', 'acr'), ('achí', 'acr'),
  ('poqomchi''', 'poh'), ('poqomchi', 'poh'), ('pokomchí', 'poh'), ('awakateko', 'agu'),
  ('aguacateco', 'agu'), ('uspanteko', 'usp'), ('uspanteco', 'usp'), ('tzotzil', 'tzo'),
  ('tzeltal', 'tzh'), ('yucateco', 'yua'), ('yucatec maya', 'yua'), ('maya yucateco', 'yua'),
  ('miskito', 'miq'), ('mískito', 'miq'), ('misquito', 'miq'), ('portuguese', 'por'),
  ('portugués', 'por'), ('portugues', 'por'), ('french', 'fra'), ('francés', 'fra'),
  ('frances', 'fra'), ('haitian creole', 'hat'), ('haitian', 'hat'), ('kreyòl', 'hat'),
  ('kreyol', 'hat'), ('criollo haitiano', 'hat'), ('creole haitiano', 'hat'),
  ('russian', 'rus'), ('ruso', 'rus'), ('ukrainian', 'ukr'), ('ucraniano', 'ukr'),
  ('mandarin', 'cmn'), ('mandarin chinese', 'cmn'), ('chino mandarín', 'cmn'), ('mandarín', 'cmn'),
  ('hindi', 'hin'), ('punjabi', 'pan'), ('panjabi', 'pan'), ('tigrinya', 'tir'), ('tigriña', 'tir'),
  ('amharic', 'amh'), ('amárico', 'amh'), ('somali', 'som'), ('somalí', 'som'), ('wolof', 'wol'),
  ('lingala', 'lin'), ('dari', 'prs'), ('turkish', 'tur'),
  ('turco', 'tur'), ('romanian', 'ron'), ('rumano', 'ron'), ('vietnamese', 'vie'),
  ('vietnamita', 'vie'), ('bengali', 'ben'), ('bengalí', 'ben');

UPDATE persons p SET languages = s.joined
  FROM (SELECT persons.id,
               string_agg (coalesce (l.code, trim (part.item)), ',' ORDER BY part.n) AS joined,
               bool_or (l.code IS NOT NULL) AS mapped
          FROM persons
          CROSS JOIN LATERAL unnest (string_to_array (persons.languages, ',')) WITH ORDINALITY AS part (item, n)
          LEFT JOIN language_names l ON l.name = lower (trim (part.item))
          WHERE trim (part.item) <> ''
          GROUP BY persons.id) s
  WHERE p.id = s.id AND s.mapped;
DROP TABLE language_names;
