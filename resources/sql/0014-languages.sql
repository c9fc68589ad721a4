-- SPDX-License-Identifier: GPL-3.0-or-later
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

-- Each person's list, item by item, in order.
CREATE TEMP TABLE language_items AS
WITH RECURSIVE split (id, n, item, rest) AS (
  SELECT id, 0, NULL, languages || ',' FROM persons WHERE trim (coalesce (languages, '')) <> ''
  UNION ALL
  SELECT id, n + 1, trim (substr (rest, 1, instr (rest, ',') - 1)), substr (rest, instr (rest, ',') + 1)
    FROM split WHERE rest <> ''
)
SELECT s.id AS id, s.n AS n, coalesce (l.code, s.item) AS value, l.code IS NOT NULL AS mapped
  FROM split s LEFT JOIN language_names l ON l.name = lower (s.item)
  WHERE s.item IS NOT NULL AND s.item <> '';

UPDATE persons SET languages = (SELECT group_concat (value, ',')
                                  FROM (SELECT value FROM language_items i WHERE i.id = persons.id ORDER BY n))
  WHERE id IN (SELECT id FROM language_items WHERE mapped);
DROP TABLE language_items;
DROP TABLE language_names;
