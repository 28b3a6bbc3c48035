-- hello: GET /hello, answered by portico-hello (plain libfcgi, no runtime).
-- The baseline: nginx + FastCGI + one process per connection, nothing else.
-- Every other scenario is reported as a ratio to this one.
wrk.method = "GET"
wrk.path = "/hello"
dofile((os.getenv("PORTICO_BENCH_DIR") or "bench") .. "/report.lua")
