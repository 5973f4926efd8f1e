#!/usr/bin/env bash
# api benchmark (issue 5, section 5): writes a synthetic run of N findings (default 1,000,000; the
# issue's figure is 5,000,000: --findings 5000000), loads it into a fresh embedded database (timed),
# starts `serve` on a free loopback port and measures summaries and findings pages with 16 clients.
# Prints figures; not a test. Everything stays under bench-out/ and on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
N=1000000
CLIENTS=16
REQUESTS=1600
while [[ $# -gt 0 ]]; do
  case "$1" in
    --findings) N="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    *) echo "usage: bench/api-bench.sh [--findings N] [--clients C] [--requests R]" >&2; exit 2 ;;
  esac
done
OUT="$PWD/bench-out/api"
RUN="$OUT/run-$N"
export ONCOAUDIT_HOME="$OUT/home-$N"
mkdir -p "$OUT"

[[ -f api/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -ntp -q -DskipTests package -pl api -am
DUCKDB_JAR="$(ls api/target/quarkus-app/lib/main/org.duckdb.duckdb_jdbc-*.jar | head -n 1)"

if [[ ! -f "$RUN/manifest.json" ]]; then
  echo "bench: writing $N findings to $RUN"
  java -cp "$DUCKDB_JAR" bench/GenerateRun.java "$RUN" "$N" "bench-$N"
fi

echo "bench: load (fresh database under $ONCOAUDIT_HOME unless it already holds the run)"
start=$(date +%s.%N)
java -jar api/target/quarkus-app/quarkus-run.jar load --run "$RUN"
end=$(date +%s.%N)
echo "bench: load wall time incl. JVM and database start: $(echo "$end - $start" | bc) s"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
USER_NAME="bench"
java -jar api/target/quarkus-app/quarkus-run.jar serve --port "$PORT" > "$OUT/serve.log" 2>&1 &
SERVE_PID=$!
trap 'kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
ONCOAUDIT_USER_PASSWORD="$PASSWORD" java -jar api/target/quarkus-app/quarkus-run.jar users remove "$USER_NAME" >/dev/null 2>&1 || true
ONCOAUDIT_USER_PASSWORD="$PASSWORD" java -jar api/target/quarkus-app/quarkus-run.jar users add "$USER_NAME" --role finance >/dev/null
echo "bench: $N findings loaded; $CLIENTS clients, $REQUESTS requests per scenario; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/ApiBench.java "http://127.0.0.1:$PORT" "$USER_NAME" "$PASSWORD" "$CLIENTS" "$REQUESTS"
