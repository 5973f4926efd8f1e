#!/usr/bin/env bash
# Smoke test of `bin/oncoaudit demo` (issue 8): runs the demo from this checkout with a small extract,
# in a throw-away ONCOAUDIT_HOME, on a free port; waits for /q/health/ready; checks with HTTP Basic
# (the admin password the demo printed) that GET /api/summary?by=kind reports findings and that `/`
# serves the dashboard HTML; then stops the demo and removes its files. Exit 0 = passed, 1 = failed.
#
#   infra/scripts/demo-smoke.sh [--encounters N] [--timeout SECONDS] [--require-built] [--keep]
#
# Meant for CI after `./mvnw -B -ntp verify`, which builds the jars: then the demo builds nothing
# (--require-built makes a build a failure). Without the jars the demo builds them first (slower).
set -euo pipefail

ROOT="$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
ENCOUNTERS=300
TIMEOUT=600 # seconds for the whole demo to be ready (generate + audit + load + serve; more if it builds)
REQUIRE_BUILT=""
KEEP=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --encounters) ENCOUNTERS="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --require-built) REQUIRE_BUILT=yes; shift ;;
    --keep) KEEP=yes; shift ;;
    -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo-smoke: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

command -v curl >/dev/null 2>&1 || { echo "demo-smoke: FAIL: curl is required (apt-get install -y curl)" >&2; exit 1; }

T0=$SECONDS
WORK="$(mktemp -d "${TMPDIR:-/tmp}/oncoaudit-demo-smoke.XXXXXX")"
OUT="$WORK/demo.out"
DEMO_PID=""

say() { printf 'demo-smoke: %s\n' "$*"; }

fail() {
  printf 'demo-smoke: FAIL: %s\n' "$*" >&2
  if [[ -f "$OUT" ]]; then
    echo "---- demo output (last 40 lines) ----" >&2
    tail -n 40 "$OUT" >&2
  fi
  if [[ -f "$WORK/home/demo/logs/serve.log" ]]; then
    echo "---- server log (last 20 lines) ----" >&2
    tail -n 20 "$WORK/home/demo/logs/serve.log" >&2
  fi
  exit 1
}

# Stops the demo (it stops its server, which stops the embedded PostgreSQL), then anything of ours left.
stop_demo() {
  local server_pid="" pg_pid="" i
  [[ -f "$WORK/home/demo/serve.pid" ]] && server_pid="$(cat "$WORK/home/demo/serve.pid" 2>/dev/null || true)"
  if [[ -n "$DEMO_PID" ]] && kill -0 "$DEMO_PID" 2>/dev/null; then
    kill -TERM "$DEMO_PID" 2>/dev/null || true
    for ((i = 0; i < 600; i++)); do # 60 s
      kill -0 "$DEMO_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$DEMO_PID" 2>/dev/null; then
      echo "demo-smoke: the demo did not stop within 60 s after SIGTERM; killing it" >&2
      kill -KILL "$DEMO_PID" 2>/dev/null || true
    fi
    wait "$DEMO_PID" 2>/dev/null || true
  fi
  DEMO_PID=""
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    echo "demo-smoke: server $server_pid still running after the demo stopped; killing it" >&2
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  # The embedded PostgreSQL of our temporary home (its pid is line 1 of postmaster.pid).
  for ((i = 0; i < 150; i++)); do # 15 s for the server's own shutdown of it
    [[ -f "$WORK/home/pgdata/postmaster.pid" ]] || break
    pg_pid="$(head -n 1 "$WORK/home/pgdata/postmaster.pid" 2>/dev/null || true)"
    [[ -n "$pg_pid" ]] && kill -0 "$pg_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -n "$pg_pid" ]] && kill -0 "$pg_pid" 2>/dev/null && [[ -f "$WORK/home/pgdata/postmaster.pid" ]]; then
    echo "demo-smoke: embedded PostgreSQL $pg_pid still running; stopping it" >&2
    kill -INT "$pg_pid" 2>/dev/null || true
    sleep 2
    kill -0 "$pg_pid" 2>/dev/null && kill -KILL "$pg_pid" 2>/dev/null || true
  fi
}

