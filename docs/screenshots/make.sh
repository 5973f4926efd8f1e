#!/usr/bin/env bash
# Regenerates the screenshots of the closing note from a running demo (bin/oncoaudit demo). Not part of CI.
#
#   docs/screenshots/make.sh [--url http://127.0.0.1:8080] [--user admin] [--skip-browser]
#
# Password: ONCOAUDIT_PASSWORD, else the demo's $ONCOAUDIT_HOME/demo/admin-password. Needs curl, python3,
# pdftoppm (poppler-utils) and soffice (libreoffice-calc-nogui). Writes, beside this script:
#   letter.png      page 1 of one appeal letter (a campaign built for the demo's first payer, archived afterwards)
#   xlsx.png        the summary workbook (GET /api/summary/export.xlsx, sheet "By payer") as LibreOffice renders it
#   drill-down.png  the dashboard's drill-down, payer -> provider -> kind -> claims, from DrillDownBrowserTests
#                   (headless Chromium on the tests' synthetic run); --skip-browser keeps the present one
# Every identifier is the demo's or the tests' synthetic data.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
url="http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}" user=admin browser=yes
while (($#)); do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --skip-browser) browser=""; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "make.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
password="${ONCOAUDIT_PASSWORD:-$(cat "${ONCOAUDIT_HOME:-$HOME/.oncoaudit}/demo/admin-password" 2>/dev/null || true)}"
[[ -n "$password" ]] || { echo "make.sh: set ONCOAUDIT_PASSWORD (the $user password)" >&2; exit 2; }
for tool in curl python3 pdftoppm soffice; do
  command -v "$tool" >/dev/null || { echo "make.sh: $tool is missing (apt-get install -y poppler-utils libreoffice-calc-nogui)" >&2; exit 2; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
api() { curl -fsS -u "$user:$password" "$@"; }

# 1. one letter: a campaign over the first payer's findings, its first claim's letter, page 1
payer="$(api "$url/api/summary?by=payer" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(max(r, key=lambda x: x["findings"])["payerId"])')"
campaign="$(api -H 'Content-Type: application/json' -d "{\"name\":\"screenshot $(date +%s)\",\"filter\":{\"payerId\":\"$payer\",\"direction\":\"UNDERPAYMENT\"}}" \
  "$url/api/campaigns" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
claim="$(api "$url/api/campaigns/$campaign" | python3 -c 'import json,sys; print(json.load(sys.stdin)["claimList"][0]["claimId"])')"
api -o "$tmp/letter.pdf" "$url/api/campaigns/$campaign/claims/$claim/letter.pdf"
api -X POST -o /dev/null "$url/api/campaigns/$campaign/archive"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/letter.pdf" "$here/letter"

# 2. an XLSX export opened by a spreadsheet program (LibreOffice, headless) and rendered
api -o "$tmp/summary.xlsx" "$url/api/summary/export.xlsx"
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/summary.xlsx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -x 0 -y 0 -W 680 -H 230 -singlefile "$tmp/summary.pdf" "$here/xlsx" # the sheet's rows, not the blank page

# 3. the drill-down, click by click in headless Chromium (the browser test saves each step)
if [[ -n "$browser" ]]; then
  (cd "$root" && ./mvnw -B -ntp -q -pl api -am verify -Dtest=DrillDownBrowserTests -Dsurefire.failIfNoSpecifiedTests=false)
  cp "$root/api/target/screenshots/drill-down-claims.png" "$here/drill-down.png"
fi
ls -l "$here"/*.png
