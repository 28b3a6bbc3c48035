-- Reading the knowledge base (issue 4): the home page lists the most read
-- and the most recently updated published articles.  With these indexes
-- MariaDB walks the published articles in that order and stops after the
-- few it shows, instead of sorting every published article per request.

ALTER TABLE kb_articles ADD KEY kb_articles_popular (status, view_count);
ALTER TABLE kb_articles ADD KEY kb_articles_recent (status, updated_at);
