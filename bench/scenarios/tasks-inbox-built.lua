-- tasks-inbox-built: tasks-inbox's twin, the inbox built for every
-- request: with a parameter the inbox does not read it is never kept
-- (cgi-bin-src/tasks/kept.c).  Reported beside tasks-inbox, no target.
TASKS_BUILT = true
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/scenarios/tasks-inbox.lua")
