-- kb-article-signed-in: GET /kb/articles/<id> as carl@acme.example (a
-- customer user), for a random published article he may read: public and
-- customer-only ones.  Adds the session (kept per process, session.c) and
-- the reader's own parts (name, organisation, token, filled into the page
-- kept for his persona, pagecache.c) to what kb-article costs.
--
-- The ids come from the file named by $BENCH_KB_IDS_SIGNED_IN, one a line:
-- bench/run.sh writes it with `script/kb-generate --ids public` and
-- `--ids customer`.  Without it, the demo articles of those audiences.
-- bench/run.sh logs in first and passes the session cookie with -H, and
-- checks after the run that the session still opens the start page.
-- Target: at least 0.30 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local ids = pool.ids(os.getenv("BENCH_KB_IDS_SIGNED_IN"),
   { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 23, 30, 35, 39, 40, 45, 46, 50 })

wrk.method = "GET"
wrk.path = "/kb/articles/" .. ids[1]
pool.serve(function() return "/kb/articles/" .. pool.pick(ids) end)

dofile(dir .. "/report.lua")
