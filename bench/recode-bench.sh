#!/usr/bin/env bash
# JMH benchmark of coding-core's recoder over a realistic encounter mix, single thread (= per core).
# Prints encounters/s and bytes allocated per encounter (gc.alloc.rate.norm). Not a test: figures only.
#   bench/recode-bench.sh [JMH options]        e.g. -f 3 -wi 5 -i 5 -w 3s -r 3s
#   bench/recode-bench.sh --cpu [ROUNDS SECS]  encounters per CPU-second of the benchmark thread (CpuTimeBench): for a
#                                              machine shared with other work, where wall-clock ops/s measure the load
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl coding-core test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="coding-core/target/test-classes:coding-core/target/classes:$(cat coding-core/target/bench-cp.txt)"
if [[ "${1:-}" == "--cpu" ]]; then
  exec java -Xms1g -Xmx1g -cp "$cp" io.oncoaudit.core.bench.CpuTimeBench "${2:-7}" "${3:-3}" recode
fi
java -cp "$cp" org.openjdk.jmh.Main RecodeBenchmark -t 1 -prof gc "$@" | tee coding-core/target/recode-bench.txt
echo
grep -E "^RecodeBenchmark\.recode[A-Za-z]+(  |:gc.alloc.rate.norm)" coding-core/target/recode-bench.txt | awk '
  { split($1, n, "[.:]"); name = n[2] }
  /gc.alloc.rate.norm/ { printf "%-32s bytes allocated per encounter: %s\n", name, $(NF-3); next }
  { printf "%-32s encounters/s per core: %s (+- %s)\n", name, $(NF-3), $(NF-1) }'
