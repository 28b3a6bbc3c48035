-- "Was this helpful?" (issue 9): a signed-in reader has one vote per
-- article, and a new vote replaces the earlier one.  Anonymous rows
-- (user_id NULL) are not affected by the unique key.
--
-- Earlier repeated votes of a reader are folded into the latest: the
-- article's counters lose the older ones first, then those rows go.

UPDATE kb_articles a
  JOIN (SELECT f.article_id, SUM(f.helpful = 1) AS n_yes, SUM(f.helpful = 0) AS n_no
          FROM kb_feedback f
         WHERE f.user_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM kb_feedback g
                        WHERE g.article_id = f.article_id AND g.user_id = f.user_id AND g.id > f.id)
         GROUP BY f.article_id) d ON d.article_id = a.id
   SET a.helpful_yes = a.helpful_yes - LEAST(a.helpful_yes, d.n_yes),
       a.helpful_no = a.helpful_no - LEAST(a.helpful_no, d.n_no);

DELETE f FROM kb_feedback f
  JOIN kb_feedback g ON g.article_id = f.article_id AND g.user_id = f.user_id AND g.id > f.id;

ALTER TABLE kb_feedback ADD UNIQUE KEY kb_feedback_reader (article_id, user_id);
