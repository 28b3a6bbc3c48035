-- signed-in-mix: what a signed-in customer (carl@acme.example) does, for
-- the memory check of bench/run.sh: random articles he may read (30 %),
-- the start page (20 %), his account page (15 %, built every time), the
-- knowledge base's home (10 %), the FAQ (5 %), the login page, which
-- sends him on (5 %), and, built every time, a page of his organisation's
-- order history (5 %), one of his orders (5 %) and his task inbox (5 %).  The ids come from
-- $BENCH_KB_IDS_SIGNED_IN as for kb-article-signed-in, the orders from
-- $BENCH_ORDERS_NUMBERS as for orders-view.
--
-- With BENCH_REQUESTS=N each thread stops after its share of N
-- responses (of BENCH_THREADS threads), so that a run makes a known number
-- of requests whatever its duration, and writes a file into
-- BENCH_DONE_DIR when it does: wrk sleeps its whole -d, so bench/run.sh
-- waits for the files and ends wrk with SIGINT.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local ids = pool.ids(os.getenv("BENCH_KB_IDS_SIGNED_IN"),
   { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 23, 30, 35, 39, 40, 45, 46, 50 })
local orders = pool.lines(os.getenv("BENCH_ORDERS_NUMBERS"), { "O-2026-000001" })

local function next_path()
   local r = math.random(100)
   if r <= 30 then return "/kb/articles/" .. pool.pick(ids) end
   if r <= 35 then return "/orders/history?built=1&page=" .. math.random(3) end
   if r <= 40 then return "/orders/" .. pool.pick(orders) .. "?built=1" end
   if r <= 60 then return "/" end
   if r <= 75 then return "/auth/account" end
   if r <= 85 then return "/kb/" end
   if r <= 90 then return "/kb/faq" end
   if r <= 95 then return "/tasks/?built=1" end
   return "/auth/login"
end

wrk.method = "GET"
wrk.path = "/"
pool.serve(next_path)

local limit = tonumber(os.getenv("BENCH_REQUESTS") or "")
local share = limit and math.ceil(limit / tonumber(os.getenv("BENCH_THREADS") or "2"))
local done_dir = os.getenv("BENCH_DONE_DIR")
local seen = 0
if share then
   function response(status, headers, body)
      seen = seen + 1
      if seen == share then
         local f = done_dir and io.open(done_dir .. "/thread-" .. (thread_no or 0), "w")
         if f then f:close() end
         wrk.thread:stop()
      end
   end
end

dofile(dir .. "/report.lua")
