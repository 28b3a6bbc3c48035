-- kb-article: GET /kb/articles/<id> as an anonymous visitor, for a random
-- published public article: the kb worker looks the article up with the
-- audience rule, counts the view, builds the article XML (texts, category,
-- breadcrumbs, tags, related) and renders it through the layout.
--
-- The ids come from the file named by $BENCH_KB_IDS, one a line: bench/run.sh
-- writes it with `script/kb-generate --ids public` (the generated articles,
-- 100 000 with script/bench).  Without it, the public demo articles.
-- Each thread draws its own random sequence of 10 000 requests and cycles
-- through it, so the database sees the whole set, not one hot row.
-- Target: at least 0.50 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local ids = pool.ids(os.getenv("BENCH_KB_IDS"),
   { 1, 3, 4, 5, 6, 9, 10, 14, 15, 16, 17, 23, 30, 35, 39, 40, 45, 46 })

wrk.method = "GET"
wrk.path = "/kb/articles/" .. ids[1]
pool.serve(function() return "/kb/articles/" .. pool.pick(ids) end)

dofile(dir .. "/report.lua")
