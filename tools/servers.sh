#!/usr/bin/env bash
# Starts, stops or describes a standalone Kafka broker (KRaft) and PostgreSQL server on 127.0.0.1,
# without Docker, in one background JVM (eco.qubeprepaid.testsupport.LocalServers).
#
#   tools/servers.sh start   # build test-support if needed, start, wait until ready, print the env file
#   tools/servers.sh stop    # stop cleanly (SIGTERM, then wait)
#   tools/servers.sh status
#
# Settings (environment): QP_SERVERS_DIR (default .run/servers), QP_KAFKA_PORT (19092),
# QP_KAFKA_CONTROLLER_PORT (19093), QP_PG_PORT (15432), QP_DATABASES (poller,balance,payment,notifier),
# QP_SERVERS_FAST_FOR_TESTS=1 (PostgreSQL without fsync and synchronous commit: for test data only;
# by default the server is durable, as what a user runs must be).
# When ready, $QP_SERVERS_DIR/servers.env holds QP_TEST_KAFKA_BOOTSTRAP and QP_TEST_PG_* for the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${QP_SERVERS_DIR:-$root/.run/servers}"
pidfile="$dir/servers.pid"
envfile="$dir/servers.env"
log="$dir/servers.log"

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  mkdir -p "$dir"
  if running; then echo "[servers] already running (pid $(cat "$pidfile")); $envfile"; return 0; fi
  local classes="$root/test-support/target/classes" cp="$root/test-support/target/servers.classpath"
  if [[ ! -d "$classes" || ! -s "$cp" ]]; then
    echo "[servers] building test-support (first run only)"
    (cd "$root" && ./mvnw -B -ntp -pl test-support -am install -DskipTests >"$dir/build.log" 2>&1 \
      && ./mvnw -B -ntp -pl test-support dependency:build-classpath -Dmdep.outputFile="$cp" >>"$dir/build.log" 2>&1) \
      || { echo "[servers] build failed, see $dir/build.log" >&2; tail -30 "$dir/build.log" >&2; exit 1; }
  fi
  rm -f "$envfile"
  nohup java -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile="$root/tools/servers-logback.xml" -cp "$classes:$(cat "$cp")" eco.qubeprepaid.testsupport.LocalServers \
    --dir "$dir" --kafka-port "${QP_KAFKA_PORT:-19092}" --controller-port "${QP_KAFKA_CONTROLLER_PORT:-19093}" \
    --pg-port "${QP_PG_PORT:-15432}" --databases "${QP_DATABASES:-poller,balance,payment,notifier}" \
    $([[ "${QP_SERVERS_FAST_FOR_TESTS:-0}" == "1" ]] && echo --fast-for-tests) \
    >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 120); do
    if [[ -s "$envfile" ]]; then grep '^\[servers\]' "$log" | tail -1; return 0; fi
    if ! running; then echo "[servers] failed to start, see $log" >&2; tail -40 "$log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "[servers] not ready after 60 s, see $log" >&2; exit 1
}

stop() {
  if ! running; then rm -f "$pidfile"; echo "[servers] not running"; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then echo "[servers] still running after 30 s, killing" >&2; kill -KILL "$pid"; fi
  rm -f "$pidfile" "$envfile"
  echo "[servers] stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "[servers] running (pid $(cat "$pidfile"))"; cat "$envfile" 2>/dev/null; else echo "[servers] not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
