#!/usr/bin/env bash
# Runs the whole Qube Prepaid system on this machine, without Docker, on 127.0.0.1 only:
# a Kafka broker and a durable PostgreSQL (tools/servers.sh), the sandbox (Qube cloud simulator
# with a demo fleet) and the four services. Prints the URLs; Ctrl-C stops everything cleanly.
# Every process is supervised: one that dies is restarted (with back-off, logged in
# .run/logs/supervisor.log) while the others keep running.
#
# Options (environment): QP_SKIP_BUILD=1 to reuse the last build; QP_RUN_DIR (default .run);
# QP_DEMO_METERS / QP_DEMO_SPACES to size the demo fleet; QP_SIM_SPEED for the simulated clock;
# QP_KEEP_DATA=1 to keep the databases and topics of the previous run (fresh by default).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
run_dir="${QP_RUN_DIR:-$root/.run}"
logs="$run_dir/logs"
mkdir -p "$logs"
export QP_SERVERS_DIR="$run_dir/servers"
started=$(date +%s)

# shellcheck source=tools/supervise.sh
source "$root/tools/supervise.sh"
supervise_init "$run_dir" "$logs"

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "[run] stopping services..."
  supervise_stop_all
  tools/servers.sh stop || true
  echo "[run] stopped"
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

if [[ "${QP_SKIP_BUILD:-0}" != "1" ]]; then
  echo "[run] building (./mvnw -B -ntp -DskipTests install, log: $logs/build.log)"
  ./mvnw -B -ntp -DskipTests install >"$logs/build.log" 2>&1 || { tail -40 "$logs/build.log"; exit 1; }
fi

# The sandbox regenerates its meters (registers, balances) on every start, so the ledger, the
# registry and the topics start afresh too: kept from an earlier run, they would see every
# register fall and quarantine it. QP_KEEP_DATA=1 keeps them (e.g. after a crash of a service).
if [[ "${QP_KEEP_DATA:-0}" != "1" ]] && ! tools/servers.sh status >/dev/null 2>&1; then
  rm -rf "$QP_SERVERS_DIR/postgres" "$QP_SERVERS_DIR/kafka"
fi
tools/servers.sh start
set -a; source "$QP_SERVERS_DIR/servers.env"; set +a
kafka="$QP_TEST_KAFKA_BOOTSTRAP"
pg_base="${QP_TEST_PG_URL%/postgres}"

jvm=(-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Duser.timezone=UTC)

launch() { # name jar args...
  local name="$1" jar="$2"; shift 2
  : >"$logs/$name.log"
  supervise_start "$name" java "${jvm[@]}" -jar "$jar" "$@"
  echo "[run] started $name (supervised, log $logs/$name.log)"
}

launch sandbox sandbox/target/sandbox-*-exec.jar --server.port=8090 \
  --sandbox.gateway.webhook-url=http://127.0.0.1:8083/webhooks/gateway \
  ${QP_DEMO_METERS:+--sandbox.qube.demo.meters=$QP_DEMO_METERS} \
  ${QP_DEMO_SPACES:+--sandbox.qube.demo.spaces=$QP_DEMO_SPACES} \
  ${QP_SIM_SPEED:+--sandbox.qube.clock.speed=$QP_SIM_SPEED}
declare -A ports=([poller-service]=8081 [balance-service]=8082 [payment-service]=8083 [notifier-service]=8084)
declare -A dbs=([poller-service]=poller [balance-service]=balance [payment-service]=payment [notifier-service]=notifier)
# The poller spends its whole budget by design; leave 10 requests a minute of each demo key for
# people exploring the sandbox with curl.
export QP_QUBE_KEYS_0_REQUESTS_PER_WINDOW=90 QP_QUBE_KEYS_1_REQUESTS_PER_WINDOW=90
# The sandbox's meters run QP_SIM_SPEED times faster than the wall clock (60 by default), while
# readings carry the poller's wall-clock time: the ledger's plausibility bound (25 kW a meter) is
# scaled by the same factor, or every busy interval would be quarantined as an implausible jump.
export QP_BALANCE_MAX_POWER_KW="${QP_BALANCE_MAX_POWER_KW:-$(( 25 * ${QP_SIM_SPEED:-60} ))}"
for svc in poller-service balance-service payment-service notifier-service; do
  QP_KAFKA_BOOTSTRAP="$kafka" QP_DB_URL="$pg_base/${dbs[$svc]}" PORT="${ports[$svc]}" \
    launch "$svc" "$svc"/target/"$svc"-*-exec.jar
