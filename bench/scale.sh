#!/usr/bin/env bash
# Scale check for the collections: 1,000,000 statuses under one app of tenant A, on the embedded H2
# and on PostgreSQL, side by side in one run, and a copy of each with as many statuses of tenant B under an app
# with the same id; A's reads are timed on both at once. Prints a table and writes it to
# bench/results/scale.md.
# Not a test: nothing here passes or fails on a time. Needs PostgreSQL as PGHOST & co. describe it
# (default 127.0.0.1:5432, user postgres); without it, only H2 is measured.
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
    ScaleBench | tee "bench/results/scale.md"
