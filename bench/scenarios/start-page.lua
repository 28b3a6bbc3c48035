-- start-page: GET / as a logged-in customer (carl@acme.example).
-- Adds the session lookup (one query) and the role's start page to what
-- login-page costs.  bench/run.sh logs in first and passes the session
-- cookie with -H "Cookie: portico_session=..."; it checks with curl that
-- GET / answers 200 (not 303 to the login form) before and after the run,
-- because wrk counts a 303 as a success.
-- Target: at least 0.50 of hello's requests per second.
wrk.method = "GET"
wrk.path = "/"
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/report.lua")
