#!/usr/bin/env bash
# Set-up for a fresh machine (Debian, root): what the tests and the demo need beyond Java 17.
# Idempotent: safe to run again. Used by .ci/run and described in README.md ("Set-up").
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jdk-headless)
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
# Headless browser for the dashboard tests (web module).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
# The machine's PostgreSQL (tests of the external-datasource path); the embedded default needs nothing.
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)

if [ ${#need_apt[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Start the machine's PostgreSQL when it is installed and down (trust auth on 127.0.0.1 on these machines).
if command -v pg_ctlcluster >/dev/null 2>&1 && command -v pg_isready >/dev/null 2>&1; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$ver" ]; then
      pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
    fi
  fi
  pg_isready -h 127.0.0.1 -p 5432 -q && echo "setup: PostgreSQL is up on 127.0.0.1:5432" || echo "setup: PostgreSQL not running (embedded database will be used)"
fi
echo "setup: done"
