#!/usr/bin/env bash
# Benchmarks a top-up's way to the meter (issue 10): N tenants at zero with the power cut each pay
# ₹200 at the gateway simulator; from the gateway's webhook to the new balance on the sandbox's
# meter and its relay closed, p50/p90/p99 (docs/benchmarks.md). The whole system runs in one JVM
# on test-support's own Kafka and PostgreSQL (no server to start).
#
# Usage: tools/bench-topup.sh [top-ups=200]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/bench-topup.XXXXXX)"

cd "$ROOT"
# Every Maven call goes through the shared lock; -am builds the modules it needs from this tree.
flock /tmp/mvn.lock ./mvnw -B -ntp -pl system-tests -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >"$WORK/maven.log"
CP="system-tests/target/test-classes:$(cat "$WORK/classpath.txt")"

java -cp "$CP" eco.qubeprepaid.systemtests.cutoff.TopUpLatencyBenchmark "$@"
