-- tickets-desk-unassigned: the agent desk's unassigned view, signed in as
-- agent@portico.example (bench/run.sh sends the agent's session cookie to
-- every tickets-desk-* scenario): GET /tickets/desk?view=unassigned, the
-- tickets nobody has taken yet of the agent's groups (both demo groups)
-- and of no group, sorted by the next due, then priority, then age; pages
-- 1 to 3, mostly the first.  script/bench generates 100 000 tickets first
-- (script/tickets-generate), a few thousand of them unassigned and open.
-- Target: at least 0.15 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local pages = { 1, 1, 1, 1, 2, 3 }

wrk.method = "GET"
wrk.path = "/tickets/desk?view=unassigned"
pool.serve(function()
   local page = pool.pick(pages)
   if page > 1 then return "/tickets/desk?view=unassigned&page=" .. page end
   return "/tickets/desk?view=unassigned"
end)

dofile(dir .. "/report.lua")
