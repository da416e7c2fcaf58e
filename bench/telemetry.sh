#!/usr/bin/env bash
# Telemetry: what OpenTelemetry tracing costs single creates. Runs bench/speed.sh on this tree's WAR twice
# over, side by side in one run: "on" with the server's MicroProfile Telemetry tracing every request and
# exporting its spans over OTLP/HTTP (protobuf) to a sink on this machine (bench/telemetry/otlp_sink.py, which
# answers 200 at once and counts posts, bytes and spans), "off" as the server starts by default (no OTEL_*
# settings: telemetry off). Only the two create routes are measured in the rounds (speed.sh's KINDS), on H2
# and PostgreSQL; "on" goes first, so speed.sh's profiles (20 s of creates after the rounds) are of the "on"
# servers. Prints one table, each row's ratio on/off of the same round and database, the sink's counts and
# the spans per request the "on" servers logged, and writes it to bench/results/telemetry.md (speed.sh's own
# table goes to target/bench-speed/speed.md). Fails if no trace export arrived. Not a test otherwise.
#   WARMUP=60 ROUNDS=5 DURATION=10 bash bench/telemetry.sh   (the defaults; about 16 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
export WARMUP="${WARMUP:-60}" ROUNDS="${ROUNDS:-5}" DURATION="${DURATION:-10}"
started=$(date +%s)
sink_dir="$PWD/target/bench-telemetry"
rm -rf "$sink_dir" && mkdir -p "$sink_dir"
python3 bench/telemetry/otlp_sink.py "$sink_dir/port" > "$sink_dir/sink.log" 2>&1 &
sink=$!
trap 'kill "$sink" 2>/dev/null || true' EXIT
for _ in $(seq 1 40); do [ -s "$sink_dir/port" ] && break; sleep 0.25; done
port=$(cat "$sink_dir/port")

war=target/graph-install-status.war
on="$war,OTEL_SDK_DISABLED=false,OTEL_TRACES_EXPORTER=otlp,OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$port"
on+=",OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf,OTEL_METRICS_EXPORTER=none,OTEL_LOGS_EXPORTER=none"
on+=",OTEL_SERVICE_NAME=graph-install-status"
KINDS='^create' OUT="$PWD/target/bench-speed/speed.md" bash bench/speed.sh "on=$on" "off=$war" > /dev/null

curl -s "localhost:$port/counts" > "$sink_dir/counts.json"

work="$PWD/target/bench-speed"
mkdir -p bench/results
python3 - "$work" "$sink_dir/counts.json" "$started" "$port" <<'PY' | tee bench/results/telemetry.md
import sys, collections, datetime, json, os, re, statistics, time
sys.path.insert(0, "bench")
from jfr_profile import print_profile
work, counts_file, started, port = sys.argv[1:]
rows = collections.defaultdict(dict)  # (label, database, setting) -> round -> result
for line in open(f"{work}/results.txt"):
    rnd, server, label, result = line.rstrip("\n").split("|")
    _, rps, p50, p90, p99, errors, requests = result.split()
    setting, database = server.split("-", 1)
    rows[(label, database, setting)][int(rnd)] = dict(rps=float(rps), p50=float(p50), p99=float(p99), errors=int(errors),
                                                      requests=int(requests))
labels = list(dict.fromkeys(label for label, _, _ in rows))
names = {"h2": "H2", "postgresql": "PostgreSQL"}
print(f"# Telemetry, {datetime.date.today()} (wrk -t2 -c16, {os.environ['DURATION']} s a create route a round, "
      f"{os.environ['ROUNDS']} rounds, after {os.environ['WARMUP']} s of creates per server)\n")
print(f"`WARMUP={os.environ['WARMUP']} ROUNDS={os.environ['ROUNDS']} DURATION={os.environ['DURATION']} bash bench/telemetry.sh`: "
      "four servers of the same WAR (on and off, each on H2 and PostgreSQL) and wrk on 2 cores, measured in turn in "
      "every round (on-h2, on-postgresql, off-h2, off-postgresql). On: `OTEL_SDK_DISABLED=false "
      "OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:<sink> "
      "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none "
      "OTEL_SERVICE_NAME=graph-install-status`; off: no OTEL_* settings (the default, telemetry off).\n")
