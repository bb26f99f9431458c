#!/usr/bin/env bash
# Benchmarks balance-service: snapshots per second from Kafka to a committed ledger, beside
# the raw ceiling of plain JDBC batch inserts of the same rows into the same PostgreSQL, with
# a sampling profile of the consumer thread. Runs on a Kafka broker and a durable PostgreSQL of
# its own (fresh topics and databases; BENCH_FAST_SERVERS=1 for the test servers' settings), all on
# 127.0.0.1.
#
# Usage: tools/bench-balance.sh [snapshots=20000] [premises=1000] [snapshot-listener-concurrency (default 3)] [timed-rounds=3]
set -euo pipefail

SNAPSHOTS="${1:-20000}"
PREMISES="${2:-1000}"
HEAP="${BENCH_HEAP:-1g}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/bench-balance.XXXXXX)"

cd "$ROOT"
# Every Maven call goes through the shared lock. The modules the benchmark runs are built from
# this tree (-am), so it measures the code checked out, not whatever was last installed; the
# classpath of the last module built, system-tests, is the one that stays in the file.
flock /tmp/mvn.lock ./mvnw -B -ntp -pl system-tests -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >"$WORK/maven.log" \
  || { grep -E '^\[ERROR\]' "$WORK/maven.log" | head -20; echo "build failed: $WORK/maven.log"; exit 1; }
CP="system-tests/target/test-classes:$(cat "$WORK/classpath.txt")"

# Fresh servers of the benchmark's own, so that no earlier records or offsets take part: a
# durable PostgreSQL (fsync, synchronous_commit and full_page_writes on, as ./run.sh runs it)
# unless BENCH_FAST_SERVERS=1 (the test servers' settings, for comparison). The raw ceiling is
# measured on the same server.
FAST_FLAG=""
if [[ "${BENCH_FAST_SERVERS:-0}" == "1" ]]; then FAST_FLAG="--fast-for-tests"; fi
java -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile="$ROOT/tools/servers-logback.xml" -cp "$CP" \
  eco.qubeprepaid.testsupport.LocalServers --dir "$WORK/servers" --kafka-port 39092 --controller-port 39093 \
  --pg-port 35432 $FAST_FLAG >"$WORK/servers.log" 2>&1 </dev/null &
SERVERS=$!
trap 'kill -TERM $SERVERS 2>/dev/null; wait $SERVERS 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do [[ -s "$WORK/servers/servers.env" ]] && break; sleep 0.5; done
[[ -s "$WORK/servers/servers.env" ]] || { tail -30 "$WORK/servers.log"; echo "servers did not start"; exit 1; }
grep '^\[servers\]' "$WORK/servers.log" | tail -1
set -a; source "$WORK/servers/servers.env"; set +a
# BENCH_JAVA_OPTS: extra JVM options for the benchmark JVM (e.g. to try JIT settings).
QP_TEST_SERVERS=external java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -cp "$CP" \
  eco.qubeprepaid.systemtests.bench.BalanceThroughputBenchmark "$SNAPSHOTS" "$PREMISES" "${3:-}" "${4:-3}" \
  >"$WORK/bench.log" 2>&1 || { tail -50 "$WORK/bench.log"; exit 1; }
sed -n '/^balance-service throughput/,/^(end of report)/p' "$WORK/bench.log"
echo "logs: $WORK"
