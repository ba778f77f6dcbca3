-- wrk script for bench/webhook: POST one AdmissionReview (path in $REVIEW) on every request.
local file = assert(io.open(os.getenv("REVIEW"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

-- No response() callback: wrk would then parse every body, taking CPU from the server it shares cores with.
-- Answers other than 2xx/3xx are counted by wrk itself (summary.errors.status).
done = function(summary, latency, requests)
    io.write(string.format("p50_us %d\np90_us %d\np99_us %d\nmax_us %d\nrequests %d\nduration_us %d\n",
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
        summary.requests, summary.duration))
    io.write(string.format("errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout))
end
