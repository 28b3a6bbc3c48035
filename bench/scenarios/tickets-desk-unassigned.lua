-- tickets-desk-unassigned: the agent desk's unassigned view, signed in as
-- agent@portico.example (bench/run.sh sends the agent's session cookie to
-- every tickets-desk-* scenario): GET /tickets/desk?view=unassigned, the
-- tickets nobody has taken yet of the agent's groups (both demo groups)
-- and of no group, sorted by the next due, then priority, then age; pages
-- 1 to 3, mostly the first.  script/bench generates 100 000 tickets first
-- (script/tickets-generate), a few thousand of them unassigned and open.
-- The desk is kept for the agent while no ticket changes
-- (cgi-bin-src/tickets/personal.c).
-- Target: at least 0.15 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local pages = { 1, 1, 1, 1, 2, 3 }
-- tickets-desk-unassigned-built sets TICKETS_BUILT: a parameter the desk does not read.
local base = "/tickets/desk?" .. (TICKETS_BUILT and "built=1&" or "") .. "view=unassigned"

wrk.method = "GET"
wrk.path = base
pool.serve(function()
   local page = pool.pick(pages)
   if page > 1 then return base .. "&page=" .. page end
   return base
end)

dofile(dir .. "/report.lua")
