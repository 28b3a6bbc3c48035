-- bench/lib/pool.lua: what the scenarios that draw random articles share.
--
--   local pool = dofile(dir .. "/lib/pool.lua")
--   local ids = pool.ids(os.getenv("BENCH_KB_IDS"), { 1, 3, 4 })
--   pool.serve(function() return "/kb/articles/" .. pool.pick(ids) end)
--
-- ids() reads one article id a line from the file (bench/run.sh writes it
-- with `script/kb-generate --ids ...`), or gives the fallback list.
-- serve() defines wrk's setup(), init() and request(): each thread draws
-- its own random sequence of 10 000 requests from the function (a path,
-- and optionally a table of headers) and cycles through it, so the
-- database sees the whole set, not one hot row.

local M = {}

function M.ids(file, fallback)
   local ids = {}
   local f = file and io.open(file, "r")
   if f then
      for line in f:lines() do
         local id = tonumber(line)
         if id then ids[#ids + 1] = id end
      end
      f:close()
   end
   if #ids == 0 then ids = fallback end
   return ids
end

-- lines(): one string a line (e.g. ticket numbers), or the fallback list.
function M.lines(file, fallback)
   local out = {}
   local f = file and io.open(file, "r")
   if f then
      for line in f:lines() do
         if line ~= "" then out[#out + 1] = line end
      end
      f:close()
   end
   if #out == 0 then out = fallback end
   return out
end

function M.pick(list)
   return list[math.random(#list)]
end

function M.serve(next_path)
   local threads = 0
   function setup(thread)
      threads = threads + 1
      thread:set("thread_no", threads)
   end

   local requests = {}
   function init(args)
      math.randomseed(os.time() * 1000 + (thread_no or 0))
      for i = 1, 10000 do
         local path, headers = next_path()
         requests[i] = wrk.format("GET", path, headers)
      end
   end

   local n = 0
   function request()
      n = n % #requests + 1
      return requests[n]
   end
end

return M
