-- tickets-view: a ticket's page with 20 messages, signed in as
-- carl@acme.example, its requester: GET /tickets/<number> of a random one
-- of the generated tickets he raised (each has 20 messages, internal notes
-- among them, which he does not see).  The numbers come from the file named
-- by $BENCH_TICKETS_NUMBERS (bench/run.sh writes it with
-- `script/tickets-generate --numbers carl@acme.example`).
-- Target: at least 0.15 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local numbers = pool.lines(os.getenv("BENCH_TICKETS_NUMBERS"), { "T-2026-000001" })

-- tickets-view-built sets TICKETS_BUILT: a query string, so never kept.
local suffix = TICKETS_BUILT and "?built=1" or ""

wrk.method = "GET"
wrk.path = "/tickets/" .. numbers[1] .. suffix
pool.serve(function() return "/tickets/" .. pool.pick(numbers) .. suffix end)

dofile(dir .. "/report.lua")