cleanup() {
  local rc=$?
  stop_demo
  if [[ -n "$KEEP" || $rc -ne 0 ]]; then
    echo "demo-smoke: files kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free port on 127.0.0.1, never 8080 or 7077 (shared machines: other servers may use those).
free_port() {
  local p i
  for ((i = 0; i < 100; i++)); do
    p=$((20000 + RANDOM % 40000))
    [[ "$p" == 8080 || "$p" == 7077 ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      printf '%s' "$p"
      return 0
    fi
  done
  return 1
}
PORT="$(free_port)" || fail "no free port found on 127.0.0.1"
URL="http://127.0.0.1:$PORT"

say "demo with $ENCOUNTERS encounters on port $PORT, ONCOAUDIT_HOME=$WORK/home"
# No ONCOAUDIT_ADMIN_PASSWORD: the api generates the admin password and the demo must surface it.
env -u ONCOAUDIT_ADMIN_PASSWORD -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_HTTP_PORT ONCOAUDIT_HOME="$WORK/home" \
  "$ROOT/bin/oncoaudit" demo --encounters "$ENCOUNTERS" --port "$PORT" >"$OUT" 2>&1 &
DEMO_PID=$!

deadline=$((SECONDS + TIMEOUT))
until grep -q '^oncoaudit demo is ready' "$OUT" 2>/dev/null; do
  kill -0 "$DEMO_PID" 2>/dev/null || { wait "$DEMO_PID" 2>/dev/null && rc=0 || rc=$?; DEMO_PID=""; fail "the demo exited (status $rc) before it was ready"; }
  ((SECONDS < deadline)) || fail "the demo was not ready after ${TIMEOUT}s"
  sleep 1
done
say "demo ready after $((SECONDS - T0)) s"
if grep -q '^\[build\] building' "$OUT"; then
  [[ -n "$REQUIRE_BUILT" ]] && fail "the demo built the jars although --require-built was given (run ./mvnw -B -ntp verify first)"
  say "note: the demo built the jars first"
fi

status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL/q/health/ready" || true)"
[[ "$status" == 200 ]] || fail "GET /q/health/ready answered $status, expected 200"

PASSWORD="$(sed -n 's|^  login: *admin / ||p' "$OUT" | head -n 1)"
[[ -n "$PASSWORD" ]] || fail "the demo printed no admin password ('login: admin / ...')"

status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL/api/summary?by=kind" || true)"
[[ "$status" == 401 ]] || fail "GET /api/summary without credentials answered $status, expected 401"

SUMMARY="$WORK/summary-by-kind.json"
status="$(curl -s -o "$SUMMARY" -w '%{http_code}' --max-time 30 -u "admin:$PASSWORD" "$URL/api/summary?by=kind" || true)"
[[ "$status" == 200 ]] || fail "GET /api/summary?by=kind as admin answered $status, expected 200: $(head -c 300 "$SUMMARY" 2>/dev/null)"
kinds="$(grep -o '"kind" *: *"[A-Z0-9_]*"' "$SUMMARY" | wc -l)"
findings="$(grep -oE '"findings" *: *[0-9]+' "$SUMMARY" | sed -E 's/.*: *//' | awk '{s += $1} END {print s + 0}')"
((kinds > 0)) || fail "GET /api/summary?by=kind returned no rows: $(head -c 300 "$SUMMARY")"
((findings > 0)) || fail "GET /api/summary?by=kind reports 0 findings: $(head -c 300 "$SUMMARY")"
say "GET /api/summary?by=kind: $kinds kinds, $findings findings"

PAGE="$WORK/index.html"
ctype="$(curl -s -o "$PAGE" -w '%{http_code} %{content_type}' --max-time 10 -u "admin:$PASSWORD" "$URL/" || true)"
[[ "$ctype" == "200 text/html"* ]] || fail "GET / answered '$ctype', expected 200 text/html (the dashboard)"
grep -qi '<html' "$PAGE" || fail "GET / is not an HTML page: $(head -c 200 "$PAGE")"
say "GET /: dashboard HTML ($(wc -c <"$PAGE") bytes)"

stop_demo
if grep -q "oncoaudit demo: stopping the server" "$OUT"; then :; else fail "the demo did not report stopping its server"; fi
status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$URL/q/health/ready" || true)"
[[ "$status" == 000 ]] || fail "the server still answers ($status) after the demo was stopped"
say "PASSED in $((SECONDS - T0)) s (demo stopped, port $PORT free)"
