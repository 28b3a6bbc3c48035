-- bench/report.lua: the summary every Portico wrk scenario prints.
--
-- A scenario file sets wrk.path (and whatever else it needs) and then
-- loads this file.  done() runs once, after the whole run, and prints one
-- line that bench/run.sh reads instead of parsing wrk's human output:
--
--   PORTICO_BENCH {"requests":49012,"duration_s":10.001,"rps":4900.71,...}
--
-- Latencies are in milliseconds.  "non_2xx_3xx" is the number wrk prints
-- as "Non-2xx or 3xx responses"; a run that has any, or any socket error,
-- measured something other than the page and is flagged invalid.

local function ms(us)
   return us / 1000.0
end

function done(summary, latency, requests)
   local errors = summary.errors
   local duration_s = summary.duration / 1000000.0
   local rps = 0
   if duration_s > 0 then
      rps = summary.requests / duration_s
   end
   io.write(string.format(
      'PORTICO_BENCH {"path":"%s","requests":%d,"duration_s":%.3f,' ..
      '"rps":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,' ..
      '"mean_ms":%.3f,"max_ms":%.3f,"non_2xx_3xx":%d,' ..
      '"connect_errors":%d,"read_errors":%d,"write_errors":%d,' ..
      '"timeouts":%d}\n',
      wrk.path, summary.requests, duration_s, rps,
      ms(latency:percentile(50)), ms(latency:percentile(90)),
      ms(latency:percentile(99)), ms(latency.mean), ms(latency.max),
      errors.status, errors.connect, errors.read, errors.write,
      errors.timeout))
end
