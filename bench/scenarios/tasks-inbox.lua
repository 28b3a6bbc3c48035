-- tasks-inbox: the task inbox of an approver of Bench Approvals Ltd
-- (script/flow-generate --reader), while the organisation's 10 000 order
-- approvals wait for its approvers (flow-approvals' phase "start"): GET
-- /tasks/, all tasks or those offered to the reader's roles, pages 1 to 3
-- (25 a page, the most urgent first).  bench/run.sh starts the approvals
-- first, when flow-approvals has not.
-- Target: at least 0.15 of hello's requests per second, p99 at most 25 ms.

local dir = os.getenv("PORTICO_BENCH_DIR") or "bench"
local pool = dofile(dir .. "/lib/pool.lua")
local shows = { "", "", "", "offered" }
-- tasks-inbox-built sets TASKS_BUILT: a parameter the inbox does not read.
local first = TASKS_BUILT and "?built=1&" or "?"

wrk.method = "GET"
wrk.path = "/tasks/" .. (TASKS_BUILT and "?built=1" or "")
pool.serve(function()
   local path = "/tasks/" .. first
   local show = pool.pick(shows)
   if show ~= "" then path = path .. "show=" .. show .. "&" end
   return path .. "page=" .. math.random(3)
end)

dofile(dir .. "/report.lua")
