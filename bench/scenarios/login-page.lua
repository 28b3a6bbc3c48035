-- login-page: GET /auth/login as an anonymous visitor.
-- The auth worker parses the request, issues the anonymous CSRF cookie,
-- builds the page XML and renders login.xsl through the layout.
-- Target: at least 0.60 of hello's requests per second.
wrk.method = "GET"
wrk.path = "/auth/login"
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/report.lua")
