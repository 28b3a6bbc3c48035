-- kb-faq: GET /kb/faq as an anonymous visitor: the FAQ grouped by topic,
-- in the page language, with the entries the visitor may see (public)
-- and their links to articles.
-- Target: at least 0.50 of hello's requests per second, p99 at most 25 ms.
wrk.method = "GET"
wrk.path = "/kb/faq"
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/report.lua")
