#!/usr/bin/env bash
# Stops the cluster started by start-cluster.sh with the same environment: only the processes whose
# pids it recorded (workers first, then the master).
source "$(dirname "$0")/env.sh"
[[ -d "$ONCOAUDIT_SPARK_STATE" ]] || { echo "spark: nothing to stop in $ONCOAUDIT_SPARK_STATE" >&2; exit 0; }
stop_pid() {
  local f="$1" pid
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}
for f in "$ONCOAUDIT_SPARK_STATE"/worker-*.pid; do stop_pid "$f"; done
stop_pid "$ONCOAUDIT_SPARK_STATE/master.pid"
echo "spark: stopped cluster of $ONCOAUDIT_SPARK_STATE" >&2