print("Req/s and p50 / p99 ms: mean of the rounds. Ratio: on / off, of the mean req/s, and per round in brackets.\n")
print("| request | database | off req/s | on req/s | ratio on/off (rounds) | off p50 / p99 ms | on p50 / p99 ms | errors off / on |")
print("|---|---|---|---|---|---|---|---|")
mean = lambda by_round, key: statistics.mean(r[key] for r in by_round.values())
for label in labels:
    for database in ("h2", "postgresql"):
        off, on = rows[(label, database, "off")], rows[(label, database, "on")]
        per_round = ", ".join(f"{on[r]['rps'] / off[r]['rps']:.2f}" for r in sorted(off) if r in on)
        print(f"| {label} | {names[database]} | {mean(off, 'rps'):,.0f} | {mean(on, 'rps'):,.0f} | "
              f"{mean(on, 'rps') / mean(off, 'rps'):.2f} ({per_round}) | {mean(off, 'p50'):.1f} / {mean(off, 'p99'):.1f} | "
              f"{mean(on, 'p50'):.1f} / {mean(on, 'p99'):.1f} | {sum(r['errors'] for r in off.values())} / "
              f"{sum(r['errors'] for r in on.values())} |")
print()
counts = json.load(open(counts_file))
span_names = counts.pop("names", [])
traces = counts.get("/v1/traces", {"posts": 0, "bytes": 0, "spans": 0})
other = ", ".join(f"{path} {c['posts']} posts" for path, c in counts.items() if path != "/v1/traces") or "no other posts"
print(f"OTLP sink (every request of the run, warm-up, setup and profiles included): /v1/traces {traces['posts']:,} posts, "
      f"{traces['bytes']:,} bytes, {traces['spans']:,} spans; {other}. Spans by name: "
      + "; ".join(f"`{name}` {count:,}" for name, count in span_names[:6]) + ".")
trace_id = re.compile(r" trace-id=[0-9a-f]{32}$")
logged = {}
for setting in ("on", "off"):
    lines = with_id = 0
    for database in ("h2", "postgresql"):
        for line in open(f"{work}/{setting}-{database}.log", errors="replace"):
            if " request-id=" in line and " trace-id=" in line:
                lines += 1
                with_id += bool(trace_id.search(line.rstrip()))
    logged[setting] = (lines, with_id)
on_lines, on_ids = logged["on"]
print(f"Request log lines of the on servers: {on_lines:,}, {on_ids:,} with a trace id "
      f"({traces['spans'] / max(on_ids, 1):.2f} spans received a request with a trace id); of the off servers: "
      f"{logged['off'][0]:,}, {logged['off'][1]:,} with a trace id.")
problems = re.compile(r"(export|otlp|opentelemetry|span).*(fail|error|exception|drop|refused|timed? ?out)|"
                      r"(fail|error|exception|drop|refused|timed? ?out).*(export|otlp|opentelemetry)", re.I)
found = []
for database in ("h2", "postgresql"):
    for line in open(f"{work}/on-{database}.log", errors="replace"):
        if " request-id=" not in line and problems.search(line):
            found.append(f"on-{database}: {line.strip()[:200]}")
print(f"Server log lines of the on servers about failed or dropped exports: {len(found)}"
      + "".join(f"\n    {line}" for line in found[:5]))
print(f"Exporter check: {'passed' if traces['posts'] > 0 else 'FAILED'} ({traces['posts']:,} posts to /v1/traces).")
speed = open(f"{work}/speed.md").read()
for line in speed.splitlines():
    if line.startswith("Largest difference") or line.startswith("The database alone"):
        print(f"From speed.sh: {line}")
parts = [("OpenTelemetry API and SDK (io.opentelemetry)", "io.opentelemetry"),
         ("the exporter's HTTP client (Payara's shaded OkHttp)", "fish.payara.shaded.okhttp3"),
         ("Payara's MicroProfile Telemetry (fish.payara.microprofile.telemetry)", "fish.payara.microprofile.telemetry"),
         ("the service's RequestTrace filter (names the route, with telemetry off too; sets the span's attributes)", "org.graphstatus.monitoring.RequestTrace"),
         ("transaction commit, for scale", "com.sun.enterprise.transaction.JavaEETransactionManagerSimplified.commit")]
for database in ("h2", "postgresql"):
    print_profile(f"{work}/{database}-samples.txt", parts, f"\nProfile of 20 s of creates (app route) on the on server, "
                  f"{names[database]}, after the rounds: {{total}} CPU samples of all its threads.\n", 8)
print(f"\nRun time: {(time.time() - int(started)) / 60:.0f} minutes.")
PY
python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])).get("/v1/traces", {}).get("posts", 0) > 0 else 1)' \
    "$sink_dir/counts.json" || { echo "no trace export reached the sink" >&2; exit 1; }
