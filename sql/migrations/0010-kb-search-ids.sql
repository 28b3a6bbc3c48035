-- Search log ids handed out in blocks (issue 4, speed).  Every kb process
-- takes a block of ids at a time (UPDATE ... LAST_INSERT_ID(next_id + n))
-- and gives each search one of them at once: the page needs the id for its
-- result links before the row is written, and under load the rows of many
-- searches are written together.  All kb_searches rows get their id from
-- here; the column's AUTO_INCREMENT is no longer used.

CREATE TABLE kb_search_ids (
  one     TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  next_id BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO kb_search_ids (one, next_id) SELECT 1, COALESCE(MAX(id), 0) + 1 FROM kb_searches;
