#!/usr/bin/env bash
# The crash harness: the sandbox, poller-service, balance-service and payment-service as separate
# supervised processes (tools/supervise.sh, as ./run.sh runs them), a Kafka broker and a durable
# PostgreSQL as two more processes, all on 127.0.0.1; a seeded scenario (ChaosDriver: DG runs, a
# meter replacement, a register reset, an offline spell, a tariff change, top-ups, premises that
# run out and are cut, half of which then pay through the gateway's checkout, whose webhooks come
# twice, reordered, late, failing and dropped, with forged ones among them and two refunds) while
# this script SIGKILLs the services at random moments and stops the broker and PostgreSQL for 30 s
# each. At the end the driver prints every invariant (debits = ground truth to the paisa, books
# balance, each top-up and each captured payment credited once, the ledger's top-ups = the
# gateway's captured total minus refunds, no forged webhook accepted, no meter's credit lost,
# cut-offs done and none forbidden, paid premises on, outboxes drained, no command pending) and
# the script exits non-zero if any fails.
#
# Usage: tools/chaos.sh [--short] [seed]
#   full run (default): >= 20 kills, both outages, the clock at 120x (about 10 minutes)
#   --short: >= 6 kills, both outages, the clock at 600x (under 5 minutes; what .ci/run runs)
# Environment: QP_SKIP_BUILD=1 reuses the last build; QP_CHAOS_DIR keeps the work dir there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
short=0
if [[ "${1:-}" == "--short" ]]; then short=1; shift; fi
seed="${1:-${QP_CHAOS_SEED:-20261202}}"
if (( short )); then kills_wanted=6 speed=300 meters=24 gap_min=1 gap_max=6; else kills_wanted=20 speed=60 meters=40 gap_min=1 gap_max=10; fi
work="${QP_CHAOS_DIR:-$(mktemp -d /tmp/qp-chaos.XXXXXX)}"
logs="$work/logs"
mkdir -p "$logs"
RANDOM=$(( seed % 32768 ))
started=$(date +%s)
kafka_port=29192 controller_port=29193 pg_port=25532 sandbox_port=18090 poller_port=18081 balance_port=18082
payment_port=18083
note() { echo "[chaos] $(date +%H:%M:%S) $*" | tee -a "$logs/chaos.log"; }

if [[ "${QP_SKIP_BUILD:-0}" != "1" ]]; then
  note "building (log $logs/build.log)"
  flock /tmp/mvn.lock ./mvnw -B -ntp -DskipTests install >"$logs/build.log" 2>&1 \
    || { tail -40 "$logs/build.log"; exit 1; }
fi
# The classpath of the driver and the servers: the reactor up to system-tests (-am), so that it
# resolves on a machine where nothing was installed; the last module's classpath stays in the file.
flock /tmp/mvn.lock ./mvnw -B -ntp -pl system-tests -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test >"$logs/classpath.log" 2>&1 \
  || { tail -40 "$logs/classpath.log"; exit 1; }
cp="system-tests/target/test-classes:$(cat "$work/classpath.txt")"

# shellcheck source=tools/supervise.sh
source "$root/tools/supervise.sh"
export QP_SUPERVISE_MAX_DELAY=4   # restart quickly: the faults here are deliberate
supervise_init "$work" "$logs"
declare -A server_pid=()
start_server() { # kafka|postgres
  rm -f "$work/servers/$1.env"
  java -Xmx384m -XX:+UseSerialGC -Dlogback.configurationFile="$root/tools/servers-logback.xml" -cp "$cp" \
    eco.qubeprepaid.testsupport.LocalServers --dir "$work/servers" --only "$1" --kafka-port $kafka_port \
    --controller-port $controller_port --pg-port $pg_port --databases poller,balance,payment >>"$logs/$1.log" 2>&1 </dev/null &
  server_pid[$1]=$!
  for _ in $(seq 1 240); do
    [[ -s "$work/servers/$1.env" ]] && return 0
    kill -0 "${server_pid[$1]}" 2>/dev/null || { tail -30 "$logs/$1.log"; return 1; }
    sleep 0.5
  done
  echo "[chaos] $1 not ready after 120 s" >&2; return 1
}
stop_server() { # kafka|postgres
  local pid="${server_pid[$1]:-}"
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  server_pid[$1]=""
}
cleanup() {
  trap - EXIT INT TERM
  supervise_stop_all
  stop_server kafka; stop_server postgres
}
trap cleanup EXIT
trap 'exit 130' INT TERM

note "work dir $work, seed $seed, $( ((short)) && echo short || echo full ) run"
start_server postgres
start_server kafka
kafka="127.0.0.1:$kafka_port" pg="jdbc:postgresql://127.0.0.1:$pg_port"
note "servers up: Kafka $kafka, PostgreSQL $pg (durable)"

jvm=(-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Duser.timezone=UTC)
supervise_start sandbox java "${jvm[@]}" -jar sandbox/target/sandbox-*-exec.jar --server.port=$sandbox_port \
  --server.address=127.0.0.1 --sandbox.qube.clock.speed=0 --sandbox.qube.clock.start=2025-10-01T12:30:00Z \
  --sandbox.qube.demo.meters=0 --sandbox.qube.demo.api-keys=st-key-1,st-key-2 \
  --sandbox.qube.quickstart.enabled=false --sandbox.qube.history-retention-days=2 \
  --sandbox.gateway.webhook-url=http://127.0.0.1:$payment_port/webhooks/gateway
keys=()
for i in 0 1; do
  keys+=("--qube.keys[$i].name=st-$((i + 1))" "--qube.keys[$i].api-key=st-key-$((i + 1))"
         "--qube.keys[$i].requests-per-window=100" "--qube.keys[$i].window=2s")
