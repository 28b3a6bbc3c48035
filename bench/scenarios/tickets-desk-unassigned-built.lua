-- tickets-desk-unassigned-built: tickets-desk-unassigned's twin, the desk
-- built for every request: "built=1" is no parameter of the desk, so the
-- page is never kept (cgi-bin-src/tickets/personal.c).  Reported beside
-- tickets-desk-unassigned, no target.
TICKETS_BUILT = true
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/scenarios/tickets-desk-unassigned.lua")
