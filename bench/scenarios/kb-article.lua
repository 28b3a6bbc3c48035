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

local ids = {}
local file = os.getenv("BENCH_KB_IDS")
local f = file and io.open(file, "r")
if f then
   for line in f:lines() do
      local id = tonumber(line)
      if id then ids[#ids + 1] = id end
   end
   f:close()
end
if #ids == 0 then
   ids = { 1, 3, 4, 5, 6, 9, 10, 14, 15, 16, 17, 23, 30, 35, 39, 40, 45, 46 }
end

wrk.method = "GET"
wrk.path = "/kb/articles/" .. ids[1]

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("thread_no", threads)
end

local pool = {}
function init(args)
   math.randomseed(os.time() * 1000 + (thread_no or 0))
   for i = 1, 10000 do
      pool[i] = wrk.format("GET", "/kb/articles/" .. ids[math.random(#ids)])
   end
end

local n = 0
function request()
   n = n % #pool + 1
   return pool[n]
end

dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/report.lua")
