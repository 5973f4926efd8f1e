#!/usr/bin/env bash
# Paired JMH of the recoder: two builds of coding-core run AT THE SAME TIME, one per core (taskset), then swap cores,
# so both see the same machine. On a shared virtual machine the recoder's throughput swings by up to 2x between
# iterations of one fork (it is memory-bound, and the host's other tenants share the cache), which makes back-to-back
# runs meaningless at the 10-20 % level; the ratio of a pair is far steadier than either figure. Not a test.
#   bench/recode-pair.sh REV_A REV_B [ROUNDS] [BENCHMARK]
#     REV_*: a git revision (built into bench-out/pair/REV with its own RecodeBenchmark) or "." (the working tree)
#     ROUNDS: default 4 (cores alternate each round); BENCHMARK: default RecodeBenchmark.recodeRealisticMix
# Prints, per round, each side's encounters/s and bytes per encounter and the ratio B/A, then the geometric mean.
# Needs 2 free cores: run it on an otherwise idle machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
A="${1:?usage: bench/recode-pair.sh REV_A REV_B [ROUNDS] [BENCHMARK]}"
B="${2:?usage: bench/recode-pair.sh REV_A REV_B [ROUNDS] [BENCHMARK]}"
ROUNDS="${3:-4}"
BENCH="${4:-RecodeBenchmark.recodeRealisticMix}"
OUT="$ROOT/bench-out/pair"
mkdir -p "$OUT"

build() { # rev -> prints the directory holding classes/, test-classes/, bench-cp.txt
  local rev="$1" dir
  if [[ "$rev" == "." ]]; then
    ./mvnw -B -ntp -q -pl coding-core test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-cp.txt >&2
    dir="$OUT/working-tree"
    rm -rf "$dir" && mkdir -p "$dir"
    cp -r coding-core/target/classes coding-core/target/test-classes coding-core/target/bench-cp.txt "$dir/"
  else
    local sha
    sha=$(git rev-parse --short "$rev")
    dir="$OUT/$sha"
    if [[ ! -f "$dir/bench-cp.txt" ]]; then
      rm -rf "$OUT/src-$sha"
      git worktree add -f --detach "$OUT/src-$sha" "$sha" >&2
      (cd "$OUT/src-$sha" && ./mvnw -B -ntp -q -pl coding-core test-compile dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >&2)
      mkdir -p "$dir"
      cp -r "$OUT/src-$sha/coding-core/target/classes" "$OUT/src-$sha/coding-core/target/test-classes" \
        "$OUT/src-$sha/coding-core/target/bench-cp.txt" "$dir/"
      git worktree remove --force "$OUT/src-$sha" >&2
    fi
  fi
  echo "$dir"
}

run() { # core dir -> "score bytes"
  local cp="$2/test-classes:$2/classes:$(cat "$2/bench-cp.txt")"
  taskset -c "$1" java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "$BENCH" -t 1 -f 1 -wi 5 -i 10 -w 2s -r 2s \
      -jvmArgsAppend "-XX:ActiveProcessorCount=1" -prof gc 2>/dev/null \
    | awk '/^RecodeBenchmark\.[a-zA-Z]+ / {s=$(NF-3)} /gc.alloc.rate.norm / {b=$(NF-3)} END {print s, b}'
}

DA=$(build "$A")
DB=$(build "$B")
echo "pair: $BENCH, A=$A, B=$B, $ROUNDS rounds, $(date -u +%FT%TZ), uptime: $(uptime)"
ratios=()
for ((r = 0; r < ROUNDS; r++)); do
  if ((r % 2 == 0)); then ca=0; cb=1; else ca=1; cb=0; fi
  run $ca "$DA" >"$OUT/a.txt" &
  run $cb "$DB" >"$OUT/b.txt" &
  wait
  read -r sa ba <"$OUT/a.txt"
  read -r sb bb <"$OUT/b.txt"
  ratio=$(python3 -c "print(f'{$sb / $sa:.3f}')")
  ratios+=("$ratio")
  printf "round %d: A (core %d) %'.0f/s %'.0f B   B (core %d) %'.0f/s %'.0f B   B/A %s\n" \
    "$r" "$ca" "$sa" "$ba" "$cb" "$sb" "$bb" "$ratio"
done
python3 -c "import math,sys; r=[float(x) for x in sys.argv[1:]]; print(f'B/A geometric mean {math.exp(sum(map(math.log,r))/len(r)):.3f} (range {min(r):.3f}-{max(r):.3f})')" "${ratios[@]}"
