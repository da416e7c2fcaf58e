#!/usr/bin/env bash
# Traffic: creates one at a time and through $batch (20 creates a batch), on H2 and on
# PostgreSQL, three servers each, side by side in one run: as configured by default (group commit on,
# throttling off), with throttling on (graph.throttling=intune with limits too high to be reached, so every
# request pays for the counting and none is refused), and without group commit (graph.group-commit.max-size=1:
# a commit per create). wrk -t2 -c16, after a warm-up, each kind once per round against each server in turn. Prints one table (statuses/s: a batch's are 20 a request) and
# writes it to bench/results/traffic.md; afterwards it counts what each app holds, so a slot that did
# not answer 201 inside a 200 batch shows. Not a test: nothing here passes or fails on a time.
#   WARMUP=30 ROUNDS=2 DURATION=15 bash bench/traffic.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
WARMUP="${WARMUP:-30}" ROUNDS="${ROUNDS:-2}" DURATION="${DURATION:-15}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null

./mvnw -q -DskipTests package
work="$PWD/target/bench-traffic"
rm -rf "$work" && mkdir -p "$work"
TOKEN="$(./mvnw -q -Pdev-token | tail -n 1)"
export TOKEN

source bench/load.sh
db="graph_traffic_$$" dbs=("graph_traffic_$$")
psql -h "$PGHOST" -U "$PGUSER" -qc "CREATE DATABASE $db" postgres
trap 'kill "${pids[@]}" 2>/dev/null || true; sleep 2; psql -h "$PGHOST" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres' EXIT
on=(GRAPH_THROTTLING=intune GRAPH_THROTTLING_REQUESTS_PER_TENANT=1000000000 GRAPH_THROTTLING_REQUESTS_PER_APP=1000000000
    GRAPH_THROTTLING_WRITES_PER_TENANT=1000000000 GRAPH_THROTTLING_WRITES_PER_APP=1000000000)
alone=(GRAPH_GROUP_COMMIT_MAX_SIZE=1)
servers=(h2:18281 h2-throttling:18282 h2-no-group-commit:18283
         postgresql:18284 postgresql-throttling:18285 postgresql-no-group-commit:18286)
war="$PWD/target/graph-install-status.war"
h2=("$war" "$PWD/server-config/h2.asadmin") pg=("$war" "$PWD/server-config/postgresql.asadmin" PGDATABASE="$db")
start h2 18281 "${h2[@]}" GRAPH_DATA_DIR="$work/h2/data"
start h2-throttling 18282 "${h2[@]}" GRAPH_DATA_DIR="$work/h2-throttling/data" "${on[@]}"
start h2-no-group-commit 18283 "${h2[@]}" GRAPH_DATA_DIR="$work/h2-no-group-commit/data" "${alone[@]}"
start postgresql 18284 "${pg[@]}"
start postgresql-throttling 18285 "${pg[@]}" "${on[@]}"
start postgresql-no-group-commit 18286 "${pg[@]}" "${alone[@]}"

single_and_batch_rounds h2:18281 postgresql:18284

out="bench/results/traffic.md"
mkdir -p bench/results
python3 - "$results" "$counts" "$work" <<'PY' | tee "$out"
import sys, collections, datetime, os
sys.path.insert(0, "bench")
from jfr_profile import print_profile
results, counts, work = sys.argv[1:]
rows, sent = collections.OrderedDict(), collections.Counter()
per = {"single": 1, "batch": 20}
for line in open(results):
    rnd, server, kind, result = line.rstrip("\n").split("|")
    _, rps, p50, p90, p99, errors, requests = result.split()
    sent[(server, kind)] += int(requests) * per[kind]
    if rnd == "0":
        continue
    rows.setdefault((kind, server), {})[int(rnd)] = dict(rps=float(rps), p50=float(p50), p99=float(p99), errors=int(errors))
print(f"# Traffic, {datetime.date.today()} (wrk -t2 -c16, {os.environ.get('DURATION','15')} s a kind a round, after {os.environ.get('WARMUP','30')} s of each kind per server)\n")
print("Same 2 cores for wrk and the six servers (only one is loaded at a time). `-throttling`: graph.throttling=intune")
print("with limits no request reaches. `-no-group-commit`: graph.group-commit.max-size=1, a commit per create.")
print("Batch: 20 creates on the app route a request. Ratio: statuses/s to the same database's single creates without")
print("group commit, same round.\n")
print("| request | server | round | req/s | statuses/s | p50 ms | p99 ms | errors | ratio |")
print("|---|---|---|---|---|---|---|---|---|")
for (kind, server), by_round in rows.items():
    for rnd, r in sorted(by_round.items()):
        base = rows[("single", server.split("-")[0] + "-no-group-commit")][rnd]["rps"]
        statuses = r["rps"] * per[kind]
        print(f"| {'create' if kind == 'single' else '$batch of 20 creates'} | {server} | {rnd} | {r['rps']:,.0f} | {statuses:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {statuses / base:.2f} |")
print("\nStatuses each app holds afterwards / creates wrk completed (warm-up included; a request cut off at the end")
print("of a run may be stored but not counted by wrk):", "; ".join(f"{server} {kind} {count}/{sent[(server, kind)]}"
    for server, kind, count in (line.rstrip("\n").split("|") for line in open(counts))))

parts = [("the batch: envelope, dispatch, answers (org.graphstatus.batch)", "org.graphstatus.batch"),
         ("HTTP server (Grizzly)", "org.glassfish.grizzly"),
         ("Jersey", "org.glassfish.jersey"),
         ("token check (TokenVerifier.verify)", "org.graphstatus.security.TokenVerifier.verify"),
         ("JSON in and out (JSON-P)", "org.eclipse.parsson"),
         ("EclipseLink", "org.eclipse.persistence"),
         ("group commit's transactions (GroupCommit.commitGroup)", "org.graphstatus.database.GroupCommit.commitGroup"),
         ("transaction commit", "com.sun.enterprise.transaction.JavaEETransactionManagerSimplified.commit"),
         ("H2, all", "org.h2"), ("PostgreSQL driver", "org.postgresql")]
for server in ("h2", "postgresql"):
    print_profile(f"{work}/{server}-samples.txt", parts, f"\nProfile of 20 s of batches (20 creates each) on {server}, after the rounds: {{total}} CPU samples of the server (JFR 'profile').\n", 10)
PY
