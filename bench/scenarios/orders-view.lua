-- orders-view: an order's page, signed in as carl@acme.example: GET
-- /orders/<number> of a random one of Acme Industrial's generated orders
-- (about ten lines each, with their timeline).  The numbers come from the
-- file named by $BENCH_ORDERS_NUMBERS (bench/run.sh writes it with
-- `script/orders-generate --numbers carl@acme.example`).
-- Target: at least 0.15 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local numbers = pool.lines(os.getenv("BENCH_ORDERS_NUMBERS"), { "O-2026-000001" })

-- orders-view-built sets ORDERS_BUILT: a query string, so never kept.
local suffix = ORDERS_BUILT and "?built=1" or ""

wrk.method = "GET"
wrk.path = "/orders/" .. numbers[1] .. suffix
pool.serve(function() return "/orders/" .. pool.pick(numbers) .. suffix end)

dofile(dir .. "/report.lua")
