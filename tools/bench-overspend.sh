#!/usr/bin/env bash
# Benchmarks overspend (paise consumed below zero before the relay goes off) of 1,000
# prepaid meters when one key's poll budget is spent by poller-service's real scheduler
# (PollScheduler) or by plain round robin. A simulation over a simple meter model (see
# docs/benchmarks.md); no servers.
#
# Usage: tools/bench-overspend.sh [meters=1000] [polls-per-minute=100] [hours=12] [floors-in-minutes=10,15,20,30] [seed=42]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/bench-overspend.XXXXXX)"

cd "$ROOT"
# Every Maven call goes through the shared lock; -am builds the modules it needs from this tree.
flock /tmp/mvn.lock ./mvnw -B -ntp -pl system-tests -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >"$WORK/maven.log"
CP="system-tests/target/test-classes:$(cat "$WORK/classpath.txt")"

java -cp "$CP" eco.qubeprepaid.systemtests.bench.OverspendBenchmark "$@"
