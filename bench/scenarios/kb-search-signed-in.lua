-- kb-search-signed-in: GET /kb/search?q=<topic word> as carl@acme.example
-- (a customer: public and customer-only articles), on 100 000 generated
-- articles with script/bench.  The same searches as kb-search, but a
-- signed-in reader gets no kept page (pagecache.c keeps anonymous pages
-- only): each is ranked by the search index (search-index.c), or taken
-- from the process's remembered rankings (search-cache.c) and its texts
-- fetched again, then rendered for the reader.  bench/run.sh logs in and
-- passes the session cookie with -H, and builds the search index first.
-- Target: at least 0.30 of hello's requests per second, p99 at most 25 ms.

-- The requests are kb-search's; run.sh adds the cookie (-H), which
-- kb-words.lua's headers() carries into every request.
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/scenarios/kb-search.lua")
