-- One kind of request for wrk, set by environment: METHOD, URLPATH, BODY, TOKEN (optional) and EXPECT
-- (the status that counts as success); RATE (optional, requests a second in all, with CONNECTIONS, default 16,
-- the -c given to wrk) paces each connection instead of running at full speed.
-- Prints one line: RESULT req/s p50 p90 p99 (ms) errors requests.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- top level: runs in every thread's interpreter, before wrk builds the request from wrk.*
wrk.method = os.getenv("METHOD")
wrk.path = os.getenv("URLPATH")
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
local rate = tonumber(os.getenv("RATE") or "0")
if rate > 0 then
  -- wrk waits this long before each request of a connection: the connections together make RATE a second
  -- (a little fewer, by the time each answer takes)
  local wait = tonumber(os.getenv("CONNECTIONS") or "16") * 1000 / rate
  function delay()
    return wait
  end
end
expected = tonumber(os.getenv("EXPECT") or "200")
unexpected = 0

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("unexpected")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + wrong
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
