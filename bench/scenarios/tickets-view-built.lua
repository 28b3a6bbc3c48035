-- tickets-view-built: tickets-view's twin, the page built for every
-- request: with a query string the ticket page is never kept
-- (cgi-bin-src/tickets/personal.c).  Reported beside tickets-view, no target.
--
-- tickets-view: a ticket's page with 20 messages, signed in as
-- carl@acme.example, its requester: GET /tickets/<number> of a random one
-- of the generated tickets he raised (each has 20 messages, internal notes
-- among them, which he does not see).  The numbers come from the file named
-- by $BENCH_TICKETS_NUMBERS (bench/run.sh writes it with
-- `script/tickets-generate --numbers carl@acme.example`).

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local numbers = pool.lines(os.getenv("BENCH_TICKETS_NUMBERS"), { "T-2026-000001" })

wrk.method = "GET"
wrk.path = "/tickets/" .. numbers[1] .. "?built=1"
pool.serve(function() return "/tickets/" .. pool.pick(numbers) .. "?built=1" end)

dofile(dir .. "/report.lua")
