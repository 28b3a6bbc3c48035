-- kb-search-new: searches nobody made before, signed in as
-- carl@acme.example: one to three words of the generator's vocabulary
-- (bench/data/kb-vocabulary-{en,de}.txt), the first a topic word, the
-- others topic or general words of the same language, and a random page
-- from 1 to 3.  This is what real readers type: phrases, mostly new, and
-- no kept page or remembered ranking helps.  Each thread draws 10 000
-- distinct requests (seeded by the clock and the thread; lib/pool.lua), so
-- within a run a request repeats only across the two threads or between
-- the warm-up and the measured run, and then mostly a one-word one (there
-- are fewer than 2 000 of those).  German words are sent with Accept-Language: de.
-- Target: at least 0.05 of hello's requests per second, p99 at most 50 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local words = dofile(dir .. "/lib/kb-words.lua")

local vocab = {}
for _, lang in ipairs({ "en", "de" }) do
   local v = words.read(lang)
   local any = {}
   for _, w in ipairs(v.topic) do any[#any + 1] = w end
   for _, w in ipairs(v.general) do any[#any + 1] = w end
   if #v.topic > 0 then
      vocab[#vocab + 1] = { lang = lang, topic = v.topic, any = any }
   end
end
if #vocab == 0 then
   vocab = { { lang = "en", topic = { "gateway" }, any = { "gateway", "check" } } }
end

wrk.method = "GET"
wrk.path = "/kb/search?q=" .. vocab[1].topic[1]

-- pool.serve asks for 10 000 requests a thread; a request drawn before
-- by this thread is drawn again (at most 50 times).
local pool = dofile(dir .. "/lib/pool.lua")
local seen = {}
pool.serve(function()
   local path, v
   for _ = 1, 50 do
      v = pool.pick(vocab)
      local q = { pool.pick(v.topic) }
      for _ = 2, math.random(3) do q[#q + 1] = pool.pick(v.any) end
      local page = math.random(3)
      path = "/kb/search?q=" .. words.urlencode(table.concat(q, " "))
      if page > 1 then path = path .. "&page=" .. page end
      if not seen[v.lang .. path] then break end
   end
   seen[v.lang .. path] = true
   return path, words.headers(v.lang)
end)

dofile(dir .. "/report.lua")
