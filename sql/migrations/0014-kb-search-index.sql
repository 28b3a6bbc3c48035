-- Knowledge base search index (issue 11).  Search runs on a Xapian index
-- that every application host keeps in a local directory ([paths] cache)
-- and brings up to date from MariaDB before it answers a search: the kb
-- worker compares the index with the newest row of kb_search_changes and
-- re-indexes the articles named in the rows after the one it has.
--
-- The triggers below write a row for every change that a search can see:
-- an article added, removed, published, archived, moved or given another
-- audience, a text added, removed or edited, a tag added, removed or
-- renamed.  They fire whoever writes (the editor, script/kb-generate, an
-- UPDATE by hand) and replicate with the tables, so a host reading a
-- replica catches up with what that replica has.  View counts and votes
-- change no row here.
--
-- kb_search_state holds the generation of this database: an index built
-- from another database (a development reset, a restored dump) has
-- another one and is built afresh.
--
-- With binary logging on (replication), creating triggers needs SUPER or
-- log_bin_trust_function_creators = 1 for the migrating user.

CREATE TABLE kb_search_changes (
  seq         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  article_id  INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

CREATE TABLE kb_search_state (
  one         TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  generation  CHAR(36) NOT NULL
) ENGINE=InnoDB;

INSERT INTO kb_search_state (one, generation) VALUES (1, UUID());

CREATE TRIGGER kb_search_article_ins AFTER INSERT ON kb_articles FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (NEW.id);
CREATE TRIGGER kb_search_article_upd AFTER UPDATE ON kb_articles FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) SELECT NEW.id FROM DUAL
  WHERE NOT (NEW.status <=> OLD.status AND NEW.audience <=> OLD.audience
    AND NEW.category_id <=> OLD.category_id AND NEW.id <=> OLD.id);
CREATE TRIGGER kb_search_article_del AFTER DELETE ON kb_articles FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (OLD.id);

CREATE TRIGGER kb_search_text_ins AFTER INSERT ON kb_article_texts FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (NEW.article_id);
CREATE TRIGGER kb_search_text_upd AFTER UPDATE ON kb_article_texts FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) SELECT NEW.article_id FROM DUAL
  WHERE NOT (NEW.title <=> OLD.title AND NEW.summary <=> OLD.summary
    AND NEW.body_text <=> OLD.body_text AND NEW.lang <=> OLD.lang
    AND NEW.article_id <=> OLD.article_id);
CREATE TRIGGER kb_search_text_del AFTER DELETE ON kb_article_texts FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (OLD.article_id);

CREATE TRIGGER kb_search_tag_ins AFTER INSERT ON kb_article_tags FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (NEW.article_id);
CREATE TRIGGER kb_search_tag_del AFTER DELETE ON kb_article_tags FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (OLD.article_id);
CREATE TRIGGER kb_search_tag_rename AFTER UPDATE ON kb_tags FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) SELECT x.article_id FROM kb_article_tags x
  WHERE x.tag_id = NEW.id AND NOT (NEW.name <=> OLD.name);
CREATE TRIGGER kb_search_tag_gone BEFORE DELETE ON kb_tags FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) SELECT x.article_id FROM kb_article_tags x
  WHERE x.tag_id = OLD.id;
