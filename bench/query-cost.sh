#!/usr/bin/env bash
# Query cost: does a GET by id keep answering while 40 clients loop over expensive
# collection queries on a large app? On H2 and on PostgreSQL, each with every graph.query.concurrent-collections
# setting of BENCH_LIMITS (default: 1000, i.e. no bound; the default, one per processor; and 8, the default until
# 2026-12-03), side by side in one run. Prints a table and writes it to bench/results/query-cost.md. Not a
# test: nothing here passes or fails on a time.
# Needs PostgreSQL as PGHOST & co. describe it (default 127.0.0.1:5432, user postgres); without it, only H2.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p bench/results
"$JDK/bin/java" -cp "$classpath" \
    -Dpayara.microJar="$PWD/target/payara-micro.jar" -Dgraph.war="$PWD/target/graph-install-status.war" \
    -Dgraph.addlibs="$PWD/target/postgresql.jar" -Dbench.rows="${BENCH_ROWS:-200000}" \
    -Dbench.limits="${BENCH_LIMITS:-1000,default,8}" -Dbench.seconds="${BENCH_SECONDS:-40}" \
    QueryCostBench | tee "bench/results/query-cost.md"
