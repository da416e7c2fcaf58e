#!/usr/bin/env bash
# H2's file under creates: starts the service on the embedded H2 (server-config/h2.asadmin, a new
# data folder), creates device statuses with wrk (2 threads, 16 connections) for DURATION seconds, and prints
# one row a WAR: creates, creates/s, the size of graph.mv.db at the end of the load and its largest during it,
# 15 s after the load (the server still running), and after SHUTDOWN COMPACT (the size of the data), with the
# ratio of the end-of-load size to that. Pass WARs to compare, as label=path, side by side in one run (default:
# this tree's WAR), each with its own post-boot file as label=path@file (default server-config/h2.asadmin);
# each row is one load on one server. RATE=n paces the creates at about n a second instead
# of full speed (the issue's "steady 100 creates a second"). Writes bench/results/h2-file.md.
# Not a test: nothing here passes or fails on a time.
#   DURATION=60 [RATE=100] bash bench/h2-file.sh [main=/path/to/main.war branch=target/graph-install-status.war]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
DURATION="${DURATION:-60}"
RATE="${RATE:-0}"
command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null
./mvnw -q -DskipTests package
wars=("$@")
[ ${#wars[@]} -gt 0 ] || wars=("this=target/graph-install-status.war")
h2="$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)"
TOKEN="$(./mvnw -q -Pdev-token | tail -n 1)"
work="$PWD/target/bench-h2-file"
rm -rf "$work" && mkdir -p "$work"
port=18281
connections=16 # wrk's -c, and what request.lua divides RATE among
pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true' EXIT
status='{"deviceName":"bench","deviceId":"d-1","errorCode":0,"installState":"installed","installStateDetail":"noAdditionalDetails","lastSyncDateTime":"2026-11-29T10:00:00.1234567+01:00","mobileAppInstallStatusValue":"installed","osVersion":"10.0.22631","osDescription":"Windows 11","userName":"Ann","userPrincipalName":"ann@contoso.example","displayVersion":"1.2.3"}'
mib() { python3 -c "import os,sys;print(f'{os.path.getsize(sys.argv[1])/1048576:.1f}')" "$1"; }
rows="$work/rows.txt"; : > "$rows"
for entry in "${wars[@]}"; do
    label=${entry%%=*} war=${entry#*=} postboot="$PWD/server-config/h2.asadmin"
    [[ "$war" == *@* ]] && postboot=$(realpath "${war#*@}") && war=${war%%@*}
    war=$(realpath "$war")
    data="$work/$label/data" file="$work/$label/data/graph.mv.db"
    mkdir -p "$data"
    (cd "$work/$label" && exec env GRAPH_DEVELOPMENT=true GRAPH_DATA_DIR="$data" "$JDK/bin/java" "@$PWD/../../../server-config/jvm.options" \
        -jar "$PWD/../../payara-micro.jar" --deploy "$war" --postbootcommandfile "$postboot" \
        --port "$port" --nohazelcast > "$work/$label.log" 2>&1) &
    pid=$!
    api="localhost:$port/beta/deviceAppManagement/mobileApps"
    for _ in $(seq 1 240); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$api/x")" = 401 ] && break
        sleep 0.25
    done
    app=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d '{"@odata.type":"#microsoft.graph.webApp","displayName":"bench"}' "$api" | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
    echo "$label: ${DURATION} s of creates" >&2
    ( max=0; while kill -0 "$pid" 2>/dev/null && [ ! -e "$work/$label.done" ]; do
        size=$(stat -c %s "$file" 2>/dev/null || echo 0); [ "$size" -gt "$max" ] && max=$size && echo "$max" > "$work/$label.max"; sleep 0.5
    done ) &
    result=$(METHOD=POST URLPATH="/beta/deviceAppManagement/mobileApps/$app/deviceStatuses" EXPECT=201 TOKEN="$TOKEN" BODY="$status" RATE="$RATE" CONNECTIONS="$connections" \
        wrk -t2 -c"$connections" -d"${DURATION}s" -s bench/speed/request.lua "http://localhost:$port" | grep '^RESULT')
    touch "$work/$label.done"
    end=$(mib "$file")
    [ "$(stat -c %s "$file")" -gt "$(cat "$work/$label.max")" ] && stat -c %s "$file" > "$work/$label.max"
    sleep 15
    later=$(mib "$file")
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    closed=$(mib "$file")
    "$JDK/bin/java" -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$data/graph" -user "" -password "" -sql "SHUTDOWN COMPACT" >/dev/null
    compacted=$(mib "$file")
    max=$(python3 -c "print(f'{int(open(\"$work/$label.max\").read())/1048576:.1f}')")
    read -r _ rps _ _ _ errors requests <<< "$result"
    echo "$label|$requests|$rps|$errors|$end|$max|$later|$closed|$compacted" >> "$rows"
done

out="bench/results/h2-file.md"
mkdir -p bench/results
python3 - "$rows" <<'PY' | tee "$out"
import sys, datetime, os
rate = os.environ.get('RATE', '0')
pace = f"about {rate} a second" if rate != '0' else "full speed"
print(f"# H2's file under creates, {datetime.date.today()} (wrk -t2 -c16, {os.environ.get('DURATION', '60')} s of creates a WAR, {pace})\n")
print("Sizes of graph.mv.db in MiB. Ratio: size at the end of the load / size after SHUTDOWN COMPACT.\n")
print("| WAR | creates | creates/s | errors | end of load | largest | 15 s later | after stop | after SHUTDOWN COMPACT | ratio |")
print("|---|---|---|---|---|---|---|---|---|---|")
for line in open(sys.argv[1]):
    label, requests, rps, errors, end, largest, later, closed, compacted = line.strip().split("|")
    print(f"| {label} | {int(requests):,} | {float(rps):,.0f} | {errors} | {end} | {largest} | {later} | {closed} | {compacted} | {float(end)/float(compacted):.1f} |")
PY
