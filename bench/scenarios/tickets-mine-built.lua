-- tickets-mine-built: tickets-mine's twin, the list built for every
-- request: "built=1" is no parameter of the list, so the page is never kept
-- (cgi-bin-src/tickets/personal.c).  Reported beside tickets-mine, no target.
--
-- tickets-mine: a customer's ticket list, signed in as carl@acme.example:
-- GET /tickets/mine, his own tickets and those he follows in CC, sorted by
-- the last update (or newest or oldest first), all of them or those of one status, pages
-- 1 to 3.  script/bench generates 100 000 tickets first
-- (script/tickets-generate), about a thousand of them carl's.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local statuses = { "", "", "", "open", "pending", "resolved", "closed" }
local sorts = { "updated", "updated", "newest", "oldest" }

wrk.method = "GET"
wrk.path = "/tickets/mine?built=1"
pool.serve(function()
   local path = "/tickets/mine?built=1&sort=" .. pool.pick(sorts)
   local status = pool.pick(statuses)
   if status ~= "" then path = path .. "&status=" .. status end
   local page = math.random(3)
   if page > 1 then path = path .. "&page=" .. page end
   return path
end)

dofile(dir .. "/report.lua")
