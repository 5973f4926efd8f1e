#!/usr/bin/env bash
# api benchmark (issue 5, section 5): writes a synthetic run of N findings (default 1,000,000; the
# issue's figure is 5,000,000: --findings 5000000), loads it (timed; a run already loaded in that home is
# not loaded again), starts `serve` on a free loopback port and measures summaries and findings pages
# with 16 clients. Prints figures (p50/p95/p99, throughput, load average, server CPU per request); not a
# test. Everything stays on 127.0.0.1.
#   --data DIR   reuse/keep the run in DIR/run and the database in DIR/home (e.g. /work/data/api-5m)
#   --run DIR / --home DIR   the same, separately (a fresh --home with an existing --run times a full load)
# Default: bench-out/api/run-N and bench-out/api/home-N.
set -euo pipefail
cd "$(dirname "$0")/.."
N=1000000
CLIENTS=16
REQUESTS=1600
RUN=""
HOME_DIR=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --findings) N="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --data) RUN="$2/run"; HOME_DIR="$2/home"; shift 2 ;;
    --run) RUN="$2"; shift 2 ;;
    --home) HOME_DIR="$2"; shift 2 ;;
    *) echo "usage: bench/api-bench.sh [--findings N] [--clients C] [--requests R] [--data DIR | --run DIR --home DIR]" >&2; exit 2 ;;
  esac
done
OUT="$PWD/bench-out/api"
RUN="${RUN:-$OUT/run-$N}"
export ONCOAUDIT_HOME="${HOME_DIR:-$OUT/home-$N}"
mkdir -p "$OUT" "$ONCOAUDIT_HOME"
mkdir -p "$(dirname "$RUN")"
RUN="$(cd "$(dirname "$RUN")" && pwd)/$(basename "$RUN")"
echo "bench: $(date -u +%FT%TZ) uptime: $(uptime)"
# A kept database may have been migrated by another branch's build first (e.g. V5 before V3/V4 were
# merged): let Flyway apply the missing lower versions instead of refusing to start (bench only).
export QUARKUS_FLYWAY_OUT_OF_ORDER=true

[[ -f api/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -ntp -q -DskipTests package -pl api -am
DUCKDB_JAR="$(ls api/target/quarkus-app/lib/main/org.duckdb.duckdb_jdbc-*.jar | head -n 1)"

if [[ ! -f "$RUN/manifest.json" ]]; then
  echo "bench: writing $N findings to $RUN"
  java -cp "$DUCKDB_JAR" bench/GenerateRun.java "$RUN" "$N" "bench-$N"
else
  echo "bench: reusing the run in $RUN ($(grep -o '"findings":[0-9]*' "$RUN/manifest.json" | head -n 1))"
fi

echo "bench: load (fresh database under $ONCOAUDIT_HOME unless it already holds the run)"
start=$(date +%s.%N)
java -jar api/target/quarkus-app/quarkus-run.jar load --run "$RUN"
end=$(date +%s.%N)
echo "bench: load wall time incl. JVM and database start: $(echo "$end - $start" | bc) s; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
USER_NAME="bench"
java -jar api/target/quarkus-app/quarkus-run.jar serve --port "$PORT" > "$OUT/serve.log" 2>&1 &
SERVE_PID=$!
trap 'kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true' EXIT
# the first start after an upgrade may run migrations over millions of rows (V5 rebuilds two indexes)
READY=0
for _ in $(seq 1 900); do
  if curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; then READY=1; break; fi
  kill -0 "$SERVE_PID" 2>/dev/null || break
  sleep 1
done
[[ $READY == 1 ]] || { echo "bench: serve did not become ready; see $OUT/serve.log" >&2; tail -n 20 "$OUT/serve.log" >&2; exit 1; }
ONCOAUDIT_USER_PASSWORD="$PASSWORD" java -jar api/target/quarkus-app/quarkus-run.jar users remove "$USER_NAME" >/dev/null 2>&1 || true
ONCOAUDIT_USER_PASSWORD="$PASSWORD" java -jar api/target/quarkus-app/quarkus-run.jar users add "$USER_NAME" --role finance >/dev/null
echo "bench: $N findings loaded; $CLIENTS clients, $REQUESTS requests per scenario; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
PG_PID="$(head -n 1 "$ONCOAUDIT_HOME/pgdata/postmaster.pid" 2>/dev/null || true)"
java bench/ApiBench.java "http://127.0.0.1:$PORT" "$USER_NAME" "$PASSWORD" "$CLIENTS" "$REQUESTS" "$SERVE_PID,$PG_PID"
echo "bench: done; uptime: $(uptime)"
