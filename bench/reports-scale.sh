#!/usr/bin/env bash
# The reports at scale: 1,000,000 statuses under one app on PostgreSQL, the report actions timed with the
# bodies clients send and an export job of the whole app, its download counted and the server's heap
# sampled. Prints a table and writes it to bench/results/reports-scale.md.
# Not a test: nothing here passes or fails on a time. Needs PostgreSQL as PGHOST & co. describe it
# (default 127.0.0.1:5432, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
mkdir -p bench/results
"$JDK/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    -Dpayara.microJar="$PWD/target/payara-micro.jar" -Dgraph.war="$PWD/target/graph-install-status.war" \
    -Dgraph.addlibs="$PWD/target/postgresql.jar" -Dbench.rows="${BENCH_ROWS:-1000000}" \
    ReportsScaleBench | tee "bench/results/reports-scale.md"
