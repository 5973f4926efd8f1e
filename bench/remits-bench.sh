#!/usr/bin/env bash
# Remittance benchmark (issue 15, "Performance"): generates N encounters as CSV + 837P + the payer's 835
# (generate --format x12), then times, with the same JVM settings, (a) the CSV audit and (b) the same audit with
# --remits reading the 835 folder (one Spark task per 835 file, each streamed in bounded memory). The driver heap
# is fixed (BENCH_HEAP, default 2g; local mode: the executors live in the driver JVM): the 835 folder may be far
# larger than the heap. Prints the 835 folder size, both wall times, the remittance stage's own time (manifest
# stageMillis) and the peak RSS of each run. Not a test.
#   bench/remits-bench.sh                          # 2,000,000 encounters (about 1 GB of 835)
#   BENCH_ENCOUNTERS=200000 bench/remits-bench.sh  # a smaller run (about 90 MB of 835)
#   BENCH_REMITS_ONLY=1 ...                        # the remittance stage alone: the 835 folder against a
#                                                  # 1,000-line sample of the claims (the CSV audit is skipped;
#                                                  # nearly every remittance claim is then unmatched)
# The machine's load is printed before and after each run (uptime): on a shared machine compare the Spark tasks'
# CPU seconds (manifest stageTaskCpuMillis), which other work does not inflate, rather than wall times.
# Output goes to BENCH_DIR (default ./bench-out/remits, git-ignored).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N="${BENCH_ENCOUNTERS:-2000000}"
DIR="${BENCH_DIR:-$ROOT/bench-out/remits}"
HEAP="${BENCH_HEAP:-2g}"
PART="${BENCH_PART_SIZE:-100000}"
JAR="$ROOT/audit-batch/target/audit-batch-0.1.0-SNAPSHOT.jar"
# BENCH_CP: another build's classpath (e.g. a copy of an older jar and its lib/*) to compare before and after
CP="${BENCH_CP:-$JAR:$ROOT/audit-batch/target/lib/*}"
[[ -n "${BENCH_CP:-}" || ( -f "$JAR" && -d "$ROOT/audit-batch/target/lib" ) ]] \
  || ./mvnw -B -ntp -q -DskipTests package -pl audit-batch -am
source "$ROOT/infra/spark/jvm-flags.sh"   # SPARK_JVM_FLAGS
export SPARK_LOCAL_IP=127.0.0.1
# nice: the machine is shared (BENCH_NICE=0 on a machine of your own)
BATCH=(nice -n "${BENCH_NICE:-5}" java "${SPARK_JVM_FLAGS[@]}" -Xmx"$HEAP" -cp "$CP" io.oncoaudit.batch.BatchCli)
now() { date +%s.%N; }
rss() { # file cmd... : peak RSS in KB from /usr/bin/time when present
  local f="$1"; shift
  if [[ -x /usr/bin/time ]]; then /usr/bin/time -f "%M" -o "$f" "$@"; else echo "-" >"$f"; "$@"; fi
}
mkdir -p "$DIR"
DATA="$DIR/data-$N"
echo "bench: $(date -u +%FT%TZ) encounters=$N heap=$HEAP uptime: $(uptime)"
if [[ ! -f "$DATA/remits-truth.csv" ]]; then
  rm -rf "$DATA"
  "${BATCH[@]}" generate --encounters "$N" --out "$DATA" --seed 15 --error-rate 0.2 --part-size "$PART" --format x12 >/dev/null
fi
REMIT_BYTES=$(du -sb "$DATA/remits" | cut -f1)
rm -rf "$DIR/run-csv" "$DIR/run-remits"
CLAIMS=("$DATA/claim_lines")
ADMINS=("$DATA/administrations")
if [[ -n "${BENCH_REMITS_ONLY:-}" ]]; then
  mkdir -p "$DIR/sample"
  first=$(ls "$DATA/claim_lines" | head -n 1)
  head -n 1001 "$DATA/claim_lines/$first" >"$DIR/sample/claim_lines.csv"
  CLAIMS=("$DIR/sample/claim_lines.csv")
  ADMINS=()
  echo "0" >"$DIR/rss-csv"
  t0=$(now); t1=$t0
else
  echo "csv audit start:    uptime: $(uptime)"
  t0=$(now)
  rss "$DIR/rss-csv" "${BATCH[@]}" audit --claims "${CLAIMS[0]}" --administrations "${ADMINS[0]}" \
    --out "$DIR/run-csv" >/dev/null 2>"$DIR/audit-csv.log"
  t1=$(now)
  ADMINS=(--administrations "${ADMINS[0]}")
fi
echo "remits audit start: uptime: $(uptime)"
rss "$DIR/rss-remits" "${BATCH[@]}" audit --claims "${CLAIMS[0]}" "${ADMINS[@]}" \
  --remits "$DATA/remits" --out "$DIR/run-remits" >/dev/null 2>"$DIR/audit-remits.log"
t2=$(now)
echo "remits audit end:   uptime: $(uptime)"
python3 - "$N" "$REMIT_BYTES" "$t0" "$t1" "$t2" "$(cat "$DIR/rss-csv")" "$(cat "$DIR/rss-remits")" \
  "$DIR/run-remits/summary.json" "$DIR/run-remits/manifest.json" "$DIR/run-csv/manifest.json" <<'PY'
import json, os, sys
n, b, t0, t1, t2, rc, rr, summ, man, man_csv = sys.argv[1:]
b = int(b); t0, t1, t2 = float(t0), float(t1), float(t2)
m = json.load(open(man))
stage = m["stageMillis"]["read and match remittances"]
cpu = m["stageTaskCpuMillis"]["read and match remittances"]
tasks_cpu = lambda f: sum(json.load(open(f))["stageTaskCpuMillis"].values()) / 1000 if os.path.exists(f) else 0
r = json.load(open(summ))["remits"]
mb = lambda x: "-" if x.strip() in ("", "-") else f"{int(x.split()[-1]) / 1024:.0f} MB"
print(f"835 folder: {b / 1e9:.2f} GB in {r['files']} files, {r['claims']:,} claims, "
      f"{r['linesMatched'] + r['linesUnmatched']:,} lines")
if t1 > t0:
    print(f"CSV audit:              {t1 - t0:8.1f} s  (peak RSS {mb(rc)}; Spark tasks' CPU {tasks_cpu(man_csv):.1f} s)")
label = "CSV audit + --remits:  " if t1 > t0 else "1,000 lines + --remits:"
print(f"{label} {t2 - t1:8.1f} s  (peak RSS {mb(rr)}; Spark tasks' CPU {tasks_cpu(man):.1f} s); "
      f"remittance stage {stage / 1000:.1f} s, {b / 1e6 / (stage / 1000):.1f} MB/s of 835, tasks' CPU {cpu / 1000:.1f} s")
print(f"remits: denied {r['denied']['lines']:,} lines, paid below expected {r['paidBelowExpected']['lines']:,} lines")
PY
