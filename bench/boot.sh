#!/usr/bin/env bash
# Boot and memory beside an empty Payara Micro, and beside the same service on Payara 6. Side by side in one run,
# in turn: BOOTS boots to first answer of the default Payara Micro 7 with a one-page WAR ("empty") and with the
# service on the embedded H2 (a new data folder each), and of the service on Payara Micro 6.2025.10 on Java 17,
# all with server-config/jvm.options and --nohazelcast, each with the time Payara logs for deploying the WAR. With CDS=1 a third row boots the service from a launcher written into
# a root folder (--outputlauncher) with a class-data-sharing archive made by one training boot before the
# timed ones (-XX:ArchiveClassesAtExit / -XX:SharedArchiveFile). Then memory: the empty Payara after its boot,
# and the service after LOAD seconds of creates (wrk -t2 -c16) on Payara 7 and on Payara 6, each with
# -XX:NativeMemoryTracking=summary: RSS and NMT's committed memory by part, with each one's ratio to the empty Payara. With PROFILE=1, one more
# boot of each under Java Flight Recorder: the share of CPU samples under each part of the stack, until the
# first answer.
# Prints a table and writes it to bench/results/boot.md. Not a test: nothing passes or fails on a time.
#   BOOTS=3 LOAD=60 CDS=1 PROFILE=1 bash bench/boot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
BOOTS="${BOOTS:-3}" LOAD="${LOAD:-60}" CDS="${CDS:-0}" PROFILE="${PROFILE:-0}"
command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null
./mvnw -q -DskipTests package
work="$PWD/target/bench-boot"
options="$PWD/server-config/jvm.options"
rm -rf "$work" && mkdir -p "$work/empty-war"
PAYARA6=6.2025.10
JDK6="$(jdk 17 17)"
./mvnw -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA6" -DoutputDirectory="$work/payara6" \
    -Dmdep.stripVersion=true
echo '<!doctype html><title>empty</title>' > "$work/empty-war/index.html"
jar cf "$work/empty.war" -C "$work/empty-war" index.html
service="$PWD/target/graph-install-status.war"
TOKEN="$(./mvnw -q -Pdev-token | tail -n 1)"
pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true' EXIT

# start name url-path status jvm-flags... -- payara-arguments... : starts a server on 18300 with $java, waits
# until url-path answers with status (the WAR's own answer: Payara listens before its WAR is deployed); the
# milliseconds to that answer are left in $work/ms
java="$JDK/bin/java"
start() {
    local name=$1 path=$2 expect=$3; shift 3
    local flags=() started
    while [ "$1" != -- ]; do flags+=("$1"); shift; done; shift
    mkdir -p "$work/$name"
    started=$(date +%s%N)
    (cd "$work/$name" && exec env GRAPH_DEVELOPMENT=true GRAPH_DATA_DIR="$work/$name/data" "$java" "@$options" "${flags[@]}" "$@" \
        --port 18300 --nohazelcast > "$work/$name.log" 2>&1) &
    pid=$!
    for _ in $(seq 1 1200); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:18300$path")" = "$expect" ] && { echo $(( ($(date +%s%N) - started) / 1000000 )) > "$work/ms"; return; }
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "$name did not start; see $work/$name.log" >&2; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
deployed() { grep -o 'successfully deployed in [0-9,]* milliseconds' "$work/$1.log" | head -1 | tr -dc 0-9 || true; }
micro=(-jar "$PWD/target/payara-micro.jar")
micro6=(-jar "$work/payara6/payara-micro.jar")
on6() { local java="$JDK6/bin/java" jcmd="$JDK6/bin/jcmd"; "$@"; } # on6 command...: the command on Payara 6's Java
postboot=(--postbootcommandfile "$PWD/server-config/h2.asadmin")
api="/beta/deviceAppManagement/mobileApps/x 401"
page="/empty/index.html 200"

# The launcher's root folder as --outputlauncher leaves it, before any boot: a boot records its deployment in the
# root folder's domain.xml, and the next boot from that folder would load that copy of the WAR instead of
# deploying the one it is given. So each boot from the launcher starts from this copy, at the same path (the
# archive holds the paths and times of the jars it was made from, and is refused when they differ).
fresh_root() { rm -rf "$work/root" && cp -a "$work/root.pristine" "$work/root"; }
if [ "$CDS" = 1 ]; then
    # the launcher and the archive, once: a training boot that deploys the service and exits
    "$JDK/bin/java" -jar "$PWD/target/payara-micro.jar" --rootdir "$work/root.pristine" --outputlauncher > "$work/launcher.log" 2>&1
    fresh_root
    start cds-training $api -XX:ArchiveClassesAtExit="$work/service.jsa" -- -jar "$work/root/launch-micro.jar" \
        --deploy "$service" "${postboot[@]}"
    stop
