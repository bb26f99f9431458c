# Process supervision for run.sh and tools/chaos.sh (sourced, not run).
#
#   supervise_init RUN_DIR LOG_DIR      # once, before the first supervise_start
#   supervise_start NAME CMD ARGS...    # runs CMD in the background and restarts it when it
#                                       # exits unexpectedly, with back-off 1, 2, 4 ... 30 s
#                                       # (QP_SUPERVISE_MAX_DELAY; reset after 60 s of good
#                                       # running); logs to
#                                       # LOG_DIR/NAME.log, restarts to LOG_DIR/supervisor.log
#   supervise_pid NAME                  # the pid of NAME's current process (empty if none)
#   supervise_stop_all                  # stops every supervised process (TERM, then KILL)
#
# A supervised process that dies (a crash, kill -9, an OOM) is restarted while the others keep
# running; only supervise_stop_all (Ctrl-C in run.sh) stops them for good.

supervise_init() {
  _sv_run="$1"; _sv_logs="$2"
  mkdir -p "$_sv_run/pids" "$_sv_logs"
  rm -f "$_sv_run/stopping" "$_sv_run"/pids/*.pid "$_sv_run"/pids/*.sv
  _sv_supervisors=()
}

_sv_note() { echo "[run] $(date +%H:%M:%S) $*" | tee -a "$_sv_logs/supervisor.log"; }

supervise_start() { # name cmd args...
  local name="$1"; shift
  (
    trap '' INT   # Ctrl-C is handled by the caller, which stops everything in order
    set +e        # a child's non-zero exit is what this loop handles, not a reason to stop it
    restarts=0 delay=1
    while [[ ! -f "$_sv_run/stopping" ]]; do
      started=$(date +%s)
      "$@" >>"$_sv_logs/$name.log" 2>&1 </dev/null &
      child=$!
      echo "$child" >"$_sv_run/pids/$name.pid"
      wait "$child"; code=$?
      rm -f "$_sv_run/pids/$name.pid"
      [[ -f "$_sv_run/stopping" ]] && break
      if (( $(date +%s) - started >= 60 )); then delay=1; fi
      restarts=$((restarts + 1))
      _sv_note "$name exited with code $code; restart $restarts in ${delay} s (log $_sv_logs/$name.log)"
      for _ in $(seq 1 "$delay"); do [[ -f "$_sv_run/stopping" ]] && break 2; sleep 1; done
      max_delay="${QP_SUPERVISE_MAX_DELAY:-30}"
      delay=$(( delay * 2 > max_delay ? max_delay : delay * 2 ))
    done
  ) 2>>"$_sv_logs/supervisor.log" &   # bash's own "Killed" notices go to the log, not the terminal
  echo $! >"$_sv_run/pids/$name.sv"
  _sv_supervisors+=("$!")
}

supervise_pid() { cat "$_sv_run/pids/$1.pid" 2>/dev/null || true; }

supervise_stop_all() {
  touch "$_sv_run/stopping"
  local pidfile pid
  for pidfile in "$_sv_run"/pids/*.pid; do
    [[ -f "$pidfile" ]] || continue
    pid="$(cat "$pidfile" 2>/dev/null)" && kill -TERM "$pid" 2>/dev/null || true
  done
  for pidfile in "$_sv_run"/pids/*.pid; do
    [[ -f "$pidfile" ]] || continue
    pid="$(cat "$pidfile" 2>/dev/null)" || continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for pid in "${_sv_supervisors[@]}"; do wait "$pid" 2>/dev/null || true; done
}
