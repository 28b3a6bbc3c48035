-- Knowledge base search (issue 4): indexes for what the search worker asks
-- often.  The kb worker keeps a per-process vocabulary of title words for
-- "Did you mean ...?" and reloads it when the newest change of an article
-- or its texts moves; these indexes make that check two index look-ups.
-- The editor's feedback page filters ratings by period.

ALTER TABLE kb_article_texts ADD KEY kb_article_texts_updated (updated_at);
ALTER TABLE kb_articles ADD KEY kb_articles_updated (updated_at);
ALTER TABLE kb_feedback ADD KEY kb_feedback_created (created_at);
-- Clicks are recorded on one's own search rows.
ALTER TABLE kb_searches ADD KEY kb_searches_user (user_id, at);
