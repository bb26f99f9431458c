#!/usr/bin/env bash
# Benchmarks the Qube sandbox: starts it with 5,000 meters in one process on 127.0.0.1,
# drives concurrent E4/E5 device reads over loopback for a bounded time, and prints
# start-up time, p50/p99 latency, throughput and heap used (before and after a forced GC).
#
# Usage: tools/bench-sandbox.sh [threads] [seconds] [meters]
set -euo pipefail

THREADS="${1:-8}"
SECONDS_TO_RUN="${2:-20}"
METERS="${3:-5000}"
PORT="${BENCH_PORT:-18090}"
HEAP="${BENCH_HEAP:-300m}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/bench-sandbox.XXXXXX)"

cd "$ROOT"
# Every Maven call goes through the shared lock; -am builds the modules it needs from this tree.
flock /tmp/mvn.lock ./mvnw -B -ntp -pl sandbox -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >"$WORK/maven.log"
CP="sandbox/target/classes:sandbox/target/test-classes:$(cat "$WORK/classpath.txt")"

java -Xmx"$HEAP" -cp "$CP" eco.qubeprepaid.sandbox.SandboxApplication \
  --server.address=127.0.0.1 --server.port="$PORT" \
  --sandbox.qube.demo.meters="$METERS" --sandbox.qube.demo.spaces=50 \
  --sandbox.qube.demo.api-keys=bench-key --sandbox.qube.quickstart.enabled=false \
  >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  sleep 0.25
done
grep -o "Started SandboxApplication in [0-9.]* seconds" "$WORK/sandbox.log" || { cat "$WORK/sandbox.log"; exit 1; }

java -cp "$CP" eco.qubeprepaid.sandbox.bench.SandboxBenchmark \
  "http://127.0.0.1:$PORT" bench-key "$THREADS" "$SECONDS_TO_RUN" 5000000

jcmd "$SANDBOX_PID" GC.run >/dev/null
curl -fs "http://127.0.0.1:$PORT/actuator/prometheus" \
  | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ { sum += $NF } END { printf "sandbox heap used after GC: %.1f MiB (-Xmx'"$HEAP"', '"$METERS"' meters)\n", sum / 1048576 }'
echo "logs: $WORK"
