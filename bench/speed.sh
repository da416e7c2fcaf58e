#!/usr/bin/env bash
# Speed: the service on the embedded H2 and on PostgreSQL side by side, measured with wrk
# (2 threads, 16 connections) in one run: create on each route, get by id, list the first page, and the
# ceiling, a no-op POST that only the benchmark deployment has, with and without the token check. After a
# warm-up, every request kind runs once per round against each server, in turn; two rounds at least.
# Prints one table, with each row's ratio to the no-op ceiling of the same round, and writes it to
# bench/results/speed.md, with three boots to first answer and, after the rounds (a recording slows
# the server it watches), a Java Flight Recorder profile of 20 s of creates on each server: its top frames
# and the share of samples spent under each part of a create. The servers run with server-config/jvm.options,
# as the README starts them. Pass WARs to compare, as label=path (default: this tree's WAR): each gets its own
# pair of servers, every round measures all of them in turn, and each row also gets its ratio to the first
# WAR's same request and round; boots and profiles are of the first WAR. With --peers, two servers that store
# nothing answer the create route beside them, each round: a WireMock stub and a Prism mock of this service's
# OpenAPI document (installed from Maven Central and the npm registry). Not a test: nothing here passes or
# fails on a time.
# A WAR's own settings follow its path, as NAME=value after commas. KINDS (an extended regex on a request
# kind's label, e.g. '^create') measures only the kinds it matches in the rounds (warm-up and profiles are
# creates anyway); a row's ratio to the no-op is then '-' unless the no-op is measured. OUT names the file the
# table goes to (default bench/results/speed.md).
#   WARMUP=90 ROUNDS=2 DURATION=15 bash bench/speed.sh [--peers] [before=/path/to/old.war this=target/graph-install-status.war]
#   bash bench/speed.sh default=target/graph-install-status.war limit8=target/graph-install-status.war,GRAPH_QUERY_CONCURRENT_COLLECTIONS=8
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
WARMUP="${WARMUP:-90}" ROUNDS="${ROUNDS:-2}" DURATION="${DURATION:-15}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null

