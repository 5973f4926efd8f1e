#!/usr/bin/env bash
# Batch audit benchmark (issue 4, section 4). For each size (claim lines): generate an extract, time the
# audit end to end and a baseline Spark job that only reads, groups by claim and writes the same data,
# in the same run and JVM settings. Prints lines/s, the audit/baseline ratio (target <= 1.3) and the
# largest/smallest time ratio (target <= 11 for 10M vs 1M); the driver heap is 2 GB (local mode: the
# executors live in the driver JVM, so this is the whole job's heap).
#   bench/batch-bench.sh                 # 1M and 10M lines
#   BENCH_SIZES="1000000" bench/batch-bench.sh
#   BENCH_REPEATS=3 bench/batch-bench.sh  # three baseline/audit pairs per size; the median pair is reported
# Output folders go to BENCH_DIR (default ./bench-out, git-ignored); pass BENCH_KEEP=1 to keep them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SIZES=(${BENCH_SIZES:-1000000 10000000})
DIR="${BENCH_DIR:-$ROOT/bench-out}"
HEAP="${BENCH_HEAP:-2g}"
MASTER="${BENCH_MASTER:-local[*]}"
JAR="$ROOT/audit-batch/target/audit-batch-0.1.0-SNAPSHOT.jar"
[[ -f "$JAR" && -d "$ROOT/audit-batch/target/lib" ]] || ./mvnw -B -ntp -q -DskipTests package -pl audit-batch -am
source "$ROOT/infra/spark/jvm-flags.sh"   # SPARK_JVM_FLAGS
export SPARK_LOCAL_IP=127.0.0.1
BATCH=(java "${SPARK_JVM_FLAGS[@]}" -Xmx"$HEAP" -cp "$JAR:$ROOT/audit-batch/target/lib/*" io.oncoaudit.batch.BatchCli)
batch() { "${BATCH[@]}" "$@"; }
now() { date +%s.%N; }
# CPU seconds (user + sys) of one command, from /usr/bin/time when present ("-" otherwise). With other work
# on the machine, CPU time compares the two jobs where wall time cannot.
timed() { # file cmd...
  local f="$1"; shift
  if [[ -x /usr/bin/time ]]; then /usr/bin/time -f "%U %S" -o "$f" "$@"; else echo "- -" >"$f"; "$@"; fi
}
cpu() { awk '{ if ($1 == "-") print "-"; else printf "%.1f", $1 + $2 }' "$1"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

mkdir -p "$DIR"
declare -A AUDIT BASE LINES AUDIT_CPU BASE_CPU LOAD RATIOS
REPEATS="${BENCH_REPEATS:-1}"
for size in "${SIZES[@]}"; do
  enc=$((size * 10 / 38))   # ~3.8 claim lines per generated encounter
  data="$DIR/extract-$size"
  if [[ ! -f "$data/truth.csv" ]]; then
    echo "bench: generating ~$size lines ($enc encounters) into $data" >&2
    t=$(now); batch generate --encounters "$enc" --out "$data" --seed 42 --error-rate 0.2 >"$DIR/generate-$size.json"
    echo "bench: generated in $(secs "$t" "$(now)") s: $(cat "$DIR/generate-$size.json")" >&2
  fi
  lines=$(sed -E 's/.*"claimLines": ([0-9]+).*/\1/' "$DIR/generate-$size.json")
  LINES[$size]=$lines
  # BENCH_REPEATS pairs (baseline, then audit) per size; the pair with the median ratio is reported, every
  # pair's ratio is printed: on a 2-core machine one pair varies by a few percent.
  pairs=()
  for ((r = 1; r <= REPEATS; r++)); do
    echo "bench: baseline (read, group by claim, write) on $lines lines (pair $r/$REPEATS)" >&2
    l0=$(cut -d' ' -f1 /proc/loadavg)
    # each job starts from an empty output folder: replacing an earlier run's files is not part of either job
    rm -rf "$DIR/baseline-$size" "$DIR/run-$size"
    t=$(now); timed "$DIR/cpu-base-$size" "${BATCH[@]}" baseline --claims "$data/claim_lines" --administrations "$data/administrations" --out "$DIR/baseline-$size" --master "$MASTER" >/dev/null
    b=$(secs "$t" "$(now)"); bc=$(cpu "$DIR/cpu-base-$size")
    echo "bench: audit on $lines lines (driver heap $HEAP, pair $r/$REPEATS)" >&2
    rm -rf "$DIR/baseline-$size"
    t=$(now); timed "$DIR/cpu-audit-$size" "${BATCH[@]}" audit --claims "$data/claim_lines" --administrations "$data/administrations" --out "$DIR/run-$size" --master "$MASTER" >/dev/null
    a=$(secs "$t" "$(now)"); ac=$(cpu "$DIR/cpu-audit-$size")
    ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", a / b }')
    echo "bench: pair $r: audit $a s, baseline $b s, ratio $ratio" >&2
    pairs+=("$ratio $a $b $ac $bc $l0-$(cut -d' ' -f1 /proc/loadavg)")
    echo "bench: audit steps (wall ms / Spark tasks' CPU ms): $(grep -E '"stage(Millis|TaskCpuMillis)"' "$DIR/run-$size/manifest.json" | tr -s ' ' | tr '\n' ' ')" >&2
  done
  median=$(printf '%s\n' "${pairs[@]}" | sort -n | sed -n "$(( (${#pairs[@]} + 1) / 2 ))p")
  read -r _ AUDIT[$size] BASE[$size] AUDIT_CPU[$size] BASE_CPU[$size] LOAD[$size] <<<"$median"
  RATIOS[$size]=$(printf '%s\n' "${pairs[@]}" | awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 }')
  [[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$DIR/baseline-$size"
done

echo
printf "%-10s %8s %8s %10s %10s %7s %9s %9s %9s %11s\n" "lines" "audit s" "base s" "audit l/s" "base l/s" "ratio" \
  "audit cpu" "base cpu" "cpu ratio" "load 1m"
for size in "${SIZES[@]}"; do
  awk -v n="${LINES[$size]}" -v a="${AUDIT[$size]}" -v b="${BASE[$size]}" -v ac="${AUDIT_CPU[$size]}" \
    -v bc="${BASE_CPU[$size]}" -v l="${LOAD[$size]}" \
    'BEGIN { r = (ac == "-" || bc == "-") ? "-" : sprintf("%.2f", ac / bc);
             printf "%-10d %8.1f %8.1f %10.0f %10.0f %7.2f %9s %9s %9s %11s\n", n, a, b, n / a, n / b, a / b, ac, bc, r, l }'
done
for size in "${SIZES[@]}"; do
  echo "audit/baseline of each pair at ${LINES[$size]} lines: ${RATIOS[$size]} (the median pair is in the table)"
done
if [[ ${#SIZES[@]} -ge 2 ]]; then
  first=${SIZES[0]}; last=${SIZES[${#SIZES[@]}-1]}
  awk -v a="${AUDIT[$first]}" -v b="${AUDIT[$last]}" -v n1="${LINES[$first]}" -v n2="${LINES[$last]}" \
    'BEGIN { printf "audit time ratio %d vs %d lines: %.2f (lines ratio %.2f)\n", n2, n1, b / a, n2 / n1 }'
  awk -v a="${AUDIT_CPU[$first]}" -v b="${AUDIT_CPU[$last]}" \
    'BEGIN { if (a != "-" && b != "-") printf "audit CPU ratio: %.2f\n", b / a }'
fi
echo "driver heap: $HEAP, master: $MASTER, cores: $(nproc) — every run above completed (exit 0)"
