# Sourced by the load benches (batch.sh, traffic.sh) from the project's root, after java.sh, with $work set:
# servers to load, the apps and bodies they are loaded with, and wrk. Each server is Payara Micro 7 with
# server-config/jvm.options, in a folder of its own under $work, killed when the bench exits (see pids).
pids=()

# One device status as clients send it, with every property set.
status='{"deviceName":"bench","deviceId":"d-1","errorCode":0,"installState":"installed","installStateDetail":"noAdditionalDetails","lastSyncDateTime":"2026-11-29T10:00:00.1234567+01:00","mobileAppInstallStatusValue":"installed","osVersion":"10.0.22631","osDescription":"Windows 11","userName":"Ann","userPrincipalName":"ann@contoso.example","displayVersion":"1.2.3"}'

start() { # name port war postboot env... : starts a server and waits until the API answers
    local name=$1 port=$2 war=$3 postboot=$4 root=$PWD; shift 4
    mkdir -p "$work/$name"
    (cd "$work/$name" && exec env GRAPH_DEVELOPMENT=true "$@" "$JDK/bin/java" "@$root/server-config/jvm.options" \
        -jar "$root/target/payara-micro.jar" --deploy "$war" --addlibs "$root/target/postgresql.jar" \
        --postbootcommandfile "$postboot" --port "$port" --nohazelcast > "$work/$name.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 1 480); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/beta/deviceAppManagement/mobileApps/x")" = 401 ] && return
        sleep 0.25
    done
    echo "$name did not start; see $work/$name.log" >&2; exit 1
}

new_app() { # port -> the id of a new webApp
    curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d '{"@odata.type":"#microsoft.graph.webApp","displayName":"bench"}' "localhost:$1/beta/deviceAppManagement/mobileApps" \
        | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])'
}

batch_of_creates() { # app -> a $batch of 20 creates of $status under the app
    python3 -c 'import json,sys
app, status = sys.argv[1], json.loads(sys.argv[2])
print(json.dumps({"requests": [{"id": str(i), "method": "POST", "url": f"/deviceAppManagement/mobileApps/{app}/deviceStatuses",
    "headers": {"Content-Type": "application/json"}, "body": status} for i in range(1, 21)]}))' "$1" "$status"
}

post_for() { # port path body expect seconds -> wrk's RESULT line (bench/speed/request.lua), 16 connections
    METHOD=POST URLPATH=$2 BODY=$3 EXPECT=$4 \
        wrk -t2 -c16 -d"$5s" --timeout 10s --latency -s bench/speed/request.lua "http://localhost:$1" | grep '^RESULT'
}

pid_on() { ss -ltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# Single creates and $batches of 20 creates on every server of $servers (name:port), each on an app of its
# own: a warm-up of $WARMUP s of each kind per server (round 0, counted in what the apps should hold, not in
# the tables), ANALYZE of the PostgreSQL databases in $dbs (this machine's PostgreSQL runs without
# autovacuum), $ROUNDS rounds of $DURATION s with each kind against each server in turn, then 20 s of batches
# under JFR on each name:port given as an argument, and what each app holds afterwards. Writes
# $work/results.txt (round|server|kind|RESULT), $work/counts.txt (server|kind|count) and $work/<name>-samples.txt.
single_and_batch_rounds() {
    declare -gA apps batches
    local server name port kind round
    for server in "${servers[@]}"; do
        name=${server%%:*} port=${server##*:}
        apps[$name-single]=$(new_app "$port")
        apps[$name-batch]=$(new_app "$port")
        batches[$name]=$(batch_of_creates "${apps[$name-batch]}")
    done
    echo "warming up, ${WARMUP} s of each kind per server" >&2
    results="$work/results.txt"; : > "$results"
    for server in "${servers[@]}"; do
        for kind in single batch; do echo "0|${server%%:*}|$kind|$(load "${server%%:*}" "${server##*:}" $kind "$WARMUP")" >> "$results"; done
    done
    for db in "${dbs[@]}"; do psql -h "$PGHOST" -U "$PGUSER" -qc "ANALYZE" "$db"; done
    for round in $(seq 1 "$ROUNDS"); do
        for kind in single batch; do
            for server in "${servers[@]}"; do
                echo "round $round, ${server%%:*}: $kind" >&2
                echo "$round|${server%%:*}|$kind|$(load "${server%%:*}" "${server##*:}" $kind "$DURATION")" >> "$results"
            done
        done
    done
    for server in "$@"; do # where a batch's time goes
        name=${server%%:*} port=${server##*:}
        echo "profiling batches on $name" >&2
        "$JDK/bin/jcmd" "$(pid_on "$port")" JFR.start name=bench settings=profile >/dev/null
        echo "0|$name|batch|$(load "$name" "$port" batch 20)" >> "$results"
        "$JDK/bin/jcmd" "$(pid_on "$port")" JFR.stop name=bench filename="$work/$name.jfr" >/dev/null
        "$JDK/bin/jfr" print --stack-depth 128 --events jdk.ExecutionSample "$work/$name.jfr" > "$work/$name-samples.txt"
    done
    counts="$work/counts.txt"; : > "$counts"
    for server in "${servers[@]}"; do
        name=${server%%:*} port=${server##*:}
        for kind in single batch; do
            echo "$name|$kind|$(curl -s -H "Authorization: Bearer $TOKEN" \
                "localhost:$port/beta/deviceAppManagement/mobileApps/${apps[$name-$kind]}/deviceStatuses/\$count")" >> "$counts"
        done
    done
}

load() { # server port kind seconds -> wrk's RESULT line for single creates or batches on the server's apps
    local name=$1 port=$2 kind=$3 seconds=$4
    case $kind in
        single) post_for "$port" "/beta/deviceAppManagement/mobileApps/${apps[$name-single]}/deviceStatuses" "$status" 201 "$seconds" ;;
        batch) post_for "$port" '/beta/$batch' "${batches[$name]}" 200 "$seconds" ;;
    esac
}