done

echo "[run] waiting for every process to be ready (up to 90 s)..."
ready() { curl -fs -o /dev/null "http://127.0.0.1:$1$2"; }
deadline=$(( $(date +%s) + 90 ))
for target in 8090:/actuator/health 8081:/actuator/health/readiness 8082:/actuator/health/readiness \
              8083:/actuator/health/readiness 8084:/actuator/health/readiness; do
  port="${target%%:*}" path="${target#*:}"
  until ready "$port" "$path"; do
    if (( $(date +%s) > deadline )); then echo "[run] port $port not ready after 90 s; see $logs" >&2; exit 1; fi
    sleep 1
  done
done

# Two demo tenants move in (through the operator API, audited), so that the portal can be tried at
# once: their sign-in links are printed below.
operator=(-u ops-money:money-dev-password)
demo_links=()
premises=$(curl -fs -H 'X-Qube-API-Key: demo-key-1' http://127.0.0.1:8090/api/v2/spaces/ \
  | grep -o '"udf1":"[^"]*"' | cut -d'"' -f4 | head -2 || true)
names=("Asha Verma" "Ravi Kumar"); langs=(en hi); i=0
for premise in $premises; do
  tenant=$(curl -fs "${operator[@]}" -H 'Content-Type: application/json' \
    -d "{\"premiseId\":\"$premise\",\"name\":\"${names[$i]}\",\"language\":\"${langs[$i]}\",\"reason\":\"demo tenant (run.sh)\"}" \
    http://127.0.0.1:8083/api/tenants | grep -o '"tenantId":"[^"]*"' | cut -d'"' -f4 || true)
  if [[ -n "$tenant" ]]; then
    link=$(curl -fs "${operator[@]}" -X POST "http://127.0.0.1:8083/api/tenants/$tenant/sign-in-link" \
      | grep -o '"url":"[^"]*"' | cut -d'"' -f4 || true)
    demo_links+=("${names[$i]} ($premise, ${langs[$i]}): $link")
  fi
  i=$((i + 1))
done
if (( ${#demo_links[@]} == 0 )); then demo_links=("(none: see $logs/payment-service.log)"); fi

cat <<TXT

[run] Qube Prepaid is up in $(( $(date +%s) - started )) s. Everything listens on 127.0.0.1 only.

  Sandbox (Qube cloud simulator)  http://127.0.0.1:8090/api/v2/spaces/   (header X-Qube-API-Key: demo-key-1)
    quick-start fixture          curl -H 'X-Qube-API-Key: quickstart-key' http://127.0.0.1:8090/api/v2/spaces/
    admin API                    http://127.0.0.1:8090/admin/qube/keys   (see sandbox/README.md)
  poller-service                 http://127.0.0.1:8081/actuator/health   /actuator/prometheus
  balance-service                http://127.0.0.1:8082/actuator/health   /actuator/prometheus
  payment-service                http://127.0.0.1:8083/actuator/health   /actuator/prometheus
    tenant portal                open a sign-in link below on a phone-sized window; pay at the sandbox's checkout
$(printf '      %s\n' "${demo_links[@]}")
    operator API (OpenAPI)       http://127.0.0.1:8083/swagger-ui.html   (ops-viewer / viewer-dev-password,
                                 ops-money / money-dev-password)
    gateway simulator            http://127.0.0.1:8090/admin/gateway/truth   (see sandbox/README.md)
  notifier-service               http://127.0.0.1:8084/actuator/health   /actuator/prometheus
  Kafka                          $kafka
  PostgreSQL                     $pg_base/{poller,balance,payment,notifier}  (user postgres)
  Logs                           $logs

A service that dies is restarted (see $logs/supervisor.log). Press Ctrl-C to stop everything.
TXT
# The supervisors run until Ctrl-C; wait wakes up for the trap.
while true; do sleep 3600 & wait $!; done
