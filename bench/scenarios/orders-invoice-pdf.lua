-- orders-invoice-pdf: an invoice as a PDF, signed in as carl@acme.example:
-- GET /orders/invoices/<number>.pdf of a random one of Acme Industrial's
-- demo invoices and its credit note (one to two lines each).  A PDF is
-- drawn for every request (cairo + pango in the orders worker); nothing
-- keeps it.
-- Target: at least 100 a second (absolute): with the worker's 2 processes,
-- at most 20 ms of a process for each PDF.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local numbers = { "INV-2026-000001", "INV-2026-000002", "INV-2026-000003", "INV-2026-000004",
   "INV-2026-000007", "INV-2026-000009", "CN-2026-000001" }

wrk.method = "GET"
wrk.path = "/orders/invoices/" .. numbers[1] .. ".pdf"
pool.serve(function() return "/orders/invoices/" .. pool.pick(numbers) .. ".pdf" end)

dofile(dir .. "/report.lua")