done
QP_KAFKA_BOOTSTRAP="$kafka" QP_DB_URL="$pg/poller" PORT=$poller_port \
  supervise_start poller-service java "${jvm[@]}" -jar poller-service/target/poller-service-*-exec.jar \
  --qube.base-url=http://127.0.0.1:$sandbox_port "${keys[@]}" --qube.verify-interval=200ms \
  --qp.poller.freshness-floor=5s --qp.poller.min-poll-interval=200ms --qp.poller.discovery-interval=1s \
  --qp.poller.command-retry-interval=1s --qp.poller.idle-delay=20ms --qp.platform.outbox.poll-interval=20ms \
  --spring.datasource.hikari.connection-timeout=2000
# The plausibility bound is scaled with the clock's speed (25 kW a meter in simulated time).
QP_KAFKA_BOOTSTRAP="$kafka" QP_DB_URL="$pg/balance" PORT=$balance_port \
  supervise_start balance-service java "${jvm[@]}" -jar balance-service/target/balance-service-*-exec.jar \
  --qp.balance.max-power-kw=$(( 25 * speed )) --qp.balance.tolerance-kwh=0.05 \
  --qp.balance.default-fixed-daily-paise=0 --qp.balance.policy.outcome-timeout=20s \
  --spring.datasource.hikari.connection-timeout=2000
# A webhook the gateway drops is found by reconciliation after 20 s; a refund step that failed is
# taken again after 2 s.
QP_KAFKA_BOOTSTRAP="$kafka" QP_DB_URL="$pg/payment" PORT=$payment_port \
  supervise_start payment-service java "${jvm[@]}" -jar payment-service/target/payment-service-*-exec.jar \
  --qp.payment.gateway.base-url=http://127.0.0.1:$sandbox_port \
  "--qp.payment.gateway.checkout-url=http://127.0.0.1:$sandbox_port/checkout/{order_id}" \
  --qp.payment.balance.base-url=http://127.0.0.1:$balance_port \
  --qp.payment.reconciliation.after=20s --qp.payment.reconciliation.interval=5s \
  --qp.payment.refunds.interval=2s --qp.payment.refunds.retry-after=2s --qp.platform.outbox.poll-interval=20ms \
  --spring.datasource.hikari.connection-timeout=2000

ready() { curl -fs -o /dev/null "http://127.0.0.1:$1$2"; }
for target in $sandbox_port:/actuator/health $poller_port:/actuator/health/readiness $balance_port:/actuator/health/readiness $payment_port:/actuator/health/readiness; do
  for _ in $(seq 1 180); do ready "${target%%:*}" "${target#*:}" && break; sleep 1; done
  ready "${target%%:*}" "${target#*:}" || { note "port ${target%%:*} not ready; logs in $logs"; exit 1; }
done
note "services up in $(( $(date +%s) - started )) s; starting the driver"

java -Xmx512m -cp "$cp" eco.qubeprepaid.systemtests.chaos.ChaosDriver "http://127.0.0.1:$sandbox_port" \
  "http://127.0.0.1:$balance_port" "$kafka" "$pg" "$work" "$seed" "$meters" "$speed" \
  "http://127.0.0.1:$payment_port" >"$logs/driver.log" 2>&1 &
driver=$!

kills=0 outages=0
declare -A killed=([poller-service]=0 [balance-service]=0 [payment-service]=0)
services=(poller-service balance-service payment-service)
declare -A ports=([poller-service]=$poller_port [balance-service]=$balance_port [payment-service]=$payment_port)
outage() { # kafka|postgres
  note "stopping $1 for 30 s"
  stop_server "$1"
  sleep 30
  start_server "$1"
  note "$1 back"
  outages=$((outages + 1))
}
# Faults until the driver's scenario is done and every fault of the run has happened.
while kill -0 "$driver" 2>/dev/null; do
  if [[ -f "$work/scenario.done" ]] && (( kills >= kills_wanted && outages == 2 )); then break; fi
  svc="${services[$(( RANDOM % 3 ))]}"
  # Each kill hits a service at work: wait until it is ready again, then a random while.
  for _ in $(seq 1 120); do ready "${ports[$svc]}" /actuator/health/readiness && break; sleep 1; done
  sleep $(( gap_min + RANDOM % (gap_max - gap_min + 1) ))
  pid="$(supervise_pid "$svc")"
  if [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null; then
    kills=$((kills + 1)); killed[$svc]=$(( ${killed[$svc]} + 1 ))
    note "kill -9 $svc (pid $pid), kill $kills"
  fi
  if (( outages == 0 && kills == kills_wanted / 3 )); then outage kafka; fi
  if (( outages == 1 && kills == 2 * kills_wanted / 3 )); then outage postgres; fi
done
touch "$work/chaos.done"
note "faults over: $kills kills (poller-service ${killed[poller-service]}, balance-service ${killed[balance-service]}, payment-service ${killed[payment-service]}), $outages outages of 30 s; waiting for the verdict"
set +e
wait "$driver"; verdict=$?
set -e
restarts=$(grep -c 'restart' "$logs/supervisor.log" 2>/dev/null || true)
grep '^\[chaos\]\|^\[billing-exactness\]' "$logs/driver.log" | tee -a "$logs/chaos.log"
note "supervisor restarts: $restarts; total time $(( $(date +%s) - started )) s; logs in $logs"
if (( verdict != 0 )); then note "FAILED (driver exit $verdict)"; tail -30 "$logs/driver.log"; exit 1; fi
note "PASSED"