./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-speed-classpath.txt
work="$PWD/target/bench-speed"
options="$PWD/server-config/jvm.options"
rm -rf "$work" && mkdir -p "$work/war/WEB-INF/classes"
javac -d "$work/war/WEB-INF/classes" -cp "$(cat target/bench-speed-classpath.txt)" bench/speed/NoOpResource.java
peers=false wars=()
for arg in "$@"; do if [ "$arg" = --peers ]; then peers=true; else wars+=("$arg"); fi; done
[ ${#wars[@]} -gt 0 ] || wars=("this=target/graph-install-status.war")
labels=()
declare -A settings # a WAR's own environment: label=path,NAME=value,...
for entry in "${wars[@]}"; do
    label=${entry%%=*} rest=${entry#*=}
    IFS=, read -r war extra <<< "$rest"
    cp "$(realpath "$war")" "$work/$label.war"
    jar uf "$work/$label.war" -C "$work/war" WEB-INF
    labels+=("$label") settings[$label]=${extra//,/ }
done
TOKEN="$(./mvnw -q -Pdev-token | tail -n 1)"
export TOKEN

# The databases' own ceiling, before the servers start: a create's reads and write from 16 JDBC threads.
echo "database ceilings, ${DURATION} s each" >&2
ceiling() { "$JDK/bin/java" -cp "$(cat target/bench-speed-classpath.txt)" bench/speed/DatabaseCeiling.java "$1" "$DURATION" | awk '/^RESULT/{print $2}'; }
ceiling_h2=$(ceiling "jdbc:h2:file:$work/ceiling/graph;WRITE_DELAY=0;COMPRESS=TRUE")
psql -h "$PGHOST" -U "$PGUSER" -qc "CREATE DATABASE graph_ceiling_$$" postgres
ceiling_pg=$(ceiling "jdbc:postgresql://$PGHOST:$PGPORT/graph_ceiling_$$?user=$PGUSER")
psql -h "$PGHOST" -U "$PGUSER" -qc "DROP DATABASE graph_ceiling_$$" postgres

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start() { # name war port postboot env... : starts a server and waits until the API answers
    local name=$1 war=$2 port=$3 postboot=$4; shift 4
    mkdir -p "$work/$name"
    (cd "$work/$name" && exec env GRAPH_DEVELOPMENT=true "$@" "$JDK/bin/java" "@$options" -XX:FlightRecorderOptions:stackdepth=128 -jar "$PWD/../../payara-micro.jar" --deploy "$war" \
        --addlibs "$PWD/../../postgresql.jar" --postbootcommandfile "$postboot" --port "$port" --nohazelcast \
        > "$work/$name.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 1 240); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/beta/deviceAppManagement/mobileApps/x")" = 401 ] && return
        sleep 0.25
    done
    echo "$name did not start; see $work/$name.log" >&2; exit 1
}
pid_on() { ss -ltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# servers: name:port, two per WAR (named h2 and postgresql, or label-h2 and label-postgresql beside others)
servers=() dbs=()
trap 'kill "${pids[@]}" 2>/dev/null || true; sleep 2; for db in "${dbs[@]}"; do psql -h "$PGHOST" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres; done' EXIT
for i in "${!labels[@]}"; do
    label=${labels[$i]} prefix=$([ ${#labels[@]} -gt 1 ] && echo "${labels[$i]}-" || true)
    db="graph_speed_$$_$i"
    psql -h "$PGHOST" -U "$PGUSER" -qc "CREATE DATABASE $db" postgres
    dbs+=("$db")
    # shellcheck disable=SC2086 # a WAR's settings are NAME=value words
    start "${prefix}h2" "$work/$label.war" $((18181 + 2 * i)) "$PWD/server-config/h2.asadmin" GRAPH_DATA_DIR="$work/${prefix}h2/data" ${settings[$label]}
    # shellcheck disable=SC2086
    start "${prefix}postgresql" "$work/$label.war" $((18182 + 2 * i)) "$PWD/server-config/postgresql.asadmin" PGDATABASE="$db" ${settings[$label]}
    servers+=("${prefix}h2:$((18181 + 2 * i))" "${prefix}postgresql:$((18182 + 2 * i))")
done

status='{"deviceName":"bench","deviceId":"d-1","errorCode":0,"installState":"installed","installStateDetail":"noAdditionalDetails","lastSyncDateTime":"2026-11-29T10:00:00.1234567+01:00","mobileAppInstallStatusValue":"installed","osVersion":"10.0.22631","osDescription":"Windows 11","userName":"Ann","userPrincipalName":"ann@contoso.example","displayVersion":"1.2.3"}'
declare -A paths
for server in "${servers[@]}"; do
    name=${server%%:*} port=${server##*:}
    api="localhost:$port/beta/deviceAppManagement/mobileApps"
    app=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d '{"@odata.type":"#microsoft.graph.webApp","displayName":"bench"}' "$api" | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
    user=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"userName":"Ann"}' \
        "$api/$app/userStatuses" | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
    one=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$status" \
        "$api/$app/deviceStatuses" | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
    paths[$name-app]="/beta/deviceAppManagement/mobileApps/$app/deviceStatuses"
    paths[$name-user]="/beta/deviceAppManagement/mobileApps/$app/userStatuses/$user/deviceStatuses"
    paths[$name-one]="/beta/deviceAppManagement/mobileApps/$app/deviceStatuses/$one"
done

# Peers: what the create route costs on servers that store nothing, started before any load is measured.
# WireMock answers one fixed 201 from a stateless mapping and keeps no request journal; Prism answers from the
# OpenAPI document this service serves, after checking the request against it.
peer_servers=()
if $peers; then
    peer="$work/peers"
    mkdir -p "$peer/wiremock/mappings" "$peer/prism"
    ./mvnw -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory="$peer"
    python3 - "$status" > "$peer/wiremock/mappings/create.json" <<'PY'
import json, sys
body = dict(json.loads(sys.argv[1]), id="00000000-0000-0000-0000-000000000001")
print(json.dumps({"request": {"method": "POST", "urlPathPattern": "/beta/deviceAppManagement/mobileApps/[^/]+/deviceStatuses"},
                  "response": {"status": 201, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}}))
PY
    (exec "$JDK/bin/java" -jar "$peer/wiremock-standalone-3.13.2.jar" --port 18187 --root-dir "$peer/wiremock" --no-request-journal \
        --disable-banner > "$work/wiremock.log" 2>&1) &
    pids+=($!)
    curl -s "localhost:${servers[0]##*:}/openapi" > "$peer/openapi.yaml"
    npm install -s --prefix "$peer/prism" @stoplight/prism-cli@5.16.0 >/dev/null
    (exec "$peer/prism/node_modules/.bin/prism" mock -h 127.0.0.1 -p 18188 "$peer/openapi.yaml" > "$work/prism.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 1 240); do
        curl -s -o /dev/null localhost:18187/__admin/health && curl -s -o /dev/null localhost:18188/ && break
        sleep 0.25
    done
    peer_servers=(wiremock:18187 prism:18188)
    paths[wiremock-app]=${paths[${servers[0]%%:*}-app]} paths[prism-app]=${paths[${servers[0]%%:*}-app]}
fi

# kind: label method path-key expect token? body?
kinds=("no-op, no token|POST|noop|201|-|body" "no-op, token verified|POST|noop-verified|201|token|body"
       "create (app route)|POST|app|201|token|body" "create (user route)|POST|user|201|token|body"
       "get by id|GET|one|200|token|-" "list, first page|GET|app|200|token|-")
run() { # server port kind seconds -> RESULT line
    local name=$1 port=$2 kind=$3 seconds=$4
    IFS='|' read -r label method key expect auth body <<< "$kind"
    local path
    case $key in noop) path=/beta/bench/noop ;; noop-verified) path=/beta/bench/noop/verified ;; *) path=${paths[$name-$key]} ;; esac
    METHOD=$method URLPATH=$path EXPECT=$expect TOKEN=$([ "$auth" = token ] && echo "$TOKEN" || true) \
        BODY=$([ "$body" = body ] && echo "$status" || true) \
        wrk -t2 -c16 -d"${seconds}s" --latency -s bench/speed/request.lua "http://localhost:$port" | grep '^RESULT'
}

echo "warming up, ${WARMUP} s of creates per server" >&2
for server in "${servers[@]}"; do
    run "${server%%:*}" "${server##*:}" "${kinds[2]}" "$WARMUP" >/dev/null
done
for server in "${peer_servers[@]}"; do
    run "${server%%:*}" "${server##*:}" "${kinds[2]}" 30 >/dev/null
done
# This machine's PostgreSQL runs with autovacuum off, so it would never gather statistics on the rows the
# warm-up wrote and plans "list" by sorting all of them; a production PostgreSQL (autovacuum on, the default)
# analyzes by itself. Do what autovacuum would.
for db in "${dbs[@]}"; do psql -h "$PGHOST" -U "$PGUSER" -qc "ANALYZE" "$db"; done
results="$work/results.txt"; : > "$results"
for round in $(seq 1 "$ROUNDS"); do
    for server in "${servers[@]}"; do
        for kind in "${kinds[@]}"; do
            [[ ${kind%%|*} =~ ${KINDS:-.} ]] || continue
            echo "round $round, ${server%%:*}: ${kind%%|*}" >&2
            echo "$round|${server%%:*}|${kind%%|*}|$(run "${server%%:*}" "${server##*:}" "$kind" "$DURATION")" >> "$results"
        done
    done
    for server in "${peer_servers[@]}"; do
        echo "round $round, ${server%%:*}: ${kinds[2]%%|*}" >&2
        echo "$round|${server%%:*}|${kinds[2]%%|*}|$(run "${server%%:*}" "${server##*:}" "${kinds[2]}" "$DURATION")" >> "$results"
    done
done
rss=()
for server in "${servers[@]}"; do
    rss+=("${server%%:*} $(( $(awk '/VmRSS/{print $2}' /proc/"$(pid_on "${server##*:}")"/status) / 1024 )) MB")
done
for server in "${servers[@]:0:2}"; do # the first WAR's
    name=${server%%:*} port=${server##*:}
    echo "profiling creates on $name" >&2
    "$JDK/bin/jcmd" "$(pid_on "$port")" JFR.start name=bench settings=profile >/dev/null
    run "$name" "$port" "${kinds[2]}" 20 >/dev/null
    "$JDK/bin/jcmd" "$(pid_on "$port")" JFR.stop name=bench filename="$work/${name##*-}.jfr" >/dev/null
    "$JDK/bin/jfr" print --stack-depth 128 --events jdk.ExecutionSample "$work/${name##*-}.jfr" > "$work/${name##*-}-samples.txt"
done
for server in "${servers[@]}"; do kill "$(pid_on "${server##*:}")"; done # boots are measured on a machine that does nothing else
sleep 5

boots=()
for i in 1 2 3; do
    started=$(date +%s%N)
    start "boot$i" "$work/${labels[0]}.war" $((18190 + i)) "$PWD/server-config/h2.asadmin" GRAPH_DATA_DIR="$work/boot$i/data"
    boots+=("$(( ($(date +%s%N) - started) / 1000000 ))")
    kill "$(pid_on $((18190 + i)))"
done

out="${OUT:-bench/results/speed.md}"
mkdir -p "$(dirname "$out")"
rss_line=$(IFS=,; echo "${rss[*]}")
python3 - "$results" "$work" "$rss_line" "$ceiling_h2" "$ceiling_pg" "$([ ${#labels[@]} -gt 1 ] && echo "${labels[0]}" || true)" "${boots[@]}" <<'PY' | tee "$out"
import sys, collections, datetime, os
sys.path.insert(0, "bench")
from jfr_profile import print_profile
path, work, rss, ceiling_h2, ceiling_pg, first, *boots = sys.argv[1:]
rows = collections.OrderedDict()
for line in open(path):
    rnd, server, label, result = line.rstrip("\n").split("|")
    _, rps, p50, p90, p99, errors, requests = result.split()
    rows.setdefault((server, label), {})[int(rnd)] = dict(rps=float(rps), p50=float(p50), p90=float(p90), p99=float(p99), errors=int(errors))
print(f"# Speed, {datetime.date.today()} (wrk -t2 -c16, {os.environ.get('DURATION','15')} s a request kind a round, after {os.environ.get('WARMUP','90')} s of creates per server)\n")
print("Same 2 cores for wrk and all servers. Ratio: to the no-op without token of the same server and round"
      " (for the peers, wiremock and prism, of the first server).\n")
first_server = next(iter(rows))[0]
# beside other WARs, a row's servers are "<label>-h2" and "<label>-postgresql"; its ratio to the first WAR is to
# the same request and round on the first WAR's server of the same database
versus = f" ratio to {first} |" if first else ""
print("| server | request | round | req/s | p50 ms | p90 ms | p99 ms | errors | ratio to no-op |" + versus)
print("|---|---|---|---|---|---|---|---|---|" + ("---|" if first else ""))
for (server, label), by_round in rows.items():
    for rnd, r in sorted(by_round.items()):
        noop = rows.get((server, "no-op, no token"), rows.get((first_server, "no-op, no token")))
        ratio = f"{r['rps'] / noop[rnd]['rps']:.2f}" if noop else "-"
        line = f"| {server} | {label} | {rnd} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p90']:.2f} | {r['p99']:.2f} | {r['errors']} | {ratio} |"
        if first and server in ("wiremock", "prism"):
            line += " |"
        elif first:
            line += f" {r['rps'] / rows[(first + '-' + server.rsplit('-', 1)[1], label)][rnd]['rps']:.2f} |"
        print(line)
print()
spread = max(abs(r[1]["rps"] - r[2]["rps"]) / max(r[1]["rps"], r[2]["rps"]) for r in rows.values() if 1 in r and 2 in r) if len(next(iter(rows.values()))) > 1 else float("nan")
print(f"Largest difference between rounds 1 and 2: {spread:.0%}. Server RSS after the load: {rss.replace(',', ', ')}.")
print(f"Boot to first answer ({first + ', ' if first else ''}H2, new data folder), three boots: {', '.join(b + ' ms' for b in boots)}.")
print(f"The database alone (bench/speed/DatabaseCeiling.java: 16 JDBC threads each reading the app, inserting a status and committing, before the servers start): H2 {float(ceiling_h2):,.0f} commits/s, PostgreSQL {float(ceiling_pg):,.0f} commits/s.")
# JFR: the top frame of each CPU sample, and the share of samples with a part of a create on their stack
parts = [("token check (TokenVerifier.verify)", "org.graphstatus.security.TokenVerifier.verify"),
         ("signature (RSA arithmetic)", "java.math.BigInteger"),
         ("JSON in and out (JSON-P)", "org.eclipse.parsson"),
         ("EclipseLink", "org.eclipse.persistence"),
         ("transaction commit (the insert and the database's commit)", "com.sun.enterprise.transaction.JavaEETransactionManagerSimplified.commit"),
         ("H2, all", "org.h2"), ("H2 writing its file (MVStore.commit)", "org.h2.mvstore.MVStore.commit"),
         ("PostgreSQL driver", "org.postgresql"),
         ("request metrics filter", "org.graphstatus.monitoring.RequestMetrics")]
for server in ("h2", "postgresql"):
    print_profile(f"{work}/{server}-samples.txt", parts, f"\nProfile of 20 s of creates (app route) on {server}, after the rounds: {{total}} CPU samples (JFR 'profile' settings, stacks cut at 128 frames).\n", 12)
PY
