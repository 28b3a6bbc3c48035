-- orders-history-built: orders-history's twin, the list built for every
-- request: with a parameter the history does not read it is never kept
-- (cgi-bin-src/orders/kept.c).  Reported beside orders-history, no target.
ORDERS_BUILT = true
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/scenarios/orders-history.lua")
