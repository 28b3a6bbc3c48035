-- login-page-built: GET /auth/login?next=/kb/ as an anonymous visitor,
-- the form a reader meets who followed a link to a page that wants a
-- sign-in.  The query string keeps the page cache out of it: this is the
-- unkept twin of login-page (which is served from a kept page), the cost
-- of building and rendering the form every time.  No target of its own.
wrk.method = "GET"
wrk.path = "/auth/login?next=%2Fkb%2F"
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/report.lua")
