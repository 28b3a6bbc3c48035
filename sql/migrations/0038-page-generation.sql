-- Kept pages (cgi-bin-src/lib/pagecache.c) follow a counter in each
-- host's [paths] cache, which the kb editor raises after a change.  Other
-- application hosts did not see it and served their kept pages until
-- [cache] pages_s ran out: an article whose audience was narrowed stayed
-- readable there for minutes.  The editor now raises this row too, and
-- every worker process compares it at most twice a second before it
-- serves a kept page, so a change shows on every host within a second.
-- A change made by hand in SQL: portico-admin pages forget, or
--   UPDATE auth_generation SET n = n + 1 WHERE id = 2;
INSERT INTO auth_generation (id, n) VALUES (2, 0);
