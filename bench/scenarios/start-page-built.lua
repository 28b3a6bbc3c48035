-- start-page-built: GET /?built=1 as the logged-in customer of start-page.
-- The start page ignores the parameter, but a query string keeps the page
-- cache out of it: this is the unkept twin of start-page (served from the
-- page kept for carl's persona), what the first start page after a change
-- costs: the session, the page XML and the transform, every time.  No
-- target of its own.
wrk.method = "GET"
wrk.path = "/?built=1"
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/report.lua")
