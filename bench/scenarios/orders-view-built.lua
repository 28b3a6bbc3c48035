-- orders-view-built: orders-view's twin, the page built for every request:
-- with a query string the order page is never kept
-- (cgi-bin-src/orders/kept.c).  Reported beside orders-view, no target.
ORDERS_BUILT = true
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/scenarios/orders-view.lua")
