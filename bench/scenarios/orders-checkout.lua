-- orders-checkout: placing orders, each by one of the checkout buyers of
-- Acme Industrial (bench-buyer-NNN@acme.example, script/orders-generate):
-- POST /orders/checkout with the delivery address, a PO number and the
-- total the buyer was shown, then POST /orders/cart/add to put a product
-- in the cart for the buyer's next order.  Each checkout writes the order
-- with its number (gapless per year), lines, timeline and audit row and
-- empties the cart, in one transaction, within the buyer's budget.
--
-- $BENCH_CHECKOUT_BUYERS names a file with a line per buyer: session
-- cookie, CSRF token, address id and expected total (bench/run.sh signs
-- them in, and fills every cart with one product before each run).  Each
-- thread takes its share of the buyers and cycles through them: a buyer's
-- next line is added half a cycle after the checkout, and the next
-- checkout half a cycle after that, many more requests apart than a
-- thread has connections, so no two requests of one buyer overlap.
-- The report counts the orders made (bench/run.sh reads the database).
-- Target: at least 300 orders per second (absolute, not a ratio).

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local file = os.getenv("BENCH_CHECKOUT_BUYERS")
local sku = os.getenv("BENCH_CHECKOUT_SKU") or "CB-M12-5"
local all = {}
local f = file and io.open(file, "r")
if f then
   for line in f:lines() do
      local cookie, csrf, address, expected = line:match("^(%S+) (%S+) (%S+) (%S+)$")
      if cookie then
         all[#all + 1] = { cookie = cookie, csrf = csrf, address = address, expected = expected }
      end
   end
   f:close()
end

wrk.method = "POST"
wrk.path = "/orders/checkout"

local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("thread_no", threads)
end

local mine, lag, step, phase = {}, 0, 0, 0
function init(args)
   local n = 0
   -- Each thread its share: every nthreads-th buyer, from its own number on.
   local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2") or 2
   for i = thread_no, #all, nthreads do n = n + 1; mine[n] = all[i] end
   lag = math.floor(#mine / 2)
end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local function post(path, b, body)
   form["Cookie"] = "portico_session=" .. b.cookie
   return wrk.format("POST", path, form, "csrf=" .. b.csrf .. "&" .. body)
end

-- wrk calls request() once before the run to check it (on the first
-- thread only): that call, and each thread's first, is a plain GET, so
-- that no buyer's turn is spent unsent.
local first = true
function request()
   if first or #mine == 0 then
      first = false
      return wrk.format("GET", "/hello")
   end
   if phase == 0 then
      phase = 1
      local b = mine[step % #mine + 1]
      return post("/orders/checkout", b, "address=" .. b.address .. "&po_number=BENCH-" .. step
         .. "&cost_centre=&requested_date=&note=&expected=" .. b.expected)
   end
   phase = 0
   local k = step - lag
   step = step + 1
   if k < 0 then
      -- The first half cycle: no checkout has emptied a cart yet.
      return wrk.format("GET", "/hello")
   end
   return post("/orders/cart/add", mine[k % #mine + 1], "sku=" .. sku .. "&quantity=1")
end

dofile(dir .. "/report.lua")
