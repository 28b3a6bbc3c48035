-- Knowledge base demo data, part 9: what every demo article needs besides
-- its text: the plain text for the search, tags, related articles and the
-- version history.  Applies to the demo articles 1-71 only.

-- body_text: the body without markup, as the sanitiser makes it (runs of
-- white space become one space, block elements a line break, inline
-- elements nothing), with the few entities the bodies use decoded.
UPDATE kb_article_texts
   SET body_text = REPLACE(REPLACE(REPLACE(REPLACE(
         TRIM(BOTH '\n' FROM
           REGEXP_REPLACE(
             REGEXP_REPLACE(
               REGEXP_REPLACE(
                 REGEXP_REPLACE(body, '\\s+', ' '),
                 '</?(strong|em|code|a)\\b[^>]*>', ''),
               '<[^>]*>', '\n'),
             ' *\n[ \n]*', '\n')),
         '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&amp;', '&')
 WHERE article_id BETWEEN 1 AND 71;

-- A text was last changed when its article was.
UPDATE kb_article_texts t JOIN kb_articles a ON a.id = t.article_id
   SET t.updated_at = a.updated_at, t.updated_by = a.created_by
 WHERE t.article_id BETWEEN 1 AND 71;

INSERT INTO kb_article_tags (article_id, tag_id) VALUES
  (1,43),(1,39), (2,43),(2,8),(2,9), (3,39), (4,39), (5,39),(5,15),
  (6,7),(6,8),(6,29), (7,8),(7,9),(7,43), (8,9),(8,8),(8,42), (9,29),(9,7),(9,8),
  (10,8), (11,8),(11,9),(11,29), (12,10),(12,8),(12,29), (13,10),(13,29),
  (14,1),(14,3),(14,37), (15,1),(15,3),(15,5), (16,2),(16,4),(16,37),
  (17,37),(17,1),(17,2), (18,1),(18,6),(18,3), (19,1),(19,33),(19,5),
  (20,1),(20,34),(20,5), (21,31),(21,1),(21,40), (22,32),(22,1),
  (23,3),(23,1),(23,5),(23,39), (24,2),(24,4), (25,21),(25,40), (26,1),(26,3),
  (27,22),(27,1),(27,29), (28,22),(28,1),(28,5), (29,22),(29,1),
  (30,23),(30,2),(30,1), (31,2),(31,38),(31,23), (32,23),(32,15),
  (33,11), (34,11),(34,42), (35,13),(35,11), (36,12),(36,11), (37,11),(37,13),
  (38,14),(38,35), (39,15),(39,39), (40,35),(40,14), (41,36),(41,14),(41,35), (42,15),
  (43,20),(43,40), (44,18),(44,40), (45,19),(45,21), (46,40), (47,16),
  (48,16),(48,17),(48,21), (49,16), (50,41),(50,16),(50,17),
  (51,24),(51,43), (52,24), (53,24), (54,24),(54,26), (55,24), (56,24),(56,25),
  (57,24),(57,25), (58,24),(58,39),
  (59,27),(59,39), (60,28),(60,27), (61,44), (62,35),(62,14),(62,42),
  (63,3),(63,39), (64,39), (65,3),(65,29), (66,30),(66,29),
  (67,3),(67,1), (68,21),(68,27), (69,3), (70,18), (71,24),(71,43);

INSERT INTO kb_related (article_id, related_id, position) VALUES
  (1,3,1),(1,4,2),(1,5,3), (2,7,1),(2,8,2),(2,12,3), (3,4,1),(3,1,2),
  (4,5,1),(4,3,2), (5,39,1),(5,4,2), (6,9,1),(6,10,2), (7,8,1),(7,11,2),
  (8,7,1),(8,34,2), (9,6,1),(9,10,2), (10,6,1), (11,7,1),(11,8,2),
  (12,13,1),(12,2,2), (13,12,1),
  (14,15,1),(14,16,2),(14,17,3), (15,14,1),(15,23,2), (16,30,1),(16,17,2),
  (17,14,1),(17,16,2), (18,26,1),(18,27,2), (19,15,1),(19,23,2),
  (20,15,1),(20,27,2), (21,22,1),(21,25,2), (22,21,1),
  (23,15,1),(23,17,2),(23,4,3), (24,16,1),(24,31,2),
  (25,21,1),(25,43,2), (26,23,1), (27,28,1),(27,20,2), (28,27,1),(28,15,2),
  (29,23,1), (30,16,1),(30,23,2), (31,30,1),(31,16,2), (32,30,1),(32,25,2),
  (33,34,1),(33,35,2), (34,33,1),(34,8,2), (35,40,1),(35,4,2),
  (36,37,1),(36,35,2), (37,35,1), (38,41,1),(38,40,2), (39,5,1),(39,40,2),
  (40,39,1), (41,38,1), (42,39,1),(42,44,2),
  (43,44,1),(43,25,2), (44,47,1),(44,43,2), (45,46,1), (46,45,1),
  (47,48,1),(47,49,2), (48,47,1),(48,50,2), (49,47,1), (50,48,1),
  (51,52,1),(51,56,2), (52,51,1),(52,54,2), (53,55,1), (54,52,1), (55,53,1),
  (56,57,1),(56,52,2), (57,56,1), (58,4,1),(58,23,2),
  (59,60,1), (60,59,1),(60,65,2), (63,23,1),(63,59,2), (64,29,1), (65,60,1),
  (67,14,1), (68,25,1), (69,14,1), (70,44,1), (71,51,1);

-- Version history.  Two articles had an earlier version, so that the
-- editor's version list, diff and restore have something to show:
-- "Resetting your password" once said the link was valid for 24 hours,
-- and "Gateway shows as offline" had no row for the LTE fallback colour.
UPDATE kb_article_texts SET version_no = 2
 WHERE (article_id = 6 AND lang = 'en') OR article_id = 23;

INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body, status, note, created_by, created_at)
SELECT t.article_id, t.lang, 1, t.title, t.summary,
       CASE WHEN t.article_id = 6
            THEN REPLACE(t.body, 'valid for <strong>one hour</strong>', 'valid for <strong>24 hours</strong>')
            ELSE REGEXP_REPLACE(t.body, '<tr><td>(Cyan)</td>.*?</tr>\n', '')
       END,
       'published', 'First version', a.created_by, a.created_at
  FROM kb_article_texts t JOIN kb_articles a ON a.id = t.article_id
 WHERE t.version_no = 2 AND t.article_id IN (6, 23);

INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body, status, note, created_by, created_at)
SELECT t.article_id, t.lang, t.version_no, t.title, t.summary, t.body, a.status,
       CASE WHEN t.version_no = 1 THEN 'First version' ELSE 'Updated' END,
       a.created_by, t.updated_at
  FROM kb_article_texts t JOIN kb_articles a ON a.id = t.article_id
 WHERE t.article_id BETWEEN 1 AND 71;

-- A few recent votes with comments, for the editors' feedback page (the
-- articles' helpful counters already include them).
INSERT INTO kb_feedback (article_id, lang, user_id, helpful, comment, created_at, ip) VALUES
  (23, 'en', 6,    1, 'The LED table saved me a call. Cable was in the LAN port.',              UTC_TIMESTAMP(6) - INTERVAL 2 DAY,  ''),
  (23, 'de', 8,    0, 'Bei uns blinkt die LED weiß – das fehlt in der Tabelle.',                UTC_TIMESTAMP(6) - INTERVAL 5 DAY,  ''),
  (6,  'en', NULL, 1, '',                                                                       UTC_TIMESTAMP(6) - INTERVAL 1 DAY,  '192.0.2.10'),
  (6,  'en', NULL, 0, 'The reset mail took 20 minutes to arrive.',                              UTC_TIMESTAMP(6) - INTERVAL 9 DAY,  '192.0.2.44'),
  (18, 'en', 7,    0, 'Which firmware version fixes the LTE reconnect problem? Not mentioned.', UTC_TIMESTAMP(6) - INTERVAL 3 DAY,  ''),
  (18, 'de', 8,    1, 'Gut erklärt, das USB-Update hat sofort funktioniert.',                   UTC_TIMESTAMP(6) - INTERVAL 12 DAY, ''),
  (35, 'en', 6,    1, '',                                                                       UTC_TIMESTAMP(6) - INTERVAL 4 DAY,  ''),
  (38, 'de', 8,    0, 'Wo stelle ich ein, dass Rechnungen an die Buchhaltung gehen? Finde das Menü nicht.', UTC_TIMESTAMP(6) - INTERVAL 6 DAY, ''),
  (56, 'en', 9,    1, 'Clear. Could you add what counts as a complete registration?',           UTC_TIMESTAMP(6) - INTERVAL 8 DAY,  ''),
  (25, 'en', 5,    1, 'The delay setting removed most of our start-up alarms.',                 UTC_TIMESTAMP(6) - INTERVAL 15 DAY, '');
