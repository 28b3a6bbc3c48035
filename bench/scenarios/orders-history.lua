-- orders-history: an organisation's order history, signed in as
-- carl@acme.example (a buyer, who sees every order of Acme Industrial):
-- GET /orders/history, newest first, all orders or those of one status,
-- pages 1 to 3, now and then a search by PO number.  script/bench
-- generates 100 000 orders first (script/orders-generate), 10 000 of them
-- Acme's.
-- Target: at least 0.15 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local statuses = { "", "", "", "", "delivered", "shipped", "confirmed", "awaiting_approval" }
-- orders-history-built sets ORDERS_BUILT: a parameter the history does not read.
local first = ORDERS_BUILT and "?built=1&" or "?"

wrk.method = "GET"
wrk.path = "/orders/history" .. (ORDERS_BUILT and "?built=1" or "")
pool.serve(function()
   local path = "/orders/history" .. first
   if math.random(10) == 1 then
      return path .. "q=GEN-" .. string.format("%07d", math.random(100000))
   end
   local status = pool.pick(statuses)
   if status ~= "" then path = path .. "status=" .. status .. "&" end
   return path .. "page=" .. math.random(3)
end)

dofile(dir .. "/report.lua")
