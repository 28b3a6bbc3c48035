-- Category changes in the search log of changes (issue 11).  A search
-- lists the categories in its filter and in "these categories may have
-- what you need", from a copy each kb process keeps; with these rows the
-- one number a search reads before it ranks, the newest
-- kb_search_changes row, also moves when a category is added, removed,
-- moved, renamed or given another audience, and the copy is loaded
-- afresh.  Such rows name article 0: no article, nothing to re-index.

CREATE TRIGGER kb_search_category_ins AFTER INSERT ON kb_categories FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (0);
CREATE TRIGGER kb_search_category_upd AFTER UPDATE ON kb_categories FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (0);
CREATE TRIGGER kb_search_category_del AFTER DELETE ON kb_categories FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (0);
CREATE TRIGGER kb_search_category_text_ins AFTER INSERT ON kb_category_texts FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (0);
CREATE TRIGGER kb_search_category_text_upd AFTER UPDATE ON kb_category_texts FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (0);
CREATE TRIGGER kb_search_category_text_del AFTER DELETE ON kb_category_texts FOR EACH ROW
  INSERT INTO kb_search_changes (article_id) VALUES (0);
