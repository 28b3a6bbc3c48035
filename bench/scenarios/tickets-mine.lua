-- tickets-mine: a customer's ticket list, signed in as carl@acme.example:
-- GET /tickets/mine, his own tickets and those he follows in CC, sorted by
-- the last update (or newest or oldest first), all of them or those of one status, pages
-- 1 to 3.  script/bench generates 100 000 tickets first
-- (script/tickets-generate), about a thousand of them carl's.
-- Target: at least 0.15 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local statuses = { "", "", "", "open", "pending", "resolved", "closed" }
-- tickets-mine-built sets TICKETS_BUILT: a parameter the list does not read.
local first = TICKETS_BUILT and "?built=1&" or "?"
local sorts = { "updated", "updated", "newest", "oldest" }

wrk.method = "GET"
wrk.path = "/tickets/mine" .. (TICKETS_BUILT and "?built=1" or "")
pool.serve(function()
   local path = "/tickets/mine" .. first .. "sort=" .. pool.pick(sorts)
   local status = pool.pick(statuses)
   if status ~= "" then path = path .. "&status=" .. status end
   local page = math.random(3)
   if page > 1 then path = path .. "&page=" .. page end
   return path
end)

dofile(dir .. "/report.lua")
