-- kb-search: GET /kb/search?q=<word> as an anonymous visitor: a ranked
-- FULLTEXT search over the published public articles (100 000 generated
-- ones with script/bench), with snippets, paging and the search log.
--
-- The words are the topic words of the generator's vocabulary
-- (bench/data/kb-vocabulary-{en,de}.txt, the [topic ...] sections): words
-- people search for, each found in a few thousand texts, with the
-- articles about that topic ranked first.  The general and filler words,
-- found in half of all texts, are left out: nobody searches for "check".
-- German words are sent with Accept-Language: de, as a German browser
-- would.  Each thread cycles through its own random sequence of requests.
-- A word's first search is ranked by the search index (search-index.c;
-- by InnoDB FULLTEXT while the index is built) and the kb worker keeps the page for
-- anonymous visitors (cgi-bin-src/lib/pagecache.c); the next ones are sent
-- from the kept page, each with a log row of its own.  bench/run.sh makes
-- every search once before this scenario runs, and reports those too.
-- Target: at least 0.30 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"

local words = dofile(dir .. "/lib/kb-words.lua")

local queries = {}
for _, lang in ipairs({ "en", "de" }) do
   for _, w in ipairs(words.read(lang).topic) do
      queries[#queries + 1] = { lang = lang, q = words.urlencode(w) }
   end
end
if #queries == 0 then
   queries = { { lang = "en", q = "gateway" }, { lang = "en", q = "password" } }
end

wrk.method = "GET"
wrk.path = "/kb/search?q=" .. queries[1].q

-- With the headers given with -H (kb-search-signed-in's session cookie).
local german = words.headers("de")
local pool = dofile(dir .. "/lib/pool.lua")
pool.serve(function()
   local x = pool.pick(queries)
   return "/kb/search?q=" .. x.q, x.lang == "de" and german or nil
end)

dofile(dir .. "/report.lua")
