-- tickets-view-built: tickets-view's twin, the page built for every
-- request: with a query string the ticket page is never kept
-- (cgi-bin-src/tickets/personal.c).  Reported beside tickets-view, no target.
TICKETS_BUILT = true
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/scenarios/tickets-view.lua")
