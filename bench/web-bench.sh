#!/usr/bin/env bash
# Dashboard first-view benchmark (issue 6, section 5: "first view rendered in under 1.5 s with 5M findings
# loaded"). Starts `serve` on a loopback port over an ONCOAUDIT_HOME that already holds a loaded run (or
# uses a running server with --url), (re)creates a finance and an auditor login, and drives Debian's
# headless Chromium at 1280x800 (bench/WebFirstView.java, Selenium from the api test classpath): time from
# the "Log in" click and from navigation start to the finance view's tiles and charts rendered, and to
# the auditor worklist's first page. Repetition 1 is cold (new browser profile, first queries after the
# server start); the others warm. Prints min/median/p95/max per view, the /api calls as the browser saw
# them, browser console errors, and the load average. Not a test.
#   --home DIR       ONCOAUDIT_HOME with a loaded run (e.g. /work/data/api-5m/home); serve is started on it
#   --url URL        use a running server instead (the users are added with the ONCOAUDIT_HOME of the env)
#   --repeats N      repetitions (default 10; the first is cold)
#   --out-of-order   QUARKUS_FLYWAY_OUT_OF_ORDER=true for serve (a database migrated by another branch
#                    first, e.g. at V5 before V3/V4); also when that variable is set in the environment
set -euo pipefail
cd "$(dirname "$0")/.."
HOME_DIR="${ONCOAUDIT_HOME:-}"
URL=""
REPEATS=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --home) HOME_DIR="$2"; shift 2 ;;
    --url) URL="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    --out-of-order) export QUARKUS_FLYWAY_OUT_OF_ORDER=true; shift ;;
    *) echo "usage: bench/web-bench.sh --home ONCOAUDIT_HOME | --url URL [--repeats N] [--out-of-order]" >&2; exit 2 ;;
  esac
done
[[ -n "$HOME_DIR" ]] || { echo "web-bench: --home DIR (or ONCOAUDIT_HOME) is needed to add the users" >&2; exit 2; }
export ONCOAUDIT_HOME="$HOME_DIR"
OUT="$PWD/bench-out/web"
mkdir -p "$OUT"
JAR=api/target/quarkus-app/quarkus-run.jar
[[ -f "$JAR" ]] || { echo "web-bench: build the api first: ./mvnw -B -ntp -q install -DskipTests -pl coding-core,web && ./mvnw -B -ntp -q package -DskipTests -pl api" >&2; exit 1; }
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || { echo "web-bench: needs /usr/bin/chromium and /usr/bin/chromedriver (infra/scripts/setup.sh)" >&2; exit 1; }

# Selenium and its dependencies: the api module's test classpath (resolved once, offline if possible)
CP_FILE="$OUT/test-classpath.txt"
if [[ ! -s "$CP_FILE" || api/pom.xml -nt "$CP_FILE" ]]; then
  ./mvnw -B -ntp -q -o dependency:build-classpath -pl api -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null \
    || ./mvnw -B -ntp -q dependency:build-classpath -pl api -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
fi

echo "web-bench: $(date -u +%FT%TZ) uptime: $(uptime)"
SERVE_PID=""
if [[ -z "$URL" ]]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  URL="http://127.0.0.1:$PORT"
  java -jar "$JAR" serve --port "$PORT" > "$OUT/serve.log" 2>&1 &
  SERVE_PID=$!
  # SIGTERM: Quarkus and the embedded PostgreSQL shut down cleanly
  trap 'kill -TERM "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true' EXIT
  READY=0
  start=$(date +%s)
  for _ in $(seq 1 1800); do   # a first start after an upgrade may run migrations over millions of rows
    if curl -sf "$URL/q/health/ready" >/dev/null; then READY=1; break; fi
    kill -0 "$SERVE_PID" 2>/dev/null || break
    sleep 1
  done
  [[ $READY == 1 ]] || { echo "web-bench: serve did not become ready; see $OUT/serve.log" >&2; tail -n 20 "$OUT/serve.log" >&2; exit 1; }
  echo "web-bench: serve ready on $URL after $(( $(date +%s) - start )) s"
fi

PASSWORD="webbench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
for pair in webbench-finance:finance webbench-auditor:auditor; do
  name="${pair%%:*}"; role="${pair##*:}"
  ONCOAUDIT_USER_PASSWORD="$PASSWORD" java -jar "$JAR" users remove "$name" >/dev/null 2>&1 || true
  ONCOAUDIT_USER_PASSWORD="$PASSWORD" java -jar "$JAR" users add "$name" --role "$role" >/dev/null
done
curl -sf -u "webbench-finance:$PASSWORD" "$URL/api/runs" > "$OUT/runs.json" || { echo "web-bench: the finance login does not work on $URL" >&2; exit 1; }
echo "web-bench: runs loaded: $(grep -o '"findings":[0-9]*' "$OUT/runs.json" | tr '\n' ' ')"
echo "web-bench: $REPEATS repetitions (the first cold); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(cat "$CP_FILE")" bench/WebFirstView.java "$URL" webbench-finance webbench-auditor "$PASSWORD" "$REPEATS" \
  | tee "$OUT/first-view.txt"
echo "web-bench: done; uptime: $(uptime)"
