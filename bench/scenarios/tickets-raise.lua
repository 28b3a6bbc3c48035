-- tickets-raise: raising a ticket, signed in as carl@acme.example: POST
-- /tickets/new/other-question with a subject, a description and the CSRF
-- token of his session ($BENCH_CSRF, read by bench/run.sh from his start
-- page), as a browser with script sends it after the suggestions were
-- shown while typing ($BENCH_RAISE_EXTRA, default suggested=script).  Each answer is the 303 to the new
-- ticket, which was written in one transaction with its number, answers,
-- history, audit row and the mails to its group in the outbox.
-- Target: at least 500 tickets per second (absolute, not a ratio).

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local csrf = os.getenv("BENCH_CSRF") or ""
local extra = os.getenv("BENCH_RAISE_EXTRA") or ""
local subjects = { "Question about the delivery", "Login to the portal fails",
   "Where do I find the manual", "Please call me back", "Question about our contract" }

local function enc(s)
   return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

wrk.method = "POST"
wrk.path = "/tickets/new/other-question"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local n = 0
function init(args)
   math.randomseed(os.time() * 1000 + math.random(1000))
end
function request()
   n = n + 1
   local body = "csrf=" .. csrf .. "&subject=" .. enc(subjects[math.random(#subjects)] .. " " .. n)
      .. "&description=" .. enc("Raised by the benchmark, request " .. n .. ".\nSecond line.")
   if extra ~= "" then body = body .. "&" .. extra end
   return wrk.format("POST", wrk.path, nil, body)
end

dofile(dir .. "/report.lua")
