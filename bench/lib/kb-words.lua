-- bench/lib/kb-words.lua: the words of script/kb-generate's articles
-- (bench/data/kb-vocabulary-{en,de}.txt), for the search scenarios.
--
--   local words = dofile(dir .. "/lib/kb-words.lua")
--   words.read("en")  -> { topic = {...}, general = {...} }
--   words.urlencode(s)
--   words.headers(lang) -> the request headers for a search in lang: the
--                          ones given with -H (the session cookie) and, for
--                          German, Accept-Language: de as a German browser
--                          sends it.
-- The requests are made and sent with lib/pool.lua.

local M = {}
local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"

function M.read(lang)
   local out = { topic = {}, general = {} }
   local f = io.open(dir .. "/data/kb-vocabulary-" .. lang .. ".txt", "r")
   if not f then return out end
   local section
   for line in f:lines() do
      if line:match("^%[") then
         section = line:match("^%[topic ") and "topic" or line:match("^%[(%a+)%]")
      elseif not line:match("^#") and out[section] then
         for w in line:gmatch("%S+") do
            local list = out[section]
            list[#list + 1] = w
         end
      end
   end
   f:close()
   return out
end

function M.urlencode(s)
   return (s:gsub("[^%w%-%._~]", function(c)
      return string.format("%%%02X", string.byte(c))
   end))
end

function M.headers(lang)
   local h = {}
   for k, v in pairs(wrk.headers or {}) do h[k] = v end
   if lang == "de" then h["Accept-Language"] = "de" end
   return h
end

return M
