#!/usr/bin/env bash
# $batch against single creates, before and after a change, side by side in one run: four servers (H2 and
# PostgreSQL, each with the WAR of BEFORE, a git ref, and with the working tree's), as configured by default.
# wrk -t2 -c16 sends single creates and $batches of 20 creates, each kind once per round against each server
# in turn, after a warm-up; then 20 s of batches on each of the working tree's servers under JFR. Prints one
# table (statuses/s: a batch's are 20 a request) and writes it to bench/results/batch.md, with what each
# app holds afterwards. Not a test: nothing here passes or fails on a time.
#   BEFORE=HEAD WARMUP=30 ROUNDS=2 DURATION=15 bash bench/batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
BEFORE="${BEFORE:-HEAD}" WARMUP="${WARMUP:-30}" ROUNDS="${ROUNDS:-2}" DURATION="${DURATION:-15}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk >/dev/null

work="$PWD/target/bench-batch"
rm -rf "$work" && mkdir -p "$work"
before_rev=$(git rev-parse --short "$BEFORE")
git worktree add -q --detach "$work/before-src" "$BEFORE"
trap 'git worktree remove --force "$work/before-src" 2>/dev/null || true' EXIT
(cd "$work/before-src" && ./mvnw -q -DskipTests package && cp target/graph-install-status.war "$work/before.war")
./mvnw -q -DskipTests package
cp target/graph-install-status.war "$work/after.war"
TOKEN="$(./mvnw -q -Pdev-token | tail -n 1)"
export TOKEN

source bench/load.sh
dbs=("graph_batch_before_$$" "graph_batch_after_$$")
for db in "${dbs[@]}"; do psql -h "$PGHOST" -U "$PGUSER" -qc "CREATE DATABASE $db" postgres; done
cleanup() {
    kill "${pids[@]}" 2>/dev/null || true; sleep 2
    for db in "${dbs[@]}"; do psql -h "$PGHOST" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres; done
    git worktree remove --force "$work/before-src" 2>/dev/null || true
}
trap cleanup EXIT
h2="$PWD/server-config/h2.asadmin" pg="$PWD/server-config/postgresql.asadmin"
servers=(h2-before:18291 h2:18292 postgresql-before:18293 postgresql:18294)
start h2-before 18291 "$work/before.war" "$h2" GRAPH_DATA_DIR="$work/h2-before/data"
start h2 18292 "$work/after.war" "$h2" GRAPH_DATA_DIR="$work/h2/data"
start postgresql-before 18293 "$work/before.war" "$pg" PGDATABASE="${dbs[0]}"
start postgresql 18294 "$work/after.war" "$pg" PGDATABASE="${dbs[1]}"

single_and_batch_rounds h2:18292 postgresql:18294

out="bench/results/batch.md"
mkdir -p bench/results
BEFORE_REV=$before_rev python3 - "$results" "$counts" "$work" <<'PY' | tee "$out"
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
print(f"# $batch against single creates, {datetime.date.today()} (wrk -t2 -c16, {os.environ.get('DURATION','15')} s a kind a round, after {os.environ.get('WARMUP','30')} s of each kind per server)\n")
print(f"`-before`: the WAR of {os.environ['BEFORE_REV']}; the others: the working tree's. Same 2 cores for wrk, the four")
print("servers (one loaded at a time) and PostgreSQL. Batch: 20 creates on the app route a request.")
print("Ratio: statuses/s to the same server's single creates, same round.\n")
print("| request | server | round | req/s | statuses/s | p50 ms | p99 ms | errors | ratio |")
print("|---|---|---|---|---|---|---|---|---|")
for (kind, server), by_round in sorted(rows.items(), key=lambda r: (r[0][1].split("-")[0], r[0][1], r[0][0] != "single")):
    for rnd, r in sorted(by_round.items()):
        base = rows[("single", server)][rnd]["rps"]
        statuses = r["rps"] * per[kind]
        print(f"| {'create' if kind == 'single' else '$batch of 20 creates'} | {server} | {rnd} | {r['rps']:,.0f} | {statuses:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {statuses / base:.2f} |")
print("\nStatuses each app holds afterwards / creates wrk completed (warm-up included; a request cut off at the end")
print("of a run may be stored but not counted by wrk):", "; ".join(f"{server} {kind} {count}/{sent[(server, kind)]}"
    for server, kind, count in (line.rstrip("\n").split("|") for line in open(counts))))

parts = [("the batch: envelope, dispatch, answers (org.graphstatus.batch)", "org.graphstatus.batch"),
         ("HTTP server (Grizzly)", "org.glassfish.grizzly"),
         ("Jersey", "org.glassfish.jersey"),
         ("JSON in and out (JSON-P)", "org.eclipse.parsson"),
         ("EclipseLink", "org.eclipse.persistence"),
         ("group commit's transactions (GroupCommit.commitGroup)", "org.graphstatus.database.GroupCommit.commitGroup"),
         ("transaction commit", "com.sun.enterprise.transaction.JavaEETransactionManagerSimplified.commit"),
         ("H2, all", "org.h2"), ("PostgreSQL driver", "org.postgresql")]
for server in ("h2", "postgresql"):
    print_profile(f"{work}/{server}-samples.txt", parts, f"\nProfile of 20 s of batches (20 creates each) on {server}, after the rounds: {{total}} CPU samples of the server (JFR 'profile').\n", 10)
PY
