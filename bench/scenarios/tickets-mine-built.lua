-- tickets-mine-built: tickets-mine's twin, the list built for every
-- request: "built=1" is no parameter of the list, so the page is never kept
-- (cgi-bin-src/tickets/personal.c).  Reported beside tickets-mine, no target.
TICKETS_BUILT = true
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/scenarios/tickets-mine.lua")