fi

rows="$work/rows.txt"; : > "$rows"
boot() { # label name start-arguments... : one timed boot, one row
    local label=$1 name=$2; shift 2
    start "$name" "$@"
    stop
    local deploy_ms; deploy_ms=$(deployed "$name")
    # the row counts only a boot that deployed the WAR it was given
    [ -n "$deploy_ms" ] || { echo "$name did not deploy its WAR; see $work/$name.log" >&2; exit 1; }
    echo "$label|$(cat "$work/ms")|$deploy_ms" >> "$rows"
}
for i in $(seq 1 "$BOOTS"); do
    echo "boot $i" >&2
    boot empty "empty$i" $page -- "${micro[@]}" --deploy "$work/empty.war"
    boot service "service$i" $api -- "${micro[@]}" --deploy "$service" "${postboot[@]}"
    on6 boot "service on Payara $PAYARA6" "service6-$i" $api -- "${micro6[@]}" --deploy "$service" "${postboot[@]}"
    if [ "$CDS" = 1 ]; then
        fresh_root
        boot "service, launcher and CDS archive" "cds$i" $api -XX:SharedArchiveFile="$work/service.jsa" -- \
            -jar "$work/root/launch-micro.jar" --deploy "$service" "${postboot[@]}"
    fi
done

# memory: RSS and NMT of the empty Payara after its boot, then of the service after the load
jcmd="$JDK/bin/jcmd"
nmt() { "$jcmd" "$pid" VM.native_memory summary | python3 -c '
import re, sys
for line in sys.stdin:
    m = re.match(r"^-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB\)", line) or re.match(r"^Total: reserved=\d+KB, committed=(\d+)KB", line)
    if m: print((m.group(1) if m.lastindex == 2 else "Total") + "=" + str(int(m.group(m.lastindex)) // 1024))'; }
rss() { echo $(( $(awk '/VmRSS/{print $2}' "/proc/$pid/status") / 1024 )); }
start empty-memory $page -XX:NativeMemoryTracking=summary -- "${micro[@]}" --deploy "$work/empty.war"
sleep 5
{ echo "RSS=$(rss)"; nmt; } > "$work/empty-memory.txt"; stop
status='{"deviceName":"bench","deviceId":"d-1","errorCode":0,"installState":"installed","installStateDetail":"noAdditionalDetails","lastSyncDateTime":"2026-11-29T10:00:00Z","mobileAppInstallStatusValue":"installed"}'
loaded() { # name payara-arguments... : the service after LOAD seconds of creates; wrk's RESULT line, then memory
    local name=$1; shift
    start "$name" $api -XX:NativeMemoryTracking=summary -- "$@" --deploy "$service" "${postboot[@]}"
    app=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d '{"@odata.type":"#microsoft.graph.webApp","displayName":"bench"}' "localhost:18300/beta/deviceAppManagement/mobileApps" \
        | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
    echo "$name: ${LOAD} s of creates" >&2
    METHOD=POST URLPATH="/beta/deviceAppManagement/mobileApps/$app/deviceStatuses" EXPECT=201 TOKEN="$TOKEN" BODY="$status" \
        wrk -t2 -c16 -d"${LOAD}s" -s bench/speed/request.lua "http://localhost:18300" | grep '^RESULT' > "$work/$name-load.txt"
    { echo "RSS=$(rss)"; nmt; } > "$work/$name.txt"; stop
}
loaded service-memory "${micro[@]}"
on6 loaded service6-memory "${micro6[@]}"

# where a boot's CPU goes: one recorded boot of each, stacks deep enough to reach the deployment's own frames
profiled() { # name start-arguments... : a recorded boot, printed for jfr_profile.py
    local name=$1; shift
    start "$name" "$@"
    "$JDK/bin/jcmd" "$pid" JFR.dump name=boot filename="$work/$name.jfr" >/dev/null
    stop
    "$JDK/bin/jfr" print --stack-depth 256 --events jdk.ExecutionSample "$work/$name.jfr" > "$work/$name-samples.txt"
}
if [ "$PROFILE" = 1 ]; then
    recording=(-XX:StartFlightRecording=name=boot,settings=profile -XX:FlightRecorderOptions:stackdepth=256)
    profiled empty-profile $page "${recording[@]}" -- "${micro[@]}" --deploy "$work/empty.war"
    profiled service-profile $api "${recording[@]}" -- "${micro[@]}" --deploy "$service" "${postboot[@]}"
fi

out="bench/results/boot.md"
mkdir -p bench/results
PAYARA7="$(unzip -p target/payara-micro.jar MICRO-INF/domain/branding/glassfish-version.properties \
    | awk -F= '/^(major|minor|update)_version=/ { v = v (v ? "." : "") $2 } END { print v }')" \
PAYARA6="$PAYARA6" JDK="$JDK" JDK6="$JDK6" \
python3 - "$rows" "$work" <<'PY' | tee "$out"
import sys, datetime, statistics, collections, os
sys.path.insert(0, "bench")
from jfr_profile import print_profile
rows, work = sys.argv[1:]
boots = collections.OrderedDict()
for line in open(rows):
    label, ms, deployed = line.strip().split("|")
    boots.setdefault(label, []).append((int(ms), int(deployed) if deployed else None))
def release(home):
    return next(line.split("=", 1)[1].strip().strip('"') for line in open(f"{home}/release") if line.startswith("JAVA_VERSION="))
print(f"# Boot and memory beside an empty Payara Micro, {datetime.date.today()}\n")
print(f"Payara Micro {os.environ['PAYARA7']} on Java {release(os.environ['JDK'])};"
      f" the service also on Payara Micro {os.environ['PAYARA6']} on Java {release(os.environ['JDK6'])}."
      " server-config/jvm.options, --nohazelcast, 2 shared cores; boots in turn. Boot: from the start of `java` to the"
      " first HTTP answer; deploy: what Payara logs for deploying the WAR. Ratio: of the medians, to the empty WAR's.\n")
print("| WAR | boots, ms | median ms | deploy ms (median) | ratio |")
print("|---|---|---|---|---|")
base = statistics.median(ms for ms, _ in boots["empty"])
for label, runs in boots.items():
    median = statistics.median(ms for ms, _ in runs)
    deploys = [d for _, d in runs if d is not None]
    deploy = f"{statistics.median(deploys):,.0f}" if deploys else "-"
    print(f"| {label} | {', '.join(f'{ms:,}' for ms, _ in runs)} | {median:,.0f} | {deploy} | {median / base:.2f} |")
def memory(path):
    return dict((k, int(v)) for k, v in (line.strip().split("=", 1) for line in open(path)))
empty = memory(f"{work}/empty-memory.txt")
services = {f"service": memory(f"{work}/service-memory.txt"),
            f"service on Payara {os.environ['PAYARA6']}": memory(f"{work}/service6-memory.txt")}
print(f"\nMemory in MB: the empty Payara 7 5 s after its boot; the service after {os.environ.get('LOAD', '60')} s of"
      " creates (wrk -t2 -c16). NMT: committed, by part (-XX:NativeMemoryTracking=summary); parts under 5 MB in all"
      " are left out. Ratio: to the empty Payara 7.\n")
for label, name in (("service", "service-memory"), (f"service on Payara {os.environ['PAYARA6']}", "service6-memory")):
    _, rps, p50, p90, p99, errors, requests = open(f"{work}/{name}-load.txt").read().split()
    print(f"- {label}: {int(requests):,} creates, {float(rps):,.0f}/s, p99 {float(p99):.0f} ms, {errors} errors")
print()
print("| | empty Payara 7 | " + " | ".join(f"{label} | ratio" for label in services) + " |")
print("|---|---|" + "---|---|" * len(services))
keys = ["RSS", "Total"] + sorted({k for s in services.values() for k in s if k not in ("RSS", "Total")})
for key in keys:
    e = empty.get(key, 0)
    values = [s.get(key, 0) for s in services.values()]
    if key in ("RSS", "Total") or max([e] + values) >= 5:
        cells = " | ".join(f"{v:,} | {v / e if e else float('nan'):.2f}" for v in values)
        print(f"| {'RSS' if key == 'RSS' else 'NMT ' + key} | {e:,} | {cells} |")
parts = [("Payara Micro's boot, the deployment included (PayaraMicroImpl.bootStrap)", "fish.payara.micro.impl.PayaraMicroImpl.bootStrap"),
         ("the deployment (PayaraMicroImpl.deployAll)", "fish.payara.micro.impl.PayaraMicroImpl.deployAll"),
         ("annotation scan (HK2 class model)", "org.glassfish.hk2.classmodel"),
         ("Weld (CDI)", "org.jboss.weld"),
         ("EclipseLink", "org.eclipse.persistence"),
         ("Jersey", "org.glassfish.jersey"),
         ("MicroProfile OpenAPI", "fish.payara.microprofile.openapi"),
         ("Flyway", "org.flywaydb"),
         ("H2", "org.h2"),
         ("defining classes (ClassLoader.defineClass)", "java.lang.ClassLoader.defineClass"),
         ("reading jars (java.util.zip)", "java.util.zip")]
for name in ("empty", "service"):
    path = f"{work}/{name}-profile-samples.txt"
    if os.path.exists(path):
        print_profile(path, parts, f"\nProfile of one boot, {name} WAR, to its first answer: {{total}} CPU samples (JFR 'profile', stacks of up to 256 frames; a sample can be under several parts).\n", 8)
PY
